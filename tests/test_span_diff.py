"""benchmarks/span_diff.py: what the working tree made of a pledge a commit kept, and the child reader."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from statediff.load import load
from statediff.segment import segment

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def span_diff() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_span_diff", ROOT / "benchmarks" / "span_diff.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


READING = {"pledges": [[0, 40, False], [100, 160, True]], "skipped": [[40, 60, "aside"], [60, 100, "not a commitment"], [160, 200, "heading"]]}

REASON_CASES = [
    # (span a commitment kept, what the working tree made of it)
    ((0, 60), "span changed"),  # a pledge of the working tree still overlaps it: trimmed
    ((120, 180), "span changed"),
    ((40, 60), "aside"),
    ((45, 100), "not a commitment"),  # the skipped span covering most of it
    ((160, 200), "heading"),
    ((300, 320), "?"),  # nothing read there (past the end)
]


@pytest.mark.parametrize(("span", "expected"), REASON_CASES)
def test_reason_at(span_diff: ModuleType, span: tuple[int, int], expected: str) -> None:
    assert span_diff.reason_at(READING, *span) == expected


def test_the_reader_runs_the_code_it_is_given(span_diff: ModuleType, tmp_path: Path) -> None:
    statement = tmp_path / "statement.txt"
    statement.write_text("Joint Statement\n\nThe Parties agreed to expand trade. The weather was fine.\n", encoding="utf-8")
    read = span_diff.read_spans(ROOT, [str(statement)])[str(statement)]
    seg = segment(load(str(statement)))
    assert read["pledges"] == [[c.start, c.end, c.deed] for c in seg.commitments] == [[17, 52, False]]
    assert read["skipped"] == [[s.start, s.end, s.reason] for s in seg.skipped]
    # A folder without the package: the installed copy would answer, and the reader says so.
    with pytest.raises(span_diff.SpanDiffError, match="not the code under"):
        span_diff.read_spans(tmp_path, [str(statement)])


def test_an_unknown_commit_is_one_clear_error(span_diff: ModuleType) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    with pytest.raises(span_diff.SpanDiffError, match="cannot check out 'no-such-commit'"):
        span_diff.read_commit("no-such-commit", [])


def test_a_reader_that_fails_shows_its_error(span_diff: ModuleType, tmp_path: Path) -> None:
    broken = tmp_path / "statediff"
    broken.mkdir()
    (broken / "__init__.py").write_text("raise ImportError('this copy is broken')\n", encoding="utf-8")
    with pytest.raises(span_diff.SpanDiffError, match="this copy is broken"):
        span_diff.read_spans(tmp_path, [])
