package dev.slk.scan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.Resource;
import dev.slk.assembly.StackTemplate;

/** Whether a queue policy of the template refuses plain-HTTP requests to a queue. */
final class QueuePolicies {
    private QueuePolicies() {
    }

    /**
     * @return true when an AWS::SQS::QueuePolicy lists the queue (by any reference the model resolves)
     *     and has a Deny statement with Condition Bool aws:SecureTransport "false", as CDK's enforceSSL
     *     writes it
     */
    static boolean enforcesTls(StackTemplate template, Resource queue) {
        for (Resource policy : template.resourcesOfType("AWS::SQS::QueuePolicy")) {
            JsonNode props = policy.properties();
            if (template.referencedResources(props.path("Queues")).contains(queue)
                    && deniesInsecureTransport(props.path("PolicyDocument"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean deniesInsecureTransport(JsonNode document) {
        JsonNode statements = document.path("Statement");
        // A policy may hold a single statement object instead of a list.
        Iterable<JsonNode> all = statements.isArray() ? statements : java.util.List.of(statements);
        for (JsonNode statement : all) {
            if (statement.path("Effect").asText().equals("Deny")
                    && isFalseCondition(statement.path("Condition").path("Bool").path("aws:SecureTransport"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFalseCondition(JsonNode value) {
        if (value.isArray()) {
            return value.size() == 1 && TemplateContext.isFalse(value.get(0));
        }
        return TemplateContext.isFalse(value);
    }
}
