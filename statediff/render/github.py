"""GitHub Actions renderer: one ::warning or ::error workflow command per dropped, modified or new pledge, up to GitHub's limit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..load import STDIN_NAME
from ..model import WEAKENED, Change, Commitment, Report, Segmentation, Status
from .controls import visible
from .details import change_notes
from .items import joined_text

if TYPE_CHECKING:  # the policy module loads only with --fail-on
    from ..policy import Verdict

_TITLES = {Status.DROPPED: "Dropped pledge", Status.NEW: "New pledge", Status.MODIFIED: "Modified pledge",
           Status.PERSISTED: "Persisted pledge"}
# Line numbers of converted inputs index the extracted text, not the file GitHub shows, so
# annotations on them point at the file as a whole.
_NO_LINES = ("docx", "pdf", "html")


ANNOTATIONS_PER_LEVEL = 10  # GitHub shows at most 10 error and 10 warning annotations of a step


LEVELS = ("error", "warning")


def _annotated(report: Report, verdict: Verdict | None) -> dict[str, list[tuple[Change, bool]]]:
    """The changes to annotate at each level, with whether each is a weakened pledge: a change
    the policy counts is an error, any other change a warning, a persisted one only when the
    policy counts it (a weakened pledge)."""
    reasons = dict(zip(verdict.violations, verdict.reasons, strict=True)) if verdict else {}
    annotated: dict[str, list[tuple[Change, bool]]] = {level: [] for level in LEVELS}
    for index, change in enumerate(report.changes):
        if change.status is Status.PERSISTED and index not in reasons:
            continue
        annotated["error" if index in reasons else "warning"].append((change, reasons.get(index) == WEAKENED))
    return annotated


def annotations_wanted(report: Report, verdict: Verdict | None = None) -> dict[str, int]:
    """How many annotations of each level the report has to show (before GitHub's limit)."""
    return {level: len(changes) for level, changes in _annotated(report, verdict).items()}


def render_github(report: Report, verdict: Verdict | None = None, budget: int | Mapping[str, int] = ANNOTATIONS_PER_LEVEL) -> str:
    """Workflow commands, one per line; a change the policy counts is an ``::error``, any other a ``::warning``.

    Dropped pledges point at the old file's line, new and modified ones at the new file's line.
    ``budget``: annotations this report may use, of each level or per level (GitHub shows
    ANNOTATIONS_PER_LEVEL a step; statediff hook shares them among its reports); past it, the
    last one lists the rest, and a level given 0 shows none. The report's notices follow as
    ``::notice`` lines."""
    old = {c.id: c for c in report.old.commitments}
    new = {c.id: c for c in report.new.commitments}
    lines = []
    for level, changes in _annotated(report, verdict).items():
        allowed = min(budget if isinstance(budget, int) else budget.get(level, 0), ANNOTATIONS_PER_LEVEL)
        if allowed <= 0 or not changes:
            continue
        shown = changes if len(changes) <= allowed else changes[:allowed - 1]
        lines += [_command(level, report, change, old, new, weakened=weakened) for change, weakened in shown]
        if len(shown) < len(changes):  # past GitHub's limit: one annotation lists the others
            more = changes[len(shown):]
            title = f"{len(more)} more {'pledges the policy counts' if level == 'error' else 'changed pledges'}"
            # Named by its pair and put on the new statement: beside statediff hook's other reports,
            # "old line 1" alone could not be traced to a file (found by a new user's review).
            message = (f"GitHub shows {ANNOTATIONS_PER_LEVEL} annotations of a kind per step; the others of "
                       f"{report.old.document.path} → {report.new.document.path}, in the order of the report:\n"
                       + "\n".join(_summary_line(report, change, old, new, weakened=weakened) for change, weakened in more))
            where = f"file={escape_property(report.new.document.path)}," if report.new.document.path != STDIN_NAME else ""
            lines.append(f"::{level} {where}title={escape_property(title)}::{escape_data(message)}")
    # The report's notices ("the statements look unrelated", a language set aside, stale accepted
    # entries) as notice annotations: on stderr alone they reached the log, not the pull request
    # (found by a CI user's review).
    lines += [f"::notice title=statediff::{escape_data(notice)}" for notice in report.notices]
    return "".join(line + "\n" for line in lines)


def _title(change: Change, weakened: bool) -> str:
    """"Dropped pledge", "Modified pledge (score 0.71) (accepted)", "Weakened pledge …"."""
    title = "Weakened pledge" if weakened else _TITLES[change.status]
    if change.score is not None:
        title += f" (score {change.score:.2f})"
    return title + " (accepted)" if change.accepted else title


def _summary_line(report: Report, change: Change, old: dict[str, Commitment], new: dict[str, Commitment], *, weakened: bool) -> str:
    """One line of the annotation that stands for the pledges past GitHub's limit, titled as its own annotation would be."""
    title = _title(change, weakened)
    dropped = change.status is Status.DROPPED
    members, side, seg = ([old[c] for c in change.old], "old", report.old) if dropped else ([new[c] for c in change.new], "new", report.new)
    where = f"{side} line {members[0].line}" if _has_lines(seg) else f"{side} file"  # a converted file's lines are not the file's
    text = joined_text(members)
    return f"{title}, {where}: {text[:SUMMARY_CHARS] + '…' if len(text) > SUMMARY_CHARS else text}"


SUMMARY_CHARS = 120  # of each pledge in the summary annotation


def _command(level: str, report: Report, change: Change, old: dict[str, Commitment], new: dict[str, Commitment], *,
             weakened: bool) -> str:
    old_members = [old[cid] for cid in change.old]
    new_members = [new[cid] for cid in change.new]
    side, members = (report.old, old_members) if change.status is Status.DROPPED else (report.new, new_members)
    title = _title(change, weakened)
    if change.status is Status.DROPPED:
        message = f"Not in {report.new.document.path}: {joined_text(old_members)}"
    elif change.status is Status.NEW:
        message = f"Not in {report.old.document.path}: {joined_text(new_members)}"
    else:
        lines = ", ".join(str(c.line) for c in old_members)
        message = f"Now: {joined_text(new_members)}\nWas ({report.old.document.path} line {lines}): {joined_text(old_members)}"
    # Strength, number and table-row changes are what a reviewer checks first (a row's change is the
    # only one a row-only change has); other details stay in the report.
    message += "".join(f"\n{note.label.capitalize()}: {note.text}" for note in change_notes(change, report, "→")
                       if note.label in ("strength", "numbers", "row", "done"))
    properties: dict[str, str] = {}
    if side.document.path != STDIN_NAME:  # standard input is no file of the repository to point at
        properties["file"] = side.document.path
        if _has_lines(side):
            properties["line"] = str(members[0].line)
    properties["title"] = title
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}"


def error_command(message: str, path: str | None = None) -> str:
    """The ``::error`` command of an error that stopped a comparison (exit code 2), on ``path``
    when the error is about one file of the repository (not standard input)."""
    properties = ([f"file={escape_property(path)}"] if path and path != STDIN_NAME else []) + ["title=statediff error"]
    return f"::error {','.join(properties)}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Escape a workflow command's message: ``%``, CR and LF (``%`` first, so escapes stay
    unambiguous); other control characters are shown as pictures (``controls.visible``)."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a workflow command property value: as data, plus ``:`` and ``,`` that delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _has_lines(side: Segmentation) -> bool:
    return getattr(side.document, "format", "txt") not in _NO_LINES
