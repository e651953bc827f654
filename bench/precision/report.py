#!/usr/bin/env python3
"""Compares rekey's findings on real repositories with the triage ledger, beside gitleaks'.

usage: report.py REPOS.tsv LEDGER.tsv RESULTS_DIR

Every rekey finding at medium or above must have a ledger row (repository, fingerprint prefix)
saying real, test-fixture or false-alarm. Prints a table per repository, the untriaged findings
(as ledger rows to fill in) and the ledger rows no finding matched any more, and writes the table to
RESULTS_DIR/summary.md. Exits 1 when a finding at medium or above is untriaged or a false alarm.
"""
import json
import os
import sys
from collections import Counter

SEVERITIES = ["critical", "high", "medium", "low", "info"]
GATED = {"critical", "high", "medium"}
VERDICTS = ["real", "test-fixture", "false-alarm"]


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def rekey_findings(results, name):
    path = os.path.join(results, name + ".rekey.jsonl")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gitleaks_findings(results, name):
    path = os.path.join(results, name + ".gitleaks.json")
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    with open(path, encoding="utf-8") as f:
        found = json.load(f) or []
    marker = "/src/" + name + "/"
    out = []
    for leak in found:
        file = leak["File"].split(marker, 1)[-1]
        if not file.startswith(".git/"):
            out.append((file, leak["StartLine"], leak["RuleID"]))
    return out


def main():
    repos_tsv, ledger_tsv, results = sys.argv[1:4]
    ledger = {}
    if os.path.exists(ledger_tsv):
        for row in rows(ledger_tsv):
            ledger[(row[0], row[1])] = row
    table = ["| repository | rekey critical | high | medium | low | info | medium+ real / test-fixture"
             " / false-alarm | gitleaks | gitleaks at a rekey medium+ place |",
             "|---|---|---|---|---|---|---|---|---|"]
    untriaged, matched, alarms = [], set(), []
    totals = Counter()
    for name, repo, commit, *_ in rows(repos_tsv):
        found = rekey_findings(results, name)
        if found is None:
            continue
        counts = Counter(f["severity"] for f in found)
        verdicts = Counter()
        gated_places = set()
        for f in found:
            if f["severity"] not in GATED:
                continue
            key = (name, f["fingerprint"][:16])
            for loc in f["locations"]:
                gated_places.add((loc["path"], loc["line"]))
            entry = ledger.get(key)
            if entry is None:
                untriaged.append("\t".join([name, key[1], f["rule"], f["severity"],
                                            f"{f['path']}:{f['line']}", "?", f["snippet"] or ""]))
                verdicts["untriaged"] += 1
                continue
            matched.add(key)
            verdicts[entry[5]] += 1
            if entry[5] == "false-alarm":
                alarms.append("\t".join(entry))
        leaks = gitleaks_findings(results, name)
        shared = sum(1 for file, line, _ in leaks or [] if (file, line) in gated_places)
        gl = "—" if leaks is None else str(len(leaks))
        table.append(
            f"| {name} | " + " | ".join(str(counts[s]) for s in SEVERITIES)
            + f" | {verdicts['real']} / {verdicts['test-fixture']} / {verdicts['false-alarm']}"
            + (f" (+{verdicts['untriaged']} untriaged)" if verdicts["untriaged"] else "")
            + f" | {gl} | {shared if leaks is not None else '—'} |")
        totals.update(counts)
        totals.update({"v:" + k: v for k, v in verdicts.items()})
        totals["gitleaks"] += len(leaks or [])
    table.append(
        "| **all** | " + " | ".join(str(totals[s]) for s in SEVERITIES)
        + f" | {totals['v:real']} / {totals['v:test-fixture']} / {totals['v:false-alarm']}"
        + f" | {totals['gitleaks']} | |")
    print("\n".join(table))
    with open(os.path.join(results, "summary.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(table) + "\n")
    stale = [k for k in ledger if k not in matched and os.path.exists(
        os.path.join(results, k[0] + ".rekey.jsonl"))]
    if stale:
        print(f"\n{len(stale)} ledger rows no longer match a finding at medium or above "
              "(fixed, or lowered): " + ", ".join(f"{r}:{fp}" for r, fp in stale))
    if alarms:
        print(f"\n{len(alarms)} false alarms at medium or above:")
        print("\n".join(alarms))
    if untriaged:
        print(f"\n{len(untriaged)} untriaged findings at medium or above (ledger rows to fill in):")
        print("\n".join(untriaged))
    sys.exit(1 if untriaged or alarms else 0)


if __name__ == "__main__":
    main()
