"""How much of each statement the details stage reads, per language (a script, not a test).

    .venv/bin/python benchmarks/details_coverage.py              # the seeds and ../shared/corpus
    .venv/bin/python benchmarks/details_coverage.py A.txt B.txt  # any statements

For each statement: its pledges, the share whose pledge strength was read (a cue of
data/strength), the share with a keyword topic (data/topics or a gazetteer name; the default
topic does not count), the share holding a parsed figure (data/numbers), and its three most
frequent topics. The Los Angeles Declaration in English, Spanish, French and Portuguese is one
text in four languages, so its four rows should read alike: a language whose shares fall far
below English's lacks data files, not pledges.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout, installed or not

from statediff.details.annotate import proper_names, side_facts  # noqa: E402
from statediff.details.topics import taxonomy  # noqa: E402
from statediff.load import load  # noqa: E402
from statediff.segment import segment  # noqa: E402

SHARED = ROOT.parent / "shared"
LA = "corpus/xlang_en-es_los-angeles-declaration_2022-06-10"
DEFAULT_FILES = [
    ROOT / "seeds" / "jspg7-2022-kz-tr.ru.txt",
    ROOT / "seeds" / "jspg8-2026-kz-tr.ru.txt",
    SHARED / LA / "a.txt",
    SHARED / LA / "b.txt",
    SHARED / LA / "fr.txt",
    SHARED / LA / "pt.txt",
    SHARED / "corpus/sv_ps752-coordination-group_2023-10_2024-01/a.txt",
    SHARED / "corpus/sv_ps752-coordination-group_2023-10_2024-01/b.txt",
    ROOT / "benchmarks/corpus/en_us-india-leaders_2023-09_2025-02/b.txt",
]


def coverage(path: Path) -> tuple[str, int, float, float, float, str]:
    """(language, pledges, strength share, keyword-topic share, figure share, top topics) of one statement."""
    seg = segment(load(str(path)))
    facts = side_facts(seg, proper_names((seg.document.text, seg.language)))
    pledges = facts.pledges
    n = len(pledges) or 1
    default = taxonomy().default
    topical = [p for p in pledges if set(p.topics) - {default}]
    counts = Counter(t for p in pledges for t in p.topics if t != default)
    top = ", ".join(f"{taxonomy().labels[t]} {c}" for t, c in counts.most_common(3))
    return (seg.language, len(pledges), sum(p.predicate is not None for p in pledges) / n, len(topical) / n,
            sum(bool(p.numbers) for p in pledges) / n, top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="statements (default: the seeds and ../shared/corpus)")
    args = parser.parse_args()
    files = args.files or [f for f in DEFAULT_FILES if f.exists()]
    print("| statement | lang | pledges | strength read | keyword topic | figures | top topics |")
    print("|---|---|---|---|---|---|---|")
    for path in files:
        language, pledges, strength, topical, figures, top = coverage(path)
        name = path.relative_to(SHARED) if path.is_relative_to(SHARED) else path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"| {name} | {language} | {pledges} | {strength:.0%} | {topical:.0%} | {figures:.0%} | {top} |")


if __name__ == "__main__":
    main()
