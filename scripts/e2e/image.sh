#!/usr/bin/env bash
# The runtime image as a user meets it: unpacked from its tarball on a machine with no Java, run
# through a link on PATH: scan a fixture repository, refuse a commit from the installed hook, plan
# a rotation, and describe itself.
# usage: image.sh TARBALL WORK
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=scripts/e2e/lib.sh
source "$HERE/lib.sh"
TARBALL=$1 WORK=$2
mkdir -p "$WORK/opt"
e2e_env "$WORK"

tar -xzf "$TARBALL" -C "$WORK/opt"
image=$(echo "$WORK"/opt/rekey-*)
ln -s "$image/bin/rekey" "$E2E_BIN/rekey" # as a user links it into /usr/local/bin
expect 0 "$WORK/version.log" rekey --version
grep -q "bundled runtime image $image/runtime" "$WORK/version.log" || fail "--version: $(cat "$WORK/version.log")"
expect 0 "$WORK/self-check.log" rekey self-check "$WORK"
grep -q "shipped with the runtime image" "$WORK/self-check.log" || fail "self-check: $(cat "$WORK/self-check.log")"
ok "image: --version and self-check name the bundled runtime and its start-up cache"

clean bash "$ROOT/test-repos/worktree/build.sh" "$WORK/worktree"
expect 1 "$WORK/scan.log" rekey scan "$WORK/worktree" --format jsonl -o "$WORK/scan.jsonl"
same_findings "$WORK/scan.jsonl" "$ROOT/test-repos/worktree/expected.jsonl"
ok "image: scan finds the worktree fixture's secrets"

expect 0 "$WORK/rotate.log" rekey rotate "$WORK/worktree" --dry-run
grep -q 'github.personal-access-token' "$WORK/rotate.log" || fail "rotate --dry-run planned nothing: $WORK/rotate.log"
ok "image: rotate --dry-run plans the rotations"

repo=$WORK/repo
clean git init -q "$repo"
echo "# app" >"$repo/README.md"
expect 0 "$WORK/hook-install.log" sh -c "cd '$repo' && rekey hook install"
grep -q "cache_kind=shipped" "$repo/.git/rekey/hook" || fail "the hook does not use the shipped start-up cache"
clean git -C "$repo" add README.md
expect 0 "$WORK/commit.log" git -C "$repo" commit -qm "first commit"
commit_refused "$repo" "$WORK/refused.log"
ok "image: the installed hook passes a clean commit and refuses one adding a key"
