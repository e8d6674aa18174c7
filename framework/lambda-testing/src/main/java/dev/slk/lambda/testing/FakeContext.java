package dev.slk.lambda.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The Lambda context of one local invocation: the parts slk's handlers read (request id,
 * function ARN, remaining time), with a fixed amount of time left.
 *
 * @param functionName the function's name
 * @param region the function's region
 * @param account the function's account
 * @param awsRequestId the request id
 * @param remainingMillis the time left, as {@link #getRemainingTimeInMillis()} reports it
 */
public record FakeContext(String functionName, String region, String account, String awsRequestId,
        int remainingMillis) implements Context {

    /** The account of the fake functions. */
    public static final String ACCOUNT = "123456789012";
    /** The region of the fake functions. */
    public static final String REGION = "eu-west-1";

    /**
     * @param functionName the function's name
     * @param awsRequestId the request id
     * @param remainingMillis the time left
     * @return a context of that function in {@link #REGION} and {@link #ACCOUNT}
     */
    public static FakeContext of(String functionName, String awsRequestId, int remainingMillis) {
        return new FakeContext(functionName, REGION, ACCOUNT, awsRequestId, remainingMillis);
    }

    /**
     * @param awsRequestId the request id
     * @return a context of the function {@code slk-test} with a minute left
     */
    public static FakeContext of(String awsRequestId) {
        return of("slk-test", awsRequestId, 60_000);
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2026/01/01/[$LATEST]0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
