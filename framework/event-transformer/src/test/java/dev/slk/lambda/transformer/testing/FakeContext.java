package dev.slk.lambda.transformer.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The parts of a Lambda context the handlers read. */
public record FakeContext(String requestId, String functionArn, int remainingMillis) implements Context {
    /** The account the fake function lives in. */
    public static final String ACCOUNT = "123456789012";
    /** The fake function's region. */
    public static final String REGION = "eu-west-1";

    /** @return a context for request {@code requestId} of a function in eu-west-1 */
    public static FakeContext of(String requestId) {
        return new FakeContext(requestId, "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:slk-test", 60_000);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/slk-test";
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return "slk-test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
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
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
