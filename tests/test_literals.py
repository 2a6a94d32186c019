"""literals.gate: one search that must find something wherever one of its patterns matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from statediff.languages import NEUTRAL, SUPPORTED, get_language
from statediff.literals import gate, required_chunks

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("pattern", "chunks"), [
    (r"\b(?:\d+|\w+(?:-\w+)?) years? ago\b", {"year"}),
    (r"\bcentur(?:y|ies) ago\b", {"centur"}),
    (r"(?i)\bhonou?red to welcome\b", {"welcome"}),
    (r"\b(?:hospitality|gratitude)\b", {"hospitality", "gratitude"}),  # one per branch of a mandatory alternation
    (r"\d+", None),  # no literal: nothing proves a text cannot match
    (r"(?:foo)?bar|baz", {"bar", "baz"}),
])
def test_required_chunks(pattern: str, chunks: set[str] | None) -> None:
    assert required_chunks(re.compile(pattern)) == chunks


def test_a_pattern_without_required_literal_leaves_no_gate() -> None:
    assert gate([re.compile(r"years? ago"), re.compile(r"\d+")]) is None
    assert gate([]) is None


def _lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "benchmarks" / "corpus").glob("*/*.txt"))]
    extra = ["Sixty-five years ago the alliance was forged.", "We thank Japan for its warm hospitality.",
             "Двадцать лет назад стороны подписали договор.", "Vi tackar för gästfriheten.", "HOSPITALITY extended to the delegation"]
    return [line for text in texts for line in text.splitlines() if line.strip()] + extra


@pytest.mark.parametrize("language", [*SUPPORTED, NEUTRAL])
def test_the_gate_finds_something_wherever_a_pattern_matches(language: str) -> None:
    lang = get_language(language)
    for patterns in (lang.courtesy_patterns, lang.adoption_patterns, lang.past_anchors):
        found = gate(patterns)
        if found is None:
            continue
        for line in _lines():
            if any(p.search(line) for p in patterns):
                assert found.search(line), (language, line[:80])
