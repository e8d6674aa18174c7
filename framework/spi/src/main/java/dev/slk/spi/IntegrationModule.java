package dev.slk.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * An integration module: brings the events of one third-party source into Security Lake.
 *
 * <p>Implementations must have a public no-argument constructor (they are created by
 * {@link java.util.ServiceLoader}) that does no I/O and cannot fail: slk instantiates every
 * registered module for every command, including {@code slk list-modules}.
 *
 * <p>The framework calls the hooks in this order, synchronously, on one instance:
 * <ol>
 *   <li>{@link #validateConfig} for every enabled integration, before anything is built;</li>
 *   <li>{@link #createResources} in the order integrations appear in the config; it returns the
 *       {@link ModuleResources} it built, and the framework hands that value to the later hooks,
 *       so a module keeps no state between hooks;</li>
 *   <li>{@link #requiredPermissions}, whose statements the framework attaches, each to the role
 *       of the one function it names;</li>
 *   <li>{@link #outputs} and {@link #healthChecks}, which the framework turns into stack outputs
 *       and CloudWatch alarms.</li>
 * </ol>
 * A hook that throws stops synthesis with an error naming the module and the hook.
 *
 * <p>There is no cleanup hook: disabling a module removes its resources from the synthesized
 * template, and CloudFormation deletes them on the next deploy.
 */
public interface IntegrationModule {

    /**
     * The id users write under {@code integrations:} in the config. It must match
     * {@code ^[a-z][a-z0-9]*(-[a-z0-9]+)*$} and be unique among the registered modules.
     *
     * @return the module id, for example {@code okta-logs}
     */
    String moduleId();

    /**
     * A human-readable name.
     *
     * @return the name, for example {@code Okta Logs}
     */
    String moduleName();

    /**
     * The module version, a Semantic Versioning 2.0.0 string.
     *
     * @return the version, for example {@code 1.0.0}
     */
    String moduleVersion();

    /**
     * One sentence on what the module integrates.
     *
     * @return the description
     */
    String moduleDescription();

    /**
     * The JSON Schema (draft 2020-12) of this module's {@code config} block. slk validates the
     * block against it, with line numbers, before it calls {@link #validateConfig}, and fills in
     * the schema's {@code default} values.
     *
     * @return the schema resource, or empty when the module ships none
     */
    default Optional<URL> configSchema() {
        return Optional.empty();
    }

    /**
     * Checks what the schema cannot: relations between keys, formats of values.
     *
     * @param config the module's {@code config} block, schema-valid and with schema defaults
     *     filled in; never null (an absent block is an empty object)
     * @return the errors and warnings found; {@link ValidationResult#ok()} when none
     */
    ValidationResult validateConfig(JsonNode config);

    /**
     * Creates the module's resources in the core stack.
     *
     * @param scope the construct to create resources under (a scope owned by this module)
     * @param core the shared resources of the core stack
     * @param config the module's validated {@code config} block, with defaults filled in
     * @return what was built: every function (by a name statements refer to) and anything the
     *     later hooks need; {@link ModuleResources#none()} when the config builds nothing
     */
    ModuleResources createResources(Construct scope, CoreResources core, JsonNode config);

    /**
     * The IAM statements the module's functions need, each naming its function with
     * {@link PermissionStatement#on(String)}. The framework, not the module, attaches each to
     * that function's role only, so that two functions never share each other's access and the
     * statements are visible to slk's analyzers. A statement without a function, or naming one
     * that {@code createResources} did not return, stops synthesis.
     *
     * @param created what {@link #createResources} returned
     * @param core the shared resources of the core stack, whose ARNs statements may reference
     * @param config the module's validated {@code config} block
     * @return the statements; an empty list when the module needs none
     */
    List<PermissionStatement> requiredPermissions(ModuleResources created, CoreResources core, JsonNode config);

    /**
     * Declarative mappings from this module's source events to OCSF, as YAML files in slk's
     * mapping format (docs/EVENT_MAPPINGS.md). They are data, never code: {@code slk synth}
     * validates every file, with file:line errors, and ships the files of the enabled modules to
     * the core event transformer, which maps the module's events with them.
     *
     * @return the mapping files; empty by default (for a module that sends OCSF events itself)
     */
    default List<URL> eventMappings() {
        return List.of();
    }

    /**
     * Values to publish as stack outputs, for example a function name.
     *
     * @param created what {@link #createResources} returned
     * @return the outputs; empty by default
     */
    default List<ModuleOutput> outputs(ModuleResources created) {
        return List.of();
    }

    /**
     * Metrics that show whether the module is healthy; each becomes a CloudWatch alarm that
     * notifies the monitoring topic.
     *
     * @param created what {@link #createResources} returned
     * @return the health checks; empty by default
     */
    default List<HealthCheck> healthChecks(ModuleResources created) {
        return List.of();
    }
}
