package dev.slk.scan.rules;

import static dev.slk.scan.rules.Fake.ALNUM;
import static dev.slk.scan.rules.Fake.BASE64;
import static dev.slk.scan.rules.Fake.BASE64URL;
import static dev.slk.scan.rules.Fake.DIGITS;
import static dev.slk.scan.rules.Fake.HEX;
import static dev.slk.scan.rules.Fake.LOWER;
import static dev.slk.scan.rules.Fake.UPPER_ALNUM;
import static dev.slk.scan.rules.Fake.of;

import java.util.ArrayList;
import java.util.List;

/**
 * Texts that must not be reported: the common look-alikes no rule may report, and each rule's
 * own near misses. Literals here are placeholders or not secret-shaped; anything that would be a
 * secret but for one detail is assembled at run time.
 */
final class NegativeCases {

    /** The smallest valid PNG, as embedded in HTML and CSS. */
    static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAC"
            + "hwGA60e6kgAAAABJRU5ErkJggg==";

    private NegativeCases() {
    }

    /** @return look-alikes no rule may report; {@link Negative#rule()} is "*" */
    static List<Negative> common() {
        List<Negative> all = new ArrayList<>();
        all.add(any("UUIDs", """
                {"requestId": "123e4567-e89b-12d3-a456-426614174000",
                 "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                 "authority": "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47",
                 "token": "9b2d7c1e-4f3a-4e8b-9c6d-2a1b3c4d5e6f",
                 "client_secret": "0f8fad5b-d9cb-469f-a165-70867728950e"}
                AZURE_TENANT_ID=72f988bf-86f1-41af-91ab-2d7cd011db47
                """));
        all.add(any("git SHAs", """
                commit: 4b825dc642cb6eb9a060e54bf8d69288fbee4904
                "sha": "e83c5163316f89bfbde7d9ab23ca2e25604af290",
                ref: 3f786850e387550fdab836ed7e6dc881de23001b
                aws_secret_access_key = 0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33
                https://github.com/org/repo/commit/4b825dc642cb6eb9a060e54bf8d69288fbee4904
                """));
        all.add(any("base64 images", "<img src=\"" + PNG + "\">\n.logo { background: url(" + PNG + "); }\n"
                + "icon: data:image/png;base64," + of(BASE64, 3000) + "\n"
                + "\"avatar\": \"data:image/jpeg;base64," + of(BASE64, 1200, 1) + "\"\n"));
        all.add(any("lock-file hashes", """
                "node_modules/lodash": {
                  "version": "4.17.21",
                  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",
                  "integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg=="
                }
                lodash@^4.17.21:
                  version "4.17.21"
                  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#679591c564c3bffaae8454cf0b3df370c3d6911c"
                  integrity sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==
                golang.org/x/text v0.3.7 h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=
                checksum = "e8b0c8f2a6b2e5c4d1f3a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7"
                """ + "\"integrity\": \"sha384-" + of(BASE64, 64) + "\"\n"));
        all.add(any("placeholders", """
                password: <your-password>
                db_password: ${DB_PASSWORD}
                api_key: "{{ api_key }}"
                secret: changeme
                token: REPLACE_WITH_TOKEN
                client_secret = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
                auth_token = "PLACEHOLDER_TOKEN_VALUE"
                password = "%(db_password)s"
                api_key: dummy-api-key-1234567
                AZURE_CLIENT_SECRET=your-client-secret-here
                tenant: contoso.onmicrosoft.com
                aws_secret_access_key = YOUR_SECRET_ACCESS_KEY
                aws_session_token = <session-token>
                GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
                GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx
                SLACK_BOT_TOKEN=xoxb-your-bot-token
                SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX
                GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
                DATABASE_URL=postgres://user:${DB_PASSWORD}@db:5432/app
                DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=<account-key>;EndpointSuffix=core.windows.net
                Authorization: Bearer ***
                token: example-token-value
                -----BEGIN RSA PRIVATE KEY-----
                ...
                -----END RSA PRIVATE KEY-----
                """));
        all.add(any("AWS documentation keys", """
                [default]
                aws_access_key_id = AKIAIOSFODNN7EXAMPLE
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                {"AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
                export AWS_ACCESS_KEY_ID=AKIAI44QH8DHBEXAMPLE
                export AWS_SECRET_ACCESS_KEY=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
                """));
        all.add(any("code that reads secrets", """
                password = os.environ["DB_PASSWORD"]
                token = os.getenv("API_TOKEN")
                String password = System.getenv("DB_PASSWORD");
                const token = process.env.API_TOKEN;
                apiKey: ${API_KEY}
                secret = config.get("secret")
                password: !Ref DbPassword
                client_secret: "{{resolve:secretsmanager:prod/app:SecretString:client_secret}}"
                MasterUserPassword: !Sub "{{resolve:secretsmanager:${Secret}}}"
                token = self.token
                password = getPassword();
                export TOKEN=$(cat /run/secrets/token)
                AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
                """));
        all.add(any("names of secrets", """
                secretName: prod/db/credentials
                tokenArn: arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf
                password_file: /run/secrets/db_password
                secret_ref: vault-db-credentials-2024
                passwordPolicy: Str0ngPolicy2024x
                token_url: https://login.example.org/oauth2/v2.0/token
                max_tokens: 4096
                password_length: 32
                tokenType: Bearer
                """));
        all.add(any("ordinary configuration", """
                version: "3.8"
                image: nginx:1.25.3-alpine
                url: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
                remote: ssh://git@github.com/org/repo.git
                health: http://localhost:8080/actuator/health?x=1
                password: true
                token: 1234567890
                password: aaaaaaaaaaaaaaa
                secret: ''
                """));
        return List.copyOf(all);
    }

    private static Negative any(String name, String text) {
        return new Negative("*", name, text);
    }

    /** @return near misses of each rule */
    static List<Negative> specific() {
        List<Negative> all = new ArrayList<>();
        aws(all);
        azure(all);
        gcp(all);
        privateKeys(all);
        tokens(all);
        urls(all);
        generic(all);
        all.addAll(VendorCases.negatives());
        return List.copyOf(all);
    }

    private static void aws(List<Negative> all) {
        String rule = "aws-access-key-id";
        all.add(new Negative(rule, "15 characters", "id: AKIA" + of(UPPER_ALNUM, 15) + "\n"));
        all.add(new Negative(rule, "17 characters", "id: AKIA" + of(UPPER_ALNUM, 17) + "\n"));
        all.add(new Negative(rule, "lower case", "id: akia" + of(LOWER + DIGITS, 16) + "\n"));
        all.add(new Negative(rule, "unknown prefix", "id: AKIB" + of(UPPER_ALNUM, 16) + "\n"));
        all.add(new Negative(rule, "inside a base64 run", "blob: " + of(BASE64, 50) + "AKIA" + of(UPPER_ALNUM, 16)
                + of(BASE64, 50, 1) + "\n"));
        all.add(new Negative(rule, "one repeated character", "id: AKIA0000000000000000\n"));
        all.add(new Negative(rule, "placeholder", "aws_access_key_id = AKIAXXXXXXXXXXXXXXXX\n"));

        rule = "aws-secret-access-key";
        all.add(new Negative(rule, "39 characters", "aws_secret_access_key = " + of(BASE64, 39) + "\n"));
        all.add(new Negative(rule, "41 characters", "aws_secret_access_key = " + of(BASE64, 41) + "\n"));
        all.add(new Negative(rule, "key names neither aws nor secret", "signature = " + of(BASE64, 40) + "\n"));
        all.add(new Negative(rule, "hex digest", "aws_secret_access_key = " + of(HEX, 40) + "\n"));
        all.add(new Negative(rule, "single case", "aws_secret_access_key = " + of(LOWER + DIGITS + "/+", 40) + "\n"));
        all.add(new Negative(rule, "UUID", "aws_secret_access_key = 123e4567-e89b-12d3-a456-426614174000\n"));

        rule = "aws-session-token";
        all.add(new Negative(rule, "too short", "aws_session_token = " + of(BASE64, 60) + "\n"));
        all.add(new Negative(rule, "hex", "aws_session_token = " + of(HEX, 200) + "\n"));
        all.add(new Negative(rule, "other key", "aws_region_blob = " + of(BASE64, 300) + "\n"));
        all.add(new Negative(rule, "duration", "sessionTokenDuration: 3600\n"));
    }

    private static void azure(List<Negative> all) {
        String rule = "azure-connection-string-key";
        all.add(new Negative(rule, "short key", "AccountName=a;AccountKey=" + of(BASE64, 30) + ";"));
        all.add(new Negative(rule, "hex key", "AccountName=a;AccountKey=" + of(HEX, 88) + ";"));
        all.add(new Negative(rule, "reference", "Endpoint=sb://ns/;SharedAccessKeyName=Root;SharedAccessKey=${SB_KEY}"));
        all.add(new Negative(rule, "key name only", "SharedAccessKeyName=RootManageSharedAccessKey\n"));
        all.add(new Negative(rule, "development storage", "AzureWebJobsStorage=UseDevelopmentStorage=true\n"));

        rule = "azure-client-secret";
        String tail = ALNUM + "_~.-";
        all.add(new Negative(rule, "modern, tail too short", "s: " + of(ALNUM, 3) + "8Q~" + of(tail, 30) + "\n"));
        all.add(new Negative(rule, "modern, tail too long", "s: " + of(ALNUM, 3) + "8Q~" + of(tail, 35) + "\n"));
        all.add(new Negative(rule, "legacy value without Azure context", "client_secret: " + of(ALNUM, 36) + "\n"));
        all.add(new Negative(rule, "Google OAuth secret in an Azure file",
                "azure: true\nclient_secret: GOCSPX-" + of(BASE64URL, 28) + "\n"));
        all.add(new Negative(rule, "hex under an Azure key", "AZURE_CLIENT_SECRET=" + of(HEX, 40) + "\n"));
        all.add(new Negative(rule, "secret name under an Azure key",
                "azure_secret_name: projects-azure-keyvault-secret-name1\n"));
        all.add(new Negative(rule, "too short for legacy", "AZURE_CLIENT_SECRET=" + of(ALNUM, 30) + "\n"));
    }

    private static void gcp(List<Negative> all) {
        String key = "\"private_key\": \"" + Fake.pem("PRIVATE KEY", Fake.pemBody(4, "\\n"), "\\n") + "\\n\"";
        all.add(new Negative("gcp-service-account-key", "no client_email", "{" + key + "}"));
        all.add(new Negative("gcp-service-account-key", "placeholder key",
                "{\"client_email\": \"a@b\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n...\\n"
                        + "-----END PRIVATE KEY-----\\n\"}"));
        all.add(new Negative("gcp-service-account-key", "key id only",
                "{\"client_email\": \"a@b\", \"private_key_id\": \"" + of(HEX, 40) + "\"}"));
        String rule = "gcp-api-key";
        all.add(new Negative(rule, "34 characters", "key=AIza" + of(BASE64URL, 34) + "&"));
        all.add(new Negative(rule, "36 characters", "key=AIza" + of(BASE64URL, 36) + "&"));
        all.add(new Negative(rule, "inside a base64 run", of(BASE64, 40) + "AIza" + of(BASE64URL, 35) + "\n"));
    }

    private static void privateKeys(List<Negative> all) {
        String rule = "private-key";
        String body = Fake.pemBody(4, "\n");
        all.add(new Negative(rule, "public key", Fake.pem("PUBLIC KEY", body, "\n")));
        all.add(new Negative(rule, "certificate", Fake.pem("CERTIFICATE", body, "\n")));
        all.add(new Negative(rule, "no END line", "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n"));
        all.add(new Negative(rule, "END of another kind",
                "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END EC PRIVATE KEY-----\n"));
        all.add(new Negative(rule, "body too short", Fake.pem("PRIVATE KEY", "MIIBVQ==", "\n")));
        all.add(new Negative(rule, "already reported as a service-account key",
                PositiveCases.all().stream().filter(p -> p.rule().equals("gcp-service-account-key")).findFirst()
                        .orElseThrow().text()));
    }

    private static void tokens(List<Negative> all) {
        all.add(new Negative("github-token", "35 characters", "t: ghp_" + of(ALNUM, 35) + "\n"));
        all.add(new Negative("github-token", "37 characters", "t: ghp_" + of(ALNUM, 37) + "\n"));
        all.add(new Negative("github-token", "unknown prefix", "t: ghx_" + of(ALNUM, 36) + "\n"));
        all.add(new Negative("github-token", "fine-grained, 81 characters", "t: github_pat_" + of(ALNUM, 81) + "\n"));
        all.add(new Negative("gitlab-token", "19 characters", "t: glpat-" + of(BASE64URL, 19) + "\n"));
        all.add(new Negative("gitlab-token", "inside a word", "t: xglpat-" + of(BASE64URL, 20) + "\n"));
        all.add(new Negative("slack-token", "too short", "t: xoxb-123-" + of(ALNUM, 10) + "\n"));
        all.add(new Negative("slack-token", "unknown type", "t: xoxz-" + of(DIGITS, 12) + "-" + of(ALNUM, 24) + "\n"));
        String hook = "/T" + of(UPPER_ALNUM, 8) + "/B" + of(UPPER_ALNUM, 10) + "/";
        all.add(new Negative("slack-webhook-url", "other host", "https://hooks.example.com/services" + hook
                + of(ALNUM, 24)));
        all.add(new Negative("slack-webhook-url", "secret part too short", "https://hooks.slack.com/services" + hook
                + of(ALNUM, 19)));
        String payload = Fake.base64url("{\"sub\":\"4711\"}");
        all.add(new Negative("jwt", "header without alg",
                "t: " + Fake.base64url("{\"typ\":\"JWT\"}") + "." + payload + "." + of(BASE64URL, 43)));
        all.add(new Negative("jwt", "two parts", "t: " + Fake.base64url("{\"alg\":\"HS256\"}") + "." + payload));
        all.add(new Negative("jwt", "header not JSON", "t: eyJ" + of(BASE64URL, 30) + "." + payload + "."
                + of(BASE64URL, 43)));
        all.add(new Negative("jwt", "signature too short",
                "t: " + Fake.base64url("{\"alg\":\"HS256\"}") + "." + payload + "." + of(BASE64URL, 9)));
    }

    private static void urls(List<Negative> all) {
        String rule = "url-credentials";
        all.add(new Negative(rule, "user name repeated", "postgres://postgres:postgres@localhost:5432/db"));
        all.add(new Negative(rule, "documentation word", "https://user:password@git.internal/repo.git"));
        all.add(new Negative(rule, "environment reference", "https://user:$GIT_PASSWORD@git.internal/repo.git"));
        all.add(new Negative(rule, "format string", "f\"postgres://{user}:{password}@{host}/db\""));
        all.add(new Negative(rule, "printf", "String.format(\"amqp://guest:%s@%s\", pw, host)"));
        all.add(new Negative(rule, "Windows variable", "set URL=ftp://ops:%FTP_PASS%@files"));
        all.add(new Negative(rule, "user only", "ssh://git@github.com/org/repo.git"));
        all.add(new Negative(rule, "port, then @ in the path", "http://localhost:8080/users/@me"));
        all.add(new Negative(rule, "masked", "https://ci:****@git.internal/repo.git"));
        all.add(new Negative(rule, "documentation host", "new URL('https://abc:" + of(ALNUM, 12) + "@example.com')"));
        all.add(new Negative(rule, "documentation subdomain", "https://u:" + of(ALNUM, 12) + "@db.example.org/x"));
        all.add(new Negative(rule, "too short", "https://a:b@xn--g6w251d/?abc#foo"));
    }

    private static void generic(List<Negative> all) {
        String rule = "generic-secret-assignment";
        all.add(new Negative(rule, "paging cursor", "{\"NextToken\": \"" + of(BASE64, 60) + "\"}"));
        all.add(new Negative(rule, "sentence", "password: \"Enter the password you chose at sign-up\"\n"));
        all.add(new Negative(rule, "too short", "password: \"" + of(ALNUM, 7) + "\"\n"));
        all.add(new Negative(rule, "too long", "token: \"" + of(ALNUM, 201) + "\"\n"));
        all.add(new Negative(rule, "low entropy", "password: \"abcabcabcabc\"\n"));
        all.add(new Negative(rule, "masked", "\"password\": \"********\"\n"));
        all.add(new Negative(rule, "this.field", "this.password = this.password;\n"));
        all.add(new Negative(rule, "property name", "token: \"app.security.jwt.token\"\n"));
        all.add(new Negative(rule, "field path", "password = settings.DB_PASSWORD\n"));
        all.add(new Negative(rule, "field path with digits", "token = oauth2Client.accessToken\n"));
        all.add(new Negative(rule, "field path with a version", "api_key: myApp.v2Beta.token\n"));
        all.add(new Negative(rule, "field path, acronym", "secret = AWS.S3.secretKey\n"));
        all.add(new Negative(rule, "path", "private_key: ./certs/server-key.pem\n"));
        all.add(new Negative(rule, "URL", "token_endpoint_secret: https://login.internal/oauth/token\n"));
        all.add(new Negative(rule, "Key Vault reference", "password: \"@Microsoft.KeyVault(SecretUri=https://kv/)\"\n"));
        all.add(new Negative(rule, "ARN", "secret: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db\n"));
        all.add(new Negative(rule, "jasypt", "password: ENC(" + of(BASE64, 24) + ")\n"));
        all.add(new Negative(rule, "word, unquoted", "password: MySuperSecretPassword\n"));
        all.add(new Negative(rule, "expression", "String token = jwt.sign(claims, " + of(ALNUM, 12) + ");\n"));
        all.add(new Negative(rule, "integrity hash", "\"token\": \"sha512-" + of(BASE64, 86) + "==\"\n"));
        all.add(new Negative(rule, "data URI", "secret: \"" + PNG + "\"\n"));
        all.add(new Negative(rule, "public key", "public_key: " + of(BASE64, 60) + "\n"));
        all.add(new Negative(rule, "name of a secret as the value", "CHALLENGE_PASSWORD: \"challengePassword\"\n"));
        all.add(new Negative(rule, "type name", "private_key: \"_RSAPrivateKey\",\n"));
        all.add(new Negative(rule, "double separator", "API__KEY=" + Fake.password(1) + "\n"));
    }
}
