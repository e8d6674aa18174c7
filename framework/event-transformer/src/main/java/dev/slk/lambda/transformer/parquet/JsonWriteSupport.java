package dev.slk.lambda.transformer.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Writes JSON records into the shape {@link SchemaDerivation} derived for them. */
final class JsonWriteSupport extends WriteSupport<JsonNode> {
    private final Shape.Group root;
    private final MessageType schema;
    private final Map<String, String> metadata;
    private RecordConsumer out;

    JsonWriteSupport(Shape.Group root, MessageType schema, Map<String, String> metadata) {
        this.root = root;
        this.schema = schema;
        this.metadata = Map.copyOf(metadata);
    }

    // Abstract in parquet-hadoop, so it must exist; the ParquetConfiguration overload is the one used.
    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
        throw new UnsupportedOperationException("slk writes Parquet without Hadoop");
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, metadata);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(JsonNode record) {
        out.startMessage();
        writeFields(root, record);
        out.endMessage();
    }

    private void writeFields(Shape.Group group, JsonNode object) {
        int index = 0;
        for (Map.Entry<String, Shape> field : group.fields().entrySet()) {
            JsonNode value = object.get(field.getKey());
            if (value != null && !value.isNull() && present(field.getValue(), value)) {
                out.startField(field.getKey(), index);
                writeValue(field.getValue(), value);
                out.endField(field.getKey(), index);
            }
            index++;
        }
    }

    /** A group whose value has none of its fields, or a list of nothing writable, is written as null. */
    private static boolean present(Shape shape, JsonNode value) {
        if (shape instanceof Shape.Group g) {
            if (!value.isObject()) {
                return false;
            }
            for (Map.Entry<String, Shape> f : g.fields().entrySet()) {
                JsonNode v = value.get(f.getKey());
                if (v != null && !v.isNull() && present(f.getValue(), v)) {
                    return true;
                }
            }
            return false;
        }
        if (shape instanceof Shape.ListOf) {
            return value.isArray();
        }
        if (shape instanceof Shape.StringMap) {
            return value.isObject();
        }
        return true;
    }

    private void writeValue(Shape shape, JsonNode value) {
        if (shape instanceof Shape.Primitive p) {
            writePrimitive(p, value);
        } else if (shape instanceof Shape.Group g) {
            out.startGroup();
            writeFields(g, value);
            out.endGroup();
        } else if (shape instanceof Shape.ListOf l) {
            out.startGroup();
            if (!value.isEmpty()) {
                out.startField("list", 0);
                for (JsonNode element : value) {
                    out.startGroup();
                    if (!element.isNull() && present(l.element(), element)) {
                        out.startField("element", 0);
                        writeValue(l.element(), element);
                        out.endField("element", 0);
                    }
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
        } else {
            out.startGroup();
            if (!value.isEmpty()) {
                out.startField("key_value", 0);
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    out.startGroup();
                    out.startField("key", 0);
                    out.addBinary(Binary.fromString(e.getKey()));
                    out.endField("key", 0);
                    if (!e.getValue().isNull()) {
                        out.startField("value", 1);
                        out.addBinary(Binary.fromString(text(e.getValue())));
                        out.endField("value", 1);
                    }
                    out.endGroup();
                }
                out.endField("key_value", 0);
            }
            out.endGroup();
        }
    }

    private void writePrimitive(Shape.Primitive p, JsonNode value) {
        switch (p) {
            case STRING -> out.addBinary(Binary.fromString(text(value)));
            case INT32 -> out.addInteger(value.intValue());
            case INT64 -> out.addLong(value.longValue());
            case DOUBLE -> out.addDouble(value.doubleValue());
            case BOOLEAN -> out.addBoolean(value.booleanValue());
            default -> throw new IllegalStateException(p.name());
        }
    }

    /** Scalars as their text; objects and arrays (json_t, or mixed-type columns) as JSON text. */
    static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
