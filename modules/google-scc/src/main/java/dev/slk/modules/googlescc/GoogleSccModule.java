/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.googlescc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.kit.FunctionArtifact;
import dev.slk.kit.FunctionDefaults;
import dev.slk.kit.ModuleFunction;
import dev.slk.kit.StandardAlarms;
import dev.slk.spi.BaseIntegrationModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.HealthCheck;
import dev.slk.spi.ModuleOutput;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.PermissionStatement;
import dev.slk.spi.ValidationResult;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.constructs.Construct;

/**
 * Google Security Command Center: one Pub/Sub poller function per configured subscription, which
 * sends the finding notifications to the core event queue; the module's mappings turn them into
 * OCSF findings by finding class.
 */
public final class GoogleSccModule extends BaseIntegrationModule {
    /** The module id. */
    public static final String ID = "google-scc";
    /** The poller's handler. */
    public static final String HANDLER = "dev.slk.modules.googlescc.poller.PollerHandler::handleRequest";
    /** The namespace of the metrics the poller writes (CloudWatch embedded metric format). */
    public static final String METRIC_NAMESPACE = "slk/google-scc";
    /** The metric that counts runs that ended with messages still waiting in the subscription. */
    public static final String BACKLOG_METRIC = "RunsEndedWithBacklog";
    static final String PACKAGE = "src/lambda/pubsub-poller/target/google-scc-pubsub-poller-lambda.zip";

    /** Required by ServiceLoader. No I/O, nothing that can fail. */
    public GoogleSccModule() {
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public String moduleName() {
        return "Google Security Command Center";
    }

    @Override
    public String moduleVersion() {
        return "1.0.0";
    }

    @Override
    public String moduleDescription() {
        return "Brings Google Security Command Center findings from Pub/Sub into Security Lake as OCSF findings";
    }

    @Override
    public ValidationResult validateConfig(JsonNode config) {
        return ConfigRules.check(config);
    }

    @Override
    public List<URL> eventMappings() {
        return mappingResources("scc-findings.yaml");
    }

    @Override
    public ModuleResources createResources(Construct scope, CoreResources core, JsonNode config) {
        List<PollerSettings> pollers = enabledPollers(config);
        ModuleResources.Builder created = ModuleResources.builder();
        new CredentialSecrets(scope, core).create(config.at("/secretsManager/gcpCredentialsSecrets"));
        if (pollers.isEmpty()) {
            return created.build();
        }
        FunctionDefaults defaults = FunctionDefaults.of(core);
        Path code = FunctionArtifact.locate(GoogleSccModule.class, "modules/google-scc", PACKAGE);
        for (PollerSettings poller : pollers) {
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("EVENT_QUEUE_URL", core.eventQueue().getQueueUrl());
            variables.put("MODULE_ID", ID);
            variables.put("POLLER_ID", poller.id());
            variables.put("GCP_PROJECT_ID", poller.projectId().orElseThrow());
            variables.put("GCP_SUBSCRIPTION_ID", poller.subscriptionId().orElseThrow());
            variables.put("CREDENTIALS_SECRET_NAME", poller.secretName());
            variables.put("MAX_MESSAGES_PER_PULL", Integer.toString(poller.maxMessagesPerPull()));
            variables.put("MAX_MESSAGES_PER_RUN", Integer.toString(poller.maxMessagesPerRun()));
            variables.put("ACK_DEADLINE_SECONDS", Integer.toString(poller.ackDeadlineSeconds()));
            poller.logLevel().ifPresent(level -> variables.put("POWERTOOLS_LOG_LEVEL", level));
            ModuleFunction.builder(scope, resourceId(functionName(poller)))
                    .handler(HANDLER)
                    .code(code)
                    .description("Pulls Security Command Center findings from projects/" + poller.projectId().get()
                            + "/subscriptions/" + poller.subscriptionId().get() + " into Security Lake")
                    .logGroupName(defaults.moduleLogGroupName(ID, "poller-" + poller.id()))
                    .memorySize(poller.memorySize())
                    .timeoutSeconds(poller.timeoutSeconds())
                    .reservedConcurrency(poller.concurrency())
                    .schedule(poller.schedule())
                    .environment(variables)
                    .userEnvironment(poller.environment(), "pubsubPollers[" + poller.id() + "].environment")
                    .build(defaults)
                    .addTo(created, functionName(poller));
        }
        return created.build();
    }

    @Override
    public List<PermissionStatement> requiredPermissions(ModuleResources created, CoreResources core,
            JsonNode config) {
        List<PermissionStatement> statements = new ArrayList<>();
        for (PollerSettings poller : enabledPollers(config)) {
            String name = functionName(poller);
            statements.add(PermissionStatement.allow(statementId(name + "ReadCredentials"),
                    List.of("secretsmanager:GetSecretValue"),
                    List.of("arn:aws:secretsmanager:" + core.project().region() + ":" + Aws.ACCOUNT_ID + ":secret:"
                            + poller.secretName() + "-??????")).on(name));
            statements.add(PermissionStatement.allow(statementId(name + "SendEvents"), List.of("sqs:SendMessage"),
                    List.of(core.eventQueue().getQueueArn())).on(name));
            core.sharedKey().ifPresent(key -> statements.add(PermissionStatement.allow(statementId(name + "SharedKey"),
                    List.of("kms:Decrypt", "kms:GenerateDataKey"), List.of(key.getKeyArn())).on(name)));
        }
        return statements;
    }

    @Override
    public List<ModuleOutput> outputs(ModuleResources created) {
        List<ModuleOutput> outputs = new ArrayList<>();
        created.functions().forEach((name, function) -> outputs.add(new ModuleOutput(name + "FunctionName",
                function.getFunctionName(), "Name of the google-scc poller function " + name)));
        return outputs;
    }

    @Override
    public List<HealthCheck> healthChecks(ModuleResources created) {
        List<HealthCheck> checks = new ArrayList<>();
        created.functions().forEach((name, function) -> {
            String prefix = "poller-" + kebab(name.substring("Poller".length()));
            checks.addAll(StandardAlarms.of(created, name, prefix));
            checks.add(new HealthCheck(prefix + "-backlog", prefix + " ended three runs in a row with messages still "
                    + "waiting in its subscription: it does not keep up; raise its timeout, memory or schedule rate",
                    METRIC_NAMESPACE, BACKLOG_METRIC, Map.of("FunctionName", function.getFunctionName()), "Sum",
                    HealthCheck.Comparison.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 300, 3));
        });
        return checks;
    }

    private static List<PollerSettings> enabledPollers(JsonNode config) {
        List<PollerSettings> pollers = new ArrayList<>();
        config.path("pubsubPollers").forEach(node -> {
            PollerSettings poller = PollerSettings.read(node);
            if (poller.enabled()) {
                pollers.add(poller);
            }
        });
        return pollers;
    }

    private static String functionName(PollerSettings poller) {
        StringBuilder name = new StringBuilder("Poller");
        for (String part : poller.id().split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    private static String kebab(String pascal) {
        return pascal.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
