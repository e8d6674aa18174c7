package dev.slk.scan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.assembly.Output;
import dev.slk.assembly.Resource;
import dev.slk.core.findings.Secrets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Literal secrets in Lambda environments, custom-resource properties, stack outputs and Secrets
 * Manager secrets. Messages name where the secret is, never the value; the value goes only
 * through {@link Secrets#redact}.
 */
final class SecretChecks {
    private static final String LAMBDA = "AWS::Lambda::Function";

    /** Intrinsics whose arguments name resources, exports, zones or conditions: none of that is a secret. */
    private static final Set<String> NAMING_INTRINSICS = Set.of("Ref", "Fn::GetAtt", "Fn::ImportValue", "Fn::GetAZs",
            "Condition");

    /**
     * Values a secret-named key can hold without being a secret: numbers, booleans and URLs with
     * no credentials or query (a TOKEN_URL names an endpoint, it is not a token).
     */
    private static final Pattern NOT_SECRET = Pattern.compile(
            "(?i)-?\\d+(\\.\\d+)?|true|false|https?://[^/@?#\\s]+(/[^@?#\\s]*)?");

    private SecretChecks() {
    }

    /**
     * A secret found in a value.
     *
     * @param where the property path below the checked property, "" for the value itself
     * @param what what was found, for the message
     * @param secret the secret; only ever redacted
     */
    private record Hit(String where, String what, String secret) {
        /** @return the checked property's name, extended by the path to the secret */
        String in(String name) {
            return where.isEmpty() ? name : name + where;
        }
    }

    static void check(TemplateContext ctx) {
        for (Resource resource : ctx.template().resources().values()) {
            String type = resource.type();
            if (type.equals(LAMBDA)) {
                lambdaEnvironment(ctx, resource);
            } else if (type.equals("AWS::CloudFormation::CustomResource") || type.startsWith("Custom::")) {
                customResource(ctx, resource);
            } else if (type.equals("AWS::SecretsManager::Secret")) {
                secretString(ctx, resource);
            }
        }
        for (Output output : ctx.template().outputs()) {
            find(output.logicalId(), "", output.value()).ifPresent(hit -> ctx.report(
                    InfraRules.OUTPUT_SECRET, output, "Stack output " + output.logicalId() + " publishes "
                            + hit.what() + " in " + hit.in("Value"),
                    Secrets.redact(hit.secret())));
        }
    }

    private static void lambdaEnvironment(TemplateContext ctx, Resource function) {
        JsonNode variables = function.properties().path("Environment").path("Variables");
        for (Map.Entry<String, JsonNode> variable : variables.properties()) {
            String name = variable.getKey();
            find(name, "", variable.getValue()).ifPresent(hit -> ctx.report(InfraRules.LAMBDA_ENV_SECRET,
                    function, "Lambda function " + function.logicalId() + " (" + LAMBDA + ") sets environment variable "
                            + hit.in(name) + " to " + hit.what(),
                    Secrets.redact(hit.secret()), name));
        }
    }

    private static void customResource(TemplateContext ctx, Resource resource) {
        for (Map.Entry<String, JsonNode> property : resource.properties().properties()) {
            String name = property.getKey();
            // ServiceToken is the provider's ARN, which the resource needs in the clear.
            if (name.equals("ServiceToken")) {
                continue;
            }
            find(name, "", property.getValue()).ifPresent(hit -> ctx.report(InfraRules.CUSTOM_RESOURCE_SECRET,
                    resource, "Custom resource " + resource.logicalId() + " (" + resource.type() + ") passes property "
                            + hit.in(name) + " as " + hit.what(),
                    Secrets.redact(hit.secret()), name));
        }
    }

    private static void secretString(TemplateContext ctx, Resource secret) {
        JsonNode value = secret.properties().path("SecretString");
        if (value.isTextual() && !value.asText().isBlank() && !LiteralSecrets.hasDynamicReference(value.asText())) {
            ctx.report(InfraRules.LITERAL_SECRET_STRING, secret, "Secret " + secret.logicalId()
                    + " (AWS::SecretsManager::Secret) has its SecretString written into the template",
                    Secrets.redact(value.asText()));
        }
    }

    /**
     * @param key the nearest property name above the value; a secret-looking name makes any
     *     literal under it a secret
     * @param where the path from the checked property to the value, e.g. ".Config.password"
     * @return the first secret in the value
     */
    private static Optional<Hit> find(String key, String where, JsonNode value) {
        if (value.isTextual()) {
            String text = value.asText();
            boolean literal = !text.isBlank() && !LiteralSecrets.hasDynamicReference(text)
                    && !NOT_SECRET.matcher(text.strip()).matches();
            if (literal && Secrets.isSecretKey(key)) {
                return Optional.of(new Hit(where, "a literal secret (its name marks it as one)", text));
            }
            return shaped(where, text);
        }
        if (value.isObject() && isIntrinsic(value)) {
            String function = value.properties().iterator().next().getKey();
            // Inside Fn::Join, Fn::Sub and the like, a secret name no longer applies to the pieces,
            // but a piece shaped like a secret is still a literal secret.
            return NAMING_INTRINSICS.contains(function) ? Optional.empty() : shapedLeaves(where, value);
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> child : value.properties()) {
                Optional<Hit> hit = find(child.getKey(), where + "." + child.getKey(), child.getValue());
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                Optional<Hit> hit = find(key, where + "[" + i + "]", value.get(i));
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }

    /** Inside an intrinsic the path stops at the function: its arguments are not properties. */
    private static Optional<Hit> shapedLeaves(String where, JsonNode value) {
        if (value.isTextual()) {
            return shaped(where, value.asText());
        }
        if (value.isObject() && isIntrinsic(value)
                && NAMING_INTRINSICS.contains(value.properties().iterator().next().getKey())) {
            return Optional.empty();
        }
        for (JsonNode child : value) {
            Optional<Hit> hit = shapedLeaves(where, child);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private static Optional<Hit> shaped(String where, String text) {
        return LiteralSecrets.byShape(text)
                .map(m -> new Hit(where, "a literal that looks like " + m.kind(), m.secret()));
    }

    /** @return true for {@code {"Ref": ...}} and {@code {"Fn::...": ...}}: one key naming a function */
    private static boolean isIntrinsic(JsonNode value) {
        if (value.size() != 1) {
            return false;
        }
        String key = value.properties().iterator().next().getKey();
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }
}
