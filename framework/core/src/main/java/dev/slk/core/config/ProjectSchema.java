package dev.slk.core.config;

import dev.slk.core.schema.JsonSchemaDocument;
import dev.slk.core.schema.SchemaValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** The JSON Schema of the project configuration, shipped inside slk. */
public final class ProjectSchema {
    /** Resource path of the schema. */
    public static final String RESOURCE = "/dev/slk/core/config/project-config.schema.json";
    private static final JsonSchemaDocument DOCUMENT = read();
    private static volatile SchemaValidation validation;

    private ProjectSchema() {
    }

    /** @return the schema */
    public static JsonSchemaDocument document() {
        return DOCUMENT;
    }

    /** @return the compiled schema, compiled once per process */
    public static SchemaValidation validation() {
        SchemaValidation v = validation;
        if (v == null) {
            v = new SchemaValidation(DOCUMENT);
            validation = v;
        }
        return v;
    }

    private static JsonSchemaDocument read() {
        URL url = ProjectSchema.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("slk is damaged: " + RESOURCE + " is missing from its jar");
        }
        try {
            return JsonSchemaDocument.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("slk is damaged: cannot read " + RESOURCE, e);
        }
    }
}
