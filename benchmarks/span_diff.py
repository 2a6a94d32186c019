"""Span diff: the pledges a change to the segmenter reads differently, over the corpus and seeds.

    .venv/bin/python benchmarks/span_diff.py HEAD           # working tree against the last commit
    .venv/bin/python benchmarks/span_diff.py HEAD~3 --also ../private-gold

Segments every ``.txt`` statement of ``seeds/``, ``../shared/corpus/`` (when it is beside the
clone) and each ``--also`` folder twice: with the code of the given commit (checked out into a
temporary git worktree) and with the working tree. For each file whose pledges differ it prints
the pledges only the commit kept (``-``, with what the working tree made of that text: a changed
span, or its skip reason), those only the working tree keeps (``+``) and those whose ``deed``
flag changed (``~``: a deed that links to nothing is set aside after alignment), then a count. Run it
after every change to the segmenter: a rule that mends one sentence may move a hundred others,
and scores on a few gold files do not show which. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from statediff.load import load

ROOT = Path(__file__).resolve().parent.parent

# Run in a child process with PYTHONPATH pointing at one version of the code: prints, per file,
# the (start, end, deed) of each pledge and every skipped span with its reason, or the error that
# stopped that file (an old commit's segment() may lack a keyword: each file says so, the run goes on).
_READER = """
import json, sys
import statediff
from statediff.load import load
from statediff.segment import segment
out = {}
for path in sys.argv[1:]:
    try:
        seg = segment(load(path), allow_empty=True)
    except Exception as error:
        out[path] = {"error": f"{type(error).__name__}: {error}"}
        continue
    out[path] = {"pledges": [[c.start, c.end, bool(getattr(c, "deed", False))] for c in seg.commitments],
                 "skipped": [[s.start, s.end, s.reason] for s in seg.skipped]}
print(json.dumps({"package": statediff.__file__, "files": out}))
"""


class SpanDiffError(Exception):
    """A step that stops the comparison: git missing, an unknown commit, a reader that failed."""


def statements(also: list[str]) -> list[str]:
    """The .txt statements to read: the seeds, the shared corpus beside the clone, and ``also``."""
    folders = [ROOT / "seeds", ROOT.parent / "shared" / "corpus", *(Path(folder).resolve() for folder in also)]
    return sorted(str(p) for folder in folders if folder.is_dir() for p in folder.rglob("*.txt"))


def read_spans(code: Path, paths: list[str]) -> dict[str, dict]:
    """Every file's pledges and skipped spans as the code under ``code`` reads them."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    # (Run from that folder: "python -c" puts the working directory first on sys.path, before PYTHONPATH.)
    done = subprocess.run([sys.executable, "-c", _READER, *paths], capture_output=True, text=True, env=env, cwd=code)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise SpanDiffError(f"the reader of the code under {code} failed:\n{tail}")
    try:
        read = json.loads(done.stdout)
    except ValueError:
        raise SpanDiffError(f"the reader of the code under {code} printed no JSON: {done.stdout[:200]!r}") from None
    # An installed statediff (an editable install's finder) would answer for a folder without one.
    if not Path(read["package"]).resolve().is_relative_to(code.resolve()):
        raise SpanDiffError(f"the reader imported {read['package']}, not the code under {code}")
    return read["files"]


def reason_at(reading: dict, start: int, end: int) -> str:
    """What the working tree made of text[start:end]: "span changed" when a pledge of its still
    overlaps it (cut, trimmed or merged), else the reason of the skipped span covering most of it."""
    if any(min(end, b) > max(start, a) for a, b, _ in reading["pledges"]):
        return "span changed"
    best, reason = 0, "?"
    for s_start, s_end, s_reason in reading["skipped"]:
        overlap = min(end, s_end) - max(start, s_start)
        if overlap > best:
            best, reason = overlap, s_reason
    return reason


def read_commit(commit: str, paths: list[str]) -> dict[str, dict]:
    """``read_spans`` with the code of ``commit``, checked out into a temporary worktree and removed after."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base"
        try:
            added = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), commit],
                                   capture_output=True, text=True)
        except FileNotFoundError:
            raise SpanDiffError("git is not on PATH") from None
        if added.returncode != 0:
            raise SpanDiffError(f"cannot check out {commit!r}: {added.stderr.strip()}")
        try:
            return read_spans(base, paths)
        finally:
            removed = subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], capture_output=True, text=True)
            if removed.returncode != 0:  # (a warning: an error here would hide the reader's)
                print(f"span_diff: warning: the worktree {base} was not removed ({removed.stderr.strip()}); "
                      "run 'git worktree prune'", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit", help="the commit to compare the working tree with (HEAD, main~2, a hash)")
    parser.add_argument("--also", action="append", default=[], help="another folder of .txt statements (repeatable)")
    parser.add_argument("--width", type=int, default=160, help="characters of each pledge shown (default 160)")
    args = parser.parse_args()
    paths = statements(args.also)
    try:
        before = read_commit(args.commit, paths)
        after = read_spans(ROOT, paths)
    except SpanDiffError as error:
        print(f"span_diff: {error}", file=sys.stderr)
        return 2
    changed_files = lost = gained = flagged = 0
    for path in paths:
        old, new = before[path], after[path]
        if "error" in old or "error" in new:
            if old != new:
                changed_files += 1
                print(f"== {path}\n  before: {old.get('error', 'read')}\n  now:    {new.get('error', 'read')}")
            continue
        old_deeds = {(a, b): deed for a, b, deed in old["pledges"]}
        new_deeds = {(a, b): deed for a, b, deed in new["pledges"]}
        if old_deeds == new_deeds:
            continue
        changed_files += 1
        decoded = load(path).text  # (offsets point into the decoded text; the working tree's decoder)
        print(f"== {path}")
        for start, end in sorted(old_deeds.keys() - new_deeds.keys()):
            lost += 1
            print(f"  - ({reason_at(new, start, end)}) {decoded[start:end][:args.width]!r}")
        for start, end in sorted(new_deeds.keys() - old_deeds.keys()):
            gained += 1
            print(f"  + {decoded[start:end][:args.width]!r}")
        for span in sorted(k for k in old_deeds.keys() & new_deeds.keys() if old_deeds[k] != new_deeds[k]):
            flagged += 1
            print(f"  ~ ({'now a deed' if new_deeds[span] else 'no longer a deed'}) {decoded[span[0]:span[1]][:args.width]!r}")
    print(f"\n{len(paths)} statements read; {changed_files} read differently: {lost} pledges only at {args.commit}, {gained} only now, "
          f"{flagged} whose deed flag changed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
