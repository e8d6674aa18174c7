# bench/lib.sh -- the helpers every bench script shares; sourced right after `set -euo pipefail`.
# usage prints the calling script's header comment (line 2 up to its `set -euo` line).

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { printf 'bench: %s\n' "$1" >&2; exit "${2:-1}"; }
note() { printf 'bench: %s\n' "$*" >&2; }
need_arg() { [ "$2" -ge 2 ] || die "$1 needs a value" 2; }

# median: whole numbers on stdin, one a line -> "median N ms (min N, max N, N runs)".
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %d ms (min %d, max %d, %d runs)", m, a[1], a[NR], NR}'; }

# probe_compile WORK [SOURCE...]: compiles bench/ColdStartProbe.java, the Lambda kit's LocalContext
# (not every package carries the kit) and SOURCE (a module's bench handler) into WORK/probe,
# against the Lambda package unzipped in WORK/task.
probe_compile() {
  local work=$1 repo
  shift
  repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
  mkdir -p "$work/probe"
  "${JAVA_HOME:+$JAVA_HOME/bin/}javac" -nowarn -d "$work/probe" -cp "$work/task/lib/*" "$repo/bench/ColdStartProbe.java" \
      "$repo/framework/lambda-kit/src/main/java/dev/slk/lambda/kit/LocalContext.java" "$@"
}

# cold_starts WORK RUNS WHAT PROBE: RUNS fresh JVMs with the JVM defaults, then RUNS with Lambda's
# java21 flags (-XX:+TieredCompilation -XX:TieredStopAtLevel=1). PROBE is the calling script's
# function that runs ColdStartProbe in a JVM with the flags it is given. Prints the medians of INIT,
# of the first invocation (of WHAT) and of their sum.
cold_starts() {
  local work=$1 runs=$2 what=$3 probe=$4 flags init first
  for flags in "" "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"; do
    : > "$work/init"; : > "$work/first"; : > "$work/total"
    for _ in $(seq "$runs"); do
      # shellcheck disable=SC2086
      read -r init first < <("$probe" $flags 2> "$work/probe.err" | tail -1) \
          || die "the cold-start probe failed: $(tail -3 "$work/probe.err")"
      echo "$init" >> "$work/init"; echo "$first" >> "$work/first"; echo $((init + first)) >> "$work/total"
    done
    echo "JVM flags: ${flags:-(defaults)}"
    printf '  %-40s %s\n' "INIT (JVM start to constructed handler):" "$(median < "$work/init")" \
        "first invocation${what:+ ($what)}:" "$(median < "$work/first")" \
        "cold start total:" "$(median < "$work/total")"
  done
}
