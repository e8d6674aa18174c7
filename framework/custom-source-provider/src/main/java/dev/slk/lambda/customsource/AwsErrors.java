package dev.slk.lambda.customsource;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** One-line descriptions of SDK failures for the Reason field, with secrets removed. */
final class AwsErrors {
    private static final int MAX_MESSAGE = 300;

    private AwsErrors() {
    }

    static String describe(SdkException e, Redactor redactor) {
        String text;
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            var details = service.awsErrorDetails();
            text = details.errorCode() + " (HTTP " + service.statusCode() + "): " + details.errorMessage();
        } else {
            text = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        String oneLine = redactor.redact(text).replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}
