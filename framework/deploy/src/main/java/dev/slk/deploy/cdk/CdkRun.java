package dev.slk.deploy.cdk;

import java.util.List;

/**
 * What one run of the CDK CLI did.
 *
 * @param exitCode its exit code (-1 when it was stopped at its timeout)
 * @param lines everything it printed, stdout and stderr interleaved
 * @param millis how long it ran
 */
public record CdkRun(int exitCode, List<String> lines, long millis) {
    /** Copies the lines. */
    public CdkRun {
        lines = List.copyOf(lines);
    }
}
