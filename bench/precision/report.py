#!/usr/bin/env python3
"""Compares rekey's findings on real repositories with the triage ledgers, beside gitleaks' and
Kingfisher's.

usage: report.py REPOS.tsv LEDGER.tsv PEERS.tsv RESULTS_DIR

Every rekey finding at medium or above must have a ledger row (repository, fingerprint prefix)
saying real, test-fixture or false-alarm; every peer finding a PEERS.tsv row (tool, repository,
path, line, rule). Prints a table per repository, the untriaged findings (as rows to fill in) and
the ledger rows no finding matched any more, and writes the table to RESULTS_DIR/summary.md. Exits
1 when a rekey finding at medium or above is untriaged or a false alarm.
"""
import json
import os
import sys
from collections import Counter

SEVERITIES = ["critical", "high", "medium", "low", "info"]
GATED = {"critical", "high", "medium"}
PEERS = ["gitleaks", "kingfisher"]


def rows(path):
    if not os.path.exists(path):
        return
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


def relative(path, name):
    return path.split("/src/" + name + "/", 1)[-1]


def gitleaks_findings(results, name):
    """(path, line, rule) of each gitleaks match, or None when gitleaks did not run."""
    path = os.path.join(results, name + ".gitleaks.json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        found = json.load(f) if os.path.getsize(path) else []
    return [(relative(leak["File"], name), str(leak["StartLine"]), leak["RuleID"])
            for leak in found or [] if not relative(leak["File"], name).startswith(".git/")]


def kingfisher_findings(results, name):
    """(path, line, rule) of each Kingfisher finding, or None when Kingfisher did not run."""
    path = os.path.join(results, name + ".kingfisher.jsonl")
    if not os.path.exists(path):
        return None
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line) if line.strip() else {}
            if "rule" in record and "finding" in record:
                found = record["finding"]
                out.append((relative(found["path"], name), str(found["line"]),
                            record["rule"]["id"]))
    return out


def triage_rekey(name, found, ledger, out):
    """Verdicts of rekey's findings at medium or above; notes untriaged and false alarms."""
    verdicts = Counter()
    for f in found:
        if f["severity"] not in GATED:
            continue
        key = (name, f["fingerprint"][:16])
        entry = ledger.get(key)
        if entry is None:
            out["untriaged"].append("\t".join([name, key[1], f["rule"], f["severity"],
                                               f"{f['path']}:{f['line']}", "?"]))
            verdicts["untriaged"] += 1
            continue
        out["matched"].add(key)
        verdicts[entry[5]] += 1
        if entry[5] == "false-alarm":
            out["alarms"].append("\t".join(entry))
    return verdicts


def triage_peer(tool, name, found, peers, out):
    verdicts = Counter()
    for path, line, rule in found:
        entry = peers.get((tool, name, path, line, rule))
        if entry is None:
            out["peer_untriaged"].append("\t".join([tool, name, path, line, rule, "?", ""]))
            verdicts["untriaged"] += 1
        else:
            verdicts[entry[5]] += 1
    return verdicts


def split(verdicts):
    text = f"{verdicts['real']} / {verdicts['test-fixture']} / {verdicts['false-alarm']}"
    return text + (f" (+{verdicts['untriaged']} untriaged)" if verdicts["untriaged"] else "")


def main():
    repos_tsv, ledger_tsv, peers_tsv, results = sys.argv[1:5]
    ledger = {(row[0], row[1]): row for row in rows(ledger_tsv)}
    peers = {tuple(row[:5]): row for row in rows(peers_tsv)}
    table = ["| repository | rekey critical | high | medium | low | info | rekey medium+ real /"
             " test-fixture / false-alarm | gitleaks | real / test-fixture / false-alarm"
             " | Kingfisher | real / test-fixture / false-alarm |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    out = {"untriaged": [], "matched": set(), "alarms": [], "peer_untriaged": []}
    totals = {"rekey": Counter(), "severity": Counter(), "gitleaks": Counter(),
              "kingfisher": Counter()}
    for name, repo, commit, *_ in rows(repos_tsv):
        found = rekey_findings(results, name)
        if found is None:
            continue
        counts = Counter(f["severity"] for f in found)
        cells = [str(counts[s]) for s in SEVERITIES]
        verdicts = triage_rekey(name, found, ledger, out)
        cells.append(split(verdicts))
        totals["severity"].update(counts)
        totals["rekey"].update(verdicts)
        for tool, reader in (("gitleaks", gitleaks_findings), ("kingfisher", kingfisher_findings)):
            peer = reader(results, name)
            if peer is None:
                cells += ["—", "—"]
                continue
            peer_verdicts = triage_peer(tool, name, peer, peers, out)
            totals[tool].update(peer_verdicts)
            totals[tool]["n"] += len(peer)
            cells += [str(len(peer)), split(peer_verdicts)]
        table.append(f"| {name} | " + " | ".join(cells) + " |")
    table.append(
        "| **all** | " + " | ".join(str(totals["severity"][s]) for s in SEVERITIES)
        + f" | {split(totals['rekey'])}"
        + "".join(f" | {totals[t]['n']} | {split(totals[t])}" for t in PEERS) + " |")
    print("\n".join(table))
    with open(os.path.join(results, "summary.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(table) + "\n")
    report(ledger, results, out)
    sys.exit(1 if out["untriaged"] or out["alarms"] else 0)


def report(ledger, results, out):
    stale = [k for k in ledger if k not in out["matched"] and os.path.exists(
        os.path.join(results, k[0] + ".rekey.jsonl"))]
    if stale:
        print(f"\n{len(stale)} ledger rows no longer match a finding at medium or above "
              "(fixed, or lowered): " + ", ".join(f"{r}:{fp}" for r, fp in stale))
    if out["alarms"]:
        print(f"\n{len(out['alarms'])} false alarms at medium or above:")
        print("\n".join(out["alarms"]))
    if out["untriaged"]:
        print(f"\n{len(out['untriaged'])} untriaged findings at medium or above "
              "(ledger rows to fill in):")
        print("\n".join(out["untriaged"]))
    if out["peer_untriaged"]:
        print(f"\n{len(out['peer_untriaged'])} untriaged peer findings (peers.tsv rows to fill in):")
        print("\n".join(out["peer_untriaged"]))


if __name__ == "__main__":
    main()
