"""One marshal file in the data cache folder, read once and merged atomically: shared by the disk caches."""

from __future__ import annotations

import contextlib
import marshal
import os
from typing import Any


def store_path(name: str, engine: str) -> str | None:
    """``<cache folder>/<name>-<hash of engine>.marshal``, or None when caching is off or there is no engine."""
    from .data import cache_dir

    folder = cache_dir()
    if folder is None or not engine:
        return None
    import hashlib

    return os.path.join(folder, f"{name}-{hashlib.sha1(engine.encode()).hexdigest()[:16]}.marshal")


def load(path: str | None, engine: str) -> dict[Any, Any]:
    """The records stored at ``path`` for this ``engine``; empty when missing, unreadable, corrupt or foreign."""
    if path is not None:
        try:
            with open(path, "rb") as handle:
                stored_engine, records = marshal.loads(handle.read())  # marshal.load(handle) reads in small pieces: ~10× slower
            if stored_engine == engine and isinstance(records, dict):
                return records
        except Exception:  # missing, unreadable or corrupt: nothing cached
            pass
    return {}


def merge(path: str | None, engine: str, added: dict[Any, Any], max_entries: int) -> None:
    """Merge ``added`` into the file at ``path`` (atomically; any failure is ignored). Beyond
    ``max_entries`` the file starts afresh, so a store that only grows stays bounded."""
    if path is None or not added:
        return
    records = load(path, engine)
    if len(records) + len(added) > max_entries:
        records = {}
    records.update(added)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(marshal.dumps((engine, records)))
        os.replace(temporary, path)
    except Exception:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


class MarshalStore:
    """One cache's records: read from its file on first use, the records added in this run merged
    into the file at exit."""

    def __init__(self, name: str, engine: str, max_entries: int) -> None:
        self.name, self.engine, self.max_entries = name, engine, max_entries
        self._records: dict[Any, Any] | None = None
        self.added: dict[Any, Any] = {}
        self._registered = False

    def path(self) -> str | None:
        return store_path(self.name, self.engine)

    def get(self, key: Any) -> Any:
        if self._records is None:
            self._records = load(self.path(), self.engine)
        return self._records.get(key)

    def add(self, key: Any, value: Any) -> None:
        if not self._registered:
            import atexit

            atexit.register(self.save)
            self._registered = True
        self.added[key] = value

    def save(self) -> None:
        """Merge this run's records into the file (atomically; failures ignored)."""
        self._records = None  # read again at the next use: another process may have added records meanwhile
        merge(self.path(), self.engine, self.added, self.max_entries)
        self.added.clear()
