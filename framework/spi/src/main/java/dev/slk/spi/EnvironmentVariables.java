package dev.slk.spi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for the names of a function's environment variables, the same for slk's own functions
 * and every module's: Lambda's reserved names are refused (a deployment that sets one fails), and
 * so is a name that reads like it holds a secret, because anyone who may read the function's
 * configuration reads its environment. A variable carries a secret's NAME, never its value.
 * validate-config reports a breach at the config key; synthesis refuses it.
 */
public final class EnvironmentVariables {
    /** Reserved by the Lambda runtime; see the Lambda developer guide, "Defined runtime environment variables". */
    public static final Set<String> LAMBDA_RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    private static final List<String> SECRET_WORDS = List.of("SECRET", "PASSWORD", "PASSWD", "TOKEN", "APIKEY",
            "API_KEY", "PRIVATE_KEY", "CREDENTIAL");
    private static final List<String> NAME_SUFFIXES = List.of("_NAME", "_ARN", "_ID", "_PATH");

    private EnvironmentVariables() {
    }

    /**
     * @param name a variable name
     * @return whether it reads like a secret's value: it holds a word such as SECRET or TOKEN and
     *     does not end in {@code _NAME}, {@code _ARN}, {@code _ID} or {@code _PATH}
     */
    public static boolean looksLikeSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(upper::contains) && NAME_SUFFIXES.stream().noneMatch(upper::endsWith);
    }

    /**
     * @param name a variable name
     * @return why the name is refused, or empty when it is fine
     */
    public static Optional<String> problem(String name) {
        if (LAMBDA_RESERVED.contains(name)) {
            return Optional.of("environment variable " + name + " is reserved by Lambda; a deployment that sets "
                    + "it fails");
        }
        if (looksLikeSecret(name)) {
            return Optional.of("environment variable " + name + " looks like it holds a secret; environment "
                    + "variables are visible to anyone who can read the function's configuration: store the "
                    + "value in Secrets Manager and pass its name in a variable ending in _NAME");
        }
        return Optional.empty();
    }
}
