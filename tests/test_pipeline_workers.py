"""The pipeline's worker processes: segmenting both statements and reading the details facts
in forked processes gives the same report as one process, and errors still surface."""

import importlib
from pathlib import Path

import pytest

from statediff import pipeline
from statediff.errors import NoCommitmentsError
from statediff.pipeline import compare
from statediff.render.json_report import render_json

ROOT = Path(__file__).resolve().parent.parent
SEED_OLD = ROOT / "seeds" / "jspg7-2022-kz-tr.ru.txt"
SEED_NEW = ROOT / "seeds" / "jspg8-2026-kz-tr.ru.txt"
annotate_module = importlib.import_module("statediff.details.annotate")  # (statediff.details.annotate is the function)
ENGLISH = ROOT / "benchmarks" / "corpus" / "en_us-japan-leaders_2024-04_2025-02"


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CHARS", 0)


@pytest.mark.parametrize("pair", [(SEED_OLD, SEED_NEW), (ENGLISH / "a.txt", ENGLISH / "b.txt")])
def test_worker_processes_give_the_same_report(always_parallel: None, pair: tuple[Path, Path]) -> None:
    old, new = (str(p) for p in pair)
    timings: dict[str, float] = {}
    parallel = render_json(compare(old, new, workers=2, timings=timings))
    assert set(timings) == {"load", "segment", "align", "details"}
    assert parallel == render_json(compare(old, new, workers=1))


def test_a_segmentation_error_in_a_worker_is_raised_here(always_parallel: None, tmp_path: Path) -> None:
    empty = tmp_path / "headings.txt"
    empty.write_text("Joint Statement\n\nTashkent, 5 May 2024\n", encoding="utf-8")
    with pytest.raises(NoCommitmentsError):
        compare(str(SEED_OLD), str(empty), workers=2)


def test_facts_that_fail_in_the_worker_are_read_here(always_parallel: None, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = render_json(compare(str(SEED_OLD), str(SEED_NEW), workers=1))

    def broken(*args: object) -> None:
        raise RuntimeError("worker-side failure")

    monkeypatch.setattr(annotate_module, "side_facts", broken)  # only the worker process calls it
    assert render_json(compare(str(SEED_OLD), str(SEED_NEW), workers=2)) == expected
