package dev.slk.scan.git;

import dev.slk.core.io.AtomicWriter;
import dev.slk.core.io.OutputException;
import dev.slk.core.io.Ownership;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The git pre-commit hook that runs {@code slk security-scan --staged} before each commit. */
public final class PreCommitHook {
    /** The line by which slk knows a hook it wrote, and may replace it. */
    static final String MARKER = "# Written by slk security-scan --install-hook.";

    /** The hook's script. */
    static final String SCRIPT = """
            #!/bin/sh
            %s
            # Scans exactly what is staged for secrets; a finding stops the commit.
            # Skip it once with: git commit --no-verify
            if ! command -v slk >/dev/null 2>&1; then
              echo "pre-commit: slk is not on PATH: install it (./install.sh) or remove this hook ($0)" >&2
              exit 1
            fi
            exec slk security-scan --staged
            """.formatted(MARKER);

    private static final Ownership OURS = Ownership.of("is not a hook slk wrote",
            existing -> Files.readString(existing).contains(MARKER));
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private PreCommitHook() {
    }

    /**
     * Writes the hook into the repository's hooks directory ({@code core.hooksPath}, else
     * {@code .git/hooks}, shared by all work trees of the repository). A hook slk wrote is
     * replaced; any other is refused unless {@code force}.
     *
     * @param workspace a directory of the repository's work tree
     * @param force whether to replace a hook that slk did not write
     * @return the hook file
     * @throws OutputException when an existing hook is refused or the hook cannot be written
     * @throws IOException when no repository holds the workspace, or it cannot be read
     */
    public static Path install(Path workspace, boolean force) throws IOException {
        Path hooks;
        try (GitRepository repository = GitRepository.of(workspace)) {
            hooks = repository.hooksDirectory();
        }
        Path hook = hooks.resolve("pre-commit");
        if (!force && Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS) && Files.size(hook) > 0
                && !OURS.ownedBySlk(hook)) {
            throw new OutputException(hook + ": a pre-commit hook exists that slk did not write; slk will not "
                    + "replace it (pass --force to replace it, or call slk security-scan --staged from it)");
        }
        Files.createDirectories(hooks);
        AtomicWriter.writeFile(hook, hook.toString(), SCRIPT, force ? existing -> true : OURS);
        try {
            Files.setPosixFilePermissions(hook, EXECUTABLE);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): git for Windows runs hooks without the bit.
        }
        return hook;
    }
}
