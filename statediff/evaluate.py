"""Scoring reports against statediff-gold/1 hand alignments, as docs/gold-format.md defines it."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import GoldFormatError, InputError
from .frozen import frozen_dataclass
from .model import Document, Report

GOLD_FORMAT = "statediff-gold/1"
UNIT_KINDS = ("commitment", "context")
LINK_KINDS = ("sure", "possible")
SIDES = ("a", "b")
_REPORT_SIDE = {"a": "old", "b": "new"}
_ABSENT_STATUS = {"a": "dropped", "b": "new"}
_MATCHED = ("persisted", "modified")


@frozen_dataclass
class GoldSpan:
    """A quoted stretch of one statement: ``text[start:end] == quote``."""

    quote: str
    start: int
    end: int


@frozen_dataclass
class GoldUnit:
    """A hand-marked commitment (or context sentence) of one statement."""

    id: str
    kind: str  # commitment | context
    quote: str
    start: int
    end: int


@frozen_dataclass
class GoldSide:
    """One statement of a gold file: where it is, its units, and its noise spans."""

    path: str  # relative to the evaluation root
    units: tuple[GoldUnit, ...]
    noise: tuple[GoldSpan, ...]


@frozen_dataclass
class GoldLink:
    """A hand-made pairing of an old unit with a new unit."""

    a: str
    b: str
    kind: str  # sure | possible


@frozen_dataclass
class Gold:
    """A parsed statediff-gold/1 file."""

    source: str  # where it was read from, for messages
    a: GoldSide
    b: GoldSide
    links: tuple[GoldLink, ...]

    def side(self, name: str) -> GoldSide:
        return self.a if name == "a" else self.b


@frozen_dataclass
class StatusError:
    """A gold commitment whose status the report gets wrong (``got`` is ``missed`` when nothing covers it)."""

    side: str
    unit_id: str
    want: str
    got: str
    quote: str

    def __str__(self) -> str:
        # The exact wording of shared/tools/score.py, so the two outputs can be compared line by line.
        return f"{self.side}:{self.unit_id} want {self.want} got {self.got}: {self.quote}"


@frozen_dataclass
class Scores:
    """The figures of one report against one gold file, unrounded; ``as_dict`` rounds like score.py."""

    link_precision: float
    link_recall: float
    link_f1: float
    status_accuracy: float
    status_n: int
    segmentation_exact: float
    noise_reported: int
    fragments: int
    errors: tuple[StatusError, ...]

    def as_dict(self) -> dict[str, Any]:
        """The same keys, order and rounding as ``score.py --json``."""
        return {
            "link_precision": round(self.link_precision, 3),
            "link_recall": round(self.link_recall, 3),
            "link_f1": round(self.link_f1, 3),
            "status_accuracy": round(self.status_accuracy, 3),
            "status_n": self.status_n,
            "segmentation_exact": round(self.segmentation_exact, 3),
            "noise_reported": self.noise_reported,
            "fragments": self.fragments,
            "errors": [str(e) for e in self.errors],
        }


@frozen_dataclass
class MeanScores:
    """Unweighted mean of each figure over several gold files (every pair counts the same)."""

    count: int
    link_precision: float
    link_recall: float
    link_f1: float
    status_accuracy: float
    segmentation_exact: float
    noise_reported: float
    fragments: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "link_precision": round(self.link_precision, 3),
            "link_recall": round(self.link_recall, 3),
            "link_f1": round(self.link_f1, 3),
            "status_accuracy": round(self.status_accuracy, 3),
            "segmentation_exact": round(self.segmentation_exact, 3),
            "noise_reported": round(self.noise_reported, 3),
            "fragments": round(self.fragments, 3),
            "gold_files": self.count,
        }


@frozen_dataclass
class GoldResult:
    """One gold file, the statement files it resolved to, and the scores of the report on them."""

    gold_path: str
    old_path: str
    new_path: str
    scores: Scores


@frozen_dataclass
class Evaluation:
    """The result of ``statediff eval``: one result per gold file and their mean."""

    threshold: float
    results: tuple[GoldResult, ...]
    mean: MeanScores


# --- reading gold files -------------------------------------------------------------------


def load_gold(path: str | Path) -> Gold:
    """Read and validate a gold file; every defect is a GoldFormatError naming the file."""
    source = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{source}: no such gold file") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a directory, expected a gold file") from None
    except UnicodeDecodeError:
        raise GoldFormatError(f"{source}: not a statediff-gold/1 file (not UTF-8 text)") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return parse_gold(data, source)


def parse_gold(data: Any, source: str = "<gold>") -> Gold:
    """Validate already-decoded gold data (see docs/gold-format.md)."""

    def fail(message: str) -> GoldFormatError:
        return GoldFormatError(f"{source}: {message}")

    if not isinstance(data, dict):
        raise fail(f"not a statediff-gold/1 file (top level is a {type(data).__name__}, expected an object)")
    if data.get("format") != GOLD_FORMAT:
        found = "no \"format\" field" if "format" not in data else f"\"format\" is {data['format']!r}"
        raise fail(f"not a statediff-gold/1 file ({found}, expected \"{GOLD_FORMAT}\")")
    sides = {name: _parse_side(data.get(name), name, fail) for name in SIDES}
    links_raw = data.get("links")
    if not isinstance(links_raw, list):
        raise fail("\"links\" must be a list")
    ids = {name: {u.id for u in side.units} for name, side in sides.items()}
    links = []
    for i, link in enumerate(links_raw):
        where = f"links[{i}]"
        if not isinstance(link, dict):
            raise fail(f"{where} must be an object with \"a\", \"b\" and \"kind\"")
        for name in SIDES:
            if not isinstance(link.get(name), str):
                raise fail(f"{where}: \"{name}\" must be a unit id (a string)")
            if link[name] not in ids[name]:
                raise fail(f"{where}: \"{name}\" refers to unit {link[name]!r}, which is not among the units of \"{name}\"")
        if link.get("kind") not in LINK_KINDS:
            raise fail(f"{where}: \"kind\" is {link.get('kind')!r}, expected \"sure\" or \"possible\"")
        links.append(GoldLink(link["a"], link["b"], link["kind"]))
    return Gold(source=source, a=sides["a"], b=sides["b"], links=tuple(links))


def _parse_side(raw: Any, name: str, fail: Callable[[str], GoldFormatError]) -> GoldSide:
    if not isinstance(raw, dict):
        raise fail(f"\"{name}\" must be an object with \"path\", \"units\" and \"noise\"")
    path = raw.get("path")
    if not isinstance(path, str) or not path:
        raise fail(f"{name}.path must be a non-empty string (the statement file, relative to --root)")
    units_raw = raw.get("units")
    if not isinstance(units_raw, list):
        raise fail(f"{name}.units must be a list")
    noise_raw = raw.get("noise", [])
    if not isinstance(noise_raw, list):
        raise fail(f"{name}.noise must be a list")
    units, seen = [], set()
    for i, unit in enumerate(units_raw):
        where = f"{name}.units[{i}]"
        if not isinstance(unit, dict):
            raise fail(f"{where} must be an object")
        uid = unit.get("id")
        if not isinstance(uid, str) or not uid:
            raise fail(f"{where}: \"id\" must be a non-empty string")
        if uid in seen:
            raise fail(f"{where}: duplicate unit id {uid!r} in \"{name}\"")
        seen.add(uid)
        if unit.get("kind") not in UNIT_KINDS:
            raise fail(f"{where} ({uid}): \"kind\" is {unit.get('kind')!r}, expected \"commitment\" or \"context\"")
        span = _parse_span(unit, f"{where} ({uid})", fail)
        units.append(GoldUnit(uid, unit["kind"], span.quote, span.start, span.end))
    noise = tuple(_parse_span(n, f"{name}.noise[{i}]", fail) for i, n in enumerate(noise_raw))
    return GoldSide(path=path, units=tuple(units), noise=noise)


def _parse_span(raw: Any, where: str, fail: Callable[[str], GoldFormatError]) -> GoldSpan:
    if not isinstance(raw, dict):
        raise fail(f"{where} must be an object with \"quote\", \"start\" and \"end\"")
    quote, start, end = raw.get("quote"), raw.get("start"), raw.get("end")
    if not isinstance(quote, str):
        raise fail(f"{where}: \"quote\" must be a string")
    # bool is an int subclass; true/false as offsets is a typo, not a position.
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise fail(f"{where}: \"start\" and \"end\" must be integer character offsets")
    if not 0 <= start < end:
        # An empty span would be "covered" by every commitment (half of nothing is nothing).
        raise fail(f"{where}: needs 0 <= start < end, got start={start}, end={end}")
    return GoldSpan(quote, start, end)


def locate_quotes(gold: Gold, side: str, text: str, path: str) -> Gold:
    """The gold with one side's offsets moved to where its quotes stand in ``text``.

    A gold file is made against the plain text of a statement; the same statement as .docx,
    .pdf or .html extracts to a text with other offsets (and other line wrapping). Each quote
    is found again — as written, else with any run of whitespace between its words, the
    occurrence nearest its old offset — so one gold file scores every format. A quote found
    nowhere is a GoldFormatError: the gold file was made for another version of the text."""
    gside = gold.side(side)

    def moved(span: Any, label: str) -> Any:
        if text[span.start:span.end] == span.quote:
            return span
        match = _find_quote(span.quote, span.start, text)
        if match is None:
            raise GoldFormatError(f"{gold.source}: {label}: the quote {span.quote[:60]!r} is not in {path}")
        return dataclasses.replace(span, start=match[0], end=match[1])

    units = tuple(moved(u, f"{side} unit {u.id}") for u in gside.units)
    noise = tuple(moved(n, f"{side}.noise[{i}]") for i, n in enumerate(gside.noise))
    new_side = dataclasses.replace(gside, units=units, noise=noise)
    return dataclasses.replace(gold, **{side: new_side})


def _find_quote(quote: str, near: int, text: str) -> tuple[int, int] | None:
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if starts:
        best = min(starts, key=lambda s: abs(s - near))
        return best, best + len(quote)
    flexible = r"\s+".join(re.escape(word) for word in quote.split())
    spans = [(m.start(), m.end()) for m in re.finditer(flexible, text)]
    return min(spans, key=lambda span: abs(span[0] - near)) if spans else None


# --- scoring -------------------------------------------------------------------------------


def _overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    return max(0, min(e1, e2) - max(s1, s2))


def score_report(gold: Gold, report: Mapping[str, Any]) -> Scores:
    """Score a report in the JSON contract (``to_dict`` output, or any tool's) against a gold file.

    The definitions are those of docs/gold-format.md; shared/tools/score.py is the reference
    and the two must agree figure for figure (tests/test_eval.py checks it)."""
    spans = {
        side: {c["id"]: (c["start"], c["end"]) for c in report[_REPORT_SIDE[side]]["commitments"]}
        for side in SIDES
    }
    pairs: set[tuple[str, str]] = set()
    matched: dict[str, set[str]] = {"a": set(), "b": set()}
    for change in report["changes"]:
        if change["status"] in _MATCHED:
            matched["a"].update(change["old"])
            matched["b"].update(change["new"])
            pairs.update((x, y) for x in change["old"] for y in change["new"])

    # cover[side][unit id]: reported commitments overlapping at least half of the unit's quote.
    cover: dict[str, dict[str, set[str]]] = {}
    for side in SIDES:
        cover[side] = {}
        for unit in gold.side(side).units:
            need = (unit.end - unit.start) / 2
            cover[side][unit.id] = {sid for sid, (s, e) in spans[side].items() if _overlap(s, e, unit.start, unit.end) >= need}

    sure = {(link.a, link.b) for link in gold.links if link.kind == "sure"}
    allowed = {(link.a, link.b) for link in gold.links}  # sure or possible: neither is a false link
    predicted = {
        (ua.id, ub.id)
        for ua in gold.a.units
        for ub in gold.b.units
        if any((x, y) in pairs for x in cover["a"][ua.id] for y in cover["b"][ub.id])
    }
    precision = len(predicted & allowed) / len(predicted) if predicted else 0.0
    recall = len(predicted & sure) / len(sure) if sure else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    judged, errors = 0, []
    for side in SIDES:
        absent = _ABSENT_STATUS[side]
        for unit in gold.side(side).units:
            if unit.kind != "commitment":
                continue
            kinds = [link.kind for link in gold.links if (link.a if side == "a" else link.b) == unit.id]
            if "sure" in kinds:
                want = "persisted"  # persisted or modified: the scorer checks matching, not wording
            elif not kinds:
                want = absent
            else:
                continue  # only possible links: either status is acceptable
            covering = cover[side][unit.id]
            got = "missed" if not covering else ("persisted" if covering & matched[side] else absent)
            judged += 1
            if got != want:
                errors.append(StatusError(side, unit.id, want, got, unit.quote))

    exact, n_commitments = 0, 0
    for side in SIDES:
        commitments = [u for u in gold.side(side).units if u.kind == "commitment"]
        covers: dict[str, set[str]] = {}  # reported id -> gold commitments it covers
        for unit in commitments:
            for sid in cover[side][unit.id]:
                covers.setdefault(sid, set()).add(unit.id)
        for unit in commitments:
            n_commitments += 1
            covering = cover[side][unit.id]
            if len(covering) == 1 and len(covers[next(iter(covering))]) == 1:
                exact += 1

    fragments, noise = 0, 0
    for side in SIDES:
        gside = gold.side(side)
        marks = [(u.start, u.end) for u in gside.units] + [(n.start, n.end) for n in gside.noise]
        # A fragment touches no gold unit and no noise span at all: over-segmentation, or a pledge the gold does not see.
        fragments += sum(1 for s, e in spans[side].values() if not any(_overlap(s, e, ms, me) for ms, me in marks))
        noise += sum(
            1 for n in gside.noise for s, e in spans[side].values() if _overlap(s, e, n.start, n.end) >= (n.end - n.start) / 2
        )

    return Scores(
        link_precision=precision,
        link_recall=recall,
        link_f1=f1,
        status_accuracy=(judged - len(errors)) / judged if judged else 1.0,
        status_n=judged,
        segmentation_exact=exact / n_commitments if n_commitments else 1.0,
        noise_reported=noise,
        fragments=fragments,
        errors=tuple(errors),
    )


def mean_scores(scores: Sequence[Scores]) -> MeanScores:
    """Macro average: each gold file weighs the same whatever its length."""
    n = len(scores)
    if not n:
        return MeanScores(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)

    def avg(values: Iterable[float]) -> float:
        return sum(values) / n

    return MeanScores(
        count=n,
        link_precision=avg(s.link_precision for s in scores),
        link_recall=avg(s.link_recall for s in scores),
        link_f1=avg(s.link_f1 for s in scores),
        status_accuracy=avg(s.status_accuracy for s in scores),
        segmentation_exact=avg(s.segmentation_exact for s in scores),
        noise_reported=avg(s.noise_reported for s in scores),
        fragments=avg(s.fragments for s in scores),
    )


# --- running a comparison per gold file ------------------------------------------------------


def statement_paths(gold: Gold, root: str | Path) -> tuple[str, str]:
    """The two statement files of a gold file, resolved against ``root``; missing files are an InputError."""
    resolved = []
    for side in SIDES:
        relative = gold.side(side).path
        path = Path(root) / relative
        if not path.is_file():
            raise InputError(
                f"{gold.source}: statement {side} ({relative}) not found under {root} "
                f"(looked for {path}; --root sets the folder the gold paths are relative to)"
            )
        resolved.append(str(path))
    return resolved[0], resolved[1]


def check_documents(gold: Gold, old: Document, new: Document) -> Gold:
    """The gold with its quotes located in both statements' texts (see locate_quotes)."""
    gold = locate_quotes(gold, "a", old.text, old.path)
    return locate_quotes(gold, "b", new.text, new.path)


def evaluate(gold_paths: Sequence[str | Path], root: str | Path = ".", threshold: float | None = None) -> Evaluation:
    """Run ``compare`` on the pair of each gold file and score it.

    Every gold file is read and checked against its statements before the first comparison,
    so a defect in the last file is reported at once rather than after minutes of work."""
    from .align import DEFAULT_THRESHOLD
    from .load import load
    from .pipeline import compare
    from .render.json_report import to_dict

    used_threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    golds = []
    pairs = []
    for path in gold_paths:
        gold = load_gold(path)
        old_path, new_path = statement_paths(gold, root)
        golds.append(check_documents(gold, load(old_path), load(new_path)))
        pairs.append((old_path, new_path))
    results = []
    for gold, (old_path, new_path) in zip(golds, pairs, strict=True):
        report: Report = compare(old_path, new_path, threshold=used_threshold)
        scores = score_report(gold, to_dict(report))
        results.append(GoldResult(gold_path=gold.source, old_path=old_path, new_path=new_path, scores=scores))
    return Evaluation(threshold=used_threshold, results=tuple(results), mean=mean_scores([r.scores for r in results]))
