#!/usr/bin/env bash
# rekey scans itself: every secret in this repository must be a fixture listed, with a reason, in
# .rekey-baseline.json; any other finding fails the build.
#
#   scripts/dogfood.sh            scan (what ./test.sh runs)
#   scripts/dogfood.sh --refresh  rewrite .rekey-baseline.json from the current tree: reasons
#                                 already written are kept, new entries get the fixture reason,
#                                 entries no longer found are dropped. Review the diff.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$ROOT"
if [[ ${1:-} == --refresh ]]; then
  exec ./rekey baseline . --reason "test fixture or detector example, valid for no account"
fi
if ! ./rekey scan . --baseline .rekey-baseline.json; then
  echo "dogfood: rekey found secrets in this repository that .rekey-baseline.json does not list." >&2
  echo "If they are fixtures valid for no account, run scripts/dogfood.sh --refresh and review the diff;" >&2
  echo "otherwise remove them (and rotate any real credential)." >&2
  exit 1
fi
