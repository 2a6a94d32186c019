"""Frozen dataclasses whose generated methods are compiled once per installation, not in every run.

``dataclasses`` (Python 3.11) writes the source of each generated method (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) and compiles it with
``exec``: for statediff's ~50 frozen dataclasses that is ~25 ms of every run, about a fifth of a
small comparison. ``frozen_dataclass`` is ``dataclass(frozen=True)`` whose ``exec`` takes the
compiled code of that exact source from one marshal file in the data cache folder
(``statediff.data.cache_dir``), keyed by the Python build. The classes are the same: the cache
holds what ``compile`` made of the same text, and without a cache folder the source is compiled
as usual.
"""

from __future__ import annotations

import builtins
import dataclasses
import sys
from collections.abc import Callable
from types import CodeType
from typing import Any, TypeVar, dataclass_transform, overload

from . import marshal_store

# marshal's format and the bytecode both belong to one Python build.
ENGINE = f"1|{sys.version}|{sys.implementation.cache_tag}"
MAX_ENTRIES = 2000  # generated methods of statediff's own classes: a few hundred
STORE = marshal_store.MarshalStore("dataclass-code", ENGINE, MAX_ENTRIES)  # source text -> code

T = TypeVar("T")


def _exec(source: str | CodeType, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:  # noqa: A002 - exec's own names
    """``exec`` for ``dataclasses``: a source string is compiled once per installation."""
    if isinstance(source, str):
        code = STORE.get(source)
        if not isinstance(code, CodeType):
            code = builtins.compile(source, "<string>", "exec")  # the file name dataclasses' own exec gives
            STORE.add(source, code)
        source = code
    builtins.exec(source, globals, locals)


@overload
def frozen_dataclass(cls: type[T], /) -> type[T]: ...
@overload
def frozen_dataclass(cls: None = None, /, **options: Any) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True)
def frozen_dataclass(cls: type[T] | None = None, /, **options: Any) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True, **options)``, with the generated methods' code cached on disk."""

    def wrap(cls: type[T]) -> type[T]:
        # dataclasses._create_fn calls ``exec`` by name: a module global of that name comes first.
        dataclasses.exec = _exec  # type: ignore[attr-defined]
        try:
            return dataclasses.dataclass(cls, frozen=True, **options)
        finally:
            dataclasses.__dict__.pop("exec", None)

    return wrap if cls is None else wrap(cls)
