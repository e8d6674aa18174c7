package dev.slk.deploy.verify;

import dev.slk.assembly.CloudAssembly;
import dev.slk.core.config.ProjectConfig;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.validation.ConfigValidator;
import dev.slk.core.validation.ValidationReport;
import dev.slk.core.workspace.WorkspacePaths;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.deploy.DeployException;
import dev.slk.deploy.DeploymentRecord;
import dev.slk.deploy.DeploymentRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code slk verify} checks against: the environment's last successful deployment (its kept
 * assembly and stack) and the configuration's region, Security Lake bucket and secret references.
 */
public final class Verification {
    private static final String SECRET_PREFIX = "secretsmanager:";

    private Verification() {
    }

    /**
     * @param document the configuration
     * @param selectedEnvironment the environment {@code --env} named, or null
     * @param registry the modules
     * @param paths the workspace
     * @param environment the process environment (credentials, endpoint)
     * @param logMinutes how far back to look for errors in the logs
     * @return the checks, with the deployment they checked
     * @throws DeployException when the config is invalid or nothing was deployed from this workspace
     * @throws IOException when the records cannot be read
     */
    public static Verified run(YamlDocument document, String selectedEnvironment, ModuleRegistry registry,
            WorkspacePaths paths, Map<String, String> environment, int logMinutes) throws IOException {
        ValidationReport report = new ConfigValidator(registry).validate(document, selectedEnvironment);
        ProjectConfig config = report.config().filter(c -> report.valid())
                .orElseThrow(() -> new DeployException(1, "the configuration is invalid (see slk validate-config)"));
        DeploymentRecords records = DeploymentRecords.of(paths.root(), config.environment());
        List<DeploymentRecord> succeeded = records.list().stream().filter(DeploymentRecord::succeeded).toList();
        if (succeeded.isEmpty()) {
            throw new DeployException(1, "no successful deployment of " + config.environment() + " is recorded in "
                    + records.directory() + "; deploy with slk deploy first");
        }
        DeploymentRecord last = succeeded.get(succeeded.size() - 1);
        Path assembly = records.directory().resolve("assemblies").resolve(last.id());
        String externalId = config.securityLake() == null ? null : config.securityLake().externalId();
        List<Expected.Named> secrets = externalId != null && externalId.startsWith(SECRET_PREFIX)
                ? List.of(new Expected.Named(externalId.substring(SECRET_PREFIX.length()),
                        document.valueLocation("/securityLake/externalId"))) : List.of();
        String bucket = config.securityLake() == null ? null : config.securityLake().s3Bucket();
        Expected.Named lake = bucket == null ? null
                : new Expected.Named(bucket, document.valueLocation("/securityLake/s3Bucket"));
        Expected expected = new Expected(CloudAssembly.read(assembly), last.stack(),
                file -> paths.display(assembly.resolve(file)), secrets, lake);
        List<CheckResult> checks = new Verifier(new AwsAccess(config.awsRegion(), environment)).verify(expected,
                logMinutes);
        return new Verified(config.environment(), last.stack(), last.id(), checks);
    }

    /**
     * One run of the checks.
     *
     * @param environment the environment checked
     * @param stack its stack
     * @param record the deployment record whose assembly said what to expect
     * @param checks every check, in order
     */
    public record Verified(String environment, String stack, String record, List<CheckResult> checks) {
        /** Copies the list. */
        public Verified {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(stack, "stack");
            Objects.requireNonNull(record, "record");
            checks = List.copyOf(checks);
        }

        /** @return true when no check failed (warnings allowed) */
        public boolean passed() {
            return checks.stream().noneMatch(c -> c.status() == CheckResult.Status.FAIL);
        }
    }
}
