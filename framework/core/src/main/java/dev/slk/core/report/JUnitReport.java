package dev.slk.core.report;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Finding.Status;
import dev.slk.core.findings.ResourceLocation;
import dev.slk.core.findings.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI dashboards: a test suite per rule, a test case per rule and location. A
 * failing finding is a failed test case, an accepted one a skipped test case with its reason, a
 * finding below the threshold a passed one; a rule with no finding is one passed test case.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    /**
     * @param report the judged run
     * @return the XML document, ending with a newline
     */
    public static String render(CheckReport report) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        report.rulesInUse().forEach(r -> byRule.put(r.id(), new java.util.ArrayList<>()));
        report.findings().forEach(f -> byRule.get(f.ruleId()).add(f));
        long tests = byRule.values().stream().mapToLong(l -> Math.max(1, l.size())).sum();
        long failures = report.count(Status.FAILING);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"").append(attr(report.toolName())).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"0\">\n");
        for (Rule rule : report.rulesInUse()) {
            suite(xml, report, rule, byRule.get(rule.id()));
        }
        return xml.append("</testsuites>\n").toString();
    }

    private static void suite(StringBuilder xml, CheckReport report, Rule rule, List<Finding> findings) {
        long failures = findings.stream().filter(f -> report.status(f) == Status.FAILING).count();
        long skipped = findings.stream().filter(Finding::accepted).count();
        xml.append("  <testsuite name=\"").append(attr(rule.id())).append("\" tests=\"")
                .append(Math.max(1, findings.size())).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
        if (findings.isEmpty()) {
            xml.append("    <testcase classname=\"").append(attr(rule.id())).append("\" name=\"no findings\"/>\n");
        }
        for (Finding f : findings) {
            xml.append("    <testcase classname=\"").append(attr(rule.id())).append("\" name=\"")
                    .append(attr(where(f))).append('"');
            Status status = report.status(f);
            switch (status) {
                case FAILING -> xml.append(">\n      <failure type=\"").append(f.severity().label())
                        .append("\" message=\"").append(attr(f.message())).append("\">")
                        .append(text(details(f))).append("</failure>\n    </testcase>\n");
                case SUPPRESSED, BASELINED, WAIVED -> xml.append(">\n      <skipped message=\"")
                        .append(attr(status.label() + ": " + f.acceptance().reason())).append("\"/>\n    </testcase>\n");
                case BELOW_THRESHOLD -> xml.append(">\n      <system-out>").append(text(f.severity().label()
                        + " is below --fail-on " + report.failOn().label() + ": " + f.message()))
                        .append("</system-out>\n    </testcase>\n");
            }
        }
        xml.append("  </testsuite>\n");
    }

    private static String where(Finding f) {
        String where = f.location().toString();
        if (f.location() instanceof ResourceLocation resource && !resource.constructPath().isEmpty()) {
            where += " " + resource.constructPath();
        }
        return f.pointer().isEmpty() ? where : where + " " + f.pointer();
    }

    private static String details(Finding f) {
        StringBuilder out = new StringBuilder(f.location().toString()).append(": ").append(f.severity().label())
                .append(": ").append(f.message());
        if (f.hint() != null && !f.hint().isBlank()) {
            out.append("\nfix: ").append(f.hint());
        }
        if (f.module() != null) {
            out.append("\nmodule: ").append(f.module());
        }
        return out.append("\nfingerprint: ").append(f.fingerprint()).toString();
    }

    private static String attr(String value) {
        return text(value).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    /** Escapes markup and drops the characters XML 1.0 cannot hold. */
    private static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 && c <= 0x10FFFF;
                    out.appendCodePoint(legal ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
