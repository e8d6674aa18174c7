package dev.slk.ocsf.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingLoaderTest {
    static final String VALID = """
            mappings:
              - id: demo-alert
                class: DETECTION_FINDING
                when:
                  - {path: $.kind, equals: alert}
                ocsf:
                  activity_id: 1
                  time: {path: $.at, convert: timestamp}
                  severity_id: {path: $.level, convert: severity_id, default: 0}
                  finding_info.uid: {path: $.id, convert: string}
                  finding_info.title: {path: $.name}
                  metadata.product.name: Demo
                  metadata.product.vendor_name: Example
            """;

    private static List<Problem> problems(String yaml) {
        return assertInstanceOf(LoadResult.Invalid.class, MappingLoader.parse(yaml, "m.yaml")).problems();
    }

    private static String only(String yaml) {
        List<Problem> p = problems(yaml);
        assertEquals(1, p.size(), p.toString());
        return p.get(0).toString();
    }

    @Test
    void aValidFileLoads() {
        LoadResult.Loaded loaded = assertInstanceOf(LoadResult.Loaded.class, MappingLoader.parse(VALID, "m.yaml"));
        assertEquals("demo-alert", loaded.mappings().get(0).id());
        assertEquals(2004, loaded.mappings().get(0).ocsfClass().uid());
        assertEquals("m.yaml:2:5", loaded.mappings().get(0).location().toString());
    }

    @Test
    void yamlSyntaxErrorsCarryLineAndColumn() {
        String p = only("mappings:\n  - id: [unclosed\n");
        assertTrue(p.startsWith("m.yaml:3:1: invalid YAML"), p);
    }

    @Test
    void unknownKeysArePointedAt() {
        String p = only(VALID.replace("    when:", "    wen: x\n    when:"));
        assertTrue(p.startsWith("m.yaml:4:5: unknown key 'wen' in a mapping"), p);
    }

    @Test
    void unknownClassesListTheAcceptedOnes() {
        String p = only(VALID.replace("DETECTION_FINDING", "DETECTION_FINDINGS"));
        assertTrue(p.startsWith("m.yaml:3:12: 'DETECTION_FINDINGS' is not an OCSF class"), p);
    }

    @Test
    void badPathsNameTheOffendingPosition() {
        String p = only(VALID.replace("{path: $.name}", "{path: \"$.na[me\"}"));
        assertTrue(p.startsWith("m.yaml:11:34: path $.na[me: '[' at position 4 is not closed"), p);
    }

    @Test
    void unknownConvertersAreRefused() {
        String p = only(VALID.replace("convert: timestamp", "convert: exec"));
        assertTrue(p.startsWith("m.yaml:8:35: unknown converter exec"), p);
    }

    @Test
    void constantsMustFitTheOcsfAttributeType() {
        String p = only(VALID.replace("activity_id: 1", "activity_id: \"one\""));
        assertTrue(p.startsWith("m.yaml:7:20: activity_id is integer in OCSF"), p);
    }

    @Test
    void aBareDollarStringIsCaughtAsAForgottenPath() {
        String p = only(VALID.replace("metadata.product.name: Demo", "metadata.product.name: $.product"));
        assertTrue(p.contains("write {path: $.product}"), p);
    }

    @Test
    void requiredAttributesOfTheClassMustBeSet() {
        List<Problem> p = problems(VALID.replace("      finding_info.title: {path: $.name}\n", "")
                .replace("      metadata.product.vendor_name: Example\n", ""));
        assertEquals(List.of(
                "m.yaml:6:5: Detection Finding requires metadata.product.vendor_name; the mapping does not set it",
                "m.yaml:6:5: Detection Finding requires finding_info.title; the mapping does not set it"),
                p.stream().map(Problem::toString).toList());
    }

    @Test
    void derivedAttributesCannotBeSet() {
        String p = only(VALID.replace("activity_id: 1", "activity_id: 1\n      class_uid: 2004"));
        assertTrue(p.contains("class_uid comes from the mapping's class"), p);
    }

    @Test
    void overlappingTargetsAreRefused() {
        String p = only(VALID + "      metadata.product: {const: {name: x}}\n");
        assertTrue(p.contains("overlaps metadata.product.name"), p);
    }

    @Test
    void atPathsOutsideEachAreRefused() {
        String p = only(VALID.replace("{path: $.name}", "{path: \"@.name\"}"));
        assertTrue(p.contains("@ paths only work inside 'each'"), p);
    }

    @Test
    void anAsffBlockMustSetWhatSecurityHubRequires() {
        String p = only(VALID + """
                    asff:
                      Id: {path: $.id}
                      Title: {path: $.name}
                      Description: {path: $.name}
                      Types: [x/y]
                      CreatedAt: {path: $.at, convert: iso8601}
                      UpdatedAt: {path: $.at, convert: iso8601}
                      Severity.Label: HIGH
                      Resources: {each: $, fields: {Type: Other, Id: {path: $.id}}}
                """);
        assertTrue(p.startsWith("m.yaml:14:5: an ASFF finding requires GeneratorId"), p);
    }

    @Test
    void duplicateIdsAcrossFilesAreRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), VALID);
        Files.writeString(dir.resolve("b.yaml"), VALID);
        List<Problem> p = assertInstanceOf(LoadResult.Invalid.class,
                MappingLoader.loadAll(List.of(dir.resolve("a.yaml"), dir.resolve("b.yaml")))).problems();
        assertTrue(p.get(0).toString().contains("mapping id demo-alert is already used at " + dir.resolve("a.yaml")),
                p.toString());
    }

    @Test
    void everyProblemOfAFileIsReportedInOneLoad() {
        List<Problem> p = problems(VALID.replace("DETECTION_FINDING", "NOPE").replace("convert: timestamp",
                "convert: exec").replace("equals: alert", "equalz: alert"));
        assertEquals(4, p.size(), p.toString());
    }

    @Test
    void nonUtf8FilesAreRefused(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.yaml");
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
        Problem p = assertInstanceOf(LoadResult.Invalid.class, MappingLoader.load(f)).problems().get(0);
        assertEquals(f + ":1:1: not UTF-8 text", p.toString());
    }
}
