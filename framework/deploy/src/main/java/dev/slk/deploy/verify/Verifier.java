package dev.slk.deploy.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;
import dev.slk.core.findings.Location;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.SourceLocation;
import dev.slk.deploy.verify.CheckResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code slk verify}: the packaging guide's post-deployment checks, read-only. The expected state is
 * the deployed assembly; the actual one is asked of AWS. Secrets are described, never read.
 */
public final class Verifier {
    private final AwsAccess aws;

    /** @param aws how to reach AWS */
    public Verifier(AwsAccess aws) {
        this.aws = aws;
    }

    /**
     * @param expected what was deployed, and where the configuration names the secrets and the bucket
     * @param logMinutes how far back to look for errors in the functions' logs
     * @return every check, in order
     */
    public List<CheckResult> verify(Expected expected, int logMinutes) {
        String stack = expected.stack();
        StackTemplate template = expected.assembly().stacks().stream().filter(s -> s.stackName().equals(stack))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the assembly holds no stack " + stack));
        Places places = new Places(template, expected.displayFile().apply(template.file()));
        List<CheckResult> results = new ArrayList<>();
        Map<String, String> physical = new TreeMap<>();
        String label = "stack " + stack;
        try (CloudFormationClient cfn = aws.client(CloudFormationClient.builder())) {
            String status = cfn.describeStacks(b -> b.stackName(stack)).stacks().get(0).stackStatusAsString();
            boolean ok = status.endsWith("_COMPLETE") && !status.contains("ROLLBACK") && !status.startsWith("DELETE");
            results.add(new CheckResult(VerifyRules.STACK, label, ok ? Status.PASS : Status.FAIL, status, places.file()));
            cfn.listStackResourcesPaginator(b -> b.stackName(stack)).stackResourceSummaries()
                    .forEach((StackResourceSummary r) -> physical.put(r.logicalResourceId(), r.physicalResourceId()));
        } catch (SdkException e) {
            results.add(new CheckResult(VerifyRules.STACK, label, Status.FAIL, oneLine(e), places.file()));
            return results;
        }
        List<Resource> functions = template.resourcesOfType("AWS::Lambda::Function");
        try (LambdaClient lambda = aws.client(LambdaClient.builder())) {
            for (Resource function : functions) {
                results.add(checkFunction(lambda, function, physical.get(function.logicalId()), places.of(function)));
            }
        }
        try (SqsClient sqs = aws.client(SqsClient.builder())) {
            for (Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
                results.add(checkQueue(sqs, queue, physical.get(queue.logicalId()), places.of(queue)));
            }
        }
        try (SecretsManagerClient secrets = aws.client(SecretsManagerClient.builder())) {
            for (Expected.Named secret : expected.secrets()) {
                results.add(checkSecret(secrets, secret));
            }
        }
        try (CloudWatchLogsClient logs = aws.client(CloudWatchLogsClient.builder())) {
            long since = Instant.now().minus(Duration.ofMinutes(logMinutes)).toEpochMilli();
            for (Resource function : functions) {
                String name = physical.get(function.logicalId());
                if (name != null) {
                    results.add(checkLogs(logs, "/aws/lambda/" + name, since, logMinutes, places.of(function)));
                }
            }
        }
        if (expected.lakeBucket() != null && !expected.lakeBucket().name().isBlank()) {
            results.add(checkLake(expected.lakeBucket()));
        }
        return results;
    }

    private static CheckResult checkFunction(LambdaClient lambda, Resource function, String name, Location at) {
        String label = "function " + function.logicalId();
        if (name == null) {
            return new CheckResult(VerifyRules.FUNCTION, label, Status.FAIL, "not in the deployed stack", at);
        }
        try {
            GetFunctionConfigurationResponse actual = lambda.getFunctionConfiguration(b -> b.functionName(name));
            JsonNode expected = function.properties();
            List<String> differences = new ArrayList<>();
            compare(differences, "runtime", expected.path("Runtime").asText(null), actual.runtimeAsString());
            compare(differences, "architecture", expected.path("Architectures").path(0).asText("x86_64"),
                    actual.architecturesAsStrings().isEmpty() ? "x86_64" : actual.architecturesAsStrings().get(0));
            compare(differences, "memory", expected.path("MemorySize").asText("128"), String.valueOf(actual.memorySize()));
            compare(differences, "timeout", expected.path("Timeout").asText("3"), String.valueOf(actual.timeout()));
            String figure = name + ": " + actual.runtimeAsString() + ", " + actual.memorySize() + " MB, "
                    + actual.timeout() + " s";
            return differences.isEmpty() ? new CheckResult(VerifyRules.FUNCTION, label, Status.PASS, figure, at)
                    : new CheckResult(VerifyRules.FUNCTION, label, Status.FAIL, name + ": "
                            + String.join(", ", differences), at);
        } catch (SdkException e) {
            return new CheckResult(VerifyRules.FUNCTION, label, Status.FAIL, oneLine(e), at);
        }
    }

    private static void compare(List<String> differences, String what, String expected, String actual) {
        if (expected != null && !expected.equals(actual)) {
            differences.add(what + " " + actual + ", synthesized " + expected);
        }
    }

    private static CheckResult checkQueue(SqsClient sqs, Resource queue, String url, Location at) {
        boolean deadLetter = queue.logicalId().toLowerCase(java.util.Locale.ROOT).contains("dlq")
                || queue.logicalId().toLowerCase(java.util.Locale.ROOT).contains("deadletter");
        String label = (deadLetter ? "dead-letter queue " : "queue ") + queue.logicalId();
        var rule = deadLetter ? VerifyRules.DEAD_LETTER_QUEUE : VerifyRules.QUEUE;
        if (url == null) {
            return new CheckResult(rule, label, Status.FAIL, "not in the deployed stack", at);
        }
        try {
            String depth = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
            boolean warn = deadLetter && !"0".equals(depth);
            return new CheckResult(rule, label, warn ? Status.WARN : Status.PASS, depth + " message(s)", at);
        } catch (SdkException e) {
            return new CheckResult(rule, label, Status.FAIL, oneLine(e), at);
        }
    }

    private static CheckResult checkSecret(SecretsManagerClient secrets, Expected.Named secret) {
        String label = "secret " + secret.name();
        try {
            secrets.describeSecret(b -> b.secretId(secret.name()));
            return new CheckResult(VerifyRules.SECRET, label, Status.PASS, "exists (not read)", secret.location());
        } catch (SdkException e) {
            return new CheckResult(VerifyRules.SECRET, label, Status.FAIL, oneLine(e), secret.location());
        }
    }

    private static CheckResult checkLogs(CloudWatchLogsClient logs, String group, long since, int minutes,
            Location at) {
        String label = "errors in " + group;
        try {
            int errors = logs.filterLogEvents(b -> b.logGroupName(group).startTime(since).filterPattern("ERROR"))
                    .events().size();
            return new CheckResult(VerifyRules.LOGS, label, errors == 0 ? Status.PASS : Status.WARN,
                    errors + " in the last " + minutes + " min", at);
        } catch (SdkException e) {
            return new CheckResult(VerifyRules.LOGS, label, Status.WARN, oneLine(e), at);
        }
    }

    private CheckResult checkLake(Expected.Named lake) {
        String bucket = lake.name();
        String label = "new objects under s3://" + bucket + "/ext/";
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        try (S3Client s3 = aws.client(S3Client.builder().forcePathStyle(
                aws.environment().containsKey("AWS_ENDPOINT_URL")))) {
            long fresh = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("ext/")).contents().stream()
                    .map(S3Object::lastModified).filter(t -> t.isAfter(hourAgo)).count();
            return new CheckResult(VerifyRules.LAKE, label, fresh > 0 ? Status.PASS : Status.WARN,
                    fresh + " in the last hour", lake.location());
        } catch (SdkException e) {
            return new CheckResult(VerifyRules.LAKE, label, Status.WARN, oneLine(e), lake.location());
        }
    }

    /** Where the template says what a check expects. */
    private record Places(StackTemplate template, String path) {
        SourceLocation file() {
            return SourceLocation.ofFile(path);
        }

        Location of(Resource resource) {
            return new ResourceLocation(new SourceLocation(path, resource.line(), resource.column()),
                    template.stackName(), resource.logicalId(), resource.constructPath());
        }
    }

    private static String oneLine(SdkException e) {
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        return message.lines().findFirst().orElse("").replaceAll(" \\(Service: .*$", "");
    }
}
