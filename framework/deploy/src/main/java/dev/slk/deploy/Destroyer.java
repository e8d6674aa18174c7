package dev.slk.deploy;

import dev.slk.core.BuildInfo;
import dev.slk.deploy.cdk.CdkRun;
import dev.slk.deploy.cdk.CdkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code slk destroy}: deletes the stack of the environment's last successful deployment with the
 * CDK CLI, on that deployment's kept assembly. Only a stack slk's records show it deployed is
 * deleted; prod asks for the stack's name to be typed (see {@link DestroyConfirmation}).
 */
public final class Destroyer {
    private final CdkRunner cdk;
    private final Consumer<String> progress;

    /**
     * @param cdk runs the CDK CLI
     * @param progress receives progress lines
     */
    public Destroyer(CdkRunner cdk, Consumer<String> progress) {
        this.cdk = cdk;
        this.progress = progress;
    }

    /**
     * How a destroy that ran ended; a record was written either way.
     *
     * @param record the record
     * @param recordFile where
     * @param failure null when the stack was deleted, else the one line and exit code
     */
    public record Destroyed(DeploymentRecord record, Path recordFile, CdkFailure failure) {
    }

    /**
     * @param request the environment (gates, approval level and dry-run do not apply)
     * @param confirmStack the stack name given with {@code --confirm-stack}, or null
     * @param terminal the terminal to ask on, or null
     * @return how it ended
     * @throws DeployException when there is nothing slk deployed to destroy, or it was not confirmed (exit 1)
     * @throws IOException when records cannot be read or written
     */
    public Destroyed destroy(DeployRequest request, String confirmStack, DestroyConfirmation.Terminal terminal)
            throws IOException {
        String environment = Deployer.environment(request);
        DeploymentRecords records = DeploymentRecords.of(request.paths().root(), environment);
        DeployLock lock = DeployLock.acquire(records.directory(), "slk destroy --env " + environment);
        try {
            DeploymentRecord last = lastDeployment(records, environment);
            Path assembly = records.directory().resolve("assemblies").resolve(last.id());
            if (!Files.isRegularFile(assembly.resolve(DeploymentRecords.ASSEMBLY_MARKER))) {
                throw new DeployException(1, "the assembly of record " + last.id() + " is no longer kept; "
                        + "nothing was destroyed");
            }
            Optional<String> refusal = DestroyConfirmation.refusal(Deployer.PRODUCTION.equals(environment),
                    environment, last.stack(), request.yes(), confirmStack, terminal);
            if (refusal.isPresent()) {
                throw new DeployException(1, refusal.get());
            }
            long start = System.nanoTime();
            progress.accept("destroying " + last.stack() + " (deployed by record " + last.id() + ") with the AWS CDK CLI "
                    + cdk.cli().version());
            CdkRun run = cdk.run(List.of("destroy", "--app", assembly.toString(), "--force", "--no-color", last.stack()),
                    progress);
            long millis = (System.nanoTime() - start) / 1_000_000;
            CdkFailure failure = run.exitCode() == 0 ? null : CdkFailure.of(run, cdk.cli().executable(), last.stack());
            Instant now = Instant.now();
            DeploymentRecord record = new DeploymentRecord(Deployer.recordId(now), now.toString(), environment,
                    last.stack(), BuildInfo.slkVersion(), cdk.cli().version().toString(), last.configFingerprint(),
                    last.assemblyFingerprint(), List.of(), "destroy of record " + last.id(),
                    failure == null ? DeploymentRecord.DESTROYED : DeploymentRecord.FAILED,
                    failure == null ? "" : failure.message(), Map.of(), Map.of("destroy", millis));
            return new Destroyed(record, records.write(record), failure);
        } finally {
            lock.close();
        }
    }

    /** The newest successful deployment, unless a destroy came after it. */
    private static DeploymentRecord lastDeployment(DeploymentRecords records, String environment) throws IOException {
        List<DeploymentRecord> done = records.list().stream()
                .filter(r -> r.succeeded() || DeploymentRecord.DESTROYED.equals(r.outcome())).toList();
        if (done.isEmpty()) {
            throw new DeployException(1, "no successful deployment of " + environment + " on record in "
                    + records.directory() + "; slk destroys only stacks it deployed");
        }
        DeploymentRecord last = done.get(done.size() - 1);
        if (!last.succeeded()) {
            throw new DeployException(1, last.stack() + " was destroyed already (record " + last.id()
                    + "); nothing to destroy");
        }
        return last;
    }
}
