package dev.slk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.Finding;
import dev.slk.stack.SynthResult;
import dev.slk.stack.SynthSummary;
import dev.slk.stack.modules.LoadedModule;
import dev.slk.core.findings.ResourceLocation;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** Renders a synthesis summary for people (text) or machines (JSON). */
final class SynthRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SynthRenderer() {
    }

    static String text(SynthSummary summary, boolean strict, boolean noColor) {
        Ansi ansi = noColor ? Ansi.OFF : Ansi.AUTO;
        StringBuilder out = new StringBuilder();
        out.append(ansi.string(summary.written() ? "@|bold,green Synthesized|@ " : "@|bold,red Not written:|@ "))
                .append(summary.stackName()).append(summary.written() ? " into " + summary.outDirectory() : "")
                .append(String.format(Locale.ROOT, " in %.1f s%n", summary.millis() / 1000.0));
        if (summary.written()) {
            out.append("  template  ").append(summary.outDirectory()).append('/').append(summary.templateFile())
                    .append('\n');
        }
        out.append("  resources ").append(summary.resourceTotal()).append('\n');
        int width = summary.resourceCounts().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Integer> count : summary.resourceCounts().entrySet()) {
            out.append(String.format(Locale.ROOT, "    %-" + width + "s %4d%n", count.getKey(), count.getValue()));
        }
        out.append("  modules   ");
        if (summary.modules().isEmpty()) {
            out.append("none enabled\n");
        } else {
            out.append(summary.modules().size()).append('\n');
            for (LoadedModule module : summary.modules()) {
                out.append("    ").append(module.id()).append(' ').append(module.version()).append(" (")
                        .append(module.name()).append("): ").append(plural(module.roles().size(), "role"))
                        .append(", ").append(plural(module.statements().size(), "required statement"))
                        .append(", ").append(plural(module.outputs().size(), "output")).append(", ")
                        .append(plural(module.alarms().size(), "health-check alarm")).append('\n');
            }
        }
        out.append("  outputs   ").append(summary.outputs().isEmpty() ? "none" : String.join(", ", summary.outputs()))
                .append('\n');
        out.append("  cdk-nag   AwsSolutionsChecks: ").append(plural((int) summary.nagErrors(), "error"))
                .append(", ").append(plural((int) summary.nagWarnings(), "warning")).append(" unsuppressed")
                .append(strict ? " (--strict: warnings fail)" : "").append('\n');
        for (Finding finding : summary.nagFindings()) {
            String level = finding.severity().isError() ? "@|bold,red error|@" : "@|bold,yellow warning|@";
            out.append("    ").append(ansi.string(level)).append(' ').append(finding.ruleId()).append(' ')
                    .append(constructPath(finding)).append(": ").append(finding.message()).append('\n');
        }
        if (!summary.configWarnings().isEmpty()) {
            out.append("  config    ").append(plural(summary.configWarnings().size(), "warning")).append('\n');
            for (Finding warning : summary.configWarnings()) {
                out.append("    ").append(warning.location()).append(": ").append(warning.message())
                        .append(" [").append(warning.ruleId()).append("]\n");
            }
        }
        return out.toString();
    }

    static String json(SynthSummary summary, boolean strict) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", summary.written() ? "synthesized" : "not-written");
        root.put("stack", summary.stackName());
        root.put("outDirectory", summary.outDirectory());
        root.put("template", summary.templateFile());
        root.put("written", summary.written());
        root.put("strict", strict);
        root.put("millis", summary.millis());
        root.put("resourceTotal", summary.resourceTotal());
        ObjectNode resources = root.putObject("resources");
        summary.resourceCounts().forEach(resources::put);
        ArrayNode modules = root.putArray("modules");
        for (LoadedModule module : summary.modules()) {
            ObjectNode node = modules.addObject();
            node.put("id", module.id());
            node.put("name", module.name());
            node.put("version", module.version());
            module.roles().forEach(node.withArray("roles")::add);
            module.statements().forEach(node.withArray("statements")::add);
            module.outputs().forEach(node.withArray("outputs")::add);
            module.alarms().forEach(node.withArray("alarms")::add);
        }
        ArrayNode outputs = root.putArray("outputs");
        summary.outputs().forEach(outputs::add);
        ObjectNode nag = root.putObject("cdkNag");
        nag.put("pack", "AwsSolutionsChecks");
        nag.put("errors", summary.nagErrors());
        nag.put("warnings", summary.nagWarnings());
        ArrayNode findings = nag.putArray("findings");
        for (Finding finding : summary.nagFindings()) {
            ObjectNode node = findings.addObject();
            node.put("level", finding.severity().sarifLevel());
            node.put("rule", finding.ruleId());
            node.put("path", constructPath(finding));
            node.put("message", finding.message());
        }
        ArrayNode warnings = root.putArray("configWarnings");
        for (Finding warning : summary.configWarnings()) {
            ObjectNode node = warnings.addObject();
            node.put("rule", warning.ruleId());
            node.put("file", warning.location().file());
            node.put("line", warning.location().line());
            node.put("column", warning.location().column());
            node.put("message", warning.message());
        }
        return write(root);
    }

    /** The assembly is up to date: one line for people, the same for machines. */
    static String upToDateText(SynthResult.UpToDate upToDate, boolean noColor) {
        Ansi ansi = noColor ? Ansi.OFF : Ansi.AUTO;
        return ansi.string("@|bold,green Up to date:|@ ") + upToDate.stackName() + " in " + upToDate.outDirectory()
                + " was synthesized from these very inputs (config, modules, Lambda packages, slk); nothing was"
                + " written (--force synthesizes anyway)\n";
    }

    static String upToDateJson(SynthResult.UpToDate upToDate) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "up-to-date");
        root.put("stack", upToDate.stackName());
        root.put("outDirectory", upToDate.outDirectory());
        root.put("written", false);
        root.put("millis", upToDate.millis());
        return write(root);
    }

    static String failedJson(String reason) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", "failed");
        root.put("written", false);
        root.put("reason", reason);
        return write(root);
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String constructPath(Finding finding) {
        return finding.location() instanceof ResourceLocation resource ? resource.constructPath()
                : finding.location().file();
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
