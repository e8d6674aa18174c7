package dev.slk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Severity;
import dev.slk.core.validation.ValidationReport;
import picocli.CommandLine.Help.Ansi;

/** Renders a validation report for people (text) or for machines (JSON). */
final class ReportRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportRenderer() {
    }

    /**
     * One {@code file:line:column: severity: message [rule]} line per finding, as compilers
     * print them so that editors link them, then a summary line.
     */
    static String text(ValidationReport report, boolean noColor) {
        Ansi ansi = noColor ? Ansi.OFF : Ansi.AUTO;
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            String severity = f.severity().isError() ? "@|bold,red error|@" : "@|bold,yellow warning|@";
            out.append(f.location()).append(": ").append(ansi.string(severity)).append(": ")
                    .append(f.message()).append(" [").append(f.ruleId()).append("]\n");
            out.append("    at ").append(f.pointer().isEmpty() ? "/" : f.pointer());
            if (f.hint() != null) {
                out.append("; ").append(f.hint());
            }
            out.append('\n');
        }
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        String verdict = errors == 0 ? ansi.string("@|bold,green valid|@") : ansi.string("@|bold,red invalid|@");
        out.append(report.file()).append(": ").append(verdict).append(" (")
                .append(count(errors, "error")).append(", ").append(count(warnings, "warning"))
                .append("; modules checked: ")
                .append(report.modulesChecked().isEmpty() ? "none" : String.join(", ", report.modulesChecked()))
                .append(")\n");
        return out.toString();
    }

    static String json(ValidationReport report, boolean strict) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", report.file());
        root.put("valid", report.valid());
        root.put("strict", strict);
        root.put("errors", report.errors().size());
        root.put("warnings", report.warnings().size());
        ArrayNode modules = root.putArray("modulesChecked");
        report.modulesChecked().forEach(modules::add);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("severity", f.severity().label());
            node.put("level", f.severity().sarifLevel());
            node.put("rule", f.ruleId());
            node.put("file", f.location().file());
            node.put("line", f.location().line());
            node.put("column", f.location().column());
            node.put("pointer", f.pointer());
            node.put("message", f.message());
            if (f.hint() != null) {
                node.put("hint", f.hint());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
