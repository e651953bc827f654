#!/usr/bin/env bash
# The action's last step, after the SARIF upload: fails the job on a scan error or on new findings
# at or above fail-on.
set -euo pipefail
case ${STATUS:-error} in
  error) echo "::error::rekey could not complete the scan: see the Scan step" && exit 1 ;;
  findings) if [[ ${FAILING:-0} -gt 0 ]]; then
    echo "::error::rekey found $FAILING new leaked credential(s) at or above ${INPUT_FAIL_ON:-info}: see the Scan step and code scanning"
    exit 1
  fi ;;
esac
echo "rekey: no new finding at or above ${INPUT_FAIL_ON:-info}"
