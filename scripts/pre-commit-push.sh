#!/usr/bin/env bash
# The pre-commit framework's pre-push hook: scans the commits being pushed. pre-commit passes the
# range in PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF (the from-ref is empty for a new branch; a
# push that holds a root commit gets neither, only PRE_COMMIT_LOCAL_BRANCH: all of it is new).
# In a checkout of rekey (hook rekey-push-source) it runs the ./rekey launcher; installed by npm
# (hook rekey-push) it runs the rekey that npm installed beside it.
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
REKEY=rekey
[[ -x $HERE/rekey && -f $HERE/pom.xml ]] && REKEY=$HERE/rekey
to=${PRE_COMMIT_TO_REF:-${PRE_COMMIT_LOCAL_BRANCH:-HEAD}}
from=${PRE_COMMIT_FROM_REF:-}
if [[ -n $from ]] && git cat-file -e "$from^{commit}" 2>/dev/null; then
  exec "$REKEY" scan --range "$from..$to"
fi
first=$(git rev-list "$to" --not --remotes | tail -n 1)
[[ -n $first ]] || exit 0
if base=$(git rev-parse -q --verify "$first^"); then
  exec "$REKEY" scan --range "$base..$to"
fi
# The push holds a root commit: scan the whole history (the git folder: no working tree), with
# the configuration and baseline at the top of the working tree.
top=$(git rev-parse --show-toplevel)
args=()
[[ -f $top/.rekey-baseline.json ]] && args+=(--baseline "$top/.rekey-baseline.json")
[[ -f $top/.rekey.toml ]] && args+=(--config "$top/.rekey.toml")
exec "$REKEY" scan "$(git rev-parse --absolute-git-dir)" ${args[@]+"${args[@]}"}
