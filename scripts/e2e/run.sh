#!/usr/bin/env bash
# rekey installed as its users install it, with no java, mvn or JDK on PATH: the runtime image
# tarball, the npm packages from a Verdaccio registry on loopback (Vite project, husky), the
# pre-commit framework's hooks and the GitHub Action. ./test.sh runs it.
#
#   scripts/e2e/run.sh [RELEASE_DIR]   (default: builds the release with scripts/release.sh)
#   REKEY_E2E_ONLY="npm action" scripts/e2e/run.sh target/release    (only these: image, npm,
#                                                                    pre-commit, action)
#
# Needs git, node and npm, python3 with pip, curl; installs Verdaccio (npm), pre-commit and
# check-jsonschema (PyPI) into a cache (REKEY_E2E_CACHE, default ~/.cache/rekey-e2e) that also
# keeps the npm packages Verdaccio proxies, so that a repeated run downloads nothing.
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=scripts/e2e/lib.sh
source "$HERE/lib.sh"
# shellcheck source=scripts/e2e/registry.sh
source "$HERE/registry.sh"

WORK=$(mktemp -d /tmp/rekey-e2e.XXXXXX)
trap 'registry_stop; rm -rf "$WORK"' EXIT
RELEASE=${1:-$WORK/release}
[[ -n ${1:-} ]] || "$ROOT/scripts/release.sh" "$RELEASE"
tarball=$(ls "$RELEASE"/rekey-*.tar.gz)
name=$(basename "$tarball" .tar.gz)
PLATFORM=$(echo "$name" | sed 's/.*-\([a-z]*-[a-z0-9]*\)$/\1/') # rekey-VERSION-OS-ARCH
VERSION=${name#rekey-}
VERSION=${VERSION%-"$PLATFORM"}

part() { [[ -z ${REKEY_E2E_ONLY:-} || " $REKEY_E2E_ONLY " == *" $1 "* ]]; }
if part image; then "$HERE/image.sh" "$tarball" "$WORK/image"; fi

E2E_HOME=$WORK/registry-home E2E_BIN=$WORK/registry-bin
mkdir -p "$E2E_HOME" "$WORK/registry"
registry_start "$WORK/registry"
export E2E_NPMRC=$WORK/registry/npmrc
registry_publish "$RELEASE/npm/rekey-$PLATFORM-$VERSION.tgz" "$RELEASE/npm/rekey-cli-$VERSION.tgz"
registry_private
ok "registry: rekey-cli and rekey-$PLATFORM $VERSION published to $REGISTRY, rekey's names not proxied"

if part npm; then "$HERE/npm.sh" "$VERSION" "$PLATFORM" "$WORK/npm"; fi
if part pre-commit; then "$HERE/pre-commit.sh" "$VERSION" "$PLATFORM" "$WORK/pre-commit"; fi
if part action; then "$HERE/action.sh" "$WORK/action"; fi
echo "e2e: install tests passed (${REKEY_E2E_ONLY:-all})" >&2
