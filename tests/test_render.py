"""Terminal renderer tests on hand-built reports, plus golden plain and JSON reports of the seed pair."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from statediff import exit_codes
from statediff.details.types import Number
from statediff.model import Change, Commitment, Document, Report, Segmentation, Settings, Status
from statediff.pipeline import compare
from statediff.render.terminal import render_terminal
from statediff.render.worddiff import Piece, word_diff

ROOT = Path(__file__).resolve().parent.parent
SEED_OLD = "seeds/jspg7-2022-kz-tr.ru.txt"  # relative on purpose: goldens must not contain this machine's paths
SEED_NEW = "seeds/jspg8-2026-kz-tr.ru.txt"
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")

LONG = ("The parties reaffirmed their commitment to deepen cooperation in energy, transport, logistics, "
        "digitalisation, agriculture, education, culture and tourism for the benefit of both peoples.")
OLD_TEXTS = (
    LONG,
    "The sides agreed to hold consultations on regional security every year.",
    "The ministers will expand trade.",
    "They will also open a joint investment fund.",
    "The parties discussed the situation in the region.",
)
NEW_TEXTS = (
    LONG,
    "The sides agreed to hold annual consultations on regional and global security.",
    "The ministers will expand trade and open a joint investment fund in 2026.",
    "Both countries will launch a direct flight between their capitals.",
)
CHANGES = (
    Change(Status.PERSISTED, ("o1",), ("n1",), 1.0, 1.0),
    Change(Status.MODIFIED, ("o2",), ("n2",), 0.8123, 0.7),
    Change(Status.MODIFIED, ("o3", "o4"), ("n3",), 0.655, 0.6),
    Change(Status.DROPPED, ("o5",), (), None),
    Change(Status.NEW, (), ("n4",), None),
)


def _side(path: str, texts: tuple[str, ...], prefix: str, *, encoding: str = "utf-8", detected: bool = False,
          language: str = "en") -> Segmentation:
    # Each pledge on its own line, two lines apart, so line numbers differ from positions.
    commitments, offset = [], 0
    for n, text in enumerate(texts):
        commitments.append(Commitment(f"{prefix}{n + 1}", offset, offset + len(text), text, text.lower(),
                                      offset, offset + len(text), 2 * n + 1))
        offset += len(text) + 2
    document = Document(path, "\n\n".join(texts) + "\n", "0" * 64, encoding, detected)
    return Segmentation(document, language, None, tuple(commitments))


def _report(*, old_encoding: str = "utf-8", notices: tuple[str, ...] = ()) -> Report:
    return Report(
        old=_side("old/statement.txt", OLD_TEXTS, "o", encoding=old_encoding, detected=old_encoding != "utf-8"),
        new=_side("new/statement.txt", NEW_TEXTS, "n"),
        changes=CHANGES,
        settings=Settings(0.25, "auto", 0.9),
        notices=notices,
    )


def _render(report: Report, fmt: str = "plain", *, color: bool = False, show_all: bool = False, width: int = 80,
            notices: bool = True) -> str:
    stream = io.StringIO()
    render_terminal(report, fmt, color, show_all, stream, notices=notices, width=width)
    return stream.getvalue()


LAYOUTS = [("plain", False), ("plain", True), ("rich", False), ("rich", True)]


def test_header_names_files_languages_and_counts() -> None:
    out = _render(_report())
    assert out.startswith("old: old/statement.txt\n     English (en), 5 commitments\n"
                          "new: new/statement.txt\n     English (en), 4 commitments\n")
    assert "Summary: 1 persisted, 2 modified, 1 new, 1 dropped\n" in out
    assert "encoding" not in out  # plain UTF-8 is not worth a mention


def test_header_mentions_a_detected_encoding() -> None:
    out = _render(_report(old_encoding="cp1251"))
    assert "     English (en), 5 commitments, encoding cp1251 (detected)\n" in out


@pytest.mark.parametrize(("fmt", "color"), LAYOUTS)
def test_sections_come_in_report_order(fmt: str, color: bool) -> None:
    out = ANSI_RE.sub("", _render(_report(), fmt, color=color))
    positions = [out.index(f"{title} (1)" if title in ("Dropped", "New", "Persisted") else f"{title} (2)")
                 for title in ("Dropped", "New", "Modified", "Persisted")]
    assert positions == sorted(positions)


def test_empty_sections_are_left_out() -> None:
    report = _report()
    only_persisted = Report(report.old, report.new, CHANGES[:1], report.settings)
    out = _render(only_persisted)
    assert "Persisted (1)" in out
    assert not any(f"{title} (" in out for title in ("Dropped", "New", "Modified"))


def test_items_show_lines_and_two_decimal_scores() -> None:
    out = _render(_report())
    assert "\n- old line 9\n    The parties discussed the situation in the region.\n" in out
    assert "\n+ new line 7\n    Both countries will launch a direct flight between their capitals.\n" in out
    assert "\n~ old line 3 -> new line 3  score 0.81\n" in out


def test_merge_is_one_item_listing_every_member() -> None:
    out = _render(_report())
    assert "\n~ old 2 pledges, lines 5, 7 -> new line 5  score 0.66\n" in out


def test_plain_word_diff_marks_removed_and_added_words() -> None:
    out = _render(_report())
    assert ("    The sides agreed to hold {+annual+} consultations on regional {+and global+}\n"
            "    security [-every year-].\n") in out
    # a merge diffs the members' texts joined in order
    assert "    The ministers will expand trade[-. They will also-] {+and+} open a joint\n" in out


@pytest.mark.parametrize(("fmt", "color"), LAYOUTS)
def test_pledges_in_two_languages_show_each_side_whole(fmt: str, color: bool) -> None:
    # A word diff of a translation would mark every word: old and new are shown one after the other.
    spanish = ("Las partes acordaron celebrar consultas anuales sobre seguridad regional.",)
    report = Report(old=_side("old/statement.txt", OLD_TEXTS[1:2], "o"), new=_side("new/statement.es.txt", spanish, "n", language="es"),
                    changes=(Change(Status.MODIFIED, ("o1",), ("n1",), 0.15, 0.2),), settings=Settings(0.25, "auto", 0.9))
    out = " ".join(ANSI_RE.sub("", _render(report, fmt, color=color)).split())  # unwrapped
    assert "old: The sides agreed to hold consultations on regional security every year." in out
    assert "new: Las partes acordaron celebrar consultas anuales sobre seguridad regional." in out
    assert "[-" not in out and "{+" not in out


@pytest.mark.parametrize(("fmt", "color"), [("plain", False), ("rich", False)])
def test_no_escape_codes_without_colour(fmt: str, color: bool) -> None:
    out = _render(_report(notices=("a notice",)), fmt, color=color, show_all=True)
    assert "\x1b" not in out


@pytest.mark.parametrize(("fmt", "color"), [("plain", False), ("rich", False), ("rich", True)])
def test_control_characters_of_the_inputs_are_shown_not_obeyed(fmt: str, color: bool) -> None:
    # an ESC that retitles the window, a bell, an ESC that colours (found by a new user's review); a
    # right-to-left override, which reorders the rest of the line (found in review)
    hostile = ("The sides agreed to hold talks in Geneva \x1b]0;PWNED\x07 on trade \x1b[31mred\x1b[0m every \u202eyear.",)
    report = Report(old=_side("old\x1b[2J.txt", hostile, "o"), new=_side("new.txt", OLD_TEXTS[1:2], "n"),
                    changes=(Change(Status.DROPPED, ("o1",), (), None), Change(Status.NEW, (), ("n1",), None)),
                    settings=Settings(0.25, "auto", 0.9))
    out = ANSI_RE.sub("", _render(report, fmt, color=color, show_all=True))  # statediff's own styles
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    assert "\u241b]0;PWNED" in " ".join(out.split())  # (a bell Rich drops itself)


def test_segment_listing_shows_control_characters(tmp_path: Path, run: Callable[..., Result]) -> None:
    path = tmp_path / "ctl.txt"
    path.write_text("The sides agreed to hold talks in Geneva \x1b]0;PWNED\x07 on trade every year.\n", encoding="utf-8")
    for fmt in ("plain", "rich"):
        result = run("segment", str(path), "--format", fmt, "--color", "never")
        assert result.exit_code == exit_codes.OK, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u241b" in result.stdout


def test_rich_with_colour_styles_the_diff_instead_of_markers() -> None:
    out = _render(_report(), "rich", color=True)
    assert ANSI_RE.search(out)
    assert "{+" not in out and "[-" not in out
    assert "annual" in ANSI_RE.sub("", out)


def test_rich_without_colour_falls_back_to_markers() -> None:
    out = _render(_report(), "rich", color=False)
    assert "{+annual+}" in out


def test_plain_with_colour_keeps_markers_and_adds_colour() -> None:
    out = _render(_report(), "plain", color=True)
    assert ANSI_RE.search(out)
    assert "{+annual+}" in ANSI_RE.sub("", out)


@pytest.mark.parametrize(("fmt", "color"), LAYOUTS)
@pytest.mark.parametrize("show_all", [False, True])
def test_every_line_fits_80_columns(fmt: str, color: bool, show_all: bool) -> None:
    out = _render(_report(old_encoding="utf-16-le (BOM)", notices=("x" * 120,)), fmt, color=color, show_all=show_all)
    for line in ANSI_RE.sub("", out).splitlines():
        assert cell_len(line) <= 80, line
        assert line == line.rstrip(), f"trailing spaces in {line!r}"


def test_persisted_is_one_truncated_line_by_default() -> None:
    out = _render(_report())
    persisted = out[out.index("Persisted (1)"):].splitlines()
    item = [line for line in persisted if line.startswith("= ")]
    assert len(item) == 1
    assert item[0].startswith("= old line 1 -> new line 1  score 1.00  The parties reaffirmed")
    assert item[0].endswith("…")
    assert LONG not in out


def test_show_all_prints_persisted_pledges_in_full() -> None:
    out = _render(_report(), show_all=True)
    persisted = out[out.index("Persisted (1)"):]
    assert "= old line 1 -> new line 1  score 1.00\n" in persisted
    assert " ".join(persisted.split()).count(LONG) == 1


def test_notices_come_last_unless_the_caller_prints_them() -> None:
    out = _render(_report(notices=("the two inputs are identical",)))
    assert out.rstrip().endswith("! the two inputs are identical")
    assert out.index("Notices") > out.index("Persisted (1)")
    assert "Notices" not in _render(_report(notices=("the two inputs are identical",)), notices=False)


def test_unknown_layout_is_refused() -> None:
    with pytest.raises(ValueError, match="layout"):
        _render(_report(), "html")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("a b c", "a b c", [Piece("equal", "a b c")]),
        ("a b", "a b c d", [Piece("equal", "a b"), Piece("added", "c d")]),
        ("a b c d", "a d", [Piece("equal", "a"), Piece("removed", "b c"), Piece("equal", "d")]),
        ("Их было", "их было", [Piece("removed", "Их"), Piece("added", "их"), Piece("equal", "было")]),  # case counts
        ("pledge one", "promise one", [Piece("removed", "pledge"), Piece("added", "promise"), Piece("equal", "one")]),
        # a lone shared word between two changes is folded into one rewrite
        ("alpha and beta", "gamma and delta", [Piece("removed", "alpha and beta"), Piece("added", "gamma and delta")]),
        ("", "new words", [Piece("added", "new words")]),
        # punctuation is its own token and keeps its spacing, so a moved full stop is not a changed word
        ("fund.", "fund in 2026.", [Piece("equal", "fund"), Piece("added", "in 2026"), Piece("equal", ".", spaced=False)]),
        ("x, y", "x; y", [Piece("equal", "x"), Piece("removed", ",", False), Piece("added", ";", False), Piece("equal", "y")]),
        # a shared content word between two edits stays visible
        # a curly apostrophe for a straight one is no change (shown as the new text has it)
        ("the People's Republic", "the People’s Republic", [Piece("equal", "the People’s Republic")]),
        ("on security every year.", "on global security.",
         [Piece("equal", "on"), Piece("added", "global"), Piece("equal", "security"), Piece("removed", "every year"), Piece("equal", ".", False)]),
    ],
)
def test_word_diff(old: str, new: str, expected: list[Piece]) -> None:
    assert list(word_diff(old, new)) == expected


def test_seed_report_fits_80_columns_in_every_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = compare(SEED_OLD, SEED_NEW)
    for fmt, color in LAYOUTS:
        for line in ANSI_RE.sub("", _render(report, fmt, color=color, show_all=True)).splitlines():
            assert cell_len(line) <= 80, (fmt, color, line)


# -- golden files (ydiff style); see tests/golden/README.md to regenerate ---------------------


@pytest.mark.parametrize(("name", "args"), [("seed.plain.txt", ["--format", "plain"]), ("seed.json", ["--format", "json"])])
def test_seed_pair_golden(run: Callable[..., Result], check_golden: Callable[[str, str], None], name: str, args: list[str]) -> None:
    result = run(SEED_OLD, SEED_NEW, *args)
    assert result.exit_code == exit_codes.OK, result.output
    if name.endswith(".json"):
        json.loads(result.stdout)
    check_golden(name, result.stdout)


# -- the plain layout's own wrapping --------------------------------------------------------

_WRAP_ALPHABET = "ab cdé  Ж中-."  # letters, spaces (single and double), a wide character, marks


@given(text=st.text(alphabet=_WRAP_ALPHABET, max_size=300), width=st.integers(min_value=10, max_value=100))
@settings(max_examples=300, deadline=None)
def test_plain_wrap_is_what_rich_wraps(text: str, width: int) -> None:
    from rich.console import Console
    from rich.text import Text

    from statediff.render.terminal import plain_wrap

    console = Console(file=io.StringIO(), width=200)
    assert plain_wrap(text, width) == [line.plain.rstrip() for line in Text(text).wrap(console, width)]


@pytest.mark.parametrize(("fmt", "color"), [("plain", False), ("plain", True), ("rich", False), ("rich", True)])
@pytest.mark.parametrize("pair", [(SEED_OLD, SEED_NEW), (
    "benchmarks/corpus/en_us-india-leaders_2023-09_2025-02/a.txt", "benchmarks/corpus/en_us-india-leaders_2023-09_2025-02/b.txt")],
    ids=["seed", "india"])
def test_fast_layouts_equal_printing_every_line_through_rich(
    monkeypatch: pytest.MonkeyPatch, pair: tuple[str, str], fmt: str, color: bool
) -> None:
    """For speed the plain layout writes lines itself, the rich one prints them in batches and
    wraps simple lines with wrap_breaks; line by line through Rich's Text.wrap and print, every
    layout reads the same, byte for byte."""
    import statediff.render.terminal as terminal

    monkeypatch.chdir(ROOT)
    report = compare(*pair)
    fast = io.StringIO()
    render_terminal(report, fmt=fmt, color=color, show_all=True, stream=fast, width=100)
    monkeypatch.setattr(terminal, "_simple", lambda text: False)  # Rich's own wrapping, and no direct writes
    monkeypatch.setattr(terminal, "_BATCH_LINES", 1)  # one console.print per line
    slow = io.StringIO()
    render_terminal(report, fmt=fmt, color=color, show_all=True, stream=slow, width=100)
    assert fast.getvalue() == slow.getvalue()


@pytest.mark.parametrize("width", [50, 60, 80])
def test_rich_topic_table_keeps_its_status_headers_on_narrow_terminals(width: int) -> None:
    import io

    from statediff.pipeline import compare
    from statediff.render.terminal import render_terminal

    report = compare(str(ROOT / "seeds/jspg7-2022-kz-tr.ru.txt"), str(ROOT / "seeds/jspg8-2026-kz-tr.ru.txt"))
    out = io.StringIO()
    render_terminal(report, fmt="rich", color=False, show_all=False, stream=out, width=width)
    header = next(line for line in out.getvalue().splitlines() if "Topic" in line)
    assert all(status in header for status in ("persisted", "modified", "new", "dropped")), header
    # The two path lines are printed whole by design (a path is copied into other commands), and a
    # clone's absolute path can be longer than the terminal: every other line fits.
    body = [line for line in out.getvalue().splitlines() if not line.startswith(("old: ", "new: "))]
    assert all(len(line) <= width for line in body), [line for line in body if len(line) > width]


@pytest.mark.parametrize(("number", "shown"), [
    (Number("fyra medlemmar", 0, 14, "count", 4, "medlemm"), "4 × medlemmar"),  # a stem: the word written (found in review)
    (Number("six weeks", 0, 9, "count", 6, "week"), "6 × week"),  # a unit the number files name
    (Number("176 personers,", 0, 14, "count", 176, "person"), "176 × person"),
    (Number("12", 0, 2, "count", 12), "12"),
])
def test_a_counts_unit_is_a_word_a_reader_knows(number: Number, shown: str) -> None:
    from statediff.render.details import quantity

    assert quantity(number) == shown


@pytest.mark.parametrize("width", [30, 40, 60, 80])
@pytest.mark.parametrize("fmt", ["plain", "rich"])
def test_every_topic_and_count_is_shown_at_any_width(fmt: str, width: int) -> None:
    # found by a new user's review: at 40 columns every topic name was "…", at 30 a column went missing
    from statediff.render.details import topic_label, topic_rows

    report = compare(str(ROOT / "seeds/jspg7-2022-kz-tr.ru.txt"), str(ROOT / "seeds/jspg8-2026-kz-tr.ru.txt"))
    out = _render(report, fmt, width=width)
    # The topics block: from its header to the blank line after it. A name may wrap or fold
    # ("counter-terror" / "ism") between the counts of its row, so its letters are compared.
    lines = out.splitlines()
    top = next(k for k, line in enumerate(lines) if line.lstrip().startswith("Topic"))

    def letters(text: str) -> str:
        return "".join(ch for ch in text if ch.isalpha())

    block = letters("".join(lines[top:lines.index("", top)]))
    for row in topic_rows(report):
        assert letters(topic_label(row.topic)) in block, topic_label(row.topic)
    assert "…" not in out.split("Modified")[0]  # no topic cut to an ellipsis above the sections
    # (a file's path is never broken; the plain report is 80 wide at least)
    assert max(len(line) for line in out.splitlines() if not line.startswith(("old: ", "new: "))) <= max(width, 80 if fmt == "plain" else width)


def _at(line: int, text: str = "We will meet.") -> Commitment:
    return Commitment(f"o{line}", 0, len(text), text, text.lower(), 0, len(text), line)


@pytest.mark.parametrize(("lines", "expected"), [
    ([4], "old line 4"),
    ([4, 4], "old 2 pledges, line 4"),  # two clauses of one sentence
    ([4, 9, 4], "old 3 pledges, lines 4, 9"),  # each line once, in the group's order
])
def test_member_lines_name_each_line_once(lines: list[int], expected: str) -> None:
    from statediff.render.items import member_lines

    assert member_lines("old", [_at(n) for n in lines]) == expected


def test_joined_text_reflows_pledges_that_span_lines() -> None:
    from statediff.render.items import joined_text

    assert joined_text([_at(1, "We will\nmeet\u00a0again."), _at(2, "  And talk. ")]) == "We will meet again. And talk."
