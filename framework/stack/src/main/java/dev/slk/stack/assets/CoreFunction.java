package dev.slk.stack.assets;

/** slk's own Lambda functions: the Maven artifact that builds each, and its handler. */
public enum CoreFunction {
    /** Turns queued events into OCSF Parquet objects in the Security Lake bucket. */
    EVENT_TRANSFORMER("slk-event-transformer", "dev.slk.lambda.transformer.EventTransformerHandler::handleRequest",
            "event transformer"),
    /** Imports ASFF findings into Security Hub. */
    SECURITY_HUB_PROCESSOR("slk-securityhub-processor",
            "dev.slk.lambda.securityhub.SecurityHubProcessorHandler::handleRequest", "Security Hub processor"),
    /** Backs the custom resource that registers the custom log sources with Security Lake. */
    CUSTOM_SOURCE_PROVIDER("slk-custom-source-provider",
            "dev.slk.lambda.customsource.CustomLogSourceHandler::handleRequest", "custom log source provider");

    private final String artifactId;
    private final String handler;
    private final String label;

    CoreFunction(String artifactId, String handler, String label) {
        this.artifactId = artifactId;
        this.handler = handler;
        this.label = label;
    }

    /** @return the Maven artifact id of the function's module */
    public String artifactId() {
        return artifactId;
    }

    /** @return the handler, {@code class::method} */
    public String handler() {
        return handler;
    }

    /** @return a name for messages */
    public String label() {
        return label;
    }
}
