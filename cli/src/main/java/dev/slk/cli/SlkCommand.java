package dev.slk.cli;

import dev.slk.core.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code slk} command: only options shared by all and the list of commands. */
@Command(name = "slk",
        mixinStandardHelpOptions = true,
        versionProvider = SlkCommand.Versions.class,
        description = "Security Lake kit: build, check and ship AWS Security Lake integration modules.",
        subcommands = {
            ValidateConfigCommand.class,
            ListModulesCommand.class,
            SecurityScanCommand.class,
            ChecklistCommand.class,
            SynthCommand.class,
            IamAnalyzerCommand.class,
            DeployCommand.class,
            DiffCommand.class,
            RollbackCommand.class,
            DestroyCommand.class,
            VerifyCommand.class,
            NewModuleCommand.class,
            ListEnvironmentsCommand.class,
            WaiversCommand.class,
            CompletionCommand.class
        },
        scope = ScopeType.INHERIT,
        footer = {"", "Exit codes: 0 ok, 1 findings or invalid, 2 usage error or unreadable input, 3 internal error.",
                "Set NO_COLOR to disable colours."})
public final class SlkCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of errors (for bug reports).")
    private boolean debug;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    boolean debug() {
        return debug;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** slk, aws-cdk-lib and Java versions. */
    static final class Versions implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "slk " + BuildInfo.slkVersion(),
                "aws-cdk-lib " + BuildInfo.awsCdkLibVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                "AWS CDK CLI " + BuildInfo.awsCdkCliVersion() + " (npm aws-cdk, pinned; install.sh installs it, slk deploy runs it)"
            };
        }
    }
}
