package dev.slk.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.Acceptance;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.CommitLocation;
import dev.slk.core.findings.ResourceLocation;
import java.util.List;
import java.util.Map;

/**
 * slk's JSON report, the same document for every checking command. Its shape is the JSON Schema
 * {@link #SCHEMA_RESOURCE} (version {@link #VERSION}); docs/REPORTS.md describes it. A field
 * changes meaning or disappears only with a new version.
 */
public final class JsonReport {
    /** The version of the document's shape, in {@code reportVersion}. */
    public static final int VERSION = 1;

    /** Class-path resource of the JSON Schema the document follows. */
    public static final String SCHEMA_RESOURCE = "/dev/slk/core/report/report-v1.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * @param report the judged run
     * @return the document, ending with a newline
     */
    public static String render(CheckReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("reportVersion", VERSION);
        root.put("tool", report.toolName());
        root.put("command", report.command());
        root.put("version", report.version());
        root.put("passed", report.passed());
        root.put("failOn", report.failOn().label());
        ObjectNode summary = root.putObject("summary");
        summary.put("findings", report.findings().size());
        for (Status status : Status.values()) {
            summary.put(status.label(), report.count(status));
        }
        facts(root.putObject("facts"), report.facts());
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> finding(findings.addObject(), f, report.status(f)));
        ArrayNode notices = root.putArray("notices");
        report.notices().forEach(n -> notices.addObject().put("path", n.path()).put("message", n.message()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is plain JSON", e);
        }
    }

    private static void finding(ObjectNode n, Finding f, Status status) {
        n.put("rule", f.ruleId());
        n.put("severity", f.severity().label());
        n.put("level", f.severity().sarifLevel());
        n.put("status", status.label());
        n.put("message", f.message());
        if (f.hint() != null && !f.hint().isBlank()) {
            n.put("hint", f.hint());
        }
        ObjectNode location = n.putObject("location");
        location.put("file", f.location().file());
        location.put("line", f.location().line());
        location.put("column", f.location().column());
        if (f.location() instanceof ResourceLocation resource) {
            location.put("stack", resource.stack());
            location.put("logicalId", resource.logicalId());
            location.put("constructPath", resource.constructPath());
        }
        if (f.location() instanceof CommitLocation commit) {
            location.put("commit", commit.commit());
            location.put("authorDate", commit.authorDate().toString());
        }
        if (!f.pointer().isEmpty()) {
            n.put("pointer", f.pointer());
        }
        if (!f.evidence().isEmpty()) {
            n.put("evidence", f.evidence());
        }
        if (f.module() != null) {
            n.put("module", f.module());
        }
        n.put("fingerprint", f.fingerprint());
        if (f.acceptance() != null) {
            ObjectNode acceptance = n.putObject("acceptance").put("kind", f.acceptance().status())
                    .put("reason", f.acceptance().reason());
            if (f.acceptance() instanceof Acceptance.Waived waived) {
                acceptance.put("owner", waived.owner()).put("expires", waived.expires().toString())
                        .put("entry", waived.entry().toString());
            }
        }
    }

    private static void facts(ObjectNode node, Map<String, Object> facts) {
        facts.forEach((key, value) -> {
            if (value instanceof Boolean b) {
                node.put(key, b);
            } else if (value instanceof Integer i) {
                node.put(key, i);
            } else if (value instanceof Long l) {
                node.put(key, l);
            } else if (value instanceof Double d) {
                node.put(key, d);
            } else if (value instanceof List<?> list) {
                ArrayNode array = node.putArray(key);
                list.forEach(item -> array.add(String.valueOf(item)));
            } else {
                node.put(key, String.valueOf(value));
            }
        });
    }
}
