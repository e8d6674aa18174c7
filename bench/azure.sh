#!/usr/bin/env bash
# bench/azure.sh -- the azure module's Event Hubs processor: events per SQS call and events/s,
# cold start, package size.
#
# Usage: bench/azure.sh [-e EVENTS] [-n RUNS] [--skip-build]
#   -e EVENTS     events per throughput run (default 10000), 1 KiB each, over 4 partitions
#   -n RUNS       throughput runs and fresh JVMs for the cold start (default 3); medians are printed
#   --skip-build  use the package and test classes already in target/
#
# 1. Throughput (PollerBench): the real EventHubPoller over an Event Hub held in memory (FakeHub,
#    the partition-reader seam), the Lambda kit's sender to ElasticMQ (in-process, 127.0.0.1) and
#    checkpoints in DynamoDB on moto_server; then the same events one SendMessage each, the
#    reference module's way. Every event is read back and counted. Prints SQS calls, events per
#    call and events/s. Loopback times: on AWS every call also pays a network round trip.
# 2. Cold start: a fresh JVM per run on the Lambda package's own class path (lib/*.jar of
#    target/azure-event-hub-processor-lambda.zip) runs bench/ColdStartProbe.java on the module's
#    ColdStartHandler (test code): INIT (class load + the constructor Lambda's no-arg one is: the
#    environment, SQS, DynamoDB and Secrets Manager clients) and a first invocation of 100 events
#    of 1 KiB against moto_server (Secrets Manager, DynamoDB, SQS), the Event Hub read from a file
#    (the AMQP connect to Azure is not included). With the JVM defaults and with Lambda's java21
#    defaults (-XX:TieredStopAtLevel=1).
# 3. The package's size, zipped and unzipped (the Lambda limit is 250 MB unzipped).
# Needs moto_server and python3 with boto3 (both preinstalled here); JAVA_HOME, if set, selects the
# java. No AWS or Azure account, no network after the build.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

events=10000
runs=3
build=1
while [ $# -gt 0 ]; do
  case $1 in
    -e) need_arg -e $#; events=$2; shift 2 ;;
    -n) need_arg -n $#; runs=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) note "unknown argument: $1"; usage >&2; exit 2 ;;
  esac
done
for v in "$events" "$runs"; do
  case $v in
    '' | *[!0-9]* | 0) die "-e and -n want a positive whole number, got '$v'" 2 ;;
  esac
done
command -v moto_server > /dev/null || die "moto_server is not installed (pip install 'moto[server]')" 2

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$REPO"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
FN=modules/azure/src/lambda/event-hub-processor
zip=$FN/target/azure-event-hub-processor-lambda.zip

if [ "$build" = 1 ]; then
  mvn -B -ntp -q -DskipTests -pl $FN -am package dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$REPO/$FN/target/bench.classpath" >&2
fi
[ -f "$zip" ] || die "no Lambda package $zip; run without --skip-build" 2
[ -f $FN/target/bench.classpath ] || die "no test class path in $FN/target; run without --skip-build" 2
[ -f $FN/target/test-classes/dev/slk/modules/azure/lambda/PollerBench.class ] \
    || die "no bench classes in $FN/target; run without --skip-build" 2

echo "== throughput: $events events of 1 KiB over 4 partitions, SQS on ElasticMQ"
cp="$FN/target/test-classes:$FN/target/classes:framework/lambda-testing/target/classes:$(cat $FN/target/bench.classpath)"
"$JAVA" -Xmx1g -Dlog4j2.configurationFile=log4j2-test.xml -cp "$cp" dev.slk.modules.azure.lambda.PollerBench \
    "$events" "$runs" 2> /dev/null

echo
echo "== cold start (fresh JVM on the Lambda package's class path)"
work=$(mktemp -d)
moto=
cleanup() { [ -z "$moto" ] || kill "$moto" 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
unzip -q "$zip" -d "$work/task"
probe_compile "$work" $FN/src/test/java/dev/slk/modules/azure/lambda/ColdStartHandler.java
pad=$(printf 'x%.0s' $(seq 980))
for i in $(seq 0 99); do printf '{"category":"SignInLogs","seq":%d,"pad":"%s"}\n' "$i" "$pad"; done > "$work/events.jsonl"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
moto=$!
endpoint="http://127.0.0.1:$port"
fake=$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')
export AWS_ACCESS_KEY_ID="LOCAL$fake" AWS_SECRET_ACCESS_KEY="$fake$fake" AWS_REGION=eu-west-1
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2> /dev/null && break
  sleep 0.1
done
# The secret's key is random and local: moto_server holds it for this run only.
python3 - "$endpoint" "$fake" > "$work/queue" <<'PY'
import json, sys, boto3
url, key = sys.argv[1], sys.argv[2]
kw = dict(endpoint_url=url, region_name="eu-west-1")
boto3.client("secretsmanager", **kw).create_secret(Name="bench-azure", SecretString=json.dumps({
    "eventHubName": "defender",
    "connectionString": "Endpoint=sb://127.0.0.1;SharedAccessKeyName=slk-listen;SharedAccessKey=" + key
                        + ";UseDevelopmentEmulator=true"}))
print(boto3.client("sqs", **kw).create_queue(QueueName="bench-azure")["QueueUrl"])
PY
queue=$(cat "$work/queue")
probe() {
  local table=bench-$RANDOM$RANDOM
  python3 -c "import boto3; boto3.client('dynamodb', endpoint_url='$endpoint', region_name='eu-west-1').create_table(
      TableName='$table', BillingMode='PAY_PER_REQUEST', AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
      KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}])" > /dev/null
  env -i PATH="$PATH" HOME="$work" AWS_REGION=eu-west-1 AWS_ACCESS_KEY_ID="$AWS_ACCESS_KEY_ID" \
      AWS_SECRET_ACCESS_KEY="$AWS_SECRET_ACCESS_KEY" AWS_ENDPOINT_URL="$endpoint" AWS_LAMBDA_FUNCTION_NAME=bench \
      EVENT_QUEUE_URL="$queue" CREDENTIALS_SECRET_NAME=bench-azure CHECKPOINT_TABLE_NAME="$table" START_POSITION=earliest \
      POWERTOOLS_SERVICE_NAME=azure-event-hub-processor POWERTOOLS_LOG_LEVEL=WARN SLK_BENCH_EVENTS_FILE="$work/events.jsonl" \
      "$JAVA" "$@" -cp "$work/probe:$work/task/lib/*" ColdStartProbe dev.slk.modules.azure.lambda.ColdStartHandler 300 \
      eventsDelivered=100
}
cold_starts "$work" "$runs" "100 events" probe

echo
echo "== Lambda package"
zipped=$(stat -c %s "$zip")
unzipped=$(unzip -l "$zip" | tail -1 | awk '{print $1}')
jars=$(unzip -l "$zip" | grep -c '\.jar$' || true)
printf '%s: %.1f MB zipped, %.1f MB unzipped (limit 250 MB), %d jars\n' "$(basename "$zip")" \
    "$(echo "$zipped / 1000000" | bc -l)" "$(echo "$unzipped / 1000000" | bc -l)" "$jars"
unzip -l "$zip" | grep '\.jar$' | sort -k1 -n -r | head -5 | awk '{printf "  %.1f MB %s\n", $1 / 1000000, $4}'
