package dev.slk.scan.report;

import dev.slk.core.findings.Acceptance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.Finding;
import dev.slk.scan.ScanOutcome;
import dev.slk.core.findings.Finding.Status;
import java.util.Locale;

/** The scan as JSON for machines; every value a person would see in text is here too. */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * @param outcome the judged scan
     * @param version the slk version
     * @return the JSON document
     */
    public static String render(ScanOutcome outcome, String version) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", "slk security-scan");
        root.put("version", version);
        root.put("passed", outcome.passed());
        root.put("failOn", outcome.failOn().label());
        root.put("filesScanned", outcome.report().filesScanned());
        root.put("bytesScanned", outcome.report().bytesScanned());
        root.put("binarySkipped", outcome.report().binarySkipped());
        root.put("seconds", outcome.report().elapsed().toMillis() / 1000.0);
        root.putObject("summary")
                .put("failing", outcome.count(Status.FAILING))
                .put("belowThreshold", outcome.count(Status.BELOW_THRESHOLD))
                .put("suppressed", outcome.count(Status.SUPPRESSED))
                .put("baselined", outcome.count(Status.BASELINED));
        ArrayNode findings = root.putArray("findings");
        for (Finding f : outcome.report().findings()) {
            Status status = outcome.status(f);
            ObjectNode n = findings.addObject();
            n.put("rule", f.ruleId());
            n.put("severity", f.severity().label());
            n.put("path", f.location().file());
            n.put("line", f.location().line());
            n.put("column", f.location().column());
            n.put("message", f.message());
            n.put("hint", f.hint());
            n.put("match", f.evidence());
            n.put("fingerprint", f.fingerprint());
            if (f.module() != null) {
                n.put("module", f.module());
            }
            n.put("status", status.name().toLowerCase(Locale.ROOT));
            n.put("suppressed", status == Status.SUPPRESSED);
            if (f.acceptance() instanceof Acceptance.Suppressed) {
                n.put("suppressionReason", f.acceptance().reason());
            }
            n.put("baselined", status == Status.BASELINED);
        }
        ArrayNode notices = root.putArray("notices");
        outcome.report().notices().forEach(x -> notices.addObject().put("path", x.relativePath()).put("message", x.message()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
