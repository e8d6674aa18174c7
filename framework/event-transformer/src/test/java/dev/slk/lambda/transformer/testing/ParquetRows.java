package dev.slk.lambda.transformer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.transformer.parquet.SnappyCodecFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Reads a Parquet file slk wrote back into JSON records (without Hadoop), for field-by-field comparison. */
public final class ParquetRows {
    private ParquetRows() {
    }

    /** What a file holds. */
    public record Content(MessageType schema, CompressionCodecName codec, List<ObjectNode> rows) {
    }

    /** @return the schema, codec and rows of the file */
    public static Content read(byte[] file) {
        ParquetReadOptions options = ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration()).withCodecFactory(new SnappyCodecFactory()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new BytesInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            CompressionCodecName codec = reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            List<ObjectNode> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.add((ObjectNode) toJson(records.read(), schema));
                }
            }
            return new Content(schema, codec, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode toJson(Group group, GroupType type) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (int f = 0; f < type.getFieldCount(); f++) {
            Type field = type.getType(f);
            if (group.getFieldRepetitionCount(f) == 0) {
                continue;
            }
            out.set(field.getName(), value(group, f, 0, field));
        }
        return out;
    }

    private static JsonNode value(Group group, int field, int index, Type type) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (type.isPrimitive()) {
            return switch (type.asPrimitiveType().getPrimitiveTypeName()) {
                case BINARY -> f.textNode(group.getString(field, index));
                case INT32 -> f.numberNode(group.getInteger(field, index));
                case INT64 -> f.numberNode(group.getLong(field, index));
                case DOUBLE -> f.numberNode(group.getDouble(field, index));
                case BOOLEAN -> f.booleanNode(group.getBoolean(field, index));
                default -> throw new IllegalStateException(type.toString());
            };
        }
        Group child = group.getGroup(field, index);
        GroupType g = type.asGroupType();
        LogicalTypeAnnotation logical = g.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            ArrayNode list = f.arrayNode();
            GroupType repeated = g.getType(0).asGroupType();
            for (int i = 0; i < child.getFieldRepetitionCount(0); i++) {
                Group entry = child.getGroup(0, i);
                list.add(entry.getFieldRepetitionCount(0) == 0 ? f.nullNode() : value(entry, 0, 0, repeated.getType(0)));
            }
            return list;
        }
        if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
            ObjectNode map = f.objectNode();
            for (int i = 0; i < child.getFieldRepetitionCount(0); i++) {
                Group entry = child.getGroup(0, i);
                map.set(entry.getString(0, 0), entry.getFieldRepetitionCount(1) == 0 ? f.nullNode()
                        : f.textNode(entry.getString(1, 0)));
            }
            return map;
        }
        return toJson(child, g);
    }

    /** @return the type of the top-level column {@code name} */
    public static PrimitiveType.PrimitiveTypeName primitive(MessageType schema, String... path) {
        return schema.getType(path).asPrimitiveType().getPrimitiveTypeName();
    }

    private static final class BytesInputFile implements InputFile {
        private final byte[] bytes;

        BytesInputFile(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            SeekableByteArray in = new SeekableByteArray(bytes);
            return new DelegatingSeekableInputStream(in) {
                @Override
                public long getPos() {
                    return in.position();
                }

                @Override
                public void seek(long newPos) {
                    in.seek((int) newPos);
                }
            };
        }
    }

    private static final class SeekableByteArray extends java.io.ByteArrayInputStream {
        SeekableByteArray(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }

        void seek(int newPos) {
            pos = newPos;
        }
    }
}
