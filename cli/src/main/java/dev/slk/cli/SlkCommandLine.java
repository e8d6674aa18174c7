package dev.slk.cli;

import dev.slk.core.findings.Severity;
import dev.slk.core.io.OutputException;
import dev.slk.scaffold.ScaffoldException;
import dev.slk.core.schema.DidYouMean;
import dev.slk.core.waivers.WaiverLedgerException;
import dev.slk.core.workspace.WorkspaceException;
import dev.slk.core.yaml.UnreadableInputException;
import java.util.ArrayList;
import java.util.List;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Builds the one {@link CommandLine} that {@code main} and the tests use: commands get the
 * {@link CliContext}, errors become one line and an exit code, and stack traces appear only with
 * {@code --debug}.
 */
public final class SlkCommandLine {
    private SlkCommandLine() {
    }

    /**
     * @param context streams, working directory, environment and modules
     * @return the configured command line
     */
    public static CommandLine create(CliContext context) {
        CommandLine commandLine = new CommandLine(new SlkCommand(), new ContextFactory(context));
        Ansi ansi = context.noColor() ? Ansi.OFF : Ansi.AUTO;
        commandLine.setOut(context.out())
                .setErr(context.err())
                .setColorScheme(CommandLine.Help.defaultColorScheme(ansi))
                .setExecutionExceptionHandler(new ExecutionErrors(context))
                .setParameterExceptionHandler(SlkCommandLine::usageError)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Severity.class, SlkCommandLine::severity);
        return commandLine;
    }

    /** Severities are written in lower case; picocli's own enum message would list them in upper case. */
    private static Severity severity(String label) {
        try {
            return Severity.parse(label);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        Diagnostic.ERROR.print(command.getErr(), e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> known = new ArrayList<>(command.getCommandSpec().optionsMap().keySet());
            known.addAll(command.getSubcommands().keySet());
            for (String argument : unmatched.getUnmatched()) {
                DidYouMean.suggest(argument, known).ifPresent(s -> command.getErr().println("Did you mean " + s + "?"));
            }
        }
        command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.USAGE;
    }

    /** Turns exceptions thrown by commands into one line on stderr and the right exit code. */
    private static final class ExecutionErrors implements CommandLine.IExecutionExceptionHandler {
        private final CliContext context;

        ExecutionErrors(CliContext context) {
            this.context = context;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
            boolean debug = ((SlkCommand) command.getCommandSpec().root().userObject()).debug();
            if (debug) {
                e.printStackTrace(context.err());
            }
            if (e instanceof UnreadableInputException || e instanceof Modules.ModuleRegistryException
                    || e instanceof ScaffoldException || e instanceof WorkspaceException
                    || e instanceof OutputException) {
                context.error(e.getMessage());
                return ExitCodes.USAGE;
            }
            if (e instanceof WaiverLedgerException ledger) {
                ledger.problems().forEach(p -> context.error(WaiverLedgerException.line(p)));
                return ExitCodes.USAGE;
            }
            if (e instanceof UsageException) {
                context.error(e.getMessage());
                context.err().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
                return ExitCodes.USAGE;
            }
            Diagnostic.INTERNAL_ERROR.print(context.err(), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            return ExitCodes.INTERNAL;
        }
    }

    /** Creates commands, handing the context to those whose constructor takes it. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CliContext context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
        }
    }
}
