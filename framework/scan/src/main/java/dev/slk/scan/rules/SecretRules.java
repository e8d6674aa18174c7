package dev.slk.scan.rules;

import dev.slk.core.findings.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The catalogue of secret rules {@code slk security-scan} applies to every text file. Specific
 * token formats come first; the generic assignment rule comes last and skips whatever a specific
 * rule already reports.
 */
public final class SecretRules {

    // Token boundaries include '+' and '/', so a token-shaped run inside a longer base64 blob
    // (an embedded image, a lock-file hash) is not taken for a token.
    /** Every key the generic rule accepts contains one of these, on the line of its value. */
    private static final List<String> GENERIC_KEYWORDS = List.of("pass", "pwd", "secret", "token", "apikey", "api_key",
            "api-key", "api.key", "privatekey", "private_key", "private-key", "private.key", "authkey", "auth_key",
            "auth-key", "auth.key");

    /** Every key naming an AWS secret access key contains one of these ({@link KeyNames#awsSecretAccessKey}). */
    private static final List<String> AWS_SECRET_KEYWORDS = List.of(
            "aws", "secret_access_key", "secretaccesskey", "secret-access-key");
    /** Every key naming an AWS session token contains one of these ({@link KeyNames#awsSessionToken}). */
    private static final List<String> AWS_SESSION_KEYWORDS = List.of(
            "session_token", "sessiontoken", "session-token", "security_token", "securitytoken", "security-token");

    private static final String BEFORE = "(?<![A-Za-z0-9_+/-])";
    private static final String AFTER = "(?![A-Za-z0-9_+/=-])";

    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile(
            "(?<![A-Za-z0-9+/])((?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16})(?![A-Za-z0-9])");
    private static final Pattern AWS_SECRET_VALUE = Pattern.compile("[A-Za-z0-9/+]{40}");
    private static final Pattern AWS_SESSION_VALUE = Pattern.compile("[A-Za-z0-9/+]{100,4096}={0,2}");
    private static final Pattern AZURE_ACCOUNT_KEY = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:AccountKey|SharedAccessKey)[ \\t]{0,3}=[ \\t]{0,3}"
                    + "([A-Za-z0-9+/]{38,200}+={0,2})(?![A-Za-z0-9+/=])");
    private static final Pattern AZURE_CLIENT_SECRET = Pattern.compile(
            "(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}+)(?![A-Za-z0-9_~.-])");
    private static final Pattern AZURE_LEGACY_VALUE = Pattern.compile("[\\x21-\\x7e]{34,40}");
    private static final Pattern GCP_API_KEY = Pattern.compile(BEFORE + "(AIza[0-9A-Za-z_-]{35})" + AFTER);
    private static final Pattern GITHUB_TOKEN = Pattern.compile(
            BEFORE + "(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})" + AFTER);
    private static final Pattern GITLAB_TOKEN = Pattern.compile(BEFORE + "(glpat-[A-Za-z0-9_-]{20,64}+)" + AFTER);
    private static final Pattern SLACK_TOKEN = Pattern.compile(
            BEFORE + "(xox[baprs]-[0-9]{1,15}+-[A-Za-z0-9-]{10,250}+)" + AFTER);
    private static final Pattern SLACK_WEBHOOK = Pattern.compile(
            "https://hooks\\.slack\\.com/services/(T[A-Z0-9]{6,12}+/B[A-Z0-9]{6,12}+/([A-Za-z0-9]{20,32}+))"
                    + "(?![A-Za-z0-9])");
    private static final Pattern JWT = Pattern.compile(
            BEFORE + "(eyJ[A-Za-z0-9_-]{5,2000}+\\.eyJ[A-Za-z0-9_-]{5,8000}+\\.[A-Za-z0-9_-]{10,2000}+)" + AFTER);

    /** Random 20-to-40 character tokens sit well above this; "aaaa..." and "abab..." below. */
    private static final double TOKEN_MIN_ENTROPY = 3.0;
    /** Random base64 of 40+ characters carries about 5 bits per character; hex at most 4. */
    private static final double BASE64_MIN_ENTROPY = 4.0;
    /** Access key ids are base32-like; even a lucky random one has more than this. */
    private static final double KEY_ID_MIN_ENTROPY = 2.5;
    private static final int AWS_KEY_ID_PREFIX = 4;
    private static final List<String> AWS_KEY_ID_PREFIXES = List.of(
            "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA");
    /** Where "8Q~" sits in a modern Azure client secret. */
    private static final int AZURE_SECRET_MARK_OFFSET = 3;
    private static final int SLACK_TOKEN_MIN_LENGTH = 30;
    /** The prefixes {@link #SLACK_TOKEN} starts with ({@code xox[baprs]-}): the rule's keywords and the detector's anchors. */
    private static final List<String> SLACK_TOKEN_PREFIXES = List.of("xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-");

    private static final List<SecretRule> CATALOGUE = build();

    private SecretRules() {
    }

    /**
     * @return every secret rule, in a fixed order, ids unique; the list is immutable
     */
    public static List<SecretRule> catalogue() {
        return CATALOGUE;
    }

    private static List<SecretRule> build() {
        SecretRule gcpServiceAccount = new SecretRule("gcp-service-account-key", Severity.CRITICAL,
                "Google Cloud service-account private key",
                "Delete the key in IAM (service accounts > keys) and use workload identity federation"
                        + " instead of key files.",
                List.of("client_email"),
                new GcpServiceAccount());
        List<SecretRule> specific = new ArrayList<>(List.of(
                new SecretRule("aws-access-key-id", Severity.HIGH,
                        "AWS access key id",
                        "Remove the key id with its secret; deactivate the key in IAM and use roles or the default"
                                + " credential chain instead.",
                        AWS_KEY_ID_PREFIXES.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList(),
                        new PatternDetector(AWS_ACCESS_KEY_ID, 1,
                                s -> Entropy.shannon(s.substring(AWS_KEY_ID_PREFIX)) >= KEY_ID_MIN_ENTROPY,
                                AWS_KEY_ID_PREFIXES)),
                new SecretRule("aws-secret-access-key", Severity.CRITICAL,
                        "AWS secret access key",
                        "Deactivate and delete the access key in IAM now, then use roles or the default credential"
                                + " chain; never commit credentials.",
                        AWS_SECRET_KEYWORDS,
                        Detectors.onAssignmentLines(
                                new AssignmentDetector(KeyNames::awsSecretAccessKey, a -> awsSecret(a.value())),
                                AWS_SECRET_KEYWORDS)),
                new SecretRule("aws-session-token", Severity.HIGH,
                        "AWS session token",
                        "Revoke the role session (IAM: revoke active sessions) and load temporary credentials at"
                                + " run time instead of storing them.",
                        AWS_SESSION_KEYWORDS,
                        Detectors.onAssignmentLines(new AssignmentDetector(KeyNames::awsSessionToken,
                                a -> AWS_SESSION_VALUE.matcher(a.value()).matches()
                                        && Entropy.shannon(a.value()) >= BASE64_MIN_ENTROPY), AWS_SESSION_KEYWORDS)),
                new SecretRule("azure-connection-string-key", Severity.CRITICAL,
                        "Azure Storage, Event Hubs or Service Bus key in a connection string",
                        "Rotate the account or shared access key, and use a managed identity or Key Vault"
                                + " reference instead of a connection string.",
                        List.of("accountkey", "sharedaccesskey"),
                        PatternDetector.anchoredIgnoringCase(AZURE_ACCOUNT_KEY, 1,
                                s -> Entropy.shannon(s) >= BASE64_MIN_ENTROPY, List.of("AccountKey", "SharedAccessKey"))),
                new SecretRule("azure-client-secret", Severity.HIGH,
                        "Azure AD (Entra ID) application client secret",
                        "Delete the secret from the app registration, create a new one and load it from Key Vault"
                                + " or use a managed identity / workload identity federation.",
                        List.of("8q~", "azure", "microsoft"),
                        azureClientSecret()),
                gcpServiceAccount,
                new SecretRule("gcp-api-key", Severity.HIGH,
                        "Google Cloud API key",
                        "Delete or regenerate the key in the Cloud console, and restrict the new one by API and"
                                + " caller.",
                        List.of("aiza"),
                        new PatternDetector(GCP_API_KEY, 1, s -> Entropy.shannon(s) >= TOKEN_MIN_ENTROPY,
                                List.of("AIza"))),
                new SecretRule("private-key", Severity.CRITICAL,
                        "Private key (PEM, OpenSSH or PGP)",
                        "Treat the key as compromised: replace it, revoke any certificate, and keep keys in a"
                                + " secret store.",
                        List.of("private key"),
                        Detectors.excluding(new PemDetector(), List.of(gcpServiceAccount))),
                new SecretRule("github-token", Severity.HIGH,
                        "GitHub token",
                        "Revoke the token in GitHub settings and use the workflow's GITHUB_TOKEN or a secret.",
                        List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                        new PatternDetector(GITHUB_TOKEN, 1, s -> Entropy.shannon(s) >= TOKEN_MIN_ENTROPY,
                                List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"))),
                new SecretRule("gitlab-token", Severity.HIGH,
                        "GitLab personal access token",
                        "Revoke the token in GitLab and use a CI/CD variable or job token.",
                        List.of("glpat-"),
                        new PatternDetector(GITLAB_TOKEN, 1, s -> Entropy.shannon(s) >= TOKEN_MIN_ENTROPY,
                                List.of("glpat-"))),
                new SecretRule("slack-token", Severity.HIGH,
                        "Slack API token",
                        "Revoke the token in the Slack app settings and load the new one from a secret store.",
                        SLACK_TOKEN_PREFIXES,
                        new PatternDetector(SLACK_TOKEN, 1, s -> s.length() >= SLACK_TOKEN_MIN_LENGTH
                                && Entropy.shannon(s) >= TOKEN_MIN_ENTROPY, SLACK_TOKEN_PREFIXES)),
                new SecretRule("slack-webhook-url", Severity.MEDIUM,
                        "Slack incoming webhook URL",
                        "Regenerate the webhook in Slack and keep its URL in a secret.",
                        List.of("hooks.slack.com"),
                        new PatternDetector(SLACK_WEBHOOK, 1,
                                s -> Entropy.shannon(s.substring(s.lastIndexOf('/') + 1)) >= TOKEN_MIN_ENTROPY,
                                List.of("hooks.slack.com"), "https://".length())),
                new SecretRule("jwt", Severity.MEDIUM,
                        "JSON Web Token",
                        "Do not commit bearer tokens; if this one is still valid, revoke its session or rotate the"
                                + " signing key.",
                        List.of("eyj"),
                        Detectors.excluding(new PatternDetector(JWT, 1, Jwt::hasAlgHeader, List.of("eyJ")),
                                List.of(VendorRules.SENTINELONE))),
                new SecretRule("url-credentials", Severity.HIGH,
                        "Password in a URL",
                        "Change the password, and pass credentials separately (environment, secret store) instead"
                                + " of in the URL.",
                        List.of("://"),
                        new UrlCredentials())));
        specific.addAll(VendorRules.all());
        specific.add(new SecretRule("http-auth-header", Severity.HIGH,
                "Credential in an HTTP Authorization or API-key header (Basic, Bearer, Token, SSWS, X-API-Key, ...)",
                "Revoke the credential with the service that issued it, and pass it at run time from a secret store"
                        + " or an environment variable instead of writing it into the request.",
                HttpHeaders.KEYWORDS,
                Detectors.excluding(new HttpHeaders(), List.copyOf(specific))));
        List<SecretRule> claimers = List.copyOf(specific);
        specific.add(new SecretRule("generic-secret-assignment", Severity.MEDIUM,
                "Hard-coded password, token or API key",
                "Move the value to a secret store or environment variable and reference it; rotate it if it was"
                        + " ever real.",
                GENERIC_KEYWORDS,
                Detectors.excluding(Detectors.onAssignmentLines(
                        new AssignmentDetector(KeyNames::holdsSecret, Values::genericSecret), GENERIC_KEYWORDS), claimers)));
        return List.copyOf(specific);
    }

    private static boolean awsSecret(String v) {
        return AWS_SECRET_VALUE.matcher(v).matches() && Values.mixedCase(v)
                && Entropy.shannon(v) >= BASE64_MIN_ENTROPY;
    }

    /**
     * The modern format (three characters, "8Q~", the rest) is distinctive enough to match
     * anywhere. Older secrets are just random, so they count only under a client-secret key in a
     * file that talks about Azure, lest every OAuth client secret be called an Azure one.
     */
    private static Detector azureClientSecret() {
        Detector modern = new PatternDetector(AZURE_CLIENT_SECRET, 1, s -> Entropy.shannon(s) >= TOKEN_MIN_ENTROPY,
                List.of("8Q~"), AZURE_SECRET_MARK_OFFSET);
        Detector legacy = Detectors.whenContains(List.of("azure", "microsoft"),
                new AssignmentDetector(k -> KeyNames.clientSecret(k) || KeyNames.azureSecret(k),
                        a -> azureLegacySecret(a.value())));
        return Detectors.anyOf(List.of(modern, legacy));
    }

    private static boolean azureLegacySecret(String v) {
        return AZURE_LEGACY_VALUE.matcher(v).matches() && Values.mixedCase(v) && !Values.isUuid(v)
                && !Values.isHex(v) && !v.startsWith("GOCSPX-") && Entropy.shannon(v) >= BASE64_MIN_ENTROPY;
    }
}
