#!/usr/bin/env bash
# bench/event-transformer.sh -- event transformer throughput, cold start and package sizes.
#
# Usage: bench/event-transformer.sh [-n RUNS] [--skip-build]
#   -n RUNS       fresh JVMs for the cold-start figure (default 5) and warm invocations for
#                 the throughput figure (default 5, after 5 warm-ups)
#   --skip-build  use the packages and test classes already in target/
#
# 1. Throughput: one warm invocation of the handler over 1,000 SQS messages carrying 10,000
#    events (half OCSF pass-through, 30% Azure Defender alerts mapped, 20% authentications),
#    written as Parquet to S3Mock in the same JVM (ThroughputBench). Prints events/s.
# 2. Cold start: a fresh JVM per run on the Lambda package's own class path (lib/*.jar of
#    target/slk-event-transformer-*-lambda.zip, no Hadoop, no test code) runs
#    bench/ColdStartProbe.java on the function's handler: INIT (class load + constructor: env, S3
#    client, mappings) and the first invocation (one message with an Azure alert and an OCSF
#    record), against a loopback stand-in for S3 that accepts every request (python3, another
#    process). Run with the JVM defaults and with Lambda's java21 defaults
#    (-XX:+TieredCompilation -XX:TieredStopAtLevel=1). Prints median, min, max in ms.
# 3. Sizes of both Lambda packages, zipped and unzipped (the Lambda limit is 250 MB unzipped).
# JAVA_HOME, if set, selects the java. Needs no AWS account and no network after the build.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"


runs=5
build=1
while [ $# -gt 0 ]; do
  case $1 in
    -n) [ $# -ge 2 ] || die "-n needs a number" 2; runs=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
case $runs in
  '' | *[!0-9]* | 0) die "-n wants a positive whole number, got '$runs'" 2 ;;
esac

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$REPO"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
MOD=framework/event-transformer

if [ "$build" = 1 ]; then
  mvn -B -ntp -q -DskipTests -pl $MOD,framework/securityhub-processor -am package \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
fi
zip=$(ls $MOD/target/slk-event-transformer-*-lambda.zip 2>/dev/null | head -1)
[ -n "$zip" ] || die "no Lambda package in $MOD/target; run without --skip-build" 2
[ -f $MOD/target/bench.classpath ] || die "no test class path in $MOD/target; run without --skip-build" 2

echo "== throughput (warm invocation, S3Mock in-process)"
cp="$MOD/target/test-classes:$MOD/target/classes:framework/ocsf-mapping/target/classes:$(cat $MOD/target/bench.classpath)"
"$JAVA" -Xmx1g -Dlog4j2.configurationFile=log4j2-test.xml -cp "$cp" \
    dev.slk.lambda.transformer.bench.ThroughputBench 5 "$runs" 2>/dev/null

echo
echo "== cold start (fresh JVM on the Lambda package's class path)"
work=$(mktemp -d)
s3=
cleanup() { [ -z "$s3" ] || kill "$s3" 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
unzip -q "$zip" -d "$work/task"
probe_compile "$work"
ocsf='{"class_uid": 2004, "category_uid": 2, "type_uid": 200401, "activity_id": 1, "severity_id": 2,
 "time": 1741564800000, "metadata": {"version": "1.1.0", "product": {"name": "Probe", "vendor_name": "Example"}},
 "finding_info": {"uid": "cold", "title": "Cold start probe"}}'
printf '[%s,%s]' "$(cat $MOD/src/test/resources/events/azure-defender-alert.json)" "$ocsf" > "$work/body.json"
# The stand-in for S3 answers every request 200 with an ETag, reading what it is sent.
python3 - "$work/s3.port" <<'PY' 2> "$work/s3.log" &
import http.server, sys
class StandIn(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def answer(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            size = int(self.rfile.readline().split(b";")[0], 16)
            while size:
                self.rfile.read(size + 2)
                size = int(self.rfile.readline().split(b";")[0], 16)
            while self.rfile.readline() not in (b"\r\n", b""):
                pass
        else:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("ETag", '"bench"')
        self.send_header("Content-Length", "0")
        self.end_headers()
    do_PUT = do_POST = do_GET = do_HEAD = do_DELETE = answer
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
PY
s3=$!
for _ in $(seq 100); do [ -s "$work/s3.port" ] && break; sleep 0.1; done
[ -s "$work/s3.port" ] || die "the stand-in for S3 did not start: $(tail -3 "$work/s3.log")" 3
port=$(cat "$work/s3.port")
# Lambda puts short-lived credentials in the environment; the probe's stand-in for S3 ignores them.
fake=$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')
probe() {
  env -i PATH="$PATH" HOME="$work" AWS_REGION=eu-west-1 AWS_ACCESS_KEY_ID="LOCAL$fake" AWS_SECRET_ACCESS_KEY="$fake$fake" \
      SECURITY_LAKE_BUCKET=bench-lake SLK_S3_ENDPOINT_URL="http://127.0.0.1:$port" SLK_MAPPINGS_DIR="$work/none" \
      SECURITY_LAKE_SOURCES='[{"sourceName":"bench","sourceVersion":"1.0","eventClasses":["DETECTION_FINDING"]}]' \
      POWERTOOLS_SERVICE_NAME=slk-event-transformer POWERTOOLS_LOG_LEVEL=WARN \
      "$JAVA" "$@" -cp "$work/probe:$work/task/lib/*" ColdStartProbe dev.slk.lambda.transformer.EventTransformerHandler 60 \
      'batchItemFailures=[]' "$work/body.json"
}
cold_starts "$work" "$runs" "" probe

echo
echo "== Lambda packages"
for z in $MOD/target/slk-event-transformer-*-lambda.zip framework/securityhub-processor/target/slk-securityhub-processor-*-lambda.zip; do
  zipped=$(stat -c %s "$z")
  unzipped=$(unzip -l "$z" | tail -1 | awk '{print $1}')
  printf '%s: %.1f MB zipped, %.1f MB unzipped (limit 250 MB), sha256 %s\n' "$(basename "$z")" \
      "$(echo "$zipped / 1000000" | bc -l)" "$(echo "$unzipped / 1000000" | bc -l)" "$(sha256sum "$z" | cut -c1-16)"
done
