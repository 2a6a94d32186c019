"""Whether this machine has the memory to compare two segmented statements: checked before aligning, refused with a clear error.

A comparison's memory grows with its pledges: aligning, reading the details and rendering hold
term sets, candidate scores and facts for every pledge. Measured after segmentation (English,
one worker): 23 KB a pledge on the synthetic 5,000 and 10,000 a side, 36-43 KB on the corpus
repeated 10 and 30 times (longer pledges), 25 KB on the corpus repeated 200 times (113,000 a
side, 5.7 GB). The check uses a floor below all of those, ``FLOOR_PER_PLEDGE``: it refuses
only a comparison that cannot fit, so that the operating system does not kill it halfway
("Killed", exit 137, after minutes of work and with no word of why). A comparison that passes
may still need 1.4 to 2.7 times the floor. ``STATEDIFF_MEMORY_CHECK=0`` skips the check.
"""

from __future__ import annotations

import os

from .errors import NotEnoughMemoryError

FLOOR_PER_PLEDGE = 16 * 1024  # bytes a pledge needs at least, after segmentation (see above)
CHECK_MIN_PLEDGES = 20_000  # below this many pledges on both sides together (~320 MB), any machine has the memory
SKIP_VARIABLE = "STATEDIFF_MEMORY_CHECK"  # "0": no check
GIB, MIB = 1024**3, 1024**2

MEMINFO = "/proc/meminfo"
SELF_CGROUP = "/proc/self/cgroup"
CGROUP_ROOT = "/sys/fs/cgroup"


def check(pledges: int, available: int | None = None) -> None:
    """Raise NotEnoughMemoryError when ``pledges`` (both statements together) need more memory
    than is available (``available``: bytes, read from the system when None; unknown: no check)."""
    if pledges < CHECK_MIN_PLEDGES or os.environ.get(SKIP_VARIABLE, "").strip() == "0":
        return
    if available is None:
        available = available_bytes()
    needed = pledges * FLOOR_PER_PLEDGE
    if available is None or needed <= available:
        return
    raise NotEnoughMemoryError(
        f"comparing {pledges:,} pledges needs at least {_size(needed)} of memory (measured: 1.4 to 2.7 times that), "
        f"and {_size(available)} is available; compare the statements a part at a time, or on a machine with more "
        f"memory ({SKIP_VARIABLE}=0 compares anyway)"
    )


def _size(size: int) -> str:
    return f"{size / GIB:.1f} GiB" if size >= GIB else f"{size / MIB:.0f} MiB"


def available_bytes() -> int | None:
    """Memory this process can still take: the system's available memory and free swap, capped
    by the room left in its memory control group; None where neither can be read (not Linux)."""
    system = _read(MEMINFO)
    room = meminfo_available(system) if system is not None else None
    group = _cgroup_room()
    if group is not None:
        room = group if room is None else min(room, group)
    return room


def meminfo_available(text: str) -> int | None:
    """MemAvailable plus SwapFree of a /proc/meminfo text (in kB there), in bytes; None without MemAvailable."""
    values = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        fields = rest.split()
        if len(fields) == 2 and fields[0].isdigit() and fields[1] == "kB":
            values[name.strip()] = int(fields[0]) * 1024
    if "MemAvailable" not in values:
        return None
    return values["MemAvailable"] + values.get("SwapFree", 0)


# (version, controller folder, limit, usage and statistics files, the statistic that counts page
# cache the group can drop) of a memory control group: cgroup v2, then v1.
_CGROUP_KINDS = ((2, "", "memory.max", "memory.current", "memory.stat", "inactive_file"),
                 (1, "memory", "memory.limit_in_bytes", "memory.usage_in_bytes", "memory.stat", "total_inactive_file"))


def _cgroup_room() -> int | None:
    """The room left in this process's memory control group: its own folder (named in
    /proc/self/cgroup), else the mount's root (a container sees its own group there)."""
    groups = cgroup_paths(_read(SELF_CGROUP) or "")
    for version, controller, limit_name, usage_name, stat_name, cache_name in _CGROUP_KINDS:
        base = os.path.join(CGROUP_ROOT, controller) if controller else CGROUP_ROOT
        own = groups.get(version)
        for folder in ([os.path.join(base, own.lstrip("/"))] if own else []) + [base]:
            limit, usage = _read(os.path.join(folder, limit_name)), _read(os.path.join(folder, usage_name))
            if limit is not None and usage is not None:
                return cgroup_room(limit, usage, _stat_value(_read(os.path.join(folder, stat_name)) or "", cache_name))
    return None


def cgroup_paths(text: str) -> dict[int, str]:
    """The memory control group of a /proc/self/cgroup text by version: {2: path} for the
    unified line "0::/path", {1: path} for "N:memory:/path" (or "N:cpu,memory:/path")."""
    paths: dict[int, str] = {}
    for line in text.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        number, controllers, path = parts
        if number == "0" and controllers == "":
            paths[2] = path
        elif "memory" in controllers.split(","):
            paths[1] = path
    return paths


def _stat_value(text: str, name: str) -> int:
    for line in text.splitlines():
        key, _, value = line.partition(" ")
        if key == name and value.strip().isdigit():
            return int(value)
    return 0


# A v1 group without a limit reports a huge number (2**63 rounded down to a page).
NO_LIMIT = 2**60


def cgroup_room(limit: str, usage: str, reclaimable: int = 0) -> int | None:
    """A memory control group's limit less its usage, in bytes, page cache it can drop
    (``reclaimable``) not counted as used; None when it has no limit ("max")."""
    limit, usage = limit.strip(), usage.strip()
    if not limit.isdigit() or not usage.isdigit() or int(limit) >= NO_LIMIT:
        return None
    used = max(0, int(usage) - reclaimable)
    return max(0, int(limit) - used)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None
