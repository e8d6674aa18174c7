package dev.slk.scan.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiteralSecretsTest {
    @Test
    void recognizesSecretShapes() {
        String keyId = Fakes.accessKeyId(30);
        assertEquals(Optional.of(new LiteralSecrets.Match("an AWS access key id", keyId)),
                LiteralSecrets.byShape("id=" + keyId + ";"));
        assertEquals("a PEM private key", LiteralSecrets.byShape(Fakes.privateKey(31)).orElseThrow().kind());
        String base64 = Fakes.base64Secret(32);
        assertEquals(base64, LiteralSecrets.byShape("key: " + base64).orElseThrow().secret());
    }

    @Test
    void ignoresOrdinaryValues() {
        // Lower-case hex (asset hashes), a run longer than 40, identifiers and ARNs.
        assertFalse(LiteralSecrets.byShape(Fakes.random("0123456789abcdef", 64, 33)).isPresent());
        assertFalse(LiteralSecrets.byShape(Fakes.base64Secret(34) + "Q").isPresent());
        assertFalse(LiteralSecrets.byShape("modulesoktalogsPollerServiceRoleDefaultP").isPresent());
        assertFalse(LiteralSecrets.byShape("arn:aws:iam::111122223333:role/slk-okta-logs-poller").isPresent());
        assertFalse(LiteralSecrets.byShape(Fakes.accessKeyId(35) + "X").isPresent());
    }

    @Test
    void dynamicReferencesAreNotLiterals() {
        assertTrue(LiteralSecrets.hasDynamicReference("{{resolve:secretsmanager:okta:SecretString:token}}"));
        assertTrue(LiteralSecrets.hasDynamicReference("Bearer {{resolve:ssm-secure:/okta/token:3}}"));
        assertFalse(LiteralSecrets.hasDynamicReference("{{resolve:nothing}}"));
        // The name of a secret inside a reference is not itself checked for shape.
        String reference = "{{resolve:secretsmanager:" + Fakes.base64Secret(36) + "}}";
        assertFalse(LiteralSecrets.byShape(reference).isPresent());
    }

    @Test
    void entropyOfRandomAndRepetitiveText() {
        assertTrue(LiteralSecrets.entropy(Fakes.base64Secret(37)) > 4.0);
        assertTrue(LiteralSecrets.entropy("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") < 1.0);
    }
}
