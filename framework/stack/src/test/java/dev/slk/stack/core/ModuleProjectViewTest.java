package dev.slk.stack.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slk.core.testing.Configs;
import dev.slk.spi.Project;
import dev.slk.stack.testing.Stacks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** What a module learns of the project through {@code CoreResources.project()}. */
class ModuleProjectViewTest {
    private static final String CONFIG = Configs.minimalWith("""
            environment: staging
            accountId: '111122223333'
            tagKitVersion: ''
            tags:
              - key: Owner
                value: security-team
            monitoring:
              cloudWatchLogs:
                retentionDays: 90
            """);

    @Test
    void modulesSeeTheResolvedNamesRegionAccountTagsAndRetention() {
        Project project = Stacks.build(CONFIG).coreResources().project();

        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Source", "slk");
        tags.put("Product", "security-lake-integration");
        tags.put("Environment", "staging");
        tags.put("Owner", "security-team");
        assertEquals(new Project("demo", "staging", "us-east-1", Optional.of("111122223333"), tags, 90), project);
        assertEquals(List.copyOf(tags.keySet()), List.copyOf(project.tags().keySet()));
    }

    @Test
    void anEmptyAccountIdMeansTheDeployingAccount() {
        assertEquals(Optional.empty(), Stacks.build(Configs.MINIMAL).coreResources().project().account());
    }

    @Test
    void theViewsTagsAreTheOnesTheStackPutsOnItsResources() {
        CoreStack stack = Stacks.build(CONFIG);
        Map<String, Object> queue = Template.fromStack(stack).findResources("AWS::SQS::Queue").values().iterator().next();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> applied = (List<Map<String, String>>) ((Map<String, Object>) queue.get("Properties"))
                .get("Tags");
        Map<String, String> onQueue = new TreeMap<>();
        applied.forEach(tag -> onQueue.put(tag.get("Key"), tag.get("Value")));

        assertEquals(new TreeMap<>(stack.coreResources().project().tags()), onQueue);
    }
}
