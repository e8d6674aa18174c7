#!/usr/bin/env bash
# bench/validate-config.sh -- wall time of `slk validate-config --config config.example.yaml`.
#
# Usage: bench/validate-config.sh [-n RUNS] [--slk PATH]
#   -n RUNS      runs per variant (default 10), after one warm-up run
#   --slk PATH   benchmark this launcher (e.g. an installed $PREFIX/bin/slk) instead of the
#                build output
#
# Without --slk it needs cli/target/slk.jar (mvn -B -ntp -DskipTests package) and compares:
#   (a) java -jar cli/target/slk.jar                 JDK default CDS (-Xshare:auto), no app archive
#   (b) the same with an AppCDS archive that this script creates in a temp dir
#       (java -XX:ArchiveClassesAtExit=..., then -XX:SharedArchiveFile=... -Xshare:auto)
#   (c) (b) plus -XX:TieredStopAtLevel=1, the flags the installed launcher uses
# Uses hyperfine when it is installed, else a loop timed with `date +%s%N`.
# Prints median, min and max in milliseconds. JAVA_HOME, if set, selects the java.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"


runs=10
slk=""
while [ $# -gt 0 ]; do
  case $1 in
    -n) [ $# -ge 2 ] || die "-n needs a number" 2; runs=$2; shift 2 ;;
    -n*) runs=${1#-n}; shift ;;
    --slk) [ $# -ge 2 ] || die "--slk needs a path" 2; slk=$2; shift 2 ;;
    --slk=*) slk=${1#--slk=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
case $runs in
  '' | *[!0-9]* | 0) die "-n wants a positive whole number, got '$runs'" 2 ;;
esac

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
cd -- "$REPO"
CONFIG=config.example.yaml
[ -f "$CONFIG" ] || die "$REPO/$CONFIG is missing" 2
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="$REPO/cli/target/slk.jar"

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/slk-bench.XXXXXX")
trap 'rm -rf -- "$tmpdir"' EXIT

if command -v hyperfine >/dev/null 2>&1; then
  tool="hyperfine $(hyperfine --version | awk '{ print $2 }')"
else
  case $(date +%N) in
    *[!0-9]*) die "date +%N is not supported here; install hyperfine (apt-get install -y hyperfine)" ;;
  esac
  tool="shell loop (date +%s%N)"
fi

# time_variant LABEL CMD...  -> appends "LABEL<TAB>median<TAB>min<TAB>max" (ms) to $tmpdir/results
time_variant() {
  local label=$1 rc=0 i t0 t1
  shift
  # One trial run: a command that fails (usage error, crash) would time an error path.
  "$@" >"$tmpdir/trial.out" 2>&1 || rc=$?
  if [ "$rc" -gt 1 ]; then
    cat "$tmpdir/trial.out" >&2
    die "$label: the command exited $rc: $(printf '%q ' "$@")"
  fi
  [ "$rc" -eq 0 ] || printf 'bench: note: %s: validate-config exits %s (config invalid); timing it anyway\n' "$label" "$rc" >&2
  printf 'bench: timing %s (%s runs)...\n' "$label" "$runs" >&2
  if [[ $tool == hyperfine* ]]; then
    local cmd
    cmd=$(printf '%q ' "$@")
    hyperfine --style none --ignore-failure --warmup 1 --runs "$runs" \
      --command-name variant --export-csv "$tmpdir/hf.csv" "$cmd" >/dev/null
    awk -F, -v label="$label" 'NR == 2 { printf "%s\t%.1f\t%.1f\t%.1f\n", label, $4 * 1000, $7 * 1000, $8 * 1000 }' \
      "$tmpdir/hf.csv" >>"$tmpdir/results"
  else
    "$@" >/dev/null 2>&1 || true # warm-up
    : >"$tmpdir/times"
    for ((i = 0; i < runs; i++)); do
      t0=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      echo $(((t1 - t0) / 1000)) >>"$tmpdir/times" # microseconds
    done
    sort -n "$tmpdir/times" | awk -v label="$label" '
      { v[NR] = $1 / 1000 }
      END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%s\t%.1f\t%.1f\t%.1f\n", label, m, v[1], v[NR]
      }' >>"$tmpdir/results"
  fi
}

: >"$tmpdir/results"
if [ -n "$slk" ]; then
  if [[ $slk != */* ]]; then
    slk=$(command -v -- "$slk") || die "--slk: '$slk' not found on PATH" 2
  fi
  [ -x "$slk" ] || die "--slk: $slk is not an executable file" 2
  time_variant "launcher $slk" "$slk" validate-config --config "$CONFIG"
  java_desc="launcher's java"
else
  [ -f "$JAR" ] || die "cli/target/slk.jar not found; build it first: mvn -B -ntp -DskipTests package" 2
  command -v "$JAVA" >/dev/null 2>&1 || die "java not found ($JAVA)" 2
  java_desc="java $("$JAVA" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')"

  time_variant "(a) java -jar, default CDS" "$JAVA" -Xshare:auto -jar "$JAR" validate-config --config "$CONFIG"

  printf 'bench: creating an AppCDS archive in %s...\n' "$tmpdir" >&2
  "$JAVA" -XX:ArchiveClassesAtExit="$tmpdir/slk.jsa" -jar "$JAR" \
    validate-config --config "$CONFIG" >/dev/null 2>&1 || true
  if [ -s "$tmpdir/slk.jsa" ]; then
    time_variant "(b) java -jar + AppCDS archive" \
      "$JAVA" -XX:SharedArchiveFile="$tmpdir/slk.jsa" -Xshare:auto -jar "$JAR" validate-config --config "$CONFIG"
    time_variant "(c) AppCDS + C1 only (launcher)" \
      "$JAVA" -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="$tmpdir/slk.jsa" -Xshare:auto -jar "$JAR" \
      validate-config --config "$CONFIG"
  else
    printf '(b) java -jar + AppCDS archive\tn/a\tn/a\tn/a\n' >>"$tmpdir/results"
    printf 'bench: note: the JVM produced no AppCDS archive; variant (b) skipped\n' >&2
  fi
fi

printf '\nslk validate-config --config %s: %s runs per variant, %s, %s\n' "$CONFIG" "$runs" "$tool" "$java_desc"
{
  printf 'variant\tmedian ms\tmin ms\tmax ms\n'
  cat "$tmpdir/results"
} | awk -F'\t' '{ printf "%-40s %10s %10s %10s\n", $1, $2, $3, $4 }'
