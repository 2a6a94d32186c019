"""Property tests: segment and compare hold their invariants for any text (HYPOTHESIS_PROFILE=thorough for 10,000 examples)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from statediff.errors import InputError, NoCommitmentsError
from statediff.load import load_bytes
from statediff.model import Document, Status
from statediff.pipeline import compare
from statediff.render.json_report import render_json
from statediff.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEED_PAIR = ("seeds/jspg7-2022-kz-tr.ru.txt", "seeds/jspg8-2026-kz-tr.ru.txt")
# Fast in CI; HYPOTHESIS_PROFILE=thorough runs 10,000 examples per property. Applied per test
# (not loaded globally), so other test modules keep hypothesis' own defaults.
settings.register_profile("statediff-fast", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile("thorough" if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else "statediff-fast")

WORDS = (
    "Стороны", "стороны", "договорились", "подтвердили", "намерение", "развивать", "сотрудничество", "будут", "продолжат",
    "и", "в", "сфере", "энергетики", "торговли", "отметили", "важность", "приветствовали", "г.", "млрд.", "долл.", "США",
    "Республики", "Казахстан", "Нур-Султан", "А.", "ОТГ", "The", "parties", "agreed", "to", "will", "continue", "cooperation",
    "reaffirmed", "their", "commitment", "and", "in", "trade", "Mr.", "U.S.", "welcomed", "Taraflar", "işbirliğini",
    "2022", "3-4", "30-летия", "№5",
)
SEPARATORS = (
    " ", " ", " ", " ", "\u00a0", "\u200b", "\ufeff", ", ", "; ", ". ", ".\n", "\n", "\r\n", "\r", "\n\n", " – ", " - ", ": ",
    "\t", "!", "?", "…", "«", "»", "\"", "(", ")", "1. ", "2) ", "а) ", "- ", "• ", "[bookmark: _GoBack]", "Похожие материалы\n",
)
PLEDGES = (
    "Стороны договорились развивать сотрудничество в сфере энергетики.",
    "Стороны подтвердили намерение продолжить политический диалог и договорились провести заседание в 2026 году.",
    "Министры приветствовали запуск проекта; стороны будут расширять торговлю.",
    "The parties agreed to deepen cooperation in trade and will continue consultations.",
)

statement_like = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS), st.text(max_size=4)),
    max_size=120,
).map("".join)
with_a_pledge = st.tuples(statement_like, st.sampled_from(PLEDGES), statement_like).map(lambda parts: "\n".join(parts))
any_text = st.one_of(st.text(max_size=400), statement_like, with_a_pledge)
MARKUP = ("<p>", "</p>", "<br>", "<li>", "<ol start='2'>", "<nav>", "<article>", "<!--", "-->", "# ", "**", "_", "`", "[", "](", ")", "> ", "|", "---")
markup_like = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS), st.sampled_from(MARKUP), st.text(max_size=3)), max_size=80).map("".join)
SUFFIXES = ("", ".txt", ".md", ".html", ".docx", ".pdf")


def _segment_or_none(text: str):
    document = Document(path="x.txt", text=text, sha256="0" * 64, encoding="utf-8", encoding_detected=False)
    try:
        return segment(document)
    except NoCommitmentsError:
        event("no commitments")
        return None


@PROFILE
@given(any_text)
def test_segment_raises_nothing_but_no_commitments_and_offsets_index_the_text(text: str) -> None:
    seg = _segment_or_none(text)
    if seg is None:
        return
    event("has commitments")
    previous_end = 0
    for commitment in seg.commitments:
        assert 0 <= commitment.start < commitment.end <= len(text)
        assert text[commitment.start:commitment.end] == commitment.text
        assert commitment.start >= previous_end, "commitments overlap or are out of order"
        previous_end = commitment.end
        assert commitment.line == text.count("\n", 0, commitment.start) + text.count("\r", 0, commitment.start) \
            - text.count("\r\n", 0, commitment.start) + 1
    for skipped in seg.skipped:
        assert 0 <= skipped.start <= skipped.end <= len(text)


@PROFILE
@given(any_text)
def test_commitments_and_skipped_spans_cover_all_non_whitespace(text: str) -> None:
    seg = _segment_or_none(text)
    if seg is None:
        return
    covered = bytearray(len(text))
    for span in (*seg.commitments, *seg.skipped):
        covered[span.start:span.end] = b"\x01" * (span.end - span.start)
    lost = [(i, text[i]) for i in range(len(text)) if not covered[i] and not text[i].isspace()]
    assert not lost, f"characters neither in a commitment nor in a skipped span: {lost[:10]}"


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def _compare_texts(workdir: Path, old_text: str, new_text: str):
    old_path, new_path = workdir / "old.txt", workdir / "new.txt"
    old_path.write_bytes(old_text.encode("utf-8"))
    new_path.write_bytes(new_text.encode("utf-8"))
    return compare(str(old_path), str(new_path))


@PROFILE
@given(old_text=with_a_pledge, new_text=with_a_pledge)
def test_changes_partition_both_sides_and_json_is_byte_identical(workdir: Path, old_text: str, new_text: str) -> None:
    try:
        report = _compare_texts(workdir, old_text, new_text)
    except NoCommitmentsError:
        event("no commitments")
        return
    except InputError as exc:  # control characters (NUL...) make a file binary; nothing else may fail
        assert "binary" in str(exc), str(exc)
        event("binary")
        return
    old_ids = [cid for change in report.changes for cid in change.old]
    new_ids = [cid for change in report.changes for cid in change.new]
    assert sorted(old_ids) == sorted(c.id for c in report.old.commitments)
    assert sorted(new_ids) == sorted(c.id for c in report.new.commitments)
    assert len(set(old_ids)) == len(old_ids) and len(set(new_ids)) == len(new_ids)
    for change in report.changes:
        if change.status in (Status.PERSISTED, Status.MODIFIED):
            assert change.old and change.new
        elif change.status == Status.DROPPED:
            assert change.old and not change.new
        else:
            assert change.new and not change.old
    again = _compare_texts(workdir, old_text, new_text)
    assert render_json(report) == render_json(again)


def test_json_is_byte_identical_across_processes_and_hash_seeds() -> None:
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", "from statediff.cli import main; main()", *SEED_PAIR, "--format", "json"],
            cwd=ROOT, env=env, capture_output=True, check=False,
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


@PROFILE
@given(data=st.one_of(st.binary(max_size=3000), markup_like.map(str.encode), any_text.map(lambda t: t.encode("utf-16"))), suffix=st.sampled_from(SUFFIXES))
def test_loading_any_bytes_raises_nothing_but_input_error(data: bytes, suffix: str) -> None:
    try:
        document = load_bytes(data, "x" + suffix, suffix)
    except InputError:
        event("refused")
        return
    event(document.format)
    assert document.text.strip()
    assert document.format in ("txt", "markdown", "html", "docx", "pdf")


layout_words = st.lists(st.sampled_from(WORDS + ("—", "•", "1.", "12", "сотруд-", "Нур-")), min_size=1, max_size=12).map(" ".join)


@PROFILE
@given(st.lists(st.lists(st.tuples(layout_words, st.floats(0, 800), st.floats(0, 100)), max_size=30), min_size=1, max_size=4))
def test_pdf_line_joining_keeps_every_word(pages: list[list[tuple[str, float, float]]]) -> None:
    from statediff.extract.pdf_text import _Line, layout_to_text

    laid_out = [[_Line(text, x, y, 11.0) for text, y, x in page] for page in pages]
    words = [w for page in pages for text, _, _ in page for w in text.split()]
    joined = layout_to_text(laid_out).split()
    # Only a line-final hyphen may glue two words together; nothing is lost or added.
    assert "".join(joined).replace("-", "") == "".join(words).replace("-", "")
    assert len(joined) <= len(words)
