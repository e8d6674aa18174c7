package dev.slk.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.spi.schedule.InvalidScheduleException;
import dev.slk.spi.schedule.ScheduleExpression;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A convenient base for modules: the schema is found next to the class, there are no extra
 * validation rules unless overridden, and helpers derive ids, names and statement ids from the
 * module id so that every module names its resources the same way.
 */
public abstract class BaseIntegrationModule implements IntegrationModule {

    /** Subclasses have a public no-argument constructor that does no I/O. */
    protected BaseIntegrationModule() {
    }

    /**
     * Looks for {@code config.schema.json} in the module class's package (for
     * {@code com.example.okta.OktaModule}: {@code com/example/okta/config.schema.json} on the
     * class path).
     */
    @Override
    public Optional<URL> configSchema() {
        return Optional.ofNullable(getClass().getResource("config.schema.json"));
    }

    /** No rules beyond the schema; override to add some. */
    @Override
    public ValidationResult validateConfig(JsonNode config) {
        return ValidationResult.ok();
    }

    /** No permissions; override to declare them. */
    @Override
    public List<PermissionStatement> requiredPermissions(ModuleResources created, CoreResources core, JsonNode config) {
        return List.of();
    }

    /**
     * A construct id unique to this module: the module id in PascalCase followed by
     * {@code name}, e.g. {@code OktaLogsProcessor} for module {@code okta-logs} and
     * {@code Processor}.
     *
     * @param name the resource's name within the module, PascalCase
     * @return the construct id
     */
    protected final String resourceId(String name) {
        return pascalCase(moduleId()) + name;
    }

    /**
     * An IAM statement id (letters and digits only) unique to this module.
     *
     * @param name the statement's name within the module, PascalCase
     * @return e.g. {@code OktaLogsSecretsAccess}
     */
    protected final String statementId(String name) {
        return resourceId(name);
    }

    /**
     * A physical resource name: {@code <projectName>-<moduleId>-<suffix>-<environment>}.
     *
     * @param project the project, {@code core.project()}
     * @param suffix what the resource is, lower-case with hyphens
     * @return the name
     */
    protected final String resourceName(Project project, String suffix) {
        return project.name() + "-" + moduleId() + "-" + suffix + "-" + project.environment();
    }

    /**
     * The mapping files shipped next to this class, in a {@code mappings} folder of its package,
     * for {@link #eventMappings()}: {@code return mappingResources("alert.yaml");}.
     *
     * @param fileNames the file names in that folder
     * @return their resources, in the order given
     * @throws IllegalStateException when one is missing from the module's jar
     */
    protected final List<URL> mappingResources(String... fileNames) {
        List<URL> urls = new java.util.ArrayList<>();
        for (String name : fileNames) {
            URL url = getClass().getResource("mappings/" + name);
            if (url == null) {
                throw new IllegalStateException(getClass().getName() + ": mapping file mappings/" + name
                        + " is not in the module's jar, next to the class");
            }
            urls.add(url);
        }
        return List.copyOf(urls);
    }

    /**
     * Validates an EventBridge schedule expression found at {@code pointer} of the module
     * config and records an error in {@code result} when it is not valid.
     *
     * @param config the module config
     * @param pointer JSON pointer of the expression, e.g. {@code /eventProcessor/schedule}
     * @param result where the error goes
     */
    protected static void checkSchedule(JsonNode config, String pointer, ValidationResult.Builder result) {
        JsonNode node = config.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isTextual()) {
            result.error(pointer, "the schedule must be a string such as rate(5 minutes)");
            return;
        }
        try {
            ScheduleExpression.parse(node.asText());
        } catch (InvalidScheduleException e) {
            result.error(pointer, e.getMessage(),
                    "use rate(N minutes|hours|days) or cron(minutes hours day-of-month month day-of-week year)");
        }
    }

    static String pascalCase(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
