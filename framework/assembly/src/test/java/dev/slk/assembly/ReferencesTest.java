package dev.slk.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Reference> in(String json) throws Exception {
        JsonNode value = JSON.readTree(json);
        return References.in(value);
    }

    private static Reference ref(String id) {
        return new Reference(Reference.Kind.REF, id, "");
    }

    @Test
    void refAndBothFormsOfGetAttNameTheirLogicalIds() throws Exception {
        assertEquals(List.of(ref("Queue")), in("{\"Ref\": \"Queue\"}"));
        assertEquals(List.of(new Reference(Reference.Kind.GET_ATT, "Fn", "Arn")),
                in("{\"Fn::GetAtt\": [\"Fn\", \"Arn\"]}"));
        assertEquals(List.of(new Reference(Reference.Kind.GET_ATT, "Key", "Arn")), in("{\"Fn::GetAtt\": \"Key.Arn\"}"));
    }

    @Test
    void joinIfAndSelectAreSeenThroughAndPseudoParametersAreNoReference() throws Exception {
        assertEquals(List.of(ref("Bucket"), ref("Other")), in("""
                {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::", {"Ref": "Bucket"},
                  {"Fn::If": ["C", {"Fn::Select": [0, [{"Ref": "Other"}]]}, {"Ref": "AWS::NoValue"}]}]]}
                """));
    }

    @Test
    void subVariablesAreReferencesButEscapesAndLocalVariablesAreNot() throws Exception {
        assertEquals(List.of(ref("Local"), new Reference(Reference.Kind.SUB, "Topic", ""),
                new Reference(Reference.Kind.SUB, "Fn", "Arn")), in("""
                {"Fn::Sub": ["${Topic}:${Fn.Arn}:${AWS::Region}:${!Literal}:${Name}", {"Name": {"Ref": "Local"}}]}
                """));
        assertEquals(List.of(new Reference(Reference.Kind.SUB, "Queue", "")), in("{\"Fn::Sub\": \"q-${Queue}\"}"));
    }

    @Test
    void eachReferenceIsListedOnce() throws Exception {
        assertEquals(List.of(ref("A")), in("[{\"Ref\": \"A\"}, {\"Ref\": \"A\"}]"));
    }
}
