package dev.slk.scan.rules;

import static dev.slk.scan.rules.Fake.ALNUM;
import static dev.slk.scan.rules.Fake.BASE64;
import static dev.slk.scan.rules.Fake.BASE64URL;
import static dev.slk.scan.rules.Fake.DIGITS;
import static dev.slk.scan.rules.Fake.HEX;
import static dev.slk.scan.rules.Fake.UPPER_ALNUM;
import static dev.slk.scan.rules.Fake.of;

import java.util.ArrayList;
import java.util.List;

/** True positives of every rule; every secret is assembled at run time (see {@link Fake}). */
final class PositiveCases {

    private PositiveCases() {
    }

    static List<Positive> all() {
        List<Positive> all = new ArrayList<>();
        aws(all);
        azure(all);
        gcp(all);
        privateKeys(all);
        tokens(all);
        urls(all);
        generic(all);
        all.addAll(VendorCases.positives());
        return List.copyOf(all);
    }

    private static void add(List<Positive> all, String rule, String name, String secret, String before, String after) {
        all.add(new Positive(rule, name, before + secret + after, secret));
    }

    private static void aws(List<Positive> all) {
        String rule = "aws-access-key-id";
        int salt = 0;
        for (String prefix : List.of("AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA")) {
            add(all, rule, prefix + " in a credentials file", prefix + of(UPPER_ALNUM, 16, salt++),
                    "[default]\naws_access_key_id = ", "\n");
        }
        add(all, rule, "JSON from sts", "ASIA" + of(UPPER_ALNUM, 16, 9), "{\"AccessKeyId\": \"", "\"}");
        add(all, rule, "presigned URL", "AKIA" + of(UPPER_ALNUM, 16, 10),
                "https://b.s3.amazonaws.com/k?X-Amz-Credential=", "%2F20240101%2Fus-east-1%2Fs3%2Faws4_request");

        rule = "aws-secret-access-key";
        String key = of(BASE64, 40, 1);
        add(all, rule, "credentials file", key, "[default]\naws_secret_access_key = ", "\n");
        add(all, rule, ".env quoted", of(BASE64, 40, 2), "AWS_SECRET_ACCESS_KEY=\"", "\"\n");
        add(all, rule, "shell export", of(BASE64, 40, 3), "export AWS_SECRET_ACCESS_KEY=", "\n");
        add(all, rule, "sts JSON", of(BASE64, 40, 4), "{\n  \"SecretAccessKey\": \"", "\",\n}");
        add(all, rule, "YAML, aws and secret in the key", of(BASE64, 40, 5), "awsSecretKey: ", "\n");
        add(all, rule, "Java constant", of(BASE64, 40, 6), "static final String AWS_SECRET = \"", "\";");

        rule = "aws-session-token";
        add(all, rule, "credentials file", of(BASE64, 356, 1), "aws_session_token = ", "\n");
        add(all, rule, "env export", of(BASE64, 600, 2) + "==", "export AWS_SESSION_TOKEN=", "\n");
        add(all, rule, "sts JSON", of(BASE64, 420, 3), "{\"SessionToken\": \"", "\"}");
    }

    private static void azure(List<Positive> all) {
        String rule = "azure-connection-string-key";
        add(all, rule, "storage connection string", of(BASE64, 86, 1) + "==",
                "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=", ";EndpointSuffix=core.windows.net");
        add(all, rule, "service bus connection string", of(BASE64, 43, 2) + "=",
                "\"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
                        + "SharedAccessKey=", "\"");
        add(all, rule, "event hubs, entity path after the key", of(BASE64, 43, 3) + "=",
                "Endpoint=sb://hub.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=", ";EntityPath=x");

        rule = "azure-client-secret";
        String tail = ALNUM + "_~.-";
        add(all, rule, "env, modern format", of(ALNUM, 3, 1) + "8Q~" + of(tail, 34, 1), "AZURE_CLIENT_SECRET=", "\n");
        add(all, rule, "JSON, modern format", of(ALNUM, 3, 2) + "8Q~" + of(tail, 31, 2), "{\"clientSecret\": \"",
                "\"}");
        add(all, rule, "azure key, legacy format", of(ALNUM + "+/=", 34, 3), "azure_client_secret: ", "\n");
        add(all, rule, "client_secret in an Azure file", of(ALNUM + "._-[]", 40, 4),
                "authority: https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47\n"
                        + "client_secret: \"", "\"\n");
    }

    private static void gcp(List<Positive> all) {
        String body = Fake.pemBody(6, "\\n");
        all.add(new Positive("gcp-service-account-key", "service-account key file", "{\n"
                + "  \"type\": \"service_account\",\n"
                + "  \"project_id\": \"demo\",\n"
                + "  \"private_key_id\": \"" + of(HEX, 40, 1) + "\",\n"
                + "  \"private_key\": \"" + Fake.pem("PRIVATE KEY", body, "\\n") + "\\n\",\n"
                + "  \"client_email\": \"ci@demo.iam.gserviceaccount.com\"\n"
                + "}\n", body));
        String rule = "gcp-api-key";
        add(all, rule, "JS config", "AIza" + of(BASE64URL, 35, 1), "const firebaseConfig = { apiKey: \"", "\" };");
        add(all, rule, "query parameter", "AIza" + of(BASE64URL, 35, 2), "https://maps.googleapis.com/x?key=", "&q=1");
    }

    private static void privateKeys(List<Positive> all) {
        int salt = 1;
        for (String kind : List.of("", "RSA ", "DSA ", "EC ", "OPENSSH ", "ENCRYPTED ")) {
            String body = Fake.pemBody(4 + salt++, "\n");
            all.add(new Positive("private-key", (kind.isEmpty() ? "PKCS#8 " : kind) + "PEM",
                    "key.pem:\n" + Fake.pem(kind + "PRIVATE KEY", body, "\n") + "\n", body));
        }
        String pgp = "Version: GnuPG v2\n\n" + Fake.pemBody(5, "\n");
        all.add(new Positive("private-key", "PGP block", Fake.pem("PGP PRIVATE KEY BLOCK", pgp, "\n"), pgp));
        String escaped = Fake.pemBody(5, "\\n");
        all.add(new Positive("private-key", "escaped newlines in a YAML string",
                "tls:\n  key: \"" + Fake.pem("RSA PRIVATE KEY", escaped, "\\n") + "\\n\"\n", escaped));
        String crlf = Fake.pemBody(3, "\r\n");
        all.add(new Positive("private-key", "CRLF line ends", Fake.pem("EC PRIVATE KEY", crlf, "\r\n") + "\r\n", crlf));
    }

    private static void tokens(List<Positive> all) {
        int salt = 0;
        for (String prefix : List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_")) {
            add(all, "github-token", prefix, prefix + of(ALNUM, 36, salt++), "GH_TOKEN=", "\n");
        }
        add(all, "github-token", "fine-grained PAT", "github_pat_" + of(ALNUM + "_", 82), "token: \"", "\"\n");
        add(all, "gitlab-token", "PAT", "glpat-" + of(BASE64URL, 20), "GITLAB_TOKEN=", "\n");
        add(all, "gitlab-token", "PAT in a URL header", "glpat-" + of(BASE64URL, 20, 1), "-H 'PRIVATE-TOKEN: ", "'");
        add(all, "slack-token", "bot token", "xoxb-" + of(DIGITS, 12) + "-" + of(DIGITS, 13) + "-" + of(ALNUM, 24),
                "slack:\n  bot_token: ", "\n");
        add(all, "slack-token", "user token", "xoxp-" + of(DIGITS, 11, 1) + "-" + of(DIGITS, 11, 2) + "-"
                + of(DIGITS, 12, 3) + "-" + of(HEX, 32), "SLACK_TOKEN=\"", "\"");
        String hook = "T" + of(UPPER_ALNUM, 8) + "/B" + of(UPPER_ALNUM, 10) + "/" + of(ALNUM, 24);
        add(all, "slack-webhook-url", "incoming webhook", hook, "url: https://hooks.slack.com/services/", "\n");
        add(all, "jwt", "HS256 bearer token", Fake.jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"),
                "curl -H \"Authorization: Bearer ", "\" https://api.internal/");
        add(all, "jwt", "RS256 id token in JSON", Fake.jwt("{\"typ\":\"JWT\",\"alg\":\"RS256\",\"kid\":\"k1\"}"),
                "{\"id_token\": \"", "\"}");
    }

    private static void urls(List<Positive> all) {
        String rule = "url-credentials";
        add(all, rule, "postgres", of(ALNUM, 16, 1), "DATABASE_URL=postgres://app:", "@db.internal:5432/app\n");
        add(all, rule, "https git remote", "glp" + of(ALNUM, 20, 2), "url = https://oauth2:", "@git.internal/g/r.git");
        add(all, rule, "redis without user", of(ALNUM, 12, 3), "redis://:", "@cache:6379/0");
        add(all, rule, "mongodb+srv", of(ALNUM, 10, 4) + "%40" + of(DIGITS, 3), "\"mongodb+srv://admin:",
                "@cluster0.mongodb.net/db\"");
        add(all, rule, "jdbc", of(ALNUM, 12, 5), "jdbc:mysql://root:", "@localhost:3306/app");
    }

    private static void generic(List<Positive> all) {
        String rule = "generic-secret-assignment";
        int s = 0;
        add(all, rule, "YAML bare", Fake.password(s++), "db:\n  password: ", "\n");
        add(all, rule, "YAML quoted, prefixed key", Fake.password(s++), "db_password: \"", "\"\n");
        add(all, rule, "YAML single-quoted, comment after", Fake.password(s++), "secret: '", "'  # rotate yearly\n");
        add(all, rule, "JSON camelCase", Fake.password(s++), "{\"apiKey\": \"", "\"}");
        add(all, rule, "JSON hyphenated", Fake.password(s++), "{\"api-key\": \"", "\"}");
        add(all, rule, "properties dotted", Fake.password(s++), "spring.datasource.password=", "\n");
        add(all, rule, ".env upper case", Fake.password(s++), "DB_PASSWORD=", "\n");
        add(all, rule, ".env comment after", Fake.password(s++), "API_TOKEN=", " # prod\n");
        add(all, rule, "Java constant", Fake.password(s++), "private static final String API_TOKEN = \"", "\";");
        add(all, rule, "Java local", Fake.password(s++), "String password = \"", "\";");
        add(all, rule, "JS camelCase", Fake.password(s++), "const clientSecret = '", "';");
        add(all, rule, "JS field", Fake.password(s++), "this.authToken = `", "`;");
        add(all, rule, "Python", Fake.password(s++), "password = '", "'\n");
        add(all, rule, "Python keyword argument", Fake.password(s++), "connect(host=h, passwd=\"", "\")");
        add(all, rule, "shell export", Fake.password(s++), "export AUTH_TOKEN=", "\n");
        add(all, rule, "Go", Fake.password(s++), "token := \"", "\"");
        add(all, rule, "Ruby hash", Fake.password(s++), "{ :secret_key => \"", "\" }");
        add(all, rule, "command-line flag", Fake.password(s++), "mysql --user=app --password=", "\n");
        add(all, rule, "camelCase property", Fake.password(s++), "dbPassword: ", "\n");
        add(all, rule, "value suffix", Fake.password(s++), "\"SecretString\": \"", "\"");
        add(all, rule, "pwd", Fake.password(s++), "PWD=", "\n");
        add(all, rule, "private_key short value", Fake.password(s++), "private_key = \"", "\"");
        add(all, rule, "hex webhook secret", of(HEX, 40, 7), "webhook_secret: ", "\n");
        add(all, rule, "query string", Fake.password(s++).replace("+", "-"), "curl https://api/x?access_token=",
                "&scope=read\n");
        add(all, rule, "XML attribute", Fake.password(s++), "<add key=\"x\" password=\"", "\"/>");
        // Random passwords with a dot are shaped like a field path ("config.password"), but not named like one.
        add(all, rule, "YAML bare, with a dot", "Q" + of(ALNUM, 10, 31) + ".w" + of(ALNUM, 8, 32), "password: ", "\n");
        add(all, rule, "properties, with a dot", "M" + of(ALNUM, 5, 33) + ".l" + of(ALNUM, 12, 34), "db.password=", "\n");
        add(all, rule, "YAML quoted, with dots", "z" + of(ALNUM, 9, 35) + ".n" + of(ALNUM, 4, 36) + ".K" + of(ALNUM, 3, 37),
                "db_password: \"", "\"\n");
    }
}
