/*
 * Copyright (c) 2026 the slk authors
 */
package dev.slk.modules.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module's tests read copies of the reference framework's files (src/test/resources/reference),
 * so they run, and count for coverage, wherever the module is built. Where the originals are
 * present (CI always has ../shared/reference beside the checkout) each copy must equal its original.
 */
class ReferenceCopiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"azure.config.example.yaml", "config.example.yaml", "event_type_mappings.json"})
    void eachCopyIsTheReferenceFrameworksFile(String file) throws IOException {
        Path original = Slk.REFERENCE.resolve(file);
        if (!Files.exists(original)) {
            assertFalse("true".equals(System.getenv("CI")), "CI has the reference data, but not at " + original);
            Assumptions.abort("reference data not available at " + original + "; the copy is used as it is");
        }
        assertEquals(Files.readString(original), Slk.reference(file), "src/test/resources/reference/" + file
                + " differs from " + original + ": copy it again and rerun the module's tests");
    }
}
