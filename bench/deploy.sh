#!/usr/bin/env bash
# bench/deploy.sh -- what each phase of `slk deploy` costs on the example, and slk's overhead over a
# bare `cdk deploy`, against a local moto_server (no AWS account, no credentials, no network).
#
# Usage: bench/deploy.sh [--slk PATH] [--cdk PATH]
#   --slk PATH   benchmark this launcher instead of `java -jar cli/target/slk.jar`
#   --cdk PATH   the AWS CDK CLI to run (default: $SLK_CDK_CLI, slk's install prefix, the tests'
#                copy under */target/cdk-cli, or the pinned version installed with npm into a
#                scratch folder)
#
# Starts moto_server (moto 5.2.1, preinstalled with Python) on 127.0.0.1 on a free port, through the
# tests' start-up patches (framework/deploy/src/test/resources/dev/slk/deploy/testing/slk_moto.py),
# and stops it by its PID. Then, once each, on the bundled example config in a scratch workspace:
#   bootstrap    `cdk bootstrap` of the made-up account
#   first        `slk deploy --yes`: gates, cold synth, diff, create the stack
#   no-op        `slk deploy` again: gates, synth reused, diff, nothing to deploy
#   update       memorySize 512 -> 1024, `slk synth`, then `slk deploy --yes` (synth reused)
#   verify       `slk verify` of that deployment (after creating the secret the example names)
#   bare update  memorySize 1024 -> 512, `slk synth`, then `cdk deploy --app cdk.out` alone
# Prints each run's wall time and slk's own phase timings (its `timings` line; gates one by one
# from the deployment record), and the overhead of slk deploy over the bare cdk deploy of the
# same kind of change. One run each: moto and the CDK CLI dominate, and they vary more than slk.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

slk=""
cdk="${SLK_CDK_CLI:-}"
while [ $# -gt 0 ]; do
  case $1 in
    --slk) need_arg --slk $#; slk=$2; shift 2 ;;
    --cdk) need_arg --cdk $#; cdk=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || die "python3 is needed to run moto_server and time the runs"
python3 -c 'import moto' 2>/dev/null || die "moto is not installed for python3 (moto_server 5.2.1 is expected)"

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
PATCHED_MOTO="$REPO/framework/deploy/src/test/resources/dev/slk/deploy/testing/slk_moto.py"
REGION=ca-central-1
ACCOUNT=123456789012
STACK=security-lake-integration-dev
[ -f "$PATCHED_MOTO" ] || die "no $PATCHED_MOTO"
if [ -n "$slk" ]; then
  command=("$slk")
  label="$slk"
else
  [ -f "$REPO/cli/target/slk.jar" ] || die "no cli/target/slk.jar: run mvn -B -ntp -DskipTests package first"
  command=("${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$REPO/cli/target/slk.jar")
  label="java -jar cli/target/slk.jar"
fi
pinned=$(sed -n 's:.*<aws-cdk-cli.version>\([^<]*\)</aws-cdk-cli.version>.*:\1:p' "$REPO/pom.xml" | head -n 1)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/slk-bench-deploy.XXXXXX")
moto_pid=""
cleanup() {
  if [ -n "$moto_pid" ]; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  rm -rf -- "$tmp"
}
trap cleanup EXIT

if [ -z "$cdk" ]; then
  for candidate in "$HOME/.local/share/slk/cdk/node_modules/.bin/cdk" \
      "$REPO/cli/target/cdk-cli/$pinned/node_modules/.bin/cdk" \
      "$REPO/framework/deploy/target/cdk-cli/$pinned/node_modules/.bin/cdk"; do
    if [ -x "$candidate" ]; then cdk=$candidate; break; fi
  done
fi
if [ -z "$cdk" ]; then
  note "installing npm aws-cdk@$pinned into the scratch folder"
  npm install --prefix "$tmp/cdk" --no-audit --no-fund --ignore-scripts --loglevel=error "aws-cdk@$pinned" >/dev/null \
    || die "npm install aws-cdk@$pinned failed"
  cdk="$tmp/cdk/node_modules/.bin/cdk"
fi
[ -x "$cdk" ] || die "no AWS CDK CLI at $cdk"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 "$PATCHED_MOTO" -H 127.0.0.1 -p "$port" >"$tmp/moto.log" 2>&1 &
moto_pid=$!
python3 - "$port" "$moto_pid" <<'PY' || die "moto_server did not listen on 127.0.0.1:$port (log: $tmp/moto.log)"
import os, socket, sys, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("moto_server exited")
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit("timed out")
PY

# The environment the CDK CLI and the SDK need to talk to moto, and nothing of the caller's AWS set-up.
for name in $(env | sed -n 's/^\(AWS_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$name"; done
export AWS_ENDPOINT_URL="http://127.0.0.1:$port"
export AWS_ENDPOINT_URL_S3_FOR_CLOUDFORMATION="http://localhost:$port"  # moto reads the bucket from any other host
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing  # moto checks no signature
export AWS_REGION=$REGION AWS_DEFAULT_REGION=$REGION AWS_EC2_METADATA_DISABLED=true
export SLK_CDK_CLI=$cdk NO_COLOR=1 CDK_DISABLE_CLI_TELEMETRY=true
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=14,16,18,20

workspace="$tmp/workspace"
mkdir -p "$workspace"
cp -- "$REPO/config.example.yaml" "$workspace/config.yaml"
grep -q 'memorySize: 512' "$workspace/config.yaml" || die "config.example.yaml has no 'memorySize: 512' to change"

# run NAME ARGS... -> runs in the workspace, output in $tmp/NAME.out, wall seconds in $tmp/NAME.time
run() {
  local name=$1
  shift
  (cd -- "$workspace" && python3 - "$tmp/$name" "$@" <<'PY') || die "$name failed (exit $?): $(tail -n 5 "$tmp/$name.out")"
import subprocess, sys, time
base = sys.argv[1]
with open(base + ".out", "wb") as out:
    start = time.monotonic()
    code = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.STDOUT).returncode
    elapsed = time.monotonic() - start
with open(base + ".time", "w") as t:
    t.write(f"{elapsed:.2f}\n")
sys.exit(code)
PY
}
seconds() { cat "$tmp/$1.time"; }
timings() { sed -n 's/^timings  //p' "$tmp/$1.out"; }
memory() { sed -i "s/memorySize: $1/memorySize: $2/" "$workspace/config.yaml"; }
# The newest record's gates, each with its wall time.
gate_times() {
  python3 - "$workspace/.slk/deployments/dev" <<'PY'
import glob, json, os, sys
records = sorted(glob.glob(os.path.join(sys.argv[1], "*.json")), key=os.path.getmtime)
gates = json.load(open(records[-1])).get("gates", [])
print(", ".join(f"{g.get('gate')} {int(g.get('millis', 0)) / 1000:.1f} s" for g in gates))
PY
}

printf 'slk deploy phases on moto_server (127.0.0.1:%s); %s; CDK CLI %s; %s cores, load %s\n' "$port" "$label" \
  "$("$cdk" --version 2>/dev/null | cut -d' ' -f1)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

run bootstrap "$cdk" bootstrap "aws://$ACCOUNT/$REGION"
run first "${command[@]}" deploy --yes
grep -q "deployed $STACK" "$tmp/first.out" || die "the first deploy did not deploy: $(tail -n 5 "$tmp/first.out")"
first_gates=$(gate_times)
run noop "${command[@]}" deploy
grep -q 'up to date' "$tmp/noop.out" || die "the no-op deploy was not up to date: $(tail -n 5 "$tmp/noop.out")"
memory 512 1024
run update-synth "${command[@]}" synth --quiet
run update "${command[@]}" deploy --yes
grep -q "deployed $STACK" "$tmp/update.out" || die "the update did not deploy: $(tail -n 5 "$tmp/update.out")"
update_gates=$(gate_times)
# verify describes the external-id secret the example names; moto has none until it is created.
python3 - "$AWS_ENDPOINT_URL" "$REGION" <<'PY' || die "could not create the example's secret in moto"
import sys, boto3
boto3.client("secretsmanager", endpoint_url=sys.argv[1], region_name=sys.argv[2]).create_secret(
# slk-scan:ignore generic-secret-assignment made-up value for the local moto server, not a secret
    Name="security-lake-integration/external-id", SecretString="bench-placeholder")
PY
run verify "${command[@]}" verify
memory 1024 512
run bare-synth "${command[@]}" synth --quiet
run bare "$cdk" deploy --app cdk.out --require-approval never --progress events "$STACK"

printf '\n%-36s %8s  %s\n' "run" "wall s" "slk's own timings"
printf '%-36s %8s\n' "cdk bootstrap" "$(seconds bootstrap)"
printf '%-36s %8s  %s\n' "slk deploy, first (cold synth)" "$(seconds first)" "$(timings first)"
printf '%-36s %8s  %s\n' "  its gates" "" "$first_gates"
printf '%-36s %8s  %s\n' "slk deploy, no-op" "$(seconds noop)" "$(timings noop)"
printf '%-36s %8s\n' "slk synth (memory 512 -> 1024)" "$(seconds update-synth)"
printf '%-36s %8s  %s\n' "slk deploy, update (synth reused)" "$(seconds update)" "$(timings update)"
printf '%-36s %8s  %s\n' "  its gates" "" "$update_gates"
printf '%-36s %8s  %s\n' "slk verify" "$(seconds verify)" "$(tail -n 1 "$tmp/verify.out")"
printf '%-36s %8s\n' "slk synth (memory 1024 -> 512)" "$(seconds bare-synth)"
printf '%-36s %8s\n' "bare cdk deploy, update" "$(seconds bare)"
python3 - "$(seconds update)" "$(seconds bare)" <<'PY'
import sys
slk, bare = float(sys.argv[1]), float(sys.argv[2])
print(f"\nslk deploy over bare cdk deploy, same kind of update: +{slk - bare:.2f} s ({slk / bare:.2f}x)")
PY
printf '\nslk verify of the update:\n'
cat -- "$tmp/verify.out"
