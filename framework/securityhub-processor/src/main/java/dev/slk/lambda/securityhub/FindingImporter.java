package dev.slk.lambda.securityhub;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;

/**
 * Imports findings with BatchImportFindings, up to 100 per call, and maps what Security Hub refuses
 * back to the messages that carried it. Throttling and server errors are retried with exponential
 * backoff and full jitter for as long as the function's remaining time allows.
 */
final class FindingImporter {
    /** BatchImportFindings takes at most this many findings per call. */
    static final int MAX_PER_CALL = 100;
    /** slk keeps each call's findings under this many bytes of JSON. */
    static final int MAX_CALL_BYTES = 5 * 1024 * 1024;
    static final long BASE_BACKOFF_MS = 200;
    static final long MAX_BACKOFF_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(FindingImporter.class);

    private final SecurityHubClient securityHub;
    private final Pacer pacer;
    private final Random jitter;

    /** A finding waiting for import, with the message that carried it. */
    record Pending(String messageId, String findingId, AwsSecurityFinding finding, int bytes) {
    }

    FindingImporter(SecurityHubClient securityHub, Pacer pacer, Random jitter) {
        this.securityHub = securityHub;
        this.pacer = pacer;
        this.jitter = jitter;
    }

    /**
     * @param pending the findings, in message order
     * @param deadline the time (as {@link Pacer#now()}) after which no call is started
     * @return the messages whose findings were not all imported, with why
     */
    Map<String, String> importAll(List<Pending> pending, long deadline) {
        Map<String, String> failures = new LinkedHashMap<>();
        for (List<Pending> chunk : chunks(pending)) {
            send(chunk, deadline, failures);
        }
        return failures;
    }

    /** Chunks of at most 100 findings and 5 MB, and never the same finding Id twice in one call. */
    static List<List<Pending>> chunks(List<Pending> pending) {
        List<List<Pending>> out = new ArrayList<>();
        List<Pending> chunk = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int bytes = 0;
        for (Pending p : pending) {
            if (chunk.size() == MAX_PER_CALL || bytes + p.bytes() > MAX_CALL_BYTES || ids.contains(p.findingId())) {
                out.add(chunk);
                chunk = new ArrayList<>();
                ids.clear();
                bytes = 0;
            }
            chunk.add(p);
            ids.add(p.findingId());
            bytes += p.bytes();
        }
        if (!chunk.isEmpty()) {
            out.add(chunk);
        }
        return out;
    }

    private void send(List<Pending> chunk, long deadline, Map<String, String> failures) {
        List<AwsSecurityFinding> findings = chunk.stream().map(Pending::finding).toList();
        for (int attempt = 0; ; attempt++) {
            if (pacer.now() >= deadline) {
                failAll(chunk, "no time left to call Security Hub" + (attempt > 0 ? " after " + attempt + " throttled tries"
                        : ""), failures);
                return;
            }
            try {
                BatchImportFindingsResponse response = securityHub.batchImportFindings(r -> r.findings(findings));
                for (ImportFindingsError e : response.failedFindings()) {
                    String reason = "Security Hub refused finding " + e.id() + ": " + e.errorCode() + " " + e.errorMessage();
                    chunk.stream().filter(p -> p.findingId().equals(e.id())).forEach(p -> fail(failures, p, reason));
                }
                LOG.info("findings imported", entry("findings", chunk.size()), entry("success", response.successCount()),
                        entry("failed", response.failedCount()), entry("attempts", attempt + 1));
                return;
            } catch (SdkException e) {
                if (!retryable(e)) {
                    failAll(chunk, "BatchImportFindings failed: " + describe(e), failures);
                    return;
                }
                long wait = backoff(attempt);
                if (pacer.now() + wait >= deadline) {
                    failAll(chunk, "Security Hub kept throttling (" + describe(e) + "); no time left for try "
                            + (attempt + 2), failures);
                    return;
                }
                LOG.warn("BatchImportFindings throttled; backing off", entry("attempt", attempt + 1),
                        entry("wait_ms", wait), entry("error", describe(e)));
                pacer.sleep(wait);
            }
        }
    }

    /** Full jitter: uniformly between 0 and min(cap, base * 2^attempt), never less than 10 ms. */
    long backoff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS << Math.min(attempt, 20));
        return Math.max(10, (long) (jitter.nextDouble() * ceiling));
    }

    static boolean retryable(SdkException e) {
        if (e instanceof AwsServiceException s) {
            String code = s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorCode());
            return s.isThrottlingException() || s.statusCode() == 429 || s.statusCode() >= 500
                    || code.equals("TooManyRequestsException") || code.equals("ThrottlingException")
                    || code.equals("LimitExceededException");
        }
        return e instanceof SdkClientException;
    }

    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + ")";
        }
        return e.getClass().getSimpleName();
    }

    private static void failAll(List<Pending> chunk, String reason, Map<String, String> failures) {
        chunk.forEach(p -> fail(failures, p, reason));
    }

    private static void fail(Map<String, String> failures, Pending p, String reason) {
        if (failures.putIfAbsent(p.messageId(), reason) == null) {
            LOG.warn("message failed", entry("message_id", p.messageId()), entry("finding_id", p.findingId()),
                    entry("reason", reason));
        }
    }
}
