"""The whole comparison, load → segment → align → classify → details, returning one Report."""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from . import memory
from .align import DEFAULT_THRESHOLD, align, with_echoes, without_unmatched_deeds
from .classify import DEFAULT_PERSIST_THRESHOLD, classify
from .details import annotate
from .details.annotate import facts_with_pledges, proper_names, side_facts, with_ids_renamed
from .details.why import TermIndex
from .gcpause import gc_paused
from .languages import NEUTRAL, across_languages, detect_language, language_name, language_runs, language_shares
from .load import DEFAULT_MAX_BYTES, load
from .model import Change, Document, Report, Segmentation, Settings, Status
from .segment import segment

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from .details.annotate import SideFacts

# Below this many characters in the two inputs together, worker processes cost more than they save.
PARALLEL_MIN_CHARS = 300_000
# At most this share of matched pledges on both sides (each with at least UNRELATED_MIN_PLEDGES),
# the two statements are most likely not versions of one statement: measured, unrelated seeds
# against the 8th JSPG text match 0 % and 6 % (a third, sharing generic UN/OIC pledges, 44 %: no
# notice), real successive pairs 15-100 % (US-India 19 % / 15 %).
UNRELATED_SHARE = 0.10
# Across two languages the link floor is lower and stray links more common: unrelated pairs
# (the seed texts and a Swedish one against the English corpus) match 0-14 % of the shorter
# side's pledges, the 7th JSPG text in Russian against the 8th in Kazakh 23 %, translations 45-90 %.
UNRELATED_SHARE_ACROSS = 0.15
UNRELATED_MIN_PLEDGES = 5
# From this many characters a side, align will most likely take the sparse-matrix path (about a
# thousand pledges a side, a million pairs).
SPARSE_LIKELY_CHARS = 150_000


def _segment_both(
    old_doc: Document, new_doc: Document, language_old: str | None, language_new: str | None, workers: int
) -> tuple[Segmentation, Segmentation, _SideReaders | None]:
    """Both segmentations; for large inputs and ``workers`` > 1, segmented in two forked
    processes that then read the details stage's facts of their statement (``_SideReaders``)."""
    prefer_old, prefer_new = _part_to_read(old_doc, new_doc, language_new), _part_to_read(new_doc, old_doc, language_old)
    if workers < 2 or len(old_doc.text) + len(new_doc.text) < PARALLEL_MIN_CHARS:
        return (segment(old_doc, language_old, id_prefix="o", prefer=prefer_old),
                segment(new_doc, language_new, id_prefix="n", prefer=prefer_new), None)
    readers = _SideReaders(old_doc, new_doc, (language_old, prefer_old), (language_new, prefer_new))
    if min(len(old_doc.text), len(new_doc.text)) >= SPARSE_LIKELY_CHARS:
        from . import sparse

        # Imports numpy/scipy (~0.3 s) while this process waits for the workers. A Ctrl-C that
        # lands inside an import can be swallowed by importlib ("Exception ignored in … cb"), so it
        # is held until the import is done and delivered right after.
        with _interrupts_held():
            sparse.available()
    try:
        old, new = readers.segmentations()
    except _WorkerLost:  # killed (out of memory, a signal): do the work here instead
        readers.close()
        return (segment(old_doc, language_old, id_prefix="o", prefer=prefer_old),
                segment(new_doc, language_new, id_prefix="n", prefer=prefer_new), None)
    except BaseException:
        readers.close()
        raise
    return old, new, readers


def _part_to_read(doc: Document, other: Document, other_language: str | None) -> str | None:
    """For a statement in two languages, the language of the other statement (given or detected),
    so that a Russian text is compared with the Russian part of a Russian-and-Kazakh page."""
    if not language_runs(doc.text):
        return None
    if other_language and other_language != "auto":
        return other_language
    shares = language_shares(language_runs(other.text))
    return next(iter(shares)) if shares else detect_language(other.text)


def _same_lines(old_text: str, new_text: str) -> bool:
    """Whether two texts differ only in their line endings (\r\n, \r, \n)."""
    if "\r" not in old_text and "\r" not in new_text:
        return False
    return old_text.replace("\r\n", "\n").replace("\r", "\n") == new_text.replace("\r\n", "\n").replace("\r", "\n")


SAME_WORDS_PROBE = 4000  # characters of each text compared first: most different texts differ there


def _same_words(old_text: str, new_text: str) -> bool:
    """Whether two texts differ only in white space (a .docx or .html of a .txt: blank lines, spaces)."""
    old_head, new_head = old_text[:SAME_WORDS_PROBE].split()[:-1], new_text[:SAME_WORDS_PROBE].split()[:-1]  # (the last may be cut)
    shorter = min(len(old_head), len(new_head))
    if old_head[:shorter] != new_head[:shorter]:
        return False
    return old_text.split() == new_text.split()


def one_text(old: Segmentation, new: Segmentation) -> Segmentation:
    """``new``, holding the very string object of ``old``'s text when the two texts are equal.
    The details stage memoises its work per (text, start, end): equal texts held as two objects
    (two loads, or two worker processes) make each look-up of one side compare the whole text
    with the other's: a 4.7 MB statement compared with itself took 23 s, four times as long as
    against half of itself (now 6 s)."""
    old_doc, new_doc = old.document, new.document
    if new_doc.text is old_doc.text or new_doc.text_sha256 != old_doc.text_sha256 or new_doc.text != old_doc.text:
        return new
    return dataclasses.replace(new, document=dataclasses.replace(new_doc, text=old_doc.text))


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT and SIGTERM blocked in this thread while forking: one sent meanwhile is delivered
    here right after (not lost), and the children start with them blocked until they have their
    own handling (SIGINT ignored, SIGTERM ending them at once, not the parent's handler)."""
    import signal

    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _WorkerLost(Exception):
    """A _SideReaders process ended without sending what it was asked for."""


class _SideReaders:
    """One forked process per statement, each segmenting its statement and sending the
    segmentation back; the old statement's process is then sent the new segmentation and reads
    the details facts of both statements (``details.annotate.side_facts``) while this process
    aligns: two busy processes on two cores (a third, the new statement's reader, measured
    slower: it competed with the alignment for the cores)."""

    def __init__(self, old_doc: Document, new_doc: Document, old_reading: tuple[str | None, str | None],
                 new_reading: tuple[str | None, str | None]) -> None:
        """``old_reading``, ``new_reading``: (language, prefer) as ``segment`` takes them."""
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.pipes: list[Connection] = []
        self.processes: list[Any] = []
        with _interrupts_held():  # no moment in which a Ctrl-C reaches a worker before it ignores it
            for doc, (language, prefer), prefix in ((old_doc, old_reading, "o"), (new_doc, new_reading, "n")):
                here, there = context.Pipe()
                process = context.Process(target=_read_side, args=(there, doc, language, prefer, prefix), daemon=True)
                process.start()
                there.close()
                self.pipes.append(here)
                self.processes.append(process)

    def segmentations(self) -> tuple[Segmentation, Segmentation]:
        old, new = (_received(pipe, process) for pipe, process in zip(self.pipes, self.processes, strict=True))
        try:
            self.pipes[0].send(new)
        except OSError as error:
            raise _WorkerLost from error
        return old, new

    def facts(self) -> tuple[SideFacts, SideFacts] | None:
        """The two statements' facts, or None when the process could not make or send them (the
        details stage then reads them itself, and meets any error there)."""
        try:
            return _received(self.pipes[0], self.processes[0])  # type: ignore[no-any-return]
        except Exception:
            return None
        finally:
            self.close()

    def close(self) -> None:
        """Stop listening and end the processes (at once: whatever they still do is not needed)."""
        for pipe in self.pipes:
            pipe.close()
        for process in self.processes:
            if process.is_alive():
                process.terminate()
            process.join()


def _received(pipe: Connection, process: Any) -> Any:
    """What the process sends on the pipe, raising its error; _WorkerLost if it dies first."""
    try:
        while not pipe.poll(0.5):
            if not process.is_alive() and not pipe.poll():
                raise _WorkerLost(f"exit code {process.exitcode}")
        ok, value = pipe.recv()
    except (EOFError, OSError) as error:
        raise _WorkerLost from error
    if not ok:
        raise value
    return value


def _read_side(pipe: Connection, doc: Document, language: str | None, prefer: str | None, prefix: str) -> None:
    """The body of a _SideReaders process: segment, send; the old side's then reads the facts."""
    import signal

    from .details.annotate import proper_names, side_facts

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: it ends this one
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the main process ends this one with SIGTERM: no handler of its
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})  # blocked by _interrupts_held at the fork

    try:
        try:
            seg = segment(doc, language, id_prefix=prefix, prefer=prefer)
        except Exception as error:
            pipe.send((False, error))
            return
        pipe.send((True, seg))
        if prefix != "o":
            return
        new = one_text(seg, pipe.recv())
        try:
            proper = proper_names((seg.document.text, seg.language), (new.document.text, new.language))
            facts = (side_facts(seg, proper), side_facts(new, proper))
        except Exception as error:
            pipe.send((False, error))
            return
        pipe.send((True, facts))
    except (EOFError, OSError):  # the parent stopped listening
        pass
    finally:
        pipe.close()


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
    stage: Callable[[str], None] | None = None,
    workers: int = 1,
    exhaustive: bool | None = None,
    timings: dict[str, float] | None = None,
) -> Report:
    """Compare two statements given as paths (``-`` for stdin).

    ``workers`` > 1 segments the two statements and scores candidate pairs in parallel
    processes when the input is large; the report is the same whatever ``workers`` is.
    ``progress(done, total)`` follows the scoring of candidate pairs and ``stage(name)`` is told
    when each stage starts (both for a progress display). ``timings``, when given, receives the
    seconds spent in each stage."""
    with gc_paused():
        return _compare(old_path, new_path, threshold, persist_threshold, language_old, language_new, max_bytes, stdin,
                        progress, stage or _no_stage, workers, exhaustive, timings if timings is not None else {})


def _no_stage(name: str) -> None:
    pass


DEED_LINES_NAMED = 5  # line numbers a deed notice names


def _notices(old_doc: Document, new_doc: Document, old: Segmentation, new: Segmentation, changes: tuple[Change, ...],
             threshold: float, echo_lines: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())) -> tuple[str, ...]:
    """What a reader should know beside the report, in a fixed order: languages and text left
    out, inputs that are the same text, a comparison across languages, spans read as pledges
    because they restate one of the other statement's (``echo_lines``: their lines on each side),
    deeds set aside, repeated pledges, details a language's data cannot read, and a pair that
    looks unrelated."""
    notices = tuple(dict.fromkeys(n for n in (old.language_notice, new.language_notice, old_doc.left_out_notice(), new_doc.left_out_notice())
                                  if n))  # one file twice: one notice
    if old_doc.sha256 == new_doc.sha256:
        notices += ("the two inputs are identical",)
    elif old_doc.text_sha256 == new_doc.text_sha256:
        notices += ("the two inputs hold the same text (in different encodings or formats)",)
    elif _same_lines(old_doc.text, new_doc.text):
        notices += ("the two inputs hold the same text (with different line endings)",)
    elif _same_words(old_doc.text, new_doc.text):
        notices += ("the two inputs hold the same text, apart from spacing and line breaks (in different formats or layouts)",)
    if old.language != new.language:
        if NEUTRAL in (old.language, new.language):
            other = new.language if old.language == NEUTRAL else old.language
            notices += (f"one statement is read with language-neutral rules, the other as {language_name(other)}; "
                        "matching across them relies on shared words and names only",)
        else:
            # A cross-language pair links from a lower score when it stands out (align.py).
            notices += (f"the statements are in different languages ({old.language}, {new.language}); matching across "
                        "languages relies on shared names, figures and related words (as in English \"migration\", "
                        "Spanish \"migración\"): reliable between translations in related languages, weak otherwise; "
                        "pledge strength is not compared across languages (a negation gained or lost is), and names are compared only "
                        "where the gazetteer knows both spellings",)
    notices += _echo_notices(echo_lines)
    notices += _deed_notices(old, new)
    notices += _repeat_notices(old, new)
    notices += _unread_notices(old.language, new.language)
    notices += _unrelated_notice(old, new, changes, threshold)
    return notices


def _added_lines(segmented: Segmentation, read: Segmentation) -> tuple[int, ...]:
    """The lines of the pledges of ``read`` that ``segmented`` did not hold (``align.with_echoes``)."""
    if len(read.commitments) == len(segmented.commitments):
        return ()
    held = {(c.start, c.end) for c in segmented.commitments}
    return tuple(c.line for c in read.commitments if (c.start, c.end) not in held)


def _echo_notices(echo_lines: tuple[tuple[int, ...], tuple[int, ...]]) -> tuple[str, ...]:
    """A notice per side with spans that segmentation read as no pledge and that were compared
    as pledges because each restates an unmatched pledge of the other statement (``align.with_echoes``):
    "statediff segment" does not list them, so the report says why they are there."""
    notices = []
    for side, other, lines in (("old", "new", echo_lines[0]), ("new", "old", echo_lines[1])):
        if lines:
            named = ", ".join(map(str, lines[:DEED_LINES_NAMED])) + (", …" if len(lines) > DEED_LINES_NAMED else "")
            what = "sentence" if len(lines) == 1 else "sentences"
            one = len(lines) == 1
            notices.append(f"{side} statement: {len(lines)} {what} read as no pledge (line{'' if one else 's'} {named}) "
                           f"closely restate{'s' if one else ''} an unmatched pledge of the {other} statement and "
                           f"{'is' if one else 'are'} compared as {'a pledge' if one else 'pledges'} "
                           + ("(a cue word lost, as \"shall\" turned \"may\", or a pledge reported done)" if side == "new"
                              else "(a cue word gained, as \"may\" turned \"shall\")"))
    return tuple(notices)


def _deed_notices(old: Segmentation, new: Segmentation) -> tuple[str, ...]:
    """A notice per side whose reports of what was done link to nothing (``align.without_unmatched_deeds``):
    set aside, not counted as new or dropped, but said, so that none goes unseen."""
    notices = []
    for side, seg, other, status in (("old", old, "new", "dropped"), ("new", new, "old", "new")):
        lines = list(dict.fromkeys(seg.document.line_of(s.start) for s in seg.skipped if s.reason == "deed"))
        if lines:
            named = ", ".join(map(str, lines[:DEED_LINES_NAMED])) + (", …" if len(lines) > DEED_LINES_NAMED else "")
            count = sum(1 for s in seg.skipped if s.reason == "deed")
            what = "report of what was done" if count == 1 else "reports of what was done"
            notices.append(f"{side} statement: {count} {what} (line{'s' if len(lines) > 1 else ''} {named}) "
                           f"carr{'ies' if count == 1 else 'y'} out no pledge of the {other} statement; set aside, "
                           f"not counted as {status} (listed as skipped 'deed' in --format json)")
    return tuple(notices)


def _repeat_notices(old: Segmentation, new: Segmentation) -> tuple[str, ...]:
    """A notice per side that repeats many of its pledges word for word (REPEATED_MIN of them, and
    REPEATED_SHARE of the side): a text pasted twice, or a page that holds the article twice. Each
    copy is compared on its own, so the second shows as new (or dropped) pledges; the notice says
    why (found by a new user's review: 35 new pledges and exit 1, with nothing to say so)."""
    notices = []
    for side, seg in (("old", old), ("new", new)):
        seen: set[str] = set()
        repeats = []
        for c in seg.commitments:
            key = " ".join(c.text.split())
            if key in seen:
                repeats.append(c)
            seen.add(key)
        if len(repeats) >= max(REPEATED_MIN, REPEATED_SHARE * len(seg.commitments)):
            notices.append(f"{side} statement: {len(repeats)} of its {len(seg.commitments)} pledges repeat an earlier one word for word "
                           f"(the first at line {repeats[0].line}): a text pasted twice? Each copy is compared on its own")
    return tuple(notices)


REPEATED_MIN = 3
REPEATED_SHARE = 0.2


def _unread_notices(*languages: str) -> tuple[str, ...]:
    """A notice per language whose pledge strength or topics the details stage cannot read,
    so that an empty topic table or a --fail-on weakened that never fires is not a surprise."""
    from .details.annotate import unread_details

    notices = []
    for language in dict.fromkeys(languages):
        missing = unread_details(language)
        if missing:
            if language == NEUTRAL:
                notices.append(f"{' and '.join(missing)} not read with language-neutral rules")
            else:
                notices.append(f"{' and '.join(missing)} not read in {language_name(language)} statements (no data file yet)")
    return tuple(notices)


def _unrelated_notice(old: Segmentation, new: Segmentation, changes: tuple[Change, ...], threshold: float) -> tuple[str, ...]:
    """A notice when so few pledges matched on either side that the inputs look unrelated (two
    different statements, or a wrong file), so that a report of nearly everything dropped and
    new is not read as a rewrite."""
    n_old, n_new = len(old.commitments), len(new.commitments)
    if min(n_old, n_new) < UNRELATED_MIN_PLEDGES:
        return ()
    matched_old = {i for c in changes if c.status in (Status.PERSISTED, Status.MODIFIED) for i in c.old}
    matched_new = {i for c in changes if c.status in (Status.PERSISTED, Status.MODIFIED) for i in c.new}
    # (Across languages too: the weak-matching notice alone left a new user reading a stray link
    # between unrelated texts as a comparison.)
    share = UNRELATED_SHARE_ACROSS if across_languages(old.language, new.language) else UNRELATED_SHARE
    if len(matched_old) > share * n_old or len(matched_new) > share * n_new:
        return ()
    at = "" if threshold == DEFAULT_THRESHOLD else f" at --threshold {threshold:g}"  # a strict threshold of the user's
    return (f"the statements look unrelated: {len(matched_old)} of {n_old} old and {len(matched_new)} of {n_new} new pledges "
            f"matched{at}; check that they are two versions of one statement",)


def _facts_of(facts: SideFacts, read: Segmentation, kept_seg: Segmentation, kept: tuple[int, ...]) -> SideFacts:
    """``facts`` of ``read`` for ``kept_seg``, its pledges at ``kept`` numbered again: each finding
    carries its pledge's new id, or none in a pledge set aside (text between pledges, as a
    heading's). The text's names and figures stay whole."""
    renamed = {read.commitments[k].id: kept_seg.commitments[n].id for n, k in enumerate(kept) if n != k}
    gone = {c.id for c in read.commitments} - {read.commitments[k].id for k in kept}
    renamed.update(dict.fromkeys(gone, ""))
    pledges = []
    for k in kept:
        pledge = facts.pledges[k]
        numbers, entities = with_ids_renamed(pledge.numbers, renamed), with_ids_renamed(pledge.entities, renamed)
        pledges.append(pledge if numbers is pledge.numbers and entities is pledge.entities
                       else dataclasses.replace(pledge, numbers=numbers, entities=entities))
    return dataclasses.replace(facts, pledges=tuple(pledges), all_numbers=with_ids_renamed(facts.all_numbers, renamed),
                               all_entities=with_ids_renamed(facts.all_entities, renamed))


def _compare(
    old_path: str,
    new_path: str,
    threshold: float,
    persist_threshold: float,
    language_old: str | None,
    language_new: str | None,
    max_bytes: int,
    stdin: BinaryIO | None,
    progress: Callable[[int, int], None] | None,
    stage: Callable[[str], None],
    workers: int,
    exhaustive: bool | None,
    clock: dict[str, float],
) -> Report:
    stage("reading")
    started = time.perf_counter()
    old_doc = load(old_path, max_bytes, stdin)
    new_doc = load(new_path, max_bytes, stdin)
    clock["load"] = time.perf_counter() - started
    stage("segmenting")
    started = time.perf_counter()
    old, new, readers = _segment_both(old_doc, new_doc, language_old, language_new, workers)
    new = one_text(old, new)
    clock["segment"] = time.perf_counter() - started
    try:
        # Before the stages whose memory grows with the pledges: refused now, not killed halfway.
        memory.check(len(old.commitments) + len(new.commitments))
        started = time.perf_counter()
        # While a reader process works on the details facts, it holds one of the ``workers``.
        align_workers = max(1, workers - 1) if readers else workers
        stage("aligning")
        alignment = align(old, new, threshold, progress, workers=align_workers, exhaustive=exhaustive)
        segmented = old, new
        old, new, alignment = with_echoes(old, new, alignment, threshold)
        read_old, read_new = old, new
        old, new, alignment, kept_old, kept_new = without_unmatched_deeds(old, new, alignment)
        changes = classify(old, new, alignment, persist_threshold)
        clock["align"] = time.perf_counter() - started
        stage("reading details")
        started = time.perf_counter()
        # The details stage's term index is made while the worker may still be reading facts.
        terms = TermIndex(old, new) if readers else None
        facts = readers.facts() if readers else None
        # (by identity: the stages return the statements they were given when they change nothing)
        echoed = read_old is not segmented[0] or read_new is not segmented[1]
        if echoed or old is not read_old or new is not read_new:
            # The facts of the statements as segmented (the readers' too), whatever the workers:
            # with the echoes' read and added, renamed to the kept pledges' ids when deeds were set aside.
            proper = proper_names((old_doc.text, old.language), (new_doc.text, new.language)) if facts is None or echoed else frozenset()
            if facts is None:
                facts = (side_facts(segmented[0], proper), side_facts(segmented[1], proper))
            if echoed:
                facts = (facts_with_pledges(facts[0], segmented[0], read_old, proper),
                         facts_with_pledges(facts[1], segmented[1], read_new, proper))
            facts = (_facts_of(facts[0], read_old, old, kept_old), _facts_of(facts[1], read_new, new, kept_new))
    finally:
        if readers:
            readers.close()
    annotation = annotate(old, new, alignment, changes, threshold, facts=facts, terms=terms, persist_threshold=persist_threshold)
    clock["details"] = time.perf_counter() - started
    notices = _notices(old_doc, new_doc, old, new, annotation.changes, threshold, (_added_lines(segmented[0], read_old), _added_lines(segmented[1], read_new)))
    language = language_old if language_old == language_new and language_old else "auto"
    settings = Settings(threshold, language or "auto", persist_threshold, language_old or "auto", language_new or "auto")
    return Report(old=old, new=new, changes=annotation.changes, settings=settings,
                  notices=notices, topics=annotation.topics, details=annotation.details)
