#!/usr/bin/env python3
"""Writes a `git fast-import` stream of a synthetic history to stdout (python3, standard library).

Usage: history-repo.py COMMITS SEED

A reproducible history (fixed seed) of COMMITS commits on one branch: a tree of some 400 source,
YAML and properties files in 20 directories; each commit edits one to three files (a line
changed, added or removed), now and then adds or deletes a file. Every 1,000th commit adds a
.env file holding a planted AWS access key id that the next commit deletes again, so the secrets
exist only in the history. The planted keys' paths go to stderr, one per line, as
`path<TAB>commit-number`.
"""
import random
import sys

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def key(rng):
    return "AK" + "IA" + "".join(rng.choice(ALPHABET) for _ in range(16))


def source(rng, name, lines):
    body = [f"// {name}: generated for the history benchmark"]
    for i in range(lines):
        body.append(f"    int value{i} = {rng.randrange(10**6)}; // line {i} of {name}")
    return "\n".join(body) + "\n"


def main():
    commits, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    files = {}
    for d in range(20):
        for f in range(20):
            ext = rng.choice(["java", "java", "py", "yaml", "properties"])
            name = f"src/dir{d:02d}/file{f:03d}.{ext}"
            files[name] = source(rng, name, rng.randrange(20, 200)).split("\n")
    out = sys.stdout.buffer
    mark = 0

    def data(text):
        raw = text.encode()
        out.write(b"data %d\n" % len(raw))
        out.write(raw)
        out.write(b"\n")

    when = 1_700_000_000
    planted = None
    for n in range(commits):
        when += rng.randrange(60, 7200)
        out.write(b"commit refs/heads/main\n")
        out.write(b"author Bench Author <bench@example.com> %d +0000\n" % when)
        out.write(b"committer Bench Author <bench@example.com> %d +0000\n" % when)
        data(f"commit {n}")
        changes = {}
        if n == 0:
            changes = {name: "\n".join(lines) for name, lines in files.items()}
        else:
            for _ in range(rng.randrange(1, 4)):
                name = rng.choice(sorted(files))
                lines = files[name]
                i = rng.randrange(1, len(lines))
                op = rng.random()
                if op < 0.6:
                    lines[i] = f"    int changed{n} = {rng.randrange(10**6)}; // commit {n}"
                elif op < 0.85 or len(lines) < 10:
                    lines.insert(i, f"    int added{n} = {rng.randrange(10**6)}; // commit {n}")
                else:
                    del lines[i]
                changes[name] = "\n".join(lines)
            if rng.random() < 0.02:
                name = f"src/dir{rng.randrange(20):02d}/new{n}.java"
                files[name] = source(rng, name, rng.randrange(10, 60)).split("\n")
                changes[name] = "\n".join(files[name])
        if planted is not None:
            out.write(f"D {planted}\n".encode())
            planted = None
        if n > 0 and n % 1000 == 0:
            planted = f"config/deploy{n}.env"
            changes[planted] = f"REGION=eu-west-1\nAWS_ACCESS_KEY_ID={key(rng)}\n"
            print(f"{planted}\t{n}", file=sys.stderr)
        for name in sorted(changes):
            out.write(f"M 100644 inline {name}\n".encode())
            data(changes[name])
        out.write(b"\n")
    out.flush()


if __name__ == "__main__":
    main()
