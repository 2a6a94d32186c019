"""Hostile and unusual inputs through the CLI: one clear stderr line and exit 2, or a report with a notice."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from statediff import exit_codes
from statediff.cli import cli
from statediff.errors import InputError
from statediff.load import load, read_bytes

ROOT = Path(__file__).resolve().parent.parent
SEED_OLD = ROOT / "seeds" / "jspg7-2022-kz-tr.ru.txt"
SEED_NEW = ROOT / "seeds" / "jspg8-2026-kz-tr.ru.txt"
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" + bytes(64)
ENGLISH = (
    "Joint Statement of the Foreign Ministers\n\n"
    "The parties agreed to deepen cooperation in trade, energy and transport.\n"
    "The ministers reaffirmed their commitment to regional security and stability.\n"
    "Both sides will continue consultations and agreed to hold the next meeting in Ankara.\n"
)


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def _error_line(result: Result) -> str:
    assert result.exit_code == exit_codes.ERROR, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("statediff: error: "), lines[0]
    assert "Traceback" not in result.output
    return lines[0]


# Each case makes OLD in tmp_path and returns its path (NEW is the 8th JSPG statement).
Maker = Callable[[Path], str]


def _write(name: str, data: bytes) -> Maker:
    def make(tmp: Path) -> str:
        (tmp / name).write_bytes(data)
        return str(tmp / name)

    return make


def _missing(tmp: Path) -> str:
    return str(tmp / "nowhere.txt")


def _directory(tmp: Path) -> str:
    (tmp / "folder").mkdir()
    return str(tmp / "folder")


def _sparse_100mb(tmp: Path) -> str:
    path = tmp / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no 100 MB written, st_size says 100 MB
    return str(path)


def _truncated(name: str) -> Maker:
    def make(tmp: Path) -> str:
        data = (INPUTS / name).read_bytes()
        (tmp / name).write_bytes(data[: len(data) // 2])
        return str(tmp / name)

    return make


def _one_long_line(tmp: Path) -> str:
    # 5 MB on one line, no sentence and no pledge in it: must end quickly with "no commitments".
    path = tmp / "one-line.txt"
    path.write_bytes(b"0123456789abcdef" * (5 * 1024 * 1024 // 16))
    return str(path)


HOSTILE = [
    pytest.param(_missing, "no such file", id="missing-file"),
    pytest.param(_directory, "is a directory", id="directory"),
    pytest.param(_write("empty.txt", b""), "is empty", id="empty-file"),
    pytest.param(_write("blank.txt", b" \n\t\r\n   \n"), "only whitespace", id="whitespace-only"),
    pytest.param(_write("blank-utf16.txt", "  \n \n".encode("utf-16")), "only whitespace", id="whitespace-only-utf16"),
    pytest.param(_write("nul.txt", b"abc\x00\x01\x02\x00def" * 100), "binary", id="nul-bytes"),
    pytest.param(_write("image.txt", PNG), "PNG image", id="png-renamed-txt"),
    pytest.param(_write("random.bin", bytes(range(0x80, 0x100)) * 8), "cannot decode", id="undecodable-bytes"),
    pytest.param(_truncated("jspg7.docx"), "cannot read as .docx", id="truncated-docx"),
    pytest.param(_truncated("jspg7.pdf"), "cannot read as PDF", id="truncated-pdf"),
    pytest.param(_write("fake.docx", b"PK\x03\x04" + bytes(300)), "cannot read as .docx", id="zip-named-docx"),
    pytest.param(_write("fake.pdf", b"%PDF-1.7\n" + bytes(300)), "cannot read as PDF", id="corrupt-pdf"),
    pytest.param(_write("empty-page.html", b"<html><body><nav>Menu</nav><script>x()</script></body></html>"), "no text", id="html-without-content"),
    pytest.param(_sparse_100mb, "over the --max-bytes limit of 52428800", id="100mb-file"),
    pytest.param(_one_long_line, "no commitments", id="5mb-single-line"),
    pytest.param(_write("weather.txt", "Погода в Астане: облачно, +5. Ветер северный.\n".encode()), "no commitments", id="no-commitments"),
]


@pytest.mark.parametrize(("make", "fragment"), HOSTILE)
def test_hostile_input_gives_one_error_line_and_exit_2(tmp_path: Path, make: Maker, fragment: str) -> None:
    old = make(tmp_path)
    started = time.monotonic()
    line = _error_line(run(old, str(SEED_NEW)))
    assert fragment in line
    assert time.monotonic() - started < 30


@pytest.mark.parametrize(("make", "fragment"), HOSTILE[:-2])
def test_hostile_input_to_extract_gives_one_error_line(tmp_path: Path, make: Maker, fragment: str) -> None:
    assert fragment in _error_line(run("extract", make(tmp_path)))


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Стороны договорились.", encoding="utf-8")
    path.chmod(0)
    try:
        assert "permission denied" in _error_line(run(str(path), str(SEED_NEW)))
    finally:
        path.chmod(0o600)


def test_max_bytes_option_refuses_a_regular_file_before_reading_it(tmp_path: Path) -> None:
    assert "over the --max-bytes limit of 1000" in _error_line(run(str(SEED_OLD), str(SEED_NEW), "--max-bytes", "1000"))


def test_max_bytes_applies_to_stdin_while_reading() -> None:
    line = _error_line(run("-", str(SEED_NEW), "--max-bytes", "1000", input=SEED_OLD.read_bytes()))
    assert "<stdin>: input is over the --max-bytes limit of 1000" in line


def test_both_sides_from_stdin_is_refused() -> None:
    assert "only one of OLD and NEW" in _error_line(run("-", "-", input=b"x"))


def test_missing_extra_names_the_pip_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf now raises ImportError
    line = _error_line(run(str(INPUTS / "jspg7.pdf"), str(SEED_NEW)))
    assert "pip install 'statediff[pdf]'" in line


@pytest.mark.parametrize(("module", "file", "extra"), [("docx", "jspg7.docx", "docx"), ("bs4", "jspg7.html", "html")])
def test_missing_extra_for_docx_and_html(monkeypatch: pytest.MonkeyPatch, module: str, file: str, extra: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    assert f"pip install 'statediff[{extra}]'" in _error_line(run("extract", str(INPUTS / file)))


# --- normal report with a notice --------------------------------------------------------------


def test_same_file_twice_gives_a_report_and_a_notice() -> None:
    result = run(str(SEED_OLD), str(SEED_OLD), "--format", "json")
    assert result.exit_code == exit_codes.OK, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["new"] == 0 and report["summary"]["dropped"] == 0
    assert "statediff: notice: the two inputs are identical" in result.stderr


def test_the_same_text_in_another_encoding_gets_its_own_notice(tmp_path: Path) -> None:
    cp1251 = tmp_path / "seed.cp1251.txt"
    cp1251.write_bytes(SEED_OLD.read_text(encoding="utf-8").encode("cp1251"))
    result = run(str(SEED_OLD), str(cp1251), "--format", "json")
    assert result.exit_code == exit_codes.OK, result.output
    assert "statediff: notice: the two inputs hold the same text (in different encodings or formats)" in result.stderr
    assert "are identical" not in result.stderr


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_the_same_text_with_other_line_endings_gets_its_own_notice(tmp_path: Path, ending: str) -> None:
    converted = tmp_path / "seed.converted.txt"
    converted.write_bytes(SEED_OLD.read_text(encoding="utf-8").replace("\n", ending).encode("utf-8"))
    result = run(str(SEED_OLD), str(converted), "--format", "json")
    assert result.exit_code == exit_codes.OK, result.output
    assert json.loads(result.stdout)["summary"]["dropped"] == 0
    assert "statediff: notice: the two inputs hold the same text (with different line endings)" in result.stderr


def test_different_languages_give_a_report_and_a_notice(tmp_path: Path) -> None:
    english = tmp_path / "statement.en.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    result = run(str(english), str(SEED_NEW), "--format", "json")
    assert result.exit_code == exit_codes.OK, result.output
    report = json.loads(result.stdout)
    assert report["old"]["language"] == "en" and report["new"]["language"] == "ru"
    assert "different languages (en, ru)" in result.stderr


# --- pipes and stdin --------------------------------------------------------------------------


def _json_report(result: Result) -> dict:
    assert result.exit_code == exit_codes.OK, result.stderr
    return json.loads(result.stdout)


def _without_paths(report: dict) -> dict:
    for side in ("old", "new"):
        report[side]["path"] = ""
    return report


def test_stdin_dash_gives_the_same_report_as_the_file() -> None:
    from_file = _json_report(run(str(SEED_OLD), str(SEED_NEW), "--format", "json"))
    from_stdin = _json_report(run("-", str(SEED_NEW), "--format", "json", input=SEED_OLD.read_bytes()))
    assert from_stdin["old"]["path"] == "<stdin>"
    assert _without_paths(from_stdin) == _without_paths(from_file)


def _feed_fifo(path: Path, data: bytes) -> threading.Thread:
    def write() -> None:
        try:
            with open(path, "wb") as handle:
                for k in range(0, len(data), 4096):
                    handle.write(data[k:k + 4096])
        except BrokenPipeError:
            pass  # the reader stopped early (over --max-bytes)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_fifo_like_process_substitution_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "old.fifo"
    os.mkfifo(fifo)
    writer = _feed_fifo(fifo, SEED_OLD.read_bytes())
    from_fifo = _json_report(run(str(fifo), str(SEED_NEW), "--format", "json"))
    writer.join(5)
    from_file = _json_report(run(str(SEED_OLD), str(SEED_NEW), "--format", "json"))
    assert _without_paths(from_fifo) == _without_paths(from_file)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_fifo_over_max_bytes_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    fifo = tmp_path / "big.fifo"
    os.mkfifo(fifo)
    writer = _feed_fifo(fifo, b"x" * 300_000)
    with pytest.raises(InputError, match="over the --max-bytes limit of 1000"):
        read_bytes(str(fifo), max_bytes=1000)
    writer.join(5)
    assert not writer.is_alive()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_fifo_holding_a_docx_is_sniffed(tmp_path: Path) -> None:
    fifo = tmp_path / "noext"
    os.mkfifo(fifo)
    writer = _feed_fifo(fifo, (INPUTS / "jspg7.docx").read_bytes())
    document = load(str(fifo))
    writer.join(5)
    assert document.format == "docx"


# --- statediff extract --------------------------------------------------------------------------


def test_extract_prints_the_text_exactly_crlf_and_nbsp_included(tmp_path: Path) -> None:
    data = "Стороны\u00a0договорились.\r\nВторая строка.\r\n".encode()
    path = tmp_path / "crlf.txt"
    path.write_bytes(data)
    result = run("extract", str(path))
    assert result.exit_code == exit_codes.OK
    assert result.stdout_bytes == data


def test_extract_drops_only_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("Стороны договорились.\n".encode("utf-16"))
    assert run("extract", str(path)).stdout_bytes == "Стороны договорились.\n".encode()


@pytest.mark.parametrize("name", ["jspg7.docx", "jspg7.messy.pdf", "jspg7.messy.html", "jspg7.koi8r.txt"])
def test_report_offsets_index_the_extract_output(name: str) -> None:
    text = run("extract", str(INPUTS / name)).stdout_bytes.decode("utf-8")
    report = _json_report(run(str(INPUTS / name), str(SEED_NEW), "--format", "json"))
    assert report["old"]["commitments"]
    for commitment in report["old"]["commitments"]:
        assert text[commitment["start"]:commitment["end"]] == commitment["text"]
    assert report["old"]["format"] == name.rsplit(".", 1)[1]


def test_extract_info_and_json_report_carry_format_and_checksums() -> None:
    result = run("extract", "--info", str(INPUTS / "jspg7.cp1251.txt"))
    assert "format txt, encoding cp1251" in result.stderr
    report = _json_report(run(str(INPUTS / "jspg7.cp1251.txt"), str(SEED_NEW), "--format", "json"))
    assert report["old"]["text_sha256"] == hashlib.sha256(result.stdout_bytes).hexdigest()
    assert report["old"]["sha256"] == hashlib.sha256((INPUTS / "jspg7.cp1251.txt").read_bytes()).hexdigest()
    assert report["old"]["encoding"] == "cp1251" and report["old"]["format"] == "txt"
