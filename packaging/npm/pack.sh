#!/usr/bin/env bash
# Makes rekey's npm packages from a runtime image built by scripts/release.sh:
#   rekey-PLATFORM-VERSION.tgz  the image (bin, lib, runtime), installed only on PLATFORM (os, cpu)
#   rekey-VERSION.tgz           the 'rekey' command, with every platform package as an optional
#                               dependency: npm installs the one that fits (the esbuild pattern)
# usage: pack.sh IMAGE_DIR PLATFORM VERSION OUT
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
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
  "description": "rekey's runtime image for $PLATFORM: install 'rekey', which picks it.",
  "os": ["$os"],
  "cpu": ["$cpu"]$libc,
  "preferUnplugged": true,
  "files": ["bin", "lib", "runtime"]
}
JSON
printf '# rekey-%s\n\nThe runtime image of [rekey](https://www.npmjs.com/package/rekey) for %s. Install `rekey`, which depends on it.\n' \
  "$PLATFORM" "$PLATFORM" >"$BUILD/platform/README.md"

mkdir -p "$BUILD/rekey"
cp -a "$HERE/rekey/." "$BUILD/rekey/"
deps=$(grep -v '^#' "$HERE/platforms" | sed "s/.*/\"rekey-&\": \"$VERSION\"/" | paste -sd, -)
sed -i.bak -e "s/\"version\": \"0.0.0\"/\"version\": \"$VERSION\"/" \
  -e "s/\"optionalDependencies\": {}/\"optionalDependencies\": {$deps}/" "$BUILD/rekey/package.json"
rm "$BUILD/rekey/package.json.bak"

for pkg in platform rekey; do
  (cd "$BUILD/$pkg" && npm pack --silent --pack-destination "$OUT" >/dev/null)
done
echo "pack: $(cd "$OUT" && ls "rekey-$VERSION.tgz" "rekey-$PLATFORM-$VERSION.tgz" | tr '\n' ' ')in $OUT" >&2
