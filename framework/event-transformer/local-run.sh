#!/usr/bin/env bash
# Local run of the event transformer: feeds a JSON file of events to the real handler against
# S3Mock (S3) and ElasticMQ (the ASFF queue) started in-process on 127.0.0.1, and prints the
# Parquet objects it wrote (key, schema, rows) and the ASFF findings it sent.
#
#   framework/event-transformer/local-run.sh EVENTS.json [--mappings DIR] [--module ID] [--schema]
#
# EVENTS.json: one event or a list (each element becomes its own SQS message); any body form the
# transformer accepts works. --mappings DIR: module mappings laid out DIR/<moduleId>/*.yaml, as the
# synth stack's layer ships them. --module ID: wrap each event in the module envelope with that
# module_id. Needs no AWS account and no network beyond Maven Central for the first build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
mvn -B -ntp -q -pl framework/event-transformer -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/local-run.classpath >&2
cp="$here/target/classes:$here/target/test-classes:$root/framework/ocsf-mapping/target/classes:$(cat "$here/target/local-run.classpath")"
args=()
for a in "$@"; do
  # Paths are resolved from where the script was called, not from the repository.
  if [[ -e "$OLDPWD/$a" && "$a" != /* ]]; then args+=("$OLDPWD/$a"); else args+=("$a"); fi
done
exec java -Dlog4j2.configurationFile=log4j2-local.xml -cp "$cp" dev.slk.lambda.transformer.local.LocalRun "${args[@]}"
