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


def member_lines(side: str, commitments: list[Commitment]) -> str:
    """Where one side of a change is: "old line 12", or "new 3 pledges, lines 4, 9". Line numbers
    locate pledges for a reader; ids stay in the JSON report."""
    lines = list(dict.fromkeys(c.line for c in commitments))
    if len(commitments) == 1:
        return f"{side} line {lines[0]}"
    return f"{side} {len(commitments)} pledges, line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"


def joined_text(commitments: Iterable[Commitment]) -> str:
    """The words of a group's pledges on one line: pledges can span source lines, reports reflow them."""
    return " ".join(" ".join(c.text.split()) for c in commitments)
