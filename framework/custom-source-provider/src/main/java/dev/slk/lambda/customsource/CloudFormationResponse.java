package dev.slk.lambda.customsource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The body PUT to the pre-signed ResponseURL. */
record CloudFormationResponse(
        String status,
        String reason,
        String physicalResourceId,
        String stackId,
        String requestId,
        String logicalResourceId,
        Map<String, String> data) {

    /** CloudFormation rejects a larger response ("Response object is too long"). */
    static final int MAX_BYTES = 4096;
    private static final int MAX_REASON = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    static CloudFormationResponse of(CloudFormationEvent event, Outcome outcome) {
        String reason = outcome.reason().length() <= MAX_REASON
                ? outcome.reason() : outcome.reason().substring(0, MAX_REASON - 3) + "...";
        Map<String, String> data = outcome instanceof Outcome.Success success ? success.data() : Map.of();
        return new CloudFormationResponse(outcome instanceof Outcome.Success ? "SUCCESS" : "FAILED", reason,
                outcome.physicalResourceId(), event.stackId(), event.requestId(), event.logicalResourceId(),
                new TreeMap<>(data));
    }

    byte[] toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Reason", reason);
        body.put("PhysicalResourceId", physicalResourceId);
        body.put("StackId", stackId);
        body.put("RequestId", requestId);
        body.put("LogicalResourceId", logicalResourceId);
        body.put("Data", data);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
