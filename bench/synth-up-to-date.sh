#!/usr/bin/env bash
# bench/synth-up-to-date.sh -- what `slk synth` costs when its inputs did not change.
#
# Usage: bench/synth-up-to-date.sh [-n RUNS] [--slk PATH]
#   -n RUNS      runs per variant (default 5)
#   --slk PATH   benchmark this launcher instead of `java -jar cli/target/slk.jar`
#
# Variants, all on the bundled example config with a warm jsii cache:
#   jvm         `slk --version`: the JVM start every command pays
#   up-to-date  `slk synth` on an assembly synthesized from the same inputs: nothing is built
#   forced      `slk synth --force` over that assembly: a real synthesis whose unchanged assets are
#               hard-linked from the old assembly instead of copied
#   fresh       `slk synth` into an empty directory: a real synthesis that copies every asset
# Prints median, min and max wall seconds of each, and the up-to-date and forced variants minus the
# JVM start. Target (issue 11, point 6): up-to-date under 0.5 s beyond JVM start.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"


runs=5
slk=""
while [ $# -gt 0 ]; do
  case $1 in
    -n) [ $# -ge 2 ] || die "-n needs a number" 2; runs=$2; shift 2 ;;
    --slk) [ $# -ge 2 ] || die "--slk needs a path" 2; slk=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
case $runs in
  '' | *[!0-9]* | 0) die "-n wants a positive whole number, got '$runs'" 2 ;;
esac
command -v python3 >/dev/null || die "python3 is needed to time the runs"

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
CONFIG="$REPO/config.example.yaml"
if [ -n "$slk" ]; then
  command=("$slk")
  label="$slk"
else
  [ -f "$REPO/cli/target/slk.jar" ] || die "no cli/target/slk.jar: run mvn -B -ntp -DskipTests package first"
  command=("${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$REPO/cli/target/slk.jar")
  label="java -jar cli/target/slk.jar"
fi
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=14,16,18,20

tmp=$(mktemp -d "${TMPDIR:-/tmp}/slk-bench-uptodate.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
export HOME="$tmp/home"
mkdir -p "$HOME"

# timed FILE ARGS... -> appends the wall seconds of one run to FILE; fails if slk fails
timed() {
  local file=$1
  shift
  python3 - "$@" >>"$file" <<'PY'
import subprocess, sys, time
start = time.monotonic()
p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
elapsed = time.monotonic() - start
if p.returncode != 0:
    sys.stderr.write(p.stderr.decode(errors='replace'))
    sys.exit(f'slk failed with exit code {p.returncode}')
print(f'{elapsed:.3f}')
PY
}

stats() {  # stats FILE -> "median min max"
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f %.2f %.2f", m, v[1], v[NR] }'
}
median() { stats "$1" | cut -d' ' -f1; }

synth=("${command[@]}" synth --quiet --config "$CONFIG")
printf 'slk synth up-to-date check, %s run(s) per variant; %s; %s cores\n' "$runs" "$label" "$(nproc)"
"${synth[@]}" --out "$tmp/out" >/dev/null   # warms the jsii cache and writes the assembly
for i in $(seq "$runs"); do
  timed "$tmp/t.jvm" "${command[@]}" --version
  timed "$tmp/t.up-to-date" "${synth[@]}" --out "$tmp/out"
  timed "$tmp/t.forced" "${synth[@]}" --out "$tmp/out" --force
  rm -rf -- "$tmp/fresh"
  timed "$tmp/t.fresh" "${synth[@]}" --out "$tmp/fresh"
done
grep -q 'up to date\|Up to date' <("${synth[@]}" --out "$tmp/out") || die "the last synth was not up to date"
printf '%-11s %24s %18s\n' variant "wall s (median min max)" "beyond JVM start"
jvm=$(median "$tmp/t.jvm")
for v in jvm up-to-date forced fresh; do
  beyond=$(awk -v a="$(median "$tmp/t.$v")" -v b="$jvm" 'BEGIN { printf "%.2f", a - b }')
  printf '%-11s %24s %18s\n' "$v" "$(stats "$tmp/t.$v")" "$beyond"
done
biggest=$(cd "$tmp/out" && ls -S asset.*.zip | head -n 1)
before=$(stat -c %i "$tmp/out/$biggest")
"${synth[@]}" --out "$tmp/out" --force >/dev/null
after=$(stat -c %i "$tmp/out/$biggest" 2>/dev/null || echo none)
printf 'assembly: %s; its largest asset after a forced synth: %s\n' "$(du -sh "$tmp/out" | cut -f1)" \
  "$([ "$before" = "$after" ] && echo "the same file (inode $after), not copied" || echo "a new copy")"
