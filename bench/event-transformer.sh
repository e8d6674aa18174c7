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
#    target/slk-event-transformer-*-lambda.zip, no Hadoop, no test code) runs ColdStartProbe:
#    INIT (class load + constructor: env, S3 client, mappings) and the first invocation, against a
#    loopback stand-in for S3. Run with the JVM defaults and with Lambda's java21 defaults
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
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
MOD=framework/event-transformer

if [ "$build" = 1 ]; then
  mvn -B -ntp -q -DskipTests -pl $MOD,framework/securityhub-processor -am package \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
fi
zip=$(ls $MOD/target/slk-event-transformer-*-lambda.zip 2>/dev/null | head -1)
[ -n "$zip" ] || die "no Lambda package in $MOD/target; run without --skip-build" 2
[ -f $MOD/target/bench.classpath ] || die "no test class path in $MOD/target; run without --skip-build" 2

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %d ms (min %d, max %d, %d runs)", m, a[1], a[NR], NR}'; }

echo "== throughput (warm invocation, S3Mock in-process)"
cp="$MOD/target/test-classes:$MOD/target/classes:framework/ocsf-mapping/target/classes:$(cat $MOD/target/bench.classpath)"
"$JAVA" -Xmx1g -Dlog4j2.configurationFile=log4j2-test.xml -cp "$cp" \
    dev.slk.lambda.transformer.bench.ThroughputBench 5 "$runs" 2>/dev/null

echo
echo "== cold start (fresh JVM on the Lambda package's class path)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work/task"
mkdir -p "$work/probe"
"$JAVAC" -nowarn -d "$work/probe" -cp "$work/task/lib/*" bench/ColdStartProbe.java
alert=$MOD/src/test/resources/events/azure-defender-alert.json
printf '%s' '{"class_uid": 2004, "category_uid": 2, "type_uid": 200401, "activity_id": 1, "severity_id": 2,
 "time": 1741564800000, "metadata": {"version": "1.1.0", "product": {"name": "Probe", "vendor_name": "Example"}},
 "finding_info": {"uid": "cold", "title": "Cold start probe"}}' > "$work/ocsf.json"
port=$(( 20000 + RANDOM % 20000 ))
# Lambda puts short-lived credentials in the environment; the probe's stand-in for S3 ignores them.
fake=$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')
probe() {
  env -i PATH="$PATH" HOME="$work" AWS_REGION=eu-west-1 AWS_ACCESS_KEY_ID="LOCAL$fake" AWS_SECRET_ACCESS_KEY="$fake$fake" \
      SECURITY_LAKE_BUCKET=bench-lake SLK_S3_ENDPOINT_URL="http://127.0.0.1:$port" SLK_MAPPINGS_DIR="$work/none" \
      SECURITY_LAKE_SOURCES='[{"sourceName":"bench","sourceVersion":"1.0","eventClasses":["DETECTION_FINDING"]}]' \
      POWERTOOLS_SERVICE_NAME=slk-event-transformer POWERTOOLS_LOG_LEVEL=WARN \
      "$JAVA" "$@" -cp "$work/probe:$work/task/lib/*" ColdStartProbe "$port" "$alert" "$work/ocsf.json"
}
for flags in "" "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"; do
  : > "$work/init"; : > "$work/first"; : > "$work/total"
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    read -r init first jvm < <(probe $flags | tail -1)
    echo "$init" >> "$work/init"; echo "$first" >> "$work/first"; echo $((init + first)) >> "$work/total"
  done
  echo "JVM flags: ${flags:-(defaults)}"
  echo "  INIT (JVM start to constructed handler): $(median < "$work/init")"
  echo "  first invocation:                        $(median < "$work/first")"
  echo "  cold start total:                        $(median < "$work/total")"
done

echo
echo "== Lambda packages"
for z in $MOD/target/slk-event-transformer-*-lambda.zip framework/securityhub-processor/target/slk-securityhub-processor-*-lambda.zip; do
  zipped=$(stat -c %s "$z")
  unzipped=$(unzip -l "$z" | tail -1 | awk '{print $1}')
  printf '%s: %.1f MB zipped, %.1f MB unzipped (limit 250 MB), sha256 %s\n' "$(basename "$z")" \
      "$(echo "$zipped / 1000000" | bc -l)" "$(echo "$unzipped / 1000000" | bc -l)" "$(sha256sum "$z" | cut -c1-16)"
done
