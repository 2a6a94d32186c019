"""The whole comparison, load → segment → align → classify, returning one Report."""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from .align import DEFAULT_THRESHOLD, align
from .classify import DEFAULT_PERSIST_THRESHOLD, classify
from .load import DEFAULT_MAX_BYTES, load
from .model import Report, Settings
from .segment import segment


def compare(
    old_path: str,
    new_path: str,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    persist_threshold: float = DEFAULT_PERSIST_THRESHOLD,
    language_old: str | None = None,
    language_new: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Compare two statements given as paths (``-`` for stdin)."""
    old_doc = load(old_path, max_bytes, stdin)
    new_doc = load(new_path, max_bytes, stdin)
    old = segment(old_doc, language_old, id_prefix="o")
    new = segment(new_doc, language_new, id_prefix="n")
    alignment = align(old, new, threshold, progress)
    changes = classify(old, new, alignment, persist_threshold)
    notices = tuple(n for n in (old.language_notice, new.language_notice) if n)
    if old_doc.sha256 == new_doc.sha256:
        notices += ("the two inputs are identical",)
    if old.language != new.language:
        notices += (f"the statements are in different languages ({old.language}, {new.language}); matching across languages relies on shared names only",)
    language = language_old if language_old == language_new and language_old else "auto"
    return Report(old=old, new=new, changes=changes, settings=Settings(threshold, language or "auto", persist_threshold), notices=notices)
