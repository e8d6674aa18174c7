package dev.slk.kit;

import dev.slk.spi.CoreResources;
import dev.slk.spi.Project;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.kms.IKey;

/**
 * What the project decides for every function it deploys: the shared key, whether slk creates the
 * functions' log groups and with which retention, whether resources outlive their stack, and the
 * prefix of the modules' log group names. Core functions and module functions are built from it by
 * the same builder, so they get the same settings; modules take it from {@link #of(CoreResources)}.
 *
 * @param sharedKey the shared customer-managed key, or null when the project uses AWS-owned keys
 * @param logGroups whether slk creates each function's log group (else Lambda creates
 *     {@code /aws/lambda/<name>} on first use, without retention)
 * @param logRetentionDays retention of the log groups slk creates
 * @param retain whether log groups are kept when the stack is deleted (production)
 * @param logGroupPrefix prefix of module log group names, {@code /slk/<project>-<environment>}
 */
public record FunctionDefaults(IKey sharedKey, boolean logGroups, int logRetentionDays, boolean retain,
        String logGroupPrefix) {
    /**
     * Checks the values.
     *
     * @param sharedKey the shared key, or null
     * @param logGroups whether slk creates the log groups
     * @param logRetentionDays their retention, positive
     * @param retain whether they outlive the stack
     * @param logGroupPrefix prefix of module log group names
     */
    public FunctionDefaults {
        Objects.requireNonNull(logGroupPrefix, "logGroupPrefix");
        if (logRetentionDays <= 0) {
            throw new IllegalArgumentException("logRetentionDays must be positive, not " + logRetentionDays);
        }
    }

    /**
     * The defaults of a module's functions: the project's retention and shared key, and always a
     * log group of slk's (a module function's logs never go to a group without retention).
     *
     * @param core what the framework hands a module
     * @return the defaults of the module's project
     */
    public static FunctionDefaults of(CoreResources core) {
        Project project = core.project();
        return new FunctionDefaults(core.sharedKey().orElse(null), true, project.logRetentionDays(),
                project.production(), prefix(project.name(), project.environment()));
    }

    /**
     * @param projectName the project's name
     * @param environment its environment
     * @return the prefix of its module log group names, {@code /slk/<project>-<environment>}
     */
    public static String prefix(String projectName, String environment) {
        return "/slk/" + projectName + "-" + environment;
    }

    /** @return the shared key, empty when the project uses AWS-owned keys */
    public Optional<IKey> key() {
        return Optional.ofNullable(sharedKey);
    }

    /**
     * @param moduleId the module
     * @param function the function, in kebab case
     * @return {@code /slk/<project>-<environment>/<moduleId>/<function>}
     */
    public String moduleLogGroupName(String moduleId, String function) {
        return logGroupPrefix + "/" + moduleId + "/" + function;
    }
}
