package dev.slk.lambda.transformer.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Encodes OCSF records as one Snappy-compressed Parquet file in memory.
 *
 * <p>Nested OCSF objects become Parquet groups (Athena {@code struct}), arrays the standard
 * three-level {@code LIST} ({@code array}), {@code unmapped} a {@code MAP} of strings. The file
 * bytes depend only on the records, so the same batch gives the same object.
 */
public final class ParquetEncoder {
    private static final SnappyCodecFactory CODECS = new SnappyCodecFactory();

    private ParquetEncoder() {
    }

    /**
     * @param records OCSF records (already checked)
     * @param metadata key-value metadata for the file footer
     * @return the Parquet file
     */
    public static byte[] encode(List<? extends JsonNode> records, Map<String, String> metadata) {
        Shape.Group root = SchemaDerivation.derive(records);
        MessageType schema = schema(root);
        InMemoryOutputFile file = new InMemoryOutputFile();
        JsonWriteSupport support = new JsonWriteSupport(root, schema, metadata);
        try (ParquetWriter<JsonNode> writer = new Builder(file, support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(CODECS)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (JsonNode record : records) {
                writer.write(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode Parquet in memory", e);
        }
        return file.toByteArray();
    }

    /**
     * @param records OCSF records
     * @return the Parquet schema {@link #encode} writes for them
     */
    public static MessageType schemaOf(List<? extends JsonNode> records) {
        return schema(SchemaDerivation.derive(records));
    }

    static MessageType schema(Shape.Group root) {
        return new MessageType("ocsf", fields(root));
    }

    private static List<Type> fields(Shape.Group group) {
        List<Type> out = new ArrayList<>();
        group.fields().forEach((name, shape) -> out.add(type(name, shape, Repetition.OPTIONAL)));
        return out;
    }

    private static Type type(String name, Shape shape, Repetition repetition) {
        if (shape instanceof Shape.Primitive p) {
            return switch (p) {
                case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(name);
                case INT32 -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
                case INT64 -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
                case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            };
        }
        if (shape instanceof Shape.Group g) {
            return new GroupType(repetition, name, fields(g));
        }
        if (shape instanceof Shape.ListOf l) {
            return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                    .addField(new GroupType(Repetition.REPEATED, "list", type("element", l.element(), Repetition.OPTIONAL)))
                    .named(name);
        }
        return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
                .addField(new GroupType(Repetition.REPEATED, "key_value",
                        Types.primitive(PrimitiveTypeName.BINARY, Repetition.REQUIRED)
                                .as(LogicalTypeAnnotation.stringType()).named("key"),
                        Types.primitive(PrimitiveTypeName.BINARY, Repetition.OPTIONAL)
                                .as(LogicalTypeAnnotation.stringType()).named("value")))
                .named(name);
    }

    private static final class Builder extends ParquetWriter.Builder<JsonNode, Builder> {
        private final JsonWriteSupport support;

        Builder(OutputFile file, JsonWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        // Abstract in parquet-hadoop, so it must exist; the ParquetConfiguration overload is the one used.
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<JsonNode> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            throw new UnsupportedOperationException("slk writes Parquet without Hadoop");
        }

        @Override
        protected WriteSupport<JsonNode> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
