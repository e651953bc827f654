#!/usr/bin/env bash
# Precision on real code: scans the HEAD tree of popular public repositories with rekey (--no-history)
# and, in the same run, gitleaks (dir mode) and Kingfisher (--git-history none --no-validate), and
# compares the findings with the triage ledgers: every rekey finding at medium or above
# (ledger.tsv) and every peer finding (peers.tsv) must be triaged real, test-fixture or
# false-alarm. Exits 1 when a rekey finding at medium or above is untriaged or a false alarm.
#
# The repositories (repos.tsv: name, GitHub repository, commit) must be on this machine as bare
# mirrors beforehand: MIRRORS/OWNER+NAME/repo (default MIRRORS=/work/.mirror), e.g. brought by the
# search tool's fetch verb. Nothing is downloaded here; the checkouts go to OUT (default
# target/precision, reused when present).
# REKEY names the rekey command (default: the launcher at the top of this repository); GITLEAKS and
# KINGFISHER the peers' (default: on PATH, else ~/go/bin/gitleaks and ~/.local/bin/kingfisher).
# usage: bench/precision/run.sh [--no-peers] [NAME...]
set -euo pipefail
HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
MIRRORS="${MIRRORS:-/work/.mirror}"
OUT="${OUT:-$HERE/target}"
GITLEAKS="${GITLEAKS:-$(command -v gitleaks || echo "$HOME/go/bin/gitleaks")}"
KINGFISHER="${KINGFISHER:-$(command -v kingfisher || echo "$HOME/.local/bin/kingfisher")}"
REKEY="${REKEY:-$ROOT/rekey}"
run_peers=1
if [[ "${1:-}" == "--no-peers" ]]; then run_peers=0; shift; fi
wanted=" $* "
mkdir -p "$OUT/src" "$OUT/results"

checkout() { # checkout NAME REPO COMMIT: a working tree of COMMIT sharing the mirror's objects
  local dir="$OUT/src/$1" mirror="$MIRRORS/${2/\//+}/repo"
  if [[ ! -d "$mirror" ]]; then
    echo "run.sh: $2: no mirror at $mirror: bring it to this machine first" >&2
    return 1
  fi
  if [[ "$(git -C "$dir" rev-parse HEAD 2>/dev/null)" != "$3" ]]; then
    rm -rf "$dir"
    git clone -q --shared --no-checkout "$mirror" "$dir"
    git -C "$dir" -c advice.detachedHead=false checkout -q "$3"
  fi
}

"$REKEY" --version >/dev/null # builds the launcher's jar once, before any timing
while IFS=$'\t' read -r name repo commit _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  [[ "$wanted" != "  " && "$wanted" != *" $name "* ]] && continue
  checkout "$name" "$repo" "$commit" || continue
  echo "== $name ($repo @ ${commit:0:12})" >&2
  start=$(date +%s.%N)
  "$REKEY" scan "$OUT/src/$name" --no-history --no-baseline --no-cache --format jsonl \
    -o "$OUT/results/$name.rekey.jsonl" 2>"$OUT/results/$name.rekey.log" || [[ $? -eq 1 ]]
  end=$(date +%s.%N)
  echo "rekey $(echo "$end - $start" | bc) s" >"$OUT/results/$name.time"
  if ((run_peers)); then
    start=$(date +%s.%N)
    "$GITLEAKS" dir "$OUT/src/$name" --no-banner --log-level error -f json \
      -r "$OUT/results/$name.gitleaks.json" || [[ $? -eq 1 ]]
    end=$(date +%s.%N)
    echo "gitleaks $(echo "$end - $start" | bc) s" >>"$OUT/results/$name.time"
    start=$(date +%s.%N)
    "$KINGFISHER" scan "$OUT/src/$name" --git-history none --no-validate --no-update-check \
      -f jsonl -o "$OUT/results/$name.kingfisher.jsonl" >/dev/null 2>&1 || [[ $? -eq 200 ]]
    end=$(date +%s.%N)
    echo "kingfisher $(echo "$end - $start" | bc) s" >>"$OUT/results/$name.time"
  fi
done <"$HERE/repos.tsv"

python3 "$HERE/report.py" "$HERE/repos.tsv" "$HERE/ledger.tsv" "$HERE/peers.tsv" "$OUT/results"
