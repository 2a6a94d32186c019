"""Terminal renderer (interim plain listing; the full Rich report replaces it)."""

from __future__ import annotations

from typing import TextIO

from ..model import Report


def render_terminal(report: Report, fmt: str, color: bool, show_all: bool, stream: TextIO) -> None:
    old = {c.id: c for c in report.old.commitments}
    new = {c.id: c for c in report.new.commitments}
    for change in report.changes:
        stream.write(f"{change.status.value}: {change.score}\n")
        for cid in change.old:
            stream.write(f"  - {old[cid].line}: {old[cid].text}\n")
        for cid in change.new:
            stream.write(f"  + {new[cid].line}: {new[cid].text}\n")
