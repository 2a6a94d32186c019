"""Span diff: the pledges a change to the segmenter reads differently, over the corpus and seeds.

    .venv/bin/python benchmarks/span_diff.py HEAD           # working tree against the last commit
    .venv/bin/python benchmarks/span_diff.py HEAD~3 --also ../private-gold

Segments every ``.txt`` statement of ``seeds/``, ``../shared/corpus/`` (when it is beside the
clone) and each ``--also`` folder twice: with the code of the given commit (checked out into a
temporary git worktree) and with the working tree. For each file whose pledges differ it prints
the pledges only the commit kept (``-``, with what the working tree made of that text: a changed
span, or its skip reason) and those only the working tree keeps (``+``), then a count. Run it
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
# the (start, end) of each pledge and every skipped span with its reason.
_READER = """
import json, sys
import statediff
from statediff.errors import StatediffError
from statediff.load import load
from statediff.segment import segment
out = {}
for path in sys.argv[1:]:
    try:
        seg = segment(load(path), allow_empty=True)
    except StatediffError as error:
        out[path] = {"error": str(error)}
        continue
    out[path] = {"pledges": [[c.start, c.end] for c in seg.commitments],
                 "skipped": [[s.start, s.end, s.reason] for s in seg.skipped]}
print(json.dumps({"package": statediff.__file__, "files": out}))
"""


def statements(also: list[str]) -> list[str]:
    """The .txt statements to read: the seeds, the shared corpus beside the clone, and ``also``."""
    folders = [ROOT / "seeds", ROOT.parent / "shared" / "corpus", *(Path(folder).resolve() for folder in also)]
    return sorted(str(p) for folder in folders if folder.is_dir() for p in folder.rglob("*.txt"))


def read_spans(code: Path, paths: list[str]) -> dict[str, dict]:
    """Every file's pledges and skipped spans as the code under ``code`` reads them."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    # (Run from that folder: "python -c" puts the working directory first on sys.path, before PYTHONPATH.)
    done = subprocess.run([sys.executable, "-c", _READER, *paths], capture_output=True, text=True, env=env, check=True, cwd=code)
    read = json.loads(done.stdout)
    # An installed statediff (an editable install's finder) would answer for a folder without one.
    if not Path(read["package"]).resolve().is_relative_to(code.resolve()):
        raise RuntimeError(f"the reader imported {read['package']}, not the code under {code}")
    return read["files"]


def reason_at(reading: dict, start: int, end: int) -> str:
    """What the working tree made of text[start:end]: "span changed" when a pledge of its still
    overlaps it (cut, trimmed or merged), else the reason of the skipped span covering most of it."""
    if any(min(end, b) > max(start, a) for a, b in reading["pledges"]):
        return "span changed"
    best, reason = 0, "?"
    for s_start, s_end, s_reason in reading["skipped"]:
        overlap = min(end, s_end) - max(start, s_start)
        if overlap > best:
            best, reason = overlap, s_reason
    return reason


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("commit", help="the commit to compare the working tree with (HEAD, main~2, a hash)")
    parser.add_argument("--also", action="append", default=[], help="another folder of .txt statements (repeatable)")
    parser.add_argument("--width", type=int, default=160, help="characters of each pledge shown (default 160)")
    args = parser.parse_args()
    paths = statements(args.also)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.commit], check=True)
        try:
            before = read_spans(base, paths)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True)
    after = read_spans(ROOT, paths)
    changed_files = lost = gained = 0
    for path in paths:
        old, new = before[path], after[path]
        if "error" in old or "error" in new:
            if old != new:
                changed_files += 1
                print(f"== {path}\n  before: {old.get('error', 'read')}\n  now:    {new.get('error', 'read')}")
            continue
        old_spans = {tuple(span) for span in old["pledges"]}
        new_spans = {tuple(span) for span in new["pledges"]}
        if old_spans == new_spans:
            continue
        changed_files += 1
        decoded = load(path).text  # (offsets point into the decoded text)
        print(f"== {path}")
        for start, end in sorted(old_spans - new_spans):
            lost += 1
            print(f"  - ({reason_at(new, start, end)}) {decoded[start:end][:args.width]!r}")
        for start, end in sorted(new_spans - old_spans):
            gained += 1
            print(f"  + {decoded[start:end][:args.width]!r}")
    print(f"\n{len(paths)} statements read; {changed_files} read differently: {lost} pledges only at {args.commit}, {gained} only now.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
