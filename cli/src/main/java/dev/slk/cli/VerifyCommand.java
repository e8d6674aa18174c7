package dev.slk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.slk.core.config.ConfigReader;
import dev.slk.core.config.ConfigSource;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import dev.slk.deploy.DeployException;
import dev.slk.deploy.verify.CheckResult;
import dev.slk.deploy.verify.Verification;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code slk verify}: read-only post-deployment checks through the AWS SDK. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check, read-only, that the environment's last deployment is what was deployed: the stack's status; every "
                    + "function exists with the runtime, architecture, memory and timeout synthesized; the config's "
                    + "secrets exist (described, never read); queue and dead-letter queue depths; errors in the "
                    + "functions' log groups in the last --minutes; new objects under the Security Lake bucket's "
                    + "ext/ prefix in the last hour. Each check is PASS, WARN or FAIL with its figure."
        },
        footer = {"", "Exit codes: 0 no check failed (warnings allowed), 1 a check failed or nothing was deployed, "
                + "2 usage error or unreadable input, 3 internal error."})
final class VerifyCommand implements Callable<Integer> {
    private final CliContext cli;

    @Mixin
    private ConfigOptions configOptions;

    @Option(names = "--minutes", paramLabel = "N", defaultValue = "60",
            description = "Look this far back for errors in the logs (default: ${DEFAULT-VALUE}).")
    private int minutes;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    VerifyCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws UnreadableInputException, IOException {
        if (minutes < 1) {
            throw new UsageException("--minutes must be at least 1");
        }
        ConfigSource source = configOptions.select(cli);
        YamlDocument document = ConfigReader.read(source);
        String selected = source instanceof ConfigSource.File file ? file.selectedEnvironment() : null;
        List<CheckResult> results;
        try {
            results = Verification.run(document, selected, Modules.usable(cli), cli.paths(), cli.environment(), minutes);
        } catch (DeployException e) {
            cli.error(e.getMessage());
            return e.exitCode();
        }
        cli.out().print(format == OutputFormat.json ? json(results) : text(results));
        return results.stream().anyMatch(r -> r.status() == CheckResult.Status.FAIL) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static String text(List<CheckResult> results) {
        StringBuilder out = new StringBuilder();
        int width = results.stream().mapToInt(r -> r.check().length()).max().orElse(10);
        for (CheckResult r : results) {
            out.append(String.format(Locale.ROOT, "%-4s  %-" + width + "s  %s%n", r.status(), r.check(), r.figure()));
        }
        long failed = results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).count();
        long warned = results.stream().filter(r -> r.status() == CheckResult.Status.WARN).count();
        out.append(results.size()).append(" checks: ").append(failed).append(" failed, ").append(warned)
                .append(" warned\n");
        return out.toString();
    }

    private static String json(List<CheckResult> results) throws JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results) + "\n";
    }
}
