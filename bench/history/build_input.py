#!/usr/bin/env python3
"""Builds the history benchmark's input repository from real code on the npm registry.

Successive published versions of a few large packages (webpack, eslint, typescript, prettier), each
in version order up to a pinned last version, interleaved, are committed into one bare repository:
each version's changed files split into as many commits as keep about one commit per 100 KiB of
new content (as a history of small edits would have), until the unique blob content reaches
--size; then packed afresh, as a gc'd repository is. Secrets are planted along the way, one every 100 commits (added to a file in one commit,
gone when the next version replaces the file), and listed in planted.jsonl so the benchmark can
measure each tool's recall.

Deterministic: the registry's tarballs are immutable, versions are pinned, and every author, date,
message and planted secret is fixed (seeded), so the same --size always yields the same
repository. Tarballs are downloaded with `npm pack` into DATA/tarballs and reused.

usage: build_input.py --size 2G --data /work/bench-data
"""
import argparse
import hashlib
import json
import os
import random
import string
import subprocess
import sys
import tarfile
import zlib

# Each package with the last version taken (releases up to the end of 2024) and the pre-release
# tags left out (nightly builds would swamp the history). webpack and eslint change many small
# files per release; typescript and prettier few large bundles.
PACKAGES = {
    "webpack": ("5.97.1", ()),
    "eslint": ("9.17.0", ()),
    "typescript": ("5.7.2", ("dev", "insiders")),
    "prettier": ("3.4.2", ()),
}
UNIQUE_PER_COMMIT = 100 << 10  # aim: a commit per 100 KiB of new content (2 GiB: ~21,000)
PLANT_EVERY = 100  # commits between planted secrets
BATCH = 40  # tarballs per `npm pack` call


def parse_size(text):
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = text.strip().lower().rstrip("b").rstrip("i")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def npm(*args, cwd=None):
    return subprocess.run(["npm", *args], check=True, capture_output=True, text=True, cwd=cwd).stdout


def semver(version):
    """A sort key: 1.2.10 after 1.2.9, and 5.0.0-beta.2 before 5.0.0."""
    core, _, pre = version.partition("-")
    numbers = tuple(int(x) if x.isdigit() else 0 for x in core.split("."))
    parts = tuple((0, int(x), "") if x.isdigit() else (1, 0, x) for x in pre.split(".")) if pre else ()
    return numbers, 0 if pre else 1, parts


def versions(package, data):
    """The package's versions up to its pinned last one, oldest first (the list is cached)."""
    cache = os.path.join(data, "versions", package.replace("/", "-") + ".json")
    if not os.path.exists(cache):
        found = json.loads(npm("view", package, "versions", "--json"))
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        with open(cache, "w") as out:
            json.dump(found, out)
    with open(cache) as f:
        found = json.load(f)
    last, excluded = PACKAGES[package]
    kept = [v for v in found
            if semver(v) <= semver(last) and not any(tag in v for tag in excluded)]
    return sorted(kept, key=semver)


def plan(data):
    """Every package's versions, interleaved by how far through its own list each one is."""
    entries = []
    for package in PACKAGES:
        listed = versions(package, data)
        entries += [(i / len(listed), package, v) for i, v in enumerate(listed)]
    return sorted(entries)


def tarball_path(data, package, version):
    return os.path.join(data, "tarballs", f"{package.replace('/', '-')}-{version}.tgz")


def fetch(data, wanted):
    """Downloads the (package, version) tarballs not cached yet, BATCH at a time, with npm pack."""
    missing = [(p, v) for p, v in wanted if not os.path.exists(tarball_path(data, p, v))]
    target = os.path.join(data, "tarballs")
    os.makedirs(target, exist_ok=True)
    for i in range(0, len(missing), BATCH):
        specs = [f"{p}@{v}" for p, v in missing[i : i + BATCH]]
        print(f"  downloading {i + len(specs)}/{len(missing)} tarballs", file=sys.stderr)
        npm("pack", "--silent", "--cache", os.path.join(data, "npm-cache"),
            "--pack-destination", target, *specs)


def read_tarball(path):
    """{path: bytes} of a package tarball's regular files, without the leading package/."""
    files = {}
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            if member.isfile():
                name = member.name.split("/", 1)[1] if "/" in member.name else member.name
                files[name] = tar.extractfile(member).read()
    return files


class Secrets:
    """Secrets in the formats both rekey and gitleaks know, generated from a fixed seed."""

    ALNUM = string.ascii_letters + string.digits
    B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase

    def __init__(self):
        self.random = random.Random(20240601)
        self.kinds = ["stripe", "github", "openai", "anthropic", "aws"]
        self.count = 0

    def text(self, n, alphabet=ALNUM):
        return "".join(self.random.choice(alphabet) for _ in range(n))

    def github(self):
        body = self.text(30)
        crc, digits = zlib.crc32(body.encode()), []
        for _ in range(6):
            digits.append(self.B62[crc % 62])
            crc //= 62
        return "ghp_" + body + "".join(reversed(digits))

    def next(self):
        """(kind, the values a tool may report for it, the line to plant)."""
        kind = self.kinds[self.count % len(self.kinds)]
        self.count += 1
        url = self.ALNUM + "_-"
        if kind == "stripe":
            value = "sk_live_" + self.text(99)
            return kind, [value], f'const STRIPE_SECRET_KEY = "{value}";'
        if kind == "github":
            value = self.github()
            return kind, [value], f'const GITHUB_TOKEN = "{value}";'
        if kind == "openai":
            value = "sk-proj-" + self.text(74, url) + "T3BlbkFJ" + self.text(74, url)
            return kind, [value], f'const OPENAI_API_KEY = "{value}";'
        if kind == "anthropic":
            value = "sk-ant-api03-" + self.text(93, url) + "AA"
            return kind, [value], f'const ANTHROPIC_API_KEY = "{value}";'
        key_id = "AKIA" + self.text(16, string.ascii_uppercase + "234567")
        secret = self.text(40, self.ALNUM + "/+")
        return kind, [secret, key_id], (
            f'const aws = {{ accessKeyId: "{key_id}", secretAccessKey: "{secret}" }};')


class Importer:
    """Writes commits to `git fast-import`."""

    def __init__(self, repo):
        self.process = subprocess.Popen(
            ["git", "fast-import", "--quiet", "--depth=50"],
            cwd=repo, stdin=subprocess.PIPE)
        self.out = self.process.stdin
        self.commits = 0

    def data(self, payload):
        self.out.write(b"data %d\n" % len(payload))
        self.out.write(payload)
        self.out.write(b"\n")

    def commit(self, when, author, message, changes, deletes):
        self.commits += 1
        self.out.write(b"commit refs/heads/main\nmark :%d\n" % self.commits)
        stamp = b"%s %d +0000\n" % (author, when)
        self.out.write(b"author " + stamp + b"committer " + stamp)
        self.data(message.encode())
        if self.commits > 1:
            self.out.write(b"from :%d\n" % (self.commits - 1))
        for path in deletes:
            self.out.write(b"D " + path.encode() + b"\n")
        for path, content in changes:
            self.out.write(b"M 100644 inline " + path.encode() + b"\n")
            self.data(content)

    def close(self):
        self.out.close()
        if self.process.wait() != 0:
            sys.exit("git fast-import failed")


EPOCH = 1262304000  # 2010-01-01: commits are an hour apart from there


def blob_id(content):
    return hashlib.sha1(b"blob %d\0" % len(content) + content).digest()


AUTHORS = {
    "webpack": b"Wanda Pack <wanda@bench.test>",
    "eslint": b"Eli Lint <eli@bench.test>",
    "typescript": b"Tess Script <tess@bench.test>",
    "prettier": b"Pat Prettier <pat@bench.test>",
}


class Builder:
    """Turns package versions into commits until the unique content reaches the target size."""

    def __init__(self, target, importer):
        self.target = target
        self.importer = importer
        self.secrets = Secrets()
        self.state = {}  # package -> {path: blob id}
        self.seen = set()
        self.unique = 0
        self.planted = []
        self.versions = 0

    def done(self):
        return self.unique >= self.target

    def add_version(self, package, files):
        prefix = package.replace("/", "-") + "/"
        previous = self.state.get(package, {})
        current = {path: blob_id(content) for path, content in files.items()}
        changed = [p for p in sorted(files) if previous.get(p) != current[p]]
        deleted = [prefix + p for p in sorted(previous) if p not in current]
        self.state[package] = current
        if not changed and not deleted:
            return
        self.versions += 1
        # As many commits as keep the history near its commits-per-byte aim, one file at least each.
        new_bytes = sum(len(files[p]) for p in changed if current[p] not in self.seen)
        wanted = (self.unique + new_bytes) // UNIQUE_PER_COMMIT - self.importer.commits
        groups = split(changed, max(1, wanted)) or [[]]
        for j, group in enumerate(groups):
            changes = [(prefix + p, files[p]) for p in group]
            if (self.importer.commits + 1) % PLANT_EVERY == 0 and changes:
                changes = self.plant(changes)
            for _, content in changes:
                self.count(content)
            message = f"{package} {files_version(files)}: {len(group)} files ({j + 1}/{len(groups)})"
            self.importer.commit(
                EPOCH + 3600 * self.importer.commits, AUTHORS[package], message, changes,
                deleted if j == 0 else [])

    def plant(self, changes):
        """Appends a secret to the first file of the commit; it is gone from the next version."""
        kind, values, line = self.secrets.next()
        path, content = changes[0]
        self.planted.append(
            {"kind": kind, "values": values, "commit": self.importer.commits + 1, "path": path})
        return [(path, content + b"\n" + line.encode() + b"\n")] + changes[1:]

    def count(self, content):
        key = blob_id(content)
        if key not in self.seen:
            self.seen.add(key)
            self.unique += len(content)


def files_version(files):
    try:
        return json.loads(files["package.json"]).get("version", "?")
    except (KeyError, ValueError):
        return "?"


def split(items, parts):
    """items in at most `parts` consecutive groups of near-equal size."""
    if not items:
        return []
    parts = min(parts, len(items))
    size, extra = divmod(len(items), parts)
    groups, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        groups.append(items[start:end])
        start = end
    return groups


def repack(repo):
    """Packs the repository as `git gc --aggressive` would: deltas searched afresh (fast-import's
    are poor), one thread so the pack is the same on every machine."""
    print("  repacking (git repack -a -d -f, one thread)", file=sys.stderr)
    subprocess.run(["git", "-C", repo, "-c", "pack.threads=1", "repack", "-a", "-d", "-f", "-q",
                    "--window=250", "--depth=50"], check=True)


def build(args):
    target = parse_size(args.size)
    out = os.path.join(args.data, f"history-{args.size}")
    marker = os.path.join(out, "input.json")
    if os.path.exists(marker):
        stats = json.load(open(marker))
        if not stats.get("repacked"):
            repack(os.path.join(out, "repo.git"))
            stats["repacked"] = True
            with open(marker, "w") as f:
                json.dump(stats, f, indent=2)
        print(f"reusing {out}", file=sys.stderr)
        return out
    repo = os.path.join(out, "repo.git")
    subprocess.run(["rm", "-rf", out], check=True)
    os.makedirs(repo)
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", repo], check=True)
    steps = plan(args.data)
    importer = Importer(repo)
    builder = Builder(target, importer)
    for i in range(0, len(steps), 200):
        chunk = steps[i : i + 200]
        fetch(args.data, [(p, v) for _, p, v in chunk])
        for _, package, version in chunk:
            builder.add_version(package, read_tarball(tarball_path(args.data, package, version)))
            if builder.done():
                break
        print(f"  {importer.commits} commits, {builder.unique >> 20} MiB unique", file=sys.stderr)
        if builder.done():
            break
    importer.close()
    repack(repo)
    with open(os.path.join(out, "planted.jsonl"), "w") as f:
        for entry in builder.planted:
            f.write(json.dumps(entry) + "\n")
    stats = {"commits": importer.commits, "unique_blob_bytes": builder.unique,
             "unique_blobs": len(builder.seen), "versions": builder.versions,
             "planted": len(builder.planted), "packages": PACKAGES, "repacked": True}
    with open(marker, "w") as f:
        json.dump(stats, f, indent=2)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="2G", help="unique blob content to reach, e.g. 200M, 2G")
    parser.add_argument("--data", default="/work/bench-data", help="cache and output folder")
    print(build(parser.parse_args()))


if __name__ == "__main__":
    main()
