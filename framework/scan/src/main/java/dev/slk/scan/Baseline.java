package dev.slk.scan;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.Fingerprints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.findings.SourceLocation;
import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.OutputException;
import dev.slk.core.io.Ownership;
import dev.slk.core.yaml.TextFiles;
import dev.slk.core.yaml.UnreadableInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fingerprints of accepted findings, so that only new findings fail a build. The file holds
 * each fingerprint with its rule and path, which a reviewer can read; never a secret.
 *
 * @param fingerprints the accepted fingerprints
 */
public record Baseline(Set<String> fingerprints) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int VERSION = 1;

    /** An existing file may be replaced by a new baseline only when it is one. */
    public static final Ownership OWNERSHIP = Ownership.of("is not an slk security-scan baseline", file -> {
        try {
            read(file, file.toString());
            return true;
        } catch (UnreadableInputException e) {
            return false;
        }
    });

    /** Copies the set. */
    public Baseline {
        fingerprints = Set.copyOf(fingerprints);
    }

    /** @return a baseline that accepts nothing */
    public static Baseline empty() {
        return new Baseline(Set.of());
    }

    /**
     * @param finding a finding
     * @return true when the baseline accepts it
     */
    public boolean accepts(Finding finding) {
        return fingerprints.contains(finding.fingerprint());
    }

    /**
     * Reads a baseline file.
     *
     * @param file the file
     * @param displayName its name for messages
     * @return the baseline
     * @throws UnreadableInputException when it is missing, unreadable or not a baseline
     */
    public static Baseline read(Path file, String displayName) throws UnreadableInputException {
        String text = TextFiles.readUtf8(file, displayName);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new UnreadableInputException(SourceLocation.ofFile(displayName), "is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.path("version").asInt() != VERSION || !root.path("findings").isArray()) {
            throw new UnreadableInputException(SourceLocation.ofFile(displayName),
                    "is not an slk security-scan baseline (version " + VERSION + " with a findings list)");
        }
        Set<String> fingerprints = new TreeSet<>();
        for (JsonNode f : root.get("findings")) {
            String fingerprint = f.path("fingerprint").asText("");
            if (!fingerprint.matches("[0-9a-f]{32}")) {
                throw new UnreadableInputException(SourceLocation.ofFile(displayName),
                        "holds an invalid fingerprint '" + fingerprint + "'");
            }
            fingerprints.add(fingerprint);
        }
        return new Baseline(fingerprints);
    }

    /**
     * {@code --update-baseline}: accepts every finding of the scan that nothing accepts yet (an
     * inline {@code slk-scan:ignore} keeps accepting its own).
     *
     * @param file where to write; an existing file must be an slk baseline (see {@link #OWNERSHIP})
     * @param displayName its name for messages
     * @param report the scan
     * @return how many findings the baseline accepts
     * @throws OutputException when it is refused or cannot be written
     */
    public static int record(Path file, String displayName, ScanReport report) throws OutputException {
        List<Finding> accepted = report.findings().stream().filter(f -> !f.accepted()).toList();
        write(file, displayName, accepted);
        return accepted.size();
    }

    /**
     * Writes the findings as a baseline, atomically: a failure leaves an existing file as it was.
     *
     * @param file where to write; an existing file must be an slk baseline (see {@link #OWNERSHIP})
     * @param displayName its name for messages
     * @param findings the findings to accept
     * @throws OutputException when it is refused or cannot be written
     */
    public static void write(Path file, String displayName, Collection<Finding> findings) throws OutputException {
        TreeMap<String, Finding> byFingerprint = new TreeMap<>();
        findings.forEach(f -> byFingerprint.putIfAbsent(f.fingerprint(), f));
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("tool", "slk security-scan");
        ArrayNode list = root.putArray("findings");
        byFingerprint.values().forEach(f -> list.addObject()
                .put("fingerprint", f.fingerprint()).put("rule", f.ruleId()).put("path", f.location().file()));
        String text;
        try {
            text = JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a baseline is plain JSON", e);
        }
        AtomicWriter.writeFile(file, displayName, text, OWNERSHIP);
    }
}
