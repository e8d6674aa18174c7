package dev.slk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidationResultTest {
    @Test
    void warningsAloneKeepTheResultValid() {
        ValidationResult r = ValidationResult.builder().warning("/old", "old is deprecated").build();
        assertTrue(r.isValid());
        assertEquals(1, r.warnings().size());
    }

    @Test
    void anErrorMakesItInvalid() {
        ValidationResult r = ValidationResult.builder().error("/schedule", "bad", "use rate(5 minutes)").build();
        assertFalse(r.isValid());
        assertEquals("use rate(5 minutes)", r.errors().get(0).hint());
    }

    @Test
    void pointersMustBeJsonPointers() {
        assertThrows(IllegalArgumentException.class, () -> ValidationResult.builder().error("schedule", "bad"));
        assertEquals("", ValidationResult.builder().error(null, "whole block").build().problems().get(0).pointer());
    }
}
