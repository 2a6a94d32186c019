"""Accepted changes: fingerprints, the accept file, the Report → Report step, and the CLI round trip on the seed pair."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from statediff import accept, exit_codes
from statediff.errors import AcceptFileError
from statediff.model import Change, Commitment, Document, Report, Segmentation, Settings, Status

Invoke = Callable[..., Result]

ROOT = Path(__file__).resolve().parent.parent
SEED_OLD = ROOT / "seeds/jspg7-2022-kz-tr.ru.txt"
SEED_NEW = ROOT / "seeds/jspg8-2026-kz-tr.ru.txt"


# -- fingerprints -------------------------------------------------------------------------


def test_normalise_drops_case_whitespace_and_punctuation() -> None:
    assert accept.normalise("  Стороны  подтвердили, — готовность!\n") == "стороныподтвердилиготовность"
    assert accept.normalise("The U.S.-Kazakh fund (2026)") == "theuskazakhfund2026"


@pytest.mark.parametrize(("before", "after"), [("reach 1.5 billion", "reach 15 billion"), ("$10 million", "€10 million"),
                                               ("by 2,5 %", "by 25 %"), ("a 5 % share", "a 5 share")])
def test_fingerprint_keeps_what_makes_a_figure(before: str, after: str) -> None:
    assert accept.fingerprint("new", (), (before,)) != accept.fingerprint("new", (), (after,))


def test_fingerprint_survives_whitespace_and_punctuation_edits() -> None:
    a = accept.fingerprint("dropped", ("The sides will meet, yearly.",), ())
    assert a == accept.fingerprint("dropped", ("the sides  will meet yearly",), ())
    assert a.startswith("sha256:")


@pytest.mark.parametrize(
    ("status", "old", "new"),
    [
        ("new", ("The sides will meet yearly.",), ()),  # the status is part of it
        ("dropped", ("The sides will meet monthly.",), ()),  # a changed word is a different pledge
        ("dropped", ("The sides will", "meet yearly."), ()),  # a different split into pledges
        ("modified", (), ("The sides will meet yearly.",)),  # the side matters
    ],
)
def test_fingerprint_distinguishes(status: str, old: tuple[str, ...], new: tuple[str, ...]) -> None:
    assert accept.fingerprint(status, old, new) != accept.fingerprint("dropped", ("The sides will meet yearly.",), ())


# -- the Report → Report step -------------------------------------------------------------


def _report() -> Report:
    def side(prefix: str, texts: tuple[str, ...]) -> Segmentation:
        commitments, offset = [], 0
        for n, text in enumerate(texts):
            commitments.append(Commitment(f"{prefix}{n + 1}", offset, offset + len(text), text, text, offset, offset + len(text), n + 1))
            offset += len(text) + 1
        return Segmentation(Document(f"{prefix}.txt", "\n".join(texts) + "\n", "0" * 64, "utf-8", False), "en", None, tuple(commitments))

    old = side("o", ("They will trade more.", "They will meet yearly.", "A fund will open."))
    new = side("n", ("They will trade more.", "A fund will open in 2026.", "Flights will start."))
    changes = (
        Change(Status.PERSISTED, ("o1",), ("n1",), 1.0, 1.0),
        Change(Status.MODIFIED, ("o3",), ("n2",), 0.7, 0.7),
        Change(Status.DROPPED, ("o2",), (), None),
        Change(Status.NEW, (), ("n3",), None),
    )
    return Report(old, new, changes, Settings(0.25, "auto", 0.9), ("a notice",))


def test_update_collects_every_reviewable_change() -> None:
    result = accept.update(accept.AcceptList("x.json"), _report())
    assert (result.added, result.already) == (3, 0)
    assert [e.status for e in result.accept_list.entries] == ["modified", "dropped", "new"]
    assert result.accept_list.entries[0].old == ("A fund will open.",)
    assert result.accept_list.entries[0].new == ("A fund will open in 2026.",)
    again = accept.update(result.accept_list, _report())
    assert (again.added, again.already) == (0, 3)
    assert again.accept_list.entries == result.accept_list.entries


def test_apply_marks_accepted_without_changing_statuses() -> None:
    report = _report()
    entries = accept.update(accept.AcceptList("x.json"), report).accept_list.entries
    marked = accept.apply(report, accept.AcceptList("x.json", entries[1:]))  # dropped and new only
    assert [c.status for c in marked.changes] == [c.status for c in report.changes]
    assert [c.accepted for c in marked.changes] == [False, False, True, True]
    assert [c.accepted for c in report.changes] == [False] * 4  # a new Report; the old one is untouched
    assert marked.notices == ("a notice",)


def test_apply_reports_stale_entries_and_the_lists_own_notices() -> None:
    stale = accept.Accepted(accept.fingerprint("dropped", ("Gone long ago.",), ()), "dropped", ("Gone long ago.",), ())
    marked = accept.apply(_report(), accept.AcceptList("x.json", (stale,), ("from reading",)))
    assert not any(c.accepted for c in marked.changes)
    assert marked.notices[:2] == ("a notice", "from reading")
    assert marked.notices[2] == 'x.json: 1 accepted entry matches nothing in this comparison (stale): dropped "Gone long ago."'


def test_an_entry_written_by_an_earlier_version_still_matches_by_its_texts() -> None:
    report = _report()
    entry = accept.update(accept.AcceptList("x.json"), report).accept_list.entries[1]
    earlier = accept.Accepted("sha256:" + "0" * 64, entry.status, entry.old, entry.new)  # another normalise, no pair
    marked = accept.apply(report, accept.AcceptList("x.json", (earlier,)))
    assert [c.accepted for c in marked.changes] == [False, False, True, False]
    assert accept.update(accept.AcceptList("x.json", (earlier,)), report).already == 1


def test_only_entries_of_this_pair_or_of_no_known_pair_are_stale() -> None:
    report = _report()
    gone = ("dropped", ("Gone long ago.",), ())
    here = accept.Accepted(accept.fingerprint(*gone), *gone, accept.pair_of(report))
    elsewhere = accept.Accepted(accept.fingerprint(*gone), *gone, "other/a.txt → other/b.txt")
    unknown = accept.Accepted(accept.fingerprint(*gone), *gone)
    assert accept.pair_of(report) == "o.txt → n.txt"
    for entries, stale in (((here,), 1), ((elsewhere,), 0), ((unknown,), 1), ((here, elsewhere, unknown), 2)):
        notices = accept.apply(report, accept.AcceptList("x.json", entries)).notices
        assert sum("stale" in n for n in notices) == (1 if stale else 0)
        assert not stale or f"{stale} accepted" in notices[-1]


def test_a_statement_from_standard_input_names_its_pair_alike_from_every_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (found in review) "<stdin>" was taken for a path: "../../<stdin> → n.txt" from a subfolder
    from statediff.load import STDIN_NAME

    report = _report()
    piped = dataclasses.replace(report, old=dataclasses.replace(report.old, document=dataclasses.replace(report.old.document, path=STDIN_NAME)))
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    names = set()
    for folder in (tmp_path, tmp_path / "sub" / "deeper"):
        monkeypatch.chdir(folder)  # the accept file stays in tmp_path
        names.add(accept.pair_of(piped, str(tmp_path)).split(" → ")[0])
    assert names == {STDIN_NAME}


def test_an_entry_accepts_its_change_only_in_its_own_pair() -> None:
    # the same drop in another series of statements is not reviewed there (found in review)
    report = _report()
    entry = accept.update(accept.AcceptList("x.json"), report).accept_list.entries[1]
    for pair, accepted in ((entry.pair, True), ("other/a.txt → other/b.txt", False), ("", True)):  # "": written before pairs
        moved = dataclasses.replace(entry, pair=pair)
        marked = accept.apply(report, accept.AcceptList("x.json", (moved,)))
        assert any(c.accepted for c in marked.changes) is accepted
        # accepted only for another pair: a notice says so, as after a rename (found by a CI user's review)
        said = [n for n in marked.notices if "accepted only for another pair of files" in n]
        assert said == ([] if accepted else
                        ["x.json: 1 change of this comparison is accepted only for another pair of files (other/a.txt → other/b.txt), "
                         "not for o.txt → n.txt: if the statements were moved or renamed, accept them again (statediff accept)"])


def test_accepting_again_after_a_rename_records_the_new_pair() -> None:
    # "0 changes accepted, 47 already accepted" after a rename, and apply() still matched none (found by a CI user's review)
    report = _report()
    renamed = dataclasses.replace(report, old=dataclasses.replace(report.old, document=dataclasses.replace(report.old.document, path="o-2024.txt")))
    first = accept.update(accept.AcceptList("x.json"), report)
    again = accept.update(first.accept_list, renamed)
    assert (again.added, again.already) == (3, 0)
    assert {e.pair for e in again.accept_list.entries} == {"o.txt → n.txt", "o-2024.txt → n.txt"}
    assert [c.accepted for c in accept.apply(renamed, again.accept_list).changes] == [False, True, True, True]
    assert (accept.update(again.accept_list, renamed).added, accept.update(again.accept_list, renamed).already) == (0, 3)


# -- the accept file ----------------------------------------------------------------------


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    path = str(tmp_path / "accept.json")
    written = accept.update(accept.AcceptList(path), _report()).accept_list
    accept.write(written)
    assert accept.read(path) == written
    data = json.loads(Path(path).read_text("utf-8"))
    assert data["format"] == accept.ACCEPT_FORMAT
    assert set(data["accepted"][0]) == {"fingerprint", "status", "old", "new", "pair"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_written_file_has_the_umask_mode_or_keeps_its_own(tmp_path: Path) -> None:
    # the accept file is shared and committed: not the 0600 of a temporary file
    path = tmp_path / "accept.json"
    written = accept.update(accept.AcceptList(str(path)), _report()).accept_list
    previous = os.umask(0o022)
    try:
        accept.write(written)
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o664)
        accept.write(written)
        assert stat.S_IMODE(path.stat().st_mode) == 0o664
    finally:
        os.umask(previous)


def test_missing_file_is_empty_with_a_notice(tmp_path: Path) -> None:
    result = accept.read(str(tmp_path / "none.json"))
    assert result.entries == ()
    assert "accept file not found" in result.notices[0]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{", "not valid JSON"),
        ("[]", "not a statediff accept file"),
        ('{"format": "statediff-accept/1", "accepted": {}}', "must be a list"),
        ('{"format": "statediff-accept/1", "accepted": [{"status": "dropped"}]}', "entry 1"),
        ('{"format": "statediff-accept/1", "accepted": [{"fingerprint": "x", "status": "persisted"}]}', "entry 1"),
    ],
)
def test_malformed_files_are_errors(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(AcceptFileError, match=fragment):
        accept.read(str(path))


# -- the CLI round trip on the seed pair --------------------------------------------------


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    old, new = tmp_path / "statements" / "jspg7-2022.txt", tmp_path / "statements" / "jspg8-2026.txt"
    old.parent.mkdir()
    shutil.copyfile(SEED_OLD, old)
    shutil.copyfile(SEED_NEW, new)
    return old, new


def _json(run: Invoke, *args: str) -> tuple[Result, dict[str, Any]]:
    result = run(*args, "--format", "json")
    return result, json.loads(result.stdout)


def test_accept_round_trip(run: Invoke, pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = map(str, pair)
    accept_file = str(tmp_path / ".statediff-accept.json")
    assert run(old, new, "--fail-on", "dropped").exit_code == exit_codes.POLICY_VIOLATED

    # 1. accept everything the comparison found
    result = run("accept", old, new, "--accept-file", accept_file)
    assert result.exit_code == exit_codes.OK, result.output
    _, before = _json(run, old, new)
    reviewable = [c for c in before["changes"] if c["status"] != "persisted"]
    assert len(json.loads(Path(accept_file).read_text("utf-8"))["accepted"]) == len(reviewable)
    assert result.stdout == f"{accept_file}: {len(reviewable)} changes accepted, 0 already accepted, {len(reviewable)} in the file\n"

    # 2. re-run: everything is reviewed, statuses unchanged
    result, report = _json(run, old, new, "--fail-on", "dropped,modified,new", "--accept-file", accept_file)
    assert result.exit_code == exit_codes.OK, result.stderr
    assert [c["status"] for c in report["changes"]] == [c["status"] for c in before["changes"]]
    assert all(c["accepted"] is (c["status"] != "persisted") for c in report["changes"])
    assert "stale" not in result.stderr

    # 3. whitespace and punctuation edits in a sentence keep its fingerprint
    lines = Path(new).read_text("utf-8").split("\n")
    edited = next(c for c in report["new"]["commitments"]
                  if any(ch["status"] == "new" and ch["new"] == [c["id"]] for ch in report["changes"]))
    target = edited["line"] - 1
    assert "," in lines[target]
    lines[target] = lines[target].replace(" ", "  ").replace(",", "")
    Path(new).write_text("\n".join(lines), "utf-8")
    result, report = _json(run, old, new, "--fail-on", "dropped,modified,new", "--accept-file", accept_file)
    assert result.exit_code == exit_codes.OK, result.stderr
    assert any("  " in c["text"] for c in report["new"]["commitments"])  # the edit really reached a pledge

    # 4. dropping one more pledge from the new file fails, and only that pledge is reported
    one_to_one = [c for c in report["changes"] if c["status"] == "modified" and len(c["old"]) == len(c["new"]) == 1]
    new_by_id = {c["id"]: c for c in report["new"]["commitments"]}
    line_counts: dict[int, int] = {}
    for c in report["new"]["commitments"]:
        line_counts[c["line"]] = line_counts.get(c["line"], 0) + 1
    removed = max((c for c in one_to_one if line_counts[new_by_id[c["new"][0]]["line"]] == 1), key=lambda c: c["score"])
    lines[new_by_id[removed["new"][0]]["line"] - 1] = ""
    Path(new).write_text("\n".join(lines), "utf-8")
    result, report = _json(run, old, new, "--fail-on", "dropped", "--accept-file", accept_file)
    assert result.exit_code == exit_codes.POLICY_VIOLATED
    unaccepted = [c for c in report["changes"] if c["status"] == "dropped" and not c["accepted"]]
    assert [c["old"] for c in unaccepted] == [removed["old"]]
    assert "statediff: --fail-on dropped: 1 dropped" in result.stderr
    assert "1 accepted entry matches nothing in this comparison (stale): modified" in result.stderr
    github = run(old, new, "--format", "github", "--fail-on", "dropped", "--accept-file", accept_file).stdout
    errors = [line for line in github.splitlines() if line.startswith("::error")]
    old_line = next(c["line"] for c in report["old"]["commitments"] if c["id"] == removed["old"][0])
    assert errors == [next(line for line in errors if f",line={old_line}," in line)]

    # 5. accepting again picks up the new drop and keeps the stale entry
    result = run("accept", old, new, "--accept-file", accept_file)
    assert result.stdout.startswith(f"{accept_file}: 1 change accepted, ")
    assert run(old, new, "--fail-on", "dropped", "--accept-file", accept_file).exit_code == exit_codes.OK


def test_an_accept_file_matches_from_any_folder(run: Invoke, pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the pair's paths start at the accept file's folder: run from a subfolder, its entries matched
    # nothing and --fail-on failed (found by a new user's review)
    monkeypatch.chdir(tmp_path)
    assert run("accept", "statements/jspg7-2022.txt", "statements/jspg8-2026.txt").exit_code == exit_codes.OK
    stored = json.loads((tmp_path / ".statediff-accept.json").read_text("utf-8"))["accepted"]
    assert {e["pair"] for e in stored} == {"statements/jspg7-2022.txt → statements/jspg8-2026.txt"}
    monkeypatch.chdir(tmp_path / "statements")
    result = run("jspg7-2022.txt", "jspg8-2026.txt", "--fail-on", "dropped,modified,new", "--accept-file", "../.statediff-accept.json")
    assert result.exit_code == exit_codes.OK, result.stderr
    assert "stale" not in result.stderr


def test_an_accept_file_written_before_still_matches(run: Invoke, pair: tuple[Path, Path], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # entries written before name the pair from the folder they were accepted in, not the file's
    # own: a file kept in a subfolder ("ci/accept.json") must still match (found in review)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ci").mkdir()
    accept_file = "ci/accept.json"
    assert run("accept", "statements/jspg7-2022.txt", "statements/jspg8-2026.txt", "--accept-file", accept_file).exit_code == exit_codes.OK
    data = json.loads(Path(accept_file).read_text("utf-8"))
    for entry in data["accepted"]:
        entry["pair"] = "statements/jspg7-2022.txt → statements/jspg8-2026.txt"  # as the version before wrote it
    Path(accept_file).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = run("statements/jspg7-2022.txt", "statements/jspg8-2026.txt", "--fail-on", "dropped,modified,new", "--accept-file", accept_file)
    assert result.exit_code == exit_codes.OK, result.stderr


def test_accepted_changes_show_in_every_layout(run: Invoke, pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = map(str, pair)
    accept_file = str(tmp_path / "a.json")
    run("accept", old, new, "--accept-file", accept_file)
    plain = run(old, new, "--accept-file", accept_file).stdout
    assert "(accepted)" in plain
    markdown = run(old, new, "--format", "markdown", "--accept-file", accept_file).stdout
    assert "*accepted*" in markdown and "| Accepted |" in markdown


def test_accept_file_is_never_read_implicitly(run: Invoke, pair: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = map(str, pair)
    monkeypatch.chdir(tmp_path)
    assert run("accept", old, new).exit_code == exit_codes.OK
    assert (tmp_path / accept.DEFAULT_ACCEPT_FILE).exists()  # the default name, in the working folder
    result = run(old, new, "--fail-on", "dropped")
    assert result.exit_code == exit_codes.POLICY_VIOLATED
    assert "statediff: notice" not in result.stderr  # no stale or missing-file notice: nothing was read


def test_missing_accept_file_is_a_notice(run: Invoke, pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = map(str, pair)
    result = run(old, new, "--fail-on", "dropped", "--accept-file", str(tmp_path / "none.json"))
    assert result.exit_code == exit_codes.POLICY_VIOLATED
    assert f"statediff: notice: {tmp_path / 'none.json'}: accept file not found" in result.stderr


def test_malformed_accept_file_is_one_error_line(run: Invoke, pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = map(str, pair)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    for args in ([old, new, "--accept-file", str(bad)], ["accept", old, new, "--accept-file", str(bad)]):
        result = run(*args)
        assert result.exit_code == exit_codes.ERROR
        assert result.stderr.startswith("statediff: error:") and "not valid JSON" in result.stderr
        assert len(result.stderr.splitlines()) == 1
    assert bad.read_text("utf-8") == "{not json"  # a failed accept leaves the file alone


def test_an_accept_file_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "accept.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"format": "statediff-accept/1", "accepted": []}).encode())
    assert accept.read(str(path)).entries == ()


@pytest.mark.parametrize(("reviewed", "later"), [
    # an accepted change of a list's lead-in or a table row's cell is accepted no longer once it changes again
    # (found by a new user's review: "agreed to:" → "may:" accepted, then "will never:" passed)
    ("The Parties may:\n- hold a joint review in 2026.\n", "The Parties will never:\n- hold a joint review in 2026.\n"),
    ("| Measure | Deadline |\n|---|---|\n| The Parties will hold a joint review. | 2027 |\n",
     "| Measure | Deadline |\n|---|---|\n| The Parties will hold a joint review. | 2035 |\n"),
])
def test_an_accepted_change_of_context_is_reviewed_again(tmp_path: Path, reviewed: str, later: str) -> None:
    from statediff.pipeline import compare

    first = "The Parties agreed to:\n- hold a joint review in 2026.\n" if reviewed.startswith("The") else \
        "| Measure | Deadline |\n|---|---|\n| The Parties will hold a joint review. | 2025 |\n"
    suffix = ".txt" if reviewed.startswith("The") else ".md"
    old, new = tmp_path / f"old{suffix}", tmp_path / f"new{suffix}"
    old.write_text(first, encoding="utf-8")
    new.write_text(reviewed, encoding="utf-8")
    entries = accept.update(accept.AcceptList("x.json"), compare(str(old), str(new))).accept_list.entries
    assert len(entries) == 1 and ("[lead-in:" in entries[0].old[0] or "[row:" in entries[0].old[0])
    assert all(c.accepted for c in accept.apply(compare(str(old), str(new)), accept.AcceptList("x.json", entries)).changes
               if c.status is not Status.PERSISTED)
    new.write_text(later, encoding="utf-8")
    again = accept.apply(compare(str(old), str(new)), accept.AcceptList("x.json", entries))
    assert [c.accepted for c in again.changes if c.status is not Status.PERSISTED] == [False]


def test_an_entry_written_before_lead_ins_counted_says_why_it_is_stale(tmp_path: Path) -> None:
    # accept files written before lead-ins and rows were part of the fingerprint went stale with no reason given (found in review)
    from statediff.pipeline import compare

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("The Parties agreed to:\n- hold a joint review in 2026.\n", encoding="utf-8")
    new.write_text("The Parties may:\n- hold a joint review in 2026.\n", encoding="utf-8")
    report = compare(str(old), str(new))
    (change,) = [c for c in report.changes if c.status in accept.ACCEPTABLE]
    words = ("hold a joint review in 2026.",)
    earlier = accept.Accepted(accept.fingerprint(change.status.value, words, words), change.status.value, words, words, "")
    notices = accept.apply(report, accept.AcceptList("x.json", (earlier,))).notices
    assert any("stale" in n and "match a list item or table cell of this comparison by its own words" in n for n in notices)
