package dev.slk.scan.report;

import dev.slk.core.findings.Acceptance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.Rule;
import dev.slk.core.findings.Finding;
import dev.slk.scan.ScanOutcome;
import dev.slk.core.findings.Finding.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: rule metadata in {@code tool.driver}, results
 * with repository-relative locations and {@code partialFingerprints}, in-source suppressions.
 */
public final class SarifReport {
    /** The SARIF schema the output follows. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FINGERPRINT_KEY = "slkFindingHash/v1";

    private SarifReport() {
    }

    /**
     * @param outcome the judged scan
     * @param rules every rule, for the driver's metadata
     * @param version the slk version
     * @return the SARIF log
     */
    public static String render(ScanOutcome outcome, List<Rule> rules, String version) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "slk security-scan");
        driver.put("version", version);
        driver.put("semanticVersion", version);
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (Rule rule : rules) {
            index.put(rule.id(), ruleNodes.size());
            ObjectNode r = ruleNodes.addObject();
            r.put("id", rule.id());
            r.put("name", pascal(rule.id()));
            r.putObject("shortDescription").put("text", rule.description());
            r.putObject("fullDescription").put("text", rule.description());
            r.putObject("help").put("text", rule.hint());
            r.putObject("defaultConfiguration").put("level", rule.severity().sarifLevel());
            ObjectNode properties = r.putObject("properties");
            properties.put("security-severity", rule.severity().securitySeverity());
            properties.putArray("tags").add("security").add(rule.id().startsWith("infra-") ? "infrastructure" : "secret");
        }
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode results = run.putArray("results");
        for (Finding f : outcome.report().findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", f.ruleId());
            Integer ruleIndex = index.get(f.ruleId());
            if (ruleIndex != null) {
                result.put("ruleIndex", ruleIndex);
            }
            result.put("level", f.severity().sarifLevel());
            result.putObject("message").put("text", f.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", f.location().file()).put("uriBaseId", "%SRCROOT%");
            physical.putObject("region").put("startLine", f.location().line()).put("startColumn", f.location().column());
            result.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
            Status status = outcome.status(f);
            if (f.acceptance() instanceof Acceptance.Suppressed) {
                result.putArray("suppressions").addObject().put("kind", "inSource")
                        .put("justification", f.acceptance().reason());
            }
            if (outcome.baselineUsed()) {
                result.put("baselineState", status == Status.BASELINED ? "unchanged" : "new");
            }
            if (f.module() != null) {
                result.putObject("properties").put("module", f.module());
            }
        }
        try {
            return JSON.writeValueAsString(log);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pascal(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
