"""The pipeline's worker processes: segmenting both statements and reading the details facts
in forked processes gives the same report as one process, and errors still surface."""

import importlib
from pathlib import Path

import pytest

from statediff import pipeline
from statediff.errors import NoCommitmentsError
from statediff.load import load
from statediff.pipeline import compare
from statediff.render.json_report import render_json
from statediff.segment import segment

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


def test_worker_processes_give_the_same_report_when_deeds_are_set_aside(always_parallel: None, tmp_path: Path) -> None:
    # The readers' facts are read before unmatched deeds are set aside: their ids are renamed.
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text("The United States and Mexico agreed to expand trade by 2023 with Canada.\n"
                   "The sides welcomed the talks on border security.\n", encoding="utf-8")
    new.write_text("Mexico doubled cocaine seizures in 2022 and arrested 40 leaders in Sonora.\n"
                   "The United States and Mexico agreed to expand trade by 2025 with Canada and Peru.\n"
                   "The sides welcomed the talks on border security with Guatemala.\n", encoding="utf-8")
    report = compare(str(old), str(new), workers=2)
    assert [s.reason for s in report.new.skipped if s.reason == "deed"] == ["deed"]
    assert render_json(report) == render_json(compare(str(old), str(new), workers=1))


def test_worker_processes_give_the_same_report_when_echoes_are_read(always_parallel: None, tmp_path: Path) -> None:
    # The readers' facts are of the pledges as segmented: the echoes' are read here and the ids renamed.
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text("The sides agreed to expand trade in grain by 2030.\n"
                   "The Joint Commission shall meet at least twice a year in Astana.\n", encoding="utf-8")
    new.write_text("The Joint Commission may meet at least twice a year in Astana from 2026.\n"
                   "The sides agreed to expand trade in grain by 2035.\n", encoding="utf-8")
    report = compare(str(old), str(new), workers=2)
    assert [c.id for c in report.new.commitments] == ["n1", "n2"] and report.new.commitments[0].text.startswith("The Joint")
    assert {(c.old, c.new) for c in report.changes} == {(("o1",), ("n2",)), (("o2",), ("n1",))}
    assert render_json(report) == render_json(compare(str(old), str(new), workers=1))


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


def _count_readers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record each _SideReaders made, so a test can tell that the worker path really ran."""
    made: list[int] = []
    original = pipeline._SideReaders.__init__

    def spy(self: pipeline._SideReaders, *args: object) -> None:
        made.append(1)
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline._SideReaders, "__init__", spy)
    return made


def test_large_inputs_take_the_worker_path_and_use_its_facts(always_parallel: None, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _count_readers(monkeypatch)
    received: list[object] = []
    original_facts = pipeline._SideReaders.facts

    def facts(self: pipeline._SideReaders) -> object:
        value = original_facts(self)
        received.append(value)
        return value

    monkeypatch.setattr(pipeline._SideReaders, "facts", facts)
    compare(str(SEED_OLD), str(SEED_NEW), workers=2)
    assert made == [1]
    assert len(received) == 1 and received[0] is not None  # the worker's facts, not the in-process fallback


def test_small_inputs_or_one_worker_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _count_readers(monkeypatch)
    compare(str(SEED_OLD), str(SEED_NEW), workers=2)  # below PARALLEL_MIN_CHARS
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_CHARS", 0)
    compare(str(SEED_OLD), str(SEED_NEW), workers=1)
    assert made == []


def test_a_worker_killed_while_segmenting_is_replaced_by_this_process(always_parallel: None, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    expected = render_json(compare(str(SEED_OLD), str(SEED_NEW), workers=1))
    real_segment = pipeline.segment

    def dies_in_the_new_side_worker(doc: object, language: object, id_prefix: str = "c", prefer: str | None = None) -> object:
        if id_prefix == "n" and os.getpid() != parent:
            os._exit(9)  # as the out-of-memory killer would end it
        return real_segment(doc, language, id_prefix=id_prefix, prefer=prefer)  # type: ignore[arg-type]

    parent = os.getpid()
    monkeypatch.setattr(pipeline, "segment", dies_in_the_new_side_worker)
    assert render_json(compare(str(SEED_OLD), str(SEED_NEW), workers=2)) == expected


def _closing_line(stderr: str) -> str:
    """The last line of a cancelled run's stderr, after checking that every line before it is a
    notice: on a loaded machine the signal may land once the comparison is done and its notices
    are out (seen in CI while other jobs ran), which is no fault; a traceback or a second error is."""
    lines = stderr.strip().splitlines()
    assert all(line.startswith("statediff: notice: ") for line in lines[:-1]), stderr
    return lines[-1] if lines else ""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc (Linux)")
def test_ctrl_c_during_a_large_run_ends_it_with_one_line_and_130(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import make_pair

    pair = make_pair(5000)  # a run of several seconds: the interrupt lands while it works
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(pair.old_text, encoding="utf-8")
    new.write_text(pair.new_text, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "statediff", str(old), str(new), "--workers", "2", "--format", "json"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 60
    while not children.read_text().strip():  # wait until the worker processes run (imports can be slow)
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before its workers started"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to the whole process group
    _, stderr = process.communicate(timeout=60)
    # 130, or death by SIGINT itself (which a shell also reports as 130) when the interrupt lands
    # while the interpreter is outside Python code; either way no traceback, from it or its workers.
    assert process.returncode in (130, -signal.SIGINT), stderr
    assert _closing_line(stderr) in ("statediff: interrupted", ""), stderr


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc (Linux)")
def test_sigterm_during_a_large_run_ends_it_and_its_workers_with_143(tmp_path: Path) -> None:
    # A cancelled CI job sends SIGTERM to the main process only: its workers outlived it and held
    # the output pipe open, so "statediff … | wc -c" never ended (found by a CI user's review).
    import signal
    import subprocess
    import sys
    import time

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import make_pair

    pair = make_pair(5000)
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(pair.old_text, encoding="utf-8")
    new.write_text(pair.new_text, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "statediff", str(old), str(new), "--workers", "2", "--format", "json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 60
    while not (workers := children.read_text().split()):
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before its workers started"
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=20)  # returns once no process holds the pipes open
    # The handler is in place: the workers run, so main has started (before it a SIGTERM kills at once: -15).
    assert process.returncode == 143, stderr
    assert _closing_line(stderr) == "statediff: terminated", stderr

    def running(pid: str) -> bool:
        try:
            return "zombie" not in Path(f"/proc/{pid}/status").read_text(errors="replace")
        except OSError:  # gone
            return False

    deadline = time.monotonic() + 10
    while any(running(pid) for pid in workers):
        assert time.monotonic() < deadline, f"workers {workers} outlived the run"
        time.sleep(0.05)


@pytest.mark.parametrize("workers", [1, 2])
def test_equal_texts_are_held_as_one_string(always_parallel: None, tmp_path: Path, workers: int) -> None:
    # The details stage memoises per (text, start, end): two equal strings would make every
    # look-up compare the whole texts (a 4.7 MB statement against itself took four times longer).
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED_OLD.read_bytes())
    same = compare(str(SEED_OLD), str(copy), workers=workers)
    assert same.new.document.text is same.old.document.text
    assert same.new.document.path == str(copy)
    # Sharing the string changes nothing else: the same changes as the file against itself.
    assert same.changes == compare(str(SEED_OLD), str(SEED_OLD), workers=workers).changes


def test_one_text_shares_only_equal_texts() -> None:
    old, new = (segment(load(str(path)), id_prefix=prefix) for path, prefix in ((SEED_OLD, "o"), (SEED_NEW, "n")))
    assert pipeline.one_text(old, new) is new
    twin = segment(load(str(SEED_OLD)), id_prefix="n")
    assert twin.document.text is not old.document.text
    shared = pipeline.one_text(old, twin)
    assert shared.document.text is old.document.text and shared.commitments == twin.commitments
