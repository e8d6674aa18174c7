package dev.slk.scan.rules;

import dev.slk.core.findings.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The credentials of the SaaS and security products Security Lake modules pull from, and of the
 * tools around them. A format with a distinctive prefix is matched anywhere; a format that is just
 * random characters of a known length and alphabet counts only under a key (or header) naming the
 * vendor, or in a file that configures the vendor.
 */
final class VendorRules {

    private static final String BEFORE = "(?<![A-Za-z0-9_+/-])";
    private static final String AFTER = "(?![A-Za-z0-9_+/=-])";

    private static final Pattern OKTA_VALUE = Pattern.compile("00[A-Za-z0-9_-]{40}");
    private static final Pattern OKTA_SSWS = Pattern.compile(
            "(?<![A-Za-z0-9_])(?i:ssws)[ \\t]{1,8}(00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])");
    private static final Pattern ALNUM_40 = Pattern.compile("[A-Za-z0-9]{40}");
    private static final String S1_FORMAT = "eyJ[A-Za-z0-9_-]{5,2000}+\\.eyJ[A-Za-z0-9_-]{5,8000}+\\.[A-Za-z0-9_-]{10,2000}+"
            + "|[A-Za-z0-9]{80}";
    private static final Pattern S1_VALUE = Pattern.compile(S1_FORMAT);
    private static final Pattern S1_HEADER = Pattern.compile(
            "(?<![A-Za-z0-9_])(?i:apitoken)[ \\t]{1,8}(" + S1_FORMAT + ")(?![A-Za-z0-9_.-])");
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern UUID_VALUE = Pattern.compile(UUID);
    private static final Pattern SPLUNK_HEADER = Pattern.compile(
            "(?<![A-Za-z0-9_])(?i:splunk)[ \\t]{1,8}(" + UUID + ")(?![A-Za-z0-9-])");
    private static final Pattern HEX_32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX_37 = Pattern.compile("[0-9a-f]{37}");
    private static final Pattern HEX_40 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern ALNUM_64 = Pattern.compile("[A-Za-z0-9]{64}");
    private static final Pattern SUMO_COLLECTOR = Pattern.compile(
            "(?<=sumologic\\.com)/receiver/v1/(?:http|otlp|prometheus)/([A-Za-z0-9_=+-]{40,400}+)(?![A-Za-z0-9_=+/-])");
    private static final Pattern PAGERDUTY_VALUE = Pattern.compile("[A-Za-z0-9_+-]{20}");
    private static final Pattern PAGERDUTY_HEADER = Pattern.compile(
            "(?<![A-Za-z0-9_])(?i:token token=)([A-Za-z0-9_+-]{20})(?![A-Za-z0-9_+/=-])");
    private static final Pattern CLOUDFLARE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{40}");
    private static final Pattern DUO_INTEGRATION_KEY = Pattern.compile("DI[A-Z0-9]{18}");
    private static final Pattern ALNUM_32 = Pattern.compile("[A-Za-z0-9]{32}");
    private static final Pattern CORTEX_VALUE = Pattern.compile("[A-Za-z0-9]{32,128}");
    private static final Pattern OPENAI = Pattern.compile("(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-"
            + "[A-Za-z0-9_-]{40,200}|[A-Za-z0-9]{20})T3BlbkFJ[A-Za-z0-9_-]{20,200}+(?![A-Za-z0-9_-])");
    /** The longest stretch of an OpenAI key before its marker ("sk-proj-" and 200 characters). */
    private static final int OPENAI_BEFORE_MARKER = 220;
    /** The location caveat every PyPI token (a macaroon) starts with: version 2, field "location". */
    private static final int MACAROON_VERSION = 2;
    private static final int MACAROON_LOCATION = 1;
    private static final int PYPI_PREFIX = "pypi-".length();
    /** 24 base64 characters: 18 bytes, enough for the header and "test.pypi.org". */
    private static final int PYPI_HEAD = 24;

    private static final double TOKEN_MIN_ENTROPY = 3.0;
    private static final double RANDOM_MIN_ENTROPY = 3.5;
    private static final double BASE64_MIN_ENTROPY = 4.0;
    /** Contextual secrets (a vendor's key in a vendor's file) must at least be this long. */
    private static final int CONTEXT_MIN_LENGTH = 12;
    /** Where ".atlasv1." sits in a Terraform Cloud token. */
    private static final int ATLAS_MARK_OFFSET = 14;

    private static final List<String> SENTINELONE_KEYS = List.of("sentinelone", "s1_api", "s1-api");
    private static final List<String> SPLUNK_KEYS = List.of("splunk", "hec_token", "hectoken", "hec-token");
    private static final List<String> DATADOG_KEYS = List.of(
            "datadog", "dd_api", "dd-api", "ddapi", "dd_app", "dd-app", "ddapp");
    private static final List<String> CLOUDFLARE_KEYS = List.of("cloudflare", "cf_api", "cf-api", "cfapi");
    private static final List<String> ZSCALER_KEYS = List.of("zscaler", "zia_", "zpa_", "zia-", "zpa-");
    private static final List<String> CORTEX_KEYS = List.of("cortex", "xdr_", "xdr-", "xsoar", "xsiam");
    private static final List<String> STRIPE_PREFIXES = List.of("sk_live_", "sk_test_", "rk_live_", "rk_test_");

    /** Claimed before the JWT rule: SentinelOne's tokens are JWTs. */
    static final SecretRule SENTINELONE = new SecretRule("sentinelone-api-token", Severity.HIGH,
            "SentinelOne management API token",
            "Revoke or regenerate the token in the SentinelOne console (My User > Actions > API Token Operations),"
                    + " preferably for a service user, and load it from a secret store.",
            List.of("sentinelone", "apitoken", "s1_api", "s1-api"),
            Detectors.anyOf(List.of(
                    PatternDetector.anchoredIgnoringCase(S1_HEADER, 1, VendorRules::sentinelOneToken,
                            List.of("apitoken")),
                    keyed(SENTINELONE_KEYS, k -> containsAny(k, SENTINELONE_KEYS) && containsAny(k, List.of("token", "key")),
                            v -> S1_VALUE.matcher(v).matches() && sentinelOneToken(v)))));

    private VendorRules() {
    }

    /** @return the vendor rules, in a fixed order */
    static List<SecretRule> all() {
        return List.of(
                new SecretRule("okta-api-token", Severity.HIGH,
                        "Okta API token (SSWS)",
                        "Revoke the token in the Okta Admin Console (Security > API > Tokens) and use an OAuth 2.0"
                                + " service app with a private key instead of an SSWS token.",
                        List.of("ssws", "okta"),
                        Detectors.anyOf(List.of(
                                PatternDetector.anchoredIgnoringCase(OKTA_SSWS, 1, VendorRules::random, List.of("ssws")),
                                keyed(List.of("okta"), k -> true,
                                        v -> OKTA_VALUE.matcher(v).matches() && random(v))))),
                new SecretRule("crowdstrike-api-client-secret", Severity.HIGH,
                        "CrowdStrike Falcon API client secret (of a client id / secret pair)",
                        "Reset the secret or delete the API client in the Falcon console (Support and resources >"
                                + " API clients and keys), and load the new one from a secret store.",
                        List.of("crowdstrike", "falcon"),
                        Detectors.whenContains(List.of("crowdstrike", "falcon"), new AssignmentDetector(
                                k -> k.toLowerCase(Locale.ROOT).contains("secret"),
                                a -> ALNUM_40.matcher(a.value()).matches() && mixedRandom(a.value())))),
                SENTINELONE,
                new SecretRule("google-oauth-client-secret", Severity.HIGH,
                        "Google OAuth client secret",
                        "Reset the secret of the OAuth client in the Google Cloud console (APIs & Services >"
                                + " Credentials) and load it from Secret Manager.",
                        List.of("gocspx-"),
                        prefixed("GOCSPX-[A-Za-z0-9_-]{28}", List.of("GOCSPX-"), TOKEN_MIN_ENTROPY)),
                new SecretRule("splunk-hec-token", Severity.HIGH,
                        "Splunk HTTP Event Collector token",
                        "Disable and delete the token in Splunk (Settings > Data inputs > HTTP Event Collector) and"
                                + " create a new one kept in a secret store.",
                        SPLUNK_KEYS,
                        Detectors.anyOf(List.of(
                                PatternDetector.anchoredIgnoringCase(SPLUNK_HEADER, 1, VendorRules::uuidToken,
                                        List.of("splunk")),
                                keyed(SPLUNK_KEYS, k -> splunkTokenKey(k),
                                        v -> UUID_VALUE.matcher(v).matches() && uuidToken(v))))),
                new SecretRule("datadog-api-key", Severity.HIGH,
                        "Datadog API key",
                        "Revoke the key in Datadog (Organization Settings > API Keys) and load its successor from a"
                                + " secret store.",
                        DATADOG_KEYS,
                        Detectors.anyOf(List.of(
                                keyed(DATADOG_KEYS, k -> datadogKey(k, List.of("api")), v -> hex(HEX_32, v)),
                                HttpHeaders.named(List.of("dd-api-key"), v -> hex(HEX_32, v))))),
                new SecretRule("datadog-app-key", Severity.HIGH,
                        "Datadog application key",
                        "Revoke the key in Datadog (Organization Settings > Application Keys) and load its successor"
                                + " from a secret store.",
                        DATADOG_KEYS,
                        Detectors.anyOf(List.of(
                                keyed(DATADOG_KEYS, k -> datadogKey(k, List.of("app", "application")),
                                        v -> hex(HEX_40, v)),
                                HttpHeaders.named(List.of("dd-application-key"), v -> hex(HEX_40, v))))),
                new SecretRule("sumo-logic-access-key", Severity.HIGH,
                        "Sumo Logic access key",
                        "Delete the access key in Sumo Logic (Administration > Security > Access Keys) and create a"
                                + " new one kept in a secret store.",
                        List.of("sumo"),
                        keyed(List.of("sumo"), k -> sumoKey(k),
                                v -> ALNUM_64.matcher(v).matches() && mixedRandom(v))),
                new SecretRule("sumo-logic-collector-url", Severity.HIGH,
                        "Sumo Logic HTTP source URL (its token lets anyone send logs)",
                        "Regenerate the HTTP source's URL in Sumo Logic (Collection > the source > Show URL >"
                                + " regenerate) and keep it in a secret store.",
                        List.of("sumologic"),
                        new PatternDetector(SUMO_COLLECTOR, 1, s -> Entropy.shannon(s) >= BASE64_MIN_ENTROPY,
                                List.of("/receiver/v1/"))),
                new SecretRule("pagerduty-api-key", Severity.HIGH,
                        "PagerDuty REST API key",
                        "Delete the key in PagerDuty (Integrations > API Access Keys, or the user's API access) and"
                                + " create a new one kept in a secret store.",
                        List.of("pagerduty", "token token="),
                        Detectors.anyOf(List.of(
                                PatternDetector.anchoredIgnoringCase(PAGERDUTY_HEADER, 1, VendorRules::random,
                                        List.of("token token=")),
                                keyed(List.of("pagerduty"), k -> pagerDutyApiKey(k),
                                        v -> PAGERDUTY_VALUE.matcher(v).matches() && random(v))))),
                new SecretRule("pagerduty-integration-key", Severity.MEDIUM,
                        "PagerDuty Events API integration (routing) key",
                        "Regenerate the integration key on the PagerDuty service's integration and keep it in a"
                                + " secret store.",
                        List.of("pagerduty"),
                        Detectors.whenContains(List.of("pagerduty"), new AssignmentDetector(VendorRules::routingKey,
                                a -> hex(HEX_32, a.value())))),
                new SecretRule("atlassian-api-token", Severity.HIGH,
                        "Atlassian (Jira, Confluence) API token",
                        "Revoke the token at id.atlassian.com (Security > API tokens) and load its successor from a"
                                + " secret store.",
                        List.of("atatt3"),
                        prefixed("ATATT3[A-Za-z0-9_=-]{186}", List.of("ATATT3"), BASE64_MIN_ENTROPY)),
                new SecretRule("cloudflare-api-token", Severity.HIGH,
                        "Cloudflare API token",
                        "Roll or delete the token in the Cloudflare dashboard (My Profile > API Tokens) and load its"
                                + " successor from a secret store.",
                        CLOUDFLARE_KEYS,
                        keyed(CLOUDFLARE_KEYS, k -> containsAny(k, List.of("token", "key")),
                                v -> CLOUDFLARE_TOKEN.matcher(v).matches() && random(v)
                                        && Entropy.shannon(v) >= RANDOM_MIN_ENTROPY)),
                new SecretRule("cloudflare-global-api-key", Severity.CRITICAL,
                        "Cloudflare Global API Key (full account access)",
                        "Change the Global API Key in the Cloudflare dashboard (My Profile > API Tokens) and use a"
                                + " scoped API token instead.",
                        List.of("cloudflare", "x-auth-key"),
                        Detectors.anyOf(List.of(
                                keyed(List.of("cloudflare"), k -> containsAny(k, List.of("key")), v -> hex(HEX_37, v)),
                                HttpHeaders.named(List.of("x-auth-key"), v -> hex(HEX_37, v))))),
                new SecretRule("cloudflare-origin-ca-key", Severity.HIGH,
                        "Cloudflare Origin CA key",
                        "Revoke the Origin CA key in the Cloudflare dashboard (My Profile > API Tokens) and use a"
                                + " scoped API token instead.",
                        List.of("v1.0-"),
                        prefixed("v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}", List.of("v1.0-"), TOKEN_MIN_ENTROPY)),
                new SecretRule("duo-secret-key", Severity.HIGH,
                        "Cisco Duo application secret key (skey / client secret)",
                        "Reset the secret key of the application in the Duo Admin Panel (Applications > the"
                                + " application) and load it from a secret store.",
                        List.of("duosecurity"),
                        Detectors.whenContains(List.of("duosecurity"), new AssignmentDetector(VendorRules::duoSecretKey,
                                a -> ALNUM_40.matcher(a.value()).matches() && mixedRandom(a.value())))),
                new SecretRule("duo-integration-key", Severity.MEDIUM,
                        "Cisco Duo integration key (ikey / client id), half of an application's credentials",
                        "Treat the application as exposed: reset its secret key in the Duo Admin Panel and keep both"
                                + " keys in a secret store.",
                        List.of("duosecurity"),
                        Detectors.whenContains(List.of("duosecurity"), new AssignmentDetector(VendorRules::duoIntegrationKey,
                                a -> DUO_INTEGRATION_KEY.matcher(a.value()).matches()
                                        && Entropy.shannon(a.value()) >= TOKEN_MIN_ENTROPY))),
                new SecretRule("zscaler-api-key", Severity.HIGH,
                        "Zscaler (ZIA, ZPA, OneAPI) API key, client secret or admin password",
                        "Regenerate the API key or client secret in the Zscaler admin portal (Administration > API"
                                + " Key Management / API Clients) and load it from a secret store.",
                        ZSCALER_KEYS,
                        Detectors.anyOf(List.of(
                                keyed(ZSCALER_KEYS, KeyNames::holdsSecret, VendorRules::contextualSecret),
                                Detectors.whenContains(List.of("zscaler"), new AssignmentDetector(KeyNames::clientSecret,
                                        a -> contextualSecret(a.value())))))),
                new SecretRule("palo-alto-cortex-api-key", Severity.HIGH,
                        "Palo Alto Networks Cortex (XDR, XSIAM, XSOAR) API key",
                        "Revoke the key in Cortex (Settings > Configurations > API Keys) and create a new one kept in"
                                + " a secret store.",
                        CORTEX_KEYS,
                        keyed(CORTEX_KEYS, KeyNames::holdsSecret,
                                v -> CORTEX_VALUE.matcher(v).matches() && random(v)
                                        && Entropy.shannon(v) >= RANDOM_MIN_ENTROPY)),
                new SecretRule("proofpoint-api-secret", Severity.HIGH,
                        "Proofpoint (TAP, Essentials) API service secret or password",
                        "Revoke the service credential in the Proofpoint portal (TAP: Settings > Connected"
                                + " Applications) and load the new one from a secret store.",
                        List.of("proofpoint"),
                        Detectors.anyOf(List.of(
                                keyed(List.of("proofpoint"), KeyNames::holdsSecret, VendorRules::contextualSecret),
                                Detectors.whenContains(List.of("proofpoint"), new AssignmentDetector(
                                        k -> containsAny(k, List.of("service_secret", "servicesecret", "service-secret")),
                                        a -> contextualSecret(a.value())))))),
                new SecretRule("mimecast-api-secret", Severity.HIGH,
                        "Mimecast API secret (2.0 client secret, 1.0 access or secret key)",
                        "Revoke the API application's credentials in the Mimecast Administration Console (Services >"
                                + " API and Platform Integrations) and load new ones from a secret store.",
                        List.of("mimecast"),
                        Detectors.anyOf(List.of(
                                keyed(List.of("mimecast"), KeyNames::holdsSecret, VendorRules::contextualSecret),
                                Detectors.whenContains(List.of("mimecast"), new AssignmentDetector(
                                        VendorRules::mimecastKey, a -> contextualSecret(a.value())))))),
                new SecretRule("twilio-auth-token", Severity.HIGH,
                        "Twilio auth token or API key secret",
                        "Rotate the auth token (Console > Account > API keys & tokens) or delete the API key, and"
                                + " load the new secret from a secret store.",
                        List.of("twilio"),
                        Detectors.whenContains(List.of("twilio"), new AssignmentDetector(KeyNames::holdsSecret,
                                a -> ALNUM_32.matcher(a.value()).matches() && random(a.value())))),
                new SecretRule("sendgrid-api-key", Severity.HIGH,
                        "SendGrid API key",
                        "Delete the key in SendGrid (Settings > API Keys) and create a new one kept in a secret"
                                + " store.",
                        List.of("sg."),
                        prefixed("SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", List.of("SG."), BASE64_MIN_ENTROPY)),
                new SecretRule("npm-access-token", Severity.HIGH,
                        "npm access token",
                        "Revoke the token (npm token revoke, or npmjs.com > Access Tokens) and use a granular,"
                                + " short-lived token from the CI's secret store.",
                        List.of("npm_"),
                        prefixed("npm_[A-Za-z0-9]{36}", List.of("npm_"), TOKEN_MIN_ENTROPY)),
                new SecretRule("pypi-upload-token", Severity.HIGH,
                        "PyPI upload token",
                        "Remove the token on pypi.org (Account settings > API tokens) and publish with a trusted"
                                + " publisher (OIDC) instead.",
                        List.of("pypi-"),
                        new PatternDetector(Pattern.compile(BEFORE + "(pypi-AgE[A-Za-z0-9_-]{50,2000}+)" + AFTER), 1,
                                VendorRules::pypiToken, List.of("pypi-"))),
                new SecretRule("docker-hub-token", Severity.HIGH,
                        "Docker Hub personal or organization access token",
                        "Delete the token in Docker Hub (Account settings > Personal access tokens) and use a"
                                + " read-only, CI-scoped token from a secret store.",
                        List.of("dckr_pat_", "dckr_oat_"),
                        prefixed("dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,60}+", List.of("dckr_pat_", "dckr_oat_"),
                                TOKEN_MIN_ENTROPY)),
                new SecretRule("vault-token", Severity.HIGH,
                        "HashiCorp Vault service or batch token",
                        "Revoke the token (vault token revoke) and let workloads log in with an auth method (AWS IAM,"
                                + " Kubernetes, AppRole) instead of a stored token.",
                        List.of("hvs.", "hvb."),
                        prefixed("hvs\\.[A-Za-z0-9_-]{24,300}+|hvb\\.[A-Za-z0-9_-]{100,400}+", List.of("hvs.", "hvb."),
                                RANDOM_MIN_ENTROPY)),
                new SecretRule("terraform-cloud-token", Severity.HIGH,
                        "HashiCorp Terraform Cloud / Enterprise API token",
                        "Revoke the token in Terraform Cloud (User or Organization settings > Tokens) and use"
                                + " dynamic credentials or a team token from the CI's secret store.",
                        List.of("atlasv1"),
                        new PatternDetector(Pattern.compile(
                                BEFORE + "([A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}+)" + AFTER), 1,
                                s -> Entropy.shannon(s) >= RANDOM_MIN_ENTROPY, List.of(".atlasv1."), ATLAS_MARK_OFFSET)),
                new SecretRule("openai-api-key", Severity.HIGH,
                        "OpenAI API key",
                        "Revoke the key in the OpenAI platform (API keys) and load its successor from a secret"
                                + " store.",
                        List.of("t3blbkfj"),
                        new MarkedPatternDetector(OPENAI, s -> Entropy.shannon(s) >= RANDOM_MIN_ENTROPY, "T3BlbkFJ",
                                "sk-", OPENAI_BEFORE_MARKER)),
                new SecretRule("anthropic-api-key", Severity.HIGH,
                        "Anthropic API key",
                        "Revoke the key in the Anthropic Console (Settings > API keys) and load its successor from a"
                                + " secret store.",
                        List.of("sk-ant-"),
                        prefixed("sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{93}AA", List.of("sk-ant-"),
                                BASE64_MIN_ENTROPY)),
                new SecretRule("stripe-secret-key", Severity.HIGH,
                        "Stripe secret or restricted key",
                        "Roll the key in the Stripe Dashboard (Developers > API keys) and load its successor from a"
                                + " secret store.",
                        STRIPE_PREFIXES,
                        prefixed("[sr]k_(?:live|test)_[A-Za-z0-9]{24,247}+", STRIPE_PREFIXES, TOKEN_MIN_ENTROPY)));
    }

    /** A token with a distinctive prefix: matched anywhere the prefix is, between token boundaries. */
    private static Detector prefixed(String regex, List<String> prefixes, double minEntropy) {
        return new PatternDetector(Pattern.compile(BEFORE + "(" + regex + ")" + AFTER), 1,
                s -> Entropy.shannon(s) >= minEntropy, prefixes);
    }

    /**
     * A value under a key that holds one of {@code keyWords} (so the lines to look at are known)
     * and that {@code key} accepts.
     */
    private static Detector keyed(List<String> keyWords, Predicate<String> key, Predicate<String> value) {
        return Detectors.onAssignmentLines(new AssignmentDetector(k -> containsAny(k, keyWords) && key.test(k),
                a -> value.test(a.value())), keyWords);
    }

    private static boolean containsAny(String key, List<String> lowerWords) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String w : lowerWords) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Random-looking: enough entropy, and letters with digits (a word or a name has no digits). */
    private static boolean random(String v) {
        return Entropy.shannon(v) >= TOKEN_MIN_ENTROPY && HttpHeaders.hasLetterAndDigit(v);
    }

    private static boolean mixedRandom(String v) {
        return Values.mixedCase(v) && random(v) && Entropy.shannon(v) >= BASE64_MIN_ENTROPY;
    }

    private static boolean hex(Pattern format, String v) {
        return format.matcher(v).matches() && random(v);
    }

    /** A UUID token: not the nil UUID nor any other UUID of few distinct digits. */
    private static boolean uuidToken(String v) {
        return Entropy.shannon(v.replace("-", "")) >= TOKEN_MIN_ENTROPY;
    }

    private static boolean sentinelOneToken(String v) {
        return v.startsWith("eyJ") ? Jwt.hasAlgHeader(v) : Entropy.shannon(v) >= BASE64_MIN_ENTROPY;
    }

    /** A vendor's secret identified by its key and file: a literal like the generic rule's, of some length. */
    private static boolean contextualSecret(String v) {
        return v.length() >= CONTEXT_MIN_LENGTH && Values.genericSecret(new Assignment("secret", v, 0, v.length(), false))
                && HttpHeaders.hasLetterAndDigit(v);
    }

    private static boolean splunkTokenKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("token") && (lower.contains("splunk") || lower.contains("hec"));
    }

    private static boolean datadogKey(String key, List<String> kind) {
        List<String> words = KeyNames.words(key);
        boolean vendor = words.contains("dd") || words.contains("datadog") || words.stream().anyMatch(w -> w.startsWith("dd")
                && (w.endsWith("key") || w.equals("ddapi") || w.equals("ddapp")));
        return vendor && words.stream().anyMatch(w -> kind.stream().anyMatch(w::contains))
                && key.toLowerCase(Locale.ROOT).endsWith("key");
    }

    private static boolean sumoKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return (lower.endsWith("key") || lower.endsWith("secret")) && !lower.endsWith("id");
    }

    private static boolean pagerDutyApiKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return (lower.contains("token") || lower.endsWith("key")) && !routingKey(key);
    }

    private static boolean routingKey(String key) {
        return containsAny(key, List.of("routing_key", "routingkey", "routing-key", "integration_key",
                "integrationkey", "integration-key"));
    }

    private static boolean duoSecretKey(String key) {
        return containsAny(key, List.of("skey", "secret"));
    }

    private static boolean duoIntegrationKey(String key) {
        return containsAny(key, List.of("ikey", "integration_key", "integrationkey", "integration-key", "client_id",
                "clientid", "client-id"));
    }

    private static boolean mimecastKey(String key) {
        return containsAny(key, List.of("access_key", "accesskey", "secret_key", "secretkey", "app_key", "appkey",
                "client_secret", "clientsecret"));
    }

    /**
     * A PyPI token is "pypi-" and a base64url macaroon whose first field is its location:
     * version byte 2, field type 1, a length, then "pypi.org" or "test.pypi.org".
     */
    private static boolean pypiToken(String token) {
        if (token.length() < PYPI_PREFIX + PYPI_HEAD || Entropy.shannon(token) < RANDOM_MIN_ENTROPY) {
            return false;
        }
        byte[] head;
        try {
            head = Base64.getUrlDecoder().decode(token.substring(PYPI_PREFIX, PYPI_PREFIX + PYPI_HEAD));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int length = head[2];
        if (head[0] != MACAROON_VERSION || head[1] != MACAROON_LOCATION || length < 1 || 3 + length > head.length) {
            return false;
        }
        String location = new String(head, 3, length, StandardCharsets.US_ASCII);
        return location.equals("pypi.org") || location.equals("test.pypi.org");
    }
}
