package dev.slk.lambda.customsource;

/** A custom log source as Security Lake reports it: where the provider writes and the role it assumes. */
record RegisteredSource(String sourceName, String sourceVersion, String location, String providerRoleArn) {
}
