"""Statement folders: dates in file names, statediff latest, statediff hook and the pre-commit hook definition."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from statediff import exit_codes
from statediff.errors import StatementFolderError
from statediff.latest import date_of, is_statement, latest_pair, previous_of, statements

Invoke = Callable[..., Result]

ROOT = Path(__file__).resolve().parent.parent
SEED_OLD = ROOT / "seeds/jspg7-2022-kz-tr.ru.txt"
SEED_NEW = ROOT / "seeds/jspg8-2026-kz-tr.ru.txt"


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("jspg7-2022-kz-tr.ru.txt", (2022,)),
        ("statement-2022-03.md", (2022, 3)),
        ("2022-03-05 joint statement.html", (2022, 3, 5)),
        ("review-2019-2022.txt", (2022,)),  # the last date in the name
        ("2021-12-01-to-2022-01.pdf", (2022, 1)),
        ("s-2025-1-20.txt", (2025, 1, 20)),  # a month and a day of one digit (found by a new user's review)
        ("s-2025-1.txt", (2025, 1)),
        ("statement-20220305.txt", None),  # digits glued together are not a date
        ("jspg7.txt", None),
        ("no-0042.txt", None),  # not a plausible year
        ("x-2022.docx", (2022,)),
        # a resolution's number or a count after the year is no later year (found by a new user's review)
        ("wps-statement-2021-res-2593.txt", (2021,)),
        ("wps-statement-2023-res-1325.txt", (2023,)),
        ("statement-2024-03-1500words.txt", (2024, 3)),
        ("treaty-1648.txt", (1648,)),  # no modern year: the one there is
        # dots and underscores, and the day first with dots (found by a CI user's review: "01.03.2026"
        # was read as 2026 alone and sorted before "2026-02-15")
        ("st-2026.03.01.txt", (2026, 3, 1)),
        ("st-2026_03_01.txt", (2026, 3, 1)),
        ("st-01.03.2026.txt", (2026, 3, 1)),
        ("заявление 1.3.2026.docx", (2026, 3, 1)),
        ("st-2026.03.txt", (2026, 3)),
    ],
)
def test_date_of(name: str, date: tuple[int, ...] | None) -> None:
    assert date_of(name) == date


@pytest.mark.parametrize("name", ["st-01-03-2026.txt", "st-01_03_2026.txt", "12-31-2025 statement.md"])
def test_a_date_that_may_put_the_day_or_the_month_first_is_an_error(name: str) -> None:
    with pytest.raises(StatementFolderError, match="may put the day or the month first"):
        date_of(name)


def test_day_first_and_year_first_names_sort_together(tmp_path: Path) -> None:
    for name in ("st-2026-02-15.txt", "st-01.03.2026.txt", "st-2025.12.31.txt"):
        (tmp_path / name).write_text("The parties agreed to meet.\n", encoding="utf-8")
    assert [Path(d.path).name for d in statements(str(tmp_path))] == ["st-2025.12.31.txt", "st-2026-02-15.txt", "st-01.03.2026.txt"]


@pytest.mark.parametrize("name", ["2022-13-01.txt", "2022-03-32.txt", "s-2025-13-40.txt", "2023-02-29.txt", "31.02.2026.txt"])
def test_an_impossible_date_is_an_error_not_a_year(name: str) -> None:
    # Read as its year alone, it would be ordered before that year's dated statements, silently.
    with pytest.raises(StatementFolderError, match="is not a date"):
        date_of(name)


def test_unpadded_dates_sort_by_their_values() -> None:
    assert sorted(["s-2025-1-20.txt", "s-2025-01-05.txt", "s-2024-12-31.txt"], key=date_of) == [
        "s-2024-12-31.txt", "s-2025-01-05.txt", "s-2025-1-20.txt"]


def test_shorter_dates_sort_before_longer_ones_with_the_same_prefix() -> None:
    names = ["s-2023.txt", "s-2022-03-05.txt", "s-2022-04.txt", "s-2022.txt", "s-2022-03.txt"]
    assert sorted(names, key=date_of) == ["s-2022.txt", "s-2022-03.txt", "s-2022-03-05.txt", "s-2022-04.txt", "s-2023.txt"]


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        ("a-2022.txt", True), ("a-2022.MD", True), ("a-2022.htm", True), ("a-2022.html", True), ("a-2022.docx", True),
        ("a-2022.pdf", True), ("README.md", False), ("readme-2022.txt", False), ("SOURCES-2022.txt", False),
        ("source.txt", False), (".draft-2022.txt", False), ("a-2022.json", False), ("a-2022.doc", False),
    ],
)
def test_is_statement(name: str, counts: bool) -> None:
    assert is_statement(name) is counts


def _folder(tmp_path: Path, *names: str, seeds: dict[str, Path] | None = None) -> Path:
    folder = tmp_path / "statements"
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text("The sides will cooperate.\n", "utf-8")
    for name, source in (seeds or {}).items():
        shutil.copyfile(source, folder / name)
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_named_like_a_statement_is_no_statement(tmp_path: Path) -> None:
    # reading it blocked "statediff latest" for ever (found by a CI user's review)
    folder = _folder(tmp_path, "s-2020.txt", "s-2022.txt")
    os.mkfifo(folder / "s-2026.txt")
    assert [Path(d.path).name for d in statements(str(folder))] == ["s-2020.txt", "s-2022.txt"]


def test_latest_pair_picks_the_two_newest(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "s-2020.txt", "s-2022-03.md", "s-2022.txt", "README.md", "SOURCE.txt", "notes.json")
    (folder / "sub-2030.txt").mkdir()  # folders never count, whatever their name
    assert latest_pair(str(folder)) == (str(folder / "s-2022.txt"), str(folder / "s-2022-03.md"))
    assert [d.label for d in statements(str(folder))] == ["2020", "2022", "2022-03"]


@pytest.mark.parametrize(
    ("names", "fragments"),
    [
        (("s-2020.txt", "draft.txt", "old.md"), ["without a date", "draft.txt", "old.md"]),
        (("s-2020.txt", "a-2022.txt", "b-2022.txt"), ["the newest", "2022", "a-2022.txt", "b-2022.txt"]),
        (("s-2020-01.txt", "t-2020-01.txt", "s-2022.txt"), ["the previous", "2020-01", "s-2020-01.txt", "t-2020-01.txt"]),
        (("s-2020.txt",), ["at least two", "found 1", "s-2020.txt"]),
        ((), ["at least two", "found 0"]),
    ],
)
def test_latest_pair_errors_name_the_files(tmp_path: Path, names: tuple[str, ...], fragments: list[str]) -> None:
    folder = _folder(tmp_path, *names)
    with pytest.raises(StatementFolderError) as info:
        latest_pair(str(folder))
    for fragment in fragments:
        assert fragment in str(info.value)


def test_a_tie_below_the_two_newest_does_not_matter(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a-2019.txt", "b-2019.txt", "s-2020.txt", "s-2022.txt")
    assert latest_pair(str(folder)) == (str(folder / "s-2020.txt"), str(folder / "s-2022.txt"))


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StatementFolderError, match="no such folder"):
        latest_pair(str(tmp_path / "nowhere"))


def test_previous_of(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "s-2020.txt", "s-2022-03.md", "s-2022.txt", "s-2024.txt")
    assert previous_of(str(folder / "s-2022-03.md")) == str(folder / "s-2022.txt")
    assert previous_of(str(folder / "s-2024.txt")) == str(folder / "s-2022-03.md")
    assert previous_of(str(folder / "s-2020.txt")) is None
    (folder / "t-2022.txt").write_text("x", "utf-8")
    with pytest.raises(StatementFolderError, match="share the date 2022"):
        previous_of(str(folder / "s-2022.txt"))
    with pytest.raises(StatementFolderError, match="the previous"):
        previous_of(str(folder / "s-2022-03.md"))


# -- statediff latest ---------------------------------------------------------------------


def test_latest_command_compares_the_two_newest(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _folder(tmp_path, "ancient-2001.txt", seeds={"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW})
    monkeypatch.chdir(tmp_path)  # short relative paths, as a user would type them
    result = run("latest", "statements")
    assert result.exit_code == exit_codes.OK, result.output
    assert result.stdout.startswith("old: statements/jspg7-2022.ru.txt\n")
    assert "new: statements/jspg8-2026.ru.txt\n" in result.stdout
    assert result.stdout == run("statements/jspg7-2022.ru.txt", "statements/jspg8-2026.ru.txt").stdout


def test_latest_shares_the_options_of_compare(run: Invoke, tmp_path: Path) -> None:
    from statediff.cli import cli

    compare_opts = {p.name for p in cli.commands["compare"].params if p.name not in ("old", "new")}
    assert compare_opts == {p.name for p in cli.commands["latest"].params if p.name != "folder"}
    assert compare_opts == {p.name for p in cli.commands["hook"].params if p.name != "files"}
    folder = _folder(tmp_path, seeds={"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW})
    result = run("latest", str(folder), "--format", "json", "--fail-on", "dropped", "--threshold", "0.3", "--lang", "ru")
    assert result.exit_code == exit_codes.POLICY_VIOLATED
    assert '"threshold": 0.3' in result.stdout


def test_latest_of_a_new_series_is_a_notice_not_an_error(run: Invoke, tmp_path: Path) -> None:
    # one dated statement: nothing to compare yet, which must not fail CI (as hook; found in review); none is an error
    folder = _folder(tmp_path, seeds={"jspg7-2022.ru.txt": SEED_OLD})
    result = run("latest", str(folder), "--fail-on", "dropped", "--format", "github")
    assert result.exit_code == exit_codes.OK and result.stdout == ""
    assert result.stderr.startswith("statediff: notice:") and "nothing to compare yet" in result.stderr
    (folder / "jspg7-2022.ru.txt").unlink()
    assert run("latest", str(folder)).exit_code == exit_codes.ERROR


def test_a_broken_newest_statement_is_named_not_passed_over(run: Invoke, tmp_path: Path) -> None:
    # a dangling link (a git-annex file without its content) was skipped, the two before it compared (found in review)
    folder = _folder(tmp_path, seeds={"a-2024.txt": SEED_OLD, "b-2025.txt": SEED_NEW})
    (folder / "c-2026.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run("latest", str(folder))
    assert result.exit_code == exit_codes.ERROR and "c-2026.txt" in result.stderr
    # an open Word file's lock ("~$…") is no statement
    (folder / "c-2026.txt").unlink()
    (folder / "~$d-2027.docx").write_bytes(b"\x00lock")
    assert run("latest", str(folder)).exit_code == exit_codes.OK


def test_latest_errors_are_one_line(run: Invoke, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a-2022.txt", "b-2022.txt")
    result = run("latest", str(folder), "--fail-on", "dropped")
    assert result.exit_code == exit_codes.ERROR
    assert result.stderr.startswith("statediff: error:") and "a-2022.txt, b-2022.txt" in result.stderr
    assert len(result.stderr.splitlines()) == 1


# -- statediff hook -----------------------------------------------------------------------


def test_hook_compares_each_changed_file_with_the_previous_one(run: Invoke, tmp_path: Path) -> None:
    folder = _folder(tmp_path, "README.md", seeds={"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW})
    old, new = folder / "jspg7-2022.ru.txt", folder / "jspg8-2026.ru.txt"
    result = run("hook", str(new), "--fail-on", "dropped")
    assert result.exit_code == exit_codes.POLICY_VIOLATED
    assert result.stdout == run(str(old), str(new)).stdout
    # the oldest statement and files that are not statements are skipped, with a notice
    result = run("hook", str(old), str(folder / "README.md"), "--fail-on", "dropped")
    assert result.exit_code == exit_codes.OK, result.output
    assert result.stdout == ""
    assert f"{old}: no earlier statement in its folder" in result.stderr
    assert f"{folder / 'README.md'}: not a dated statement file, skipped" in result.stderr


def test_hook_without_files_does_nothing(run: Invoke) -> None:
    result = run("hook", "--fail-on", "dropped")
    assert result.exit_code == exit_codes.OK
    assert result.output == ""


def test_hook_exits_with_the_worst_code(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _folder(tmp_path, seeds={"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW})
    (tmp_path / "bad").mkdir()
    for name in ("a-2022.txt", "b-2022.txt"):
        shutil.copyfile(SEED_NEW, tmp_path / "bad" / name)
    monkeypatch.chdir(tmp_path)
    result = run("hook", "bad/a-2022.txt", "statements/jspg8-2026.ru.txt", "--fail-on", "dropped")
    assert result.exit_code == exit_codes.ERROR
    assert "statediff: error: bad: statements share the date 2022" in result.stderr
    assert "new: statements/jspg8-2026.ru.txt\n" in result.stdout  # the good pair was still compared
    assert run("hook", "statements/jspg8-2026.ru.txt", "--fail-on", "new").exit_code == exit_codes.POLICY_VIOLATED


def test_hook_names_a_file_whose_date_is_none_and_compares_the_others(run: Invoke, tmp_path: Path) -> None:
    # (found in review) one "2025-13-40" in the changed files aborted the whole run before any comparison
    folder = _folder(tmp_path, seeds={"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW})
    misdated = tmp_path / "other" / "s-2025-13-40.txt"
    misdated.parent.mkdir()
    shutil.copyfile(SEED_NEW, misdated)
    result = run("hook", str(misdated), str(folder / "jspg8-2026.ru.txt"))
    assert result.exit_code == exit_codes.ERROR
    assert result.stderr.startswith(f"statediff: error: {misdated}: '2025-13-40' in the file name is not a date")
    assert result.stdout == run(str(folder / "jspg7-2022.ru.txt"), str(folder / "jspg8-2026.ru.txt")).stdout


def test_hook_writes_every_report_to_output(run: Invoke, tmp_path: Path) -> None:
    folder = _folder(tmp_path, seeds={"a-2020.txt": SEED_OLD, "b-2022.txt": SEED_NEW, "c-2024.txt": SEED_OLD})
    out = tmp_path / "report.md"
    result = run("hook", str(folder / "b-2022.txt"), str(folder / "c-2024.txt"), "--format", "markdown", "--output", str(out))
    assert result.exit_code == exit_codes.OK
    assert out.read_text("utf-8").count("## statediff: ") == 2


def test_hook_markdown_reports_share_one_comment(run: Invoke, tmp_path: Path) -> None:
    # each report was cut to a comment's length alone: two made 129,172 characters, twice GitHub's
    # limit (found by a new user's review)
    from statediff.render.markdown import COMMENT_LIMIT

    big = "".join(f"The parties agreed to fund project number {i} with {1000 + i} million dollars by {2030 + i % 50}.\n" for i in range(400))
    files = []
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "s-2020.txt").write_text("The parties agreed to expand trade by 5 percent.\n", encoding="utf-8")
        (folder / "s-2021.txt").write_text(big, encoding="utf-8")
        files.append(str(folder / "s-2021.txt"))
    single = run(str(tmp_path / "one" / "s-2020.txt"), files[0], "--format", "markdown").stdout
    assert COMMENT_LIMIT // 2 < len(single) <= COMMENT_LIMIT  # one report alone needs more than half a comment
    both = run("hook", *files, "--format", "markdown").stdout
    assert both.count("## statediff: ") == 2 and len(both) <= COMMENT_LIMIT


def test_hook_github_annotations_share_one_steps_limit(run: Invoke, tmp_path: Path) -> None:
    # GitHub shows 10 annotations of a level per step, not per report: two reports gave 20 errors (found in review)
    files = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        folder = _folder(tmp_path / name, seeds={"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW})
        files.append(str(folder / "jspg8-2026.ru.txt"))
    result = run("hook", *files, "--format", "github", "--fail-on", "dropped,new")
    assert result.exit_code == exit_codes.POLICY_VIOLATED
    levels = [line.split(" ", 1)[0] for line in result.stdout.splitlines()]
    assert levels.count("::error") <= 10 and levels.count("::warning") <= 10
    assert sum(" more pledges the policy counts::" in line for line in result.stdout.splitlines()) == 2  # one per report


@pytest.mark.parametrize(("changed", "unchanged", "errors"), [(1, 1, 9), (13, 0, 10)])
def test_hook_github_annotations_go_where_they_are_needed_and_stay_within_the_limit(
        run: Invoke, tmp_path: Path, changed: int, unchanged: int, errors: int) -> None:
    # Dividing the 10 by the files given left a report that needed 10 with 5 beside one quiet file,
    # and gave 13 changed files a summary each, 13 errors, over GitHub's limit (found by a CI user's review).
    files = []
    folders = [(f"changed{k}", {"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW}) for k in range(changed)]
    folders += [(f"same{k}", {"s-2025.ru.txt": SEED_NEW, "jspg8-2026.ru.txt": SEED_NEW}) for k in range(unchanged)]  # nothing to annotate
    for name, seeds in folders:
        (tmp_path / name).mkdir()
        files.append(str(_folder(tmp_path / name, seeds=seeds) / "jspg8-2026.ru.txt"))
    result = run("hook", *files, "--format", "github", "--fail-on", "dropped")
    assert result.exit_code == exit_codes.POLICY_VIOLATED
    levels = [line.split(" ", 1)[0] for line in result.stdout.splitlines()]
    assert levels.count("::error") == errors and levels.count("::warning") <= 10


# -- the pre-commit hook definition -------------------------------------------------------


def test_latest_reads_every_file_statediff_reads(run: Invoke) -> None:
    # (found in review) compare read a.markdown, latest and hook skipped it
    from statediff.extract import STATEMENT_EXTENSIONS
    from statediff.latest import is_statement

    help_text = " ".join(run("latest", "--help").stdout.split())
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    for ending in STATEMENT_EXTENSIONS:
        assert is_statement(f"a-2024{ending}") and is_statement(f"A-2024{ending.upper()}"), ending
        assert f" {ending} " in help_text, ending
        assert f"`{ending}`" in readme, ending


def test_pre_commit_hook_definition() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert re.search(r"^- id: statediff$", text, re.M)
    assert re.search(r"^  entry: statediff hook$", text, re.M)
    assert re.search(r"^  language: python$", text, re.M)
    files = re.search(r"^  files: (.+)$", text, re.M)
    assert files
    pattern = re.compile(files.group(1))
    from statediff.extract import STATEMENT_EXTENSIONS

    for name in (f"s/a-2022{ending}" for ending in STATEMENT_EXTENSIONS):  # every ending statediff reads
        assert pattern.search(name), name
    assert not pattern.search("s/a.json")
    args = re.search(r"^  args: \[(.+)\]$", text, re.M)
    assert args and args.group(1).split(", ") == ["--fail-on", "dropped"]


@pytest.mark.parametrize("files", [("c-2024.txt",), ("b-2022.txt", "c-2024.txt")], ids=["one-file", "two-files"])
def test_hook_json_is_one_array_whatever_the_number_of_files(run: Invoke, tmp_path: Path, files: tuple[str, ...]) -> None:
    folder = _folder(tmp_path, seeds={"a-2020.txt": SEED_OLD, "b-2022.txt": SEED_NEW, "c-2024.txt": SEED_OLD})
    paths = [str(folder / name) for name in files]
    result = run("hook", *paths, "--format", "json")
    assert result.exit_code == exit_codes.OK, result.output
    reports = json.loads(result.stdout)
    assert [r["new"]["path"] for r in reports] == paths
    out = tmp_path / "reports.json"
    assert run("hook", *paths, "--format", "json", "--output", str(out)).exit_code == exit_codes.OK
    assert json.loads(out.read_text("utf-8")) == reports


def test_hook_leaves_out_undated_files_beside_the_statements(run: Invoke, tmp_path: Path) -> None:
    # latest refuses to guess an undated file's place; a pre-commit hook should not fail a commit for a notes file
    folder = _folder(tmp_path, "notes.txt", seeds={"a-2022.txt": SEED_OLD, "b-2026.txt": SEED_NEW})
    result = run("hook", str(folder / "b-2026.txt"), "--format", "json")
    assert result.exit_code == exit_codes.OK, result.output
    [report] = json.loads(result.stdout)
    assert report["old"]["path"] == str(folder / "a-2022.txt")
    assert "files without a date in their name left out: notes.txt" in result.stderr
    assert run("latest", str(folder)).exit_code == exit_codes.ERROR  # latest still says it cannot order them


def test_hook_json_with_nothing_to_compare_is_an_empty_array(run: Invoke, tmp_path: Path) -> None:
    folder = _folder(tmp_path, seeds={"a-2020.txt": SEED_OLD})
    result = run("hook", str(folder / "a-2020.txt"), "--format", "json")
    assert result.exit_code == exit_codes.OK, result.output
    assert result.stdout == "[]\n"


def test_hook_names_a_missing_file(run: Invoke, tmp_path: Path) -> None:
    result = run("hook", str(tmp_path / "gone-2024.txt"))
    assert result.exit_code == exit_codes.ERROR
    assert result.stderr == f"statediff: error: {tmp_path / 'gone-2024.txt'}: no such file\n"


def test_hook_never_writes_its_output_over_a_statement(run: Invoke, tmp_path: Path) -> None:
    folder = _folder(tmp_path, seeds={"a-2020.txt": SEED_OLD, "b-2022.txt": SEED_NEW, "c-2024.txt": SEED_OLD})
    before = (folder / "c-2024.txt").read_bytes()
    result = run("hook", str(folder / "b-2022.txt"), str(folder / "c-2024.txt"), "--output", str(folder / "c-2024.txt"))
    assert result.exit_code == exit_codes.ERROR
    assert "is the input statement" in result.stderr
    assert (folder / "c-2024.txt").read_bytes() == before


def test_hook_notes_an_unused_min_score_once(run: Invoke, tmp_path: Path) -> None:
    folder = _folder(tmp_path, seeds={"a-2020.txt": SEED_OLD, "b-2022.txt": SEED_NEW, "c-2024.txt": SEED_OLD})
    result = run("hook", str(folder / "b-2022.txt"), str(folder / "c-2024.txt"), "--min-score", "0.3")
    assert result.stderr.count("--min-score has no effect") == 1


def test_hook_output_holds_this_runs_reports_only(run: Invoke, tmp_path: Path) -> None:
    folder = _folder(tmp_path, seeds={"a-2020.txt": SEED_OLD})
    out = tmp_path / "report.md"
    out.write_text("an older run's report\n", encoding="utf-8")
    result = run("hook", str(folder / "a-2020.txt"), "--format", "markdown", "--output", str(out))
    assert result.exit_code == exit_codes.OK, result.output
    assert out.read_text("utf-8") == ""  # nothing to compare: nothing from before either


@pytest.mark.parametrize("command", ["latest", "hook"])
def test_a_report_is_not_written_among_the_statements(run: Invoke, tmp_path: Path, command: str) -> None:
    # "statediff-2026-11-27.md" there would be the newest statement of the next run (found in review)
    folder = _folder(tmp_path, seeds={"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW})
    report = folder / "statediff-2026-11-27.md"
    args = [str(folder)] if command == "latest" else [str(folder / "jspg8-2026.ru.txt")]
    result = run(command, *args, "-o", str(report))
    assert result.exit_code == exit_codes.ERROR
    assert "lies in the statements folder" in result.stderr and not report.exists()
    assert run(command, *args, "-o", str(tmp_path / "statediff-2026-11-27.md")).exit_code == exit_codes.OK


def test_hook_output_named_json_is_one_array(run: Invoke, tmp_path: Path) -> None:
    # "-o reports.json" picks JSON by its extension, and hook writes one array as with --format json (found in review)
    folder = _folder(tmp_path, seeds={"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW})
    out = tmp_path / "reports.json"
    result = run("hook", str(folder / "jspg8-2026.ru.txt"), "-o", str(out))
    assert result.exit_code == exit_codes.OK, result.output
    reports = json.loads(out.read_text("utf-8"))
    assert isinstance(reports, list) and len(reports) == 1 and reports[0]["schema_version"] == 1


def test_hook_compares_a_file_given_twice_once(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, seeds={"jspg7-2022.ru.txt": SEED_OLD, "jspg8-2026.ru.txt": SEED_NEW})
    monkeypatch.chdir(folder)
    once = run("hook", "jspg8-2026.ru.txt", "--format", "github").stdout
    twice = run("hook", "./jspg8-2026.ru.txt", "jspg8-2026.ru.txt", "--format", "github").stdout  # (found in review)
    assert len(twice.splitlines()) == len(once.splitlines()) > 0


@pytest.mark.parametrize("case", ["one statement", "missing input", "compared"])
def test_an_output_file_of_an_earlier_run_never_stands_for_this_one(run: Invoke, tmp_path: Path, case: str) -> None:
    # found by a CI user's review: after a folder of one statement (exit 0) or an error (exit 2),
    # -o report.json still held the last folder's report, and a CI loop read it as this one's
    folder = tmp_path / "statements"
    folder.mkdir()
    shutil.copy(SEED_OLD, folder / "jspg-2022.txt")
    if case == "compared":
        shutil.copy(SEED_NEW, folder / "jspg-2026.txt")
    report = tmp_path / "report.json"
    report.write_text('{"an": "earlier report"}', "utf-8")
    if case == "missing input":
        result = run(str(folder / "jspg-2022.txt"), str(tmp_path / "nosuch.txt"), "-o", str(report))
        assert result.exit_code == exit_codes.ERROR
    else:
        result = run("latest", str(folder), "-o", str(report))
        assert result.exit_code == exit_codes.OK, result.stderr
    if case == "compared":
        assert json.loads(report.read_text("utf-8"))["summary"]
    else:
        assert not report.exists()


def test_a_report_is_never_written_into_another_series_of_statements(run: Invoke, tmp_path: Path) -> None:
    # found by a CI user's review: "hook a/x.txt -o b/h.md" was written, and "latest b" then failed on the undated h.md
    for series, names in (("a", ("x-2023.txt", "x-2024.txt")), ("b", ("y-2022.txt", "y-2026.txt"))):
        (tmp_path / series).mkdir()
        for name in names:
            shutil.copy(SEED_OLD if "2022" in name or "2023" in name else SEED_NEW, tmp_path / series / name)
    result = run("hook", str(tmp_path / "a" / "x-2024.txt"), "-o", str(tmp_path / "b" / "h.md"))
    assert result.exit_code == exit_codes.ERROR
    assert "a folder of dated statements" in result.stderr and not (tmp_path / "b" / "h.md").exists()
    assert run("latest", str(tmp_path / "b")).exit_code == exit_codes.OK
    # a folder of reports beside them is no series: written there as before
    (tmp_path / "reports").mkdir()
    assert run("hook", str(tmp_path / "a" / "x-2024.txt"), "-o", str(tmp_path / "reports" / "h.md")).exit_code == exit_codes.OK
    assert (tmp_path / "reports" / "h.md").exists()
