#!/usr/bin/env bash
# Makes rekey's npm packages from a runtime image built by scripts/release.sh:
#   rekey-PLATFORM-VERSION.tgz  the image (bin, lib, runtime), installed only on PLATFORM (os, cpu)
#   rekey-cli-VERSION.tgz       the package rekey-cli, whose command is 'rekey', with every platform
#                               package as an optional dependency: npm installs the one that fits
#                               (the esbuild pattern). The name 'rekey' on npmjs.com is someone
#                               else's (a library), hence rekey-cli.
# usage: pack.sh IMAGE_DIR PLATFORM VERSION OUT
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
IMAGE=$1 PLATFORM=$2 VERSION=$3 OUT=$4
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT

os=${PLATFORM%-*} cpu=${PLATFORM#*-}
libc=
[[ $os == linux ]] && libc=', "libc": ["glibc"]'
mkdir -p "$BUILD/platform"
cp -a "$IMAGE/bin" "$IMAGE/lib" "$IMAGE/runtime" "$BUILD/platform/"
cat >"$BUILD/platform/package.json" <<JSON
{
  "name": "rekey-$PLATFORM",
  "version": "$VERSION",
  "description": "rekey's runtime image for $PLATFORM: install 'rekey-cli', which picks it.",
  "license": "Apache-2.0",
  "os": ["$os"],
  "cpu": ["$cpu"]$libc,
  "preferUnplugged": true,
  "files": ["bin", "lib", "runtime"]
}
JSON
printf '# rekey-%s\n\nThe runtime image of [rekey](https://www.npmjs.com/package/rekey-cli) for %s. Install `rekey-cli`, which depends on it.\n' \
  "$PLATFORM" "$PLATFORM" >"$BUILD/platform/README.md"

cp "$ROOT/LICENSE" "$BUILD/platform/"

mkdir -p "$BUILD/cli"
cp -a "$HERE/rekey-cli/." "$ROOT/LICENSE" "$BUILD/cli/"
deps=$(grep -v '^#' "$HERE/platforms" | sed "s/.*/\"rekey-&\": \"$VERSION\"/" | paste -sd, -)
sed -i.bak -e "s/\"version\": \"0.0.0\"/\"version\": \"$VERSION\"/" \
  -e "s/\"optionalDependencies\": {}/\"optionalDependencies\": {$deps}/" "$BUILD/cli/package.json"
rm "$BUILD/cli/package.json.bak"

for pkg in platform cli; do
  (cd "$BUILD/$pkg" && npm pack --silent --pack-destination "$OUT" >/dev/null)
done
echo "pack: $(cd "$OUT" && ls "rekey-cli-$VERSION.tgz" "rekey-$PLATFORM-$VERSION.tgz" | tr '\n' ' ')in $OUT" >&2
