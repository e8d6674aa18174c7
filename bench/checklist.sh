#!/usr/bin/env bash
# bench/checklist.sh -- wall time of `slk checklist --module ID` on a freshly generated module,
# with up-to-date reports (--no-run) and with a test run.
#
# Usage: bench/checklist.sh [-n RUNS]
#   -n RUNS   runs of the --no-run variant (default 5), after one warm-up run
#
# Needs cli/target/slk.jar (mvn -B -ntp -DskipTests package) and the Maven repository the build
# filled (the module is built offline). Copies the workspace's sources into a temporary folder,
# generates the module bench-events there, builds it once (its tests write the JaCoCo and Surefire
# reports the checklist reads), then times the checklist: median, min and max in ms of the
# --no-run variant, and one run that also runs the module's build and tests.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

runs=5
case "${1:-}" in
  -n) [ $# -ge 2 ] || die "-n needs a number" 2; runs=$2 ;;
  -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
  "") ;;
  *) die "unknown argument: $1" 2 ;;
esac
case $runs in '' | *[!0-9]* | 0) die "-n wants a positive whole number, got '$runs'" 2 ;; esac

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
JAR="$REPO/cli/target/slk.jar"
[ -f "$JAR" ] || die "$JAR is missing; run: mvn -B -ntp -DskipTests package" 2
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/slk-bench.XXXXXX")
trap 'rm -rf -- "$tmpdir"' EXIT

ws="$tmpdir/workspace"
mkdir -p "$ws"
(cd "$REPO" && git ls-files -z | xargs -0 -I{} cp --parents {} "$ws")
cd -- "$ws"
slk() { "$JAVA" -XX:TieredStopAtLevel=1 -jar "$JAR" "$@"; }
slk new-module bench-events >/dev/null
mvn -B -ntp -q -o verify -pl modules/bench-events,modules/bench-events/src/lambda/event-processor -am \
  >"$tmpdir/build.log" 2>&1 || die "the generated module's build failed; see $tmpdir/build.log"

times=()
for i in $(seq 0 "$runs"); do
  t0=$(date +%s%N)
  slk checklist --module bench-events --no-run >"$tmpdir/out.txt" 2>&1 || { cat "$tmpdir/out.txt"; die "checklist failed"; }
  t1=$(date +%s%N)
  [ "$i" -gt 0 ] && times+=($(((t1 - t0) / 1000000)))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" '
  { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)
    printf "checklist --no-run (%d runs)   median %5d ms   min %5d ms   max %5d ms\n", runs, m, v[1], v[NR] }'
t0=$(date +%s%N)
slk checklist --module bench-events >"$tmpdir/out.txt" 2>&1 || { cat "$tmpdir/out.txt"; die "checklist failed"; }
t1=$(date +%s%N)
printf 'checklist with a test run      %5d ms\n' $(((t1 - t0) / 1000000))
