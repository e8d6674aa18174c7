package dev.slk.lambda.transformer;

/**
 * Facts about one invocation that go into object keys and ASFF findings.
 *
 * @param accountId the function's account (from its ARN)
 * @param region the function's region ({@code AWS_REGION}, else from its ARN)
 * @param partition the ARN partition, e.g. {@code aws}
 * @param requestId the Lambda request id
 */
public record Invocation(String accountId, String region, String partition, String requestId) {

    /**
     * @param functionArn {@code arn:<partition>:lambda:<region>:<account>:function:<name>[:qualifier]}
     * @param awsRegion {@code AWS_REGION}, or null
     * @param requestId the request id
     * @return the invocation facts
     * @throws IllegalArgumentException when the ARN is not a Lambda function ARN
     */
    public static Invocation of(String functionArn, String awsRegion, String requestId) {
        String[] parts = functionArn == null ? new String[0] : functionArn.split(":", 7);
        if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("lambda") || !parts[4].matches("\\d{12}")) {
            throw new IllegalArgumentException("not a Lambda function ARN: " + functionArn);
        }
        String region = awsRegion == null || awsRegion.isBlank() ? parts[3] : awsRegion;
        return new Invocation(parts[4], region, parts[1], requestId);
    }
}
