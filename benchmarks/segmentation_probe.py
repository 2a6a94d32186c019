"""Segmentation probe: hand-labelled lines in eight languages, and where statediff's segmenter disagrees.

    .venv/bin/python benchmarks/segmentation_probe.py        # a Markdown table per language
    .venv/bin/python benchmarks/segmentation_probe.py -v     # and every line it gets wrong

benchmarks/probe/*.case: a first line ``#lang xx``, then one line per probe: ``P|text`` (a pledge:
some commitment must cover it), ``N|text`` (no commitment may touch it), ``A|text`` (every clause
a pledge: no part skipped as not a commitment, heading, boilerplate or background) or ``?|text``
(not scored). The lines of a file are one document, in order, so the rules that look at
neighbours (lead-ins, link boxes, end markers, titles) are probed too. The cases were written to
find faults (menus and cookie notices, cue words that match other words, list lead-ins, unclosed
pledges, histories); the mismatches that remain are listed with ``-v``. A script, not a test:
some labels are judgement calls, so read the list rather than chase the count.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from statediff.model import Document  # noqa: E402 - after the path is set
from statediff.segment import segment  # noqa: E402

CASES = ROOT / "benchmarks" / "probe"
CONTENT_SKIPS = {"not a commitment", "heading", "boilerplate", "background"}


def read_case(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """The language and the (label, text) lines of one case file."""
    language, lines = "auto", []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#lang "):
            language = raw.split()[1]
        elif raw:
            label, _, text = raw.partition("|")
            lines.append((label, text))
    return language, lines


def mismatches(path: Path) -> tuple[str, int, list[tuple[str, str, str]]]:
    """(language, lines scored, [(kind, line, what the segmenter made of it)])."""
    language, lines = read_case(path)
    text = "\n".join(t for _, t in lines) + "\n"
    starts = [0]
    for _, line in lines:
        starts.append(starts[-1] + len(line) + 1)
    seg = segment(Document(path.name, text, "0" * 64, "utf-8", False), language, allow_empty=True)
    spans = [(c.start, c.end, "commitment") for c in seg.commitments] + [(s.start, s.end, s.reason) for s in seg.skipped]
    per_line: dict[int, list[str]] = collections.defaultdict(list)
    for start, end, kind in spans:
        first, last = bisect.bisect_right(starts, start) - 1, bisect.bisect_right(starts, max(start, end - 1)) - 1
        for k in range(first, min(last, len(lines) - 1) + 1):
            per_line[k].append(kind)
    wrong, scored = [], 0
    for k, (label, line) in enumerate(lines):
        got = per_line.get(k, [])
        if label not in "PNA":
            continue
        scored += 1
        if label == "P" and "commitment" not in got:
            wrong.append(("missed pledge", line, ", ".join(got)))
        elif label == "N" and "commitment" in got:
            wrong.append(("false commitment", line, ", ".join(got)))
        elif label == "A" and CONTENT_SKIPS & set(got):
            wrong.append(("clause lost", line, ", ".join(got)))
    return language, scored, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every line the segmenter gets wrong")
    args = parser.parse_args()
    totals: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    listing = []
    for path in sorted(CASES.glob("*.case")):
        language, scored, wrong = mismatches(path)
        totals[language]["lines"] += scored
        for kind, line, got in wrong:
            totals[language][kind] += 1
            listing.append(f"- {path.stem} ({language}) {kind}: {line!r} -> {got or 'nothing'}")
    kinds = ("missed pledge", "false commitment", "clause lost")
    print("| language | lines | " + " | ".join(kinds) + " | agree |")
    print("|---|---|" + "---|" * len(kinds) + "---|")
    overall: collections.Counter[str] = collections.Counter()
    for language in sorted(totals):
        row = totals[language]
        overall.update(row)
        wrong = sum(row[k] for k in kinds)
        print(f"| {language} | {row['lines']} | " + " | ".join(str(row[k]) for k in kinds) + f" | {1 - wrong / row['lines']:.0%} |")
    wrong = sum(overall[k] for k in kinds)
    print(f"| all | {overall['lines']} | " + " | ".join(str(overall[k]) for k in kinds) + f" | {1 - wrong / overall['lines']:.0%} |")
    if args.verbose:
        print("\n" + "\n".join(listing))


if __name__ == "__main__":
    main()
