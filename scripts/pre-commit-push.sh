#!/usr/bin/env bash
# The pre-commit framework's pre-push hook: scans the commits being pushed. pre-commit passes the
# range in PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF (the from-ref is empty for a new branch).
# In a checkout of rekey (hook rekey-push-source) it runs the ./rekey launcher; installed by npm
# (hook rekey-push) it runs the rekey that npm installed beside it.
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
REKEY=rekey
[[ -x $HERE/rekey && -f $HERE/pom.xml ]] && REKEY=$HERE/rekey
to=${PRE_COMMIT_TO_REF:?pre-commit did not pass PRE_COMMIT_TO_REF: run this as a pre-push hook}
from=${PRE_COMMIT_FROM_REF:-}
if [[ -n $from ]] && git cat-file -e "$from^{commit}" 2>/dev/null; then
  exec "$REKEY" scan --range "$from..$to"
fi
first=$(git rev-list "$to" --not --remotes | tail -n 1)
[[ -n $first ]] || exit 0
if base=$(git rev-parse -q --verify "$first^"); then
  exec "$REKEY" scan --range "$base..$to"
fi
exec "$REKEY" scan --range "$to"
