package dev.slk.lambda.customsource;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * Lambda entry point of the Security Lake custom log source resource. CloudFormation invokes it
 * directly (the resource's ServiceToken is this function's ARN), so the handler itself owes
 * CloudFormation exactly one answer per request: SUCCESS only when every listed source exists,
 * FAILED with a short reason otherwise, and FAILED from the watchdog when time runs out.
 *
 * <p>It logs the request type, the logical id and the source names; never the event, the
 * external id or the pre-signed response URL.
 */
public final class CustomLogSourceHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CustomLogSourceHandler.class);

    private final ProviderSettings settings;
    private final AwsClients clients;
    private final ResponseSender sender;

    /** Used by the Lambda runtime: Region and credentials from the environment. */
    public CustomLogSourceHandler() {
        this(ProviderSettings.fromEnvironment(), new ResponseSender(Duration.ofMillis(500)));
    }

    CustomLogSourceHandler(ProviderSettings settings, ResponseSender sender) {
        this.settings = settings;
        this.clients = new AwsClients(settings);
        this.sender = sender;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        PowertoolsLogging.withLogging(context, () -> {
            handle(input, context);
            return null;
        });
    }

    private void handle(InputStream input, Context context) {
        CloudFormationEvent event;
        try {
            event = CloudFormationEvent.read(input);
        } catch (CloudFormationEvent.Unanswerable e) {
            LOG.error("cannot answer this request", StructuredArguments.entry("cause", e.getMessage()));
            throw new IllegalArgumentException(e.getMessage());
        }
        LOG.info("custom resource request",
                StructuredArguments.entry("requestType", event.requestType()),
                StructuredArguments.entry("logicalResourceId", event.logicalResourceId()),
                StructuredArguments.array("sourceNames", PropertiesParser.sourcesToDelete(event.resourceProperties())
                        .stream().map(SourceKey::sourceName).toArray()));

        Redactor redactor = new Redactor();
        Outcome outcome = decide(event, context, redactor);
        String reason = redactor.redact(outcome.reason());
        outcome = outcome instanceof Outcome.Success success
                ? new Outcome.Success(success.physicalResourceId(), success.data(), reason)
                : new Outcome.Failure(outcome.physicalResourceId(), reason);

        LOG.info("custom resource response",
                StructuredArguments.entry("status", outcome instanceof Outcome.Success ? "SUCCESS" : "FAILED"),
                StructuredArguments.entry("reason", reason));
        try {
            sender.send(event.responseUrl(), CloudFormationResponse.of(event, outcome).toJson());
        } catch (ResponseSender.NotDelivered e) {
            LOG.error("response not delivered", StructuredArguments.entry("cause", e.getMessage()));
            throw new IllegalStateException(e.getMessage());
        }
    }

    private Outcome decide(CloudFormationEvent event, Context context, Redactor redactor) {
        String physicalId = event.physicalResourceId().orElse(SourceReconciler.basePhysicalId(event));
        Duration budget = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(settings.responseReserve());
        try {
            Watchdog.Result<Outcome> result = Watchdog.run(() -> reconciler(context, redactor).handle(event), budget);
            if (result instanceof Watchdog.Finished<Outcome> finished) {
                return finished.value();
            }
            LOG.error("gave up before the Lambda timeout", StructuredArguments.entry("budgetMillis", budget.toMillis()));
            return new Outcome.Failure(physicalId, "timed out: the custom log sources were not all in place after "
                    + Math.max(0, budget.toSeconds()) + " s; raise the function's timeout or retry");
        } catch (RuntimeException | Error e) {
            // Even an Error (a class missing from a broken package, say): CloudFormation must hear back.
            String cause = e.getClass().getSimpleName() + ": " + redactor.redact(e.getMessage());
            LOG.error("unexpected failure", StructuredArguments.entry("cause", cause));
            return new Outcome.Failure(physicalId, "internal error in the custom resource provider ("
                    + e.getClass().getSimpleName() + "); see the function's log");
        }
    }

    private SourceReconciler reconciler(Context context, Redactor redactor) {
        SecurityLakeSources lake = new SecurityLakeSources(clients.securityLake(), settings.region().id(),
                accountOf(context.getInvokedFunctionArn()), redactor);
        ExternalIdResolver externalIds = new ExternalIdResolver(clients.secretsManager(), clients.ssm(), redactor);
        return new SourceReconciler(lake, externalIds, redactor);
    }

    /** arn:partition:lambda:region:account:function:name */
    private static Optional<String> accountOf(String functionArn) {
        String[] parts = functionArn == null ? new String[0] : functionArn.split(":");
        return parts.length > 4 && parts[4].matches("\\d{12}") ? Optional.of(parts[4]) : Optional.empty();
    }
}
