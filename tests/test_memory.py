"""The memory check before aligning: what the system reports, and a clear refusal instead of an out-of-memory kill."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result

from statediff import exit_codes, memory
from statediff.errors import NotEnoughMemoryError

Invoke = Callable[..., Result]  # the ``run`` fixture of conftest.py

MEMINFO_CASES = [
    ("MemTotal:       24105000 kB\nMemFree:  1000 kB\nMemAvailable:   2000000 kB\nSwapFree:        500000 kB\n", (2000000 + 500000) * 1024),
    ("MemTotal: 100 kB\nMemAvailable: 40 kB\n", 40 * 1024),  # no swap line
    ("MemTotal: 100 kB\nMemFree: 40 kB\n", None),  # an old kernel without MemAvailable: unknown
    ("", None),
    ("MemAvailable: 2 MB\n", None),  # /proc/meminfo counts in kB: another unit is not read as bytes
]


@pytest.mark.parametrize(("text", "available"), MEMINFO_CASES)
def test_meminfo_available_adds_free_swap(text: str, available: int | None) -> None:
    assert memory.meminfo_available(text) == available


CGROUP_CASES = [
    ("max\n", "123456\n", None),  # cgroup v2 without a limit
    ("9223372036854771712\n", "123456\n", None),  # cgroup v1 without a limit
    ("1073741824\n", "73741824\n", 1_000_000_000),
    ("1000\n", "2000\n", 0),  # over the limit already
    ("garbage", "1", None),
]


@pytest.mark.parametrize(("limit", "usage", "room"), CGROUP_CASES)
def test_cgroup_room(limit: str, usage: str, room: int | None) -> None:
    assert memory.cgroup_room(limit, usage) == room


def test_cgroup_room_does_not_count_page_cache_as_used() -> None:
    """A group's usage holds page cache it can drop (found in review: 7 of 8 GiB used, most of it cache)."""
    assert memory.cgroup_room(str(8 * memory.GIB), str(7 * memory.GIB), reclaimable=6 * memory.GIB) == 7 * memory.GIB


CGROUP_PATH_CASES = [
    ("0::/user.slice/session-1.scope\n", {2: "/user.slice/session-1.scope"}),
    ("9:name=systemd:/\n4:memory:/process_api/abc\n0::/\n", {1: "/process_api/abc", 2: "/"}),
    ("5:cpu,memory:/job\n", {1: "/job"}),
    ("", {}),
]


@pytest.mark.parametrize(("text", "paths"), CGROUP_PATH_CASES)
def test_cgroup_paths(text: str, paths: dict[int, str]) -> None:
    assert memory.cgroup_paths(text) == paths


def _system(monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> None:
    """memory._read answers from ``files`` (path → text), as if they were the system's."""
    monkeypatch.setattr(memory, "_read", files.get)


def test_available_bytes_takes_the_smaller_of_the_system_and_the_process_group(monkeypatch: pytest.MonkeyPatch) -> None:
    _system(monkeypatch, {
        "/proc/meminfo": "MemAvailable: 20000000 kB\nSwapFree: 0 kB\n",
        "/proc/self/cgroup": "0::/ci/job\n",
        "/sys/fs/cgroup/ci/job/memory.max": str(4 * memory.GIB),
        "/sys/fs/cgroup/ci/job/memory.current": str(3 * memory.GIB),
        "/sys/fs/cgroup/ci/job/memory.stat": f"anon 1000\ninactive_file {memory.GIB}\n",
        "/sys/fs/cgroup/memory.max": "max",  # the root: no limit; the process's own group has one
        "/sys/fs/cgroup/memory.current": "1",
    })
    assert memory.available_bytes() == 2 * memory.GIB
    _system(monkeypatch, {"/proc/meminfo": "MemAvailable: 1024 kB\n"})  # no cgroup files: the system alone
    assert memory.available_bytes() == 1024 * 1024
    _system(monkeypatch, {})  # neither: unknown
    assert memory.available_bytes() is None


def test_the_variable_skips_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(memory.SKIP_VARIABLE, "0")
    memory.check(10**9, available=1)


CHECK_CASES = [
    # (pledges, available bytes, refused)
    (memory.CHECK_MIN_PLEDGES - 1, 1, False),  # small: never checked
    (100_000, 100_000 * memory.FLOOR_PER_PLEDGE, False),  # fits exactly
    (100_000, 100_000 * memory.FLOOR_PER_PLEDGE - 1, True),
    (100_000, 10 * memory.GIB, False),
]


@pytest.mark.parametrize(("pledges", "available", "refused"), CHECK_CASES)
def test_check_refuses_only_what_cannot_fit(pledges: int, available: int, refused: bool) -> None:
    if refused:
        with pytest.raises(NotEnoughMemoryError, match=f"comparing {pledges:,} pledges needs at least"):
            memory.check(pledges, available)
    else:
        memory.check(pledges, available)


def test_unknown_memory_is_not_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "available_bytes", lambda: None)
    memory.check(10**9)


def test_available_bytes_reads_the_system() -> None:
    available = memory.available_bytes()
    if available is None:
        pytest.skip("neither /proc/meminfo nor a memory cgroup here")
    assert available > 0


def test_cli_refuses_a_comparison_too_large_for_the_memory(monkeypatch: pytest.MonkeyPatch, run: Invoke) -> None:
    """Before aligning: one line on stderr, exit code 2, no output, no traceback."""
    monkeypatch.setattr(memory, "CHECK_MIN_PLEDGES", 1)
    monkeypatch.setattr(memory, "available_bytes", lambda: 1024)
    result: Result = run("seeds/jspg7-2022-kz-tr.ru.txt", "seeds/jspg8-2026-kz-tr.ru.txt", "--format", "json")
    assert result.exit_code == exit_codes.ERROR, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("statediff: error: comparing 55 pledges needs at least 1 MiB of memory"), result.stderr
    assert "and 0 MiB is available" in lines[0] and "STATEDIFF_MEMORY_CHECK=0" in lines[0]
