"""The details stage's and the JSON renderer's shortcuts give exactly what the plain code gives."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest

from statediff.align import term_sets
from statediff.details.patterns import words_of
from statediff.details.why import TermIndex, surface_terms
from statediff.features import concept_terms, featurizer_for
from statediff.languages import across_languages
from statediff.load import load
from statediff.model import Report
from statediff.pipeline import compare
from statediff.policy import Policy, evaluate, verdict_json
from statediff.render.json_report import dumps_indented, render_json, to_dict
from statediff.segment import segment
from statediff.segment.tokens import tokenize

ROOT = Path(__file__).resolve().parent.parent
SEED_OLD = ROOT / "seeds" / "jspg7-2022-kz-tr.ru.txt"
SEED_NEW = ROOT / "seeds" / "jspg8-2026-kz-tr.ru.txt"
CORPUS = ROOT / "benchmarks" / "corpus" / "en_us-japan-leaders_2024-04_2025-02"
DETAILS = ROOT / "tests" / "data" / "details"


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return compare(str(SEED_OLD), str(SEED_NEW))


def _indented(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


TRICKY = [
    {},
    [],
    "plain",
    None,
    {"a": []},
    {"a": {}, "b": [[]], "c": [{}]},
    [{"id": "o1", "text": 'quote " and \\ and \n newline and },\n      { inside'}, {"id": "o2", "text": "ёлка\u00ad\u200b"}],
    [{"x": 1}, {"y": [1, 2]}, {}],
    [{"x": 1}, 2, "three", None, [4, [5, {"six": 6}]]],
    {"floats": [1.0, -0.0, 1e20, 1.5e-7, math.nan, math.inf, -math.inf], "ints": [0, -1, 10**30], "bools": [True, False]},
    {"nested": {"deeper": {"deepest": {"leaf": [1, {"k": "v"}]}}}, "tuple": (1, "two", (3,))},
    {1: "int key", "s": "str key"},
    {"k": {"inner": [{"a": 1, "b": None, "c": []}, {"a": 2, "b": "x", "c": {}}]}},
]


@pytest.mark.parametrize("value", TRICKY)
def test_dumps_indented_is_json_dumps_with_indent(value: object) -> None:
    assert dumps_indented(value) == _indented(value)


def _random_value(rng: random.Random, depth: int = 0) -> object:
    roll = rng.random()
    if depth > 4 or roll < 0.35:
        return rng.choice([None, True, False, 0, -7, 2**40, 0.5, 1e-9, "", "s", 'a"b\\c', "line\nbreak", "}, {", "ёж", "\x00\x1f"])
    if roll < 0.65:
        return [_random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(["a", "b", "c", "d", "é", ""]) + str(k): _random_value(rng, depth + 1) for k in range(rng.randrange(4))}


def test_dumps_indented_on_random_values() -> None:
    rng = random.Random(5)
    for _ in range(400):
        value = _random_value(rng)
        assert dumps_indented(value) == _indented(value)


def test_render_json_is_to_dict_dumped(seed_report: Report) -> None:
    assert render_json(seed_report) == _indented(to_dict(seed_report)) + "\n"


def test_render_json_of_a_cross_language_pair() -> None:
    report = compare(str(CORPUS / "a.txt"), str(SEED_NEW))
    assert render_json(report) == _indented(to_dict(report)) + "\n"


def test_render_json_of_every_detail_and_a_policy() -> None:
    """A pair whose report holds a lead-in, a direction reversal, a table row and a policy verdict,
    none of which the seed pair's report has (the two writers are kept alike by hand)."""
    report = compare(str(DETAILS / "old.md"), str(DETAILS / "new.md"))
    policy = Policy(frozenset({"weakened", "dropped"}), None)
    verdict = verdict_json(report, policy, evaluate(report, policy))
    written = render_json(report, verdict)
    for field in ('"lead_in"', '"direction"', '"row"', '"policy"'):
        assert field in written, field
    assert written == _indented(to_dict(report, verdict)) + "\n"


def test_render_json_of_pledges_reported_done(tmp_path: Path) -> None:
    """The ``deeds`` field, one deed and two in one group (a field only such reports hold)."""
    frame = ("Joint Statement of the United States and Mexico\n\nThe United States and Mexico will expand their security cooperation.\n\n"
             "{}\n\nMexico {} the Port Control Program and the Maritime Program to stop the trafficking of arms.\n")
    (tmp_path / "old.txt").write_text(frame.format("Mexico will join the Global Container Control Program to stop the illicit trafficking of drugs.",
                                                   "will join"), encoding="utf-8")
    (tmp_path / "new.txt").write_text(frame.format("Mexico joined the Global Container Control Program to stop the illicit trafficking of drugs.",
                                                   "joined").replace("the Port Control Program and the", "the Port Control Program. Mexico joined the"),
                                      encoding="utf-8")
    report = compare(str(tmp_path / "old.txt"), str(tmp_path / "new.txt"))
    written = render_json(report)
    assert sorted(len(ch["details"]["deeds"]) for ch in json.loads(written)["changes"] if "deeds" in ch["details"]) == [1, 2]
    assert written == _indented(to_dict(report)) + "\n"


@pytest.mark.parametrize("path", [SEED_OLD, SEED_NEW, CORPUS / "a.txt", CORPUS / "b.txt"])
def test_words_of_a_slice_are_its_tokens(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # invisible characters inside words and spans cutting words, as the tokenizer must see them
    text = text.replace("ств", "с\u00adтв").replace("tion", "ti\u200bon")
    rng = random.Random(len(text))
    spans = [(0, len(text))] + [(a, min(len(text), a + rng.randrange(1, 300))) for a in (rng.randrange(len(text)) for _ in range(300))]
    for start, end in spans:
        words = words_of(text, start, end)
        assert list(words.tokens) == tokenize(text, start, end)


@pytest.mark.parametrize("old_path, new_path", [(SEED_OLD, SEED_NEW), (CORPUS / "a.txt", CORPUS / "b.txt"), (CORPUS / "a.txt", SEED_NEW)])
def test_term_index_has_the_aligners_terms(old_path: Path, new_path: Path) -> None:
    # the terms align scored, across languages with concept words read as their concept (found in
    # review: a Russian–Turkish report's matches shared no term in 10 pledges of 16)
    old, new = segment(load(str(old_path)), None, id_prefix="o"), segment(load(str(new_path)), None, id_prefix="n")
    index = TermIndex(old, new)
    across = across_languages(old.language, new.language)
    for side, seg in (("old", old), ("new", new)):
        featurizer = featurizer_for(seg.language)
        concepts = concept_terms(seg.language) if across else {}
        aligned = term_sets(seg, across).clause
        for i, c in enumerate(seg.commitments):
            assert index.terms[side][i] == set(aligned[i]), c.id
            surfaces: dict[str, set[str]] = {}  # a concept stands for the words of any of its terms
            for term, words in surface_terms(featurizer, c.text).items():
                surfaces.setdefault(concepts.get(term, term), set()).add(words)
            for term in index.terms[side][i]:
                assert index._sides[side].surface([i], term) in surfaces.get(term, {term}), (c.id, term)


def test_memos_start_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    from statediff.details import patterns

    monkeypatch.setattr(patterns, "MEMO_LIMIT", 3)
    memo: dict[str, int] = {}
    for n, word in enumerate(["a", "b", "c"]):
        assert patterns.remember(memo, word, n) == n
    assert memo == {"a": 0, "b": 1, "c": 2}
    assert patterns.remember(memo, "d", 3) == 3
    assert memo == {"d": 3}  # never more than MEMO_LIMIT entries
