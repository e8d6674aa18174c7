#!/usr/bin/env bash
# bench/security-scan.sh -- throughput and accuracy of `slk security-scan`, compared with secretlint.
#
# Usage: bench/security-scan.sh [options]
#   --size-mb N      corpus size in MB of 10^6 bytes (default 200)
#   --files N        corpus file count (default 10000)
#   --quick          a 20 MB / 1000-file corpus and one timed run per tool, no warm-up
#                    (--size-mb and --files still override the corpus size)
#   --runs N         timed runs per tool after one warm-up run (default 3; the median is reported)
#   --corpus DIR     use the corpus in DIR (DIR/tree, DIR/manifest.tsv, DIR/corpus.json, as an
#                    earlier run made it); when DIR holds no corpus yet, make one there. DIR is
#                    never deleted
#   --keep           keep the run's scratch directory (corpus, reports) and print its path
#   --no-secretlint  benchmark slk only
#   --slk CMD        run slk as CMD, an installed launcher (e.g. ~/.local/bin/slk); by default the
#                    script installs slk from this repository into $SCRATCH/install with install.sh
#                    and runs that launcher (see below)
#   --secretlint-as-shipped
#                    also time secretlint with its profiler left on (one run, no warm-up; see
#                    below: some 15-20 minutes at the default size)
#   -h, --help       show this help
#
# bench/scan-corpus.py (python3, standard library only) writes a reproducible corpus (fixed seed):
# Java, Python, TypeScript/JS, YAML, JSON, package-lock.json, minified JS, logs, .env,
# .properties, random binaries and PNG-like files, with secrets of 11 families planted at known
# lines and decoys (UUIDs, git SHAs, sha512 integrity hashes, PNG data URIs, placeholders) that
# must not be reported. The manifest lists both.
#
# Then it times, with wall-clock time (date +%s%N), each tool as a whole process, start-up included:
#   slk:        LAUNCHER security-scan --no-infra --format json --fail-on low TREE
#               (exit 1, findings, is expected). LAUNCHER is slk as a user runs it: the launcher
#               that install.sh writes, so the JVM runs with the launcher's options (the C1 JIT
#               alone, the serial collector, the AppCDS archive install.sh makes). By default the
#               script runs PREFIX=$SCRATCH/install ./install.sh first, which rebuilds and
#               reinstalls only when the sources changed since (output: $SCRATCH/install.log).
#   secretlint: secretlint "**/*" --format json with @secretlint/secretlint-rule-preset-recommend,
#               installed with npm into $SCRATCH/secretlint on first use and reused after
#
# and prints one table: corpus MB, files, seconds (median), MB/s, recall (planted secrets with a
# finding on their path and line, any rule) and false positives (findings on no planted secret
# line, counted once per path and line; those on a decoy line apart from the others). Then the
# throughput ratio slk/secretlint and whether the target holds: >= 10x the throughput, recall at
# least secretlint's, and no more false positives. Per-family recall follows.
#
# secretlint before the upstream fix "enable profiling only when --profile is specified"
# (secretlint PR #1673; the fixed releases need Node.js 22, so npm picks a 12.x release on Node.js
# 20) records a performance mark per rule and file and scans all earlier marks for each one:
# its time grows with the square of the file count (10,000 files: well over 15 minutes instead of ~10 s),
# findings unchanged. So by default secretlint runs with a preloaded module that makes the
# profiler's mark() a no-op, as the fix does; --secretlint-as-shipped adds a row for the
# unmodified run. The target is judged against the profiler-off row.
#
# Scratch: ${TMPDIR:-/tmp}/slk-scan-bench ($SCRATCH); each run works in a new directory there,
# removed at the end unless --keep. Needs what install.sh needs (java 17+, mvn, node), python3 and,
# for secretlint, npm. JAVA_HOME, if set, selects the java (for install.sh and the launcher).
# Exit: 0 measured (whether or not the target holds), 2 usage error or missing tool, 1 a tool failed.
set -euo pipefail
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"


size_mb="" files="" runs="" quick=0 keep=0 corpus="" secretlint=1 stock=0 slk_cmd=""
while [ $# -gt 0 ]; do
  case $1 in
    --size-mb) need_arg "$1" $#; size_mb=$2; shift 2 ;;
    --size-mb=*) size_mb=${1#*=}; shift ;;
    --files) need_arg "$1" $#; files=$2; shift 2 ;;
    --files=*) files=${1#*=}; shift ;;
    --runs) need_arg "$1" $#; runs=$2; shift 2 ;;
    --runs=*) runs=${1#*=}; shift ;;
    --corpus) need_arg "$1" $#; corpus=$2; shift 2 ;;
    --corpus=*) corpus=${1#*=}; shift ;;
    --quick) quick=1; shift ;;
    --keep) keep=1; shift ;;
    --no-secretlint) secretlint=0; shift ;;
    --slk) need_arg "$1" $#; slk_cmd=$2; shift 2 ;;
    --slk=*) slk_cmd=${1#*=}; shift ;;
    --secretlint-as-shipped) stock=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'bench: unknown argument: %s\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$quick" -eq 1 ]; then
  size_mb=${size_mb:-20} files=${files:-1000} runs=${runs:-1} warmup=0
else
  size_mb=${size_mb:-200} files=${files:-10000} runs=${runs:-3} warmup=1
fi
for pair in "--size-mb:$size_mb" "--files:$files" "--runs:$runs"; do
  case ${pair#*:} in
    '' | *[!0-9]* | 0) die "${pair%%:*} wants a positive whole number, got '${pair#*:}'" 2 ;;
  esac
done
[ "$files" -ge 20 ] || die "--files must be at least 20" 2
[ "$secretlint" -eq 1 ] || [ "$stock" -eq 0 ] || die "--secretlint-as-shipped and --no-secretlint exclude each other" 2

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
GEN="$REPO/bench/scan-corpus.py"
command -v python3 >/dev/null 2>&1 || die "python3 not found" 2
[ -f "$GEN" ] || die "$GEN is missing" 2
case $(date +%N) in
  *[!0-9]*) die "date +%N is not supported here" 2 ;;
esac

SCRATCH="${TMPDIR:-/tmp}/slk-scan-bench"
mkdir -p -- "$SCRATCH"

# slk as a user runs it: the installed launcher.
if [ -z "$slk_cmd" ]; then
  note "installing slk into $SCRATCH/install (install.sh; rebuilds only when the sources changed)..."
  if ! PREFIX="$SCRATCH/install" "$REPO/install.sh" >"$SCRATCH/install.log" 2>&1; then
    tail -n 30 -- "$SCRATCH/install.log" >&2 || true
    die "install.sh failed (log: $SCRATCH/install.log)" 2
  fi
  slk_cmd="$SCRATCH/install/bin/slk"
fi
case $slk_cmd in
  */*) # the runs happen in the corpus directory, so a relative path must be made absolute
    [ -d "$(dirname -- "$slk_cmd")" ] || die "slk launcher not found: $slk_cmd" 2
    slk_cmd="$(cd -- "$(dirname -- "$slk_cmd")" && pwd -P)/$(basename -- "$slk_cmd")" ;;
esac
command -v "$slk_cmd" >/dev/null 2>&1 || die "slk launcher not found or not executable: $slk_cmd" 2
# An older slk answers `security-scan --help` with the top-level usage, so look for the command's own.
scan_help=$("$slk_cmd" security-scan --help 2>&1) || true
if ! grep -q '^Usage: .*security-scan' <<<"$scan_help"; then
  die "$slk_cmd has no security-scan command ($slk_cmd security-scan --help); rebuild and reinstall it" 2
fi
work=$(mktemp -d "$SCRATCH/run.XXXXXX")
cleanup() {
  if [ -s "$work/child.pid" ]; then
    kill "$(cat -- "$work/child.pid")" 2>/dev/null || true
  fi
  if [ "$keep" -eq 1 ]; then
    note "kept $work"
  else
    rm -rf -- "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------- corpus
if [ -n "$corpus" ]; then
  mkdir -p -- "$corpus"
  corpus=$(cd -- "$corpus" && pwd -P)
  if [ -f "$corpus/manifest.tsv" ] && [ -f "$corpus/corpus.json" ] && [ -d "$corpus/tree" ]; then
    note "reusing the corpus in $corpus (--size-mb and --files do not apply)"
  elif [ -e "$corpus/tree" ]; then
    die "$corpus/tree exists but $corpus/manifest.tsv or corpus.json does not; remove it or pick another --corpus" 2
  else
    note "generating a ${size_mb} MB / ${files}-file corpus in $corpus..."
    python3 "$GEN" generate --out "$corpus" --size-mb "$size_mb" --files "$files"
  fi
else
  corpus="$work/corpus"
  note "generating a ${size_mb} MB / ${files}-file corpus in $corpus..."
  python3 "$GEN" generate --out "$corpus" --size-mb "$size_mb" --files "$files"
fi
tree="$corpus/tree"
read -r corpus_files corpus_bytes planted < <(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
print(m["files"], m["bytes"], m["secrets"])' "$corpus/corpus.json")
actual_files=$(find "$tree" -type f | wc -l)
[ "$actual_files" -eq "$corpus_files" ] ||
  die "$tree has $actual_files files but corpus.json says $corpus_files; the corpus was changed" 2
note "corpus: $corpus_files files, $corpus_bytes bytes, $planted planted secrets"

# ---------------------------------------------------------------------------------- timing
# run_timed LABEL OUT ERR CMD... : runs CMD in $tree with stdout to OUT and stderr to ERR, printing
# a progress line to stderr every 15 s; sets run_ms and run_rc.
run_timed() {
  local label=$1 out=$2 err=$3 status="$work/status" pid start=$SECONDS next=15
  shift 3
  rm -f -- "$status" "$work/child.pid"
  (
    cd -- "$tree"
    rc=0
    t0=$(date +%s%N)
    "$@" >"$out" 2>"$err" &
    echo $! >"$work/child.pid"
    wait $! || rc=$?
    t1=$(date +%s%N)
    echo "$rc $(((t1 - t0) / 1000000))" 2>/dev/null >"$status" || true # gone when interrupted
  ) &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.2
    if [ $((SECONDS - start)) -ge "$next" ]; then
      note "  $label: still running, $next s"
      next=$((next + 15))
    fi
  done
  wait "$pid" || true
  rm -f -- "$work/child.pid"
  [ -f "$status" ] || die "$label: the timing wrapper failed"
  read -r run_rc run_ms <"$status"
}

# bench_tool NAME OUT CMD... : $warmup warm-up runs, then $runs timed runs (override with the
# variables nruns/nwarm); a run exiting other than 0 or 1 stops the benchmark. Sets tool_s (median
# seconds) and leaves the last report in OUT.
bench_tool() {
  local name=$1 out=$2 i total times=() warmup=${nwarm:-$warmup} runs=${nruns:-$runs}
  shift 2
  total=$((runs + warmup))
  for ((i = 1; i <= total; i++)); do
    local label="$name run $i/$total"
    [ "$i" -le "$warmup" ] && label="$name warm-up run"
    note "$label..."
    run_timed "$label" "$out" "$work/$name.err" "$@"
    if [ "$run_rc" -gt 1 ]; then
      tail -n 30 -- "$work/$name.err" >&2 || true
      die "$name exited $run_rc (an error, not findings): $(printf '%q ' "$@")"
    fi
    note "  $label: $(awk -v ms="$run_ms" 'BEGIN { printf "%.2f", ms / 1000 }') s, exit $run_rc"
    [ "$i" -le "$warmup" ] || times+=("$run_ms")
  done
  tool_s=$(printf '%s\n' "${times[@]}" | sort -n | awk '
    { v[NR] = $1 }
    END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m / 1000 }')
}

# score TOOL REPORT SECONDS : appends a row to $work/table and writes $work/TOOL.details
score() {
  local tool=$1 report=$2 secs=$3 line found total decoy other nfind supp fscan bscan bskip
  line=$(python3 "$GEN" score --corpus "$corpus" --tool "${tool%-stock}" --results "$report" \
    --details "$work/$tool.details") || die "could not read the $tool report $report"
  read -r found total decoy other nfind supp fscan bscan bskip <<<"$line"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$corpus_bytes" "$corpus_files" "$secs" \
    "$found" "$total" "$decoy" "$other" "$fscan" "$bscan" >>"$work/table"
  note "$tool: $nfind findings ($supp suppressed, not counted), recall $found/$total," \
    "false positives $decoy on decoys + $other other"
  if [ "$fscan" != "-" ] && [ "$fscan" != "$corpus_files" ]; then
    note "note: $tool reports filesScanned $fscan (binarySkipped $bskip), the corpus has $corpus_files files"
  fi
  if [ "$bscan" != "-" ] && [ "$bscan" != "$corpus_bytes" ]; then
    note "note: $tool reports bytesScanned $bscan, the corpus has $corpus_bytes bytes"
  fi
}

: >"$work/table"

# ---------------------------------------------------------------------------------- slk
slk_version=$("$slk_cmd" --version 2>/dev/null | head -n 1) || slk_version="?"
bench_tool slk "$work/slk.json" "$slk_cmd" \
  security-scan --no-infra --format json --fail-on low "$tree"
score slk "$work/slk.json" "$tool_s"

# ---------------------------------------------------------------------------------- secretlint
sl_version="-"
if [ "$secretlint" -eq 1 ]; then
  SL="$SCRATCH/secretlint"
  SL_BIN="$SL/node_modules/.bin/secretlint"
  if [ ! -x "$SL_BIN" ] || [ ! -d "$SL/node_modules/@secretlint/secretlint-rule-preset-recommend" ]; then
    command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js or use --no-secretlint" 2
    note "installing secretlint into $SL..."
    mkdir -p -- "$SL"
    npm install --prefix "$SL" --no-audit --no-fund --loglevel=error \
      secretlint@12 @secretlint/secretlint-rule-preset-recommend@12 >&2 ||
      die "npm install of secretlint failed"
  fi
  command -v node >/dev/null 2>&1 || die "node not found; install Node.js or use --no-secretlint" 2
  sl_version=$("$SL_BIN" --version)
  printf '{ "rules": [{ "id": "@secretlint/secretlint-rule-preset-recommend" }] }\n' >"$work/secretlintrc.json"
  : >"$work/secretlintignore" # empty: ignore nothing beyond secretlint's built-in node_modules/.git
  # Inside $SL, so that the bare specifier resolves to the profiler secretlint itself loads.
  printf '%s\n' '// Written by bench/security-scan.sh: makes the profiler a no-op unless --profile.' \
    'import { secretLintProfiler } from "@secretlint/profiler";' \
    'if (!process.argv.includes("--profile")) secretLintProfiler.mark = () => {};' >"$SL/no-profiler.mjs"
  sl_args=("**/*" --format json --no-color --no-terminalLink --secretlintrc "$work/secretlintrc.json"
    --secretlintignore "$work/secretlintignore")
  bench_tool secretlint "$work/secretlint.json" node --import "$SL/no-profiler.mjs" \
    "$SL/node_modules/secretlint/bin/secretlint.js" "${sl_args[@]}"
  score secretlint "$work/secretlint.json" "$tool_s"
  if [ "$stock" -eq 1 ]; then
    nruns=1 nwarm=0 bench_tool secretlint-stock "$work/secretlint-stock.json" \
      node "$SL/node_modules/secretlint/bin/secretlint.js" "${sl_args[@]}"
    score secretlint-stock "$work/secretlint-stock.json" "$tool_s"
  fi
fi

# ---------------------------------------------------------------------------------- report
printf '\nslk security-scan benchmark: %s\n%s (%s); secretlint %s (profiler off%s); %s timed run(s)%s\n' \
  "$corpus" "$slk_version" "$slk_cmd" "$sl_version" "$([ "$stock" -eq 1 ] && echo '; -stock: as shipped, 1 run')" \
  "$runs" "$([ "$warmup" -eq 1 ] && echo ' after a warm-up, median')"
awk -F'\t' '
  BEGIN {
    printf "%-16s %9s %7s %9s %9s %15s %24s\n", "tool", "corpus MB", "files", "seconds", "MB/s",
      "recall", "false pos (decoy/other)"
  }
  {
    mb = $2 / 1e6
    printf "%-16s %9.1f %7d %9.2f %9.2f %15s %24s\n", $1, mb, $3, $4, ($4 > 0 ? mb / $4 : 0),
      sprintf("%d/%d %.1f%%", $5, $6, $6 ? 100 * $5 / $6 : 0), $7 "/" $8
  }' "$work/table"

if [ "$secretlint" -eq 1 ]; then
  awk -F'\t' '
    { t[$1] = $4; f[$1] = $5; fp[$1] = $7 + $8 }
    END {
      if (t["slk"] <= 0 || t["secretlint"] <= 0) { print "throughput slk/secretlint: n/a"; exit }
      ratio = t["secretlint"] / t["slk"]
      why = ""
      if (ratio < 10) why = why sprintf("; throughput %.1fx < 10x", ratio)
      if (f["slk"] < f["secretlint"]) why = why sprintf("; recall %d < %d", f["slk"], f["secretlint"])
      if (fp["slk"] > fp["secretlint"]) why = why sprintf("; false positives %d > %d", fp["slk"], fp["secretlint"])
      printf "throughput slk/secretlint: %.1fx; target (>= 10x, recall >= secretlint, false positives <= secretlint): %s\n",
        ratio, (why == "" ? "MET" : "NOT MET" why)
      if (t["secretlint-stock"] > 0)
        printf "throughput slk/secretlint as shipped (profiler on): %.1fx\n", t["secretlint-stock"] / t["slk"]
    }' "$work/table"
else
  echo "throughput slk/secretlint: n/a (--no-secretlint)"
fi

# Per-family recall, then which decoys and rules made the false positives.
printf '\nrecall by family (found/planted)\n'
tools=(slk)
[ "$secretlint" -eq 1 ] && tools+=(secretlint)
for t in "${tools[@]}"; do
  awk -F'\t' -v t="$t" '$1 == "recall" { print t "\t" $2 "\t" $3 "/" $4 }' "$work/$t.details"
done | awk -F'\t' '
  { if (!($2 in seen)) { seen[$2] = 1; fam[++n] = $2 } v[$1, $2] = $3; tl[$1] = 1 }
  END {
    printf "  %-24s %12s %12s\n", "family", "slk", ("secretlint" in tl) ? "secretlint" : ""
    for (i = 1; i <= n; i++) printf "  %-24s %12s %12s\n", fam[i], v["slk", fam[i]], v["secretlint", fam[i]]
  }'
for t in "${tools[@]}"; do
  decoys=$(awk -F'\t' '$1 == "decoy" { printf "%s%s %s", sep, $2, $3; sep = ", " }' "$work/$t.details")
  others=$(awk -F'\t' '$1 == "other" { printf "%s%s %s", sep, $2, $3; sep = ", " }' "$work/$t.details")
  printf '%s false positives: on decoys: %s; other, by rule: %s\n' "$t" "${decoys:-none}" "${others:-none}"
  awk -F'\t' -v t="$t" '$1 == "example" { print "  " t " other false positive: " $2 " (" $3 ")" }' "$work/$t.details"
done
if [ "$keep" -eq 1 ]; then
  printf 'reports and missed secrets: %s/{slk,secretlint}.json, %s/*.details\n' "$work" "$work"
fi
