"""The frozen data types passed between pipeline stages: load → segment → align → classify → report."""

from __future__ import annotations

import bisect
from dataclasses import field
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from . import recache
from .digest import sha256_hex
from .frozen import frozen_dataclass

if TYPE_CHECKING:  # imported for annotations only, never at run time (the details stage's types would load that stage)
    from collections.abc import Mapping

    from .details.types import ChangeDetails, ReportDetails, TopicCount

# The two values of a pledge's strength change (details.types.Strength.change), and --fail-on weakened.
STRENGTHENED = "strengthened"
WEAKENED = "weakened"

_NEWLINE_RE = recache.compile(r"\r\n|\r|\n")


class Status(StrEnum):
    """What happened to a pledge between the old and the new statement."""

    PERSISTED = "persisted"
    MODIFIED = "modified"
    NEW = "new"
    DROPPED = "dropped"


LEFT_OUT_SAMPLES = 3  # blocks of left-out page furniture a notice quotes
LEFT_OUT_SAMPLE_CHARS = 40  # characters of each


@frozen_dataclass
class Document:
    """A decoded input: every offset downstream indexes ``text``."""

    path: str
    text: str  # the extracted plain text (for .txt: the decoded file, BOM removed)
    sha256: str  # of the raw bytes, so a reader can verify which file was compared
    encoding: str  # "n/a" for formats with no single text encoding (docx, pdf)
    encoding_detected: bool  # False when the bytes were plain UTF-8 (with or without BOM)
    format: str = "txt"  # txt | markdown | html | docx | pdf
    text_sha256: str = ""  # of ``text`` as UTF-8; filled in when not given
    # (offset into ``text``, line of the file) from each offset on, when the lines of ``text`` are
    # not the file's (Markdown, rejoined fixed-width cuts); empty: lines are counted in ``text``.
    line_anchors: tuple[tuple[int, int], ...] = ()
    # (start, end) of the lines the source marks as headings (Markdown, HTML, Word styles).
    headings: tuple[tuple[int, int], ...] = ()
    # The text of each block of an HTML page's furniture (menus, comment forms, share buttons,
    # links to other articles) left out of ``text``: never compared, so a notice names it.
    left_out: tuple[str, ...] = ()
    # (start, end) of each cell of each table row of an HTML, .docx or Markdown table, rows of two
    # cells or more: a pledge in one cell carries the figures of the short cells beside it.
    table_rows: tuple[tuple[tuple[int, int], ...], ...] = ()

    def left_out_notice(self) -> str | None:
        """One line naming the page furniture left out of ``text``, or None when there was none."""
        if not self.left_out:
            return None
        blocks = len(self.left_out)
        samples = ", ".join(f"«{block[:LEFT_OUT_SAMPLE_CHARS].rstrip()}{'…' if len(block) > LEFT_OUT_SAMPLE_CHARS else ''}»"
                            for block in self.left_out[:LEFT_OUT_SAMPLES])
        return (f"{self.path}: {blocks} block{'s' if blocks > 1 else ''} of page furniture left out, not compared "
                f"({sum(map(len, self.left_out)):,} characters: menus, comment forms, share buttons, links to other articles): "
                f"{samples}{', …' if blocks > LEFT_OUT_SAMPLES else ''}")

    def __post_init__(self) -> None:
        if not self.text_sha256:
            object.__setattr__(self, "text_sha256", sha256_hex(self.text.encode("utf-8", "surrogatepass")))

    def line_of(self, offset: int) -> int:
        """1-based line number in the file of a character offset (\\n, \\r\\n and a lone \\r each end a line)."""
        if self.line_anchors:
            return self.line_anchors[max(0, bisect.bisect_right(self._anchor_offsets, offset) - 1)][1]
        return bisect.bisect_right(self._line_starts, offset)

    @cached_property
    def _anchor_offsets(self) -> list[int]:
        return [offset for offset, _ in self.line_anchors]

    @cached_property
    def _line_starts(self) -> list[int]:
        # Built once: counting newlines from 0 for every commitment is quadratic on long inputs.
        return [0, *(m.end() for m in _NEWLINE_RE.finditer(self.text))]


@frozen_dataclass
class Place:
    """Where a pledge stands in its statement's own numbering (segment/places.py): article 5,
    paragraph 12, item (a), sub-item (i); None where the statement numbers nothing above it."""

    article: str | None
    paragraph: str | None
    item: str | None
    subitem: str | None = None  # "(i)" under "(a)"
    annex: str | None = None  # "I" under "Annex I", "" under an annex with no number; None in the main text

    @property
    def label(self) -> str:
        """"Art. 5 ¶2(a)", "¶12", "(b)", "¶3(a)(ii)", "Annex I ¶2": how a reader cites it."""
        number = f"¶{self.paragraph}" if self.paragraph else ""
        for level in (self.item, self.subitem):
            if level:
                number += f"({level})"
        annex = None if self.annex is None else f"Annex {self.annex}".rstrip()
        return " ".join(part for part in (annex, f"Art. {self.article}" if self.article else "", number) if part)


@frozen_dataclass
class Commitment:
    """One pledge of one statement; ``text == document.text[start:end]``."""

    id: str
    start: int
    end: int
    text: str
    match_text: str  # what matching reads: the text with attribution tags removed (no subject copied in)
    sentence_start: int  # the sentence this clause was cut from, for context scoring
    sentence_end: int
    line: int
    # A party's report of what it did ("Mexico doubled cocaine seizures", "We implemented mirrored
    # patrols"; in a review, also with a cue word: "We signed a memorandum …", segment.accounts):
    # a pledge of the comparison only when the other statement holds the pledge it carries out
    # (tricky case: done, not dropped; ChangeDetails.deeds); see align.without_unmatched_deeds.
    deed: bool = False
    # A list item's lead-in (start, end), whose predicate the item carries ("The United States and
    # Mexico will:" above "• expand training …"): its negation and modals are the item's too.
    lead: tuple[int, int] | None = None
    # A pledge in a table cell: the (start, end) of the short cells beside it in its row ("2025",
    # "December 2026", "Ministry of Energy"), whose figures are the pledge's ("deadline" column).
    row_cells: tuple[tuple[int, int], ...] = ()
    # Its article, paragraph and item numbers in the statement ("Art. 5 ¶2", "¶12(a)"), when it numbers them.
    place: Place | None = None

    def lead_text(self, text: str) -> str:
        """Its lead-in in single spaces ("" when it has none); ``text``: its document's text."""
        return " ".join(text[self.lead[0]:self.lead[1]].split()) if self.lead else ""

    def row_text(self, text: str) -> str:
        """The table cells beside it, each in single spaces, joined by " | " ("" when none)."""
        return " | ".join(" ".join(text[a:b].split()) for a, b in self.row_cells)


@frozen_dataclass
class Skipped:
    """A span of text that is not reported as a commitment, and why."""

    start: int
    end: int
    # heading | boilerplate | background | aside | courtesy | quotation | not a commitment | outside the statement | other language
    # | list marker | punctuation | participants | deed (a report of what was done that carries out no pledge of the other statement)
    reason: str


@frozen_dataclass
class Segmentation:
    """A document cut into commitments, with everything else accounted for."""

    document: Document
    language: str
    language_notice: str | None
    commitments: tuple[Commitment, ...]
    skipped: tuple[Skipped, ...] = field(default=())


LINKED_BY_SCORE = "score"
LINKED_STANDING_OUT = "stands out"
LINKED_BY_NAMED_BODY = "named body"


@frozen_dataclass
class Link:
    """A matched group: old pledges and new pledges that state the same commitment."""

    old: tuple[int, ...]  # indices into the old segmentation's commitments
    new: tuple[int, ...]
    score: float
    # Why align linked it: LINKED_BY_SCORE (at or above the threshold), LINKED_STANDING_OUT (under
    # it, across languages: align.STANDOUT × both runners-up) or LINKED_BY_NAMED_BODY (under it:
    # each other's best partners naming one body, programme or process of the gazetteer).
    rule: str = LINKED_BY_SCORE


@frozen_dataclass
class Candidate:
    """The best partner of an unmatched pledge: below the threshold, linked to a better-scoring
    pledge, or (``topics_apart``) a pair near the threshold whose pledges share no topic (align.TOPIC_MARGIN)."""

    index: int
    score: float
    topics_apart: bool = False


@frozen_dataclass
class Alignment:
    """The align stage's result: matched groups plus the best candidates of the unmatched pledges.

    The tables are read-only (``Mapping``): a stage that changes an alignment makes a new one."""

    links: tuple[Link, ...]
    nearest_old: Mapping[int, Candidate]  # unmatched old index -> best new candidate
    nearest_new: Mapping[int, Candidate]
    candidates_scored: int = 0  # pairs whose similarity was computed (the cost of alignment)
    ranked_old: Mapping[int, tuple[Candidate, ...]] = field(default_factory=dict)  # old index -> its best new candidates, linked or not
    ranked_new: Mapping[int, tuple[Candidate, ...]] = field(default_factory=dict)


@frozen_dataclass
class Change:
    """One entry of the report: a status over a group of old and new commitment ids."""

    status: Status
    old: tuple[str, ...]
    new: tuple[str, ...]
    score: float | None
    word_similarity: float | None = None  # raw-text similarity behind persisted vs modified
    accepted: bool = False  # reviewed via an accept file: status unchanged, not counted by --fail-on
    details: ChangeDetails | None = None  # strength, numbers, names, topics, match reasons (details stage)


@frozen_dataclass
class Settings:
    """The options that shaped a comparison, echoed in every report."""

    threshold: float
    language: str  # the language asked for both statements (a code), or "auto"
    persist_threshold: float
    # What was asked for each statement ("auto": detected; the detected language is on each side)
    language_old: str = "auto"
    language_new: str = "auto"


@frozen_dataclass
class Report:
    """The single result object every renderer draws from."""

    old: Segmentation
    new: Segmentation
    changes: tuple[Change, ...]
    settings: Settings
    notices: tuple[str, ...] = ()
    topics: tuple[TopicCount, ...] = ()  # changes per status for each topic (details stage)
    details: ReportDetails | None = None  # names and figures found on one side only (details stage)

    def summary(self) -> dict[str, int]:
        counts = {status.value: 0 for status in Status}
        for change in self.changes:
            counts[change.status.value] += 1
        return {key: counts[key] for key in ("persisted", "modified", "new", "dropped")}
