package dev.slk.cli;

import dev.slk.core.io.OutputException;
import dev.slk.core.report.CheckReport;
import dev.slk.core.report.Rendered;
import dev.slk.core.report.ReportFormat;
import dev.slk.core.report.ReportOutput;
import dev.slk.core.report.Reports;
import java.nio.file.Path;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}, the same on every checking command. */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); see docs/REPORTS.md.")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE (atomically; only an absent, empty or earlier report of this command is replaced) instead of stdout.")
    Path output;

    /**
     * Refuses an output target before the check runs, so that a refusal costs nothing.
     *
     * @throws OutputException when the target may not be written
     */
    void checkTarget(CliContext cli, ReportOutput target) throws OutputException {
        if (output != null) {
            target.check(cli.paths().resolve(output), output.toString());
        }
    }

    /**
     * Prints the report, or writes it to {@code --output} with its summary on stderr; what a format
     * had to leave out is a warning on stderr.
     */
    void emit(CliContext cli, CheckReport report, ReportOutput target) throws OutputException {
        emit(cli, report, Reports.render(report, format, colour(cli)), target);
    }

    /** @return whether the text report may use colour: printed to a terminal without NO_COLOR */
    boolean colour(CliContext cli) {
        return output == null && !cli.noColor() && Ansi.AUTO.enabled();
    }

    /** As {@link #emit(CliContext, CheckReport, ReportOutput)}, for a report the command rendered itself. */
    void emit(CliContext cli, CheckReport report, Rendered rendered, ReportOutput target) throws OutputException {
        if (output != null) {
            target.write(cli.paths().resolve(output), output.toString(), rendered.text());
            cli.note(report.summary() + "; report written to " + output);
        } else {
            cli.out().print(rendered.text());
            cli.out().flush();
        }
        rendered.warnings().forEach(cli::note);
        if (format != ReportFormat.text) {
            report.notices().forEach(n -> cli.note((n.path().isEmpty() ? "" : n.path() + ": ") + n.message()));
        }
    }
}
