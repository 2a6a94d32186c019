"""JSON renderer: the report contract of docs (schema_version 1), deterministic byte for byte."""

from __future__ import annotations

import json
from itertools import repeat
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

from .. import __version__
from ..details.types import ChangeDetails, Nearest
from ..gcpause import gc_paused
from ..jsontext import escaped_surrogates
from ..model import Change, Place, Report, Segmentation
from .details import change_details_json, entity_json, number_json, pair_json, predicate_json, report_details_json, shared_json

SCHEMA_VERSION = 1


def _side(seg: Segmentation) -> dict[str, Any]:
    return {
        "path": seg.document.path,
        "sha256": seg.document.sha256,
        "text_sha256": seg.document.text_sha256,
        "format": seg.document.format,
        "encoding": seg.document.encoding,
        "language": seg.language,
        "commitments": [
            {"id": c.id, "start": c.start, "end": c.end, "line": c.line, "text": c.text, "match_text": c.match_text,
             "place": _place(c.place)}
            for c in seg.commitments
        ],
        "skipped": [{"start": s.start, "end": s.end, "reason": s.reason} for s in seg.skipped],
    }


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"article": place.article, "paragraph": place.paragraph, "item": place.item, "subitem": place.subitem, "annex": place.annex, "label": place.label}


def to_dict(report: Report, policy: dict[str, Any] | None = None) -> dict[str, Any]:
    """The report as plain JSON-ready data; ``policy``: the --fail-on verdict (``policy.verdict_json``), when one was asked for."""
    return _report(report, [_change(ch) for ch in report.changes], policy)


def _change(ch: Change) -> dict[str, Any]:
    # render_json writes the same with _change_text: keep the two alike.
    return {
        "status": ch.status.value,
        "old": list(ch.old),
        "new": list(ch.new),
        "score": ch.score,
        "word_similarity": ch.word_similarity,
        "accepted": ch.accepted,
        **({"details": change_details_json(ch.details)} if isinstance(ch.details, ChangeDetails) else {}),
    }


def _report(report: Report, changes: Any, policy: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "statediff", "version": __version__},
        "settings": {
            "threshold": report.settings.threshold,
            "language": report.settings.language,
            "persist_threshold": report.settings.persist_threshold,
            "language_old": report.settings.language_old,
            "language_new": report.settings.language_new,
        },
        "old": _side(report.old),
        "new": _side(report.new),
        "changes": changes,
        "summary": report.summary(),
        "notices": list(report.notices),
        **report_details_json(report),  # topics, entities, numbers (details stage)
        **({"policy": policy} if policy is not None else {}),  # only with --fail-on: a report without one is unchanged
    }


def render_json(report: Report, policy: dict[str, Any] | None = None) -> str:
    """``json.dumps(to_dict(report, policy), ensure_ascii=False, indent=2)`` and a newline, byte for byte.

    The changes, most of the report, are written straight from the report (_change_text) rather
    than built as dicts and then encoded; the rest goes through dumps_indented."""
    with gc_paused():  # a dict per commitment and finding, no cycles (statediff/gcpause.py)
        if c_make_encoder is not None:
            out: list[str] = []
            try:
                _write(_report(report, _Raw(lambda level: _changes_text(report.changes, level)), policy), 0, out)
                return escaped_surrogates("".join(out) + "\n")
            except _Unusual:
                pass
        return escaped_surrogates(json.dumps(to_dict(report, policy), ensure_ascii=False, indent=2) + "\n")


class _Raw:
    """A value dumps_indented writes by calling ``text(level)``: JSON already written for that depth."""

    def __init__(self, text: Any) -> None:
        self.text = text


def _changes_text(changes: tuple[Change, ...], level: int) -> str:
    if not changes:
        return "[]"
    inner = _INDENT[level + 1]
    return "[" + inner + ("," + inner).join(_change_text(ch, level + 1) for ch in changes) + _INDENT[level] + "]"


def _change_text(ch: Change, level: int) -> str:
    """dumps_indented(_change(ch)) at this depth."""
    i = _INDENT[level + 1]
    text = (
        "{" + i + '"status": ' + _scalar(ch.status.value) + "," + i + '"old": ' + _flat_text(list(ch.old), level + 1)
        + "," + i + '"new": ' + _flat_text(list(ch.new), level + 1) + "," + i + '"score": ' + _scalar(ch.score)
        + "," + i + '"word_similarity": ' + _scalar(ch.word_similarity) + "," + i + '"accepted": ' + _scalar(ch.accepted)
    )
    if isinstance(ch.details, ChangeDetails):
        text += "," + i + '"details": ' + _details_text(ch.details, level + 1)
    return text + _INDENT[level] + "}"


def _details_text(details: ChangeDetails, level: int) -> str:
    """dumps_indented(change_details_json(details)) at this depth (render/details.py: keep the two alike)."""
    i, j = _INDENT[level + 1], _INDENT[level + 2]
    strength, numbers, entities = details.strength, details.numbers, details.entities
    return (
        "{" + i + '"strength": {' + j + '"old": ' + _flat_text(predicate_json(strength.old), level + 2)
        + "," + j + '"new": ' + _flat_text(predicate_json(strength.new), level + 2)
        + "," + j + '"change": ' + _scalar(strength.change) + "," + j + '"negation_changed": ' + _scalar(strength.negation_changed)
        + _pair_text("lead_in", strength.lead_in, j, level + 2) + _pair_text("direction", strength.direction, j, level + 2)
        + i + "}," + i + '"numbers": {' + j + '"removed": ' + _value([number_json(n) for n in numbers.removed], level + 2)
        + "," + j + '"added": ' + _value([number_json(n) for n in numbers.added], level + 2)
        + "," + j + '"changed": ' + _value([{"old": number_json(p.old), "new": number_json(p.new)} for p in numbers.changed], level + 2)
        + i + "}," + i + '"entities": {' + j + '"removed": ' + _dicts([entity_json(e) for e in entities.removed], level + 2)
        + "," + j + '"added": ' + _dicts([entity_json(e) for e in entities.added], level + 2)
        + i + "}," + i + '"topics": ' + _flat_text(list(details.topics), level + 1)
        + "," + i + '"why": ' + _dicts(shared_json(details.why), level + 1)
        + "," + i + '"uncertain": ' + _scalar(details.uncertain)
        + "," + i + '"link_rule": ' + _scalar(details.link_rule)
        + "," + i + '"runner_up": ' + _nearest_text(details.runner_up, level + 1)
        + "," + i + '"nearest": ' + _nearest_text(details.nearest, level + 1) + _pair_text("row", details.row, i, level + 1)
        + ("," + i + '"deeds": ' + _flat_text(list(details.deeds), level + 1) if details.deeds else "")
        + _INDENT[level] + "}"
    )


def _nearest_text(nearest: Nearest | None, level: int) -> str:
    """dumps_indented(nearest_json(nearest)) at this depth."""
    if nearest is None:
        return "null"
    i = _INDENT[level + 1]
    return ("{" + i + '"id": ' + _scalar(nearest.id) + "," + i + '"score": ' + _scalar(nearest.score) + "," + i + '"line": '
            + _scalar(nearest.line) + "," + i + '"shared": ' + _dicts(shared_json(nearest.shared), level + 1)
            + ("," + i + '"topics_apart": true' if nearest.topics_apart else "") + _INDENT[level] + "}")


def _pair_text(key: str, pair: tuple[str, str] | None, indent: str, level: int) -> str:
    """`,"key": {"old": …, "new": …}` of an optional (old, new) pair at this depth (``pair_json``), or nothing."""
    return "".join("," + indent + f'"{name}": ' + _flat_text(value, level) for name, value in pair_json(key, pair).items())


def _flat_text(value: Any, level: int) -> str:
    """_value of a container expected to hold plain values only (or None)."""
    if value is None:
        return "null"
    if not value:
        return "{}" if type(value) is dict else "[]"
    if not _PLAIN.issuperset(map(type, value.values() if type(value) is dict else value)):
        return _value(value, level)
    text = "".join(_encoder(level)(value, 0))
    return text[0] + _INDENT[level + 1] + text[1:-1] + _INDENT[level] + text[-1]


def _dicts(items: list[dict[str, Any]], level: int) -> str:
    """_value of a list expected to hold dicts of plain values only."""
    if not items:
        return "[]"
    if not all(type(item) is dict and item and _PLAIN.issuperset(map(type, item.values())) for item in items):
        return _value(items, level)
    inner, outer = _INDENT[level + 2], _INDENT[level + 1]
    text = "".join(_encoder(level + 1)(items, 0))
    body = text[2:-2].replace("}," + inner + "{", outer + "}," + outer + "{" + inner)
    return "[" + outer + "{" + inner + body + outer + "}" + _INDENT[level] + "]"


def _value(value: Any, level: int) -> str:
    """dumps_indented of any JSON-ready value at this depth."""
    if type(value) in _PLAIN:
        return _scalar(value)
    if not value:
        return "{}" if type(value) is dict else "[]"
    out: list[str] = []
    _write(value, level, out)
    return "".join(out)


def dumps_indented(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, byte for byte, several times faster.

    The standard encoder writes indented JSON in Python, value by value. Here every container of
    plain values (a commitment, a shared term) and every list of such dicts is written by the C
    encoder, whose item separator carries the newline and indentation of its depth; only the
    framing of the other containers is written in Python. Anything else (keys that are not
    strings, values of other types) goes to json.dumps."""
    if c_make_encoder is None:
        return json.dumps(data, ensure_ascii=False, indent=2)
    out: list[str] = []
    try:
        if type(data) in _PLAIN:
            out.append(_scalar(data))
        else:
            _write(data, 0, out)
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(out)


class _Unusual(Exception):
    pass


_PLAIN = frozenset({str, int, float, bool, type(None)})
_INDENT = ["\n" + "  " * level for level in range(64)]
_ENCODERS: dict[int, Any] = {}


def _encoder(level: int) -> Any:
    """The C encoder for containers of plain values at this depth: items one per line."""
    encoder = _ENCODERS.get(level)
    if encoder is None:
        # markers=None: these containers hold no containers, so there is no cycle to look for.
        encoder = _ENCODERS[level] = c_make_encoder(None, _unusual, encode_basestring, None, ": ", "," + _indent(level + 1), False, False, True)
    return encoder


def _indent(level: int) -> str:
    return _INDENT[level] if level < len(_INDENT) else "\n" + "  " * level


def _unusual(value: Any) -> Any:
    raise _Unusual


def _scalar(value: Any) -> str:
    """One plain value as json writes it."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return "".join(_encoder(0)(value, 0))  # float repr, NaN and Infinity as json writes them


_EMPTY = frozenset({list, tuple, dict})
_STR = frozenset({str})


def _flat(value: Any) -> bool:
    """A non-empty container of plain values and empty containers only (string keys, for a dict):
    the C encoder writes it as the indented encoder does, but for the line breaks its item
    separator carries ("[]" and "{}" look the same either way)."""
    values = value.values() if type(value) is dict else value
    kinds = set(map(type, values))
    if not kinds <= _PLAIN and not (kinds <= _PLAIN | _EMPTY and not any(v for v in values if type(v) in _EMPTY)):
        return False
    return type(value) is not dict or _STR.issuperset(map(type, value))


def _write(value: Any, level: int, out: list[str]) -> None:
    """Append a container (dict, list or tuple) at this depth."""
    kind = type(value)
    if kind is _Raw:
        out.append(value.text(level))
        return
    if kind is not dict and kind is not list and kind is not tuple:
        raise _Unusual
    if not value:
        out.append("{}" if kind is dict else "[]")
        return
    if _flat(value):
        text = "".join(_encoder(level)(value, 0))  # {"a": 1,\n<indent>"b": 2}
        out.append(text[0] + _indent(level + 1) + text[1:-1] + _indent(level) + text[-1])
        return
    if kind is not dict and all(type(item) is dict and item and _flat(item) for item in value):
        # Dicts of plain values, written at once one level deeper: only the separators between
        # them need the shallower indentation. (Inside a dict a separator precedes a key, never
        # "{", and follows a plain value, never "}".)
        inner, outer = _indent(level + 2), _indent(level + 1)
        text = "".join(_encoder(level + 1)(value, 0))  # [{"a": 1,\n<inner>"b": 2},\n<inner>{...}]
        body = text[2:-2].replace("}," + inner + "{", outer + "}," + outer + "{" + inner)
        out.append("[" + outer + "{" + inner + body + outer + "}" + _indent(level) + "]")
        return
    inner = _indent(level + 1)
    out.append("{" if kind is dict else "[")
    separator = inner
    for key, item in value.items() if kind is dict else zip(repeat(None), value):
        if key is not None:
            if type(key) is not str:
                raise _Unusual
            out.append(separator + encode_basestring(key) + ": ")
        else:
            out.append(separator)
        separator = "," + inner
        item_kind = type(item)
        if item_kind in _PLAIN:
            out.append(encode_basestring(item) if item_kind is str else _scalar(item))
        elif item_kind is not _Raw and not item and (item_kind is list or item_kind is tuple or item_kind is dict):
            out.append("{}" if item_kind is dict else "[]")
        else:
            _write(item, level + 1, out)
    out.append(_indent(level) + ("}" if kind is dict else "]"))
