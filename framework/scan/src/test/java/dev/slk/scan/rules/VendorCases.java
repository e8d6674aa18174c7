package dev.slk.scan.rules;

import static dev.slk.scan.rules.Fake.ALNUM;
import static dev.slk.scan.rules.Fake.BASE64URL;
import static dev.slk.scan.rules.Fake.DIGITS;
import static dev.slk.scan.rules.Fake.HEX;
import static dev.slk.scan.rules.Fake.LOWER;
import static dev.slk.scan.rules.Fake.UPPER;
import static dev.slk.scan.rules.Fake.of;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * True positives and near misses of the vendor rules and of the HTTP header rule; every secret is
 * assembled at run time (see {@link Fake}).
 */
final class VendorCases {

    private VendorCases() {
    }

    static List<Positive> positives() {
        List<Positive> all = new ArrayList<>();
        identityAndEdr(all);
        observability(all);
        saas(all);
        developerTools(all);
        headers(all);
        return List.copyOf(all);
    }

    static List<Negative> negatives() {
        List<Negative> all = new ArrayList<>();
        identityAndEdrMisses(all);
        observabilityMisses(all);
        saasMisses(all);
        developerToolMisses(all);
        headerMisses(all);
        return List.copyOf(all);
    }

    private static void add(List<Positive> all, String rule, String name, String secret, String before, String after) {
        all.add(new Positive(rule, name, before + secret + after, secret));
    }

    private static void miss(List<Negative> all, String rule, String name, String text) {
        all.add(new Negative(rule, name, text));
    }

    /** A random-looking token that holds letters and digits, as every real one of this length does. */
    static String token(String alphabet, int length, int salt) {
        String t = of(alphabet, length, salt);
        return t.matches(".*[0-9].*") ? t : t.substring(0, length - 1) + "7";
    }

    static String mixed(int length, int salt) {
        return "aZ" + token(ALNUM, length - 3, salt) + "5";
    }

    static String uuid(int salt) {
        String h = of(HEX, 32, salt);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20) + "-"
                + h.substring(20);
    }

    static String basic(String userPassword) {
        return Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a PyPI-shaped token: a macaroon whose location field is {@code location} */
    static String pypi(String location, int salt) {
        byte[] loc = location.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[120];
        new Random(salt).nextBytes(body);
        body[0] = 2;
        body[1] = 1;
        body[2] = (byte) loc.length;
        System.arraycopy(loc, 0, body, 3, loc.length);
        return "pypi-" + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
    }

    private static void identityAndEdr(List<Positive> all) {
        add(all, "okta-api-token", "curl SSWS header", "00" + token(BASE64URL, 40, 1),
                "curl -H \"Authorization: SSWS ", "\" https://acme.okta.com/api/v1/users\n");
        add(all, "okta-api-token", ".env", "00" + token(BASE64URL, 40, 2), "OKTA_API_TOKEN=", "\n");
        add(all, "okta-api-token", "Spring property", "00" + token(BASE64URL, 40, 3), "okta.client.token: ", "\n");
        add(all, "crowdstrike-api-client-secret", "YAML pair", mixed(40, 4),
                "falcon:\n  client_id: " + of(HEX, 32, 4) + "\n  client_secret: ", "\n");
        add(all, "crowdstrike-api-client-secret", ".env pair", mixed(40, 5),
                "FALCON_CLIENT_ID=" + of(HEX, 32, 5) + "\nFALCON_CLIENT_SECRET=", "\n");
        add(all, "sentinelone-api-token", "curl ApiToken header", token(ALNUM, 80, 6),
                "curl -H 'Authorization: ApiToken ", "' https://usea1.sentinelone.net/web/api/v2.1/agents\n");
        add(all, "sentinelone-api-token", "JWT-shaped token in .env",
                Fake.jwt("{\"kid\":\"tokenSigning\",\"alg\":\"ES256\"}"), "SENTINELONE_API_TOKEN=", "\n");
        add(all, "sentinelone-api-token", "s1 key", token(ALNUM, 80, 7), "s1_api_token: \"", "\"\n");
        add(all, "google-oauth-client-secret", "YAML", "GOCSPX-" + token(BASE64URL, 28, 8), "client_secret: ", "\n");
        add(all, "google-oauth-client-secret", "client_secret.json", "GOCSPX-" + token(BASE64URL, 28, 9),
                "{\"installed\":{\"client_id\":\"4711-abc.apps.googleusercontent.com\",\"client_secret\":\"", "\"}}");
        add(all, "duo-secret-key", "Duo config", mixed(40, 10),
                "[duo]\nikey = DI" + of(UPPER + DIGITS, 18, 10) + "\nskey = ", "\napi_host = api-1a2b3c4d.duosecurity.com\n");
        add(all, "duo-secret-key", "Universal Prompt client", mixed(40, 11),
                "duo_client = duo_universal.Client(\n    client_id=\"DI" + of(UPPER + DIGITS, 18, 11)
                        + "\",\n    client_secret=\"", "\",\n    host=\"api-1a2b3c4d.duosecurity.com\")\n");
        add(all, "duo-integration-key", "Duo config", "DI" + token(UPPER + DIGITS, 18, 12),
                "[duo]\nikey = ", "\napi_host = api-1a2b3c4d.duosecurity.com\n");
        add(all, "zscaler-api-key", "ZIA API key", token(ALNUM, 16, 13), "ZIA_API_KEY=", "\n");
        add(all, "zscaler-api-key", "OneAPI client secret", token(ALNUM + "~._-", 40, 14),
                "zscaler:\n  vanity_domain: acme\n  client_secret: ", "\n");
        add(all, "palo-alto-cortex-api-key", "XDR key", token(ALNUM, 128, 15), "CORTEX_XDR_API_KEY=", "\n");
        add(all, "palo-alto-cortex-api-key", "XSOAR key", token(ALNUM, 32, 16), "xsoar_api_key: \"", "\"\n");
        add(all, "proofpoint-api-secret", ".env", token(HEX, 64, 17), "PROOFPOINT_TAP_SECRET=", "\n");
        add(all, "proofpoint-api-secret", "TAP service credential", token(HEX, 64, 18),
                "tap:\n  url: https://tap-api-v2.proofpoint.com\n  service_principal: " + uuid(18)
                        + "\n  service_secret: ", "\n");
        add(all, "mimecast-api-secret", "2.0 client secret", token(ALNUM, 32, 19), "MIMECAST_CLIENT_SECRET=", "\n");
        add(all, "mimecast-api-secret", "1.0 access key", token(BASE64URL, 86, 20),
                "mimecast:\n  base_url: https://api.services.mimecast.com\n  access_key: ", "\n");
    }

    private static void identityAndEdrMisses(List<Negative> all) {
        miss(all, "okta-api-token", "39 characters", "curl -H \"Authorization: SSWS 00" + of(BASE64URL, 39) + "\"");
        miss(all, "okta-api-token", "not starting 00", "OKTA_API_TOKEN=01" + of(BASE64URL, 40) + "\n");
        miss(all, "okta-api-token", "variable", "curl -H \"Authorization: SSWS ${OKTA_API_TOKEN}\"\n");
        miss(all, "okta-api-token", "no entropy", "Authorization: SSWS 00" + "a".repeat(40) + "\n");
        miss(all, "crowdstrike-api-client-secret", "no Falcon context", "client_secret: " + mixed(40, 1) + "\n");
        miss(all, "crowdstrike-api-client-secret", "39 characters", "falcon:\n  client_secret: " + mixed(39, 1) + "\n");
        miss(all, "crowdstrike-api-client-secret", "client id only", "falcon:\n  client_id: " + of(HEX, 32) + "\n");
        miss(all, "sentinelone-api-token", "79 characters", "Authorization: ApiToken " + of(ALNUM, 79) + "\n");
        miss(all, "sentinelone-api-token", "JWT without alg", "SENTINELONE_API_TOKEN="
                + Fake.base64url("{\"typ\":\"JWT\"}") + "." + Fake.base64url("{\"sub\":\"1\"}") + "." + of(BASE64URL, 43));
        miss(all, "sentinelone-api-token", "console URL", "sentinelone_url: https://usea1.sentinelone.net\n");
        miss(all, "google-oauth-client-secret", "27 characters", "client_secret: GOCSPX-" + of(BASE64URL, 27) + "\n");
        miss(all, "google-oauth-client-secret", "placeholder", "client_secret: GOCSPX-your-client-secret-here-xx\n");
        miss(all, "duo-secret-key", "no Duo context", "skey = " + mixed(40, 2) + "\n");
        miss(all, "duo-secret-key", "api host only", "[duo]\napi_host = api-1a2b3c4d.duosecurity.com\n");
        miss(all, "duo-integration-key", "other prefix", "[duo]\nikey = DA" + of(UPPER + DIGITS, 18) + "\napi_host = api-1a2b3c4d.duosecurity.com\n");
        miss(all, "duo-integration-key", "no Duo context", "ikey = DI" + of(UPPER + DIGITS, 18) + "\n");
        miss(all, "zscaler-api-key", "variable", "ZIA_API_KEY=${ZIA_API_KEY}\n");
        miss(all, "zscaler-api-key", "user name", "ZIA_USERNAME=admin@acme.zscalertwo.net\n");
        miss(all, "zscaler-api-key", "too short", "ZIA_API_KEY=" + token(ALNUM, 10, 3) + "\n");
        miss(all, "palo-alto-cortex-api-key", "key id", "CORTEX_XDR_API_KEY_ID=12\n");
        miss(all, "palo-alto-cortex-api-key", "31 characters", "CORTEX_XDR_API_KEY=" + token(ALNUM, 31, 4) + "\n");
        miss(all, "proofpoint-api-secret", "principal", "PROOFPOINT_TAP_PRINCIPAL=" + uuid(5) + "\n");
        miss(all, "proofpoint-api-secret", "placeholder", "PROOFPOINT_TAP_SECRET=<tap-secret>\n");
        miss(all, "mimecast-api-secret", "client id", "MIMECAST_CLIENT_ID=" + uuid(6) + "\n");
        miss(all, "mimecast-api-secret", "word", "mimecast_password: changeme\n");
    }

    private static void observability(List<Positive> all) {
        add(all, "splunk-hec-token", "curl to the collector", uuid(30),
                "curl -k https://splunk:8088/services/collector -H \"Authorization: Splunk ", "\" -d '{\"event\":1}'\n");
        add(all, "splunk-hec-token", "YAML", uuid(31), "splunk_hec_token: ", "\n");
        add(all, "splunk-hec-token", ".env", uuid(32), "HEC_TOKEN=", "\n");
        add(all, "datadog-api-key", ".env", token(HEX, 32, 33), "DD_API_KEY=", "\n");
        add(all, "datadog-api-key", "curl header", token(HEX, 32, 34),
                "curl -H \"DD-API-KEY: ", "\" https://api.datadoghq.com/api/v1/validate\n");
        add(all, "datadog-api-key", "YAML", token(HEX, 32, 35), "datadog_api_key: ", "\n");
        add(all, "datadog-app-key", ".env", token(HEX, 40, 36), "DD_APP_KEY=", "\n");
        add(all, "datadog-app-key", "curl header", token(HEX, 40, 37),
                "curl -H 'DD-APPLICATION-KEY: ", "' https://api.datadoghq.com/api/v1/dashboard\n");
        add(all, "datadog-app-key", "camelCase", token(HEX, 40, 38), "datadogApplicationKey: \"", "\"\n");
        add(all, "sumo-logic-access-key", ".env pair", mixed(64, 39),
                "SUMO_ACCESS_ID=su" + of(ALNUM, 12, 39) + "\nSUMO_ACCESS_KEY=", "\n");
        add(all, "sumo-logic-access-key", "YAML", mixed(64, 40), "sumo_access_key: \"", "\"\n");
        add(all, "sumo-logic-collector-url", ".env", token(BASE64URL, 100, 41) + "==",
                "SUMO_URL=https://endpoint4.collection.us2.sumologic.com/receiver/v1/http/", "\n");
        add(all, "sumo-logic-collector-url", "OTLP source", token(BASE64URL, 80, 42) + "==",
                "endpoint: \"https://collectors.sumologic.com/receiver/v1/otlp/", "\"\n");
        add(all, "pagerduty-api-key", "curl header", token(ALNUM + "_+-", 20, 43),
                "curl -H \"Authorization: Token token=", "\" https://api.pagerduty.com/incidents\n");
        add(all, "pagerduty-api-key", ".env", token(ALNUM + "_+-", 20, 44), "PAGERDUTY_API_TOKEN=", "\n");
        add(all, "pagerduty-integration-key", "YAML", token(HEX, 32, 45), "pagerduty:\n  routing_key: ", "\n");
        add(all, "pagerduty-integration-key", "Events API body", token(HEX, 32, 46),
                "curl https://events.pagerduty.com/v2/enqueue -d '{\"routing_key\": \"", "\", \"event_action\": \"trigger\"}'");
    }

    private static void observabilityMisses(List<Negative> all) {
        miss(all, "splunk-hec-token", "a UUID under a plain key", "token: " + uuid(1) + "\n");
        miss(all, "splunk-hec-token", "nil UUID", "Authorization: Splunk 00000000-0000-0000-0000-000000000000\n");
        miss(all, "splunk-hec-token", "collector URL", "splunk_hec_url: https://splunk:8088/services/collector\n");
        miss(all, "datadog-api-key", "31 hex digits", "DD_API_KEY=" + token(HEX, 31, 2) + "\n");
        miss(all, "datadog-api-key", "variable", "DD_API_KEY=${DD_API_KEY}\n");
        miss(all, "datadog-api-key", "application key length", "DD_API_KEY=" + token(HEX, 40, 3) + "\n");
        miss(all, "datadog-app-key", "API key length", "DD_APP_KEY=" + token(HEX, 32, 4) + "\n");
        miss(all, "datadog-app-key", "header variable", "curl -H \"DD-APPLICATION-KEY: ${DD_APP_KEY}\"\n");
        miss(all, "sumo-logic-access-key", "63 characters", "SUMO_ACCESS_KEY=" + mixed(63, 5) + "\n");
        miss(all, "sumo-logic-access-key", "access id", "SUMO_ACCESS_ID=su" + of(ALNUM, 12, 6) + "\n");
        miss(all, "sumo-logic-collector-url", "other host",
                "url: https://logs.acme.io/receiver/v1/http/" + token(BASE64URL, 100, 7) + "\n");
        miss(all, "sumo-logic-collector-url", "placeholder",
                "url: https://endpoint4.collection.sumologic.com/receiver/v1/http/<your-source-token>\n");
        miss(all, "pagerduty-api-key", "19 characters", "Authorization: Token token=" + token(ALNUM, 19, 8) + "\n");
        miss(all, "pagerduty-api-key", "variable", "curl -H \"Authorization: Token token=$PD_TOKEN\"\n");
        miss(all, "pagerduty-api-key", "routing key", "PAGERDUTY_ROUTING_KEY=" + token(ALNUM, 20, 9) + "\n");
        miss(all, "pagerduty-integration-key", "no PagerDuty context", "routing_key: " + token(HEX, 32, 10) + "\n");
        miss(all, "pagerduty-integration-key", "31 hex digits", "pagerduty:\n  routing_key: " + token(HEX, 31, 11) + "\n");
    }

    private static void saas(List<Positive> all) {
        add(all, "atlassian-api-token", ".env", "ATATT3" + token(ALNUM + "_-=", 186, 50), "JIRA_API_TOKEN=", "\n");
        add(all, "atlassian-api-token", "curl basic user", "ATATT3" + token(ALNUM + "_-", 186, 51),
                "curl -u me@acme.com:", " https://acme.atlassian.net/rest/api/3/myself\n");
        add(all, "cloudflare-api-token", ".env", token(BASE64URL, 40, 52), "CLOUDFLARE_API_TOKEN=", "\n");
        add(all, "cloudflare-api-token", "YAML", token(BASE64URL, 40, 53), "cf_api_token: \"", "\"\n");
        add(all, "cloudflare-global-api-key", ".env", token(HEX, 37, 54), "CLOUDFLARE_API_KEY=", "\n");
        add(all, "cloudflare-global-api-key", "curl header", token(HEX, 37, 55),
                "curl -H \"X-Auth-Email: me@acme.com\" -H \"X-Auth-Key: ", "\" https://api.cloudflare.com/client/v4/zones\n");
        add(all, "cloudflare-origin-ca-key", ".env", "v1.0-" + of(HEX, 24, 56) + "-" + of(HEX, 146, 56),
                "CF_ORIGIN_CA_KEY=", "\n");
        add(all, "twilio-auth-token", ".env", token(HEX, 32, 57),
                "TWILIO_ACCOUNT_SID=AC" + of(HEX, 32, 157) + "\nTWILIO_AUTH_TOKEN=", "\n");
        add(all, "twilio-auth-token", "API key secret in code", token(ALNUM, 32, 58),
                "from twilio.rest import Client\napi_secret = \"", "\"\n");
        add(all, "sendgrid-api-key", ".env", "SG." + token(BASE64URL, 22, 59) + "." + token(BASE64URL, 43, 59),
                "SENDGRID_API_KEY=", "\n");
        add(all, "openai-api-key", "project key", "sk-proj-" + token(BASE64URL, 74, 60) + "T3BlbkFJ"
                + token(BASE64URL, 74, 61), "OPENAI_API_KEY=", "\n");
        add(all, "openai-api-key", "legacy key", "sk-" + token(ALNUM, 20, 62) + "T3BlbkFJ" + token(ALNUM, 20, 63),
                "openai.api_key = \"", "\"\n");
        add(all, "anthropic-api-key", ".env", "sk-ant-api03-" + token(BASE64URL, 93, 64) + "AA", "ANTHROPIC_API_KEY=", "\n");
        add(all, "stripe-secret-key", "live secret key", "sk_live_" + token(ALNUM, 99, 65), "STRIPE_SECRET_KEY=", "\n");
        add(all, "stripe-secret-key", "restricted test key", "rk_test_" + token(ALNUM, 24, 66), "stripe.api_key = '", "'\n");
    }

    private static void saasMisses(List<Negative> all) {
        miss(all, "atlassian-api-token", "185 characters", "JIRA_API_TOKEN=ATATT3" + token(ALNUM, 185, 1) + "\n");
        miss(all, "atlassian-api-token", "placeholder", "JIRA_API_TOKEN=ATATT3xxxxxxxxxxxxxxxxxxxx\n");
        miss(all, "cloudflare-api-token", "39 characters", "CLOUDFLARE_API_TOKEN=" + token(BASE64URL, 39, 2) + "\n");
        miss(all, "cloudflare-api-token", "zone id", "CLOUDFLARE_ZONE_ID=" + token(HEX, 32, 3) + "\n");
        miss(all, "cloudflare-api-token", "no digits", "CLOUDFLARE_API_TOKEN=" + of(LOWER, 40) + "\n");
        miss(all, "cloudflare-global-api-key", "36 hex digits", "CLOUDFLARE_API_KEY=" + token(HEX, 36, 4) + "\n");
        miss(all, "cloudflare-global-api-key", "variable", "curl -H \"X-Auth-Key: $CF_API_KEY\"\n");
        miss(all, "cloudflare-origin-ca-key", "145 hex digits", "v1.0-" + of(HEX, 24) + "-" + of(HEX, 145) + "\n");
        miss(all, "twilio-auth-token", "account SID", "TWILIO_ACCOUNT_SID=AC" + of(HEX, 32, 5) + "\n");
        miss(all, "twilio-auth-token", "31 characters", "TWILIO_AUTH_TOKEN=" + token(HEX, 31, 6) + "\n");
        miss(all, "twilio-auth-token", "no Twilio context", "AUTH_TOKEN=" + token(HEX, 32, 7) + "\n");
        miss(all, "sendgrid-api-key", "21 characters in the middle",
                "SENDGRID_API_KEY=SG." + token(BASE64URL, 21, 8) + "." + token(BASE64URL, 43, 8) + "\n");
        miss(all, "sendgrid-api-key", "message field", "msg.SG.setText(text); log(msg.SG.id)\n");
        miss(all, "openai-api-key", "no marker", "OPENAI_API_KEY=sk-proj-" + token(BASE64URL, 156, 9) + "\n");
        miss(all, "openai-api-key", "19 characters before the marker",
                "OPENAI_API_KEY=sk-" + token(ALNUM, 19, 10) + "T3BlbkFJ" + token(ALNUM, 20, 10) + "\n");
        miss(all, "anthropic-api-key", "92 characters", "ANTHROPIC_API_KEY=sk-ant-api03-" + token(BASE64URL, 92, 11) + "AA\n");
        miss(all, "anthropic-api-key", "wrong ending", "ANTHROPIC_API_KEY=sk-ant-api03-" + token(BASE64URL, 93, 12) + "AB\n");
        miss(all, "stripe-secret-key", "publishable key", "STRIPE_KEY=pk_live_" + token(ALNUM, 99, 13) + "\n");
        miss(all, "stripe-secret-key", "23 characters", "STRIPE_SECRET_KEY=sk_live_" + token(ALNUM, 23, 14) + "\n");
    }

    private static void developerTools(List<Positive> all) {
        add(all, "npm-access-token", ".npmrc", "npm_" + token(ALNUM, 36, 70), "//registry.npmjs.org/:_authToken=", "\n");
        add(all, "pypi-upload-token", ".pypirc", pypi("pypi.org", 71),
                "[pypi]\n  username = __token__\n  password = ", "\n");
        add(all, "pypi-upload-token", "TestPyPI", pypi("test.pypi.org", 72), "TWINE_PASSWORD=", "\n");
        add(all, "docker-hub-token", "CI secret in a file", "dckr_pat_" + token(BASE64URL, 27, 73), "DOCKERHUB_TOKEN=", "\n");
        add(all, "vault-token", "service token", "hvs." + token(BASE64URL, 24, 74), "export VAULT_TOKEN=", "\n");
        add(all, "vault-token", "batch token", "hvb." + token(BASE64URL, 150, 75), "vault_token: ", "\n");
        add(all, "terraform-cloud-token", "credentials.tfrc", token(ALNUM, 14, 76) + ".atlasv1." + token(BASE64URL, 67, 76),
                "credentials \"app.terraform.io\" {\n  token = \"", "\"\n}\n");
    }

    private static void developerToolMisses(List<Negative> all) {
        miss(all, "npm-access-token", "35 characters", "//registry.npmjs.org/:_authToken=npm_" + token(ALNUM, 35, 1) + "\n");
        miss(all, "npm-access-token", "npm setting", "npm_config_cache=/tmp/npm-cache\n");
        miss(all, "pypi-upload-token", "other location", "TWINE_PASSWORD=" + pypi("pypi.evil.org", 2) + "\n");
        miss(all, "pypi-upload-token", "not a macaroon", "TWINE_PASSWORD=pypi-AgE" + token(BASE64URL, 120, 3) + "\n");
        miss(all, "docker-hub-token", "26 characters", "DOCKERHUB_TOKEN=dckr_pat_" + token(BASE64URL, 26, 4) + "\n");
        miss(all, "vault-token", "23 characters", "VAULT_TOKEN=hvs." + token(BASE64URL, 23, 5) + "\n");
        miss(all, "vault-token", "placeholder", "VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx\n");
        miss(all, "terraform-cloud-token", "13 characters before the marker",
                "token = \"" + token(ALNUM, 13, 6) + ".atlasv1." + token(BASE64URL, 67, 6) + "\"\n");
    }

    private static void headers(List<Positive> all) {
        String rule = "http-auth-header";
        add(all, rule, "HTTP client file, Bearer", token(BASE64URL, 40, 80),
                "GET https://api.vendor.io/v1/items\nAuthorization: Bearer ", "\nAccept: application/json\n");
        add(all, rule, "curl, Basic user:password", basic("svc-ingest:" + Fake.password(81)),
                "curl -H 'Authorization: Basic ", "' https://logs.vendor.io/api/events\n");
        add(all, rule, "Java client, Token scheme", token(HEX, 40, 82),
                "HttpRequest.newBuilder(uri).header(\"Authorization\", \"Token ", "\").build();\n");
        add(all, rule, "Python dict, X-API-Key", token(ALNUM, 32, 83), "headers = {\"X-API-Key\": \"", "\"}\n");
        add(all, rule, "JavaScript object, x-auth-token", token(BASE64URL, 36, 84),
                "fetch(url, { headers: { 'x-auth-token': '", "' } });\n");
        add(all, rule, "YAML header map", token(ALNUM, 24, 85), "headers:\n  X-Api-Key: ", "\n");
        add(all, rule, "raw credential, no scheme", token(ALNUM, 40, 86),
                "curl -H \"x-xdr-auth-id: 7\" -H \"Authorization: ", "\" https://api-acme.xdr.us.paloaltonetworks.com\n");
        add(all, rule, "Go client", token(BASE64URL, 43, 87), "req.Header.Set(\"Authorization\", \"Bearer ", "\")\n");
        add(all, rule, "proxy Basic", basic("proxy:" + Fake.password(88)), "Proxy-Authorization: Basic ", "\n");
        add(all, rule, "index assignment", token(ALNUM, 30, 89), "conn.headers[\"X-Vendor-Token\"] = \"", "\"\n");
        add(all, rule, "GitLab header, token not glpat", token(ALNUM, 20, 90),
                "curl --header \"PRIVATE-TOKEN: ", "\" https://git.acme.io/api/v4/projects\n");
    }

    private static void headerMisses(List<Negative> all) {
        String rule = "http-auth-header";
        miss(all, rule, "shell variable", "curl -H \"Authorization: Bearer $TOKEN\" https://api.vendor.io\n");
        miss(all, rule, "braced variable", "curl -H \"X-API-Key: ${API_KEY}\" https://api.vendor.io\n");
        miss(all, rule, "angle-bracket placeholder", "Authorization: Bearer <token>\n");
        miss(all, rule, "YOUR_TOKEN", "Authorization: Bearer YOUR_TOKEN\nX-API-Key: YOUR_API_KEY\n");
        miss(all, rule, "template", "Authorization: Bearer {{token}}\n");
        miss(all, rule, "documentation Basic", "Authorization: Basic " + basic("user:password") + "\n");
        miss(all, rule, "user equals password", "Authorization: Basic " + basic("admin:admin") + "\n");
        miss(all, rule, "Basic not user:password", "Authorization: Basic " + basic(of(ALNUM, 24)) + "\n");
        miss(all, rule, "concatenation", ".header(\"Authorization\", \"Bearer \" + accessToken)\n");
        miss(all, rule, "runs into a variable", "\"Authorization\": \"Bearer " + token(ALNUM, 20, 1) + "${SUFFIX}\"\n");
        miss(all, rule, "f-string", "headers = {\"Authorization\": f\"Bearer {token}\"}\n");
        miss(all, rule, "identifier", "Authorization: Bearer ACCESS_TOKEN_FROM_LOGIN\n");
        miss(all, rule, "setting", "authorization: enabled\n");
        miss(all, rule, "annotation", "@RequestHeader(\"Authorization\") String authorization\n");
        miss(all, rule, "environment name", "HTTP_AUTHORIZATION=Bearer " + token(ALNUM, 32, 2) + "\n");
        miss(all, rule, "Digest response", "Authorization: Digest username=\"u\", response=\"" + of(HEX, 32) + "\"\n");
        miss(all, rule, "AWS signature", "Authorization: AWS4-HMAC-SHA256 Credential=x/20240101/us-east-1/s3/aws4_request,"
                + " Signature=" + of(HEX, 64) + "\n");
        miss(all, rule, "anti-forgery token", "X-CSRF-Token: " + token(ALNUM, 32, 3) + "\n");
        miss(all, rule, "short token", "Authorization: Bearer " + token(ALNUM, 12, 4) + "\n");
        miss(all, rule, "not a credential header", "X-Request-Id: " + token(ALNUM, 32, 5) + "\n");
    }
}
