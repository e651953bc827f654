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
# The push holds the root commit (no parent): --range reads an all-zero id as "nothing", as git's
# pre-push input does, so 0000..TO is all of TO's history that no remote has (issue 16).
base=$(git rev-parse -q --verify "$first^") || base=0000000000000000000000000000000000000000
exec "$REKEY" scan --range "$base..$to"
