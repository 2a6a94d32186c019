"""Whether this machine has the memory to compare two segmented statements: checked before aligning, refused with a clear error.

A comparison's memory grows with its pledges: aligning, reading the details and rendering hold
term sets, candidate scores and facts for every pledge. Measured after segmentation (English,
one worker): 23 KB a pledge on the synthetic 5,000 and 10,000 a side, 36-43 KB on the corpus
repeated 10 and 30 times (longer pledges), 25 KB on the corpus repeated 200 times (113,000 a
side, 5.7 GB). The check uses a floor below all of those, ``FLOOR_PER_PLEDGE``: it refuses
only a comparison that cannot fit, so that the operating system does not kill it halfway
("Killed", exit 137, after minutes of work and with no word of why). A comparison that passes
may still need twice the floor.
"""

from __future__ import annotations

from .errors import NotEnoughMemoryError

FLOOR_PER_PLEDGE = 16 * 1024  # bytes a pledge needs at least, after segmentation (see above)
CHECK_MIN_PLEDGES = 20_000  # below this many pledges on both sides together (~320 MB), any machine has the memory
GIB = 1024**3

MEMINFO = "/proc/meminfo"
# (limit, usage) files of this process's memory control group: cgroup v2, then v1.
CGROUP_FILES = (("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
                ("/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes"))


def check(pledges: int, available: int | None = None) -> None:
    """Raise NotEnoughMemoryError when ``pledges`` (both statements together) need more memory
    than is available (``available``: bytes, read from the system when None; unknown: no check)."""
    if pledges < CHECK_MIN_PLEDGES:
        return
    if available is None:
        available = available_bytes()
    needed = pledges * FLOOR_PER_PLEDGE
    if available is None or needed <= available:
        return
    raise NotEnoughMemoryError(
        f"comparing {pledges:,} pledges needs at least {needed / GIB:.1f} GiB of memory (measured: 1.5 to 2.7 times that), "
        f"and {available / GIB:.1f} GiB is available; compare the statements a part at a time, or on a machine with more memory"
    )


def available_bytes() -> int | None:
    """Memory this process can still take: the system's available memory and free swap, capped
    by the room left in its memory control group; None where neither can be read (not Linux)."""
    system = _read(MEMINFO)
    room = meminfo_available(system) if system is not None else None
    for limit_path, usage_path in CGROUP_FILES:
        limit, usage = _read(limit_path), _read(usage_path)
        if limit is not None and usage is not None:
            group = cgroup_room(limit, usage)
            if group is not None:
                room = group if room is None else min(room, group)
            break
    return room


def meminfo_available(text: str) -> int | None:
    """MemAvailable plus SwapFree of a /proc/meminfo text, in bytes; None without MemAvailable."""
    values = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        fields = rest.split()
        if fields and fields[0].isdigit():
            values[name.strip()] = int(fields[0]) * (1024 if fields[1:2] == ["kB"] else 1)
    if "MemAvailable" not in values:
        return None
    return values["MemAvailable"] + values.get("SwapFree", 0)


# A v1 group without a limit reports a huge number (2**63 rounded down to a page).
NO_LIMIT = 2**60


def cgroup_room(limit: str, usage: str) -> int | None:
    """A memory control group's limit less its usage, in bytes; None when it has no limit ("max")."""
    limit, usage = limit.strip(), usage.strip()
    if not limit.isdigit() or not usage.isdigit() or int(limit) >= NO_LIMIT:
        return None
    return max(0, int(limit) - int(usage))


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None

