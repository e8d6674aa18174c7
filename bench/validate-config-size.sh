#!/usr/bin/env bash
# bench/validate-config-size.sh -- does validate-config time grow linearly with the input?
#
# Usage: bench/validate-config-size.sh [-n RUNS] [--slk PATH] [SIZE_MIB...]
#   -n RUNS      timed runs per file (default 3); the median is printed
#   --slk PATH   time this launcher (e.g. an installed $PREFIX/bin/slk) instead of
#                java -jar cli/target/slk.jar (build it: mvn -B -ntp -DskipTests package)
#   SIZE_MIB     sizes to generate, in MiB (default: 1 2 5 10); 10 MiB is the largest file slk reads
#
# For each size it writes two files of exactly that many bytes into a temp dir and times
# `slk validate-config --config FILE` on each (exit 1 is expected: both are invalid configs):
#   one-line   projectName: followed by one value of the whole size, no spaces, no line break
#   many-keys  a valid config whose eventTransformer.environment holds 60-byte entries; each
#              entry is 3 values, so sizes over about 10 MiB meet the 200,000-value limit
# Prints milliseconds per file and per MiB; linear growth keeps ms/MiB roughly flat.
# JAVA_HOME, if set, selects the java.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"


runs=3
slk=""
sizes=()
while [ $# -gt 0 ]; do
  case $1 in
    -n) [ $# -ge 2 ] || die "-n needs a number" 2; runs=$2; shift 2 ;;
    --slk) [ $# -ge 2 ] || die "--slk needs a path" 2; slk=$2; shift 2 ;;
    --slk=*) slk=${1#--slk=}; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) printf 'bench: unknown option: %s\n' "$1" >&2; usage >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
case $runs in '' | *[!0-9]* | 0) die "-n wants a positive whole number, got '$runs'" 2 ;; esac
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2 5 10)
for s in "${sizes[@]}"; do
  case $s in '' | *[!0-9]* | 0) die "sizes are whole MiB from 1 to 10, got '$s'" 2 ;; esac
  [ "$s" -le 10 ] || die "sizes are whole MiB from 1 to 10 (slk refuses larger files), got '$s'" 2
done
command -v python3 >/dev/null 2>&1 || die "python3 is needed to generate the inputs"

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
if [ -n "$slk" ]; then
  [[ $slk == */* ]] || slk=$(command -v -- "$slk") || die "--slk: not found on PATH" 2
  [ -x "$slk" ] || die "--slk: $slk is not an executable file" 2
  cmd=("$slk")
else
  JAR="$REPO/cli/target/slk.jar"
  [ -f "$JAR" ] || die "cli/target/slk.jar not found; build it first: mvn -B -ntp -DskipTests package" 2
  cmd=("${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$JAR")
fi

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/slk-size-bench.XXXXXX")
trap 'rm -rf -- "$tmpdir"' EXIT

python3 - "$tmpdir" "${sizes[@]}" <<'EOF'
import sys
out, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
head = ("projectName: demo\nenvironment: dev\nawsRegion: us-east-1\nencryption:\n  keyAlias: demo\n"
        "securityLake:\n  enabled: false\ncoreProcessing:\n  eventTransformer:\n    environment:\n")
for mib in sizes:
    size = mib * 1024 * 1024
    with open(f"{out}/one-line-{mib}.yaml", "w") as f:
        prefix = "projectName: "
        f.write(prefix + "a" * (size - len(prefix) - 1) + "\n")
    body, i = [head], 0
    used = len(head)
    while used + 60 <= size:
        line = f"      VAR_{i:07d}: {'v' * 41}\n"
        body.append(line); used += len(line); i += 1
    body.append("#" * (size - used - 1) + "\n")
    with open(f"{out}/many-keys-{mib}.yaml", "w") as f:
        f.write("".join(body))
EOF

# time_ms FILE -> median wall time in ms of RUNS runs (after one untimed run)
time_ms() {
  local file=$1 i t0 t1 rc=0
  "${cmd[@]}" validate-config --config "$file" >"$tmpdir/out" 2>&1 || rc=$?
  if [ "$rc" -gt 1 ]; then
    head -c 2000 "$tmpdir/out" >&2
    die "validate-config exited $rc on $(basename "$file")"
  fi
  : >"$tmpdir/times"
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    "${cmd[@]}" validate-config --config "$file" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000)) >>"$tmpdir/times"
  done
  sort -n "$tmpdir/times" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

if [ -n "$slk" ]; then what="launcher $slk"; else what=$("${cmd[0]}" -version 2>&1 | head -1); fi
printf 'slk validate-config, %s runs per file (median), %s\n' "$runs" "$what"
printf '%-10s %8s %14s %10s %14s %10s\n' shape MiB "one-line ms" "ms/MiB" "many-keys ms" "ms/MiB"
for s in "${sizes[@]}"; do
  a=$(time_ms "$tmpdir/one-line-$s.yaml")
  b=$(time_ms "$tmpdir/many-keys-$s.yaml")
  printf '%-10s %8s %14s %10s %14s %10s\n' "" "$s" "$a" $((a / s)) "$b" $((b / s))
done
