#!/usr/bin/env python3
"""Summarises real.py's runs: one table row per history, medians over the rounds, and the
Kingfisher / rekey cold ratio taken round by round (same run) before its median.

usage: real_report.py RESULTS_DIR...   (each DATA/real/NAME/results-STAMP, written by real.py)
"""
import glob
import json
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import recall, rekey_values, gitleaks_values  # noqa: E402


def kingfisher_values(path):
    return {f["finding"].get("snippet") for f in json.load(open(path)).get("findings", [])}


def median(rounds, key, field="wall"):
    values = [r[key][field] for r in rounds if key in r]
    return statistics.median(values) if values else None


def ratio(rounds, key):
    values = [r[key]["wall"] / r["cold"]["wall"] for r in rounds if key in r]
    return statistics.median(values) if values else None


def recalled(results, pattern, values, planted):
    files = sorted(glob.glob(os.path.join(results, pattern)))
    if not files:
        return "–"
    found, total = recall(planted, values(files[0]))
    return f"{found}/{total}"


def fmt(value, digits=1):
    return "–" if value is None else f"{value:.{digits}f}"


def row(results):
    source = os.path.dirname(results)
    info = json.load(open(os.path.join(source, "input.json")))
    planted = [json.loads(line) for line in open(os.path.join(source, "planted.jsonl"))]
    rounds = json.load(open(os.path.join(results, "rounds.json")))
    rss = max(r[k]["rss"] for r in rounds for k in ("cold", "repeat", "one_commit"))
    loads = [r[k]["load"] for r in rounds for k in r]
    recalls = " / ".join(
        recalled(results, p, v, planted)
        for p, v in (("rekey-cold-*.json", rekey_values),
                     ("kingfisher-*.json", kingfisher_values),
                     ("gitleaks-*.json", gitleaks_values)))
    return (f"| {os.path.basename(source)} | {info['commits']:,} |"
            f" {info['unique_blob_bytes'] / 2**30:.2f} | {fmt(median(rounds, 'floor'))} |"
            f" {fmt(median(rounds, 'cold'))} | {fmt(median(rounds, 'repeat'))} |"
            f" {fmt(median(rounds, 'one_commit'), 2)} | {fmt(median(rounds, 'kingfisher'))} |"
            f" {fmt(median(rounds, 'gitleaks'))} | {rss:.0f} | {recalls} |"
            f" {fmt(ratio(rounds, 'kingfisher'))}x | {fmt(ratio(rounds, 'gitleaks'))}x |"
            f" {min(loads):.1f}–{max(loads):.1f} |"), len(rounds)


def main():
    rows = [row(results) for results in sys.argv[1:]]
    print(f"Medians of {max(n for _, n in rows)} rounds, wall seconds; {os.cpu_count()} cores;"
          " recall: rekey / Kingfisher / gitleaks; ratios: peer / rekey cold, per round.\n")
    print("| history | commits | unique blob GiB | listing floor | rekey cold | rekey repeat |"
          " repeat after one commit | Kingfisher | gitleaks | rekey peak RSS MiB | recall |"
          " Kingfisher / rekey | gitleaks / rekey | load |")
    print("|---" * 14 + "|")
    for text, _ in rows:
        print(text)


if __name__ == "__main__":
    main()
