#!/usr/bin/env bash
# Builds rekey's release for the platform of this machine: a runtime image that needs no Java, as
# a tarball and as npm packages.
#
#   scripts/release.sh [OUT]      (default OUT: target/release)
#
# OUT/rekey-VERSION-PLATFORM.tar.gz (and .sha256) unpacks to rekey-VERSION-PLATFORM/ holding
#   bin/rekey        the launcher (POSIX sh)
#   lib/rekey.jar    rekey, one jar
#   lib/rekey.aot    the start-up (AOT) cache, built for this runtime and this jar by a training run
#   runtime/         a Java runtime linked by jlink with only the modules rekey needs (from jdeps)
#   LICENSE          rekey's license (the runtime's own are in runtime/legal)
# OUT/npm/ holds the npm packages: rekey-PLATFORM-VERSION.tgz (the image) and rekey-cli-VERSION.tgz
# (the command rekey, which picks the image of its platform); see packaging/README.md.
#
# PLATFORM follows Node's names (linux-x64, linux-arm64, darwin-arm64, darwin-x64). jlink links the
# runtime of the JDK it belongs to and an AOT cache is made by running it, so each platform is
# built on a machine of that platform (a CI matrix); the JDK must be 25 or newer.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT=$(mkdir -p "${1:-$ROOT/target/release}" && cd "${1:-$ROOT/target/release}" && pwd)
# shellcheck source=scripts/find-jdk.sh
source "$ROOT/scripts/find-jdk.sh"
log() { echo "release: $*" >&2; }

major=$(rekey_java_major "$JAVA_HOME/bin/java")
if ((major < 25)); then
  log "needs a JDK 25 or newer for the start-up cache (found $major at $JAVA_HOME): set REKEY_JAVA_HOME"
  exit 2
fi

platform() {
  local os arch
  case $(uname -s) in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) log "unsupported OS $(uname -s): see packaging/README.md"; exit 2 ;;
  esac
  case $(uname -m) in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) log "unsupported CPU $(uname -m)"; exit 2 ;;
  esac
  echo "$os-$arch"
}

# Modules: what jdeps finds in the jar, less java.desktop, which it finds only for annotations
# (java.beans.Transient, ConstructorProperties in Jackson and the AWS SDK, never needed at run
# time) and PostgreSQL's geometric types (java.awt.Point, unused): 9 MB of the download.
modules() {
  local jar=$1 key cached
  key=$(cksum <"$jar" | cut -d' ' -f1)
  cached="$ROOT/target/release-modules-$key"
  if [[ ! -f $cached ]]; then
    mkdir -p "$ROOT/target"
    "$JAVA_HOME/bin/jdeps" -q --ignore-missing-deps --multi-release "$major" --print-module-deps "$jar" |
      tr ',' '\n' | grep -vx 'java.desktop' | paste -sd, - >"$cached.tmp"
    mv "$cached.tmp" "$cached"
  fi
  cat "$cached"
}

"$ROOT/rekey" --version >/dev/null # builds cli/target/rekey.jar when the sources changed
JAR="$ROOT/cli/target/rekey.jar"
PLATFORM=$(platform)
VERSION=$("$JAVA_HOME/bin/java" -cp "$JAR" dev.rekey.cli.Main --version | sed -n 's/^rekey //p')
# The hooks and the action install this very version from npm.
for pin in "package.json:\"version\": \"$VERSION\"" ".pre-commit-hooks.yaml:'rekey-cli@$VERSION'" \
  "action.yml:default: $VERSION"; do
  grep -qF "${pin#*:}" "$ROOT/${pin%%:*}" || { log "${pin%%:*} does not pin version $VERSION: update it"; exit 2; }
done
NAME="rekey-$VERSION-$PLATFORM"
STAGE="$OUT/$NAME"
rm -rf "$STAGE"
mkdir -p "$STAGE/bin" "$STAGE/lib"

MODULES=$(modules "$JAR")
log "linking a runtime with $MODULES"
# No jlink compression: the tarball is compressed anyway, and an uncompressed image starts faster.
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --output "$STAGE/runtime"
cp "$JAR" "$STAGE/lib/rekey.jar"
cp "$ROOT/LICENSE" "$STAGE/LICENSE"
cp "$ROOT/packaging/bin/rekey" "$STAGE/bin/rekey"
chmod 0755 "$STAGE/bin/rekey"

log "building the start-up cache (a training run of a commit check)"
"$STAGE/bin/rekey" hook cache --output "$STAGE/lib/rekey.aot" >/dev/null
"$STAGE/bin/rekey" --version >&2

tar -C "$OUT" -cf - "$NAME" | gzip -9 >"$OUT/$NAME.tar.gz"
(cd "$OUT" && { sha256sum "$NAME.tar.gz" 2>/dev/null || shasum -a 256 "$NAME.tar.gz"; } >"$NAME.tar.gz.sha256")
log "$OUT/$NAME.tar.gz: $(du -k "$OUT/$NAME.tar.gz" | cut -f1) KiB compressed, $(du -sk "$STAGE" | cut -f1) KiB unpacked"

if command -v npm >/dev/null 2>&1; then
  "$ROOT/packaging/npm/pack.sh" "$STAGE" "$PLATFORM" "$VERSION" "$OUT/npm"
else
  log "npm not found: the npm packages were not built"
fi
