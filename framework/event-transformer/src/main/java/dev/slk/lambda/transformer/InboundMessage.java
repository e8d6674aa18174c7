package dev.slk.lambda.transformer;

/**
 * A message from the event queue.
 *
 * @param messageId the SQS message id (what a batch item failure names)
 * @param body the body
 */
public record InboundMessage(String messageId, String body) {
}
