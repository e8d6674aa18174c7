package dev.slk.iam.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.OutputException;
import dev.slk.core.io.Ownership;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The access a team has accepted, per module, kept in the repository (e.g. {@code modules/okta-logs/iam-access.json}):
 * with {@code --baseline}, any access beyond it is a finding.
 *
 * @param modules module id to its accepted accesses
 */
public record AccessBaseline(Map<String, List<Access>> modules) {
    private static final String TOOL = "slk iam-analyzer access baseline";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Only files this class wrote are replaced. */
    public static final Ownership OWNERSHIP = Ownership.of("is not an slk iam-analyzer access baseline",
            file -> Files.readString(file).contains("\"" + TOOL + "\""));

    /** Copies the map, sorted. */
    public AccessBaseline {
        modules = new TreeMap<>(modules);
    }

    /** @return the accepted accesses of the module, when the baseline has an entry for it */
    public Optional<List<Access>> of(String module) {
        return Optional.ofNullable(modules.get(module));
    }

    /**
     * @param file the baseline
     * @param display the path as the user wrote it
     * @return its content
     * @throws IOException naming the file when it cannot be read or is not a baseline
     */
    public static AccessBaseline read(Path file, String display) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(display + ": it is not a readable access baseline (JSON)");
        }
        if (root == null || !TOOL.equals(root.path("tool").asText()) || !root.path("modules").isObject()) {
            throw new IOException(display + ": it is not an slk iam-analyzer access baseline");
        }
        Map<String, List<Access>> modules = new LinkedHashMap<>();
        root.path("modules").properties().forEach(m -> {
            List<Access> list = new ArrayList<>();
            m.getValue().forEach(a -> list.add(new Access(a.path("action").asText(), a.path("resource").asText(),
                    a.path("owner").asText(), a.path("conditional").asBoolean())));
            modules.put(m.getKey(), list);
        });
        return new AccessBaseline(modules);
    }

    /**
     * Writes the baseline, keeping the entries of modules this run did not analyse.
     *
     * @param file the file
     * @param display the path as the user wrote it
     * @throws OutputException when it may not or cannot be written
     */
    public void write(Path file, String display) throws OutputException {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", TOOL);
        root.put("format", 1);
        ObjectNode mods = root.putObject("modules");
        modules.forEach((m, accesses) -> {
            ArrayNode list = mods.putArray(m);
            accesses.stream().sorted().forEach(a -> list.addObject().put("action", a.action())
                    .put("resource", a.resource()).put("owner", a.owner()).put("conditional", a.conditional()));
        });
        try {
            AtomicWriter.writeFile(file, display, JSON.writeValueAsString(root) + "\n", OWNERSHIP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return this baseline with the modules' entries replaced */
    public AccessBaseline with(Map<String, List<Access>> current) {
        Map<String, List<Access>> merged = new TreeMap<>(modules);
        merged.putAll(current);
        return new AccessBaseline(merged);
    }
}
