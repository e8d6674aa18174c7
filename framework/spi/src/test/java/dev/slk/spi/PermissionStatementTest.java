package dev.slk.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.iam.Effect;

class PermissionStatementTest {
    @Test
    void sidWithAHyphenIsRefusedBeforeDeploy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PermissionStatement.allow("okta-logs-secrets", List.of("secretsmanager:GetSecretValue"), List.of("*")));
        assertEquals("statement id 'okta-logs-secrets' is invalid: IAM allows only letters and digits", e.getMessage());
    }

    @Test
    void malformedActionAndEmptyListsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PermissionStatement.allow("A", List.of("GetSecretValue"), List.of("*")));
        assertThrows(IllegalArgumentException.class, () -> PermissionStatement.allow("A", List.of(), List.of("*")));
        assertThrows(IllegalArgumentException.class,
                () -> PermissionStatement.allow("A", List.of("sqs:SendMessage"), List.of()));
    }

    @Test
    void keepsActionsResourcesAndConditions() {
        PermissionStatement s = new PermissionStatement("Reader", "OktaSecrets", Effect.ALLOW, List.of("secretsmanager:Get*"),
                List.of("arn:aws:secretsmanager:*:*:secret:okta-*"),
                Map.of("StringEquals", Map.of("aws:SourceAccount", List.of("123456789012"))));
        assertEquals(List.of("secretsmanager:Get*"), s.actions());
        assertEquals("Reader", s.function());
        assertEquals("123456789012", s.conditions().get("StringEquals").get("aws:SourceAccount").get(0));
    }

    @Test
    void onNamesTheFunctionAndKeepsEverythingElse() {
        PermissionStatement untargeted = PermissionStatement.allow("SendEvents", List.of("sqs:SendMessage"),
                List.of("arn:aws:sqs:us-east-1:123456789012:q"));
        PermissionStatement targeted = untargeted.on("EventProcessor");
        assertEquals(null, untargeted.function());
        assertEquals("EventProcessor", targeted.function());
        assertEquals(untargeted.sid(), targeted.sid());
        assertEquals(untargeted.resources(), targeted.resources());
    }
}
