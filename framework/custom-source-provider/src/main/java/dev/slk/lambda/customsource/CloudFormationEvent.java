package dev.slk.lambda.customsource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A CloudFormation custom resource request, reduced to what the provider reads. Its toString
 * names the request, not its properties or its pre-signed response URL.
 */
record CloudFormationEvent(
        String requestType,
        URI responseUrl,
        String stackId,
        String requestId,
        String logicalResourceId,
        Optional<String> physicalResourceId,
        JsonNode resourceProperties,
        JsonNode oldResourceProperties) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event without a usable ResponseURL: nobody can be told the outcome. */
    static final class Unanswerable extends Exception {
        private static final long serialVersionUID = 1L;

        Unanswerable(String message) {
            super(message, null, false, false);
        }
    }

    static CloudFormationEvent read(InputStream in) throws Unanswerable {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new Unanswerable("the event is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Unanswerable("the event is not a JSON object");
        }
        String url = root.path("ResponseURL").asText("");
        URI responseUrl;
        try {
            responseUrl = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Unanswerable("the event's ResponseURL is not a URL");
        }
        String scheme = responseUrl.getScheme() == null ? "" : responseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || responseUrl.getHost() == null) {
            throw new Unanswerable("the event has no http(s) ResponseURL; is this a CloudFormation custom resource request?");
        }
        String physical = root.path("PhysicalResourceId").asText("");
        return new CloudFormationEvent(
                root.path("RequestType").asText(""),
                responseUrl,
                root.path("StackId").asText(""),
                root.path("RequestId").asText(""),
                root.path("LogicalResourceId").asText(""),
                physical.isEmpty() ? Optional.empty() : Optional.of(physical),
                root.get("ResourceProperties"),
                root.get("OldResourceProperties"));
    }

    @Override
    public String toString() {
        return "CloudFormationEvent[" + requestType + " " + logicalResourceId + "]";
    }
}
