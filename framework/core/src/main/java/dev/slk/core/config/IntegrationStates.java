package dev.slk.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slk.core.findings.Finding;
import dev.slk.core.yaml.UnreadableInputException;
import dev.slk.core.yaml.YamlDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which integrations a configuration names and whether it enables them, as {@code list-modules}
 * shows them. A block of the wrong shape is refused with the finding validate-config reports for
 * it, at the same place and in the same words, rather than read as naming nothing.
 */
public final class IntegrationStates {
    /** The keys whose type decides the states: the block, each entry, each {@code enabled}. */
    private static final Pattern DECIDING = Pattern.compile("^/integrations(/[^/]+(/enabled)?)?$");

    private IntegrationStates() {
    }

    /**
     * @param document the configuration
     * @return module id to enabled, in file order
     * @throws UnreadableInputException when the block, an entry or an {@code enabled} has the wrong type
     */
    public static Map<String, Boolean> read(YamlDocument document) throws UnreadableInputException {
        JsonNode root = document.root();
        for (Finding finding : ProjectSchema.validation().validate(document, root, "", "schema")) {
            if ("schema.type".equals(finding.ruleId()) && DECIDING.matcher(finding.pointer()).matches()) {
                throw new UnreadableInputException(document.valueLocation(finding.pointer()), finding.message());
            }
        }
        Map<String, Boolean> states = new LinkedHashMap<>();
        root.at(ConfigKeys.INTEGRATIONS).properties().forEach(e -> states.put(e.getKey(),
                e.getValue().path(ConfigKeys.Integration.ENABLED).asBoolean(false)));
        return states;
    }
}
