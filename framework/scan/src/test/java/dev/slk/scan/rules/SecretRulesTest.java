package dev.slk.scan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slk.core.findings.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretRulesTest {

    private static final Map<String, SecretRule> RULES = SecretRules.catalogue().stream()
            .collect(Collectors.toMap(SecretRule::id, Function.identity()));

    static List<Positive> positives() {
        return PositiveCases.all();
    }

    static List<Negative> negatives() {
        return NegativeCases.specific();
    }

    static Stream<Arguments> rulesAndLookAlikes() {
        return SecretRules.catalogue().stream().flatMap(rule -> NegativeCases.common().stream()
                .map(n -> Arguments.of(rule.id(), n)));
    }

    private static SecretRule rule(String id) {
        SecretRule rule = RULES.get(id);
        if (rule == null) {
            throw new AssertionError("no rule " + id);
        }
        return rule;
    }

    @Test
    void catalogueHasTheExpectedRulesInAFixedOrder() {
        assertEquals(List.of("aws-access-key-id", "aws-secret-access-key", "aws-session-token",
                "azure-connection-string-key", "azure-client-secret", "gcp-service-account-key", "gcp-api-key",
                "private-key", "github-token", "gitlab-token", "slack-token", "slack-webhook-url", "jwt",
                "url-credentials", "okta-api-token", "crowdstrike-api-client-secret", "sentinelone-api-token",
                "google-oauth-client-secret", "splunk-hec-token", "datadog-api-key", "datadog-app-key",
                "sumo-logic-access-key", "sumo-logic-collector-url", "pagerduty-api-key", "pagerduty-integration-key",
                "atlassian-api-token", "cloudflare-api-token", "cloudflare-global-api-key", "cloudflare-origin-ca-key",
                "duo-secret-key", "duo-integration-key", "zscaler-api-key", "palo-alto-cortex-api-key",
                "proofpoint-api-secret", "mimecast-api-secret", "twilio-auth-token", "sendgrid-api-key",
                "npm-access-token", "pypi-upload-token", "docker-hub-token", "vault-token", "terraform-cloud-token",
                "openai-api-key", "anthropic-api-key", "stripe-secret-key", "http-auth-header",
                "generic-secret-assignment"),
                SecretRules.catalogue().stream().map(SecretRule::id).toList());
        assertEquals(SecretRules.catalogue(), SecretRules.catalogue());
    }

    @Test
    void catalogueIsImmutable() {
        List<SecretRule> catalogue = SecretRules.catalogue();
        assertThrows(UnsupportedOperationException.class, () -> catalogue.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> catalogue.get(0).keywords().add("x"));
    }

    @Test
    void everyRuleIsWellFormed() {
        Set<String> ids = new HashSet<>();
        for (SecretRule rule : SecretRules.catalogue()) {
            assertTrue(ids.add(rule.id()), "duplicate id " + rule.id());
            assertTrue(rule.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), rule.id());
            assertFalse(rule.description().isBlank(), rule.id());
            assertFalse(rule.hint().isBlank(), rule.id());
            assertFalse(rule.keywords().isEmpty(), rule.id());
            for (String keyword : rule.keywords()) {
                assertEquals(keyword.toLowerCase(Locale.ROOT), keyword, rule.id());
                assertFalse(keyword.isBlank(), rule.id());
            }
        }
    }

    @Test
    void severities() {
        assertEquals(Severity.CRITICAL, rule("aws-secret-access-key").severity());
        assertEquals(Severity.CRITICAL, rule("azure-connection-string-key").severity());
        assertEquals(Severity.CRITICAL, rule("gcp-service-account-key").severity());
        assertEquals(Severity.CRITICAL, rule("private-key").severity());
        assertEquals(Severity.CRITICAL, rule("cloudflare-global-api-key").severity());
        for (String id : List.of("pagerduty-integration-key", "duo-integration-key")) {
            assertEquals(Severity.MEDIUM, rule(id).severity(), id);
        }
        for (String id : List.of("aws-access-key-id", "aws-session-token", "azure-client-secret", "gcp-api-key",
                "github-token", "gitlab-token", "slack-token", "url-credentials")) {
            assertEquals(Severity.HIGH, rule(id).severity(), id);
        }
        for (String id : List.of("slack-webhook-url", "jwt", "generic-secret-assignment")) {
            assertEquals(Severity.MEDIUM, rule(id).severity(), id);
        }
    }

    @Test
    void everyRuleHasPositivesAndNearMisses() {
        Set<String> withPositive = positives().stream().map(Positive::rule).collect(Collectors.toSet());
        Set<String> withNegative = negatives().stream().map(Negative::rule).collect(Collectors.toSet());
        assertEquals(RULES.keySet(), withPositive);
        assertEquals(RULES.keySet(), withNegative);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void findsExactlyTheSecret(Positive p) {
        List<SecretMatch> matches = rule(p.rule()).detector().find(p.text());
        assertEquals(List.of(new SecretMatch(p.start(), p.start() + p.secret().length(), p.secret())), matches);
        SecretMatch m = matches.get(0);
        assertEquals(p.secret(), p.text().substring(m.start(), m.end()));
    }

    /** Stale bytes after the file in the scan's reused buffer: a secret a view must not read into. */
    private static final String STALE_TAIL = "\npassword = \"Zq8#vT2!mW5$kR9\"\n";

    static Stream<String> asciiTexts() {
        return Stream.concat(positives().stream().map(Positive::text), Stream.concat(negatives().stream().map(Negative::text),
                NegativeCases.common().stream().map(Negative::text)))
                .filter(t -> t.chars().allMatch(c -> c < 128));
    }

    @ParameterizedTest
    @MethodSource("asciiTexts")
    void readingAFileInPlaceFindsWhatItsStringDoes(String text) {
        dev.slk.scan.SecretScanner scanner = new dev.slk.scan.SecretScanner(SecretRules.catalogue());
        byte[] file = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] buffer = (text + STALE_TAIL).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        dev.slk.scan.SecretScanner.Result inPlace = scanner.scan("f", buffer, file.length);
        assertEquals(new dev.slk.scan.SecretScanner.Text(scanner.scan("f", text)), inPlace);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void keywordPrefilterKeepsTruePositives(Positive p) {
        String lower = p.text().toLowerCase(Locale.ROOT);
        assertTrue(rule(p.rule()).keywords().stream().anyMatch(lower::contains),
                "no keyword of " + p.rule() + " in " + p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void noOtherRuleReportsTheSameSecret(Positive p) {
        int start = p.start();
        int end = start + p.secret().length();
        for (SecretRule other : SecretRules.catalogue()) {
            if (!other.id().equals(p.rule())) {
                assertTrue(other.detector().find(p.text()).stream().noneMatch(m -> m.start() < end && start < m.end()),
                        other.id() + " also reports " + p);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void secretOfTheRightShapeEndingInExampleIsNotReported(Positive p) {
        String example = p.secret().substring(0, p.secret().length() - "EXAMPLE".length()) + "EXAMPLE";
        assertEquals(List.of(), rule(p.rule()).detector().find(p.text().replace(p.secret(), example)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void nearMissIsNotReported(Negative n) {
        assertEquals(List.of(), rule(n.rule()).detector().find(n.text()));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("rulesAndLookAlikes")
    void lookAlikeIsNotReported(String ruleId, Negative n) {
        assertEquals(List.of(), rule(ruleId).detector().find(n.text()));
    }

    @Test
    void findsEverySecretOfAFileInOrder() {
        List<Positive> generic = positives().stream().filter(p -> p.rule().equals("generic-secret-assignment"))
                .toList();
        String text = generic.stream().map(Positive::text).collect(Collectors.joining("\n"));
        List<String> found = rule("generic-secret-assignment").detector().find(text).stream()
                .map(SecretMatch::secret).toList();
        assertEquals(generic.stream().map(Positive::secret).toList(), found);
    }
}
