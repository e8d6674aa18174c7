package dev.slk.cli;

import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code slk generate-completion}: picocli's bash/zsh script (files for path options, the values
 * of enum options), with {@code --env} asking {@code slk list-environments} at completion time,
 * so it offers the environments of the workspace the user is in rather than those of the
 * directory the script was generated in.
 */
@Command(name = "generate-completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a bash/zsh completion script for slk. Options that take files complete file names, options "
                    + "with a fixed set of values complete those values, and --env completes the environments "
                    + "(config.ENV.yaml) of the workspace you are in."
        },
        footer = {"", "Load it in bash or zsh with: source <(slk generate-completion)",
                "Exit codes: 0 printed, 2 usage error."})
final class CompletionCommand implements Callable<Integer> {
    /** picocli's case for {@code --env}: generation-time candidates, replaced by a call at completion time. */
    private static final Pattern ENV_CASE = Pattern.compile("(?m)^( +)'--env'\\)\\n.*?\\n\\1  ;;$", Pattern.DOTALL);

    private final CliContext cli;

    @Spec
    private CommandSpec spec;

    CompletionCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.out().print(script(AutoComplete.bash("slk", spec.root().commandLine())));
        return ExitCodes.OK;
    }

    static String script(String generated) {
        Matcher m = ENV_CASE.matcher(generated);
        StringBuilder out = new StringBuilder();
        int replaced = 0;
        while (m.find()) {
            String indent = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(indent + "'--env')\n"
                    + indent + "  local IFS=$'\\n'\n"
                    + indent + "  COMPREPLY=( $( compgen -W \"$( slk list-environments 2>/dev/null )\" -- \"${curr_word}\" ) )\n"
                    + indent + "  return $?\n"
                    + indent + "  ;;"));
            replaced++;
        }
        m.appendTail(out);
        if (replaced == 0) {
            throw new IllegalStateException("picocli's completion script has no --env case to complete environments in");
        }
        return out.toString();
    }
}
