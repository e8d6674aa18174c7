#!/usr/bin/env python3
"""bench/scan-corpus.py -- reproducible corpus and scorer for bench/security-scan.sh.

  scan-corpus.py generate --out DIR [--size-mb N] [--files N] [--seed S] [--secrets N]
      Writes DIR/tree/ (the corpus to scan), DIR/manifest.tsv (every planted secret and decoy)
      and DIR/corpus.json (parameters, file count and bytes). Same arguments, same bytes.
  scan-corpus.py score --corpus DIR --tool slk|secretlint --results FILE [--details FILE]
      Reads a scanner's JSON report and prints one tab-separated line:
      found planted decoy_fp other_fp findings suppressed files_scanned bytes_scanned binary_skipped
      (the last three are "-" when the tool does not report them).

Secrets are made at run time from a seeded random generator; this file holds no realistic
secret, and every well-known prefix is put together from pieces so that a scanner run over
this repository does not report the generator itself.

manifest.tsv columns: kind (secret|decoy), family, path (relative to tree/, '/' separators),
line, end_line (1-based; end_line > line only for multi-line secrets such as PEM blocks).
A finding matches a planted secret when it is on the same path and on a line in
[line, end_line]; any other finding is a false positive, counted once per (path, line).
Python standard library only.
"""

import argparse
import base64
import json
import os
import random
import string
import sys
import uuid
from collections import defaultdict

MB = 1_000_000

# ---------------------------------------------------------------- secret pieces (never whole)
P_AWS = "AK" + "IA"
P_GITHUB = "gh" + "p_"
P_GITLAB = "gl" + "pat-"
P_SLACK_BOT = "xo" + "xb-"
P_SLACK_HOOK = "https://hooks." + "slack.com/services/"
P_GCP = "AI" + "za"
P_PEM_BEGIN = "-----BEGIN " + "RSA PRIVATE" + " KEY-----"
P_PEM_END = "-----END " + "RSA PRIVATE" + " KEY-----"
P_AZURE = "DefaultEndpoints" + "Protocol=https;AccountName="
AWS_DOC_EXAMPLE_ID = P_AWS + "IOSFODNN7" + "EXAMPLE"
AWS_DOC_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCY" + "EXAMPLEKEY"

UPPER_ALNUM = string.ascii_uppercase + string.digits
ALNUM = string.ascii_letters + string.digits
B64 = string.ascii_letters + string.digits + "+/"
URLSAFE = string.ascii_letters + string.digits + "_-"
PW_SYMBOLS = "!@%^&*-_+=."

WORDS = (
    "order customer invoice payment account ledger shipment product catalog price tenant "
    "region bucket event stream record batch report metric alert rule policy session user "
    "profile address contact channel message queue topic partition offset cursor page filter "
    "schema table column index cache lease lock worker task job schedule window quota limit "
    "budget audit finding resource module source tracker mapping transform parser writer reader "
    "client server request response header status result summary detail item entry node graph"
).split()
# No "target", "node_modules", "cdk.out" or ".git": slk skips directories of those names as build
# output or dependencies, and paths are made from these words, so the tools would not scan the same
# files.
VERBS = "get find load save update delete create build parse render sync validate compute merge".split()
TYPES = "String Integer Long Order Customer Invoice Account Event Record Report Metric Result".split()
LEVELS = ["INFO", "INFO", "INFO", "DEBUG", "DEBUG", "WARN", "ERROR"]


def cap(w):
    return w[:1].upper() + w[1:]


def rand_str(rng, alphabet, n):
    return "".join(rng.choices(alphabet, k=n))


def b64(data):
    return base64.b64encode(data).decode("ascii")


def b64url(data):
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


# ---------------------------------------------------------------- secret values
def v_aws_id(rng):
    return P_AWS + rand_str(rng, UPPER_ALNUM, 16)


def v_aws_secret(rng):
    return rand_str(rng, B64, 40)


def v_github(rng):
    return P_GITHUB + rand_str(rng, ALNUM, 36)


def v_gitlab(rng):
    return P_GITLAB + rand_str(rng, URLSAFE, 20)


def v_slack_token(rng):
    return (P_SLACK_BOT + rand_str(rng, string.digits, rng.randint(10, 13)) + "-"
            + rand_str(rng, string.digits, rng.randint(10, 13)) + "-" + rand_str(rng, ALNUM, 24))


def v_slack_webhook(rng):
    return (P_SLACK_HOOK + "T" + rand_str(rng, UPPER_ALNUM, rng.randint(8, 10)) + "/B"
            + rand_str(rng, UPPER_ALNUM, rng.randint(8, 10)) + "/" + rand_str(rng, ALNUM, 24))


def v_gcp(rng):
    return P_GCP + rand_str(rng, URLSAFE, 35)


def v_azure(rng):
    account = rng.choice(WORDS) + rng.choice(WORDS) + str(rng.randint(1, 99))
    return (P_AZURE + account + ";AccountKey=" + b64(rng.randbytes(64))
            + ";EndpointSuffix=core.windows.net")


def v_url_creds(rng):
    scheme, port = rng.choice([("postgres", 5432), ("postgresql", 5432), ("mysql", 3306)])
    user = rng.choice(["user", "app", "svc_orders", "reporting"])
    return f"{scheme}://{user}:{rand_str(rng, ALNUM, 16)}@db.internal:{port}/app"


def v_password(rng):
    while True:
        pw = rng.choice(ALNUM) + rand_str(rng, ALNUM + PW_SYMBOLS, 19)
        if (any(c.isupper() for c in pw) and any(c.islower() for c in pw)
                and any(c.isdigit() for c in pw) and any(c in PW_SYMBOLS for c in pw)):
            return pw


def v_jwt(rng):
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = {"sub": str(rng.randint(10**6, 10**9)), "name": cap(rng.choice(WORDS)),
               "iat": rng.randint(1_600_000_000, 1_750_000_000)}
    body = b64url(json.dumps(payload, separators=(",", ":")).encode())
    return header + "." + body + "." + b64url(rng.randbytes(32))


def v_pem_lines(rng):
    der = bytes([0x30, 0x82, 0x04, 0xA4, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00])
    body = b64(der + rng.randbytes(1180))
    return [P_PEM_BEGIN] + [body[i:i + 64] for i in range(0, len(body), 64)] + [P_PEM_END]


# ---------------------------------------------------------------- decoy values
def d_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def d_sha(rng):
    return rng.randbytes(20).hex()


def d_png_data_uri(rng):
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(rng.randint(80, 500)))
    return "data:image/png;base64," + b64(png)


def d_integrity(rng):
    return "sha512-" + b64(rng.randbytes(64))


# ---------------------------------------------------------------- a block of lines
# A block is (text, nlines, tags); text ends with "\n"; tags are (first_offset, last_offset,
# kind, family) with offsets in lines from the block start.
def block(lines, tags=()):
    return ("".join(line + "\n" for line in lines), len(lines), tuple(tags))


def tagged(kind, family, lines):
    return block(lines, [(0, len(lines) - 1, kind, family)])


# ---------------------------------------------------------------- planted secrets by file kind
FAMILIES = [
    "aws", "github-token", "gitlab-token", "slack-token", "slack-webhook", "private-key",
    "jwt", "gcp-api-key", "azure-storage-key", "url-credentials", "generic-password",
]

NAMES = {  # family -> (CONST, camel, snake, dotted)
    "github-token": ("GITHUB_TOKEN", "githubToken", "github_token", "github.token"),
    "gitlab-token": ("GITLAB_TOKEN", "gitlabToken", "gitlab_token", "gitlab.token"),
    "slack-token": ("SLACK_BOT_TOKEN", "slackBotToken", "slack_bot_token", "slack.bot-token"),
    "slack-webhook": ("SLACK_WEBHOOK_URL", "slackWebhookUrl", "slack_webhook_url", "slack.webhook-url"),
    "gcp-api-key": ("GOOGLE_MAPS_API_KEY", "googleMapsApiKey", "google_maps_api_key", "google.maps.api-key"),
    "azure-storage-key": ("AZURE_STORAGE_CONNECTION_STRING", "azureStorageConnectionString",
                          "azure_storage_connection_string", "azure.storage.connection-string"),
    "url-credentials": ("DATABASE_URL", "databaseUrl", "database_url", "spring.datasource.url"),
    "generic-password": ("DB_PASSWORD", "password", "password", "db.password"),
    "jwt": ("API_JWT", "authToken", "auth_token", "api.auth-token"),
}
VALUE = {
    "github-token": v_github, "gitlab-token": v_gitlab, "slack-token": v_slack_token,
    "slack-webhook": v_slack_webhook, "gcp-api-key": v_gcp, "azure-storage-key": v_azure,
    "url-credentials": v_url_creds, "generic-password": v_password, "jwt": v_jwt,
}
COMPAT = {
    "aws": ["env", "properties", "yaml", "py", "java"],
    "github-token": ["java", "py", "js", "ts", "yaml", "env", "json", "log", "minjs"],
    "gitlab-token": ["yaml", "env", "py", "json", "properties"],
    "slack-token": ["py", "js", "env", "yaml", "log"],
    "slack-webhook": ["yaml", "json", "py", "ts", "env", "minjs"],
    "private-key": ["yaml", "py", "java", "json"],
    "jwt": ["ts", "js", "log", "json", "yaml", "minjs"],
    "gcp-api-key": ["js", "ts", "json", "properties", "yaml", "minjs"],
    "azure-storage-key": ["properties", "json", "env", "yaml", "java"],
    "url-credentials": ["yaml", "env", "properties", "py", "java", "log"],
    "generic-password": ["yaml", "env", "java", "properties", "py"],
}


def log_prefix(rng, level="DEBUG"):
    return (f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.{rng.randint(0, 999):03d}Z {level:<5} "
            f"[worker-{rng.randint(1, 16)}] c.a.{rng.choice(WORDS)}.{cap(rng.choice(WORDS))}Service - ")


def yaml_scalar(v):
    return v if v[:1].isalnum() and ": " not in v and " #" not in v else '"' + v + '"'


def secret_block(rng, family, kind):
    """Returns a block holding one planted secret (two for aws), for a file of this kind."""
    if family == "aws":
        kid, sec = v_aws_id(rng), v_aws_secret(rng)
        lines = {
            "env": [f"AWS_ACCESS_KEY_ID={kid}", f"AWS_SECRET_ACCESS_KEY={sec}"],
            "properties": [f"aws_access_key_id = {kid}", f"aws_secret_access_key = {sec}"],
            "yaml": [f"aws_access_key_id: {kid}", f"aws_secret_access_key: {yaml_scalar(sec)}"],
            "py": [f'aws_access_key_id = "{kid}"', f'aws_secret_access_key = "{sec}"'],
            "java": [f'    private static final String AWS_ACCESS_KEY_ID = "{kid}";',
                     f'    private static final String aws_secret_access_key = "{sec}";'],
        }[kind]
        return block(lines, [(0, 0, "secret", "aws-access-key-id"), (1, 1, "secret", "aws-secret-access-key")])
    if family == "private-key":
        pem = v_pem_lines(rng)
        if kind == "yaml":
            return tagged("secret", family, ["tls_private_key: |"] + ["  " + x for x in pem])
        if kind == "py":
            return tagged("secret", family, ['PRIVATE_KEY = """' + pem[0]] + pem[1:] + ['"""'])
        if kind == "java":
            return tagged("secret", family, ['    private static final String PRIVATE_KEY = """']
                          + ["            " + x for x in pem] + ['            """;'])
        # json: one line, escaped newlines, as in a service account key file
        return tagged("secret", family, ['  "private_key": "' + "\\n".join(pem) + '\\n",'])
    v = VALUE[family](rng)
    const, camel, snake, dotted = NAMES[family]
    if kind == "java":
        line = (f'    private String password = "{v}";' if family == "generic-password"
                else f'    private static final String {const} = "{v}";')
    elif kind == "py":
        line = f'{snake if family == "generic-password" else const} = "{v}"'
    elif kind == "js":
        line = f'const {camel} = "{v}";'
    elif kind == "ts":
        line = f'export const {camel}: string = "{v}";'
    elif kind == "yaml":
        line = f"{snake}: {yaml_scalar(v)}"
    elif kind == "json":
        line = f'  "{camel}": "{v}",'
    elif kind == "env":
        line = f"{const}={v}"
    elif kind == "properties":
        line = f"{dotted}={v}"
    elif kind == "log":
        msg = {
            "github-token": f"GitHubClient using token {v} for org acme",
            "slack-token": f"posting alert to #ops with token={v}",
            "jwt": f"outgoing request headers: Authorization: Bearer {v}",
            "url-credentials": f"connecting to {v} (pool size 10)",
        }[family]
        line = log_prefix(rng) + msg
    else:
        raise ValueError(kind)
    return tagged("secret", family, [line])


def minjs_secret_snippet(rng, family):
    v = VALUE[family](rng)
    camel = NAMES[family][1]
    return rng.choice([f'var {camel}="{v}";', f'{camel}:"{v}",', f'headers:{{"X-Token":"{v}"}},'])


# ---------------------------------------------------------------- filler pools
def java_block(rng):
    w, w2, t, t2 = rng.choice(WORDS), rng.choice(WORDS), rng.choice(TYPES), rng.choice(TYPES)
    v = rng.choice(VERBS)
    n = rng.randint(1, 5000)
    choice = rng.randrange(6)
    if choice == 0:
        lines = [f"    /** {cap(v)}s the {w} of the given {w2}. */",
                 f"    public {t} {v}{cap(w)}({t2} {w2}) {{",
                 f"        if ({w2} == null) {{",
                 f'            throw new IllegalArgumentException("{w2} must not be null");',
                 "        }",
                 f"        {t} result = {w}Repository.find{cap(w)}({w2}.getId());",
                 f'        log.debug("{v} {w} {{}} took {{}} ms", {w2}, {n});',
                 "        return result;", "    }", ""]
    elif choice == 1:
        lines = [f"    private final Map<String, {t}> {w}By{cap(w2)} = new HashMap<>();", ""]
    elif choice == 2:
        lines = [f"    List<{t}> {v}All{cap(w)}s(int limit) {{",
                 f"        List<{t}> out = new ArrayList<>(limit);",
                 f"        for (Map.Entry<String, {t}> entry : {w}Cache.entrySet()) {{",
                 "            String key = entry.getKey();",
                 f'            if (key.startsWith("{w2}-") && out.size() < limit) {{',
                 "                out.add(entry.getValue());", "            }", "        }",
                 "        return out;", "    }", ""]
    elif choice == 3:
        lines = [f"    // The {w} tokenizer splits on commas; the cache key is the {w2} id.",
                 f"    private static int hash{cap(w)}(String {w2}) {{",
                 f"        return Objects.hash({w2}, {n}, \"{w}\");", "    }", ""]
    elif choice == 4:
        lines = ["    @Override", "    public String toString() {",
                 f'        return "{cap(w)}[" + {w}Id + ", {w2}=" + {w2} + "]";', "    }", ""]
    else:
        lines = [f"    void rotate{cap(w)}Secret(SecretsClient secrets, String secretArn) {{",
                 f"        // users must rotate the password every {n % 90 + 1} days",
                 f"        secrets.rotate(secretArn, Duration.ofDays({n % 90 + 1}));", "    }", ""]
    return block(lines)


def java_decoy(rng):
    c = rng.randrange(4)
    if c == 0:
        return tagged("decoy", "uuid", [f'    private static final String DEFAULT_TENANT_ID = "{d_uuid(rng)}";'])
    if c == 1:
        return tagged("decoy", "git-sha", [f'    static final String BUILD_COMMIT = "{d_sha(rng)}";'])
    if c == 2:
        return tagged("decoy", "placeholder-env-ref",
                      ['    private final String password = System.getenv("DB_PASSWORD");'])
    return tagged("decoy", "placeholder-aws-example",
                  [f'    private static final String EXAMPLE_ACCESS_KEY = "{AWS_DOC_EXAMPLE_ID}";'])


def py_block(rng):
    w, w2, v = rng.choice(WORDS), rng.choice(WORDS), rng.choice(VERBS)
    n = rng.randint(1, 5000)
    c = rng.randrange(4)
    if c == 0:
        lines = [f"def {v}_{w}({w2}, limit={n % 100 + 1}):",
                 f'    """{cap(v)} the {w} records of a {w2}."""',
                 f"    if {w2} is None:",
                 f'        raise ValueError("{w2} is required")',
                 f"    rows = db.query({cap(w)}).filter_by({w2}_id={w2}.id).limit(limit)",
                 f'    log.debug("%s rows for %s", len(rows), {w2})',
                 "    return [row.to_dict() for row in rows]", "", ""]
    elif c == 1:
        lines = [f"class {cap(w)}{cap(w2)}:", f"    def __init__(self, {w}, {w2}):",
                 f"        self.{w} = {w}", f"        self.{w2} = {w2}",
                 f"        self.cache_key = f\"{w}:{{{w2}}}\"", "", ""]
    elif c == 2:
        lines = [f"{w.upper()}_{w2.upper()}_LIMIT = {n}", ""]
    else:
        lines = [f"def tokenize_{w}(text):", "    tokens = text.split(',')",
                 "    return [t.strip() for t in tokens if t]", "", ""]
    return block(lines)


def py_decoy(rng):
    c = rng.randrange(4)
    if c == 0:
        return tagged("decoy", "uuid", [f'NAMESPACE_ID = uuid.UUID("{d_uuid(rng)}")'])
    if c == 1:
        return tagged("decoy", "placeholder-changeme",
                      ['password = os.environ.get("DB_PASSWORD", "changeme")'])
    if c == 2:
        return tagged("decoy", "placeholder-aws-example",
                      [f'AWS_ACCESS_KEY_ID = "{AWS_DOC_EXAMPLE_ID}"  # the example id from the AWS docs'])
    return tagged("decoy", "git-sha", [f'BUILD_COMMIT = "{d_sha(rng)}"'])


def js_block(rng, ts):
    w, w2, v = rng.choice(WORDS), rng.choice(WORDS), rng.choice(VERBS)
    n = rng.randint(1, 5000)
    typ = f": {cap(w)}" if ts else ""
    c = rng.randrange(4)
    if c == 0:
        lines = [f"export async function {v}{cap(w)}({w2}{': string' if ts else ''}){': Promise<' + cap(w) + '>' if ts else ''} {{",
                 f"  const res = await fetch(`/api/{w}s/${{{w2}}}`);",
                 "  if (!res.ok) {", f"    throw new Error(`{v} {w} failed: ${{res.status}}`);", "  }",
                 f"  const body{typ} = await res.json();", "  return body;", "}", ""]
    elif c == 1:
        lines = [f"const {w}Keys = Object.keys({w2}Map).filter((key) => key.length > {n % 10});", ""]
    elif c == 2:
        lines = [f"export const {w.upper()}_{w2.upper()}_TIMEOUT_MS = {n};", ""]
    else:
        lines = [f"function render{cap(w)}(props{': Props' if ts else ''}) {{",
                 f"  return `<div class=\"{w}\">${{props.{w2}}}</div>`;", "}", ""]
    return block(lines)


def js_decoy(rng):
    c = rng.randrange(3)
    if c == 0:
        return tagged("decoy", "data-uri-png", [f'const ICON_{rng.choice(WORDS).upper()} = "{d_png_data_uri(rng)}";'])
    if c == 1:
        return tagged("decoy", "uuid", [f'const tenantId = "{d_uuid(rng)}";'])
    return tagged("decoy", "placeholder-replace",
                  ['const apiKey = process.env.API_KEY ?? "REPLACE_WITH_API_KEY";'])


def yaml_block(rng):
    w, w2 = rng.choice(WORDS), rng.choice(WORDS)
    n = rng.randint(1, 5000)
    c = rng.randrange(3)
    if c == 0:
        lines = [f"{w}_{w2}:", "  enabled: true", f"  replicas: {n % 7 + 1}",
                 f"  image: acme/{w}-{w2}:1.{n % 30}.{n % 11}", f"  timeout: {n % 60 + 1}s",
                 f"  host: ${{{w.upper()}_HOST}}", ""]
    elif c == 1:
        lines = [f"{w}:", f"  - name: {w2}", f"    port: {8000 + n % 1000}",
                 f"    path: /api/{w2}", f"  - name: {w2}-admin", f"    port: {9000 + n % 1000}", ""]
    else:
        lines = [f"# {cap(w)} settings for the {w2} service; the token cache key is the {w2} id.",
                 f"{w}_retention_days: {n % 400}", ""]
    return block(lines)


def yaml_decoy(rng):
    c = rng.randrange(6)
    if c == 0:
        return tagged("decoy", "placeholder-changeme", ["password: changeme"])
    if c == 1:
        return tagged("decoy", "placeholder-env-ref", ["password: ${DB_PASSWORD}"])
    if c == 2:
        return tagged("decoy", "placeholder-replace", ["api_key: REPLACE_WITH_API_KEY"])
    if c == 3:
        return tagged("decoy", "git-sha", [f"commit: {d_sha(rng)}"])
    if c == 4:
        return tagged("decoy", "uuid", [f"tenant_id: {d_uuid(rng)}"])
    return tagged("decoy", "placeholder-env-ref",
                  ["database_url: postgres://app:${DB_PASSWORD}@db.internal:5432/app"])


def json_block(rng):
    w, w2 = rng.choice(WORDS), rng.choice(WORDS)
    n = rng.randint(1, 5000)
    if rng.randrange(2):
        return block([f'  "{w}{cap(w2)}": {n},'])
    return block([f'  "{w}": {{', f'    "{w2}": "{w}-{w2}",', f'    "limit": {n},',
                  f'    "enabled": {"true" if n % 2 else "false"}', "  },"])


def json_decoy(rng):
    c = rng.randrange(5)
    if c == 0:
        return tagged("decoy", "uuid", [f'  "requestId": "{d_uuid(rng)}",'])
    if c == 1:
        return tagged("decoy", "git-sha", [f'  "gitCommit": "{d_sha(rng)}",'])
    if c == 2:
        return tagged("decoy", "data-uri-png", [f'  "icon": "{d_png_data_uri(rng)}",'])
    if c == 3:
        return tagged("decoy", "placeholder-changeme", ['  "password": "changeme",'])
    return tagged("decoy", "placeholder-replace", ['  "apiKey": "REPLACE_WITH_API_KEY",'])


def env_block(rng):
    w, w2 = rng.choice(WORDS), rng.choice(WORDS)
    n = rng.randint(1, 5000)
    c = rng.randrange(4)
    if c == 0:
        return block([f"{w.upper()}_{w2.upper()}_ENABLED={'true' if n % 2 else 'false'}"])
    if c == 1:
        return block([f"{w.upper()}_URL=http://{w}.internal:{8000 + n % 1000}/{w2}"])
    if c == 2:
        return block([f"# {w} settings", f"{w.upper()}_LIMIT={n}"])
    return block([f"LOG_LEVEL_{w.upper()}={rng.choice(['info', 'debug', 'warn'])}"])


def env_decoy(rng):
    c = rng.randrange(4)
    if c == 0:
        return tagged("decoy", "placeholder-changeme", ["DB_PASSWORD=changeme"])
    if c == 1:
        return tagged("decoy", "placeholder-replace", ["API_KEY=REPLACE_WITH_API_KEY"])
    if c == 2:
        return tagged("decoy", "placeholder-aws-example", [f"AWS_ACCESS_KEY_ID={AWS_DOC_EXAMPLE_ID}"])
    return tagged("decoy", "placeholder-env-ref",
                  ["DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/app"])


def properties_block(rng):
    w, w2 = rng.choice(WORDS), rng.choice(WORDS)
    n = rng.randint(1, 5000)
    c = rng.randrange(3)
    if c == 0:
        return block([f"{w}.{w2}.timeout-ms={n}"])
    if c == 1:
        return block([f"# {cap(w)} {w2}", f"{w}.{w2}.enabled={'true' if n % 2 else 'false'}"])
    return block([f"{w}.endpoint=https://{w}.internal.example:{8000 + n % 1000}/{w2}"])


def properties_decoy(rng):
    c = rng.randrange(4)
    if c == 0:
        return tagged("decoy", "placeholder-env-ref", ["db.password=${DB_PASSWORD}"])
    if c == 1:
        return tagged("decoy", "placeholder-changeme", ["db.password=changeme"])
    if c == 2:
        return tagged("decoy", "placeholder-aws-example", [f"aws.accessKeyId={AWS_DOC_EXAMPLE_ID}"])
    return tagged("decoy", "placeholder-aws-example", [f"aws.secretKey={AWS_DOC_EXAMPLE_SECRET}"])


def log_block(rng):
    w, w2 = rng.choice(WORDS), rng.choice(WORDS)
    n = rng.randint(1, 5000)
    c = rng.randrange(5)
    if c == 4:
        return block([log_prefix(rng, "ERROR") + f"failed to {rng.choice(VERBS)} {w} {n}",
                      f"java.lang.IllegalStateException: {w2} {n} is locked",
                      f"\tat com.acme.{w}.{cap(w)}Service.{rng.choice(VERBS)}({cap(w)}Service.java:{n % 400})",
                      f"\tat com.acme.{w2}.{cap(w2)}Controller.handle({cap(w2)}Controller.java:{n % 300})"])
    msg = [f"GET /api/{w}s/{n} 200 {n % 300} ms",
           f"processed {n} {w} records from {w2} partition {n % 12}",
           f"cache miss for key {w}:{n}, loading from {w2}",
           f"refreshed token for client {w}-{w2} (expires in {n % 3600} s)"][c]
    return block([log_prefix(rng, rng.choice(LEVELS)) + msg])


def log_decoy(rng):
    if rng.randrange(3):
        return tagged("decoy", "uuid", [log_prefix(rng, "INFO") + f"request_id={d_uuid(rng)} completed"])
    return tagged("decoy", "git-sha", [log_prefix(rng, "INFO") + f"deployed revision {d_sha(rng)}"])


def minjs_snippet(rng):
    w, w2 = rng.choice(WORDS), rng.choice(WORDS)
    n = rng.randint(1, 5000)
    return rng.choice([
        f"function {w[:2]}{n}(e,t){{return e.{w}===t.{w2}?{n}:-1}}",
        f"var {w[0]}{n % 97}=[\"{w}\",\"{w2}\",{n}];",
        f"{w}:function(e){{return this.{w2}(e)+{n}}},",
        f"if(!e.{w})throw new Error(\"{w2} missing\");",
        f"t.exports={{{w}:{n},{w2}:\"{w}-{w2}\"}};",
    ])


def minjs_decoy(rng):
    if rng.randrange(2):
        return "decoy", "data-uri-png", f'background:"url({d_png_data_uri(rng)})",'
    return "decoy", "uuid", f'tenant:"{d_uuid(rng)}",'


# kind -> (filler fn, decoy fn, decoy probability)
BLOCKS = {
    "java": (java_block, java_decoy, 0.02),
    "py": (py_block, py_decoy, 0.02),
    "ts": (lambda r: js_block(r, True), js_decoy, 0.02),
    "js": (lambda r: js_block(r, False), js_decoy, 0.02),
    "yaml": (yaml_block, yaml_decoy, 0.05),
    "json": (json_block, json_decoy, 0.04),
    "env": (env_block, env_decoy, 0.06),
    "properties": (properties_block, properties_decoy, 0.04),
    "log": (log_block, log_decoy, 0.01),
}

# kind -> (share of files, share of bytes, lognormal sigma, minimum bytes)
KINDS = {
    "java": (0.22, 0.20, 0.8, 800),
    "py": (0.14, 0.11, 0.8, 400),
    "ts": (0.09, 0.06, 0.8, 400),
    "js": (0.07, 0.05, 0.8, 400),
    "yaml": (0.10, 0.035, 0.7, 200),
    "json": (0.08, 0.035, 0.8, 100),
    "lock": (0.01, 0.07, 0.5, 2000),
    "minjs": (0.02, 0.15, 0.7, 5000),
    "log": (0.05, 0.20, 1.0, 1000),
    "env": (0.03, 0.005, 0.5, 100),
    "properties": (0.05, 0.015, 0.6, 100),
    "bin": (0.05, 0.04, 0.8, 256),
    "png": (0.09, 0.04, 0.8, 128),
}


# ---------------------------------------------------------------- file contents
def pool_block(rng, kind, pools):
    filler, decoy, p = BLOCKS[kind]
    if rng.random() < p:
        return decoy(rng)  # decoys are made fresh so their values vary
    pool = pools[kind]
    return pool[rng.randrange(len(pool))]


def java_header(rng, path):
    pkg = ".".join(path.split("/java/", 1)[1].split("/")[:-1])
    cls = os.path.basename(path)[:-5]
    return block([f"package {pkg};", "", "import java.time.Duration;", "import java.util.*;", "",
                  f"/** {cap(rng.choice(WORDS))} handling. */", f"public class {cls} {{",
                  f"    private static final Logger log = LoggerFactory.getLogger({cls}.class);", ""])


def headers_footers(rng, kind, path):
    if kind == "java":
        return [java_header(rng, path)], [block(["}"])]
    if kind == "py":
        return [block(['"""Generated module."""', "import logging", "import os", "import uuid", "",
                       "log = logging.getLogger(__name__)", "", ""])], []
    if kind in ("ts", "js"):
        return [block(["import { api } from './api';", ""])], []
    if kind == "yaml":
        return [block([f"# {os.path.basename(path)}", "version: 3", ""])], []
    if kind == "json":
        return [block(["{"])], [block(['  "_generated": true', "}"])]
    return [], []


def text_file(rng, kind, path, size, inserts, pools):
    """Blocks of filler up to size bytes, with the planted blocks put between blocks."""
    head, foot = headers_footers(rng, kind, path)
    body, used = [], sum(len(b[0]) for b in head + foot)
    while used < size:
        b = pool_block(rng, kind, pools)
        body.append(b)
        used += len(b[0])
    for ins in inserts:
        body.insert(rng.randint(0, len(body)), ins)
    return head + body + foot


def lock_file(rng, path, size):
    name = path.split("/")[-2]
    blocks = [block(["{", f'  "name": "{name}",', '  "version": "1.0.0",', '  "lockfileVersion": 3,',
                     '  "requires": true,', '  "packages": {'])]
    used = len(blocks[0][0])
    i = 0
    while used < size:
        pkg = f"{rng.choice(WORDS)}-{rng.choice(WORDS)}-{i}"
        ver = f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}"
        lines = [f'    "node_modules/{pkg}": {{', f'      "version": "{ver}",',
                 f'      "resolved": "https://registry.example.org/{pkg}/-/{pkg}-{ver}.tgz",',
                 f'      "integrity": "{d_integrity(rng)}",', '      "dev": true', "    },"]
        b = block(lines, [(3, 3, "decoy", "integrity-sha512")])
        blocks.append(b)
        used += len(b[0])
        i += 1
    blocks.append(block(['    "": {', f'      "name": "{name}"', "    }", "  }", "}"]))
    return blocks


def minjs_file(rng, size, secret_families):
    """A few long lines; a line holding a secret holds no decoy and no other secret."""
    line_len = max(2000, min(size, rng.choice([50_000, 120_000, 300_000, 800_000])))
    nlines = max(1, round(size / line_len), len(secret_families))
    secret_at = dict(zip(rng.sample(range(nlines), len(secret_families)), secret_families))
    blocks = []
    for li in range(nlines):
        parts, used, tags = ["!function(){"], 12, []
        target = size // nlines
        while used < target:
            if li not in secret_at and rng.random() < 0.003:
                kind, fam, s = minjs_decoy(rng)
                tags.append((0, 0, kind, fam))
            else:
                s = minjs_snippet(rng)
            parts.append(s)
            used += len(s)
        if li in secret_at:
            fam = secret_at[li]
            parts.insert(rng.randint(1, len(parts)), minjs_secret_snippet(rng, fam))
            tags = [(0, 0, "secret", fam)]
        parts.append("}();")
        blocks.append(block(["".join(parts)], tags))
    return blocks


def binary_bytes(rng, kind, size):
    if kind == "png":
        return (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(17) + b"\x00\x00\x20\x00IDAT"
                + rng.randbytes(max(0, size - 57)) + b"\x00\x00\x00\x00IEND\xaeB`\x82")
    return rng.randbytes(size)


# ---------------------------------------------------------------- layout
def plan_files(rng, n_files, total_bytes):
    kinds = list(KINDS)
    counts = {k: max(1, round(KINDS[k][0] * n_files)) for k in kinds}
    counts["java"] += n_files - sum(counts.values())
    nsvc = max(4, n_files // 250)
    services = [f"svc-{WORDS[i % len(WORDS)]}-{i:03d}" for i in range(nsvc)]
    seen = set()
    files = []
    for kind in kinds:
        n = counts[kind]
        weights = [rng.lognormvariate(0, KINDS[kind][2]) for _ in range(n)]
        share = KINDS[kind][1] * total_bytes
        scale = share / sum(weights)
        for i in range(n):
            size = max(KINDS[kind][3], int(weights[i] * scale))
            svc = rng.choice(services)
            w, w2 = rng.choice(WORDS), rng.choice(WORDS)
            path = {
                "java": f"{svc}/src/main/java/com/acme/{w}/{cap(w)}{cap(w2)}{i}.java",
                "py": f"{svc}/app/{w}/{w2}_{i}.py",
                "ts": f"{svc}/web/src/{w}/{w2}{cap(w)}{i}.ts",
                "js": f"{svc}/web/lib/{w}/{w2}-{i}.js",
                "yaml": f"{svc}/deploy/{w}/{w2}-{i}.{rng.choice(['yaml', 'yml'])}",
                "json": f"{svc}/config/{w}/{w2}-{i}.json",
                "lock": f"{svc}/web/packages/{w}-{i}/package-lock.json",
                "minjs": f"{svc}/web/dist/{w}.{i}.min.js",
                "log": f"{svc}/logs/{w}-2025-{i % 12 + 1:02d}-{i}.log",
                "env": f"{svc}/deploy/{rng.choice(['dev', 'staging', 'prod'])}-{i}/"
                       + rng.choice([".env", ".env.local", ".env.production"]),
                "properties": f"{svc}/src/main/resources/application-{w}-{i}.properties",
                "bin": f"{svc}/assets/bin/{w}-{i}.bin",
                "png": f"{svc}/assets/img/{w}-{w2}-{i}.png",
            }[kind]
            assert path not in seen, path
            seen.add(path)
            files.append({"path": path, "kind": kind, "size": size, "inserts": []})
    return files


def generate(args):
    rng = random.Random(args.seed)
    out = os.path.abspath(args.out)
    tree = os.path.join(out, "tree")
    if os.path.exists(tree) and os.listdir(tree):
        sys.exit(f"scan-corpus: {tree} exists and is not empty")
    os.makedirs(tree, exist_ok=True)
    total = int(args.size_mb * MB)
    files = plan_files(rng, args.files, total)
    pools = {k: [BLOCKS[k][0](rng) for _ in range(3000)] for k in BLOCKS}

    by_kind = defaultdict(list)
    for f in files:
        by_kind[f["kind"]].append(f)
    n_secrets = args.secrets if args.secrets else max(110, min(1000, args.files * 6 // 100))
    for i in range(n_secrets):
        family = FAMILIES[i % len(FAMILIES)]
        kind = rng.choice([k for k in COMPAT[family] if by_kind[k]])
        rng.choice(by_kind[kind])["inserts"].append(family)

    manifest = []
    nbytes = 0
    progress_every = max(1, len(files) // 10)
    for idx, f in enumerate(files):
        kind, path, size = f["kind"], f["path"], f["size"]
        full = os.path.join(tree, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if kind in ("bin", "png"):
            data = binary_bytes(rng, kind, size)
        else:
            if kind == "lock":
                blocks = lock_file(rng, path, size)
            elif kind == "minjs":
                blocks = minjs_file(rng, size, f["inserts"])
            else:
                blocks = text_file(rng, kind, path, size,
                                   [secret_block(rng, fam, kind) for fam in f["inserts"]], pools)
            line = 1
            for text, nl, tags in blocks:
                for first, last, tkind, fam in tags:
                    manifest.append((tkind, fam, path, line + first, line + last))
                line += nl
            data = "".join(b[0] for b in blocks).encode("utf-8")
        with open(full, "wb") as fh:
            fh.write(data)
        nbytes += len(data)
        if (idx + 1) % progress_every == 0:
            print(f"scan-corpus: {idx + 1}/{len(files)} files, {nbytes / MB:.0f} MB", file=sys.stderr)

    with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as fh:
        fh.write("# kind\tfamily\tpath\tline\tend_line\n")
        for row in manifest:
            fh.write("\t".join(str(x) for x in row) + "\n")
    secrets = sum(1 for m in manifest if m[0] == "secret")
    meta = {"seed": args.seed, "size_mb": args.size_mb, "files": len(files), "bytes": nbytes,
            "secrets": secrets, "decoys": len(manifest) - secrets,
            "generator": "bench/scan-corpus.py v1"}
    with open(os.path.join(out, "corpus.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=2)
        fh.write("\n")
    print(f"scan-corpus: wrote {len(files)} files, {nbytes} bytes, {secrets} planted secrets, "
          f"{len(manifest) - secrets} decoys to {out}", file=sys.stderr)


# ---------------------------------------------------------------- scoring
def load_manifest(corpus):
    secrets, decoys = [], {}
    with open(os.path.join(corpus, "manifest.tsv"), encoding="utf-8") as fh:
        for row in fh:
            if row.startswith("#"):
                continue
            kind, fam, path, line, end = row.rstrip("\n").split("\t")
            if kind == "secret":
                secrets.append((path, int(line), int(end), fam))
            else:
                for ln in range(int(line), int(end) + 1):
                    decoys[(path, ln)] = fam
    return secrets, decoys


def read_findings(tool, results, tree):
    """Returns ([(path, line, rule)], suppressed count, files_scanned, bytes_scanned, binary_skipped)."""
    with open(results, encoding="utf-8") as fh:
        doc = json.load(fh)
    out, suppressed = [], 0
    if tool == "slk":
        # The report layer's JSON (docs/REPORTS.md): location.file/line, status, facts; the
        # flat shape of earlier slk versions is still read.
        facts = doc.get("facts", doc)
        for f in doc.get("findings", []):
            if f.get("suppressed") or f.get("status", "failing") not in ("failing", "belowThreshold"):
                suppressed += 1
                continue
            where = f.get("location", f)
            out.append((where.get("file", where.get("path")), int(where["line"]), f.get("rule", "?")))
        return (out, suppressed, facts.get("filesScanned", "-"), facts.get("bytesScanned", "-"),
                facts.get("binarySkipped", "-"))
    root = os.path.realpath(tree)
    for res in doc:
        fp = res.get("filePath", "")
        rel = os.path.relpath(os.path.realpath(fp), root).replace(os.sep, "/")
        for m in res.get("messages", []):
            loc = m.get("loc") or {}
            line = (loc.get("start") or {}).get("line")
            if line is None:
                continue
            out.append((rel, int(line), m.get("ruleId", "?")))
    return out, suppressed, "-", "-", "-"


def score(args):
    corpus = os.path.abspath(args.corpus)
    secrets, decoys = load_manifest(corpus)
    findings, suppressed, files_scanned, bytes_scanned, binary_skipped = read_findings(
        args.tool, args.results, os.path.join(corpus, "tree"))
    by_path = defaultdict(list)
    for i, (path, line, end, fam) in enumerate(secrets):
        by_path[path].append((line, end, i))
    found = [False] * len(secrets)
    fp_locs = {}
    for path, line, rule in findings:
        hit = False
        for first, last, i in by_path.get(path, ()):
            if first <= line <= last:
                found[i] = True
                hit = True
        if not hit:
            fp_locs.setdefault((path, line), rule)
    decoy_fp = {loc: r for loc, r in fp_locs.items() if loc in decoys}
    other_fp = {loc: r for loc, r in fp_locs.items() if loc not in decoys}
    if args.details:
        planted_by, found_by = defaultdict(int), defaultdict(int)
        for i, s in enumerate(secrets):
            planted_by[s[3]] += 1
            found_by[s[3]] += found[i]
        decoy_by = defaultdict(int)
        for loc in decoy_fp:
            decoy_by[decoys[loc]] += 1
        rules_other = defaultdict(int)
        for r in other_fp.values():
            rules_other[r] += 1
        with open(args.details, "w", encoding="utf-8") as fh:
            for fam in sorted(planted_by):
                fh.write(f"recall\t{fam}\t{found_by[fam]}\t{planted_by[fam]}\n")
            for fam in sorted(decoy_by):
                fh.write(f"decoy\t{fam}\t{decoy_by[fam]}\n")
            for rule in sorted(rules_other):
                fh.write(f"other\t{rule}\t{rules_other[rule]}\n")
            for (path, line), rule in sorted(other_fp.items())[:5]:
                fh.write(f"example\t{path}:{line}\t{rule}\n")
            for i, s in enumerate(secrets):
                if not found[i]:
                    fh.write(f"missed\t{s[3]}\t{s[0]}:{s[1]}\n")
    print("\t".join(str(x) for x in (sum(found), len(secrets), len(decoy_fp), len(other_fp),
                                     len(findings), suppressed, files_scanned, bytes_scanned,
                                     binary_skipped)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="write a corpus")
    g.add_argument("--out", required=True)
    g.add_argument("--size-mb", type=float, default=200)
    g.add_argument("--files", type=int, default=10000)
    g.add_argument("--seed", type=int, default=20250601)
    g.add_argument("--secrets", type=int, default=0, help="planted secrets (default: 6%% of files, 110..1000)")
    s = sub.add_parser("score", help="score a scanner's JSON report against the manifest")
    s.add_argument("--corpus", required=True)
    s.add_argument("--tool", required=True, choices=["slk", "secretlint"])
    s.add_argument("--results", required=True)
    s.add_argument("--details", help="write per-family recall, decoy hits and misses here")
    args = ap.parse_args()
    if args.cmd == "generate":
        if args.files < 20 or args.size_mb <= 0:
            sys.exit("scan-corpus: --files must be at least 20 and --size-mb positive")
        generate(args)
    else:
        score(args)


if __name__ == "__main__":
    main()
