package dev.slk.cli;

import dev.slk.core.config.Environments;
import dev.slk.core.workspace.WorkspaceException;
import java.util.Iterator;
import java.util.List;

/** Completion candidates of {@code --env}: the environments of the workspace slk runs in. */
final class EnvironmentCandidates implements Iterable<String> {
    private final CliContext cli;

    EnvironmentCandidates(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Iterator<String> iterator() {
        try {
            return Environments.available(cli.paths()).iterator();
        } catch (WorkspaceException e) {
            // A completion offers nothing rather than fail; the command itself reports the workspace.
            return List.<String>of().iterator();
        }
    }
}
