#!/usr/bin/env bash
# The GitHub Action (action.yml) on a machine with no Java: its metadata validated against the
# action metadata schema (SchemaStore's, as check-jsonschema from PyPI ships it), and its steps
# run as the runner runs them (run_action.py) on a pull request that adds a key: the npm package
# is installed from the registry on loopback, SARIF is written, and the job fails unless fail-on
# is none.
# usage: action.sh WORK   (run.sh: the registry E2E_NPMRC names holds the packages)
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=scripts/e2e/lib.sh
source "$HERE/lib.sh"
WORK=$1
CHECK_JSONSCHEMA_VERSION=0.39.0
mkdir -p "$WORK"

if ! python3 -c "import importlib.metadata as m; assert m.version('check-jsonschema') == '$CHECK_JSONSCHEMA_VERSION'" 2>/dev/null; then
  echo "e2e: installing check-jsonschema==$CHECK_JSONSCHEMA_VERSION from PyPI" >&2
  python3 -m pip install -q --disable-pip-version-check "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
fi
python3 -m check_jsonschema --builtin-schema vendor.github-actions "$ROOT/action.yml" >"$WORK/schema.log" 2>&1 ||
  fail "action.yml does not validate: $(cat "$WORK/schema.log")"
ok "action: action.yml validates against the GitHub Actions metadata schema"

e2e_env "$WORK" node npm npx python3
repo=$WORK/repo
clean git init -q "$repo"
E2E_DIR=$repo
echo "# app" >"$repo/README.md"
clean git add README.md
clean git commit -qm base
base=$(git -C "$repo" rev-parse HEAD)
printf 'STRIPE_KEY=%s\n' "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" >"$repo/.env.production"
clean git add .env.production
clean git commit -qm "add the production key"
head=$(git -C "$repo" rev-parse HEAD)

run_action() { # run_action NAME FAIL_ON EXPECTED_EXIT
  cat >"$WORK/$1.json" <<JSON
{"inputs": {"fail-on": "$2"}, "workspace": "$repo",
 "github": {"event_name": "pull_request", "sha": "$head",
            "event": {"pull_request": {"base": {"sha": "$base"}, "head": {"sha": "$head"}}}}}
JSON
  expect "$3" "$WORK/$1.log" python3 "$HERE/run_action.py" "$ROOT" "$WORK/$1.json"
}
run_action pull-request info 1
grep -q '"scan": {"outputs": {"status": "findings", "findings": "1", "failing": "1"' "$WORK/pull-request.log" ||
  fail "unexpected scan outputs: $(cat "$WORK/pull-request.log")"
grep -q 'not run: github/codeql-action/upload-sarif@v3 with {"sarif_file": "/' "$WORK/pull-request.log" ||
  fail "the SARIF upload would get no file: $WORK/pull-request.log"
ok "action: a pull request adding a key fails, with its SARIF report for upload"
run_action fail-on-none none 0
ok "action: with fail-on none it passes"
