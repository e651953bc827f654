#!/usr/bin/env bash
# The pre-commit framework's hooks of this repository (.pre-commit-hooks.yaml), run by the real
# pre-commit tool from PyPI on a machine with no Java: `rekey` refuses a commit adding a key and
# `rekey-push` a push of one; both install the npm package rekey-cli from the registry on loopback.
# The hook repository is a clone of this one with the working tree's hook files committed.
# usage: pre-commit.sh VERSION PLATFORM WORK   (run.sh: the registry E2E_NPMRC names holds the packages)
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=scripts/e2e/lib.sh
source "$HERE/lib.sh"
VERSION=$1 PLATFORM=$2 WORK=$3
PRE_COMMIT_VERSION=4.7.0
mkdir -p "$WORK"

if ! python3 -c "import pre_commit.constants as c; assert c.VERSION == '$PRE_COMMIT_VERSION'" 2>/dev/null; then
  echo "e2e: installing pre-commit==$PRE_COMMIT_VERSION from PyPI" >&2
  python3 -m pip install -q --disable-pip-version-check "pre-commit==$PRE_COMMIT_VERSION"
fi
e2e_env "$WORK" node npm python3 pre-commit

hooks=$WORK/hook-repo
git clone -q "$ROOT" "$hooks"
cp "$ROOT/.pre-commit-hooks.yaml" "$ROOT/package.json" "$hooks/"
cp "$ROOT/scripts/pre-commit-push.sh" "$hooks/scripts/"
E2E_DIR=$hooks clean git add -A
E2E_DIR=$hooks clean git commit -qm "hooks as in the working tree" --allow-empty --no-verify
rev=$(git -C "$hooks" rev-parse HEAD)

remote=$WORK/remote.git repo=$WORK/repo
clean git init -q --bare "$remote"
clean git init -q "$repo"
E2E_DIR=$repo
cat >"$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: rekey
      - id: rekey-push
YAML
expect 0 "$WORK/install.log" pre-commit install -t pre-commit -t pre-push
clean git add -A
expect 0 "$WORK/commit.log" git commit -qm "pre-commit configuration"
grep -q 'rekey (secrets in staged changes).*Passed' "$WORK/commit.log" || fail "the hook did not run: $WORK/commit.log"
commit_refused "$repo" "$WORK/refused.log"
ok "pre-commit: the rekey hook (node, npm package) refuses a commit adding a key"

clean git remote add origin "$remote"
expect 0 "$WORK/push.log" git push -q origin main
printf 'STRIPE_KEY=%s\n' "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" >"$repo/.env"
clean git add .env
clean git commit -qm "skip the commit hook" --no-verify
expect 1 "$WORK/push-refused.log" git push -q origin main
grep -q 'stripe.secret-key' "$WORK/push-refused.log" || fail "the refused push does not name the rule"
ok "pre-commit: the rekey-push hook refuses a push of a commit adding a key"
