package dev.slk.lambda.customsource;

import java.util.Map;

/** What the provider tells CloudFormation. */
sealed interface Outcome permits Outcome.Success, Outcome.Failure {

    String physicalResourceId();

    String reason();

    record Success(String physicalResourceId, Map<String, String> data, String reason) implements Outcome {
        public Success {
            data = Map.copyOf(data);
        }
    }

    record Failure(String physicalResourceId, String reason) implements Outcome {
    }
}
