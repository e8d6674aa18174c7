#!/usr/bin/env bash
# bench/sqs-sender.sh -- events per SQS API call for 1 KiB events: the Lambda kit's packing
# sender against one event per call.
#
# Usage: bench/sqs-sender.sh [-e EVENTS] [-n RUNS] [--skip-build]
#   -e EVENTS     events per run (default 10000), each 1 KiB of compact JSON
#   -n RUNS       runs per way; the wall time printed is the median (default 3)
#   --skip-build  use the test classes and class path already in target/
#
# Sends the same events to ElasticMQ (a real SQS server, in-process on 127.0.0.1 on a free port)
# three ways: one SendMessage per event (the reference framework's way), SendMessageBatch with ten
# one-event messages per call (the generated module's sender before the kit), and the kit's
# EventQueueSender, which packs events into 256 KiB messages in the {"events": [...]} envelope.
# An SDK interceptor counts the send requests; every event is read back from the queue and
# counted. Prints API calls, messages, events per call, median wall time and events/s. Wall times
# are loopback times: on AWS each call also pays a network round trip, so fewer calls save more.
# JAVA_HOME, if set, selects the java. Needs no AWS account and no network after the build.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"


events=10000
runs=3
build=1
while [ $# -gt 0 ]; do
  case $1 in
    -e) [ $# -ge 2 ] || die "-e needs a number" 2; events=$2; shift 2 ;;
    -n) [ $# -ge 2 ] || die "-n needs a number" 2; runs=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
for v in "$events" "$runs"; do
  case $v in
    '' | *[!0-9]* | 0) die "-e and -n want a positive whole number, got '$v'" 2 ;;
  esac
done

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$REPO"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
MOD=framework/lambda-kit

if [ "$build" = 1 ]; then
  mvn -B -ntp -q -DskipTests -pl $MOD -am test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$REPO/$MOD/target/bench.classpath" >&2
fi
[ -f $MOD/target/bench.classpath ] || die "no test class path in $MOD/target; run without --skip-build" 2
[ -d $MOD/target/test-classes/dev/slk/lambda/kit/bench ] || die "no bench classes in $MOD/target; run without --skip-build" 2

cp="$MOD/target/test-classes:$MOD/target/classes:framework/lambda-testing/target/classes:$(cat $MOD/target/bench.classpath)"
"$JAVA" -Xmx512m -Dlog4j2.configurationFile=log4j2-bench.xml -cp "$cp" \
    dev.slk.lambda.kit.bench.SenderBench "$events" "$runs"
