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
import dev.slk.core.findings.Rule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: rule metadata with help text and
 * {@code security-severity} in {@code tool.driver}, results with repository-relative locations
 * and {@code partialFingerprints}, accepted findings as suppressions. It keeps within GitHub's
 * upload limits (at most {@value #MAX_RESULTS} results, under {@value #MAX_GZIPPED_BYTES} bytes
 * gzipped): when it must cut, it keeps the most serious results and says so in a tool execution
 * notification and in {@link Rendered#warnings()}.
 */
public final class SarifReport {
    /** The SARIF schema the output follows. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /** GitHub code scanning accepts at most this many results in a run. */
    public static final int MAX_RESULTS = 25_000;

    /** GitHub code scanning accepts SARIF files up to 10 MB gzipped. */
    public static final long MAX_GZIPPED_BYTES = 10L * 1000 * 1000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FINGERPRINT_KEY = "slkFindingHash/v1";

    private SarifReport() {
    }

    /**
     * @param report the judged run
     * @return the SARIF log within GitHub's limits
     */
    public static Rendered render(CheckReport report) {
        return render(report, MAX_RESULTS, MAX_GZIPPED_BYTES);
    }

    /**
     * @param report the judged run
     * @param maxResults the most results to write
     * @param maxGzippedBytes the largest gzipped size to write
     * @return the SARIF log within these limits
     */
    static Rendered render(CheckReport report, int maxResults, long maxGzippedBytes) {
        // Failing results first, the most serious first, so that a cut drops the least important.
        List<Finding> ordered = new ArrayList<>(report.findings());
        ordered.sort(Comparator.comparing((Finding f) -> report.status(f) != Status.FAILING)
                .thenComparing(Finding::severity, Comparator.reverseOrder()));
        int keep = Math.min(ordered.size(), maxResults);
        while (true) {
            List<String> warnings = new ArrayList<>();
            if (keep < ordered.size()) {
                warnings.add(String.format(Locale.ROOT, "SARIF holds %d of %d results: GitHub code scanning accepts"
                        + " at most %,d results and %d MB gzipped; the least serious were left out (the JSON report"
                        + " has them all)", keep, ordered.size(), maxResults, maxGzippedBytes / 1_000_000));
            }
            String text = write(log(report, ordered.subList(0, keep), warnings));
            if (keep == 0 || gzippedSize(text) <= maxGzippedBytes) {
                return new Rendered(text, warnings);
            }
            keep = keep / 2;
        }
    }

    private static ObjectNode log(CheckReport report, List<Finding> results, List<String> warnings) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", report.toolName());
        driver.put("version", report.version());
        driver.put("semanticVersion", report.version());
        Map<String, Integer> index = new HashMap<>();
        ArrayNode ruleNodes = driver.putArray("rules");
        for (Rule rule : report.rulesInUse()) {
            index.put(rule.id(), ruleNodes.size());
            rule(ruleNodes.addObject(), rule, report.command());
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        if (!warnings.isEmpty()) {
            ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
            warnings.forEach(w -> notifications.addObject().put("level", "warning").putObject("message").put("text", w));
        }
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").putObject("description")
                .put("text", "The workspace root, where slk-waivers.yaml and config.yaml are.");
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode resultNodes = run.putArray("results");
        for (Finding f : results) {
            result(resultNodes.addObject(), f, index, report);
        }
        return log;
    }

    private static void rule(ObjectNode r, Rule rule, String command) {
        r.put("id", rule.id());
        r.put("name", pascal(rule.id()));
        r.putObject("shortDescription").put("text", rule.description());
        r.putObject("fullDescription").put("text", rule.description());
        String fix = rule.hint().isBlank() ? "See the finding's message." : rule.hint();
        r.putObject("help").put("text", fix)
                .put("markdown", "**" + rule.id() + "**: " + rule.description() + "\n\nFix: " + fix
                        + "\n\nReported by `slk " + command + "`; the rules are listed in slk's docs/" + docFor(command)
                        + ".");
        r.putObject("defaultConfiguration").put("level", rule.severity().sarifLevel());
        ObjectNode properties = r.putObject("properties");
        properties.put("security-severity", rule.severity().securitySeverity());
        properties.putArray("tags").add("security").add(command);
    }

    private static void result(ObjectNode result, Finding f, Map<String, Integer> index, CheckReport report) {
        result.put("ruleId", f.ruleId());
        result.put("ruleIndex", index.get(f.ruleId()));
        result.put("level", f.severity().sarifLevel());
        result.putObject("message").put("text", f.message());
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", f.location().file()).put("uriBaseId", "%SRCROOT%");
        if (f.location().line() > 0) {
            ObjectNode region = physical.putObject("region").put("startLine", f.location().line());
            if (f.location().column() > 0) {
                region.put("startColumn", f.location().column());
            }
        }
        if (f.location() instanceof ResourceLocation resource) {
            location.putArray("logicalLocations").addObject().put("name", resource.logicalId())
                    .put("fullyQualifiedName", resource.constructPath().isEmpty() ? resource.logicalId()
                            : resource.constructPath())
                    .put("kind", "resource");
        }
        result.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
        if (f.acceptance() != null) {
            result.putArray("suppressions").addObject()
                    .put("kind", f.acceptance() instanceof Acceptance.Suppressed ? "inSource" : "external")
                    .put("justification", f.acceptance().reason());
        }
        if (report.baselineUsed()) {
            result.put("baselineState", f.acceptance() instanceof Acceptance.Baselined ? "unchanged" : "new");
        }
        ObjectNode properties = result.putObject("properties");
        properties.put("severity", f.severity().label());
        if (f.module() != null) {
            properties.put("module", f.module());
        }
        if (!f.pointer().isEmpty()) {
            properties.put("pointer", f.pointer());
        }
        if (f.location() instanceof CommitLocation commit) {
            properties.put("commit", commit.commit());
            properties.put("authorDate", commit.authorDate().toString());
        }
    }

    private static String docFor(String command) {
        return switch (command) {
            case "security-scan" -> "SECURITY_SCAN.md";
            case "validate-config" -> "validate-config.md";
            case "verify" -> "DEPLOY.md";
            default -> "REPORTS.md";
        };
    }

    private static String write(ObjectNode log) {
        try {
            return JSON.writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SARIF log is plain JSON", e);
        }
    }

    private static long gzippedSize(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }

    private static String pascal(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("[-.]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
