#!/usr/bin/env bash
# bench/security-scan-staged.sh -- how long `slk security-scan --staged` takes beyond JVM start.
#
# Usage: bench/security-scan-staged.sh [options]
#   --runs N    timed runs of each command after one warm-up run (default 5; medians reported)
#   --files N   files the typical commit changes (default 5)
#   --slk CMD   run slk as CMD, an installed launcher (e.g. ~/.local/bin/slk); by default the
#               script installs slk from this repository into $SCRATCH/install with install.sh
#   --keep      keep the scratch directory of the run and print its path
#   -h, --help  show this help
#
# It clones this repository (git clone --local) into a scratch directory, stages a typical
# commit there (N existing source files edited: a few lines appended to each; one new file
# added), and times as whole processes, with date +%s%N:
#   start:   LAUNCHER --version                        (the JVM and command-line start)
#   staged:  LAUNCHER security-scan --staged           (what the pre-commit hook runs)
# and prints both medians and their difference, the time --staged costs beyond JVM start
# (target: under 0.5 s).
#
# Scratch: ${TMPDIR:-/tmp}/slk-scan-staged-bench, a new directory per run, removed at the end
# unless --keep. Needs git and what install.sh needs.
# Exit: 0 measured (whether or not the target holds), 2 usage error or missing tool, 1 a tool failed.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"


runs=5 files=5 slk_cmd="" keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --runs) need_arg "$1" $#; runs=$2; shift 2 ;;
    --files) need_arg "$1" $#; files=$2; shift 2 ;;
    --slk) need_arg "$1" $#; slk_cmd=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
for pair in "--runs:$runs" "--files:$files"; do
  case ${pair#*:} in
    '' | *[!0-9]* | 0) die "${pair%%:*} wants a positive whole number, got '${pair#*:}'" 2 ;;
  esac
done
command -v git >/dev/null 2>&1 || die "git not found" 2

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
SCRATCH="${TMPDIR:-/tmp}/slk-scan-staged-bench"
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

clone="$work/clone"
git clone -q --local -- "$REPO" "$clone"
n=0
while IFS= read -r file; do
  printf '\n// edited for the staged-scan benchmark\nint benchValue%d = %d;\n' "$n" "$n" >>"$clone/$file"
  n=$((n + 1))
  [ "$n" -lt "$files" ] || break
done < <(git -C "$clone" ls-files '*.java' | sort | awk 'NR % 37 == 0')
printf 'notes for the staged-scan benchmark\n' >"$clone/BENCH_NOTES.md"
git -C "$clone" add -A
staged_files=$(git -C "$clone" diff --cached --name-only | wc -l)
staged_bytes=$(git -C "$clone" diff --cached --name-only | (cd "$clone" && xargs cat) | wc -c)

median() {
  local i start end times=() rc
  for ((i = 0; i <= runs; i++)); do
    start=$(date +%s%N)
    set +e
    (cd -- "$clone" && "$@") >"$work/out" 2>"$work/err"
    rc=$?
    set -e
    end=$(date +%s%N)
    [ "$rc" -eq 0 ] || { cat -- "$work/out" "$work/err" >&2; die "$* exited with $rc"; }
    [ "$i" -eq 0 ] || times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{t[NR]=$1} END {print t[int((NR+1)/2)]}'
}

start_ms=$(median "$slk_cmd" --version)
staged_ms=$(median "$slk_cmd" security-scan --staged)
tail -n 1 "$work/out" >&2
printf '| staged files | staged KB | slk --version (ms) | security-scan --staged (ms) | beyond JVM start (ms) |\n'
printf '|---|---|---|---|---|\n'
printf '| %d | %.1f | %d | %d | %d |\n' "$staged_files" "$(echo "$staged_bytes / 1000" | bc -l)" \
  "$start_ms" "$staged_ms" "$((staged_ms - start_ms))"
