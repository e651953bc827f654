#!/usr/bin/env bash
# The action's scan: what the pull request adds (base..head), what a push adds (before..after; for
# a new branch, what it adds to the default branch), else the whole repository. Writes SARIF and
# the step outputs sarif, findings, failing (at or above fail-on) and status (clean, findings,
# error); the verdict step fails the job after the upload.
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
sarif=${RUNNER_TEMP:?not run by GitHub Actions}/rekey.sarif
zero=0000000000000000000000000000000000000000

case ${INPUT_FAIL_ON:=info} in
  critical | high | medium | low | info | none) ;;
  *)
    echo "::error::fail-on must be critical, high, medium, low, info or none, not '$INPUT_FAIL_ON'"
    echo "status=error" >>"${GITHUB_OUTPUT:?}"
    exit 0
    ;;
esac

range=
case ${GITHUB_EVENT_NAME:-} in
  pull_request | pull_request_target) range="${EVENT_BASE:?}..${EVENT_HEAD:?}" ;;
  push)
    if [[ -n ${EVENT_BEFORE:-} && $EVENT_BEFORE != "$zero" ]] && git cat-file -e "$EVENT_BEFORE^{commit}" 2>/dev/null; then
      range="$EVENT_BEFORE..$GITHUB_SHA"
    elif [[ -n ${DEFAULT_BRANCH:-} ]] && git rev-parse -q --verify "origin/$DEFAULT_BRANCH" >/dev/null; then
      range="origin/$DEFAULT_BRANCH..$GITHUB_SHA"
    fi
    ;;
esac

args=(scan . --format sarif -o "$sarif")
[[ -n $range ]] && args+=(--range "$range")
[[ -n ${INPUT_BASELINE:-} ]] && args+=(--baseline "$INPUT_BASELINE")
# shellcheck disable=SC2206 # the extra arguments are words, split as a shell would (no globbing)
set -f && extra=(${INPUT_ARGS:-}) && set +f
args+=(${extra[@]+"${extra[@]}"})

echo "rekey ${args[*]}" >&2
code=0
rekey "${args[@]}" || code=$?
status=error findings=0 failing=0
if [[ $code -le 1 && -f $sarif ]]; then
  read -r findings failing < <(node "$HERE/count.js" "$sarif" "$INPUT_FAIL_ON")
  status=$([[ $findings -eq 0 ]] && echo clean || echo findings)
fi
{
  echo "status=$status"
  echo "findings=$findings"
  echo "failing=$failing"
  [[ -f $sarif ]] && echo "sarif=$sarif"
} >>"${GITHUB_OUTPUT:?}"
echo "rekey: exit $code, $findings new finding(s), $failing at or above $INPUT_FAIL_ON" >&2
