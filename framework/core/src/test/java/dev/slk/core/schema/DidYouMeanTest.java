package dev.slk.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void suggestsTheClosestNameForATypo() {
        assertEquals(Optional.of("visibilityTimeout"),
                DidYouMean.suggest("visiblityTimeout", List.of("queueName", "visibilityTimeout", "deadLetterQueue")));
        assertEquals(Optional.of("prod"), DidYouMean.suggest("prdo", List.of("dev", "staging", "prod")));
    }

    @Test
    void suggestsNothingForAnUnrelatedName() {
        assertEquals(Optional.empty(), DidYouMean.suggest("okta", List.of("sample-source", "azure")));
        assertEquals(Optional.empty(), DidYouMean.suggest("x", List.of()));
    }
}
