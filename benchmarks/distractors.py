"""Distractor check: how much of each seed statement statediff matches against the 8th JSPG text.

    .venv/bin/python benchmarks/distractors.py             # Markdown table on stdout
    .venv/bin/python benchmarks/distractors.py --threshold 0.25

The real predecessor (the 7th JSPG statement) should have a large share of its commitments
matched (the issue asks for at least half) and more than any unrelated statement; the three
unrelated Kazakh foreign-ministry texts share a few generic pledges (the UN, the OIC) with it
and should have at most half matched. A script that prints figures, not a test: the shares move
with every change to segmentation or alignment.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout, installed or not

from statediff.align import DEFAULT_THRESHOLD  # noqa: E402
from statediff.model import Status  # noqa: E402
from statediff.pipeline import compare  # noqa: E402

NEW = ROOT / "seeds" / "jspg8-2026-kz-tr.ru.txt"
PREDECESSOR = ROOT / "seeds" / "jspg7-2022-kz-tr.ru.txt"


def matched_share(old: Path, threshold: float) -> tuple[int, int]:
    """(old commitments in a persisted or modified change, all old commitments) of OLD against NEW."""
    report = compare(str(old), str(NEW), threshold=threshold)
    matched = {i for change in report.changes if change.status in (Status.PERSISTED, Status.MODIFIED) for i in change.old}
    return len(matched), len(report.old.commitments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help=f"alignment threshold (default {DEFAULT_THRESHOLD})")
    args = parser.parse_args()
    others = sorted(p for p in (ROOT / "seeds").glob("*.txt") if p not in (NEW, PREDECESSOR))
    print(f"Old statements against `{NEW.relative_to(ROOT)}`, threshold {args.threshold:g}:\n")
    print("| old statement | relation | matched | share |")
    print("|---|---|---:|---:|")
    for path in [PREDECESSOR, *others]:
        matched, total = matched_share(path, args.threshold)
        relation = "predecessor" if path == PREDECESSOR else "unrelated"
        print(f"| `{path.relative_to(ROOT)}` | {relation} | {matched}/{total} | {matched / total:.0%} |")


if __name__ == "__main__":
    main()
