#!/usr/bin/env bash
# bench/new-module.sh -- wall time of `slk new-module` (a real run and a --dry-run).
#
# Usage: bench/new-module.sh [-n RUNS]
#   -n RUNS   runs per variant (default 10), after one warm-up run
#
# Needs cli/target/slk.jar (mvn -B -ntp -DskipTests package). Runs it with the installed
# launcher's JVM flags (-XX:TieredStopAtLevel=1 and an AppCDS archive, which this script creates
# the way install.sh does, from a validate-config run) in a fresh temporary workspace (the marker
# file and a modules pom), each real run with a new module id. Prints median, min and max in ms,
# with `slk --version` as the JVM start-up baseline.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

runs=10
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

"$JAVA" -XX:ArchiveClassesAtExit="$tmpdir/slk.jsa" -jar "$JAR" validate-config \
  --config "$REPO/config.example.yaml" >/dev/null 2>&1 || true
flags=(-XX:TieredStopAtLevel=1)
[ -s "$tmpdir/slk.jsa" ] && flags+=(-XX:SharedArchiveFile="$tmpdir/slk.jsa" -Xshare:auto)

ws="$tmpdir/workspace"
mkdir -p "$ws/modules"
printf 'copyright.holder=bench\n' >"$ws/slk-workspace.properties"
cp "$REPO/modules/pom.xml" "$ws/modules/pom.xml"
cd -- "$ws"

n=0
# measure LABEL ARGS... -> one line: label, median, min, max (ms); a {} in ARGS becomes a fresh id
measure() {
  local label=$1 times=() i t0 t1 args
  shift
  for i in $(seq 0 "$runs"); do
    n=$((n + 1))
    args=("${@//\{\}/bench-$n}")
    t0=$(date +%s%N)
    "$JAVA" "${flags[@]}" -jar "$JAR" "${args[@]}" >/dev/null 2>&1 || die "slk ${args[*]} failed"
    t1=$(date +%s%N)
    [ "$i" -gt 0 ] && times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)
      printf "%-28s median %5d ms   min %5d ms   max %5d ms\n", label, m, v[1], v[NR] }'
}

echo "slk new-module, $runs runs each, flags: ${flags[*]}"
measure "slk --version" --version
measure "slk new-module --dry-run" new-module '{}' --dry-run
measure "slk new-module" new-module '{}'
