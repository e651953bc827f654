#!/usr/bin/env python3
"""Full-history scans of real repositories: rekey (cold, repeat, repeat after one new commit)
beside gitleaks and Kingfisher, in the same run, a few rounds, medians reported.

Each mirror (a bare repository, complete: no blob missing, or a placeholder for it in
refs/replace/) is copied once into DATA/history-real/NAME,
and the same secrets are planted in the copy: a side branch of a few commits that append them to
existing files, then a commit that takes them out again, so they live in history only; packed as
a fetched branch is (`git repack -d`). Per round and per repository, one after the other: the
listing floor (`git rev-list --objects --all --missing=allow-any`), Kingfisher, rekey cold (no
cache of any kind), rekey repeat (caches present), rekey after one new commit on the default
branch (then undone), and in the first round only gitleaks, which takes minutes.

usage: real.py [--data DIR] [--rounds N] [--rekey LAUNCHER] [--no-gitleaks] [--no-kingfisher]
               MIRROR...
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from build_input import Secrets  # noqa: E402  (the same secrets as the generated input)
from report import measured  # noqa: E402

IDENTITY = {"GIT_AUTHOR_NAME": "Bench Planter", "GIT_AUTHOR_EMAIL": "planter@bench.test",
            "GIT_COMMITTER_NAME": "Bench Planter", "GIT_COMMITTER_EMAIL": "planter@bench.test",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}
PLANTED_BRANCH = "refs/heads/rekey-bench/planted"
PLANT_COMMITS, PER_COMMIT = 5, 4
TEXT = (".c", ".h", ".rb", ".ts", ".tsx", ".js", ".py", ".go", ".md", ".txt", ".sh")


def git(repo, *args, stdin=None, env=None, raw=False):
    full = dict(os.environ, **IDENTITY, **(env or {}))
    done = subprocess.run(["git", "--git-dir", repo, *args], input=stdin, env=full,
                          capture_output=True, check=True)
    return done.stdout if raw else done.stdout.decode().strip()


def name_of(mirror):
    path = os.path.abspath(mirror).rstrip("/")
    base = os.path.basename(path)
    if base == "repo":  # /work/.mirror/owner+name/repo
        base = os.path.basename(os.path.dirname(path))
    return base.removesuffix(".git")


def prepare(mirror, data):
    out = os.path.join(data, "history-real", name_of(mirror))
    marker = os.path.join(out, "input.json")
    if os.path.exists(marker):
        return out
    repo = os.path.join(out, "repo.git")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    subprocess.run(["git", "clone", "-q", "--mirror", mirror, repo], check=True)
    replaced = set(git(repo, "for-each-ref", "--format=%(refname:lstrip=2)", "refs/replace")
                   .splitlines())
    missing = [l[1:] for l in git(repo, "rev-list", "--objects", "--all", "--missing=print")
               .splitlines() if l.startswith("?") and l[1:] not in replaced]
    if missing:
        sys.exit(f"{mirror}: {len(missing)} objects missing (a partial clone?): make a complete"
                 " copy first (placeholders for missing blobs, e.g. shared/bench/complete-repo.sh)")
    planted, base = plant(repo)
    with open(os.path.join(out, "planted.jsonl"), "w") as f:
        f.writelines(json.dumps(p) + "\n" for p in planted)
    info = {"mirror": os.path.abspath(mirror), "base": base, **shape(repo),
            "planted": len(planted)}
    with open(marker, "w") as f:
        json.dump(info, f, indent=2)
    return out


def text_files(repo, commit, count):
    """`count` text files of the commit's tree, spread evenly over it."""
    listing = git(repo, "ls-tree", "-r", "-l", commit).splitlines()
    files = [l.split("\t", 1)[1] for l in listing
             if l.split()[1] == "blob" and l.split()[3] != "-" and 200 < int(l.split()[3]) < 200_000
             and l.split("\t", 1)[1].endswith(TEXT) and l.split()[0] == "100644"]
    step = max(1, len(files) // count)
    return files[::step][:count]


def commit_tree(repo, index, parent, message, when, changes):
    """A commit on `parent` with `changes` (path -> content) written through a private index."""
    env = {"GIT_INDEX_FILE": index, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    git(repo, "read-tree", parent, env=env)
    for path, content in changes.items():
        blob = git(repo, "hash-object", "-w", "--stdin", stdin=content)
        git(repo, "update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
    tree = git(repo, "write-tree", env=env)
    return git(repo, "commit-tree", tree, "-p", parent, "-m", message, env=env)


def plant(repo):
    """Plants secrets on a side branch from the default branch's tip; returns them and the tip."""
    base = git(repo, "rev-parse", "HEAD^{commit}")
    files = text_files(repo, base, PLANT_COMMITS * PER_COMMIT)
    original = {p: git(repo, "cat-file", "blob", f"{base}:{p}", raw=True) for p in files}
    secrets, planted, index = Secrets(), [], os.path.join(os.path.dirname(repo), "plant.index")
    tip, changed = base, {}
    for c in range(PLANT_COMMITS):
        changes = {}
        for path in files[c * PER_COMMIT:(c + 1) * PER_COMMIT]:
            kind, values, line = secrets.next()
            changes[path] = original[path] + line.encode() + b"\n"
            planted.append({"kind": kind, "values": values, "path": path})
        tip = commit_tree(repo, index, tip, f"Settings {c + 1}", f"2024-06-0{c + 1}T12:00:00Z",
                          changes)
        changed.update(changes)
    tip = commit_tree(repo, index, tip, "Remove settings", "2024-06-09T12:00:00Z",
                      {p: original[p] for p in changed})
    git(repo, "update-ref", PLANTED_BRANCH, tip)
    os.remove(index)
    git(repo, "repack", "-d", "-q")
    return planted, base


def shape(repo):
    """Commits, and unique blob bytes of everything reachable."""
    objects = subprocess.run(
        f"git --git-dir {repo} rev-list --objects --all --missing=allow-any | cut -d' ' -f1 |"
        f" git --git-dir {repo} cat-file --batch-check='%(objecttype) %(objectsize)'",
        shell=True, capture_output=True, check=True).stdout.decode().splitlines()
    sizes = [int(l.split()[1]) for l in objects if l.startswith("blob ")]
    return {"commits": int(git(repo, "rev-list", "--all", "--count")),
            "unique_blobs": len(sizes), "unique_blob_bytes": sum(sizes)}


def timed(name, results, command, env=None, ok=(0,)):
    """Runs `command` under /usr/bin/time -v; returns (wall, cpu, rss MiB)."""
    timing = os.path.join(results, name + ".time")
    load = open("/proc/loadavg").read().split()[0]
    done = subprocess.run(["/usr/bin/time", "-v", "-o", timing, *command],
                          env=dict(os.environ, **(env or {})), stdout=subprocess.DEVNULL,
                          stderr=open(os.path.join(results, name + ".err"), "w"))
    if done.returncode not in ok:
        sys.exit(f"{name} failed ({done.returncode}): see {results}/{name}.err")
    wall, cpu, rss = measured(timing)
    print(f"  {name}: {wall:.1f} s wall, {cpu:.1f} s cpu, {rss:.0f} MiB (load {load})",
          file=sys.stderr)
    return {"wall": wall, "cpu": cpu, "rss": rss, "load": float(load)}


def one_commit(repo):
    """A new commit on the default branch (one line appended to one file); returns how to undo."""
    branch = git(repo, "symbolic-ref", "HEAD")
    old = git(repo, "rev-parse", branch)
    path = text_files(repo, old, 1)[0]
    content = git(repo, "cat-file", "blob", f"{old}:{path}", raw=True) + b"\n/* one more line */\n"
    index = os.path.join(os.path.dirname(repo), "one.index")
    new = commit_tree(repo, index, old, "One more line", "2025-01-01T12:00:00Z", {path: content})
    os.remove(index)
    git(repo, "update-ref", branch, new, old)
    return branch, old, new


def rekey_runs(repo, results, rnd, rekey):
    """Cold (no cache of any kind), repeat, and repeat after one new commit."""
    cache = os.path.join(results, f"cache-{rnd}")
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(os.path.join(repo, "rekey"), ignore_errors=True)
    env = {"XDG_CACHE_HOME": cache}
    scan = [rekey, "scan", repo, "--show-secrets", "--format", "json", "-o"]
    row = {}
    for step in ("cold", "repeat"):
        out = os.path.join(results, f"rekey-{step}-{rnd}.json")
        row[step] = timed(f"rekey-{step}-{rnd}", results, scan + [out], env, (0, 1, 2))
    branch, old, new = one_commit(repo)
    try:
        out = os.path.join(results, f"rekey-one-commit-{rnd}.json")
        row["one_commit"] = timed(f"rekey-one-commit-{rnd}", results, scan + [out], env, (0, 1, 2))
    finally:
        git(repo, "update-ref", branch, old, new)
    shutil.rmtree(cache, ignore_errors=True)
    return row


def round_of(out, results, rnd, args):
    repo = os.path.join(out, "repo.git")
    row = {"floor": timed(f"floor-{rnd}", results, ["git", "--git-dir", repo, "rev-list",
                                                      "--objects", "--all", "--missing=allow-any"])}
    if args.kingfisher:
        row["kingfisher"] = timed(
            f"kingfisher-{rnd}", results,
            [args.kingfisher, "scan", repo, "--no-validate", "--no-update-check", "-q",
             "--format", "json", "-o", os.path.join(results, f"kingfisher-{rnd}.json")],
            ok=(0, 200))
    row.update(rekey_runs(repo, results, rnd, args.rekey))
    if args.gitleaks and rnd == 1:
        row["gitleaks"] = timed(
            "gitleaks-1", results,
            [args.gitleaks, "git", repo, "--no-banner", "--log-level", "error", "--exit-code", "0",
             "--report-format", "json", "--report-path", os.path.join(results, "gitleaks-1.json")])
    return row


def tool(name, install):
    found = shutil.which(name) or next(
        (p for p in (os.path.expanduser(f"~/go/bin/{name}"),
                     os.path.expanduser(f"~/.local/bin/{name}")) if os.path.exists(p)), None)
    if not found:
        sys.exit(f"{name} not found: install it with `{install}`, or pass --no-{name}")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mirrors", nargs="+", help="bare, complete repositories to scan")
    parser.add_argument("--data", default="/work/bench-data", help="where the copies are kept")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rekey", default=os.path.join(ROOT, "rekey"),
                        help="the rekey launcher to measure (another build, to compare)")
    parser.add_argument("--no-gitleaks", dest="gitleaks", action="store_false")
    parser.add_argument("--no-kingfisher", dest="kingfisher", action="store_false")
    args = parser.parse_args()
    if args.gitleaks:
        args.gitleaks = tool("gitleaks", "go install github.com/zricethezav/gitleaks/v8@latest")
    if args.kingfisher:
        args.kingfisher = tool("kingfisher", "pip install kingfisher-bin")
    outs = [prepare(m, args.data) for m in args.mirrors]
    subprocess.run([args.rekey, "--version"], check=True,
                   stdout=subprocess.DEVNULL)  # built before anything is timed
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    runs = {out: {"results": os.path.join(out, f"results-{stamp}"), "rounds": []} for out in outs}
    for rnd in range(1, args.rounds + 1):
        for out in outs:
            print(f"round {rnd}: {os.path.basename(out)}", file=sys.stderr)
            os.makedirs(runs[out]["results"], exist_ok=True)
            runs[out]["rounds"].append(round_of(out, runs[out]["results"], rnd, args))
    for out in outs:
        with open(os.path.join(runs[out]["results"], "rounds.json"), "w") as f:
            json.dump(runs[out]["rounds"], f, indent=2)
    subprocess.run([sys.executable, os.path.join(HERE, "real_report.py"),
                    *[runs[out]["results"] for out in outs]], check=True)


if __name__ == "__main__":
    main()
