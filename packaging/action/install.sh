#!/usr/bin/env bash
# The action's first step: installs the npm package rekey-cli (with the runtime image of the runner's
# platform) into the runner's temporary folder, and puts its command on PATH.
set -euo pipefail
prefix=${RUNNER_TEMP:?not run by GitHub Actions}/rekey
npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "rekey-cli@${REKEY_VERSION:?}" >&2
echo "$prefix/node_modules/.bin" >>"${GITHUB_PATH:?}"
"$prefix/node_modules/.bin/rekey" --version
