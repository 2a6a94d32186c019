"""Frozen dataclasses whose generated methods are compiled once per Python build, not in every run.

``dataclasses`` (Python 3.11) writes the source of each generated method (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) and compiles it with
``exec``: for statediff's ~50 frozen dataclasses that is ~30 ms of every run, a tenth of a small
comparison. ``frozen_dataclass`` is ``dataclass(frozen=True)`` whose ``exec`` takes the compiled
code of that exact source text from one marshal file in the data cache folder
(``statediff.data.cache_dir``), keyed by the Python build, as ``__pycache__`` keeps a module's
code. The code is what ``compile`` makes of the same text with the same flags (none inherited
from this module), so the classes are the same; without a cache folder the source is compiled
as usual.

The patch is ``dataclasses.exec``, a module global that ``dataclasses._create_fn`` looks up
before the built-in: it is in place only while one ``frozen_dataclass`` call runs, and serves
only the thread that set it (another thread's dataclasses get the built-in ``exec``).
"""

from __future__ import annotations

import builtins
import dataclasses
import sys
from _thread import RLock, get_ident
from collections.abc import Callable
from types import CodeType
from typing import Any, TypeVar, dataclass_transform, overload

from . import marshal_store

# What the compiled code depends on besides its source text: the Python build (bytecode and
# marshal format) and the flags ``compile`` is given here (bump FLAGS_VERSION when those change).
FLAGS_VERSION = 2
BUILD_KEY = f"{FLAGS_VERSION}|{sys.version}|{sys.implementation.cache_tag}"
MAX_ENTRIES = 2000  # generated methods of statediff's own classes: a few hundred
STORE = marshal_store.MarshalStore("dataclass-code", BUILD_KEY, MAX_ENTRIES)  # source text -> code

T = TypeVar("T")
_NOTHING = object()
_patch_lock = RLock()
_patching_thread: int | None = None  # the thread whose frozen_dataclass call the patch serves


def _exec(source: str | CodeType, globals_: dict[str, Any] | None = None, locals_: dict[str, Any] | None = None, /, **options: Any) -> None:
    """``exec`` for ``dataclasses``: in the patching thread, a source string is compiled once per build."""
    if _patching_thread != get_ident() or not isinstance(source, str) or options:
        builtins.exec(source, globals_, locals_, **options)
        return
    code = STORE.get(source)
    if not isinstance(code, CodeType):
        # The file name dataclasses' own exec gives; dont_inherit: not this module's __future__ flags.
        code = builtins.compile(source, "<string>", "exec", dont_inherit=True)
        STORE.add(source, code)
    builtins.exec(code, globals_, locals_)


@overload
def frozen_dataclass(cls: type[T], /) -> type[T]: ...
@overload
def frozen_dataclass(
    cls: None = None, /, *, init: bool = True, repr: bool = True, eq: bool = True, order: bool = False,
    unsafe_hash: bool = False, match_args: bool = True, kw_only: bool = False, slots: bool = False,
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True)
def frozen_dataclass(
    cls: type[T] | None = None, /, *, init: bool = True, repr: bool = True, eq: bool = True, order: bool = False,  # noqa: A002 - dataclass's own names
    unsafe_hash: bool = False, match_args: bool = True, kw_only: bool = False, slots: bool = False,
) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True, ...)`` with the same options, the generated methods' code cached on disk."""
    options = {"init": init, "repr": repr, "eq": eq, "order": order, "unsafe_hash": unsafe_hash,
               "match_args": match_args, "kw_only": kw_only, "slots": slots}

    def wrap(cls: type[T]) -> type[T]:
        global _patching_thread
        with _patch_lock:  # one patching thread at a time; the same thread may nest
            if _patching_thread == get_ident():
                return dataclasses.dataclass(cls, frozen=True, **options)
            previous = dataclasses.__dict__.get("exec", _NOTHING)
            dataclasses.exec = _exec  # type: ignore[attr-defined]
            _patching_thread = get_ident()
            try:
                return dataclasses.dataclass(cls, frozen=True, **options)
            finally:
                _patching_thread = None
                if previous is _NOTHING:
                    del dataclasses.exec  # type: ignore[attr-defined]
                else:
                    dataclasses.exec = previous  # type: ignore[attr-defined]

    return wrap if cls is None else wrap(cls)
