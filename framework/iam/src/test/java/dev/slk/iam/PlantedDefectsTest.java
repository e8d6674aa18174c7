package dev.slk.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slk.core.findings.Finding;
import dev.slk.core.findings.ResourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One planted defect per rule family, each found once, attributed to the module and construct that hold it. */
class PlantedDefectsTest {
    @Test
    void everyPlantedDefectIsFoundOnceAtItsModuleAndConstruct() throws IOException {
        String template;
        try (InputStream in = getClass().getResourceAsStream("/planted-defects.template.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Finding> findings = Templates.analyze(template);
        Map<String, String> found = new TreeMap<>();
        for (Finding f : findings) {
            ResourceLocation at = (ResourceLocation) f.location();
            found.merge(f.ruleId(), f.module() + " " + at.constructPath() + " " + f.pointer(), (a, b) -> a + " AND " + b);
        }
        String policy = "alpha Stack/modules/alpha/Worker/Role/DefaultPolicy/Resource /Properties/PolicyDocument/Statement/";
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("iam-invalid-sid", policy + "0/Sid"),
                Map.entry("iam-unknown-action", policy + "1/Action"),
                Map.entry("iam-resource-mismatch", policy + "2/Resource"),
                Map.entry("iam-wildcard-resource", policy + "3/Resource"),
                Map.entry("iam-privilege-escalation", "alpha Stack/modules/alpha/Worker/Role/Resource "),
                Map.entry("iam-data-exfiltration", policy + "6/Resource"),
                Map.entry("iam-cross-module-access", policy + "7/Resource"),
                Map.entry("iam-kms-wildcard", policy + "8/Resource"),
                Map.entry("iam-nag-stale-suppression",
                        "alpha Stack/modules/alpha/Worker/Role/DefaultPolicy/Resource /Metadata/cdk_nag/rules_to_suppress/0/applies_to/0"),
                Map.entry("iam-trust-any-principal",
                        "beta Stack/modules/beta/Queue/Policy/Resource /Properties/PolicyDocument/Statement/0/Principal"),
                Map.entry("iam-confused-deputy",
                        "beta Stack/modules/beta/Fn/Schedule/Permission /Properties/Statement/0/Principal")));
        assertEquals(expected, found, findings.stream().map(Finding::message).collect(Collectors.joining("\n")));
    }
}
