#!/usr/bin/env bash
# bench/synth.sh -- wall time and peak memory of `slk synth` on the bundled example config.
#
# Usage: bench/synth.sh [-n RUNS] [--slk PATH]
#   -n RUNS      runs per variant (default 5)
#   --slk PATH   benchmark this launcher (e.g. an installed $PREFIX/bin/slk) instead of
#                `java -jar cli/target/slk.jar` (build it with mvn -B -ntp -DskipTests package)
#
# Variants:
#   cold  every run with an empty HOME, so jsii unpacks aws-cdk-lib and cdk-nag into a fresh
#         package cache (what the first synth on a new machine or CI runner costs)
#   warm  the jsii package cache filled by a warm-up run (every later synth)
# Memory is the peak of the summed resident set size (RSS) of the whole process tree (the JVM
# and the node processes jsii starts), sampled from /proc every 20 ms in two extra runs per
# variant: sampling costs CPU, so the timed runs are not sampled.
# Prints median, min and max of each. Target (issue 3): a warm synth under 6 s on 2 cores.
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
command -v python3 >/dev/null || die "python3 is needed to sample the process tree's memory"

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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/slk-bench-synth.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT

# run_once HOME_DIR SAMPLE -> prints "<seconds> <peak MiB>" (peak 0 unless SAMPLE is 1); fails if
# synth fails.
run_once() {
  local home=$1 sample=$2
  rm -rf -- "$tmp/out"
  HOME=$home python3 - "$tmp/out" "$sample" "${command[@]}" <<'PY'
import os, subprocess, sys, time
out, sample, cmd = sys.argv[1], sys.argv[2] == '1', sys.argv[3:]

def tree_rss_kib(root):
    children = {}
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open(f'/proc/{pid}/stat') as f:
                ppid = int(f.read().rsplit(')', 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(pid))
        except (OSError, ValueError, IndexError):
            pass
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f'/proc/{pid}/status') as f:
                for line in f:
                    if line.startswith('VmRSS:'):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total

start = time.monotonic()
p = subprocess.Popen(cmd + ['synth', '--quiet', '--config', os.environ.get('CONFIG', ''), '--out', out],
                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = 0
if sample:
    while p.poll() is None:
        peak = max(peak, tree_rss_kib(p.pid))
        time.sleep(0.02)
else:
    p.wait()
elapsed = time.monotonic() - start
if p.returncode != 0:
    sys.stderr.write(p.stderr.read().decode(errors='replace'))
    sys.exit(f'synth failed with exit code {p.returncode}')
print(f'{elapsed:.2f} {peak / 1024:.0f}')
PY
}
export CONFIG

stats() {  # stats FILE COLUMN -> "median min max"
  sort -n -k"$2","$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s %s %s", m, v[1], v[NR] }'
}

printf 'slk synth of config.example.yaml, %s run(s) per variant; %s; %s cores; %s\n' \
  "$runs" "$label" "$(nproc)" "$(node --version 2>/dev/null || echo 'no node')"
for i in $(seq "$runs"); do
  run_once "$(mktemp -d "$tmp/home.XXXXXX")" 0 >>"$tmp/cold"
done
for i in 1 2; do
  run_once "$(mktemp -d "$tmp/home.XXXXXX")" 1 >>"$tmp/cold.mem"
done
warm_home=$(mktemp -d "$tmp/home.XXXXXX")
run_once "$warm_home" 0 >/dev/null
for i in $(seq "$runs"); do
  run_once "$warm_home" 0 >>"$tmp/warm"
done
for i in 1 2; do
  run_once "$warm_home" 1 >>"$tmp/warm.mem"
done
printf '%-6s %28s %30s\n' variant "wall s (median min max)" "peak tree RSS MiB (median min max)"
for v in cold warm; do
  printf '%-6s %28s %30s\n' "$v" "$(stats "$tmp/$v" 1)" "$(stats "$tmp/$v.mem" 2)"
done
