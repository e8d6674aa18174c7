# bench/lib.sh -- the helpers every bench script shares; sourced right after `set -euo pipefail`.
# usage prints the calling script's header comment (line 2 up to its `set -euo` line).

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { printf 'bench: %s\n' "$1" >&2; exit "${2:-1}"; }
note() { printf 'bench: %s\n' "$*" >&2; }
need_arg() { [ "$2" -ge 2 ] || die "$1 needs a value" 2; }
