package dev.slk.stack.modules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.registry.ModuleRegistry;
import dev.slk.core.registry.RegisteredModule;
import dev.slk.spi.CoreResources;
import dev.slk.spi.HealthCheck;
import dev.slk.spi.IntegrationModule;
import dev.slk.spi.JsiiMaps;
import dev.slk.spi.ModuleOutput;
import dev.slk.spi.ModuleResources;
import dev.slk.spi.PermissionStatement;
import dev.slk.stack.core.CoreStack;
import dev.slk.stack.core.ResourceNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * Adds the enabled integration modules to the core stack, one after the other in config order,
 * calling every hook of the SPI itself: createResources, requiredPermissions (each statement
 * attached to the role of the one function it names), outputs and healthChecks (which become
 * alarms), and
 * eventMappings (validated, then shipped to the event transformer as a layer). A hook that
 * throws stops synthesis with a {@link ModuleHookException} naming module and hook.
 */
public final class ModuleAssembly {
    private final CoreStack stack;
    private final ModuleRegistry registry;
    private final ModuleMappings mappings;

    /**
     * @param stack the core stack
     * @param registry the discovered modules
     * @param mappingDirectory an empty directory where the modules' event mappings are staged; it
     *     must exist until the app is synthesized
     */
    public ModuleAssembly(CoreStack stack, ModuleRegistry registry, Path mappingDirectory) {
        this.stack = stack;
        this.registry = registry;
        this.mappings = new ModuleMappings(mappingDirectory);
    }

    /**
     * @return what was built for each enabled module, in config order
     * @throws ModuleHookException when a module's hook fails
     */
    public List<LoadedModule> addEnabledModules() {
        List<String> enabled = stack.config().enabledIntegrations();
        List<LoadedModule> loaded = new ArrayList<>();
        if (!enabled.isEmpty()) {
            CoreResources core = stack.coreResources();
            Construct modules = new Construct(stack, "modules");
            for (String id : enabled) {
                RegisteredModule registered = registry.find(id).orElseThrow(() -> new ModuleHookException(id, "lookup",
                        "no installed module has this id (see slk list-modules)", null));
                JsonNode config = stack.config().integrations().get(id).config();
                loaded.add(add(registered.module(), new Construct(modules, id), core, config));
            }
        }
        if (mappings.files() > 0) {
            stack.addEventMappings(mappings.directory());
        }
        CfnOutput.Builder.create(stack, "EnabledModules")
                .value(enabled.isEmpty() ? "none" : String.join(",", enabled))
                .description("Integration modules in this stack, in config order")
                .build();
        return loaded;
    }

    private LoadedModule add(IntegrationModule module, Construct scope, CoreResources core, JsonNode config) {
        String id = module.moduleId();
        ModuleResources created = call(id, "createResources", () -> Objects.requireNonNull(
                module.createResources(scope, core, config), "createResources returned null, not ModuleResources"));
        List<PermissionStatement> statements = call(id, "requiredPermissions",
                () -> List.copyOf(module.requiredPermissions(created, core, config)));
        Map<String, IRole> roles = roles(id, created);
        List<String> attached = attach(id, statements, roles);
        List<ModuleOutput> outputs = call(id, "outputs", () -> List.copyOf(module.outputs(created)));
        List<String> outputIds = outputs(id, outputs);
        List<HealthCheck> checks = call(id, "healthChecks", () -> List.copyOf(module.healthChecks(created)));
        List<String> alarms = alarms(id, scope, checks);
        List<String> mappingFiles = mappings.add(id, call(id, "eventMappings", () -> List.copyOf(module.eventMappings())));
        return new LoadedModule(id, module.moduleName(), module.moduleVersion(),
                roles.values().stream().map(r -> r.getNode().getPath()).toList(), attached, outputIds, alarms,
                mappingFiles);
    }

    private static <T> T call(String id, String hook, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ModuleHookException(id, hook, message, e);
        }
    }

    /** The role of each function the module returned; a function without one cannot be granted anything. */
    private static Map<String, IRole> roles(String id, ModuleResources created) {
        Map<String, IRole> roles = new LinkedHashMap<>();
        created.functions().forEach((name, function) -> {
            IRole role = function.getRole();
            if (role == null) {
                throw new ModuleHookException(id, "createResources", "function '" + name
                        + "' has no role slk can attach its statements to (an imported function?)", null);
            }
            roles.put(name, role);
        });
        return roles;
    }

    /** Each statement goes to the role of the one function it names, so functions never share access. */
    private static List<String> attach(String id, List<PermissionStatement> statements, Map<String, IRole> roles) {
        Set<String> sids = new HashSet<>();
        List<String> attached = new ArrayList<>();
        for (PermissionStatement statement : statements) {
            if (!sids.add(statement.sid())) {
                throw new ModuleHookException(id, "requiredPermissions", "statement id '" + statement.sid()
                        + "' is used twice; IAM requires unique Sids within a policy", null);
            }
            roleOf(id, statement, roles).addToPrincipalPolicy(statement.toPolicyStatement());
            attached.add(statement.sid());
        }
        return attached;
    }

    private static IRole roleOf(String id, PermissionStatement statement, Map<String, IRole> roles) {
        String functions = roles.isEmpty() ? "createResources returned no function"
                : "its functions are " + String.join(", ", roles.keySet());
        if (statement.function() == null || statement.function().isBlank()) {
            throw new ModuleHookException(id, "requiredPermissions", "statement '" + statement.sid()
                    + "' names no function; add .on(\"<function>\") (" + functions + ")", null);
        }
        IRole role = roles.get(statement.function());
        if (role == null) {
            throw new ModuleHookException(id, "requiredPermissions", "statement '" + statement.sid()
                    + "' is for function '" + statement.function() + "', which the module did not create ("
                    + functions + ")", null);
        }
        return role;
    }

    private List<String> outputs(String id, List<ModuleOutput> outputs) {
        List<String> ids = new ArrayList<>();
        for (ModuleOutput output : outputs) {
            String outputId = ResourceNames.outputId(ResourceNames.pascalCase(id) + output.name(),
                    "the outputs of module '" + id + "'");
            if (stack.getNode().tryFindChild(outputId) != null) {
                throw new ModuleHookException(id, "outputs", "output '" + output.name() + "' is published twice", null);
            }
            CfnOutput.Builder.create(stack, outputId).value(output.value())
                    .description(output.description().isEmpty() ? id + " " + output.name() : output.description())
                    .build();
            ids.add(outputId);
        }
        return ids;
    }

    private List<String> alarms(String id, Construct scope, List<HealthCheck> checks) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (HealthCheck check : checks) {
            if (!seen.add(check.name())) {
                throw new ModuleHookException(id, "healthChecks", "health check '" + check.name()
                        + "' is defined twice", null);
            }
            String alarmName = stack.names().alarm(id + "-" + check.name(), "the health checks of module '" + id + "'");
            Alarm alarm = Alarm.Builder.create(scope, "HealthCheck" + ResourceNames.pascalCase(check.name()))
                    .alarmName(alarmName)
                    .alarmDescription(check.description().isEmpty() ? "Health check " + check.name() + " of " + id
                            : check.description())
                    .metric(Metric.Builder.create()
                            .namespace(check.namespace())
                            .metricName(check.metricName())
                            .dimensionsMap(JsiiMaps.sorted(check.dimensions()))
                            .statistic(check.statistic())
                            .period(Duration.seconds(check.periodSeconds()))
                            .build())
                    .threshold(check.threshold())
                    .evaluationPeriods(check.evaluationPeriods())
                    .comparisonOperator(ComparisonOperator.valueOf(check.comparison().name()))
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            stack.monitoring().ifPresent(m -> m.notifying(alarm));
            names.add(alarmName);
        }
        return names;
    }
}
