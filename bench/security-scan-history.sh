#!/usr/bin/env bash
# bench/security-scan-history.sh -- throughput of `slk security-scan --history`.
#
# Usage: bench/security-scan-history.sh [options]
#   --commits N   commits of the generated repository (default 10000)
#   --runs N      timed runs per repository after one warm-up run (default 3; the median is reported)
#   --slk CMD     run slk as CMD, an installed launcher (e.g. ~/.local/bin/slk); by default the
#                 script installs slk from this repository into $SCRATCH/install with install.sh
#   --keep        keep the scratch directory of the run and print its path
#   -h, --help    show this help
#
# Two repositories are scanned, each with
#   LAUNCHER security-scan --no-infra --history --format json --fail-on low
# timed as a whole process (JVM start included) with date +%s%N:
#   this:       the repository the script is in (its whole history, every ref), as it is
#   generated:  a repository written by bench/history-repo.py through `git fast-import` (fixed
#               seed): N commits on one branch over some 400 files, one to three files edited per
#               commit, and every 1,000th commit adding a .env file with an AWS access key id that
#               the next commit deletes. The script checks that every planted key is reported at
#               the commit that added it (recall) and that nothing else is reported.
# It prints commits, distinct blobs scanned, their MB, seconds (median), MB/s and blobs/s.
#
# Scratch: ${TMPDIR:-/tmp}/slk-scan-history-bench ($SCRATCH); each run works in a new directory
# there, removed at the end unless --keep; the generated repository is cached in
# $SCRATCH/repo-N (it is the same for the same N). Needs git, python3, and what install.sh needs.
# Exit: 0 measured, 2 usage error or missing tool, 1 a tool failed or the planted keys were not
# all found.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"


commits=10000 runs=3 slk_cmd="" keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --commits) need_arg "$1" $#; commits=$2; shift 2 ;;
    --runs) need_arg "$1" $#; runs=$2; shift 2 ;;
    --slk) need_arg "$1" $#; slk_cmd=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
for pair in "--commits:$commits" "--runs:$runs"; do
  case ${pair#*:} in
    '' | *[!0-9]* | 0) die "${pair%%:*} wants a positive whole number, got '${pair#*:}'" 2 ;;
  esac
done
for tool in git python3; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found" 2
done

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
SCRATCH="${TMPDIR:-/tmp}/slk-scan-history-bench"
mkdir -p -- "$SCRATCH"
work=$(mktemp -d "$SCRATCH/run.XXXXXX")
cleanup() { if [ "$keep" -eq 1 ]; then note "kept $work"; else rm -rf -- "$work"; fi; }
trap cleanup EXIT

if [ -z "$slk_cmd" ]; then
  note "installing slk into $SCRATCH/install (install.sh; rebuilds only when the sources changed)..."
  if ! PREFIX="$SCRATCH/install" "$REPO/install.sh" >"$work/install.log" 2>&1; then
    tail -n 30 -- "$work/install.log" >&2 || true
    die "install.sh failed" 2
  fi
  slk_cmd="$SCRATCH/install/bin/slk"
fi
command -v "$slk_cmd" >/dev/null 2>&1 || die "slk launcher not found or not executable: $slk_cmd" 2
"$slk_cmd" security-scan --help 2>&1 | grep -q -- '--history' \
  || die "$slk_cmd has no security-scan --history; rebuild and reinstall it" 2

generated="$SCRATCH/repo-$commits"
if [ ! -f "$generated/.bench-complete" ]; then
  note "generating a repository of $commits commits in $generated..."
  rm -rf -- "$generated"
  git init -q -b main "$generated"
  python3 "$REPO/bench/history-repo.py" "$commits" 42 2>"$generated/.bench-planted" \
    | git -C "$generated" fast-import --quiet
  git -C "$generated" checkout -q main
  touch "$generated/.bench-complete"
fi
# The bench's own files are not part of the repository's content: keep them out of the scan.
printf '.bench-*\n' >"$generated/.git/info/exclude"

# Prints the median wall time in seconds of RUNS runs after a warm-up; leaves the last report in $2.
time_scan() {
  local dir=$1 report=$2 i start end times=() rc
  for ((i = 0; i <= runs; i++)); do
    start=$(date +%s%N)
    set +e
    (cd -- "$dir" && "$slk_cmd" security-scan --no-infra --history --format json --fail-on low) >"$report" 2>"$work/err"
    rc=$?
    set -e
    end=$(date +%s%N)
    [ "$rc" -le 1 ] || { cat -- "$work/err" >&2; die "slk failed with exit code $rc in $dir"; }
    [ "$i" -eq 0 ] || times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR]=$1} END {printf "%.2f", t[int((NR+1)/2)]/1000}'
}

row() {
  local name=$1 seconds=$2 report=$3
  python3 - "$name" "$seconds" "$report" <<'PY'
import json, sys
name, seconds, report = sys.argv[1], float(sys.argv[2]), json.load(open(sys.argv[3]))
f = report["facts"]
mb = f["blobBytesScanned"] / 1e6
print(f"| {name} | {f['commitsScanned']} | {f['blobsScanned']} | {mb:.1f} | {seconds:.2f} | "
      f"{mb / seconds:.1f} | {f['blobsScanned'] / seconds:.0f} | {len(report['findings'])} |")
PY
}

note "scanning $REPO ($runs runs after a warm-up)..."
this_s=$(time_scan "$REPO" "$work/this.json")
note "scanning $generated ($runs runs after a warm-up)..."
gen_s=$(time_scan "$generated" "$work/generated.json")

printf '| repository | commits | blobs | MB | seconds | MB/s | blobs/s | findings |\n|---|---|---|---|---|---|---|---|\n'
row "this repository" "$this_s" "$work/this.json"
row "generated" "$gen_s" "$work/generated.json"

python3 - "$generated" "$work/generated.json" <<'PY'
import json, subprocess, sys
repo, report = sys.argv[1], json.load(open(sys.argv[2]))
planted = {}
for line in open(f"{repo}/.bench-planted"):
    path, n = line.rstrip("\n").split("\t")
    planted[path] = n
found = {}
for f in report["findings"]:
    found.setdefault(f["location"]["file"], []).append(f)
missed = [p for p in planted if p not in found]
extra = [p for p in found if p not in planted]
wrong = []
for path, fs in found.items():
    if path in planted:
        commit = fs[0]["location"].get("commit", "")
        msg = subprocess.run(["git", "-C", repo, "log", "-1", "--format=%s", commit],
                             capture_output=True, text=True).stdout.strip()
        if msg != f"commit {planted[path]}":
            wrong.append(f"{path}: reported at '{msg}', added by 'commit {planted[path]}'")
print(f"planted keys found at the commit that added them: {len(planted) - len(missed) - len(wrong)}/{len(planted)};"
      f" other findings: {len(extra)}")
for line in missed + extra + wrong:
    print("  " + line)
sys.exit(1 if missed or extra or wrong else 0)
PY
