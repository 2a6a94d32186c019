"""Text pieces the text renderers (terminal, Markdown, GitHub) share: section order and headings, a group's line references, its reflowed words."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Commitment, Status

# The report's reading order: what is gone and what is new first, what stayed last.
SECTIONS: tuple[tuple[Status, str], ...] = (
    (Status.DROPPED, "Dropped"),
    (Status.NEW, "New"),
    (Status.MODIFIED, "Modified"),
    (Status.PERSISTED, "Persisted"),
)


def member_lines(side: str, commitments: list[Commitment], places: bool = True) -> str:
    """Where one side of a change is: "old line 12", "old line 12 (¶5)" in a numbered statement,
    or "new 3 pledges, lines 4, 9". Line numbers locate pledges for a reader; ids stay in the JSON report.
    ``places``: False leaves the numbering out (a one-line item whose numbering did not change)."""
    lines = list(dict.fromkeys(c.line for c in commitments))
    labels = list(dict.fromkeys(c.place.label for c in commitments if c.place is not None)) if places else []
    where = f" ({', '.join(labels)})" if labels else ""  # the statement's own numbering: "old line 12 (¶5)"
    if len(commitments) == 1:
        return f"{side} line {lines[0]}{where}"
    return f"{side} {len(commitments)} pledges, line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}{where}"


def same_places(old: list[Commitment], new: list[Commitment]) -> bool:
    """Both sides stand at the same numbers (or neither is numbered): nothing to say about where."""
    return [c.place for c in old] == [c.place for c in new]


def joined_text(commitments: Iterable[Commitment]) -> str:
    """The words of a group's pledges on one line: pledges can span source lines, reports reflow them."""
    return " ".join(" ".join(c.text.split()) for c in commitments)
