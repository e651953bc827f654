#!/usr/bin/env bash
# Whole-process benchmark of a full-history scan: rekey against gitleaks (git mode), on the same
# generated repository, in the same run. Reports wall time, CPU time, peak RSS and planted-secret
# recall of each, the time ratio, and rekey's throughput per core of unique blob bytes.
#
# usage: bench/history/run.sh [--size 2G] [--data /work/bench-data] [--no-gitleaks]
#   --size   unique blob content of the generated history (2G is the reference; 200M to iterate)
#   --data   where tarballs and generated repositories are kept (reused when present)
#
# Real histories instead: bench/history/run.sh [--data DIR] [--rounds N] [--rekey LAUNCHER]
#   [--no-gitleaks] [--no-kingfisher] MIRROR.git...   (see real.py: rekey cold, repeat and repeat
#   after one commit beside Kingfisher and gitleaks, medians of N rounds)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --size | --data | --rounds | --rekey) i=$((i + 1)) ;;
    -*) ;;
    *) exec python3 "$HERE/real.py" "$@" ;; # a mirror given: real histories
  esac
done
SIZE=2G
DATA=/work/bench-data
GITLEAKS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    --no-gitleaks) GITLEAKS=0; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
GITLEAKS_BIN="${GITLEAKS_BIN:-$(command -v gitleaks || echo "$HOME/go/bin/gitleaks")}"
if [[ $GITLEAKS == 1 && ! -x $GITLEAKS_BIN ]]; then
  echo "installing gitleaks with go install…" >&2
  go install github.com/zricethezav/gitleaks/v8@latest
  GITLEAKS_BIN="$(go env GOPATH)/bin/gitleaks"
fi

OUT="$(python3 "$HERE/build_input.py" --size "$SIZE" --data "$DATA")"
REPO="$OUT/repo.git"
RESULTS="$OUT/results-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RESULTS"
"$ROOT/rekey" --version >/dev/null # build before timing

echo "input: $(python3 -c "import json,sys; d=json.load(open('$OUT/input.json')); print(d['commits'], 'commits,', round(d['unique_blob_bytes']/2**20), 'MiB of unique blobs,', d['planted'], 'planted secrets')")" >&2
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

echo "running rekey…" >&2
/usr/bin/time -v -o "$RESULTS/rekey.time" "$ROOT/rekey" scan "$REPO" --no-cache --show-secrets \
  --format json -o "$RESULTS/rekey.json" || [[ $? == 1 ]]

if [[ $GITLEAKS == 1 ]]; then
  echo "running gitleaks git…" >&2
  /usr/bin/time -v -o "$RESULTS/gitleaks.time" "$GITLEAKS_BIN" git "$REPO" --no-banner \
    --log-level error --exit-code 0 --report-format json --report-path "$RESULTS/gitleaks.json"
fi

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$HERE/report.py" "$OUT" "$RESULTS" | tee "$RESULTS/summary.md"
