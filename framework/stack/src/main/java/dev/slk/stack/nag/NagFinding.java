package dev.slk.stack.nag;

/**
 * One unsuppressed cdk-nag (or CDK) message about the synthesized stack.
 *
 * @param rule the rule id, e.g. {@code AwsSolutions-SQS3}, or {@code cdk} for CDK's own messages
 * @param level error or warning
 * @param path the construct path it is about
 * @param message the message, without the rule id
 */
public record NagFinding(String rule, Level level, String path, String message) {
    /** Severity of a message; errors fail the synthesis, warnings only with --strict. */
    public enum Level { ERROR, WARNING }
}
