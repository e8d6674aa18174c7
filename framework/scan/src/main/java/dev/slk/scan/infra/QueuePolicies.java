package dev.slk.scan.infra;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether a queue policy of the template refuses plain-HTTP requests to a queue. */
final class QueuePolicies {
    private QueuePolicies() {
    }

    /**
     * @return true when an AWS::SQS::QueuePolicy lists the queue (by Ref) and has a Deny statement
     *     with Condition Bool aws:SecureTransport "false", as CDK's enforceSSL writes it
     */
    static boolean enforcesTls(CfnTemplate template, String queueId) {
        for (CfnTemplate.Entry policy : template.resources().values()) {
            if (!policy.type().equals("AWS::SQS::QueuePolicy")) {
                continue;
            }
            JsonNode props = policy.properties();
            if (listsQueue(props.path("Queues"), queueId) && deniesInsecureTransport(props.path("PolicyDocument"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean listsQueue(JsonNode queues, String queueId) {
        for (JsonNode queue : queues) {
            JsonNode ref = queue.path("Ref");
            if (ref.isTextual() && ref.asText().equals(queueId)) {
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
