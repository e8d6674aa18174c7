package dev.slk.ocsf.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the OCSF tables shipped in this package. */
final class SchemaResources {
    private SchemaResources() {
    }

    static JsonNode read(String name) {
        try (InputStream in = SchemaResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("slk is damaged: " + name + " is missing");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("slk is damaged: cannot read " + name, e);
        }
    }
}
