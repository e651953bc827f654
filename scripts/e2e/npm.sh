#!/usr/bin/env bash
# The npm packages as a JavaScript developer meets them, on a machine with no Java: published to
# a registry on loopback; in a fresh Vite project, a one-off `npx rekey-cli scan .` (the package is
# rekey-cli, its one command rekey), then `npm install -D rekey-cli` with husky, `npx rekey scan .`,
# a husky pre-commit hook refusing a commit that adds a key (both the `rekey scan --staged` line
# and `rekey hook install`), and `npx rekey rotate --dry-run` on a fixture.
# usage: npm.sh VERSION PLATFORM WORK   (run.sh: the packages are in the registry E2E_NPMRC names)
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=scripts/e2e/lib.sh
source "$HERE/lib.sh"
VERSION=$1 PLATFORM=$2 WORK=$3
CREATE_VITE_VERSION=9.3.0
HUSKY_VERSION=9.1.7
mkdir -p "$WORK"
e2e_env "$WORK" node npm npx


E2E_DIR=$WORK expect 0 "$WORK/create.log" npm create "vite@$CREATE_VITE_VERSION" app -- --template vanilla --no-interactive
app=$WORK/app
E2E_DIR=$app
clean git init -q .
expect 0 "$WORK/install.log" npm install --no-audit
# Not a dependency yet: npx fetches rekey-cli from the registry and runs its only command, rekey.
expect 0 "$WORK/npx-once.log" npx rekey-cli scan .
grep -q 'No secrets found' "$WORK/npx-once.log" || fail "npx rekey-cli did not run rekey: $(cat "$WORK/npx-once.log")"
[[ ! -e $app/node_modules/rekey-cli ]] || fail "npx rekey-cli installed rekey-cli into the project"
ok "npm: npx rekey-cli scan . runs rekey without adding it to the project"

expect 0 "$WORK/install-rekey.log" npm install -D "rekey-cli@$VERSION" "husky@$HUSKY_VERSION"
[[ -x $app/node_modules/rekey-$PLATFORM/runtime/bin/java ]] || fail "npm did not install rekey-$PLATFORM"
expect 0 "$WORK/npx-scan.log" npx rekey scan .
ok "npm: npx rekey scan . in a fresh Vite project finds nothing"

expect 0 "$WORK/husky-init.log" npx husky init
echo "rekey scan --staged" >"$app/.husky/pre-commit"
clean git add -A
expect 0 "$WORK/commit.log" git commit -qm "Vite app with rekey in husky's pre-commit"
commit_refused "$app" "$WORK/refused-husky.log"
ok "npm: husky's pre-commit hook (rekey scan --staged) refuses a commit adding a key"

printf '#!/bin/sh\n' >"$app/.husky/pre-commit" # `hook install` adds its own block to it
expect 0 "$WORK/hook-install.log" npx rekey hook install
grep -q 'cache_kind=shipped' "$app/.git/rekey/hook" || fail "the hook does not use the shipped start-up cache"
commit_refused "$app" "$WORK/refused-runner.log"
ok "npm: npx rekey hook install (husky block, runner with the shipped cache) refuses it too"

clean bash "$ROOT/test-repos/worktree/build.sh" "$WORK/worktree"
expect 1 "$WORK/scan-fixture.log" npx rekey scan "$WORK/worktree" --format jsonl -o "$WORK/fixture.jsonl"
same_findings "$WORK/fixture.jsonl" "$ROOT/test-repos/worktree/expected.jsonl"
expect 0 "$WORK/rotate.log" npx rekey rotate "$WORK/worktree" --dry-run
grep -q 'github.personal-access-token' "$WORK/rotate.log" || fail "rotate --dry-run planned nothing: $WORK/rotate.log"
ok "npm: npx rekey scans the worktree fixture and plans its rotations"
