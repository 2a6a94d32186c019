"""The package's data files (TOML beside this module), parsed once per process and cached on disk.

Parsing the dozen data files a comparison reads costs ~25 ms with tomllib on every run; the
parsed values are kept in a marshal file per data file, keyed by a hash of its bytes, so a
changed data file is parsed again and a stale cache is never read. The cache lives in
``$STATEDIFF_CACHE_DIR`` if set to an absolute path (an empty or relative value turns it off), else ``$XDG_CACHE_HOME/statediff``
or ``~/.cache/statediff``; when it cannot be read or written the files are simply parsed.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from ..digest import sha1_hex

DATA_DIR = Path(__file__).resolve().parent
# Bump when the cached representation changes; the Python version is part of the key because
# marshal's format may change between versions.
CACHE_FORMAT = 1


def cache_dir() -> Path | None:
    """Where parsed data files are cached, or None when caching is off."""
    configured = os.environ.get("STATEDIFF_CACHE_DIR")
    if configured is not None:
        # A relative folder would follow the working directory into whatever repository statediff runs in.
        return Path(configured) if configured and os.path.isabs(configured) else None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG specification: relative paths are invalid and ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "statediff" if os.path.isabs(base) else None


@cache
def read(relative: str) -> dict[str, Any]:
    """``statediff/data/<relative>`` parsed (shared: callers must not change it); FileNotFoundError when missing."""
    raw = (DATA_DIR / relative).read_bytes()
    key = sha1_hex(raw) + f"-{CACHE_FORMAT}-{sys.hexversion:x}"
    folder = cache_dir()
    cached = folder / (relative.replace("/", "__") + ".marshal") if folder is not None else None
    if cached is not None:
        try:
            stored_key, value = marshal.loads(cached.read_bytes())
            if stored_key == key:
                return value
        except Exception:  # missing, unreadable, truncated or from another version: parse the file
            pass
    value = _parse(raw)
    if cached is not None:
        _store(cached, key, value)
    return value


def _parse(raw: bytes) -> dict[str, Any]:
    import tomllib  # only on a cache miss: the import alone costs a few milliseconds

    return tomllib.loads(raw.decode("utf-8"))


def _store(path: Path, key: str, value: dict[str, Any]) -> None:
    """Write the cache file atomically; any failure (read-only folder, a value marshal cannot hold) is ignored."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        data = marshal.dumps((key, value))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except Exception:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
