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

import re
import sys
from typing import Any, AnyStr

from . import marshal_store

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
STORE = marshal_store.MarshalStore("regex", ENGINE, MAX_ENTRIES)  # _Key -> _Record


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:  # noqa: A001 - the name says it replaces re.compile
    """``re.compile(pattern, flags)``, from the disk cache when it holds this pattern."""
    key = (pattern, int(flags))
    compiled = _memo.get(key)
    if compiled is None:
        compiled = _memo[key] = _cached(key) or _compile_and_record(key)
    return compiled


def _build(key: _Key, record: _Record) -> re.Pattern[Any]:
    flags, code, groups, groupindex, indexgroup = record
    return _sre.compile(key[0], flags, code, groups, groupindex, indexgroup)


def _cached(key: _Key) -> re.Pattern[Any] | None:
    if _sre is None:
        return None
    record = STORE.get(key)
    if record is None:
        return None
    try:
        return _build(key, record)
    except Exception:  # a record this engine rejects: compile as usual
        return None


def _compile_and_record(key: _Key) -> re.Pattern[Any]:
    compiled = re.compile(*key)
    if _sre is None or STORE.path() is None:
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
            STORE.add(key, record)
    except Exception:  # internals that differ from what this module expects: no caching
        pass
    return compiled
