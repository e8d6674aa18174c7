package dev.slk.lambda.securityhub;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Lambda entry point of the Security Hub processor:
 * {@code dev.slk.lambda.securityhub.SecurityHubProcessorHandler::handleRequest}.
 *
 * <p>Reads ASFF findings from the ASFF queue, cuts them to the ASFF limits (with a warning), imports
 * them 100 per call and answers with a partial batch response naming the messages with a finding
 * Security Hub did not take.
 */
public final class SecurityHubProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** Time kept back from the function's remaining time: no BatchImportFindings call starts inside it. */
    static final long SAFETY_MARGIN_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(SecurityHubProcessorHandler.class);

    private final FindingImporter importer;
    private final Pacer pacer;
    private final String moduleId;

    /** Called by the Lambda runtime once per execution environment. */
    public SecurityHubProcessorHandler() {
        this(client(System.getenv("AWS_REGION")), Pacer.SYSTEM, System.getenv("SLK_MODULE_ID"));
    }

    /**
     * @param securityHub the client; slk does its own retries, so give it none
     * @param pacer the clock for backoff
     * @param moduleId the module id on every log line, or null for {@code core}
     */
    SecurityHubProcessorHandler(SecurityHubClient securityHub, Pacer pacer, String moduleId) {
        this.importer = new FindingImporter(securityHub, pacer, new SecureRandom());
        this.pacer = pacer;
        this.moduleId = moduleId == null || moduleId.isBlank() ? "core" : moduleId.strip();
    }

    /**
     * @param securityHub a client with no retries of its own (see {@link #client})
     * @param moduleId the module id on every log line, or null for {@code core}
     * @return a handler for tests and local runs
     */
    public static SecurityHubProcessorHandler withClient(SecurityHubClient securityHub, String moduleId) {
        return new SecurityHubProcessorHandler(securityHub, Pacer.SYSTEM, moduleId);
    }

    /**
     * @param region {@code AWS_REGION}
     * @return the Security Hub client the function uses: url-connection HTTP, Lambda's environment
     *     credentials, and no SDK retries (the importer retries within the remaining time)
     */
    public static SecurityHubClient client(String region) {
        return SecurityHubClient.builder().region(Region.of(region == null ? "us-east-1" : region))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            MDC.put("module_id", moduleId);
            long deadline = pacer.now() + context.getRemainingTimeInMillis() - SAFETY_MARGIN_MS;
            List<SQSEvent.SQSMessage> messages = event == null || event.getRecords() == null ? List.of()
                    : event.getRecords();
            Map<String, String> failures = new LinkedHashMap<>();
            List<FindingImporter.Pending> pending = new ArrayList<>();
            for (SQSEvent.SQSMessage m : messages) {
                String reason = read(m, pending);
                if (reason != null) {
                    failures.put(m.getMessageId(), reason);
                    LOG.warn("message failed", entry("message_id", m.getMessageId()), entry("reason", reason));
                }
            }
            importer.importAll(pending, deadline).forEach(failures::putIfAbsent);
            LOG.info("batch imported", entry("messages", messages.size()), entry("findings", pending.size()),
                    entry("failed_messages", failures.size()));
            List<SQSBatchResponse.BatchItemFailure> out = new ArrayList<>();
            for (SQSEvent.SQSMessage m : messages) {
                if (failures.containsKey(m.getMessageId())) {
                    out.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(out).build();
        });
    }

    /** @return null when every finding of the message is queued for import, else why not */
    private static String read(SQSEvent.SQSMessage m, List<FindingImporter.Pending> pending) {
        AsffMessages.Parsed parsed = AsffMessages.parse(m.getBody());
        if (parsed instanceof AsffMessages.Parsed.Unreadable u) {
            return u.reason();
        }
        List<FindingImporter.Pending> mine = new ArrayList<>();
        for (ObjectNode finding : ((AsffMessages.Parsed.Findings) parsed).findings()) {
            String id = finding.get("Id").asText();
            List<String> cut = AsffLimits.truncate(finding);
            if (!cut.isEmpty()) {
                LOG.warn("finding truncated to ASFF limits", entry("finding_id", id), entry("message_id", m.getMessageId()),
                        entry("truncated", cut));
            }
            try {
                mine.add(new FindingImporter.Pending(m.getMessageId(), id, AsffModel.finding(finding),
                        finding.toString().getBytes(StandardCharsets.UTF_8).length));
            } catch (AsffModel.InvalidFindingException e) {
                return "finding " + id + " is not valid ASFF: " + e.getMessage();
            }
        }
        pending.addAll(mine);
        return null;
    }
}
