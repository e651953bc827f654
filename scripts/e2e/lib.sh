# shellcheck shell=bash
# Shared by the install tests in this folder: a clean environment as on a machine without Java.
#
# E2E_BIN is a folder of links to git, core utilities and the tools a test asks for (node, npm…),
# and nothing else: no java, no mvn, no JDK. Commands run in it with `clean CMD…`, which starts
# them with `env -i`, PATH=E2E_BIN and a HOME of their own.
set -euo pipefail

E2E_CACHE=${REKEY_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rekey-e2e}
CORE_TOOLS=(sh bash env cat ls ln sed grep awk dirname basename mkdir rm cp mv chmod tr head tail cut
  wc sort uniq find xargs tar gzip date uname readlink printf touch mktemp sleep expr id tee cmp git)

ok() { echo "e2e: ok - $*" >&2; }
fail() {
  echo "e2e: FAIL - $*" >&2
  exit 1
}

# e2e_env WORK TOOL...: sets up E2E_BIN and E2E_HOME under WORK with the core tools and TOOLs.
e2e_env() {
  local work=$1 tool path
  shift
  E2E_BIN=$work/bin E2E_HOME=$work/home
  mkdir -p "$E2E_BIN" "$E2E_HOME"
  for tool in "${CORE_TOOLS[@]}" "$@"; do
    path=$(command -v "$tool") || fail "the test needs $tool"
    ln -sf "$path" "$E2E_BIN/$tool"
  done
  printf '[user]\n\tname = E2E Tester\n\temail = e2e@rekey.test\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n' \
    >"$E2E_HOME/.gitconfig"
  # The registry on loopback (run.sh starts it): npm's configuration, in HOME as a user has it.
  [[ -n ${E2E_NPMRC:-} ]] && cp "$E2E_NPMRC" "$E2E_HOME/.npmrc"
  if clean sh -c 'command -v java || command -v mvn || command -v javac'; then
    fail "java or mvn is reachable from the clean PATH"
  fi
}

# clean CMD...: runs CMD in the clean environment, in E2E_DIR (default: the current directory),
# with the extra variables E2E_VARS=(NAME=value…).
clean() {
  env -i -C "${E2E_DIR:-$PWD}" HOME="$E2E_HOME" PATH="$E2E_BIN" LANG=C.UTF-8 TERM=dumb NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1 \
    ${E2E_VARS[@]+"${E2E_VARS[@]}"} "$@"
}

# expect CODE LOG CMD...: runs CMD in the clean environment, output to LOG; fails unless it exits CODE.
expect() {
  local want=$1 log=$2 got=0
  shift 2
  clean "$@" >"$log" 2>&1 || got=$?
  if [[ $got -ne $want ]]; then
    tail -n 40 "$log" >&2
    fail "'$*' exited $got, expected $want (log: $log)"
  fi
}

# same_findings JSONL EXPECTED: the rule, path and line of each finding match EXPECTED's.
same_findings() {
  python3 - "$1" "$2" <<'PY' || fail "findings in $1 differ from $2"
import json, sys
def keys(path):
    return sorted((f["rule"], f["path"], f["line"]) for f in map(json.loads, open(path)) if f)
got, want = keys(sys.argv[1]), keys(sys.argv[2])
if got != want:
    print("got:", got, "\nwant:", want, file=sys.stderr)
    sys.exit(1)
PY
}

# commit_refused REPO: stages a key in REPO and checks that `git commit` is refused by the hook.
commit_refused() {
  local repo=$1 log=$2
  # The Stripe key of test-repos/worktree (listed in .rekey-baseline.json), valid for no account.
  printf 'STRIPE_KEY=%s\n' "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" \
    >"$repo/.env.production"
  clean git -C "$repo" add .env.production
  expect 1 "$log" git -C "$repo" commit -qm "add the production key"
  grep -q 'stripe.secret-key' "$log" || fail "the refused commit does not name the rule (log: $log)"
  clean git -C "$repo" rm -q --cached .env.production
  rm "$repo/.env.production"
}
