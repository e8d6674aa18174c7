package dev.slk.stack.core;

/**
 * A resource name as the user configured it, with the key it came from, so that an invalid
 * name is reported against the key to change.
 *
 * @param name the configured name, before qualification with project and environment
 * @param key the config key, e.g. {@code sqsQueue.queueName}
 */
record ConfiguredName(String name, String key) {
}
