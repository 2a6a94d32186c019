"""Accepted changes: fingerprints of reviewed dropped/modified/new pledges, applied to a Report as flags."""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import unicodedata
from typing import Any

from .digest import sha256_hex
from .errors import AcceptFileError
from .frozen import frozen_dataclass
from .jsontext import escaped_surrogates
from .load import STDIN_NAME
from .model import Change, Commitment, Report, Status

ACCEPT_FORMAT = "statediff-accept/1"
DEFAULT_ACCEPT_FILE = ".statediff-accept.json"
ACCEPTABLE = (Status.DROPPED, Status.MODIFIED, Status.NEW)  # persisted pledges need no review
_STALE_SHOWN = 3  # a long stale list would drown the report; the file itself has them all
_EXCERPT = 60


@frozen_dataclass
class Accepted:
    """One reviewed change: its fingerprint, plus status and texts so a reviewer can read the file,
    and the pair of statements it was accepted in (``pair_of``; empty in files written before)."""

    fingerprint: str
    status: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    pair: str = ""


@frozen_dataclass
class AcceptList:
    """The contents of an accept file, with notices about reading it (a missing file is empty)."""

    path: str
    entries: tuple[Accepted, ...] = ()
    notices: tuple[str, ...] = ()


@frozen_dataclass
class AcceptUpdate:
    """The result of ``statediff accept``: the list to save and how many entries it gained."""

    accept_list: AcceptList
    added: int
    already: int


def normalise(text: str) -> str:
    """Lower-case letters and digits, so whitespace, punctuation and case edits keep the
    fingerprint; but a figure's decimal mark and currency or percent sign stay ("1.5" is not "15",
    "$10" not "€10")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    last = len(text) - 1
    return "".join(
        ch for k, ch in enumerate(text)
        if ch.isalnum() or ch == "%" or unicodedata.category(ch) == "Sc"
        or (ch in ".," and 0 < k < last and text[k - 1].isdigit() and text[k + 1].isdigit())
    )


def fingerprint(status: str, old: tuple[str, ...], new: tuple[str, ...]) -> str:
    """Stable hash of a change's status and normalised pledge texts (old side, then new side)."""
    # The separators keep ("ab", "c") and ("a", "bc") apart, and the old side apart from the new one.
    payload = "\x1e".join((status, "\x1f".join(map(normalise, old)), "\x1f".join(map(normalise, new))))
    return "sha256:" + sha256_hex(payload.encode("utf-8"))


def pair_of(report: Report, base: str | None = None) -> str:
    """The pair of statements compared, as their paths from ``base``, the accept file's folder
    (else the current one): "a/x.txt → a/y.txt". An edited statement is still its pair (its
    entries that no longer match are stale), and two folders of one repository are two pairs.
    From the accept file's folder, not the current one: a run from a subfolder matched none of
    the entries (found by a new user's review). Entries written before name the pair from the
    folder they were accepted in (``_Texts.legacy``)."""
    return " → ".join(_relative(side.document.path, base) for side in (report.old, report.new))


def _relative(path: str, base: str | None = None) -> str:
    if path in ("-", STDIN_NAME):  # standard input is no path: the same name from every folder
        return path
    return os.path.relpath(os.path.abspath(path), os.path.abspath(base or os.curdir)).replace(os.sep, "/")


def _base(accept_path: str) -> str:
    """The folder of an accept file: where the pairs' paths start."""
    return os.path.dirname(os.path.abspath(accept_path))


def entry_for(report: Report, change: Change, texts: _Texts | None = None) -> Accepted:
    """The accept-file entry describing ``change`` of ``report`` (``texts``: the report's, when
    many entries are made from one report)."""
    texts = texts or _Texts(report)
    old, new = texts.of(change.old), texts.of(change.new)
    return Accepted(fingerprint(change.status.value, old, new), change.status.value, old, new, texts.pair)


def _recomputed(entry: Accepted) -> str:
    """The fingerprint of the entry's own texts as this version normalises them: an entry written
    by an earlier version (another ``normalise``) still matches its change."""
    return fingerprint(entry.status, entry.old, entry.new)


def update(existing: AcceptList, report: Report) -> AcceptUpdate:
    """``existing`` plus every dropped, modified and new change of ``report`` not in it yet.

    Existing entries are kept even when this report does not match them: one accept file can
    serve several statement pairs (a whole repository of them with the pre-commit hook). Only
    entries of this pair count as already accepted, as ``apply`` reads them: after a rename the
    same changes are accepted again for the new pair (found by a CI user's review: "0 changes
    accepted, 47 already accepted", and the job stayed red)."""
    texts = _Texts(report, _base(existing.path))
    known = {fp for entry in existing.entries if entry.pair in texts.pairs for fp in (entry.fingerprint, _recomputed(entry))}
    entries = list(existing.entries)
    added = already = 0
    for change in report.changes:
        if change.status not in ACCEPTABLE:
            continue
        entry = entry_for(report, change, texts)
        if entry.fingerprint in known:
            already += 1
            continue
        known.add(entry.fingerprint)
        entries.append(entry)
        added += 1
    return AcceptUpdate(AcceptList(existing.path, tuple(entries)), added, already)


def apply(report: Report, accept_list: AcceptList) -> Report:
    """A new Report whose changes matching an accepted fingerprint have ``accepted=True``.

    Statuses stay as they are; stale entries (accepted in this pair of statements, or in an
    unknown one, and matching nothing) and the list's own notices are added to the report's
    notices. Entries of other pairs are left alone: one accept file serves a whole repository,
    and a change reviewed in one series of statements is not reviewed in another that says the
    same (found in review: an accepted drop in one folder passed ``--fail-on`` in every folder)."""
    texts = _Texts(report, _base(accept_list.path))
    fingerprints = [(entry.fingerprint, _recomputed(entry)) for entry in accept_list.entries]
    accepted = {fp for entry, pair in zip(accept_list.entries, fingerprints, strict=True) if entry.pair in texts.pairs for fp in pair}
    # The same changes accepted for another pair of files: the statements were moved or renamed.
    elsewhere = {fp: entry.pair for entry, pair in zip(accept_list.entries, fingerprints, strict=True)
                 if entry.pair not in texts.pairs for fp in pair}
    used: set[str] = set()
    moved: list[str] = []  # the other pairs of the changes accepted only there
    changes: list[Change] = []
    for change in report.changes:
        if change.status in ACCEPTABLE:
            fp = entry_for(report, change, texts).fingerprint
            if fp in accepted:
                used.add(fp)
                change = dataclasses.replace(change, accepted=True)
            elif fp in elsewhere:
                moved.append(elsewhere[fp])
        changes.append(change)
    stale = [entry for entry, (stored, recomputed) in zip(accept_list.entries, fingerprints, strict=True)
             if stored not in used and recomputed not in used and entry.pair in texts.pairs]
    notices = list(accept_list.notices)
    if stale:
        notices.append(_stale_notice(accept_list.path, stale, _without_context(report, texts)))
    if moved:
        others = ", ".join(dict.fromkeys(moved))
        notices.append(f"{accept_list.path}: {len(moved)} {'change' if len(moved) == 1 else 'changes'} of this comparison "
                       f"{'is' if len(moved) == 1 else 'are'} accepted only for another pair of files ({others}), not for "
                       f"{texts.pair}: if the statements were moved or renamed, accept them again (statediff accept)")
    return dataclasses.replace(report, changes=tuple(changes), notices=(*report.notices, *notices))


def read(path: str) -> AcceptList:
    """Read an accept file; a missing one is an empty list with a notice, a malformed one an error."""
    try:
        with open(path, encoding="utf-8-sig") as handle:  # (an editor may add a BOM)
            raw = handle.read()
    except FileNotFoundError:
        return AcceptList(path, (), (f"{path}: accept file not found, so no change is accepted "
                                     "(create it with statediff accept OLD NEW)",))
    except IsADirectoryError:
        raise AcceptFileError(f"{path}: is a directory, expected an accept file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AcceptFileError(f"{path}: cannot read the accept file ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AcceptFileError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return AcceptList(path, _parse(data, path))


def dumps(accept_list: AcceptList) -> str:
    """The accept file's text: stable key order and layout so it diffs well in review."""
    data = {
        "format": ACCEPT_FORMAT,
        "accepted": [
            {"fingerprint": e.fingerprint, "status": e.status, "old": list(e.old), "new": list(e.new), **({"pair": e.pair} if e.pair else {})}
            for e in accept_list.entries
        ],
    }
    return escaped_surrogates(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write(accept_list: AcceptList) -> None:
    """Save atomically, so an interrupted run never leaves a half-written accept file behind."""
    directory = os.path.dirname(os.path.abspath(accept_list.path))
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, prefix=".statediff-accept.",
                                         suffix=".tmp", delete=False) as handle:
            handle.write(dumps(accept_list))
        # A temporary file is private (0600); the accept file is shared and committed: give it the
        # mode it had, or the one a plain open() would (0666 less the umask).
        os.chmod(handle.name, _mode_for(accept_list.path))
        os.replace(handle.name, accept_list.path)
    except OSError as exc:
        raise AcceptFileError(f"{accept_list.path}: cannot write the accept file ({exc.strerror or exc})") from None


def _mode_for(path: str) -> int:
    """The permission bits for a file written at ``path``: its own if it exists, else the umask's."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _parse(data: Any, path: str) -> tuple[Accepted, ...]:
    if not isinstance(data, dict) or data.get("format") != ACCEPT_FORMAT:
        raise AcceptFileError(f"{path}: not a statediff accept file (expected \"format\": \"{ACCEPT_FORMAT}\")")
    items = data.get("accepted")
    if not isinstance(items, list):
        raise AcceptFileError(f"{path}: \"accepted\" must be a list")
    statuses = {status.value for status in ACCEPTABLE}
    entries = []
    for n, item in enumerate(items, 1):
        ok = (isinstance(item, dict) and isinstance(item.get("fingerprint"), str) and item.get("status") in statuses
              and all(isinstance(item.get(side, []), list) for side in ("old", "new")) and isinstance(item.get("pair", ""), str))
        if not ok:
            raise AcceptFileError(f"{path}: accepted entry {n} needs a fingerprint string, a status "
                                  f"({', '.join(sorted(statuses))}), old/new text lists and, if any, a pair string")
        entries.append(Accepted(item["fingerprint"], item["status"], tuple(map(str, item.get("old", []))),
                                tuple(map(str, item.get("new", []))), item.get("pair", "")))
    return tuple(entries)


class _Texts:
    """A report's pledge texts by id and its pair, worked out once per report (not once per
    change: at 9,000 pledges a side the lookup alone was 5 s)."""

    def __init__(self, report: Report, base: str | None = None) -> None:
        self.by_id = {c.id: (c, side.document.text) for side in (report.old, report.new) for c in side.commitments}
        self.pair = pair_of(report, base)
        # The pair from the current folder, as files written before named it: they still match (found in review).
        self.pairs = {"", self.pair, pair_of(report)}

    def of(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        # Whitespace collapsed: the file is read by people, and normalise() ignores it anyway.
        return tuple(" ".join(_with_context(*self.by_id[cid]).split()) for cid in ids)


def _with_context(commitment: Commitment, text: str) -> str:
    """A pledge's text with what the details stage reads as its own: its list's lead-in and its
    table row's cells ("[lead-in: The Parties will] hold …", "… [row: 2025 | Ministry of Trade]"),
    so that an accepted "will:" → "may:" or "2025" → "2027" is no longer accepted once the lead-in
    or the cell changes again (found by a new user's review: a later "will never:" passed)."""
    out = commitment.text
    if commitment.lead:
        out = f"[lead-in: {commitment.lead_text(text)}] {out}"
    if commitment.row_cells:
        out = f"{out} [row: {commitment.row_text(text)}]"
    return out


def _without_context(report: Report, texts: _Texts) -> set[str]:
    """The fingerprints the report's reviewable changes had before lead-ins and table rows were
    part of them (accept files written before: their entries for list items and table cells)."""
    def plain(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(" ".join(texts.by_id[cid][0].text.split()) for cid in ids)

    return {fingerprint(c.status.value, plain(c.old), plain(c.new)) for c in report.changes if c.status in ACCEPTABLE}


def _stale_notice(path: str, stale: list[Accepted], earlier_fingerprints: set[str] | frozenset[str] = frozenset()) -> str:
    shown = "; ".join(f"{e.status} \"{_excerpt(e)}\"" for e in stale[:_STALE_SHOWN])
    more = f"; and {len(stale) - _STALE_SHOWN} more" if len(stale) > _STALE_SHOWN else ""
    noun = "entry matches" if len(stale) == 1 else "entries match"
    notice = f"{path}: {len(stale)} accepted {noun} nothing in this comparison (stale): {shown}{more}"
    earlier = sum(1 for e in stale if e.fingerprint in earlier_fingerprints or _recomputed(e) in earlier_fingerprints)
    if earlier:
        notice += (f"; {earlier} of them match a list item or table cell of this comparison by its own words: its lead-in "
                   "and row are part of an entry now, so a later change there is reviewed again; accept it again (statediff accept)")
    return notice


def _excerpt(entry: Accepted) -> str:
    text = " ".join((entry.new or entry.old)[:1])
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"
