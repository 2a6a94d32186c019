"""Markdown renderer: the Report as a pull-request comment (title, summary table, collapsible sections)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from typing import Any

from ..languages import across_languages
from ..model import Change, Commitment, Report, Status
from .controls import visible
from .details import change_notes, entity_lines, figure_lines, topic_label, topic_rows
from .items import SECTIONS, joined_text, member_lines
from .worddiff import word_diff

# GitHub refuses a comment body longer than this many characters; the report is cut to fit.
COMMENT_LIMIT = 65_536
LIMIT_RESERVE = 2_000  # characters kept for the "… more not shown" lines and the section wrappers
OVERVIEW_SHARE = 0.25  # of the limit, at most, for the names and figures found on one side only
NOTICE_MAX_CHARS = 2_000  # a notice longer than this is cut (they are short; a limit all the same)
# When the report must be cut, these sections take turns, one item each, for the room (what a
# reviewer acts on); persisted pledges get what is left after them.
_KEEP_FIRST = ((Status.MODIFIED, Status.DROPPED, Status.NEW), (Status.PERSISTED,))
# Characters that Markdown (GitHub flavour) would read as formatting inside a list item.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def render_markdown(report: Report, show_all: bool = False, limit: int = COMMENT_LIMIT, policy: dict[str, Any] | None = None) -> str:
    """The whole report as GitHub-flavoured Markdown, ending in one newline; ``show_all``: every
    name that appeared or vanished (every pledge is listed in full whatever it is). A report
    longer than ``limit`` characters (a GitHub comment's maximum) lists the names and figures
    found on one side only, and the pledges of each section, that fit (modified, dropped and new
    taking turns, then persisted; a pledge too long to fit is passed over, not the rest with
    it), and says how many more there are and where to read them all. ``policy``: the --fail-on
    verdict (``policy.verdict_json``), said under the summary table."""
    old = {c.id: c for c in report.old.commitments}
    new = {c.id: c for c in report.new.commitments}
    head = [
        f"## statediff: {_code(report.old.document.path)} → {_code(report.new.document.path)}",
        "",
        f"Old: {_side_facts(report.old.language, len(report.old.commitments))} · "
        f"new: {_side_facts(report.new.language, len(report.new.commitments))}",
        "",
        *_summary_table(report),
        *_policy_line(policy),
        *_overview(report, show_all, int(limit * OVERVIEW_SHARE)),
    ]
    tail = ["", "**Notices**", "", *(f"- {_escape(notice[:NOTICE_MAX_CHARS])}" for notice in report.notices)] if report.notices else []
    items = {status: [_item(ch, old, new, report) for ch in report.changes if ch.status is status] for status, _ in SECTIONS}
    shown = {status: list(range(len(found))) for status, found in items.items()}
    fixed = len("\n".join(head + tail)) + 1
    if fixed + sum(len(item) + 1 for found in items.values() for item in found) + LIMIT_RESERVE > limit:
        shown = _fitting(items, limit - fixed - LIMIT_RESERVE)
    parts = list(head)
    for status, title in SECTIONS:
        changes = [ch for ch in report.changes if ch.status is status]
        if not changes:
            continue
        accepted = sum(ch.accepted for ch in changes)
        note = f", {accepted} accepted" if accepted else ""
        parts += ["", "<details>", f"<summary><b>{title} ({len(changes)}{note})</b></summary>", ""]
        parts += [items[status][k] for k in shown[status]]
        if len(shown[status]) < len(changes):
            parts.append(f"- *… {len(changes) - len(shown[status])} more not shown: a GitHub comment holds at most {limit:,} characters; "
                         "`--format plain` or `--format json` lists them all*")
        parts += ["", "</details>"]
    return "\n".join(parts + tail) + "\n"


def _fitting(items: dict[Status, list[str]], budget: int) -> dict[Status, list[int]]:
    """Which items of each section fit in ``budget`` characters: the sections of each turn of
    ``_KEEP_FIRST`` take one item each in turn, in reading order; an item too long for what is
    left is passed over and the section goes on."""
    shown: dict[Status, list[int]] = {status: [] for status in items}
    for turn in _KEEP_FIRST:
        at = dict.fromkeys(turn, 0)
        while any(at[status] < len(items[status]) for status in turn):
            for status in turn:
                if at[status] < len(items[status]):
                    size = len(items[status][at[status]]) + 1
                    if size <= budget:
                        budget -= size
                        shown[status].append(at[status])
                    at[status] += 1
    return shown


def _policy_line(policy: dict[str, Any] | None) -> list[str]:
    """Whether the comparison passed its --fail-on policy, and what violated it: the reason a CI
    job is red, where the reviewer reads the report (found by a new user's review: only stderr said)."""
    if policy is None:
        return []
    flag = f"`--fail-on {','.join(policy['fail_on'])}`" + (f" `--min-score {policy['min_score']}`" if policy["min_score"] is not None else "")
    counts = Counter(v["reason"] for v in policy["violations"])
    left_out = [f"{n} {what}" for n, what in ((policy["accepted"], "accepted"), (policy["below_min_score"], "below --min-score")) if n]
    aside = f" ({', '.join(left_out)} not counted)" if left_out else ""
    if not policy["violated"]:
        return ["", f"**Policy {flag}: passed**{aside}"]
    found = ", ".join(f"{counts[name]} {name}" for name in policy["fail_on"] if counts[name])
    return ["", f"**Policy {flag}: failed**: {found}{aside}, listed below"]


def _summary_table(report: Report) -> list[str]:
    any_accepted = any(ch.accepted for ch in report.changes)
    header = "| Status | Changes |" + (" Accepted |" if any_accepted else "")  # changes, not pledges: a group holds several (found in review)
    rule = "|:--|--:|" + ("--:|" if any_accepted else "")
    rows = []
    for status, title in SECTIONS:
        changes = [ch for ch in report.changes if ch.status is status]
        row = f"| {title} | {len(changes)} |"
        if any_accepted:
            row += f" {sum(ch.accepted for ch in changes) if status is not Status.PERSISTED else '–'} |"
        rows.append(row)
    return [header, rule, *rows]


def _item(change: Change, old: dict[str, Commitment], new: dict[str, Commitment], report: Report) -> str:
    old_members = [old[cid] for cid in change.old]
    new_members = [new[cid] for cid in change.new]
    head = " → ".join(member_lines(side, members) for side, members in (("old", old_members), ("new", new_members)) if members)
    if change.score is not None:
        head += f" · score {change.score:.2f}"
    if change.accepted:
        head += " · *accepted*"
    old_text, new_text = joined_text(old_members), joined_text(new_members)
    if old_text and new_text and across_languages(report.old.language, report.new.language):  # two languages: each side whole, no word diff
        body = f"old: {_escape(old_text)}<br>new: {_escape(new_text)}"
    elif old_text and new_text and old_text != new_text:
        body = _diff(old_text, new_text)
    else:
        body = _escape(new_text or old_text)
    body += "".join(f"<br><sub>{note.label}: {_escape(note.text)}</sub>" for note in change_notes(change, report, "→"))
    return f"- **{head}**<br>{body}" if not change.accepted else f"- {head}<br>{body}"


def _overview(report: Report, show_all: bool, budget: int) -> list[str]:
    """The topic table, then names and figures found in one statement only (details stage), each
    list cut to about ``budget`` characters (a count of the lines left out closes it)."""
    rows = topic_rows(report)
    lines: list[str] = []
    if rows:
        lines += ["", "| Topic | Persisted | Modified | New | Dropped |", "|:--|--:|--:|--:|--:|"]
        lines += [f"| {topic_label(r.topic)} | {r.persisted} | {r.modified} | {r.new} | {r.dropped} |" for r in rows]
    for title, notes in (("Names", entity_lines(report, show_all)), ("Figures with no counterpart", figure_lines(report))):
        if notes:
            bullets = [f"- {note.label}: {_escape(note.text)}" for note in notes]
            kept = list(accumulate(len(bullet) + 1 for bullet in bullets))
            fit = bisect_right(kept, budget // 2)  # each of the two lists gets half
            more = [f"- *… {len(bullets) - fit} more not shown (`--format plain` or `--format json` lists them all)*"] if fit < len(bullets) else []
            lines += ["", f"**{title}**", "", *bullets[:fit], *more]
    return lines


def _diff(old_text: str, new_text: str) -> str:
    # <del>/<ins> render as struck-through and underlined words in a GitHub comment.
    out = []
    for n, piece in enumerate(word_diff(old_text, new_text)):
        if n and piece.spaced:
            out.append(" ")
        text = _escape(piece.text)
        out.append(f"<del>{text}</del>" if piece.kind == "removed" else f"<ins>{text}</ins>" if piece.kind == "added" else text)
    return "".join(out)


def _side_facts(language: str, count: int) -> str:
    return f"{language}, {count} pledge{'' if count == 1 else 's'}"


def _code(text: str) -> str:
    # A backtick inside a path would end the code span early; a longer fence keeps it literal.
    fence = "``" if "`" in text else "`"
    return f"{fence}{visible(text)}{fence}"


def _escape(text: str) -> str:
    text = visible(" ".join(text.split())).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # "@octocat" in a quoted pledge would notify that user in a pull request (found by a new user's review)
    return _MENTION.sub("&#64;", _MARKDOWN_SPECIAL.sub(r"\\\1", text))


_MENTION = re.compile(r"@(?=\w)")
