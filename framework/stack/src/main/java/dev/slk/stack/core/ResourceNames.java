package dev.slk.stack.core;

import dev.slk.core.config.ProjectConfig;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Physical names of the stack's resources, {@code <projectName>-<name>-<environment>}, checked
 * against each service's rules here so that a bad name fails synthesis with the config key to
 * change, rather than a CloudFormation deployment half-way through.
 */
public final class ResourceNames {
    private static final Pattern QUEUE = Pattern.compile("^[A-Za-z0-9_-]{1,80}$");
    private static final Pattern FUNCTION = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final Pattern TOPIC = Pattern.compile("^[A-Za-z0-9_-]{1,256}$");
    private static final Pattern ALARM = Pattern.compile("^[\\x20-\\x7E]{1,255}$");
    private static final Pattern LOG_GROUP = Pattern.compile("^[A-Za-z0-9_/.#-]{1,512}$");
    private static final Pattern OUTPUT_ID = Pattern.compile("^[A-Za-z0-9]{1,255}$");

    private final String project;
    private final String environment;

    /** @param config the project */
    public ResourceNames(ProjectConfig config) {
        this.project = config.projectName();
        this.environment = config.environment();
    }

    /** @return the stack name, {@code <projectName>-<environment>} */
    public String stack() {
        return project + "-" + environment;
    }

    /**
     * @param name queue name from the config
     * @param key the config key it came from, for the message
     * @return the deployed queue name
     */
    public String queue(String name, String key) {
        return checked(QUEUE, qualified(name), key, "an SQS queue name: letters, digits, '-' and '_', at most 80");
    }

    /**
     * @param name function name from the config
     * @param key the config key it came from
     * @return the deployed function name
     */
    public String function(String name, String key) {
        return checked(FUNCTION, qualified(name), key,
                "a Lambda function name: letters, digits, '-' and '_', at most 64");
    }

    /**
     * @param name topic name from the config
     * @param key the config key it came from
     * @return the deployed topic name
     */
    public String topic(String name, String key) {
        return checked(TOPIC, qualified(name), key, "an SNS topic name: letters, digits, '-' and '_', at most 256");
    }

    /**
     * @param name alarm name
     * @param key where it came from
     * @return the deployed alarm name
     */
    public String alarm(String name, String key) {
        return checked(ALARM, qualified(name), key, "a CloudWatch alarm name: printable ASCII, at most 255");
    }

    /**
     * @param functionName the deployed function name
     * @param key where it came from
     * @return the function's log group name
     */
    public String functionLogGroup(String functionName, String key) {
        return checked(LOG_GROUP, "/aws/lambda/" + functionName, key, "a log group name");
    }

    /**
     * @param id a stack output id
     * @param key where it came from
     * @return the id, when CloudFormation accepts it
     */
    public static String outputId(String id, String key) {
        return checked(OUTPUT_ID, id, key, "a CloudFormation output id: letters and digits only, at most 255");
    }

    /**
     * @param id a kebab-case id such as {@code okta-logs}
     * @return {@code OktaLogs}
     */
    public static String pascalCase(String id) {
        StringBuilder result = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                result.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return result.toString();
    }

    private String qualified(String name) {
        return project + "-" + name + "-" + environment;
    }

    private static String checked(Pattern rule, String name, String key, String what) {
        if (!rule.matcher(name).matches()) {
            throw new InvalidResourceNameException("'" + name + "' (from " + key + ") is not valid as " + what);
        }
        return name;
    }

    /** A name the target service would refuse at deploy time. */
    public static final class InvalidResourceNameException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidResourceNameException(String message) {
            super(message);
        }
    }
}
