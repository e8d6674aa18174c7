package dev.slk.lambda.transformer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Lambda entry point of the event transformer: {@code dev.slk.lambda.transformer.EventTransformerHandler::handleRequest}.
 *
 * <p>Answers with a partial batch response: the messages that failed are listed, every other message
 * is acknowledged. The function never sends a message to the DLQ itself; SQS redrive does that after
 * maxReceiveCount.
 */
public final class EventTransformerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final BatchTransformer transformer;
    private final String moduleId;
    private final String awsRegion;

    /** Called by the Lambda runtime once per execution environment. */
    public EventTransformerHandler() {
        this(TransformerRuntime.fromEnvironment(System.getenv()), moduleIdFrom(System.getenv("SLK_MODULE_ID")),
                System.getenv("AWS_REGION"));
    }

    /**
     * @param transformer the wired transformer
     * @param moduleId the module id on every log line
     * @param awsRegion {@code AWS_REGION}, or null to take the region from the function ARN
     */
    public EventTransformerHandler(BatchTransformer transformer, String moduleId, String awsRegion) {
        this.transformer = transformer;
        this.moduleId = moduleId;
        this.awsRegion = awsRegion;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            MDC.put("module_id", moduleId);
            Invocation invocation = Invocation.of(context.getInvokedFunctionArn(), awsRegion, context.getAwsRequestId());
            List<InboundMessage> messages = new ArrayList<>();
            if (event != null && event.getRecords() != null) {
                event.getRecords().forEach(r -> messages.add(new InboundMessage(r.getMessageId(), r.getBody())));
            }
            BatchResult result = transformer.process(messages, invocation);
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (InboundMessage m : messages) {
                if (result.failures().containsKey(m.messageId())) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.messageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    static String moduleIdFrom(String value) {
        return value == null || value.isBlank() ? "core" : value.strip();
    }
}
