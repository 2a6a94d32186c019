"""One marshal file in the data cache folder, read once and merged atomically: shared by the disk caches.

A store may hold code (``statediff.frozen``), which marshal loads without checking, as Python
loads ``__pycache__`` files: a store file is therefore read only when it belongs to this user
and nobody else may write to it, and it is written in a folder only this user can open.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import stat
from collections.abc import Iterable
from typing import Any

from .digest import sha1_hex


def store_path(name: str, key: str) -> str | None:
    """``<cache folder>/<name>-<hash of key>.marshal``, or None when caching is off or there is no key."""
    from .data import cache_dir

    folder = cache_dir()
    if folder is None or not key:
        return None
    return os.path.join(folder, f"{name}-{sha1_hex(key.encode())[:16]}.marshal")


def _trusted(handle: Any) -> bool:
    """Whether the open file belongs to this user and no one else may write to it."""
    if not hasattr(os, "getuid"):  # Windows: the folder's permissions are the user's profile's
        return True
    info = os.fstat(handle.fileno())
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(path: str | None, key: str) -> dict[Any, Any]:
    """The records stored at ``path`` under this ``key``; empty when missing, unreadable, corrupt,
    written for another key, or writable by another user."""
    if path is not None:
        try:
            with open(path, "rb") as handle:
                if not _trusted(handle):
                    return {}
                stored_key, records = marshal.loads(handle.read())  # marshal.load(handle) reads in small pieces: ~10× slower
                _touch(handle)
            if stored_key == key and isinstance(records, dict):
                return records
        except (OSError, EOFError, ValueError, TypeError):  # missing, unreadable or corrupt (marshal's errors): nothing cached
            pass
    return {}


# Each write is a generation; a record no writing run has used for this many generations is
# dropped at the next write. The records of a changed data file or class (an upgrade, or a
# developer's edits) are never looked up again: without this the store only grew, and every run
# paid for reading it (1.1 MB, 6 ms, after a day of development; ~0.15 MB fresh).
MAX_AGE = 20
# The store's bookkeeping, under a key no record has: (generation, {record key: last generation used}).
_META = None


TOUCH_SECONDS = 24 * 3600


def _touch(handle: Any) -> None:
    """Mark a store read today (its modification time, at most once a day): a store that is only
    read, never written, is still in use, and ``prune_stale`` must not take it for a dead build's."""
    import time

    with contextlib.suppress(OSError):
        if os.fstat(handle.fileno()).st_mtime < time.time() - TOUCH_SECONDS:
            os.utime(handle.fileno())


def _meta(records: dict[Any, Any]) -> tuple[int, dict[Any, int]]:
    """The store's bookkeeping, or a fresh one when it is missing or not of this shape."""
    meta = records.pop(_META, None)
    if isinstance(meta, tuple) and len(meta) == 2 and isinstance(meta[0], int) and isinstance(meta[1], dict):
        return meta
    return 0, {}


def merge(path: str | None, key: str, added: dict[Any, Any], max_entries: int, used: Iterable[Any] = ()) -> None:
    """Merge ``added`` into the file at ``path`` (atomically; a failure to write is ignored), marking
    ``added`` and ``used`` (the records this run looked up) as used in this generation and
    dropping records unused for MAX_AGE generations. Beyond ``max_entries`` the file starts
    afresh, so the store stays bounded whatever happens."""
    if path is None or not (added or used):
        return
    temporary = None
    try:
        records = load(path, key)
        if not records:  # a new store (another Python build, or the first run): old builds' stores may go
            prune_stale(path)
        generation, last_used = _meta(records)
        generation += 1
        records.update(added)
        for record in (*added, *used):
            if record in records:
                last_used[record] = generation
        # A record without a mark (written before marks were kept) counts as used now.
        records = {k: v for k, v in records.items() if last_used.setdefault(k, generation) > generation - MAX_AGE}
        if len(records) > max_entries:  # aged and still too many: start afresh with this run's records
            records = dict(added)
        records[_META] = (generation, {k: last_used[k] for k in records})
        folder = os.path.dirname(path)
        os.makedirs(folder, mode=0o700, exist_ok=True)
        import tempfile  # only when something new is stored: the import costs a few milliseconds

        descriptor, temporary = tempfile.mkstemp(prefix=os.path.basename(path), suffix=".tmp", dir=folder)  # mode 0600
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(marshal.dumps((key, records)))
        os.replace(temporary, path)
        temporary = None
    except (OSError, ValueError, TypeError):  # a full or read-only disk, a value marshal cannot store, bookkeeping of another shape: the run goes on uncached
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


STALE_SECONDS = 30 * 24 * 3600  # a store no run has read (_touch) or written for this long belongs to a Python build no longer used


def prune_stale(path: str) -> None:
    """Remove the other stores of the same cache (``<name>-<other key>.marshal`` beside ``path``)
    that no run has written for STALE_SECONDS: each Python build keeps its own store, and an
    upgraded Python would otherwise leave the old ones behind for ever. Failures are ignored."""
    import time

    folder, name = os.path.split(path)
    prefix = name.rsplit("-", 1)[0] + "-"
    cutoff = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if (entry.name != name and entry.name.startswith(prefix) and entry.name.endswith(".marshal")
                    and entry.is_file(follow_symlinks=False)):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)


class MarshalStore:
    """One cache's records: read from its file on first use, the records added in this run merged
    into the file at exit."""

    def __init__(self, name: str, key: str, max_entries: int) -> None:
        self.name, self.key, self.max_entries = name, key, max_entries
        self._records: dict[Any, Any] | None = None
        self.added: dict[Any, Any] = {}  # records of this run not yet in the file
        self.used: set[Any] = set()  # keys of the records this run looked up and found
        self._registered = False
        self._stale_used = False  # a record looked up whose mark is half way to MAX_AGE: worth a write to renew it
        self._marks: tuple[int, dict[Any, int]] = (0, {})

    def path(self) -> str | None:
        """The store's file, or None when caching is off."""
        return store_path(self.name, self.key)

    def get(self, key: Any) -> Any:
        """The record stored under ``key`` (this run's included), or None."""
        if self._records is None:
            self._load()
        found = self._records.get(key)  # type: ignore[union-attr]
        if found is not None:
            self.used.add(key)
            generation, last_used = self._marks
            if not self._stale_used and last_used.get(key, generation) <= generation - MAX_AGE // 2:
                self._stale_used = True  # a run that only reads renews the marks of what it uses, now and then
                self._register()
        return found

    def _load(self) -> None:
        self._records = load(self.path(), self.key)
        self._marks = _meta(self._records)

    def _register(self) -> None:
        if not self._registered and self.path() is not None:
            import atexit

            atexit.register(self.save)
            self._registered = True

    def add(self, key: Any, value: Any) -> None:
        """Keep a record for this run and, when caching is on, for the file at exit."""
        if self._records is None:
            self._load()
        self._records[key] = value  # type: ignore[index]
        if self.path() is None:
            return
        self._register()
        self.added[key] = value

    def save(self) -> None:
        """Merge this run's records into the file (atomically; failures ignored)."""
        self._records = None  # read again at the next use: another process may have added records meanwhile
        if self.added or self._stale_used:
            merge(self.path(), self.key, dict(self.added), self.max_entries, set(self.used))
        self.added.clear()
        self.used.clear()
        self._stale_used = False
