package dev.slk.deploy.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.CloudAssembly;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;
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
     * @param assembly the assembly that was deployed
     * @param stack the stack
     * @param secretNames the Secrets Manager secrets the config refers to
     * @param lakeBucket the Security Lake bucket, or null
     * @param logMinutes how far back to look for errors in the functions' logs
     * @return every check, in order
     */
    public List<CheckResult> verify(CloudAssembly assembly, String stack, List<String> secretNames, String lakeBucket,
            int logMinutes) {
        List<CheckResult> results = new ArrayList<>();
        StackTemplate template = assembly.stacks().stream().filter(s -> s.stackName().equals(stack)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the assembly holds no stack " + stack));
        Map<String, String> physical = new TreeMap<>();
        try (CloudFormationClient cfn = aws.client(CloudFormationClient.builder())) {
            String status = cfn.describeStacks(b -> b.stackName(stack)).stacks().get(0).stackStatusAsString();
            boolean ok = status.endsWith("_COMPLETE") && !status.contains("ROLLBACK") && !status.startsWith("DELETE");
            results.add(new CheckResult("stack " + stack, ok ? CheckResult.Status.PASS : CheckResult.Status.FAIL, status));
            cfn.listStackResourcesPaginator(b -> b.stackName(stack)).stackResourceSummaries()
                    .forEach((StackResourceSummary r) -> physical.put(r.logicalResourceId(), r.physicalResourceId()));
        } catch (SdkException e) {
            results.add(new CheckResult("stack " + stack, CheckResult.Status.FAIL, oneLine(e)));
            return results;
        }
        List<String> logGroups = new ArrayList<>();
        try (LambdaClient lambda = aws.client(LambdaClient.builder())) {
            for (Resource function : template.resourcesOfType("AWS::Lambda::Function")) {
                String name = physical.get(function.logicalId());
                results.add(checkFunction(lambda, function, name));
                if (name != null) {
                    logGroups.add("/aws/lambda/" + name);
                }
            }
        }
        try (SqsClient sqs = aws.client(SqsClient.builder())) {
            for (Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
                results.add(checkQueue(sqs, queue, physical.get(queue.logicalId())));
            }
        }
        try (SecretsManagerClient secrets = aws.client(SecretsManagerClient.builder())) {
            for (String secret : secretNames) {
                try {
                    secrets.describeSecret(b -> b.secretId(secret));
                    results.add(new CheckResult("secret " + secret, CheckResult.Status.PASS, "exists (not read)"));
                } catch (SdkException e) {
                    results.add(new CheckResult("secret " + secret, CheckResult.Status.FAIL, oneLine(e)));
                }
            }
        }
        try (CloudWatchLogsClient logs = aws.client(CloudWatchLogsClient.builder())) {
            long since = Instant.now().minus(Duration.ofMinutes(logMinutes)).toEpochMilli();
            for (String group : logGroups) {
                results.add(checkLogs(logs, group, since, logMinutes));
            }
        }
        if (lakeBucket != null && !lakeBucket.isBlank()) {
            results.add(checkLake(lakeBucket));
        }
        return results;
    }

    private static CheckResult checkFunction(LambdaClient lambda, Resource function, String name) {
        String label = "function " + function.logicalId();
        if (name == null) {
            return new CheckResult(label, CheckResult.Status.FAIL, "not in the deployed stack");
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
            return differences.isEmpty() ? new CheckResult(label, CheckResult.Status.PASS, figure)
                    : new CheckResult(label, CheckResult.Status.FAIL, name + ": " + String.join(", ", differences));
        } catch (SdkException e) {
            return new CheckResult(label, CheckResult.Status.FAIL, oneLine(e));
        }
    }

    private static void compare(List<String> differences, String what, String expected, String actual) {
        if (expected != null && !expected.equals(actual)) {
            differences.add(what + " " + actual + ", synthesized " + expected);
        }
    }

    private static CheckResult checkQueue(SqsClient sqs, Resource queue, String url) {
        boolean deadLetter = queue.logicalId().toLowerCase(java.util.Locale.ROOT).contains("dlq")
                || queue.logicalId().toLowerCase(java.util.Locale.ROOT).contains("deadletter");
        String label = (deadLetter ? "dead-letter queue " : "queue ") + queue.logicalId();
        if (url == null) {
            return new CheckResult(label, CheckResult.Status.FAIL, "not in the deployed stack");
        }
        try {
            String depth = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
            boolean warn = deadLetter && !"0".equals(depth);
            return new CheckResult(label, warn ? CheckResult.Status.WARN : CheckResult.Status.PASS, depth + " message(s)");
        } catch (SdkException e) {
            return new CheckResult(label, CheckResult.Status.FAIL, oneLine(e));
        }
    }

    private static CheckResult checkLogs(CloudWatchLogsClient logs, String group, long since, int minutes) {
        String label = "errors in " + group;
        try {
            int errors = logs.filterLogEvents(b -> b.logGroupName(group).startTime(since).filterPattern("ERROR"))
                    .events().size();
            return new CheckResult(label, errors == 0 ? CheckResult.Status.PASS : CheckResult.Status.WARN,
                    errors + " in the last " + minutes + " min");
        } catch (SdkException e) {
            return new CheckResult(label, CheckResult.Status.WARN, oneLine(e));
        }
    }

    private CheckResult checkLake(String bucket) {
        String label = "new objects under s3://" + bucket + "/ext/";
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        try (S3Client s3 = aws.client(S3Client.builder().forcePathStyle(
                aws.environment().containsKey("AWS_ENDPOINT_URL")))) {
            long fresh = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("ext/")).contents().stream()
                    .map(S3Object::lastModified).filter(t -> t.isAfter(hourAgo)).count();
            return new CheckResult(label, fresh > 0 ? CheckResult.Status.PASS : CheckResult.Status.WARN,
                    fresh + " in the last hour");
        } catch (SdkException e) {
            return new CheckResult(label, CheckResult.Status.WARN, oneLine(e));
        }
    }

    private static String oneLine(SdkException e) {
        String message = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        return message.lines().findFirst().orElse("").replaceAll(" \\(Service: .*$", "");
    }
}
