package dev.slk.lambda.transformer.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.lambda.transformer.testing.ParquetRows;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;

class ParquetEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ObjectNode> records(String... json) throws Exception {
        java.util.ArrayList<ObjectNode> out = new java.util.ArrayList<>();
        for (String j : json) {
            out.add((ObjectNode) JSON.readTree(j));
        }
        return out;
    }

    @Test
    void nestedOcsfBecomesStructsListsAndAStringMapTypedByAttributeName() throws Exception {
        MessageType schema = ParquetEncoder.schemaOf(records("""
                {"class_uid": 2004, "time": 1700000000000, "severity_id": 3, "type_uid": 200401,
                 "finding_info": {"uid": "u", "types": ["a"]},
                 "resources": [{"uid": "r", "labels": ["x"]}],
                 "unmapped": {"k": {"nested": true}}, "confidence_score": 5, "custom_ratio": 1}""",
                """
                {"class_uid": 2004, "time": 1700000000001, "custom_ratio": 0.5, "custom_mixed": "x",
                 "data": {"any": ["json"]}}""",
                """
                {"class_uid": 2004, "time": 1700000000002, "custom_mixed": {"o": 1}, "empty": {}, "nothing": []}"""));
        MessageType expected = MessageTypeParser.parseMessageType("""
                message ocsf {
                  optional int32 class_uid;
                  optional int32 confidence_score;
                  optional binary custom_mixed (STRING);
                  optional double custom_ratio;
                  optional binary data (STRING);
                  optional group finding_info {
                    optional group types (LIST) { repeated group list { optional binary element (STRING); } }
                    optional binary uid (STRING);
                  }
                  optional group resources (LIST) {
                    repeated group list {
                      optional group element {
                        optional group labels (LIST) { repeated group list { optional binary element (STRING); } }
                        optional binary uid (STRING);
                      }
                    }
                  }
                  optional int32 severity_id;
                  optional int64 time;
                  optional int64 type_uid;
                  optional group unmapped (MAP) {
                    repeated group key_value { required binary key (STRING); optional binary value (STRING); }
                  }
                }""");
        assertEquals(expected, schema);
    }

    @Test
    void recordsReadBackFieldByField() throws Exception {
        List<ObjectNode> in = records("""
                {"class_uid": 2004, "time": 1700000000000, "severity_id": 3, "is_alert": true,
                 "finding_info": {"uid": "u1", "title": "t", "types": ["a", "b"]},
                 "resources": [{"uid": "r1"}, {"uid": "r2", "labels": []}],
                 "unmapped": {"k": {"nested": [1]}, "s": "v", "n": 4}, "custom_ratio": 2}""",
                """
                {"class_uid": 2004, "time": 1700000000001, "custom_ratio": 0.25, "data": {"x": 1},
                 "finding_info": {"uid": "u2", "title": "t2"}}""");
        ParquetRows.Content out = ParquetRows.read(ParquetEncoder.encode(in, Map.of("slk.source", "s/1.0")));
        assertEquals(CompressionCodecName.SNAPPY, out.codec());
        assertEquals(JSON.readTree("""
                {"class_uid": 2004, "custom_ratio": 2.0, "finding_info": {"title": "t", "types": ["a", "b"], "uid": "u1"},
                 "is_alert": true, "resources": [{"uid": "r1"}, {"labels": [], "uid": "r2"}], "severity_id": 3,
                 "time": 1700000000000, "unmapped": {"k": "{\\"nested\\":[1]}", "n": "4", "s": "v"}}"""),
                out.rows().get(0));
        assertEquals(JSON.readTree("""
                {"class_uid": 2004, "custom_ratio": 0.25, "data": "{\\"x\\":1}",
                 "finding_info": {"title": "t2", "uid": "u2"}, "time": 1700000000001}"""), out.rows().get(1));
        assertEquals(PrimitiveTypeName.INT64, ParquetRows.primitive(out.schema(), "time"));
    }

    @Test
    void theSameRecordsGiveTheSameBytes() throws Exception {
        List<ObjectNode> in = records("{\"class_uid\": 2004, \"time\": 1, \"message\": \"m\"}");
        assertArrayEquals(ParquetEncoder.encode(in, Map.of()), ParquetEncoder.encode(in, Map.of()));
    }

    @Test
    void manyRecordsRoundTrip() throws Exception {
        java.util.ArrayList<ObjectNode> in = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            in.add((ObjectNode) JSON.readTree("{\"class_uid\": 2004, \"time\": " + i + ", \"metadata\": {\"uid\": \"e"
                    + i + "\"}}"));
        }
        List<ObjectNode> out = ParquetRows.read(ParquetEncoder.encode(in, Map.of())).rows();
        assertEquals(5000, out.size());
        for (int i = 0; i < 5000; i++) {
            JsonNode r = out.get(i);
            assertEquals("e" + i, r.path("metadata").path("uid").asText());
            assertEquals(i, r.path("time").asLong());
        }
        assertFalse(out.get(0).has("message"));
    }
}
