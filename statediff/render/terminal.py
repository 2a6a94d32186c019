"""Terminal renderer: the Report as a styled Rich listing or a stable plain-text one."""

from __future__ import annotations

import re
from typing import TextIO

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..details.types import TopicCount
from ..languages import across_languages, language_name
from ..model import Change, Report, Segmentation, Status
from .console import PipeConsole
from .controls import visible
from .details import change_notes, entity_lines, figure_lines, topic_label, topic_rows
from .items import SECTIONS, joined_text, member_lines, same_places
from .worddiff import word_diff

LAYOUTS = ("rich", "plain")
PLAIN_WIDTH = 80  # the plain layout never follows the terminal, so saved reports and goldens are stable
MAX_RICH_WIDTH = 120  # prose lines much wider than this are hard to read on wide terminals
INDENT = 4
SIDE_BY_SIDE_WIDTH = 110  # the rich layout sets names beside the topic table from this width on
NARROW_TABLE_WIDTH = 50  # below this width the topic table's status headers are shortened ("pers", "mod", "drop")
TOPIC_MIN_WIDTH = 10  # the topic column keeps this much room: its names wrap, they are never only "…"
TABLE_MIN_WIDTH = 36  # narrower, the topic table would drop a column: one line per topic instead

# Each section's item marker and colour (the order and headings are items.SECTIONS).
_MARKERS = {Status.DROPPED: "-", Status.NEW: "+", Status.MODIFIED: "~", Status.PERSISTED: "="}
_COLOURS = {Status.DROPPED: "red", Status.NEW: "green", Status.MODIFIED: "yellow", Status.PERSISTED: "cyan"}
_SUMMARY_ORDER = (Status.PERSISTED, Status.MODIFIED, Status.NEW, Status.DROPPED)
_SHORT_HEADERS = {Status.PERSISTED: "pers", Status.MODIFIED: "mod", Status.NEW: "new", Status.DROPPED: "drop"}
_REMOVED_STYLE = "red strike"
_ADDED_STYLE = "bold green"


def render_terminal(
    report: Report,
    fmt: str,
    color: bool,
    show_all: bool,
    stream: TextIO,
    *,
    notices: bool = True,
    width: int | None = None,
) -> None:
    """Write ``report`` to ``stream`` in the ``rich`` or ``plain`` layout.

    ``color`` is the caller's final decision (flags, NO_COLOR, tty); nothing here second-guesses it.
    ``notices=False`` leaves report.notices out, for callers that print them elsewhere (stderr)."""
    if fmt not in LAYOUTS:
        raise ValueError(f"unknown terminal layout {fmt!r} (expected one of {', '.join(LAYOUTS)})")
    console = PipeConsole(
        file=stream,
        width=width or (PLAIN_WIDTH if fmt == "plain" else None),
        # Without colour Rich must emit no escape codes at all, even on a terminal.
        color_system="standard" if color else None,
        force_terminal=True if color else None,
        no_color=not color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    _Writer(report, console, rich=fmt == "rich", color=color, show_all=show_all).write(notices)


class _Writer:
    """Draws one report; the rich and plain layouts differ only in decoration, never in content."""

    def __init__(self, report: Report, console: Console, *, rich: bool, color: bool, show_all: bool) -> None:
        self.report = report
        self.console = console
        self.rich = rich
        # Without colour the word diff needs visible markers; the plain layout always has them.
        self.markers = not (rich and color)
        self.show_all = show_all
        self.width = min(console.width, MAX_RICH_WIDTH) if rich else console.width
        # Without styles a line is its plain text: written straight to the stream, wrapped by
        # plain_wrap. Through console.print each line cost ~0.2 ms of Rich's per-call work: 10 s
        # for a report of 5,000 pledges a side. (Lines with tabs or breaks still go through Rich.)
        self.stream = console.file if not rich and not color else None
        self.pending: list[Text] = []  # lines for the next console.print (_flush)
        self.old = {c.id: c for c in report.old.commitments}
        self.new = {c.id: c for c in report.new.commitments}

    def write(self, notices: bool) -> None:
        self._header()
        self._overview()
        for status, title in SECTIONS:
            changes = [ch for ch in self.report.changes if ch.status is status]
            if changes:
                self._section(status, title, _MARKERS[status], _COLOURS[status], changes)
        if notices and self.report.notices:
            self._notices()
        self._flush()

    # -- header ---------------------------------------------------------------------------

    def _header(self) -> None:
        if self.rich:
            self._print(Text("statediff report", style="bold"))
        for label, side in (("old", self.report.old), ("new", self.report.new)):
            # A path is printed whole, never wrapped mid-name: it is copied into other commands.
            self._print(Text(f"{label}: ") + Text(side.document.path, style="bold" if self.rich else ""))
            self._wrapped(Text(_side_facts(side)), first=Text(" " * 5), indent=5)
        self._blank()
        summary = self.report.summary()
        line = Text("Summary: " if not self.rich else "")
        for n, status in enumerate(_SUMMARY_ORDER):
            if n:
                line.append(", ")
            line.append(f"{summary[status.value]} {status.value}", style=_COLOURS[status])
        self._wrapped(line, indent=INDENT)

    # -- details overview: topic table, then names and figures on one side only -----------

    def _overview(self) -> None:
        rows = topic_rows(self.report)
        blocks = [(title, notes) for title, notes in (("Names", entity_lines(self.report, self.show_all)),
                                                      ("Figures with no counterpart", figure_lines(self.report))) if notes]
        if not rows and not blocks:
            return
        self._blank()
        if self.rich and rows and blocks and self.width >= SIDE_BY_SIDE_WIDTH:  # names beside the table when there is room
            side = Text()
            for title, notes in blocks:
                side.append(("\n\n" if side else "") + title, style="bold")
                for note in notes:
                    side.append(f"\n{note.label}: ", style="bold")
                    side.append(note.text)
            grid = Table.grid(padding=(0, 4))
            grid.add_column(no_wrap=True)
            grid.add_column(ratio=1)
            grid.add_row(self._topic_table(rows), side)
            self._print_renderable(grid)
            return
        if rows and self.width < TABLE_MIN_WIDTH:  # too narrow for four columns: one line per topic
            self._wrapped(Text("Topics (persisted / modified / new / dropped)", style="bold" if self.rich else ""), indent=2)
            for row in rows:
                self._wrapped(Text(f"{topic_label(row.topic)}: " + " / ".join(str(getattr(row, s.value)) for s in _SUMMARY_ORDER)),
                              first=Text("  "), indent=4)
        elif rows and self.rich:
            self._print_renderable(self._topic_table(rows))
        elif rows:
            widths = [max(len("Topics"), *(len(topic_label(r.topic)) + 2 for r in rows)), *(len(s.value) + 2 for s in _SUMMARY_ORDER)]
            self._print(Text("Topics".ljust(widths[0]) + "".join(s.value.rjust(w) for s, w in zip(_SUMMARY_ORDER, widths[1:], strict=True))))
            for row in rows:
                cells = "".join(str(getattr(row, s.value)).rjust(w) for s, w in zip(_SUMMARY_ORDER, widths[1:], strict=True))
                self._print(Text(("  " + topic_label(row.topic)).ljust(widths[0]) + cells))
        for title, notes in blocks:
            self._blank()
            self._print(Text(title, style="bold" if self.rich else ""))
            for note in notes:
                self._wrapped(Text(note.text), first=Text(f"  {note.label}: ", style="bold" if self.rich else ""), indent=4)

    def _topic_table(self, rows: list[TopicCount]) -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        # Narrow terminals wrap a topic's name rather than cut the status headers ("persi…");
        # narrower still, the headers are shortened so that the topics keep room to be read.
        table.add_column("Topic", style="bold", ratio=1, min_width=TOPIC_MIN_WIDTH, overflow="fold")
        short = self.width < NARROW_TABLE_WIDTH
        for status in _SUMMARY_ORDER:
            header = _SHORT_HEADERS[status] if short else status.value
            table.add_column(header, justify="right", header_style=f"bold {_COLOURS[status]}", no_wrap=True, min_width=len(header))
        for row in rows:
            table.add_row(topic_label(row.topic), *(str(getattr(row, s.value)) for s in _SUMMARY_ORDER))
        return table

    # -- sections -------------------------------------------------------------------------

    def _section(self, status: Status, title: str, marker: str, colour: str, changes: list[Change]) -> None:
        heading = f"{title} ({len(changes)})"
        self._blank()
        if self.rich:
            self._print_renderable(Rule(Text(heading, style=f"bold {colour}"), align="left", style=colour))
        else:
            self._print(Text(heading, style=f"bold {colour}"))
            self._print(Text("=" * len(heading)))
        compact = status is Status.PERSISTED and not self.show_all
        if compact:
            self._blank()
        for change in changes:
            if compact:
                self._compact_item(change, marker, colour)
            else:
                self._blank()
                self._item(change, marker, colour)

    def _item(self, change: Change, marker: str, colour: str) -> None:
        self._wrapped(self._item_head(change, marker, colour), indent=INDENT)
        old_text = joined_text(self.old[cid] for cid in change.old)
        new_text = joined_text(self.new[cid] for cid in change.new)
        if change.old and change.new and across_languages(self.report.old.language, self.report.new.language):
            # Two languages: a word diff would mark every word; each side is shown whole.
            for label, text, style in (("old", old_text, "red"), ("new", new_text, "green")):
                self._wrapped(Text(text, style=style if self.rich else ""), first=Text(f"{' ' * INDENT}{label}: "), indent=INDENT + 2)
        else:
            self._wrapped(self._body(change, old_text, new_text), first=Text(" " * INDENT), indent=INDENT)
        for note in change_notes(change, self.report, "→" if self.rich else "->"):
            self._wrapped(Text(note.text, style="dim" if self.rich else ""), first=Text(f"{' ' * INDENT}{note.label}: "), indent=INDENT + 2)

    def _body(self, change: Change, old_text: str, new_text: str) -> Text:
        """The pledge's text: a word diff of a changed pair, else its one text."""
        if change.old and change.new and old_text != new_text:
            return self._diff_text(old_text, new_text)
        if change.old and change.new:
            return Text(new_text)
        # a whole pledge gone or added reads in its section's colour
        return Text(old_text or new_text, style=_COLOURS[change.status] if self.rich else "")

    def _compact_item(self, change: Change, marker: str, colour: str) -> None:
        line = self._item_head(change, marker, colour, compact=True)
        line.append("  ")
        line.append(joined_text(self.new[cid] for cid in change.new), style="dim" if self.rich else "")
        line.truncate(self.width, overflow="ellipsis")
        self._print(line)

    def _item_head(self, change: Change, marker: str, colour: str, compact: bool = False) -> Text:
        """``compact``: a one-line item, which names its numbering only when it changed ("¶5" → "¶7")."""
        head = Text(marker, style=f"bold {colour}")
        head.append(" ")
        members = [(side, [lookup[cid] for cid in ids]) for side, ids, lookup in (("old", change.old, self.old), ("new", change.new, self.new)) if ids]
        places = not compact or len(members) < 2 or not same_places(members[0][1], members[1][1])
        sides = [member_lines(side, commitments, places) for side, commitments in members]
        head.append(" → ".join(sides) if self.rich else " -> ".join(sides))
        if change.score is not None:
            head.append(f"  score {change.score:.2f}", style="dim" if self.rich else "")
        if change.accepted:  # reviewed through an accept file; the status itself is unchanged
            head.append("  (accepted)", style="bold" if self.rich else "")
        return head

    def _diff_text(self, old_text: str, new_text: str) -> Text:
        text = Text()
        for n, piece in enumerate(word_diff(old_text, new_text)):
            if n and piece.spaced:
                text.append(" ")
            if piece.kind == "removed":
                text.append(f"[-{piece.text}-]" if self.markers else piece.text, style=_REMOVED_STYLE)
            elif piece.kind == "added":
                text.append(f"{{+{piece.text}+}}" if self.markers else piece.text, style=_ADDED_STYLE)
            else:
                text.append(piece.text)
        return text

    def _notices(self) -> None:
        self._blank()
        if self.rich:
            self._print_renderable(Rule(Text("Notices", style="bold"), align="left"))
        else:
            self._print(Text("Notices"))
            self._print(Text("======="))
        for notice in self.report.notices:
            self._wrapped(Text(notice), first=Text("! ", style="bold yellow"), indent=2)

    # -- output primitives ----------------------------------------------------------------

    def _wrapped(self, text: Text, *, first: Text | None = None, indent: int = 0) -> None:
        """Print ``first`` + ``text`` word-wrapped to the width, continuation lines indented by ``indent``."""
        text = _visible(text)
        lead = _visible(first) if first is not None else Text()
        if self.stream is not None and _simple(text.plain) and _simple(lead.plain):
            rows = plain_wrap(text.plain, max(10, self.width - lead.cell_len))
            out = [lead.plain + rows[0]]
            if len(rows) > 1:
                out += [" " * indent + row for row in plain_wrap(" ".join(rows[1:]), max(10, self.width - indent))]
            self.stream.write("\n".join(out) + "\n")
            return
        lines = self._wrap(text, max(10, self.width - lead.cell_len))
        if not lines:
            self._print(lead)
            return
        self._print(lead + _rstrip(lines[0]))
        if len(lines) > 1:
            # The continuation lines have their own width; rewrapping the remainder fills them evenly.
            rest = Text(" ").join(_rstrip(line) for line in lines[1:])
            for line in self._wrap(rest, max(10, self.width - indent)):
                self._print(Text(" " * indent) + _rstrip(line))

    def _wrap(self, text: Text, width: int) -> list[Text]:
        """Text.wrap, styles kept; a simple line is cut where Rich would cut it, without Rich's
        per-call work (justification, truncation: nothing to do on a line that fits)."""
        if _simple(text.plain):
            return list(text.divide(wrap_breaks(text.plain, width)))
        return list(text.wrap(self.console, width))

    def _print(self, text: Text) -> None:
        text = _visible(text)
        if self.stream is not None and _simple(text.plain):
            self.stream.write(text.plain + "\n")
            return
        self.pending.append(text)
        if len(self.pending) >= _BATCH_LINES:
            self._flush()

    def _blank(self) -> None:
        if self.stream is not None:
            self.stream.write("\n")
            return
        self.pending.append(Text())

    def _flush(self) -> None:
        """Print the lines kept so far in one console.print: Rich's work per call (options, size,
        terminal checks) cost ~0.2 ms a line, most of the time of a large report."""
        if self.pending:
            self.console.print(Text("\n").join(self.pending), soft_wrap=True)
            self.pending = []

    def _print_renderable(self, renderable: Table | Rule) -> None:
        self._flush()
        self.console.print(renderable, width=self.width)


_WORD_RUN = re.compile(r"\s*\S+\s*")
_BATCH_LINES = 500  # lines per console.print: few calls, and output that still streams


def wrap_breaks(text: str, width: int) -> list[int]:
    """Where Rich's Text.wrap breaks ``text`` (one line, no tabs) to fit ``width`` cells, without
    Rich's objects: greedy, a word wider than a line folded over several."""
    breaks: list[int] = []
    offset = 0
    for word_match in _WORD_RUN.finditer(text):
        start, word = word_match.start(), word_match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            pieces = chop_cells(word, width)
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = cell_len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def plain_wrap(text: str, width: int) -> list[str]:
    """The lines Rich's Text.wrap makes of ``text``, each stripped at its end (a test checks both
    on random texts)."""
    breaks = wrap_breaks(text, width)
    return [text[a:b].rstrip() for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]


def _visible(text: Text) -> Text:
    """``text`` with the inputs' control characters shown, not obeyed (``controls.visible``)."""
    plain = visible(text.plain)
    if plain is text.plain:
        return text
    shown = text.copy()
    shown.plain = plain  # one character for one: the styles keep their spans
    return shown


def _simple(text: str) -> bool:
    return "\n" not in text and "\t" not in text


def _side_facts(side: Segmentation) -> str:
    facts = [f"{_language(side.language)} ({side.language})", _plural(len(side.commitments), "commitment")]
    document = side.document
    if document.encoding not in ("utf-8", "n/a"):  # n/a: converted formats (docx, pdf) have no one encoding
        facts.append(f"encoding {document.encoding}" + (" (detected)" if document.encoding_detected else ""))
    return ", ".join(facts)


def _language(code: str) -> str:
    try:
        return language_name(code)
    except (FileNotFoundError, ModuleNotFoundError, KeyError):  # a code without a data file still has a name: itself
        return code


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _rstrip(line: Text) -> Text:
    line.rstrip()
    return line
