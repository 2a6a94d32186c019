"""Segmentation renderer: how one statement was cut, every span with its role (statediff segment)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..jsontext import escaped_surrogates
from ..languages import language_name
from ..model import Segmentation
from .controls import visible

_PREVIEW = 110  # characters of a span shown in the table layouts
_PLAIN_WIDTH = 80
_PLAIN_INDENT = 30  # "line" (5), two spaces, role (22), a space
_ROLE_WIDTH = 22


def spans_in_order(seg: Segmentation) -> list[dict[str, Any]]:
    """Commitments and skipped regions in document order, as plain data."""
    text = seg.document.text
    rows = [{"kind": "commitment", "id": c.id, "start": c.start, "end": c.end, "line": c.line, "text": c.text,
             # what the details stage reads as the pledge's too: a list's lead-in, a table row's cells beside it
             **({"lead": {"start": c.lead[0], "end": c.lead[1], "text": text[c.lead[0]:c.lead[1]]}} if c.lead else {}),
             **({"row_cells": [{"start": a, "end": b, "text": text[a:b]} for a, b in c.row_cells]} if c.row_cells else {}),
             **({"place": c.place.label} if c.place else {}),
             **({"deed": True} if c.deed else {})}
            for c in seg.commitments]
    rows += [{"kind": "skipped", "reason": s.reason, "start": s.start, "end": s.end, "line": seg.document.line_of(s.start),
              "text": text[s.start:s.end]} for s in seg.skipped]
    return sorted(rows, key=lambda r: (r["start"], r["end"]))


def render_segmentation_json(seg: Segmentation) -> str:
    data = {
        "path": seg.document.path,
        "sha256": seg.document.sha256,
        "encoding": seg.document.encoding,
        "language": seg.language,
        "commitments": len(seg.commitments),
        "spans": spans_in_order(seg),
    }
    return escaped_surrogates(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _plain_lines(text: str, full: bool) -> list[str]:
    """A span in the plain layout: one line cut to fit 80 columns, or (full) all of it wrapped."""
    import textwrap

    flat = visible(" ".join(text.split()))
    width = _PLAIN_WIDTH - _PLAIN_INDENT
    if full:
        return textwrap.wrap(flat, width, break_long_words=True, break_on_hyphens=False) or [""]
    return [flat if len(flat) <= width else flat[: width - 1] + "…"]


def render_segmentation_text(seg: Segmentation, stream: TextIO, *, rich: bool, color: bool, full: bool) -> None:
    """A table (rich) or a stable plain listing of every span with its role."""
    rows = spans_in_order(seg)
    title = visible(f"{seg.document.path}: {language_name(seg.language)} ({seg.language}), {_count(len(seg.commitments), 'commitment')}, "
                    f"{_count(len(seg.skipped), 'skipped span')}")

    def shown(text: str) -> str:
        flat = visible(" ".join(text.split()))
        return flat if full or len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"

    if not rich:
        import textwrap

        stream.write("\n".join(textwrap.wrap(title, _PLAIN_WIDTH, subsequent_indent="  ", break_on_hyphens=False)) + "\n\n")
        for row in rows:
            role = _role(row) if row["kind"] == "commitment" else f"skip: {row['reason']}"
            # (a role longer than its column, "skip: outside the statement", puts its text on the next line: 80 columns)
            head = f"{row['line']:>5}  {role:<22} " if len(role) <= _ROLE_WIDTH else f"{row['line']:>5}  {role}\n{'':{_PLAIN_INDENT}}"
            stream.write(head + f"\n{'':{_PLAIN_INDENT}}".join(_plain_lines(row["text"], full)) + "\n")
            for note in _context_notes(row):
                stream.write(f"{'':{_PLAIN_INDENT - 2}}  " + f"\n{'':{_PLAIN_INDENT}}".join(_plain_lines(note, full)) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    from .console import PipeConsole

    console = PipeConsole(file=stream, force_terminal=color, no_color=not color, highlight=False)
    table = Table(title=title, show_lines=False, expand=True)
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("role", no_wrap=True)
    table.add_column("text", overflow="fold")
    for row in rows:
        # Text objects, not markup strings: statements contain brackets ("[bookmark: _GoBack]").
        if row["kind"] == "commitment":
            cell = Text(shown(row["text"]))
            for note in _context_notes(row):
                cell.append("\n" + shown(note), style="dim italic")
            table.add_row(str(row["line"]), Text(_role(row), style="bold green"), cell)
        else:
            table.add_row(str(row["line"]), Text(row["reason"], style="dim"), Text(shown(row["text"]), style="dim"))
    console.print(table)


def _role(row: dict[str, Any]) -> str:
    """A commitment's id and its place in the statement's numbering: "c3 Art. 1 ¶2(a)"."""
    return f"{row['id']} {row['place']}" if "place" in row else row["id"]


def _context_notes(row: dict[str, Any]) -> list[str]:
    """What a commitment carries from beside it (its list's lead-in, its table row's cells), and
    whether it reports a deed."""
    notes = [f"lead-in: {row['lead']['text']}"] if "lead" in row else []
    if "row_cells" in row:
        notes.append("row: " + " | ".join(cell["text"] for cell in row["row_cells"]))
    if row.get("deed"):  # (compared, set aside unless it carries out a pledge of the other statement)
        notes.append("deed: set aside unless it carries out a pledge")
    return notes


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
