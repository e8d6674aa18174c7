#!/usr/bin/env bash
# bench/google-scc.sh -- the google-scc poller: end-to-end throughput, messages per SQS API
# call, cold start and package size.
#
# Usage: bench/google-scc.sh [-m MESSAGES] [-n RUNS] [--skip-build]
#   -m MESSAGES   SCC notifications per throughput run (default 20000)
#   -n RUNS       measured throughput runs (default 3, after one warm-up run) and fresh JVMs
#                 for each cold-start figure (default 3)
#   --skip-build  use the package and test classes already in target/
#
# 1. Throughput (PollBench): notifications in the in-process fake Subscriber service, pulled over
#    gRPC on 127.0.0.1 with the function's defaults (500 per pull, 60 s lease), packed by the
#    kit's sender into SQS messages on ElasticMQ, acknowledged. Prints pull and SQS send calls
#    (counted by an SDK interceptor), Pub/Sub messages per SQS call and messages/s; every finding
#    is read back from the queue. The reference module makes one SendMessageBatch call per message.
# 2. Cold start: a fresh JVM per run on the deployment package's own class path (lib/*.jar of
#    target/google-scc-pubsub-poller-lambda.zip) runs bench/ColdStartProbe.java on the module's
#    ColdStartHandler (test code), against ElasticMQ and the fake in another JVM (BenchServers):
#    INIT (class load, constructor) and the first invocation
#    (100 messages: channel, pull, send, acknowledge). The Pub/Sub client is the plaintext one
#    (no TLS handshake, no token exchange: those need Google). With the JVM defaults and with
#    Lambda's java21 flags (-XX:+TieredCompilation -XX:TieredStopAtLevel=1). Median, min, max.
# 3. The package, zipped and unzipped (the Lambda limits are 50 MB zipped for a direct upload,
#    250 MB unzipped), its jar count and largest jars.
# JAVA_HOME, if set, selects the java. Needs no AWS or Google account and no network after the build.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

messages=20000
runs=3
build=1
while [ $# -gt 0 ]; do
  case $1 in
    -m) need_arg "$1" $#; messages=$2; shift 2 ;;
    -n) need_arg "$1" $#; runs=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
for v in "$messages" "$runs"; do
  case $v in
    '' | *[!0-9]* | 0) die "-m and -n want a positive whole number, got '$v'" 2 ;;
  esac
done

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$REPO"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
FN=modules/google-scc/src/lambda/pubsub-poller
ZIP=$FN/target/google-scc-pubsub-poller-lambda.zip

if [ "$build" = 1 ]; then
  mvn -B -ntp -q -DskipTests -pl $FN -am package dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
fi
[ -f "$ZIP" ] || die "no package $ZIP; run without --skip-build" 2
[ -f $FN/target/bench.classpath ] || die "no test class path in $FN/target; run without --skip-build" 2
[ -f $FN/target/test-classes/dev/slk/modules/googlescc/poller/PollBench.class ] \
    || die "no bench classes in $FN/target; run without --skip-build" 2
cp="$FN/target/test-classes:$FN/target/classes:$(cat $FN/target/bench.classpath)"

echo "== throughput (one run of the poll loop, fake Pub/Sub and ElasticMQ in-process)"
"$JAVA" -Xmx1g -cp "$cp" dev.slk.modules.googlescc.poller.PollBench "$messages" "$runs" 2>/dev/null

echo
echo "== cold start (fresh JVM on the package's class path)"
work=$(mktemp -d)
servers_pid=
cleanup() {
  [ -z "$servers_pid" ] || kill "$servers_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
unzip -q "$ZIP" -d "$work/task"
probe_compile "$work" $FN/src/test/java/dev/slk/modules/googlescc/poller/ColdStartHandler.java
mkfifo "$work/in" "$work/out"
"$JAVA" -cp "$cp" dev.slk.modules.googlescc.poller.BenchServers < "$work/in" > "$work/out" 2>/dev/null &
servers_pid=$!
exec 3> "$work/in" 4< "$work/out"
read -r sqs queue pubsub <&4 || die "the bench servers did not start" 3
# Lambda puts short-lived credentials in the environment; ElasticMQ ignores them.
fake=$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')
probe() {
  echo "publish 100" >&3
  read -r ok <&4
  [ "$ok" = ok ] || die "the bench servers answered: $ok" 3
  env -i PATH="$PATH" HOME="$work" AWS_REGION=eu-west-1 AWS_ACCESS_KEY_ID="LOCAL$fake" AWS_SECRET_ACCESS_KEY="$fake$fake" \
      AWS_ENDPOINT_URL_SQS="$sqs" EVENT_QUEUE_URL="$queue" GCP_PROJECT_ID=acme-scc-4711 GCP_SUBSCRIPTION_ID=scc-findings \
      CREDENTIALS_SECRET_NAME=gcp-scc-findings-credentials MAX_MESSAGES_PER_PULL=100 MAX_MESSAGES_PER_RUN=100 \
      POWERTOOLS_SERVICE_NAME=google-scc POWERTOOLS_LOG_LEVEL=WARN PUBSUB_EMULATOR_HOST="$pubsub" \
      "$JAVA" "$@" -cp "$work/probe:$work/task/lib/*" ColdStartProbe dev.slk.modules.googlescc.poller.ColdStartHandler 120 \
      acknowledged=100
}
cold_starts "$work" "$runs" "100 messages" probe
echo count >&3
read -r left <&4
[ "$left" = 0 ] || die "$left cold-start messages were not acknowledged" 3
exec 3>&-

echo
echo "== the deployment package"
zipped=$(stat -c %s "$ZIP")
unzipped=$(unzip -l "$ZIP" | tail -1 | awk '{print $1}')
jars=$(unzip -l "$ZIP" | grep -c '\.jar$')
printf '%s: %.1f MB zipped (direct-upload limit 50 MB), %.1f MB unzipped (limit 250 MB), %d jars\n' \
    "$(basename "$ZIP")" "$(echo "$zipped / 1000000" | bc -l)" "$(echo "$unzipped / 1000000" | bc -l)" "$jars"
echo "largest:"
unzip -l "$ZIP" | awk '$4 ~ /\.jar$/ {printf "  %6.1f MB  %s\n", $1 / 1000000, substr($4, 5)}' | sort -rn | head -5
