package dev.slk.checklist;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Rule;
import dev.slk.iam.rules.IamRules;
import dev.slk.scan.RuleCatalogue;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.Notice;
import dev.slk.core.report.Rendered;
import dev.slk.core.report.ReportFormat;
import dev.slk.core.report.Reports;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The checklist as a run of a checking command, for the one report layer: its findings are the
 * items' findings, its rules the items, the items that do not apply are notices, and each item's
 * verdict and evidence are facts ({@code <module>.<rule>} and {@code <module>.<rule>.evidence}).
 * The text format starts with the table of items, then the report layer's findings and summary.
 */
public final class ChecklistReport {
    /** The command's name in every format. */
    public static final String COMMAND = "checklist";
    private static final Pattern SUMMARY = Pattern.compile("^checklist: .* (passed|failed)$");

    private ChecklistReport() {
    }

    /** @return recognises the last line of a text report, so --output may replace an earlier report */
    public static Predicate<String> summaryLine() {
        return line -> SUMMARY.matcher(line).matches();
    }

    /**
     * @param results each module's checklist
     * @param version the slk version
     * @return the judged run
     */
    public static CheckReport of(List<ModuleChecklist> results, String version) {
        List<Finding> findings = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("modules", results.stream().map(ModuleChecklist::moduleId).toList());
        for (ModuleChecklist m : results) {
            findings.addAll(m.findings());
            for (ItemResult item : m.items()) {
                String key = m.moduleId() + "." + item.item().ruleId();
                facts.put(key, item.verdict().label());
                facts.put(key + ".evidence", item.evidence());
                if (item.verdict() == Verdict.NOT_APPLICABLE) {
                    notices.add(new Notice(m.moduleId(), "item " + item.item().number() + " (" + item.item().title()
                            + ") does not apply: " + String.join("; ", item.evidence())));
                }
            }
        }
        // The iam-analyzer's and the scan's findings keep their own rules, so reports describe those too.
        List<Rule> rules = new ArrayList<>(Arrays.stream(Item.values()).map(Item::rule).toList());
        rules.addAll(IamRules.all());
        rules.addAll(RuleCatalogue.all());
        return new CheckReport(COMMAND, version, findings, ItemResult.FAIL_ON, rules, notices, facts,
                summary(results), false);
    }

    /**
     * @param results each module's checklist
     * @param format the format
     * @param colour whether text may use ANSI colour
     * @param version the slk version
     * @return the document
     */
    public static Rendered render(List<ModuleChecklist> results, ReportFormat format, boolean colour, String version) {
        Rendered report = Reports.render(of(results, version), format, colour);
        if (format != ReportFormat.text) {
            return report;
        }
        return new Rendered(table(results) + report.text(), report.warnings());
    }

    /** @return one line per item and module: verdict, number, title, evidence */
    static String table(List<ModuleChecklist> results) {
        int width = Arrays.stream(Item.values()).mapToInt(i -> i.title().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (ModuleChecklist m : results) {
            out.append("module ").append(m.moduleId()).append('\n');
            for (ItemResult item : m.items()) {
                out.append(String.format(Locale.ROOT, "  %-4s  %-5s  %-" + width + "s  %s%n", item.verdict().label(),
                        item.item().number(), item.item().title(), String.join("; ", item.evidence())));
            }
        }
        return out.append(results.isEmpty() ? "" : "\n").toString();
    }

    static String summary(List<ModuleChecklist> results) {
        long items = results.stream().mapToLong(m -> m.items().size()).sum();
        String counts = Arrays.stream(Verdict.values())
                .map(v -> results.stream().mapToLong(m -> m.count(v)).sum() + " " + v.label())
                .reduce((a, b) -> a + ", " + b).orElse("");
        boolean passed = results.stream().allMatch(ModuleChecklist::passed);
        return "checklist: " + results.size() + " module(s), " + items + " items: " + counts + "; "
                + (passed ? "passed" : "failed");
    }
}
