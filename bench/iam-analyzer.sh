#!/usr/bin/env bash
# bench/iam-analyzer.sh -- wall time of `slk iam-analyzer` on the example assembly and on a 200-role template.
#
# Usage: bench/iam-analyzer.sh [-n RUNS] [--slk PATH]
#   -n RUNS      runs per variant (default 10)
#   --slk PATH   benchmark this launcher instead of `java -jar cli/target/slk.jar`
#                (build it with mvn -B -ntp -DskipTests package)
#
# Variants (each run a fresh JVM, as a user or CI pays it):
#   version   `slk --version`: JVM start, the floor every command pays
#   example   the bundled example config's assembly, synthesized once beforehand (not timed); the run
#             checks that it is up to date (the synthesizer's input record), then analyses it
#   no-synth  the same with --no-synth: the analysis alone
#   roles200  a generated template with 200 roles, each with an inline policy of 4 statements
# Also prints the bundled catalogue's size and the load time the JSON report records
# (facts.catalogueLoadMillis, median over the example runs).
# Goal (issue 13): analysis well under 1 s beyond JVM start on the example.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"
runs=10
slk=""
while [ $# -gt 0 ]; do
  case $1 in
    -n) [ $# -ge 2 ] || die "-n needs a number" 2; runs=$2; shift 2 ;;
    --slk) [ $# -ge 2 ] || die "--slk needs a path" 2; slk=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
case $runs in '' | *[!0-9]* | 0) die "-n wants a positive whole number, got '$runs'" 2 ;; esac
REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
if [ -n "$slk" ]; then command=("$slk"); else
  [ -f "$REPO/cli/target/slk.jar" ] || die "no cli/target/slk.jar: run mvn -B -ntp -DskipTests package first"
  command=(java -jar "$REPO/cli/target/slk.jar")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$REPO/config.example.yaml" "$work/config.yaml"
(cd "$work" && "${command[@]}" synth -q >/dev/null) || die "synth of the example failed"

python3 - "$work/roles200.template.json" <<'PY'
import json, sys
resources = {}
for i in range(200):
    m = f"mod{i % 20}"
    resources[f"Queue{i}"] = {"Type": "AWS::SQS::Queue", "Metadata": {"aws:cdk:path": f"S/modules/{m}/Q{i}/Resource"}}
    resources[f"Role{i}"] = {"Type": "AWS::IAM::Role", "Metadata": {"aws:cdk:path": f"S/modules/{m}/R{i}/Resource"},
        "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "Policies": [{"PolicyName": "p", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:GetQueueUrl"], "Resource": {"Fn::GetAtt": [f"Queue{i}", "Arn"]}},
            {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
             "Resource": {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/f" + str(i) + ":*"}},
            {"Effect": "Allow", "Action": "kms:GenerateDataKey*", "Resource": "*"},
            {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::bucket-" + str(i) + "/*"}]}}]}}
json.dump({"Resources": resources}, open(sys.argv[1], "w"), indent=1)
PY

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f s (min %.3f, max %.3f)", m, a[1], a[NR]}'; }
time_runs() {
  local out=$1; shift
  : > "$out"
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N)
    (cd "$work" && "$@" >/dev/null 2>&1) || true
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc >> "$out"
  done
}
time_runs "$work/version.t" "${command[@]}" --version
time_runs "$work/example.t" "${command[@]}" iam-analyzer --fail-on critical
time_runs "$work/nosynth.t" "${command[@]}" iam-analyzer --no-synth --fail-on critical
time_runs "$work/roles.t" "${command[@]}" iam-analyzer --template roles200.template.json --fail-on critical
loads=""
for _ in $(seq "$runs"); do
  loads+="$(cd "$work" && "${command[@]}" iam-analyzer --no-synth --fail-on critical --format json 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["facts"]["catalogueLoadMillis"] / 1000)')"$'\n'
done
size=$(unzip -l "$REPO"/cli/target/lib/slk-iam-*.jar 2>/dev/null | awk '/iam-catalogue.json.gz/ {print $1}')
echo "runs per variant: $runs ($(nproc) cores)"
echo "slk --version           $(median < "$work/version.t")"
echo "iam-analyzer example    $(median < "$work/example.t")"
echo "iam-analyzer --no-synth $(median < "$work/nosynth.t")"
echo "iam-analyzer 200 roles  $(median < "$work/roles.t")"
echo "catalogue load          $(printf '%s' "$loads" | grep . | median)"
echo "catalogue size          ${size:-?} bytes gzipped (iam-catalogue.json.gz)"
