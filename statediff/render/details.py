"""Details stage findings as JSON data and as short text notes, shared by every renderer."""

from __future__ import annotations

import weakref
from typing import Any, NamedTuple

from ..details.numbers import unit_labels
from ..details.patterns import TOKEN_EDGES
from ..details.topics import taxonomy
from ..details.types import ChangeDetails, Entity, LinkBars, Nearest, Number, NumberPair, Predicate, SharedTerm, TopicCount
from ..model import LINKED_BY_NAMED_BODY, WEAKENED, Change, Report, Status

MAX_NAMES = 16  # names listed per line in text reports; the JSON report has them all
MAX_WHY = 4  # shared terms shown per match in text reports


# -- JSON -------------------------------------------------------------------------------------


def predicate_json(predicate: Predicate | None) -> dict[str, Any] | None:
    if predicate is None:
        return None
    return {"level": predicate.level, "label": predicate.label, "verb": predicate.verb, "start": predicate.start,
            "end": predicate.end, "negated": predicate.negated, "against": predicate.against}


def number_json(number: Number) -> dict[str, Any]:
    out = {"text": number.text, "kind": number.kind, "value": number.value, "id": number.id, "start": number.start, "end": number.end}
    if number.kind in ("money", "percent", "count"):
        out["target"] = number.target
    return out


def entity_json(entity: Entity) -> dict[str, Any]:
    return {"key": entity.key, "label": entity.label, "kind": entity.kind, "text": entity.text, "id": entity.id,
            "start": entity.start, "end": entity.end}


def shared_json(terms: tuple[SharedTerm, ...]) -> list[dict[str, Any]]:
    return [{"term": t.term, "old": t.old, "new": t.new, "weight": t.weight} for t in terms]


def nearest_json(nearest: Nearest | None) -> dict[str, Any] | None:
    if nearest is None:
        return None
    found = {"id": nearest.id, "score": nearest.score, "line": nearest.line, "shared": shared_json(nearest.shared)}
    if nearest.topics_apart:  # (only when true: the field says why a candidate at the threshold was not linked)
        found["topics_apart"] = True
    return found


def pair_json(key: str, pair: tuple[str, str] | None) -> dict[str, Any]:
    """``{key: {"old": …, "new": …}}`` of an optional (old, new) pair, or nothing: the fields a
    report carries only when they say something (lead-ins, a direction, a table row)."""
    return {} if pair is None else {key: {"old": pair[0], "new": pair[1]}}


def change_details_json(details: ChangeDetails) -> dict[str, Any]:
    """The ``details`` object of one change in the JSON report (render/json_report.py's _details_text
    writes the same text directly: keep the two alike)."""
    strength = details.strength
    return {
        "strength": {"old": predicate_json(strength.old), "new": predicate_json(strength.new), "change": strength.change,
                     "negation_changed": strength.negation_changed,
                     **pair_json("lead_in", strength.lead_in), **pair_json("direction", strength.direction)},
        "numbers": {
            "removed": [number_json(n) for n in details.numbers.removed],
            "added": [number_json(n) for n in details.numbers.added],
            "changed": [{"old": number_json(p.old), "new": number_json(p.new)} for p in details.numbers.changed],
        },
        "entities": {"removed": [entity_json(e) for e in details.entities.removed], "added": [entity_json(e) for e in details.entities.added]},
        "topics": list(details.topics),
        "why": shared_json(details.why),
        "uncertain": details.uncertain,
        "link_rule": details.link_rule,
        "runner_up": nearest_json(details.runner_up),
        "nearest": nearest_json(details.nearest),
        **pair_json("row", details.row),
        **({"deeds": list(details.deeds)} if details.deeds else {}),
    }


def report_details_json(report: Report) -> dict[str, Any]:
    """The report-level fields: the topic table, and names and figures found on one side only."""
    out: dict[str, Any] = {"topics": [
        {"topic": row.topic, "persisted": row.persisted, "modified": row.modified, "new": row.new, "dropped": row.dropped}
        for row in report.topics
    ]}
    if report.details is not None:
        out["entities"] = {"vanished": [entity_json(e) for e in report.details.entities.removed],
                           "appeared": [entity_json(e) for e in report.details.entities.added]}
        out["numbers"] = {"vanished": [number_json(n) for n in report.details.numbers.removed],
                          "appeared": [number_json(n) for n in report.details.numbers.added]}
    return out


# -- text -------------------------------------------------------------------------------------


class Note(NamedTuple):  # internal record: a NamedTuple costs a third of a frozen dataclass to define
    """One line of annotation under a report item: ``label: text``."""

    label: str
    text: str


def topic_label(key: str) -> str:
    return taxonomy().labels.get(key, key)


def topic_rows(report: Report) -> list[TopicCount]:
    """Rows of the topic table worth printing: topics some change touches."""
    return [row for row in report.topics if row.total]


def quantity(number: Number) -> str:
    """A number's value for a reader: "10,000,000,000 USD", "40%", "session 4", "2022-03-03"."""
    if number.kind in ("date", "year", "deadline"):
        return number.when
    if number.kind == "money":
        return f"{_count_value(number)} {number.unit}"  # a range's end too: "300,000,000,000–400,000,000,000 USD"
    if number.kind == "percent":
        return f"{_plain(number.quantity)}%"
    if number.kind == "count":
        if not number.unit:
            return _count_value(number)
        # A unit the number files do not name is a stem ("medlemm"): the word as written instead.
        unit = number.unit if number.unit in unit_labels() else number.text.split()[-1].strip(TOKEN_EDGES)
        return f"{_count_value(number)} × {unit}"
    return f"{number.unit} {_plain(number.quantity)}"


def _plain(value: int | float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _predicate(predicate: Predicate) -> str:
    # "against": a position against something ("condemn", "oppose"); its level alone read "(support)" (found by a user's audit)
    flags = (", negated" if predicate.negated else "") + (", against" if predicate.against else "")
    return f"{' '.join(predicate.verb.split())} ({predicate.label}{flags})"


NONE_READ = "(none read)"  # the side of a strength change whose predicate no strength data names


def strength_text(details: ChangeDetails, arrow: str, matched: bool = False) -> str | None:
    """"подтвердили намерение (intent) → подтвердили приверженность (binding), strengthened";
    for a dropped or new pledge (not ``matched``) its own predicate. A change that list items owe
    to their lead-ins names them: "weakened, lead-in "The parties will" → "The parties may""."""
    text = _strength_text(details, arrow, matched)
    direction, lead_in = details.strength.direction, details.strength.lead_in
    if direction is not None:
        text = ", ".join(p for p in (text, f"direction reversed: {direction[0]} {arrow} {direction[1]}") if p)
    if lead_in is None:
        return text
    if not matched:  # a dropped or new list item: its own lead-in
        return ", ".join(p for p in (text, f'lead-in "{lead_in[0] or lead_in[1]}"') if p)
    old, new = (f'"{lead}"' if lead else NONE_READ for lead in lead_in)
    return ", ".join(p for p in (text, f"lead-in {old} {arrow} {new}") if p)


def _strength_text(details: ChangeDetails, arrow: str, matched: bool) -> str | None:
    old, new = details.strength.old, details.strength.new
    if old is None or new is None:
        # One side's predicate at most; a negation read from the words still says what changed.
        text = _predicate(new if old is None else old) if (old or new) is not None else ""
        if text and (matched or details.strength.negation_changed or details.strength.change):
            # which side it is: "договорились (binding) → (none read), weakened" (found by a new user's
            # review), also with no change: "hailed (welcome)" alone did not say which (found by a user's audit)
            text = f"{text} {arrow} {NONE_READ}" if new is None else f"{NONE_READ} {arrow} {text}"
        if details.strength.negation_changed:
            text = ", ".join(p for p in (text, "negation " + ("gained" if details.strength.change == WEAKENED else "lost"),
                                         details.strength.change) if p)
        elif details.strength.change:  # a modal traded ("will" → "may"): the word diff shows which
            text = ", ".join(p for p in (text, details.strength.change) if p)
        return text or None
    text = f"{_predicate(old)} {arrow} {_predicate(new)}"
    if _predicate(old) == _predicate(new):
        text = _predicate(old)  # the same words at the same level: no arrow to read
    if details.strength.change:
        text += f", {details.strength.change}"
    if details.strength.negation_changed:
        text += ", position reversed" if old.against != new.against else ", negation changed"
    return text


def numbers_text(details: ChangeDetails, arrow: str, matched: bool = True) -> str | None:
    """Changed pairs, then numbers gone and added; for a dropped or new pledge simply its numbers."""
    parts = [_changed_pair(p, arrow) for p in details.numbers.changed]
    parts += [("gone " if matched else "") + _number(n) for n in details.numbers.removed]
    parts += [("added " if matched else "") + _number(n) for n in details.numbers.added]
    return "; ".join(parts) or None


def _changed_pair(pair: NumberPair, arrow: str) -> str:
    """"10 млрд. долларов США -> 5 млрд. долларов США (10,000,000,000 USD -> …)"; a bare figure
    ("6 -> 7") is its own value."""
    written = f"{_span(pair.old)} {arrow} {_span(pair.new)}"
    if pair.old.kind == "reference":  # "Resolution 2803 -> Resolution 2804" says it already
        return written
    values = _pair_values(pair.old, pair.new, arrow)
    return written if values == written else f"{written} ({values})"


def _pair_values(old: Number, new: Number, arrow: str) -> str:
    if old.kind == "word":  # "doubling -> tripling" says it already
        return f"{_span(old)} {arrow} {_span(new)}"
    if old.kind in ("ordinal", "count"):
        return f"{old.unit + ' ' if old.unit else ''}{_count_value(old)} {arrow} {_count_value(new)}"
    return f"{quantity(old)} {arrow} {quantity(new)}"


def _count_value(number: Number) -> str:
    """"10", or a range "10–20" (of a count or an amount)."""
    return _plain(number.quantity) + (f"–{_plain(number.upper)}" if number.upper is not None else "")


def _span(number: Number) -> str:
    return " ".join(number.text.split())


def _number(number: Number) -> str:
    target = "target " if number.target else ""
    if number.kind in ("date", "year", "deadline", "reference", "word"):  # the words say it already
        return f"{target}{_span(number)}"
    return f"{target}{_span(number)} ({quantity(number)})"


def entities_text(details: ChangeDetails) -> str | None:
    parts = [f"+ {_entity(e)}" for e in details.entities.added] + [f"- {_entity(e)}" for e in details.entities.removed]
    return ", ".join(parts) or None


def _entity(entity: Entity) -> str:
    return entity.label if entity.kind != "name" else " ".join(entity.text.split())


def why_text(terms: tuple[SharedTerm, ...]) -> str | None:
    shown = [t.old if t.old == t.new else f"{t.old}/{t.new}" for t in terms[:MAX_WHY]]
    return ", ".join(shown) or None


def change_notes(change: Change, report: Report, arrow: str) -> list[Note]:
    """The annotation lines of one report item, in a fixed order."""
    details = change.details
    if not isinstance(details, ChangeDetails):  # none, or a stand-in some tests build by hand
        return []
    notes: list[Note] = []
    matched = bool(change.old and change.new)
    # The score bars, fixed by the details stage. A report made without that stage has none:
    # its notes leave out the two that quote scores against them (uncertain, a nearest miss's score).
    bars = report.details.bars if report.details is not None else None
    for label, text in (
        ("strength", strength_text(details, arrow, matched)),
        ("numbers", numbers_text(details, arrow, matched)),
        ("row", None if details.row is None else f"{details.row[0] or '(none)'} {arrow} {details.row[1] or '(none)'}"),
        ("done", _deeds_text(details.deeds, change, report) if matched else None),
        ("names", entities_text(details) if matched else None),  # a whole pledge's names all come or go with it
        ("topics", ", ".join(topic_label(t) for t in details.topics) or None),
    ):
        if text:
            notes.append(Note(label, text))
    if matched:
        why = why_text(details.why)
        if why:
            notes.append(Note("shared terms", why))
        if details.uncertain and bars is not None:
            bar = f"{'threshold' if bars.floor == bars.threshold else 'cross-language floor'} {bars.floor:.2f}"
            if details.link_rule == LINKED_BY_NAMED_BODY and change.score is not None:
                text = f"score {change.score:.2f}, under the {bar}: linked as each other's best partners that name one body, programme or process"
            else:
                text = f"score within {bars.uncertain_margin:.2f} of the {bar}"
            if details.runner_up is not None:
                text += _runner_up(details.runner_up, change, report)
            notes.append(Note("uncertain", text))
    elif details.nearest is not None:
        if bars is not None:
            notes.append(Note("nearest miss", _nearest_miss(details.nearest, change, report, bars)))
    elif change.status in (Status.NEW, Status.DROPPED):
        notes.append(Note("nearest miss", "none: no pledge on the other side shares a term"))
    return notes


def _deeds_text(deeds: tuple[str, ...], change: Change, report: Report) -> str | None:
    """"new line 13 reports it carried out": the matched pledge done (tricky case 9: done, not dropped)."""
    if not deeds:
        return None
    new_side = deeds[0] in change.new
    seg = report.new if new_side else report.old
    lines = sorted({c.line for c in seg.commitments if c.id in deeds})  # (two deeds of one line name it once)
    where = f"{'new' if new_side else 'old'} line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))}"
    if new_side:
        return f"{where} report{'' if len(lines) > 1 else 's'} it carried out"
    return f"{where} reported it done; the new statement pledges it again"


def _nearest_miss(nearest: Nearest, change: Change, report: Report, bars: LinkBars) -> str:
    threshold = bars.threshold
    # A nearest miss at or above the threshold lost its partner to a better-scoring link.
    linked = _linked_to(nearest, change, report) if nearest.score >= threshold else ""
    # Two decimals, or three where two would show a miss as equal to the threshold (0.2293 vs 0.23).
    shown = f"{nearest.score:.2f}"
    if shown == f"{threshold:.2f}" and nearest.score != threshold:
        shown = f"{nearest.score:.3f}"
    rule = f"; across languages from {bars.floor:.2f} when {bars.standout:g} × the runner-up" if bars.floor != threshold else ""
    apart = "; not linked: the two share no topic" if nearest.topics_apart else ""
    text = f"{_line(nearest)}, score {shown} (threshold {threshold:.2f}{rule}{'; ' + linked if linked else ''}{apart})"
    shared = why_text(nearest.shared)
    return f"{text}, sharing {shared}" if shared else text


def _line(nearest: Nearest) -> str:
    side = "old" if nearest.id.startswith("o") else "new"
    return f"{side} line {nearest.line}"


def _runner_up(runner_up: Nearest, change: Change, report: Report) -> str:
    """The runner-up of an uncertain link; one that scores higher is a closer candidate, and
    why it was not chosen is said: it is linked in another change ("runner-up …, score 0.29"
    under a link of 0.26 read as a mistake; found in review)."""
    linked = _linked_to(runner_up, change, report) if runner_up.score > change.score else ""
    if linked:
        return f"; a closer candidate, {_line(runner_up)} (score {runner_up.score:.2f}), is already {linked}"
    return f"; runner-up {_line(runner_up)}, score {runner_up.score:.2f}"


def _linked_to(candidate: Nearest, change: Change, report: Report) -> str:
    """"linked to old line N" when the candidate is linked in another change, else ""."""
    changes, lines = _index(report)
    other = changes.get(candidate.id)
    if other is None or other is change or not (other.old and other.new):
        return ""
    partner = other.new if candidate.id in other.old else other.old
    return f"linked to {' and '.join(f'{lines[p][0]} line {lines[p][1]}' for p in partner)}"


_LAST_INDEX: list[Any] = [lambda: None, None]  # a weak reference to the report last indexed, and its index


def _index(report: Report) -> tuple[dict[str, Change], dict[str, tuple[str, int]]]:
    """Each commitment's change and (side, line), made once per report (the notes of thousands
    of changes look them up); the report itself is not kept alive for it."""
    if _LAST_INDEX[0]() is not report:
        changes = {cid: ch for ch in report.changes for cid in (*ch.old, *ch.new)}
        _LAST_INDEX[:] = [weakref.ref(report), (changes, _lines_of(report))]
    return _LAST_INDEX[1]  # type: ignore[no-any-return]


def _lines_of(report: Report) -> dict[str, tuple[str, int]]:
    return {c.id: ("old", c.line) for c in report.old.commitments} | {c.id: ("new", c.line) for c in report.new.commitments}


def _status_of(report: Report) -> dict[str, str]:
    return {cid: ch.status.value for ch in report.changes for cid in (*ch.old, *ch.new)}


def entity_lines(report: Report, show_all: bool = False) -> list[Note]:
    """Names that appeared or vanished between the statements (the first MAX_NAMES of each, or all)."""
    if report.details is None:
        return []
    notes = []
    limit = None if show_all else MAX_NAMES
    for label, entities in (("appeared", report.details.entities.added), ("vanished", report.details.entities.removed)):
        if entities:
            shown = [_entity(e) for e in entities[:limit]]
            more = f" and {len(entities) - len(shown)} more" if len(entities) > len(shown) else ""
            notes.append(Note(label, ", ".join(shown) + more))
    return notes


def figure_lines(report: Report) -> list[Note]:
    """Amounts, shares, counts and deadlines of one statement that the other does not have."""
    if report.details is None:
        return []
    lines, status = _lines_of(report), _status_of(report)
    notes = []
    for label, numbers in (("gone", report.details.numbers.removed), ("new", report.details.numbers.added)):
        for number in numbers:
            side, line = lines.get(number.id, ("", 0))
            other = "new" if side == "old" else "old"
            text = f"{_number(number)}, {side} line {line} ({status.get(number.id, '?')}): no counterpart in the {other} statement"
            notes.append(Note(label, text))
    return notes
