#!/usr/bin/env python3
"""Summarises a history benchmark run: times, peak memory, recall, ratio, throughput per core.

usage: report.py INPUT_DIR RESULTS_DIR
"""
import json
import os
import re
import sys


def measured(path):
    """Wall seconds, CPU seconds and peak RSS (MiB) from a `/usr/bin/time -v` report."""
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", text)
    hours, minutes, seconds = wall.group(1), wall.group(2), wall.group(3)
    wall_s = (int(hours) if hours else 0) * 3600 + int(minutes) * 60 + float(seconds)
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", text).group(1))
              for k in ("User", "System"))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return wall_s, cpu, rss


def rekey_values(path):
    values = set()
    for finding in json.load(open(path))["findings"]:
        values.add(finding.get("secret"))
        values.update(finding.get("facts", {}).values())
    return values


def gitleaks_values(path):
    return {leak.get("Secret") for leak in json.load(open(path))}


def recall(planted, values):
    found = sum(1 for p in planted if any(v in values for v in p["values"]))
    return found, len(planted)


def main():
    source, results = sys.argv[1], sys.argv[2]
    info = json.load(open(os.path.join(source, "input.json")))
    planted = [json.loads(line) for line in open(os.path.join(source, "planted.jsonl"))]
    cores = os.cpu_count()
    rows, walls = [], {}
    for tool, values in (("rekey", rekey_values), ("gitleaks", gitleaks_values)):
        timing = os.path.join(results, f"{tool}.time")
        if not os.path.exists(timing):
            continue
        wall, cpu, rss = measured(timing)
        walls[tool] = wall
        found, total = recall(planted, values(os.path.join(results, f"{tool}.json")))
        per_core = info["unique_blob_bytes"] / 1e6 / wall / cores
        rows.append(f"| {tool} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {found}/{total} "
                    f"| {per_core:.0f} |")
    print(f"Input: {info['commits']} commits, {info['unique_blob_bytes'] / 1e9:.2f} GB of unique"
          f" blobs ({info['unique_blobs']} blobs), {len(planted)} planted secrets; {cores} cores."
          " MB = 10^6 bytes.\n")
    print("| tool | wall s | cpu s | peak RSS MiB | planted recall | unique MB/s per core |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    if len(walls) == 2:
        print(f"\ngitleaks / rekey wall-time ratio: {walls['gitleaks'] / walls['rekey']:.1f}x")


if __name__ == "__main__":
    main()
