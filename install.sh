#!/usr/bin/env bash
# install.sh -- build slk from this repository and install it for the current user.
#
# Usage: ./install.sh [--help]        (may be run from any directory)
#
# Environment:
#   PREFIX     install prefix (default: $HOME/.local)
#   JAVA_HOME  if set, $JAVA_HOME/bin/java is the Java checked, built with and run by the launcher
#
# What it does:
#   1. Checks prerequisites: Java 17+, Maven, Node.js 18+ (CDK synthesis runs on node) and npm.
#   2. Builds with `mvn -B -ntp -q -DskipTests clean package` (skipped when nothing changed, see below).
#   3. Installs  $PREFIX/share/slk/slk.jar, $PREFIX/share/slk/lib/*.jar and the deployment artifacts
#      of slk's own Lambda functions, $PREFIX/share/slk/lambda/*.zip (the whole directory is
#      replaced in one swap, so an interrupted install never leaves a half-installed tree), and an
#      AppCDS archive $PREFIX/share/slk/slk.jsa that makes the JVM start faster.
#   4. Installs the AWS CDK CLI that slk deploy runs, npm aws-cdk at the version the root pom.xml
#      pins (aws-cdk-cli.version), into $PREFIX/share/slk/cdk (never globally); kept when it is
#      already that version.
#   5. Writes the launcher $PREFIX/bin/slk (honours JAVA_HOME and SLK_JAVA_OPTS at run time).
#   6. Runs `slk validate-config` and `slk synth --out <repo>/cdk.out` on config.example.yaml, and
#      exits with the first non-zero exit code.
#
# Re-running is quick: a sha256 fingerprint of the repository's sources (files tracked or
# untracked-but-not-ignored by git, minus target/, node_modules/, cdk.out/) and of the Java
# version is kept in $PREFIX/share/slk/.build-fingerprint; when it matches, the build is skipped.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: ./install.sh [--help]

Builds slk from this repository and installs it (run it from any directory).

  PREFIX=DIR     install prefix, default $HOME/.local
                   launcher:  $PREFIX/bin/slk
                   jars:      $PREFIX/share/slk/slk.jar and $PREFIX/share/slk/lib/
                   Lambdas:   $PREFIX/share/slk/lambda/ (slk's own functions, for synth)
                   CDS cache: $PREFIX/share/slk/slk.jsa (faster JVM start-up)
                   CDK CLI:   $PREFIX/share/slk/cdk/ (npm aws-cdk, pinned; slk deploy runs it)
  JAVA_HOME=DIR  Java to check, build with and (in the launcher) run with

Requires Java 17 or newer, Maven, Node.js 18 or newer (needed by CDK synthesis) and npm
(installs the pinned AWS CDK CLI; the first install downloads it from the npm registry).
The build (mvn -B -ntp -q -DskipTests clean package) is skipped when the sources and the Java
version are unchanged since the last install. At the end it runs, on the bundled example,
  slk validate-config --config <repo>/config.example.yaml
  slk synth --config <repo>/config.example.yaml --out <repo>/cdk.out
and exits with the first non-zero exit code (1 invalid or cdk-nag errors, 2 usage/unreadable
input or no Node.js, 3 internal error), or 0.

Launcher environment: JAVA_HOME (Java to run), SLK_JAVA_OPTS (extra JVM options).
EOF
}

case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  "") ;;
  *) printf 'install.sh: unknown argument: %s\n\n' "$1" >&2; usage >&2; exit 2 ;;
esac

say() { printf 'slk install: %s\n' "$*"; }
die() { printf 'slk install: error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

self=${BASH_SOURCE[0]}
if have readlink && resolved=$(readlink -f -- "$self" 2>/dev/null) && [ -n "$resolved" ]; then
  self=$resolved
fi
REPO=$(cd -- "$(dirname -- "$self")" && pwd -P)

# ---------------------------------------------------------------- prerequisites
# Major version from a `java -version` string: "1.8.0_392" -> 8, "17.0.15" -> 17, "21-ea" -> 21.
java_major() {
  local v=$1 major
  case $v in
    1.*) major=${v#1.}; major=${major%%[!0-9]*} ;;
    *) major=${v%%[!0-9]*} ;;
  esac
  printf '%s\n' "${major:-0}"
}

problems=()

if [ -n "${JAVA_HOME:-}" ]; then
  JAVA="$JAVA_HOME/bin/java"
  java_where="JAVA_HOME=$JAVA_HOME"
else
  JAVA=java
  java_where="PATH"
fi
JAVA_VERSION_TEXT=""
if [ -n "${JAVA_HOME:-}" ] && [ ! -x "$JAVA" ]; then
  problems+=("java 17 or newer: JAVA_HOME is set to '$JAVA_HOME' but $JAVA is not executable (fix or unset JAVA_HOME)")
elif [ -z "${JAVA_HOME:-}" ] && ! have java; then
  problems+=("java 17 or newer: 'java' not found on PATH (install a JDK 17+, e.g. apt-get install openjdk-17-jdk-headless, or set JAVA_HOME)")
else
  JAVA_VERSION_TEXT=$("$JAVA" -version 2>&1 | grep -v '^Picked up' || true)
  java_version=$(printf '%s\n' "$JAVA_VERSION_TEXT" | awk -F'"' '/version/ { print $2; exit }')
  if [ -z "$java_version" ]; then
    problems+=("java 17 or newer: could not read the version from '$JAVA -version' (from $java_where): $(printf '%s' "$JAVA_VERSION_TEXT" | head -n 1)")
  elif [ "$(java_major "$java_version")" -lt 17 ]; then
    problems+=("java 17 or newer: found java $java_version ($JAVA, from $java_where), which is too old")
  fi
fi

if ! have mvn; then
  problems+=("mvn (Apache Maven 3.8 or newer): 'mvn' not found on PATH (e.g. apt-get install maven)")
fi

if ! have node; then
  problems+=("node 18 or newer (needed by CDK synthesis): 'node' not found on PATH (e.g. apt-get install nodejs)")
else
  node_version=$(node --version 2>/dev/null || true)
  node_major=${node_version#v}
  node_major=${node_major%%[!0-9]*}
  if [ -z "$node_major" ]; then
    problems+=("node 18 or newer (needed by CDK synthesis): could not read the version from 'node --version' ('$node_version')")
  elif [ "$node_major" -lt 18 ]; then
    problems+=("node 18 or newer (needed by CDK synthesis): found node $node_version ($(command -v node)), which is too old")
  fi
fi

if ! have npm; then
  problems+=("npm (installs the AWS CDK CLI that slk deploy runs): 'npm' not found on PATH (it comes with Node.js, e.g. apt-get install npm)")
fi

if have sha256sum; then
  SHA256=(sha256sum)
elif have shasum; then
  SHA256=(shasum -a 256)
else
  problems+=("sha256sum (GNU coreutils) or shasum: neither found on PATH")
fi

if [ "${#problems[@]}" -gt 0 ]; then
  printf 'slk install: missing prerequisites:\n' >&2
  printf '  - %s\n' "${problems[@]}" >&2
  exit 1
fi

# ---------------------------------------------------------------- locations
PREFIX=${PREFIX:-$HOME/.local}
mkdir -p -- "$PREFIX/bin" "$PREFIX/share"
PREFIX=$(cd -- "$PREFIX" && pwd -P)   # the launcher needs absolute paths
SHARE="$PREFIX/share/slk"
LAUNCHER="$PREFIX/bin/slk"
FINGERPRINT_FILE="$SHARE/.build-fingerprint"
EXAMPLE_CONFIG="$REPO/config.example.yaml"
# The pinned CDK CLI version, from the one place versions live. (No shell variable here starts with
# CDK: the CDK CLI reads such environment variables as options.)
aws_cdk_cli_version=$(sed -n 's:.*<aws-cdk-cli.version>\([^<]*\)</aws-cdk-cli.version>.*:\1:p' "$REPO/pom.xml" | head -n 1)

# Temporary paths are removed on exit; an interrupted swap is rolled back.
cleanup_paths=()
swap_old=""
# shellcheck disable=SC2317  # invoked by the EXIT trap
on_exit() {
  if [ -n "$swap_old" ] && [ -d "$swap_old" ] && [ ! -e "$SHARE" ]; then
    mv -- "$swap_old" "$SHARE" 2>/dev/null || true
  fi
  if [ "${#cleanup_paths[@]}" -gt 0 ]; then
    rm -rf -- "${cleanup_paths[@]}"
  fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- fingerprint
# NUL-separated list of source files, relative to the repository.
list_sources() {
  if have git && git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$REPO" ls-files -z --cached --others --exclude-standard
  else
    (cd -- "$REPO" && find . \( -name target -o -name .git -o -name node_modules -o -name cdk.out \) \
      -prune -o -type f -print0)
  fi
}

compute_fingerprint() {
  {
    printf 'java -version:\n%s\n' "$JAVA_VERSION_TEXT"
    (
      cd -- "$REPO"
      list_sources | LC_ALL=C sort -z | while IFS= read -r -d '' f; do
        case "/$f" in
          */target/* | */.git/* | */node_modules/* | */cdk.out/*) continue ;;
        esac
        if [ -f "$f" ]; then printf '%s\0' "$f"; fi
      done | xargs -0 -r "${SHA256[@]}"
    )
  } | "${SHA256[@]}" | cut -d ' ' -f 1
}

# ---------------------------------------------------------------- install steps
# Class-Path entries (e.g. "lib/a.jar lib/b.jar") of a jar's manifest; empty if unreadable.
manifest_class_path() {
  local jar=$1 mf="" jar_tool
  if have unzip; then
    mf=$(unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null || true)
  else
    jar_tool="$(dirname -- "$(readlink -f -- "$(command -v "$JAVA")" 2>/dev/null || echo "$JAVA")")/jar"
    if [ -x "$jar_tool" ]; then
      local d
      d=$(mktemp -d)
      cleanup_paths+=("$d")
      (cd -- "$d" && "$jar_tool" xf "$jar" META-INF/MANIFEST.MF) 2>/dev/null && mf=$(cat -- "$d/META-INF/MANIFEST.MF")
    fi
  fi
  # Manifest lines wrap at 72 bytes; continuation lines start with one space.
  printf '%s\n' "$mf" | tr -d '\r' |
    awk '/^ / { line = line substr($0, 2); next } { if (line != "") print line; line = $0 } END { if (line != "") print line }' |
    sed -n 's/^Class-Path: *//p'
}

build() {
  say "building slk (first build downloads dependencies, a few minutes)..."
  # clean: a file the sources no longer have (a deleted scaffold template) would otherwise stay in
  # an old target/classes and be packaged, so new-module would still generate it.
  if ! (cd -- "$REPO" && mvn -B -ntp -q -Dstyle.color=never -DskipTests clean package); then
    die "build failed: 'mvn -B -ntp -q -DskipTests clean package' in $REPO (see the output above)"
  fi
  [ -f "$REPO/cli/target/slk.jar" ] || die "build produced no $REPO/cli/target/slk.jar"
}

# Copy slk.jar and exactly the jars its manifest names into a fresh directory, then swap it in.
install_tree() {
  local built="$REPO/cli/target" new entry class_path
  rm -rf -- "$PREFIX/share"/.slk.new.* "$PREFIX/share"/.slk.old.*   # leftovers of a killed run
  new=$(mktemp -d "$PREFIX/share/.slk.new.XXXXXX")
  cleanup_paths+=("$new")
  chmod 755 "$new"
  mkdir "$new/lib"
  cp -- "$built/slk.jar" "$new/slk.jar"
  class_path=$(manifest_class_path "$built/slk.jar")
  if [ -n "$class_path" ]; then
    for entry in $class_path; do
      case $entry in
        lib/*.jar) ;;
        *) die "unexpected Class-Path entry '$entry' in $built/slk.jar (expected lib/<name>.jar)" ;;
      esac
      [ -f "$built/$entry" ] || die "$built/slk.jar needs $entry, which the build did not produce"
      cp -- "$built/$entry" "$new/$entry"
    done
  else
    say "note: could not read the Class-Path of slk.jar; installing every jar in $built/lib"
    if compgen -G "$built/lib/*.jar" >/dev/null; then
      cp -- "$built"/lib/*.jar "$new/lib/"
    fi
  fi
  # slk's own Lambda functions, which synth puts in the cloud assembly.
  mkdir "$new/lambda"
  compgen -G "$built/lambda/*-lambda.zip" >/dev/null || die "the build produced no Lambda artifacts in $built/lambda"
  cp -- "$built"/lambda/*-lambda.zip "$new/lambda/"
  # The installed CDK CLI does not depend on the build: it moves into the new tree.
  if [ -d "$SHARE/cdk" ]; then
    mv -- "$SHARE/cdk" "$new/cdk"
  fi
  # The swap: the old tree (with its now stale CDS archive and fingerprint) goes as a whole.
  if [ -e "$SHARE" ]; then
    swap_old="$PREFIX/share/.slk.old.$$"
    cleanup_paths+=("$swap_old")
    mv -- "$SHARE" "$swap_old"
  fi
  mv -- "$new" "$SHARE"
  if [ -n "$swap_old" ]; then
    rm -rf -- "$swap_old"
    swap_old=""
  fi
}

# AppCDS: record the classes that typical runs load, so later starts map them instead of parsing.
# Three training runs, validate-config and synth on the example config and security-scan on this repository
# plus a few fixture files (secret-shaped values made up here from random bytes, and a binary
# file, so that the finding, fingerprint and binary code loads too), each list their classes; one
# static archive is dumped from the lists, so these commands start fast. Should the static dump
# fail, a dynamic archive of the validate-config run is made instead.
create_cds_archive() {
  local tmp="$SHARE/.slk.jsa.tmp.$$" train
  train=$(mktemp -d)
  cleanup_paths+=("$tmp" "$train")
  rm -f -- "$SHARE/slk.jsa"
  say "creating the class data sharing archive (faster start-up)..."
  mkdir -p "$train/fixture"
  local random pem_dashes="-----"
  random=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  {
    printf 'db_password: "%sQ!"\n' "${random:0:20}"
    printf 'url: postgres://app:%s@db.internal:5432/app\n' "${random:20:16}Zq"
    printf 'tls_key: |\n  %sBEGIN RSA PRIVATE KEY%s\n' "$pem_dashes" "$pem_dashes"
    head -c 96 /dev/urandom | base64 | tr -d '\n' | fold -w 64 | sed 's/^/  /'
    echo
    printf '  %sEND RSA PRIVATE KEY%s\n' "$pem_dashes" "$pem_dashes"
  } >"$train/fixture/app.yaml"
  printf '\0\1\2\3binary' >"$train/fixture/blob.bin"
  "$JAVA" -XX:DumpLoadedClassList="$train/validate.lst" -jar "$SHARE/slk.jar" \
    validate-config --config "$EXAMPLE_CONFIG" >/dev/null 2>&1 || true
  "$JAVA" -XX:DumpLoadedClassList="$train/scan.lst" -jar "$SHARE/slk.jar" \
    security-scan --no-infra --format json "$train/fixture" "$REPO" >/dev/null 2>&1 || true
  "$JAVA" -XX:DumpLoadedClassList="$train/synth.lst" -jar "$SHARE/slk.jar" \
    synth --quiet --config "$EXAMPLE_CONFIG" --out "$train/cdk.out" >/dev/null 2>&1 || true
  # The JDK's own class list too, so the archive holds what the JDK's default one does (a static
  # archive replaces it) for the other commands. Each line once: a class list naming a lambda
  # proxy twice crashes the JDK 17 dump.
  local java_home jdk_list=()
  java_home=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/^ *java[.]home =/ { print $2; exit }')
  if [ -n "$java_home" ] && [ -f "$java_home/lib/classlist" ]; then
    jdk_list=("$java_home/lib/classlist")
  fi
  awk '!seen[$0]++' ${jdk_list[@]+"${jdk_list[@]}"} "$train/validate.lst" "$train/scan.lst" "$train/synth.lst" \
    >"$train/classes.lst" 2>/dev/null || true
  if [ -s "$train/classes.lst" ]; then
    (cd -- "$train" && "$JAVA" -Xshare:dump -XX:SharedClassListFile="$train/classes.lst" \
      -XX:SharedArchiveFile="$tmp" -cp "$SHARE/slk.jar") >/dev/null 2>&1 || rm -f -- "$tmp"
  fi
  if [ ! -s "$tmp" ]; then
    rm -f -- "$tmp"
    "$JAVA" -XX:ArchiveClassesAtExit="$tmp" -jar "$SHARE/slk.jar" \
      validate-config --config "$EXAMPLE_CONFIG" >/dev/null 2>&1 || true
  fi
  if [ -s "$tmp" ]; then
    mv -- "$tmp" "$SHARE/slk.jsa"
  else
    say "note: no CDS archive was produced; slk works, just starts a little slower"
  fi
}

# The version a cdk executable reports ("2.1148.1 (build fcf5e34)" -> 2.1148.1), or nothing.
cdk_cli_version_of() {
  [ -x "$1" ] || return 0
  CDK_DISABLE_CLI_TELEMETRY=true NODE_NO_WARNINGS=1 "$1" --version 2>/dev/null | awk 'NR == 1 { print $1 }' || true
}

# npm aws-cdk at the pinned version into $SHARE/cdk: staged beside it, then renamed into place.
install_cdk_cli() {
  local installed="$SHARE/cdk/node_modules/.bin/cdk" found staging
  [ -n "$aws_cdk_cli_version" ] || die "no aws-cdk-cli.version property in $REPO/pom.xml"
  found=$(cdk_cli_version_of "$installed")
  if [ "$found" = "$aws_cdk_cli_version" ]; then
    say "AWS CDK CLI $found is installed ($SHARE/cdk)"
    return 0
  fi
  say "installing the AWS CDK CLI: npm aws-cdk@$aws_cdk_cli_version into $SHARE/cdk${found:+ (replacing $found)}..."
  rm -rf -- "$SHARE"/.cdk.new.*   # leftovers of a killed run
  staging=$(mktemp -d "$SHARE/.cdk.new.XXXXXX")
  cleanup_paths+=("$staging")
  if ! npm install --prefix "$staging" --no-audit --no-fund --ignore-scripts --loglevel=error \
      "aws-cdk@$aws_cdk_cli_version" >&2; then
    die "npm install aws-cdk@$aws_cdk_cli_version failed (see the output above); slk deploy needs it"
  fi
  found=$(cdk_cli_version_of "$staging/node_modules/.bin/cdk")
  [ "$found" = "$aws_cdk_cli_version" ] ||
    die "npm installed aws-cdk '${found:-nothing runnable}', not $aws_cdk_cli_version"
  rm -rf -- "$SHARE/cdk"
  mv -- "$staging" "$SHARE/cdk"
  say "AWS CDK CLI $found installed ($SHARE/cdk)"
}

write_launcher() {
  local home_q tmp
  home_q=$(printf '%q' "$SHARE")
  tmp=$(mktemp "$PREFIX/bin/.slk.XXXXXX")
  cleanup_paths+=("$tmp")
  cat >"$tmp" <<EOF
#!/usr/bin/env bash
# slk launcher, written by install.sh from ${REPO//$'\n'/ }; re-run install.sh to update it.
# Environment: JAVA_HOME (Java to run, else java on PATH), SLK_JAVA_OPTS (extra JVM options).
set -euo pipefail
slk_home=$home_q
# slk prints one line when Node.js is end-of-life; jsii would print a 20-line banner each synth.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="\${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-14,16,18,20}"
# The C1 compiler alone: commands start about a quarter faster, and even a scan of an 800 MB tree
# takes half the CPU time that compiling its hot code again with C2 costs. SLK_JAVA_OPTS comes
# later and can override (e.g. -XX:TieredStopAtLevel=4).
jit=(-XX:TieredStopAtLevel=1)
# A scan keeps little in memory, briefly: the serial collector spends about 5% less CPU on it than G1.
gc=()
case "\${1:-}" in
  security-scan) gc=(-XX:+UseSerialGC) ;;
esac
read -r -a java_opts <<<"\${SLK_JAVA_OPTS:-}"
cds=()
if [ -f "\$slk_home/slk.jsa" ]; then
  cds=(-XX:SharedArchiveFile="\$slk_home/slk.jsa" -Xshare:auto)
fi
exec "\${JAVA_HOME:+\$JAVA_HOME/bin/}java" \${jit[@]+"\${jit[@]}"} \${gc[@]+"\${gc[@]}"} \${java_opts[@]+"\${java_opts[@]}"} \${cds[@]+"\${cds[@]}"} -jar "\$slk_home/slk.jar" "\$@"
EOF
  chmod 755 "$tmp"
  if [ -f "$LAUNCHER" ] && cmp -s -- "$tmp" "$LAUNCHER"; then
    rm -f -- "$tmp"
  else
    mv -f -- "$tmp" "$LAUNCHER"
  fi
}

path_hint() {
  case ":${PATH:-}:" in
    *":$PREFIX/bin:"*) return 0 ;;
  esac
  local rc
  case "$(basename -- "${SHELL:-sh}")" in
    bash) rc="$HOME/.bashrc" ;;
    zsh) rc="${ZDOTDIR:-$HOME}/.zshrc" ;;
    fish)
      say "$PREFIX/bin is not on your PATH. Add it with:"
      printf '    fish_add_path %q\n' "$PREFIX/bin"
      return 0
      ;;
    *) rc="$HOME/.profile" ;;
  esac
  say "$PREFIX/bin is not on your PATH. Add it by running:"
  printf "    echo 'export PATH=\"%s:\$PATH\"' >> %s\n" "$PREFIX/bin" "$rc"
  printf "  then open a new shell (or run: export PATH=\"%s:\$PATH\").\n" "$PREFIX/bin"
}

# ---------------------------------------------------------------- main
[ -f "$EXAMPLE_CONFIG" ] || die "the bundled example config $EXAMPLE_CONFIG is missing"

fingerprint=$(compute_fingerprint)
installed_fingerprint=""
if [ -f "$FINGERPRINT_FILE" ]; then
  installed_fingerprint=$(cat -- "$FINGERPRINT_FILE")
fi

if [ "$fingerprint" = "$installed_fingerprint" ] && [ -f "$SHARE/slk.jar" ] && [ -d "$SHARE/lib" ]; then
  say "slk is up to date ($SHARE)"
else
  build
  install_tree
  create_cds_archive
  # Written last: an install interrupted before this point is redone by the next run.
  cleanup_paths+=("$FINGERPRINT_FILE.tmp.$$")
  printf '%s\n' "$fingerprint" >"$FINGERPRINT_FILE.tmp.$$"
  mv -f -- "$FINGERPRINT_FILE.tmp.$$" "$FINGERPRINT_FILE"
  say "installed $SHARE"
fi

install_cdk_cli
write_launcher
say "launcher: $LAUNCHER"
path_hint

say "running: slk validate-config --config $EXAMPLE_CONFIG"
status=0
"$LAUNCHER" validate-config --config "$EXAMPLE_CONFIG" || status=$?
if [ "$status" -eq 0 ]; then
  say "running: slk synth --config $EXAMPLE_CONFIG --out $REPO/cdk.out"
  "$LAUNCHER" synth --config "$EXAMPLE_CONFIG" --out "$REPO/cdk.out" || status=$?
fi
exit "$status"
