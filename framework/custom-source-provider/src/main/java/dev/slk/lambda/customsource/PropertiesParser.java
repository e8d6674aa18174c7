package dev.slk.lambda.customsource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads ResourceProperties as CloudFormation delivers them (every scalar a string) and checks
 * them against the limits of the Security Lake API, so that a bad template fails with a message
 * naming the property instead of an API error after half the sources exist.
 */
final class PropertiesParser {

    static final String SOURCES = "Sources";
    static final String CRAWLER_ROLE_ARN = "CrawlerRoleArn";
    static final String PROVIDER_PRINCIPAL = "ProviderPrincipal";
    static final String EXTERNAL_ID_REF = "ExternalIdRef";
    /** ServiceToken and ServiceTimeout belong to AWS::CloudFormation::CustomResource itself. */
    private static final Set<String> KNOWN = Set.of("ServiceToken", "ServiceTimeout",
            SOURCES, CRAWLER_ROLE_ARN, PROVIDER_PRINCIPAL, EXTERNAL_ID_REF);

    /** Security Lake names the provider role AmazonSecurityLake-Provider-{sourceName}-{region}: 64 characters at most. */
    static final int MAX_SOURCE_NAME = 20;
    private static final Pattern SOURCE_NAME = Pattern.compile("[\\w\\-:.]+");
    private static final int MAX_SOURCE_VERSION = 32;
    private static final Pattern SOURCE_VERSION = Pattern.compile("[A-Za-z0-9\\-._]+");
    private static final Pattern EVENT_CLASS = Pattern.compile("[A-Z_0-9]+");
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-/]+");
    private static final Pattern PRINCIPAL = Pattern.compile("[0-9]{12}|[a-z0-9.\\-]*\\.(amazonaws|amazon)\\.com");

    private PropertiesParser() {
    }

    /** Everything a Create or Update needs, or the first problem found. */
    static CustomSourceProperties parse(JsonNode properties) {
        if (properties == null || !properties.isObject()) {
            throw new InvalidPropertiesException("ResourceProperties is missing or not an object");
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equalsIgnoreCase("ExternalId")) {
                throw new InvalidPropertiesException("property '" + name + "' would put the external id in the"
                        + " template; store it in Secrets Manager or SSM and pass ExternalIdRef instead");
            }
            if (!KNOWN.contains(name)) {
                throw new InvalidPropertiesException("unknown property '" + name + "'; expected "
                        + String.join(", ", List.of(SOURCES, CRAWLER_ROLE_ARN, PROVIDER_PRINCIPAL, EXTERNAL_ID_REF)));
            }
        }
        List<SourceSpec> sources = sources(properties.get(SOURCES));
        String roleArn = requiredText(properties, CRAWLER_ROLE_ARN);
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw new InvalidPropertiesException(CRAWLER_ROLE_ARN + " '" + roleArn + "' is not an IAM role ARN");
        }
        String principal = requiredText(properties, PROVIDER_PRINCIPAL);
        if (!PRINCIPAL.matcher(principal).matches()) {
            throw new InvalidPropertiesException(PROVIDER_PRINCIPAL + " '" + principal
                    + "' is neither a 12-digit account id nor a service principal");
        }
        ExternalIdRef ref = ExternalIdRef.parse(requiredText(properties, EXTERNAL_ID_REF));
        return new CustomSourceProperties(sources, roleArn, principal, ref);
    }

    /**
     * The sources a Delete should remove. Lenient on purpose: the properties of a Delete are those
     * of the last request, possibly one that failed validation before touching anything, and a
     * stack must stay deletable. Entries that could never have been created are skipped.
     */
    static List<SourceKey> sourcesToDelete(JsonNode properties) {
        List<SourceKey> keys = new ArrayList<>();
        JsonNode sources = properties == null ? null : properties.get(SOURCES);
        if (sources == null || !sources.isArray()) {
            return keys;
        }
        for (JsonNode source : sources) {
            String name = source.path("sourceName").asText("");
            String version = source.path("sourceVersion").asText("");
            if (validName(name) && validVersion(version)) {
                keys.add(new SourceKey(name, version));
            }
        }
        return keys;
    }

    private static List<SourceSpec> sources(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new InvalidPropertiesException("property " + SOURCES + " is required");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidPropertiesException(SOURCES + " must be a non-empty list of"
                    + " {sourceName, sourceVersion, eventClasses}");
        }
        List<SourceSpec> specs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            SourceSpec spec = source(node.get(i), SOURCES + "[" + i + "]");
            if (!seen.add(spec.sourceName())) {
                throw new InvalidPropertiesException(SOURCES + "[" + i + "].sourceName '" + spec.sourceName()
                        + "' is listed twice; source names are unique in a Region");
            }
            specs.add(spec);
        }
        return specs;
    }

    private static SourceSpec source(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidPropertiesException(where + " must be an object {sourceName, sourceVersion, eventClasses}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("sourceName", "sourceVersion", "eventClasses").contains(name)) {
                throw new InvalidPropertiesException(where + " has unknown field '" + name
                        + "'; expected sourceName, sourceVersion, eventClasses");
            }
        }
        String name = requiredText(node, "sourceName", where);
        if (name.length() > MAX_SOURCE_NAME) {
            throw new InvalidPropertiesException(where + ".sourceName '" + name + "' is " + name.length()
                    + " characters; Security Lake allows at most " + MAX_SOURCE_NAME
                    + " (it becomes part of the provider role name)");
        }
        if (!validName(name)) {
            throw new InvalidPropertiesException(where + ".sourceName '" + name
                    + "' may only hold letters, digits, '_', '-', ':' and '.'");
        }
        String version = requiredText(node, "sourceVersion", where);
        if (!validVersion(version)) {
            throw new InvalidPropertiesException(where + ".sourceVersion '" + version
                    + "' must be 1-" + MAX_SOURCE_VERSION + " of letters, digits, '-', '.' and '_'");
        }
        JsonNode classes = node.get("eventClasses");
        if (classes == null || !classes.isArray() || classes.isEmpty()) {
            throw new InvalidPropertiesException(where + ".eventClasses must be a non-empty list of OCSF"
                    + " event class names such as SECURITY_FINDING");
        }
        List<String> eventClasses = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            JsonNode c = classes.get(i);
            if (!c.isTextual() || !EVENT_CLASS.matcher(c.asText()).matches()) {
                throw new InvalidPropertiesException(where + ".eventClasses[" + i + "] '" + c.asText()
                        + "' is not an OCSF event class name (upper-case letters, digits and '_')");
            }
            eventClasses.add(c.asText());
        }
        return new SourceSpec(name, version, eventClasses);
    }

    private static boolean validName(String name) {
        return name.length() <= MAX_SOURCE_NAME && SOURCE_NAME.matcher(name).matches();
    }

    private static boolean validVersion(String version) {
        return version.length() <= MAX_SOURCE_VERSION && SOURCE_VERSION.matcher(version).matches();
    }

    private static String requiredText(JsonNode node, String field) {
        return requiredText(node, field, null);
    }

    private static String requiredText(JsonNode node, String field, String where) {
        String path = where == null ? field : where + "." + field;
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidPropertiesException((where == null ? "property " : "") + path + " is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidPropertiesException(path + " must be a non-empty string");
        }
        return value.asText();
    }
}
