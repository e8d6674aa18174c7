package dev.slk.core.validation;

import static dev.slk.core.config.ConfigKeys.ALARM_BLOCKS;
import static dev.slk.core.config.ConfigKeys.AWS_REGION;
import static dev.slk.core.config.ConfigKeys.CLOUDTRAIL_ENABLED;
import static dev.slk.core.config.ConfigKeys.CORE_FUNCTIONS;
import static dev.slk.core.config.ConfigKeys.ENCRYPTION_ENABLED;
import static dev.slk.core.config.ConfigKeys.ENCRYPTION_KEY_ALIAS;
import static dev.slk.core.config.ConfigKeys.ENCRYPTION_KEY_TYPE;
import static dev.slk.core.config.ConfigKeys.ENVIRONMENT;
import static dev.slk.core.config.ConfigKeys.EVENT_TRANSFORMER;
import static dev.slk.core.config.ConfigKeys.SECURITY_HUB_ENABLED;
import static dev.slk.core.config.ConfigKeys.SECURITY_HUB_PROCESSOR;
import static dev.slk.core.config.ConfigKeys.SECURITY_LAKE;
import static dev.slk.core.config.ConfigKeys.SECURITY_LAKE_BUCKET;
import static dev.slk.core.config.ConfigKeys.SECURITY_LAKE_ENABLED;
import static dev.slk.core.config.ConfigKeys.SECURITY_LAKE_EXTERNAL_ID;
import static dev.slk.core.config.ConfigKeys.SECURITY_LAKE_SERVICE_ROLE;
import static dev.slk.core.config.ConfigKeys.SECURITY_LAKE_SOURCES;
import static dev.slk.core.config.ConfigKeys.SQS_VISIBILITY_TIMEOUT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.config.ConfigKeys;
import dev.slk.core.config.ConfigKeys.Alarm;
import dev.slk.core.config.ConfigKeys.CustomSource;
import dev.slk.core.config.ConfigKeys.Lambda;
import dev.slk.core.findings.Secrets;
import dev.slk.core.findings.Severity;
import dev.slk.core.schema.DidYouMean;
import dev.slk.core.text.Echo;
import dev.slk.core.text.LookAlikes;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules on the project configuration that a JSON Schema cannot express. */
final class ProjectRules {
    static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    private static final Pattern PROJECT_NAME = Pattern.compile("^[a-z][a-z0-9-]*$");
    private static final int PROJECT_NAME_MAX = 64;
    private static final Pattern SOURCE_NAME = Pattern.compile("^[\\w\\-:.]{1,64}$");
    private static final String PROVIDER_ROLE_PREFIX = "AmazonSecurityLake-Provider-";
    private static final int ROLE_NAME_MAX = 64;
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)(^placeholder|replace_|replace-with|<[^>]*>|changeme)");
    static final String SECRETS_MANAGER_PREFIX = "secretsmanager:";
    static final String SSM_PREFIX = "ssm:";
    private static final Pattern SECRET_NAME = Pattern.compile("^[A-Za-z0-9/_+=.@-]{1,512}$");
    private static final Pattern PARAMETER_NAME = Pattern.compile("^/?[A-Za-z0-9_.\\-/]{1,1011}$");
    static final int MEMORY_MIN = 128;
    static final int MEMORY_MAX = 10240;
    static final int TIMEOUT_MIN = 1;
    static final int TIMEOUT_MAX = 900;

    private ProjectRules() {
    }

    static void check(RuleContext ctx) {
        environment(ctx);
        TagRules.check(ctx);
        projectName(ctx);
        region(ctx);
        securityLake(ctx);
        coreFunctions(ctx);
        visibilityTimeout(ctx);
        keyAlias(ctx);
        placeholders(ctx);
        externalIdReference(ctx);
        alarmDatapoints(ctx);
        notBuilt(ctx);
    }

    /** Keys of the reference framework's shape that slk accepts but does not build yet. */
    static void notBuilt(RuleContext ctx) {
        if (ctx.enabled(CLOUDTRAIL_ENABLED)) {
            ctx.warning("not-built", CLOUDTRAIL_ENABLED,
                    "cloudTrailEventDataStore is not built by this version of slk synth; no event data store will "
                            + "exist", "set enabled: false to silence this warning");
        }
    }

    static void environment(RuleContext ctx) {
        ctx.text(ENVIRONMENT).ifPresent(env -> {
            if (!ENVIRONMENTS.contains(env)) {
                ctx.error("environment", ENVIRONMENT, "environment " + Echo.quoted(env) + " is not one of dev, staging, prod",
                        LookAlikes.withNote(DidYouMean.suggest(env, ENVIRONMENTS)
                                .map(s -> "did you mean '" + s + "'?").orElse(null), env, "value"));
            }
        });
    }

    /** @return whether the name passes the project-name rule, so that other rules may build on it */
    static boolean validProjectName(String name) {
        return PROJECT_NAME.matcher(name).matches() && name.length() <= PROJECT_NAME_MAX;
    }

    static void projectName(RuleContext ctx) {
        ctx.text(ConfigKeys.PROJECT_NAME).ifPresent(name -> {
            if (!PROJECT_NAME.matcher(name).matches()) {
                ctx.error("project-name", ConfigKeys.PROJECT_NAME, "projectName " + Echo.quoted(name)
                        + " must start with a lower-case letter and contain only lower-case letters, digits and hyphens",
                        "e.g. " + Echo.text(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^[^a-z]+", "")));
            } else if (name.length() > PROJECT_NAME_MAX) {
                ctx.error("project-name", ConfigKeys.PROJECT_NAME, "projectName is " + name.length()
                        + " characters long; at most " + PROJECT_NAME_MAX + " are allowed", null);
            }
        });
    }

    static void region(RuleContext ctx) {
        ctx.text(AWS_REGION).ifPresent(region -> {
            List<String> regions = AwsRegions.names();
            if (!regions.contains(region)) {
                ctx.error("region", AWS_REGION, "awsRegion " + Echo.quoted(region) + " is not an AWS region",
                        LookAlikes.withNote(DidYouMean.suggest(region, regions).map(s -> "did you mean '" + s + "'?")
                                .orElse("e.g. us-east-1, eu-west-1, ca-central-1"), region, "value"));
            }
        });
    }

    static void securityLake(RuleContext ctx) {
        if (!ctx.enabled(SECURITY_LAKE_ENABLED)) {
            return;
        }
        if (!ctx.written(SECURITY_LAKE)) {
            ctx.error("security-lake.required", SECURITY_LAKE, "the file has no securityLake block, and Security "
                    + "Lake is on by default: it needs s3Bucket, externalId and serviceRole", "add securityLake: "
                    + "{s3Bucket: <your Security Lake bucket>, externalId: secretsmanager:<secret name>, serviceRole: "
                    + "<Glue crawler role>}, or securityLake: {enabled: false}");
            return;
        }
        for (String pointer : List.of(SECURITY_LAKE_BUCKET, SECURITY_LAKE_EXTERNAL_ID, SECURITY_LAKE_SERVICE_ROLE)) {
            String key = ConfigKeys.name(pointer);
            JsonNode value = ctx.config().at(pointer);
            if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
                ctx.error("security-lake.required", pointer, "securityLake." + key
                        + " is required when securityLake.enabled is true", null);
            }
        }
        String region = ctx.text(AWS_REGION).orElse("");
        Set<String> seen = new HashSet<>();
        JsonNode sources = ctx.config().at(SECURITY_LAKE_SOURCES);
        for (int i = 0; i < sources.size(); i++) {
            String base = ConfigKeys.item(SECURITY_LAKE_SOURCES, i);
            String sourceName = ConfigKeys.child(base, CustomSource.SOURCE_NAME);
            ctx.text(sourceName).ifPresent(name -> {
                if (!SOURCE_NAME.matcher(name).matches()) {
                    ctx.error("security-lake.source-name", sourceName, "sourceName " + Echo.quoted(name)
                            + " may contain only letters, digits, '_', '-', ':' and '.', 1 to 64 of them", null);
                } else if ((PROVIDER_ROLE_PREFIX + name + "-" + region).length() > ROLE_NAME_MAX) {
                    ctx.error("security-lake.source-name", sourceName, "sourceName '" + name
                            + "' is too long: Security Lake's role " + PROVIDER_ROLE_PREFIX + name + "-" + region
                            + " would exceed IAM's " + ROLE_NAME_MAX + " characters",
                            "use at most " + (ROLE_NAME_MAX - PROVIDER_ROLE_PREFIX.length() - 1 - region.length())
                                    + " characters in " + region);
                }
                if (!seen.add(name)) {
                    ctx.error("security-lake.source-unique", sourceName, "sourceName " + Echo.quoted(name)
                            + " is used by two custom sources; names must be unique", null);
                }
            });
            String eventClasses = ConfigKeys.child(base, CustomSource.EVENT_CLASSES);
            JsonNode classes = ctx.config().at(eventClasses);
            for (int j = 0; j < classes.size(); j++) {
                String pointer = ConfigKeys.item(eventClasses, j);
                ctx.text(pointer).ifPresent(eventClass -> {
                    Set<String> known = OcsfEventClasses.byName().keySet();
                    if (!known.contains(eventClass)) {
                        ctx.error("security-lake.event-class", pointer, Echo.quoted(eventClass) + " is not an OCSF event class",
                                DidYouMean.suggest(eventClass, known).map(s -> "did you mean " + s + "?")
                                        .orElse("see docs/CONFIG_SCHEMA.md for the list"));
                    }
                });
            }
        }
    }

    static void coreFunctions(RuleContext ctx) {
        CORE_FUNCTIONS.forEach(block -> lambdaLimits(ctx, block));
    }

    /** Memory and timeout limits of a Lambda function whose settings are at {@code base}. */
    static void lambdaLimits(RuleContext ctx, String base) {
        String memory = ConfigKeys.child(base, Lambda.MEMORY_SIZE);
        ctx.wholeNumber(memory).filter(m -> !within(m, MEMORY_MIN, MEMORY_MAX)).ifPresent(m ->
                ctx.error("lambda.memory", memory, "memorySize " + ctx.shown(memory) + " MB is outside Lambda's range "
                        + MEMORY_MIN + " to " + MEMORY_MAX + " MB", null));
        String timeout = ConfigKeys.child(base, Lambda.TIMEOUT);
        ctx.wholeNumber(timeout).filter(t -> !within(t, TIMEOUT_MIN, TIMEOUT_MAX)).ifPresent(t ->
                ctx.error("lambda.timeout", timeout, "timeout " + ctx.shown(timeout) + " s is outside Lambda's range "
                        + TIMEOUT_MIN + " to " + TIMEOUT_MAX + " s", null));
    }

    private static boolean within(BigInteger value, int min, int max) {
        return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
    }

    static void visibilityTimeout(RuleContext ctx) {
        OptionalInt visibility = ctx.integer(SQS_VISIBILITY_TIMEOUT);
        if (visibility.isEmpty()) {
            return;
        }
        if (ctx.enabled(ConfigKeys.child(EVENT_TRANSFORMER, Lambda.ENABLED))) {
            consumer(ctx, visibility.getAsInt(), EVENT_TRANSFORMER, "the event queue");
        }
        if (ctx.enabled(SECURITY_HUB_ENABLED) && ctx.enabled(ConfigKeys.child(SECURITY_HUB_PROCESSOR, Lambda.ENABLED))) {
            consumer(ctx, visibility.getAsInt(), SECURITY_HUB_PROCESSOR, "the ASFF queue");
        }
    }

    private static void consumer(RuleContext ctx, int visibility, String function, String queue) {
        // A timeout outside Lambda's range is reported as such; comparing the queue with it would
        // report the same mistake twice.
        OptionalInt inRange = ctx.integer(ConfigKeys.child(function, Lambda.TIMEOUT));
        if (inRange.isEmpty() || inRange.getAsInt() < TIMEOUT_MIN || inRange.getAsInt() > TIMEOUT_MAX) {
            return;
        }
        int timeout = inRange.getAsInt();
        String name = ConfigKeys.name(function);
        if (visibility < timeout) {
            ctx.error("sqs.visibility-timeout", SQS_VISIBILITY_TIMEOUT, "visibilityTimeout " + visibility
                    + " s is shorter than the " + timeout + " s timeout of " + name + ", which consumes " + queue
                    + "; Lambda refuses such an event source at deploy",
                    "set visibilityTimeout to at least " + 6 * timeout + " (6 x the timeout)");
        } else if (visibility < 6 * timeout) {
            ctx.warning("sqs.visibility-timeout", SQS_VISIBILITY_TIMEOUT, "visibilityTimeout " + visibility
                    + " s is less than 6 x the " + timeout + " s timeout of " + name
                    + " (AWS's recommendation); messages may be processed twice while retries are pending",
                    "set visibilityTimeout to " + 6 * timeout);
        }
    }

    /** A blank alias was written on purpose (an absent one defaults, see DerivedDefaults); KMS reserves aws/. */
    static void keyAlias(RuleContext ctx) {
        boolean cmk = ctx.enabled(ENCRYPTION_ENABLED)
                && ctx.text(ENCRYPTION_KEY_TYPE).map("CUSTOMER_MANAGED_CMK"::equals).orElse(false);
        String derived = ctx.text(ConfigKeys.PROJECT_NAME).filter(n -> n.length() <= PROJECT_NAME_MAX && PROJECT_NAME.matcher(n).matches()).orElse("demo")
                + "-" + ctx.text(ENVIRONMENT).orElse("dev");
        ctx.text(ENCRYPTION_KEY_ALIAS).filter(alias -> cmk).ifPresent(alias -> {
            if (alias.isBlank()) {
                ctx.error("encryption.key-alias", ENCRYPTION_KEY_ALIAS,
                        "encryption.keyAlias is empty; a customer-managed key needs an alias",
                        "remove the key to use the default " + derived + ", or write one");
            } else if (alias.startsWith("alias/")) {
                ctx.error("encryption.key-alias", ENCRYPTION_KEY_ALIAS, "encryption.keyAlias is written without "
                        + "the alias/ prefix; slk adds it", "write keyAlias: " + Echo.text(alias.substring("alias/".length())));
            } else if (alias.startsWith("aws/")) {
                ctx.error("encryption.key-alias", ENCRYPTION_KEY_ALIAS, "encryption.keyAlias may not start with "
                        + "aws/: KMS reserves those aliases for AWS managed keys", "e.g. " + derived);
            }
        });
    }

    static void placeholders(RuleContext ctx) {
        if (!ctx.enabled(SECURITY_LAKE_ENABLED)) {
            return;
        }
        boolean prod = ctx.text(ENVIRONMENT).map("prod"::equals).orElse(false);
        for (String pointer : List.of(SECURITY_LAKE_BUCKET, SECURITY_LAKE_EXTERNAL_ID)) {
            String key = ConfigKeys.name(pointer);
            ctx.text(pointer).filter(v -> PLACEHOLDER.matcher(v).find()).ifPresent(value -> {
                String shown = Secrets.isSecretKey(key) ? Secrets.redact(value) : Echo.quoted(value);
                ctx.add("placeholder", prod ? Severity.HIGH : Severity.MEDIUM, pointer, "securityLake." + key
                        + " is still a placeholder (" + shown + ")" + (prod ? "; prod cannot deploy with it" : ""),
                        "externalId".equals(key)
                                ? "generate one (openssl rand -hex 32), store it in Secrets Manager and write externalId: secretsmanager:<secret name>"
                                : "use your Security Lake bucket name, see the Security Lake console");
            });
        }
    }

    /**
     * The external id is a secret: a reference ({@code secretsmanager:NAME} or
     * {@code ssm:/PARAMETER}) keeps it out of the file and the template; synth refuses a literal,
     * so it is an error here, and its value is never shown.
     */
    static void externalIdReference(RuleContext ctx) {
        if (!ctx.enabled(SECURITY_LAKE_ENABLED)) {
            return;
        }
        ctx.text(SECURITY_LAKE_EXTERNAL_ID).filter(v -> !v.isBlank() && !PLACEHOLDER.matcher(v).find())
                .ifPresent(value -> {
                    if (value.startsWith(SECRETS_MANAGER_PREFIX)) {
                        if (!SECRET_NAME.matcher(value.substring(SECRETS_MANAGER_PREFIX.length())).matches()) {
                            ctx.error("security-lake.external-id", SECURITY_LAKE_EXTERNAL_ID,
                                    "externalId refers to an invalid Secrets Manager secret name",
                                    "secretsmanager:NAME, NAME of letters, digits and /_+=.@-");
                        }
                    } else if (value.startsWith(SSM_PREFIX)) {
                        if (!PARAMETER_NAME.matcher(value.substring(SSM_PREFIX.length())).matches()) {
                            ctx.error("security-lake.external-id", SECURITY_LAKE_EXTERNAL_ID,
                                    "externalId refers to an invalid SSM parameter name",
                                    "ssm:/PATH, PATH of letters, digits and _.-/");
                        }
                    } else {
                        String secret = ctx.text(ConfigKeys.PROJECT_NAME).orElse("security-lake") + "/external-id";
                        ctx.error("security-lake.external-id", SECURITY_LAKE_EXTERNAL_ID, "securityLake.externalId "
                                + "is written in the config file (" + value.length() + " characters); it is a secret, "
                                + "and slk never writes a secret into a template", "1. store it: aws secretsmanager "
                                + "create-secret --name " + secret + " --secret-string file://external-id.txt "
                                + "(or an SSM SecureString parameter); 2. write externalId: " + SECRETS_MANAGER_PREFIX
                                + secret + " (or ssm:/<parameter name>); 3. delete the value from this file and "
                                + "its history");
                    }
                });
    }

    static void alarmDatapoints(RuleContext ctx) {
        for (String base : ALARM_BLOCKS) {
            OptionalInt evaluation = ctx.integer(ConfigKeys.child(base, Alarm.EVALUATION_PERIODS));
            String datapointsPointer = ConfigKeys.child(base, Alarm.DATAPOINTS_TO_ALARM);
            OptionalInt datapoints = ctx.integer(datapointsPointer);
            if (evaluation.isPresent() && datapoints.isPresent() && datapoints.getAsInt() > evaluation.getAsInt()) {
                ctx.error("alarm.datapoints", datapointsPointer, "datapointsToAlarm "
                        + datapoints.getAsInt() + " exceeds evaluationPeriods " + evaluation.getAsInt()
                        + "; CloudWatch refuses such an alarm", null);
            }
        }
    }
}
