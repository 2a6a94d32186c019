"""Quality benchmark: statediff against two naive baselines on every gold file, as one Markdown table."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process, utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout, installed or not

from statediff.errors import StatediffError  # noqa: E402
from statediff.evaluate import Gold, Scores, check_documents, load_gold, mean_scores, score_report, statement_paths  # noqa: E402
from statediff.load import load  # noqa: E402
from statediff.model import Document  # noqa: E402
from statediff.pipeline import compare  # noqa: E402
from statediff.render.json_report import to_dict  # noqa: E402

# The naive sentence split a user would write: a break after . ! or ? followed by whitespace,
# and at every newline (headings and list items are lines of their own).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n")

# Fixed before looking at any score: token_set_ratio on lower-cased, punctuation-free text is
# lenient (a sentence whose words are a subset of another scores 100), so 60 is a modest bar.
RAPIDFUZZ_CUTOFF = 60.0

Span = tuple[int, int]


def split_sentences(text: str) -> list[Span]:
    """Sentence spans (start, end) with surrounding whitespace trimmed and empty pieces dropped."""
    spans: list[Span] = []
    position = 0
    for brk in [*SENTENCE_BREAK.finditer(text), None]:
        stop = brk.start() if brk else len(text)
        piece = text[position:stop]
        if piece.strip():
            start = position + len(piece) - len(piece.lstrip())
            spans.append((start, position + len(piece.rstrip())))
        if brk:
            position = brk.end()
    return spans


def _side(doc: Document, spans: Sequence[Span], prefix: str) -> dict[str, Any]:
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "language": "und",
        "commitments": [{"id": f"{prefix}{i + 1}", "start": s, "end": e, "text": doc.text[s:e]} for i, (s, e) in enumerate(spans)],
    }


def _report(tool: str, old: Document, new: Document, old_spans: Sequence[Span], new_spans: Sequence[Span],
            changes: list[dict[str, Any]]) -> dict[str, Any]:
    """A report in the JSON contract (schema_version 1), every sentence a commitment."""
    summary = {status: sum(1 for ch in changes if ch["status"] == status) for status in ("persisted", "modified", "new", "dropped")}
    return {"schema_version": 1, "tool": {"name": tool, "version": "baseline"}, "settings": {},
            "old": _side(old, old_spans, "o"), "new": _side(new, new_spans, "n"), "changes": changes, "summary": summary}


def _change(status: str, old: Sequence[int], new: Sequence[int], score: float | None) -> dict[str, Any]:
    return {"status": status, "old": [f"o{i + 1}" for i in old], "new": [f"n{j + 1}" for j in new], "score": score}


def difflib_baseline(old: Document, new: Document) -> dict[str, Any]:
    """Sentence lists through difflib.SequenceMatcher: equal → persisted, replace → one modified group per hunk,
    delete → dropped, insert → new (what a line diff of one-sentence-per-line files shows)."""
    old_spans, new_spans = split_sentences(old.text), split_sentences(new.text)
    old_sents = [old.text[s:e] for s, e in old_spans]
    new_sents = [new.text[s:e] for s, e in new_spans]
    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_sents, new_sents, autojunk=False).get_opcodes():
        if tag == "equal":
            changes += [_change("persisted", [i], [j], 1.0) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
        elif tag == "replace":
            ratio = difflib.SequenceMatcher(None, " ".join(old_sents[i1:i2]), " ".join(new_sents[j1:j2])).ratio()
            changes.append(_change("modified", range(i1, i2), range(j1, j2), round(ratio, 3)))
        elif tag == "delete":
            changes += [_change("dropped", [i], [], None) for i in range(i1, i2)]
        else:
            changes += [_change("new", [], [j], None) for j in range(j1, j2)]
    return _report("baseline-difflib", old, new, old_spans, new_spans, changes)


def rapidfuzz_baseline(old: Document, new: Document) -> dict[str, Any]:
    """Each old sentence linked to its best new sentence by token_set_ratio if it reaches RAPIDFUZZ_CUTOFF;
    old sentences sharing a best match form one many-to-one group; 100 → persisted, else modified."""
    old_spans, new_spans = split_sentences(old.text), split_sentences(new.text)
    new_sents = [new.text[s:e] for s, e in new_spans]
    groups: dict[int, list[tuple[int, float]]] = {}  # new index -> [(old index, score)]
    unmatched_old = []
    for i, (s, e) in enumerate(old_spans):
        best = process.extractOne(old.text[s:e], new_sents, scorer=fuzz.token_set_ratio,
                                  processor=utils.default_process, score_cutoff=RAPIDFUZZ_CUTOFF)
        if best is None:
            unmatched_old.append(i)
        else:
            groups.setdefault(best[2], []).append((i, best[1]))
    changes = []
    for j in sorted(groups):
        members = groups[j]
        worst = min(score for _, score in members)
        status = "persisted" if worst == 100 and len(members) == 1 else "modified"
        changes.append(_change(status, [i for i, _ in members], [j], round(worst / 100, 3)))
    changes += [_change("dropped", [i], [], None) for i in unmatched_old]
    changes += [_change("new", [], [j], None) for j in range(len(new_spans)) if j not in groups]
    return _report("baseline-rapidfuzz", old, new, old_spans, new_spans, changes)


def statediff_report(old: Document, new: Document) -> dict[str, Any]:
    return to_dict(compare(old.path, new.path))


METHODS: dict[str, Callable[[Document, Document], dict[str, Any]]] = {
    "statediff": statediff_report,
    "difflib": difflib_baseline,
    f"rapidfuzz≥{RAPIDFUZZ_CUTOFF:g}": rapidfuzz_baseline,
}


def run(gold_paths: Sequence[str | Path], root: str | Path) -> list[tuple[str, str, Scores]]:
    """(gold name, method, scores) for every gold file and method, gold files in the given order."""
    golds: list[tuple[Gold, Document, Document]] = []
    for path in gold_paths:
        gold = load_gold(path)
        old_path, new_path = statement_paths(gold, root)
        old, new = load(old_path), load(new_path)
        golds.append((check_documents(gold, old, new), old, new))
    rows = []
    for gold, old, new in golds:
        name = Path(gold.source).name.removesuffix(".json").removesuffix(".gold")
        rows += [(name, method, score_report(gold, make(old, new))) for method, make in METHODS.items()]
    return rows


def markdown_table(rows: Sequence[tuple[str, str, Scores]]) -> str:
    lines = ["| gold file | method | link P | link R | link F1 | status acc | seg_exact | noise | fragments |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, method, s in rows:
        lines.append(f"| {name} | {method} | {s.link_precision:.3f} | {s.link_recall:.3f} | {s.link_f1:.3f} | "
                     f"{s.status_accuracy:.3f} | {s.segmentation_exact:.3f} | {s.noise_reported} | {s.fragments} |")
    n_gold = len({name for name, _, _ in rows})
    for method in METHODS:
        m = mean_scores([s for _, meth, s in rows if meth == method])
        lines.append(f"| **mean of {n_gold}** | **{method}** | {m.link_precision:.3f} | {m.link_recall:.3f} | {m.link_f1:.3f} | "
                     f"{m.status_accuracy:.3f} | {m.segmentation_exact:.3f} | {m.noise_reported:.1f} | {m.fragments:.1f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="*", help="gold files (default: benchmarks/gold/*.json)")
    parser.add_argument("--root", default=str(ROOT), help="folder the gold files' statement paths are relative to (default: the checkout)")
    args = parser.parse_args(argv)
    gold_paths = args.gold or sorted((ROOT / "benchmarks" / "gold").glob("*.json"))
    try:
        rows = run(gold_paths, args.root)
    except StatediffError as exc:
        print(f"quality.py: error: {exc}", file=sys.stderr)
        return 2
    print(markdown_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
