"""The whole comparison, load → segment → align → classify → details, returning one Report."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import BinaryIO

from .align import DEFAULT_THRESHOLD, align
from .classify import DEFAULT_PERSIST_THRESHOLD, classify
from .details import annotate
from .load import DEFAULT_MAX_BYTES, load
from .model import Document, Report, Segmentation, Settings
from .segment import segment

# Below this many characters in the two inputs together, worker processes cost more than they save.
PARALLEL_MIN_CHARS = 300_000


def _segment_both(
    old_doc: Document, new_doc: Document, language_old: str | None, language_new: str | None, workers: int
) -> tuple[Segmentation, Segmentation]:
    if workers < 2 or len(old_doc.text) + len(new_doc.text) < PARALLEL_MIN_CHARS:
        return segment(old_doc, language_old, id_prefix="o"), segment(new_doc, language_new, id_prefix="n")
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork")) as pool:
        old_future = pool.submit(segment, old_doc, language_old, "o")
        new_future = pool.submit(segment, new_doc, language_new, "n")
        return old_future.result(), new_future.result()


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
    workers: int = 1,
    exhaustive: bool | None = None,
    timings: dict[str, float] | None = None,
) -> Report:
    """Compare two statements given as paths (``-`` for stdin).

    ``workers`` > 1 segments the two statements and scores candidate pairs in parallel
    processes when the input is large; the report is the same whatever ``workers`` is.
    ``timings``, when given, receives the seconds spent in each stage."""
    clock = timings if timings is not None else {}
    started = time.perf_counter()
    old_doc = load(old_path, max_bytes, stdin)
    new_doc = load(new_path, max_bytes, stdin)
    clock["load"] = time.perf_counter() - started
    started = time.perf_counter()
    old, new = _segment_both(old_doc, new_doc, language_old, language_new, workers)
    clock["segment"] = time.perf_counter() - started
    started = time.perf_counter()
    alignment = align(old, new, threshold, progress, workers=workers, exhaustive=exhaustive)
    changes = classify(old, new, alignment, persist_threshold)
    clock["align"] = time.perf_counter() - started
    started = time.perf_counter()
    annotation = annotate(old, new, alignment, changes, threshold, workers=workers)
    clock["details"] = time.perf_counter() - started
    notices = tuple(n for n in (old.language_notice, new.language_notice) if n)
    if old_doc.sha256 == new_doc.sha256:
        notices += ("the two inputs are identical",)
    if old.language != new.language:
        notices += (f"the statements are in different languages ({old.language}, {new.language}); matching across languages relies on shared names only",)
    language = language_old if language_old == language_new and language_old else "auto"
    return Report(old=old, new=new, changes=annotation.changes, settings=Settings(threshold, language or "auto", persist_threshold),
                  notices=notices, topics=annotation.topics, details=annotation.details)
