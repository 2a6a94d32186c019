"""Regular expressions compiled once per installation: a disk cache of the regex engine's compiled code.

The number forms, attribution patterns and segmentation rules are long alternations built from
the data files; ``re.compile`` spends ~40 ms on them in every run (parsing and code generation
in pure Python), while the engine's compiled code is a list of integers that marshal stores and
loads in microseconds. ``compile`` keeps that code in one marshal file in the data cache folder
(``statediff.data.cache_dir``), keyed by the exact Python build and the engine's version, and
builds the pattern object from it with ``_sre.compile``, which validates the code.

Safety: a pattern is stored only after the object built from the stored form was checked against
the one ``re.compile`` made (pattern, flags, groups, group names); anything unexpected (another
Python, a corrupt file, an engine whose internals differ) falls back to ``re.compile``."""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from typing import Any, AnyStr

try:  # the engine's internals, as re._compiler uses them
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    RECORD_FORMAT = 1  # bump when _Record's layout changes
    ENGINE = f"{RECORD_FORMAT}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.maxunicode}"
except (ImportError, AttributeError):  # another implementation: plain re.compile
    _sre = None  # type: ignore[assignment]
    ENGINE = ""

MAX_ENTRIES = 4000  # the store starts afresh beyond this (patterns are built from data files, so few)
_Record = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]  # flags, code, groups, groupindex, indexgroup

_Key = tuple[Any, int]  # (pattern, flags); a pattern is str or bytes
_memo: dict[_Key, re.Pattern[Any]] = {}
_store: dict[_Key, _Record] | None = None  # loaded on first use
_added: dict[_Key, _Record] = {}


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:  # noqa: A001 - the name says it replaces re.compile
    """``re.compile(pattern, flags)``, from the disk cache when it holds this pattern."""
    key = (pattern, int(flags))
    compiled = _memo.get(key)
    if compiled is None:
        compiled = _memo[key] = _cached(key) or _compile_and_record(key)
    return compiled


def _store_path() -> str | None:
    from .data import cache_dir

    folder = cache_dir()
    if folder is None or not ENGINE:
        return None
    import hashlib

    return os.path.join(folder, f"regex-{hashlib.sha1(ENGINE.encode()).hexdigest()[:16]}.marshal")


def _load() -> dict[_Key, _Record]:
    global _store
    if _store is None:
        _store = {}
        path = _store_path()
        if path is not None:
            try:
                with open(path, "rb") as handle:
                    engine, records = marshal.loads(handle.read())  # marshal.load(handle) reads in small pieces: ~10× slower
                if engine == ENGINE and isinstance(records, dict):
                    _store = records
            except Exception:  # missing, unreadable or corrupt: compile as usual
                pass
    return _store


def _build(key: _Key, record: _Record) -> re.Pattern[Any]:
    flags, code, groups, groupindex, indexgroup = record
    return _sre.compile(key[0], flags, code, groups, groupindex, indexgroup)


def _cached(key: _Key) -> re.Pattern[Any] | None:
    if _sre is None:
        return None
    record = _load().get(key)
    if record is None:
        return None
    try:
        return _build(key, record)
    except Exception:  # a record this engine rejects: compile as usual
        return None


def _compile_and_record(key: _Key) -> re.Pattern[Any]:
    compiled = re.compile(*key)
    if _sre is None or _store_path() is None:
        return compiled
    try:
        # What re._compiler.compile passes to _sre.compile, made the same way.
        parsed = _parser.parse(key[0], key[1])
        code = _compiler._code(parsed, key[1])
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[Any] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        record: _Record = (int(key[1] | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup))
        rebuilt = _build(key, record)
        if rebuilt == compiled:  # Pattern equality compares the pattern, the flags and the compiled code
            if not _added:
                atexit.register(_save)
            _added[key] = record
    except Exception:  # internals that differ from what this module expects: no caching
        pass
    return compiled


def _save() -> None:
    """Merge the patterns compiled in this run into the store file (atomically; failures ignored)."""
    path = _store_path()
    if path is None or not _added:
        return
    global _store
    _store = None
    records = dict(_load())
    if len(records) + len(_added) > MAX_ENTRIES:
        records = {}
    records.update(_added)
    _added.clear()
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(marshal.dumps((ENGINE, records)))
        os.replace(temporary, path)
    except Exception:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
