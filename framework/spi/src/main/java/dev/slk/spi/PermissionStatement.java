package dev.slk.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PolicyStatementProps;

/**
 * An IAM policy statement a module needs, as plain data that the framework attaches to the role
 * of the one function it names and can inspect (least privilege, valid Sid) before it becomes a
 * CDK object.
 *
 * <p>Resources may be CDK tokens, for example {@code core.eventQueue().getQueueArn()}; those
 * resolve only in the synthesized template.
 *
 * @param function the name under which {@link IntegrationModule#createResources} returned the
 *     function that needs it (see {@link ModuleResources}); null until {@link #on(String)} sets it,
 *     and synthesis refuses a statement without one
 * @param sid statement id: letters and digits only, as IAM requires (a hyphen passes CDK
 *     synthesis and fails at deploy, so it is refused here)
 * @param effect allow or deny
 * @param actions the actions, {@code service:Action}; never empty
 * @param resources the resource ARNs; never empty
 * @param conditions condition operator to (key to values); may be empty
 */
public record PermissionStatement(
        String function,
        String sid,
        Effect effect,
        List<String> actions,
        List<String> resources,
        Map<String, Map<String, List<String>>> conditions) {

    private static final Pattern SID = Pattern.compile("^[A-Za-z0-9]+$");
    private static final Pattern ACTION = Pattern.compile("^(\\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$");

    /**
     * Checks the invariants IAM enforces at deploy time, so they fail at synthesis instead.
     *
     * @param function the function that needs the statement, or null before {@link #on(String)}
     * @param sid statement id: letters and digits only, as IAM requires (a hyphen passes CDK synthesis and fails at deploy, so it is refused here)
     * @param effect allow or deny
     * @param actions the actions, {@code service:Action}; never empty
     * @param resources the resource ARNs; never empty
     * @param conditions condition operator to (key to values); may be empty
     */
    public PermissionStatement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        if (!SID.matcher(sid).matches()) {
            throw new IllegalArgumentException(
                    "statement id '" + sid + "' is invalid: IAM allows only letters and digits");
        }
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = conditions == null ? Map.of() : Map.copyOf(conditions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " has no actions");
        }
        if (resources.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " has no resources");
        }
        for (String action : actions) {
            if (!ACTION.matcher(action).matches()) {
                throw new IllegalArgumentException(
                        "statement " + sid + ": action '" + action + "' is not of the form service:Action");
            }
        }
    }

    /**
     * An Allow statement without conditions, for no function yet: follow it with {@link #on(String)}.
     *
     * @param sid statement id, letters and digits only
     * @param actions the actions
     * @param resources the resource ARNs
     * @return the statement
     */
    public static PermissionStatement allow(String sid, List<String> actions, List<String> resources) {
        return new PermissionStatement(null, sid, Effect.ALLOW, actions, resources, Map.of());
    }

    /**
     * @param functionName the name the function has in the module's {@link ModuleResources}
     * @return this statement for that function (only its role receives it)
     */
    public PermissionStatement on(String functionName) {
        return new PermissionStatement(functionName, sid, effect, actions, resources, conditions);
    }

    /**
     * The CDK form of this statement. Requires the CDK runtime (node), so it is only called
     * during synthesis.
     *
     * @return a new {@link PolicyStatement}
     */
    public PolicyStatement toPolicyStatement() {
        PolicyStatementProps.Builder props = PolicyStatementProps.builder()
                .sid(sid)
                .effect(effect)
                .actions(actions)
                .resources(resources);
        if (!conditions.isEmpty()) {
            props.conditions(JsiiMaps.sorted(conditions));
        }
        return new PolicyStatement(props.build());
    }
}
