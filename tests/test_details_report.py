"""The details stage on the seed pair: targets gone, renumbered sessions, topics, names, strength; JSON, text and --fail-on."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from click.testing import Result

from statediff import exit_codes
from statediff.details.strength import main_predicate
from statediff.details.types import ChangeDetails, Predicate
from statediff.model import LINKED_BY_NAMED_BODY, LINKED_BY_SCORE, Change, Report, Status
from statediff.pipeline import compare
from statediff.render.json_report import render_json
from statediff.render.terminal import render_terminal
from statediff.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
SEED_OLD = "seeds/jspg7-2022-kz-tr.ru.txt"
SEED_NEW = "seeds/jspg8-2026-kz-tr.ru.txt"
Invoke = Callable[..., Result]


@pytest.fixture(scope="module")
def report() -> Report:
    return compare(str(ROOT / SEED_OLD), str(ROOT / SEED_NEW))


def _change_with(report: Report, side: str, snippet: str) -> Change:
    """The change holding the commitment whose text contains ``snippet``."""
    seg = report.old if side == "old" else report.new
    (commitment,) = [c for c in seg.commitments if snippet in " ".join(c.text.split())]
    return next(ch for ch in report.changes if commitment.id in (ch.old if side == "old" else ch.new))


def _details(change: Change) -> ChangeDetails:
    assert isinstance(change.details, ChangeDetails)
    return change.details


def test_every_change_is_annotated(report: Report) -> None:
    assert all(isinstance(ch.details, ChangeDetails) for ch in report.changes)


def test_the_ten_billion_target_has_no_counterpart(report: Report) -> None:
    assert report.details is not None
    gone = [n for n in report.details.numbers.removed if n.kind == "money" and n.quantity == 10_000_000_000]
    assert len(gone) == 1
    target = gone[0]
    assert (target.text, target.unit, target.target) == ("10 млрд. долларов США", "USD", True)
    assert report.old.document.text[target.start:target.end] == target.text
    # it went with a dropped pledge, and nothing in 2026 names 10 billion dollars
    assert _change_with(report, "old", "до 10 млрд. долларов США").status is Status.DROPPED
    assert not any(n.kind == "money" for n in report.details.numbers.added)


def test_the_council_session_is_renumbered_four_to_six(report: Report) -> None:
    change = _change_with(report, "old", "к четвертому заседанию Совета стратегического сотрудничества")
    assert change.status is Status.MODIFIED
    (pair,) = [p for p in _details(change).numbers.changed if p.old.kind == "ordinal"]
    assert (pair.old.quantity, pair.new.quantity, pair.old.unit, pair.new.unit) == (4, 6, "session", "session")
    assert (pair.old.text, pair.new.text) == ("четвертому заседанию", "6-го заседания")
    assert report.old.document.text[pair.old.start:pair.old.end] == pair.old.text
    assert report.new.document.text[pair.new.start:pair.new.end] == pair.new.text
    # the High-Level Strategic Cooperation Council is what both sides share, under two names
    assert "=hlscc" in [t.term for t in _details(change).why]


@pytest.mark.parametrize(
    ("snippet", "topic"),
    [
        ("важность сотрудничества в энергетике", "energy"),
        ("сотрудничество в оборонной сфере", "security_defence"),
        ("Транскаспийского Восточно-Западного Среднего коридора", "transport_connectivity"),
        ("противодействию новым угрозам миру и безопасности", "security_defence"),
    ],
)
def test_new_pledges_by_topic(report: Report, snippet: str, topic: str) -> None:
    change = _change_with(report, "new", snippet)
    assert change.status is Status.NEW
    assert topic in _details(change).topics


@pytest.mark.parametrize("topic", ["energy", "security_defence", "transport_connectivity"])
def test_the_topic_table_counts_new_pledges(report: Report, topic: str) -> None:
    (row,) = [row for row in report.topics if row.topic == topic]
    new = sum(1 for ch in report.changes if ch.status is Status.NEW and topic in _details(ch).topics)
    assert row.new == new > 0


def test_the_topic_table_counts_every_change_per_topic(report: Report) -> None:
    assert len(report.topics) == 14  # every topic of the taxonomy, in its order
    for row in report.topics:
        for status in Status:
            expected = sum(1 for ch in report.changes if ch.status is status and row.topic in _details(ch).topics)
            assert getattr(row, status.value) == expected, (row.topic, status)


def test_names_that_appeared_and_vanished(report: Report) -> None:
    assert report.details is not None
    appeared = {e.key for e in report.details.entities.added}
    vanished = {e.key for e in report.details.entities.removed}
    assert {"gaza", "cyprus", "middle_corridor", "turkic_world_vision_2040"} <= appeared
    assert "astana_process" in vanished
    # named in both statements, under different names and scripts: neither appeared nor vanished
    assert not {"cica", "ots", "hlscc", "jspg"} & (appeared | vanished)


def test_all_lists_every_name_the_default_the_first_few(report: Report) -> None:
    from statediff.render.details import MAX_NAMES

    assert report.details is not None and len(report.details.entities.added) > MAX_NAMES
    short, full = io.StringIO(), io.StringIO()
    render_terminal(report, "plain", False, False, short)
    render_terminal(report, "plain", False, True, full)
    last = _entity_label(report.details.entities.added[-1])
    assert f"and {len(report.details.entities.added) - MAX_NAMES} more" in short.getvalue()
    assert " more" not in " ".join(full.getvalue().split()).split("vanished:")[0].split("appeared:")[1]
    assert last in " ".join(full.getvalue().split())


def _entity_label(entity: object) -> str:
    from statediff.render.details import _entity

    return _entity(entity)  # type: ignore[arg-type]


def test_a_name_in_a_comment_section_is_no_name_of_the_statement(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    body = "Las Partes acordaron elevar el comercio bilateral.\nLas Partes reforzarán la cooperación en seguridad.\n"
    report = _texts_compared(tmp_path, body + "Las Partes abrirán una oficina comercial en Valparaíso.\n",
                             body + "Comentarios (5)\nAna: ¿Y la oficina en Valparaíso?\n")
    assert report.details is not None
    assert "Valparaíso" in {e.text for e in report.details.entities.removed}


# The main predicate of each matched seed pledge, whatever the alignment pairs it with.
SEED_PREDICATES = [
    ("old", "стороны подтвердили намерение продолжить", "intent", "подтвердили намерение"),
    ("old", "Стороны отметили важность взаимных контактов", "note", "отметили"),
    ("old", "был обсужден ход подготовки", "note", "обсужден"),
    ("old", "В этой связи стороны подчеркнули важность укрепления", "note", "подчеркнули"),
    ("old", "Стороны обратили внимание на важность", "note", "обратили внимание"),
    ("old", "и заявили о своей поддержке трансформации", "support", "заявили о своей поддержке"),
    ("old", "достигнута договоренность касательно", "binding", "достигнута договоренность"),
    ("new", "министры иностранных дел подтвердили приверженность", "binding", "подтвердили приверженность"),
    ("new", "Они подчеркнули, что такие контакты", "note", "подчеркнули"),
    ("new", "стало своевременной возможностью обсудить", "note", "обсудить"),
    ("new", "и договорились продолжать поддержку", "binding", "договорились"),
    ("new", "Стороны поощрили сотрудничество", "support", "поощрили"),
    ("new", "стороны отметили важность углубления взаимодействия", "note", "отметили"),
    ("new", "стороны поддержали преобразование CICA", "support", "поддержали"),
    ("new", "и договорились поддерживать кандидатуры", "binding", "договорились"),
]


@pytest.mark.parametrize(("side", "snippet", "label", "verb"), SEED_PREDICATES)
def test_seed_strength(report: Report, side: str, snippet: str, label: str, verb: str) -> None:
    seg = report.old if side == "old" else report.new
    (commitment,) = [c for c in seg.commitments if snippet in " ".join(c.text.split())]
    predicate = main_predicate(seg.document.text, "ru", commitment.start, commitment.end)
    assert predicate is not None and (predicate.label, predicate.verb) == (label, verb)


def test_matched_pledges_carry_both_strengths(report: Report) -> None:
    matched = [ch for ch in report.changes if ch.old and ch.new]
    assert matched
    for change in matched:
        strength = _details(change).strength
        assert strength.old is not None and strength.new is not None
        moved = strength.new.level - strength.old.level
        assert strength.change == ("strengthened" if moved > 0 else "weakened" if moved < 0 else None)
    # "подтвердили намерение" (2022) became "подтвердили приверженность" (2026)
    change = _change_with(report, "old", "стороны подтвердили намерение продолжить")
    strength = _details(change).strength
    assert strength.old is not None and strength.new is not None
    assert (strength.old.verb, strength.new.verb, strength.change) == ("подтвердили намерение", "подтвердили приверженность", "strengthened")


def test_every_dropped_and_new_pledge_has_its_nearest_miss(report: Report) -> None:
    threshold = report.settings.threshold
    for change in report.changes:
        details = _details(change)
        if change.status in (Status.DROPPED, Status.NEW) and details.nearest is not None:
            other = report.new if change.status is Status.DROPPED else report.old
            assert details.nearest.id in {c.id for c in other.commitments}
            # below the threshold, or its partner went to a better-scoring link
            partner = next(ch for ch in report.changes if details.nearest.id in ch.old + ch.new)
            assert details.nearest.score < threshold or (partner.old and partner.new)
    dropped = _change_with(report, "old", "до 10 млрд. долларов США")
    assert _details(dropped).nearest is not None


def test_uncertain_matches_are_near_the_threshold(report: Report) -> None:
    for change in report.changes:
        details = _details(change)
        if change.old and change.new:
            assert change.score is not None
            assert details.uncertain is (change.score < report.settings.threshold + 0.05)
            assert details.why  # every match shares some term
        else:
            assert not details.uncertain and not details.why


# -- rendering --------------------------------------------------------------------------------


def _plain(report: Report) -> str:
    stream = io.StringIO()
    render_terminal(report, "plain", False, False, stream)
    return stream.getvalue()


def test_plain_report_opens_with_topics_and_says_the_target_is_gone(report: Report) -> None:
    out = _plain(report)
    assert out.index("Topics") < out.index("Names") < out.index("Figures with no counterpart") < out.index("Dropped (")
    assert "target 10 млрд. долларов США (10,000,000,000 USD)" in out
    flat = " ".join(out.split())
    assert "target 10 млрд. долларов США (10,000,000,000 USD), old line 12 (dropped): no counterpart in the new statement" in flat
    assert "четвертому заседанию -> 6-го заседания (session 4 -> 6)" in flat
    assert "strength: подтвердили намерение (intent) -> подтвердили приверженность (binding), strengthened" in flat
    assert "vanished: Astana process" in flat
    assert "nearest miss: new line" in flat


@pytest.mark.parametrize(("score", "shown"), [(0.2293, "score 0.229 (threshold 0.23"), (0.1512, "score 0.15 (threshold 0.23")])
def test_a_nearest_miss_never_looks_equal_to_the_threshold(report: Report, score: float, shown: str) -> None:
    from dataclasses import replace

    from statediff.render.details import change_notes

    dropped = next(ch for ch in report.changes if ch.status is Status.DROPPED and _details(ch).nearest is not None)
    details = _details(dropped)
    moved = replace(dropped, details=replace(details, nearest=replace(details.nearest, score=score)))
    [note] = [n for n in change_notes(moved, report, "->") if n[0] == "nearest miss"]
    assert shown in note[1]


def test_across_languages_the_notes_name_the_lower_floor(report: Report) -> None:
    # (found in review) "score within 0.05 of the threshold 0.23" on links at 0.10, and a nearest
    # miss at 0.18 with no word on why pairs at 0.10 linked
    from dataclasses import replace

    from statediff.details.annotate import link_bars
    from statediff.render.details import change_notes

    # The details stage fixes the bars for the two languages; the renderer only quotes them (the
    # report's languages stay Russian here: only the bars can say "across languages").
    bars = link_bars(report.settings.threshold, report.old.language, "es")
    assert report.details is not None and report.details.bars == link_bars(report.settings.threshold, "ru", "ru")
    spanish = replace(report, details=replace(report.details, bars=bars))
    dropped = next(ch for ch in report.changes if ch.status is Status.DROPPED and _details(ch).nearest is not None)
    [note] = [n for n in change_notes(dropped, spanish, "->") if n[0] == "nearest miss"]
    assert "across languages from 0.08 when 1.2 × the runner-up" in note[1]
    linked = next(ch for ch in report.changes if ch.old and ch.new)
    uncertain = replace(linked, details=replace(_details(linked), uncertain=True))
    [note] = [n for n in change_notes(uncertain, spanish, "->") if n[0] == "uncertain"]
    assert note[1].startswith("score within 0.02 of the cross-language floor 0.08")


def test_a_link_under_the_threshold_names_the_rule_that_made_it(report: Report) -> None:
    # (found in review) a pair linked at 0.17 by the named-body rule read "score within 0.05 of the
    # threshold 0.23", and --help says the threshold is the least score of a link
    from dataclasses import replace

    from statediff.render.details import change_notes

    linked = next(ch for ch in report.changes if ch.old and ch.new)
    below = replace(linked, score=0.17, details=replace(_details(linked), uncertain=True, link_rule=LINKED_BY_NAMED_BODY))
    [note] = [n for n in change_notes(below, report, "->") if n[0] == "uncertain"]
    assert note[1].startswith("score 0.17, under the threshold 0.23: linked as each other's best partners that name one body")
    near = replace(linked, score=0.25, details=replace(_details(linked), uncertain=True, link_rule=LINKED_BY_SCORE))
    [note] = [n for n in change_notes(near, report, "->") if n[0] == "uncertain"]
    assert note[1].startswith("score within 0.05 of the threshold 0.23")


def test_json_details(run: Invoke) -> None:
    result = run(SEED_OLD, SEED_NEW, "--format", "json")
    assert result.exit_code == exit_codes.OK
    data = json.loads(result.stdout)
    texts = {"old": (ROOT / SEED_OLD).read_text("utf-8"), "new": (ROOT / SEED_NEW).read_text("utf-8")}
    assert [row["topic"] for row in data["topics"]][:3] == ["trade_investment", "energy", "transport_connectivity"]
    gone = [n for n in data["numbers"]["vanished"] if n["kind"] == "money" and n["value"] == {"amount": 10_000_000_000, "currency": "USD"}]
    assert len(gone) == 1 and gone[0]["target"] is True
    assert texts["old"][gone[0]["start"]:gone[0]["end"]] == "10 млрд. долларов США"
    assert "astana_process" in {e["key"] for e in data["entities"]["vanished"]}
    for change in data["changes"]:
        details = change["details"]
        assert set(details) == {"strength", "numbers", "entities", "topics", "why", "uncertain", "link_rule", "runner_up", "nearest"}
        assert details["link_rule"] == ("score" if change["old"] and change["new"] else None)
        assert details["strength"]["change"] in (None, "strengthened", "weakened")
        assert details["topics"]
        for number in details["numbers"]["removed"] + details["numbers"]["added"]:
            side = "old" if number["id"].startswith("o") else "new"
            assert texts[side][number["start"]:number["end"]] == number["text"]
        if change["status"] in ("dropped", "new"):
            assert details["why"] == [] and details["runner_up"] is None


def test_fail_on_weakened(run: Invoke) -> None:
    # The seed pair only strengthens; read backwards, those pledges weaken.
    assert run(SEED_OLD, SEED_NEW, "--format", "json", "--fail-on", "weakened").exit_code == exit_codes.OK
    backwards = run(SEED_NEW, SEED_OLD, "--format", "github", "--fail-on", "weakened")
    assert backwards.exit_code == exit_codes.POLICY_VIOLATED
    errors = [line for line in backwards.stdout.splitlines() if line.startswith("::error")]
    assert errors and all("title=Weakened pledge" in line for line in errors)
    assert all("Strength: " in line and "weakened" in line for line in errors)


def _predicate_of(verb: str, label: str, level: int, negated: bool = False) -> Predicate:
    return Predicate(level, label, verb, 0, len(verb), negated)


@pytest.mark.parametrize(
    ("old", "new", "change", "text"),
    [
        (("exchanged views", "note", 0), ("exchanged  views", "note", 0), None, "exchanged views (note)"),
        (("will", "binding", 4), ("intend to", "intent", 3), "weakened", "will (binding) → intend to (intent), weakened"),
        (("agreed", "binding", 4), ("agreed", "binding", 4, True), None, "agreed (binding) → agreed (binding, negated)"),
    ],
    ids=["same-words-once", "weakened", "negation-shown"],
)
def test_strength_line(old: tuple, new: tuple, change: str | None, text: str) -> None:
    from statediff.details.types import EntityChanges, NumberChanges, Strength
    from statediff.render.details import strength_text

    strength = Strength(_predicate_of(*old), _predicate_of(*new), change, old[3:] != new[3:])
    details = ChangeDetails(strength, NumberChanges(), EntityChanges(), ())
    shown = strength_text(details, "→")
    assert shown is not None and shown.startswith(text)


@pytest.mark.parametrize(("old", "new", "matched", "text"), [
    # (found by a user's audit) a predicate read on one side of a match said nothing of the side
    (("hailed", "welcome", 1), None, True, "hailed (welcome) → (none read)"),
    (None, ("pledge", "binding", 4), True, "(none read) → pledge (binding)"),
    (("hailed", "welcome", 1), None, False, "hailed (welcome)"),  # a dropped pledge: its own predicate
])
def test_a_match_with_one_sides_predicate_says_which_side(old: tuple | None, new: tuple | None, matched: bool, text: str) -> None:
    from statediff.details.types import EntityChanges, NumberChanges, Strength
    from statediff.render.details import strength_text

    strength = Strength(None if old is None else _predicate_of(*old), None if new is None else _predicate_of(*new))
    assert strength_text(ChangeDetails(strength, NumberChanges(), EntityChanges(), ()), "→", matched) == text


def test_a_report_made_without_the_details_stage_has_no_score_notes(report: Report) -> None:
    # No bars to quote: no uncertain note and no nearest-miss score, but a pledge that shares no
    # term with any on the other side still says so (found in review: that note went too).
    from dataclasses import replace

    from statediff.render.details import change_notes

    bare = replace(report, details=None)
    lonely = next(ch for ch in report.changes if ch.status in (Status.NEW, Status.DROPPED) and _details(ch).nearest is None)
    assert ("nearest miss", "none: no pledge on the other side shares a term") in change_notes(lonely, bare, "->")
    missed = next(ch for ch in report.changes if ch.status is Status.DROPPED and _details(ch).nearest is not None)
    assert "nearest miss" in [n[0] for n in change_notes(missed, report, "->")]
    assert "nearest miss" not in [n[0] for n in change_notes(missed, bare, "->")]


_LIST = ("Joint Statement of the Ministers\n\nThe ministers agreed to deepen cooperation in trade and energy.\n\n"
         "The United States and Mexico {lead}:\n"
         "• expand training for prosecutors and judges;\n"
         "• increase personnel at the border by 2,000 officers;\n"
         "• stand up additional ballistics labs to process seized weapons.\n")


@pytest.mark.parametrize(("old_lead", "new_lead", "status", "change"), [
    ("will", "will not", Status.MODIFIED, "weakened"),  # a negation gained in the lead-in is every item's
    ("will", "will no longer", Status.MODIFIED, "weakened"),
    ("will", "will", Status.PERSISTED, None),
    # a hedging modal with no cue word opens a list too: the items stayed persisted, one unreported
    ("will", "may", Status.MODIFIED, "weakened"),
    ("may", "will", Status.MODIFIED, "strengthened"),
])
def test_a_list_items_lead_in_is_part_of_its_strength(tmp_path: Path, old_lead: str, new_lead: str, status: Status,
                                                      change: str | None) -> None:
    # "will:" → "will not:" left the items persisted and --fail-on weakened passed: the lead-in was
    # skipped as a heading and the items' words are the same (found by a new user's review)
    report = _texts_compared(tmp_path, _LIST.format(lead=old_lead), _LIST.format(lead=new_lead))
    items = [c for c in report.changes if c.old and report.old.commitments[int(c.old[0][1:]) - 1].lead is not None]
    assert len(items) == 3
    assert all(c.status is status and _details(c).strength.change == change for c in items)
    lead_text = report.old.document.text[slice(*report.old.commitments[int(items[0].old[0][1:]) - 1].lead)]
    assert lead_text == f"The United States and Mexico {old_lead}"
    # the items read their lead-ins' predicates: "will (binding)", "may (intent)" (a hedge that ends the lead-in)
    verbs = {"will": "will", "will not": "will", "will no longer": "will", "may": "may"}
    assert all((_details(c).strength.old.verb, _details(c).strength.new.verb) == (verbs[old_lead], verbs[new_lead]) for c in items)
    # the report names the lead-ins, whose words made the change (the items' own are the same)
    leads = (f"The United States and Mexico {old_lead}", f"The United States and Mexico {new_lead}")
    assert all(_details(c).strength.lead_in == (leads if change else None) for c in items)
    data = json.loads(render_json(report))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    json_leads = [ch["details"]["strength"].get("lead_in") for ch in data["changes"] if ch["old"] in ([c.old[0]] for c in items)]
    assert json_leads == [{"old": leads[0], "new": leads[1]} if change else None] * 3
    stream = io.StringIO()
    render_terminal(report, "plain", False, False, stream)
    assert (f'lead-in "{leads[0]}" -> "{leads[1]}"' in " ".join(stream.getvalue().split())) == bool(change)


_INLINE_LISTS = {
    # the clause rules cut at "; (b)"; the item's marker is skipped, its "(" is no part of the item before
    "en": ("Joint Statement of the Ministers\n\nThe ministers agreed to deepen cooperation in trade and energy.\n\n"
           "The parties {lead}: (a) expand cooperation on arms trafficking; (b) increase funding for border scanners by 2025.\n"),
    # no colon: the lead-in ends at the first item's marker (found by a new user's review)
    "en-marker": ("Joint Statement of the Ministers\n\nThe ministers agreed to deepen cooperation in trade and energy.\n\n"
                  "The parties {lead} (a) expand cooperation on arms trafficking; (b) increase funding for border scanners by 2025.\n"),
    # the sentence splitter cuts at "; 2)": the item is a sentence that carries the one before
    "ru": ("Совместное заявление министров\n\nМинистры договорились углублять сотрудничество в торговле и энергетике.\n\n"
           "Стороны {lead}: 1) расширять сотрудничество в области энергетики; 2) увеличивать финансирование "
           "пограничного контроля до 2025 года.\n"),
}


@pytest.mark.parametrize(("language", "old_lead", "new_lead", "status", "change"), [
    ("en", "will", "will not", Status.MODIFIED, "weakened"),
    ("en", "will", "will", Status.PERSISTED, None),
    ("en-marker", "will", "will not", Status.MODIFIED, "weakened"),
    ("ru", "будут", "не будут", Status.MODIFIED, "weakened"),
    ("ru", "будут", "будут", Status.PERSISTED, None),
])
def test_an_inline_lists_lead_in_is_every_items(tmp_path: Path, language: str, old_lead: str, new_lead: str,
                                                status: Status, change: str | None) -> None:
    # "The parties will not: (a) X; (b) Y" weakened X alone: Y, cut off at the ';', lost the
    # lead-in's negation and stayed persisted (noticed in review)
    report = _texts_compared(tmp_path, _INLINE_LISTS[language].format(lead=old_lead), _INLINE_LISTS[language].format(lead=new_lead))
    items = [c for c in report.changes if c.old and int(c.old[0][1:]) > 1]
    assert len(items) == 2
    assert all(c.status is status and _details(c).strength.change == change for c in items)
    second = report.old.commitments[-1]
    assert second.text.startswith(("increase funding", "увеличивать")) and report.old.commitments[-2].text.endswith(("trafficking", "энергетики"))
    assert report.old.document.text[slice(*second.lead)] == f"{'Стороны' if language == 'ru' else 'The parties'} {old_lead}"


def test_only_the_lead_in_sentence_is_the_items(tmp_path: Path) -> None:
    # a sentence before the lead-in in its paragraph is no part of the items: its negation changed nothing there (found in review)
    report = _texts_compared(tmp_path,
                             _LIST.replace("The United States and Mexico {lead}:", "Neither country can meet these challenges alone. "
                                           "The United States and Mexico will:"),
                             _LIST.replace("The United States and Mexico {lead}:", "Together the two countries can meet these challenges. "
                                           "The United States and Mexico will:"))
    items = [c for c in report.changes if c.old and report.old.commitments[int(c.old[0][1:]) - 1].lead is not None]
    assert len(items) == 3 and all(c.status is Status.PERSISTED for c in items)


def _plan(rows: list[tuple[str, str, str]]) -> str:
    cells = "".join(f"<tr><td>{n}</td><td>{action}</td><td>{deadline}</td></tr>" for n, action, deadline in rows)
    return ("<html><body><h1>Action plan</h1><p>The ministers agreed to deepen cooperation in trade and energy.</p>"
            f"<table><tr><th>No.</th><th>Action</th><th>Deadline</th></tr>{cells}</table></body></html>")


_CONSULATE = "The parties will open a consulate in Shymkent."
_FUND = "The parties will launch a joint fund for small businesses."


@pytest.mark.parametrize(("old_rows", "new_rows", "status", "changed"), [
    # a deadline in the cell beside a pledge is its deadline: changed, the pledge is modified
    ([("1", _CONSULATE, "2025")], [("1", _CONSULATE, "2027")], Status.MODIFIED, [("2025", "2027")]),
    ([("1", _CONSULATE, "December 2026")], [("1", _CONSULATE, "March 2028")], Status.MODIFIED, [("December 2026", "March 2028")]),
    ([("1", _CONSULATE, "2025")], [("1", _CONSULATE, "2025")], Status.PERSISTED, []),
    # a row inserted above renumbers the row: its number is no figure of the pledge
    ([("1", _CONSULATE, "2025")], [("1", _FUND, "2026"), ("2", _CONSULATE, "2025")], Status.PERSISTED, []),
    # a cell beside that holds a pledge of its own lends it no figure
    ([("1", _CONSULATE, _FUND + " 2025")], [("1", _CONSULATE, _FUND + " 2027")], Status.PERSISTED, []),
])
def test_a_table_rows_deadline_is_its_pledges(tmp_path: Path, old_rows: list[tuple[str, str, str]],
                                              new_rows: list[tuple[str, str, str]], status: Status, changed: list[tuple[str, str]]) -> None:
    # "2025" → "2027" in a deadline column left the pledge persisted: the cells were read apart (noticed in review)
    report = _texts_compared(tmp_path, _plan(old_rows), _plan(new_rows), None, ".html")
    consulate = next(c for c in report.changes if c.old and report.old.commitments[int(c.old[0][1:]) - 1].text == _CONSULATE)
    assert consulate.status is status
    assert [(p.old.text, p.new.text) for p in _details(consulate).numbers.changed] == changed


_SECURITY = ("The leaders intend to {verb} bilateral security cooperation, including joint exercises, information sharing "
             "and defence industrial collaboration, in line with their shared vision for a free and open Indo-Pacific.")


@pytest.mark.parametrize(("verb", "status", "direction"), [
    ("reduce", Status.MODIFIED, ("expand", "reduce")),  # one word of 30 turns the pledge: no longer persisted
    ("deepen", Status.PERSISTED, None),  # another word of the same direction: persisted, as before
])
def test_a_pledge_turned_by_one_word_is_modified(tmp_path: Path, verb: str, status: Status, direction: tuple[str, str] | None) -> None:
    report = _texts_compared(tmp_path, _SECURITY.format(verb="expand"), _SECURITY.format(verb=verb))
    (change,) = report.changes
    assert change.status is status and _details(change).strength.direction == direction
    data = json.loads(render_json(report))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert data["changes"][0]["details"]["strength"].get("direction") == (None if direction is None else dict(zip(("old", "new"), direction, strict=True)))
    stream = io.StringIO()
    render_terminal(report, "plain", False, False, stream)
    assert ("direction reversed: expand -> reduce" in " ".join(stream.getvalue().split())) == (direction is not None)


@pytest.mark.parametrize(("old_text", "new_text", "change"), [
    # one side's predicate words gone, the other side's read: weakened (found by a new user's review)
    ("The sides committed to double funding for student exchanges.", "The sides are weighing ways to double funding for student exchanges.",
     "weakened"),
    ("Стороны проведут пятое заседание межправительственной комиссии в Анкаре в 2025 году.",
     "Стороны рассмотрят возможность проведения пятого заседания межправительственной комиссии в Анкаре в 2025 году.", "weakened"),
    ("The parties welcomed the accession of Ukraine to the organisation.", "The parties regretted the accession of Ukraine to the organisation.",
     "weakened"),
    # the other way round, strengthened
    ("The sides are weighing ways to double funding for student exchanges.", "The sides committed to double funding for student exchanges.",
     "strengthened"),
])
def test_a_predicate_lost_or_gained_changes_the_strength(tmp_path: Path, old_text: str, new_text: str, change: str) -> None:
    (matched,) = _texts_compared(tmp_path, old_text + "\n", new_text + "\n").changes
    assert matched.status is Status.MODIFIED and _details(matched).strength.change == change


@pytest.mark.parametrize(("old_text", "new_text", "change", "negation_changed"), [
    # a prohibition lifted: weakened (read before as "shall (binding, negated) -> (none read)")
    ("A Party shall not restrict the transfer of funds related to investments.", "A Party may restrict the transfer of funds related to investments.",
     "weakened", True),
    # the same prohibition in other words: no change of strength ("may" is no hedge after "No Party")
    ("A Party shall not restrict the transfer of funds related to investments.", "No Party may restrict the transfer of funds related to investments.",
     None, False),
    ("No Party may restrict the transfer of funds related to investments.", "A Party shall not restrict the transfer of funds related to investments.",
     None, False),
])
def test_a_treatys_permission_and_prohibition(tmp_path: Path, old_text: str, new_text: str, change: str | None, negation_changed: bool) -> None:
    (matched,) = _texts_compared(tmp_path, old_text + "\n", new_text + "\n").changes
    strength = _details(matched).strength
    assert matched.status is Status.MODIFIED and strength.old is not None and strength.new is not None
    assert (strength.change, strength.negation_changed) == (change, negation_changed)


@pytest.mark.parametrize("new_text", [
    "The parties will hold no consultations on energy security.",
    "The parties won't hold consultations on energy security.",
    "The parties won’t hold consultations on energy security.",  # a curly apostrophe: the pledge was lost from the comparison
])
def test_a_pledge_negated_by_no_or_wont_is_weakened(tmp_path: Path, new_text: str) -> None:
    (matched,) = _texts_compared(tmp_path, "The parties will hold consultations on energy security.\n", new_text + "\n").changes
    assert matched.status is Status.MODIFIED
    assert _details(matched).strength.change == "weakened" and _details(matched).strength.negation_changed


@pytest.mark.parametrize(("new_text", "status", "change"), [
    # across languages the levels are not compared, but a negation is read in each language alike (found by a new user's review)
    ("No nos comprometemos a garantizar el acceso a la protección internacional para los migrantes.", Status.MODIFIED, "weakened"),
    ("Nos comprometemos a garantizar el acceso a la protección internacional para los migrantes.", Status.PERSISTED, None),
])
def test_a_negation_across_languages_is_a_reversal(tmp_path: Path, new_text: str, status: Status, change: str | None) -> None:
    (matched,) = _texts_compared(tmp_path, "We commit to guarantee access to international protection for migrants.\n", new_text + "\n").changes
    assert matched.status is status and _details(matched).strength.change == change


_LAYOUT = ("<html><body><table><tr><td>Press release<br>{date}</td><td><h1>Joint statement</h1>"
           "<p>The parties will open a consulate in Shymkent.</p><p>The parties will expand student exchanges.</p>"
           "<p>The parties will hold annual consultations.</p></td></tr></table></body></html>")


def test_a_layout_tables_sidebar_is_no_figure_of_the_statement(tmp_path: Path) -> None:
    # every pledge took the sidebar's date for its figure and was modified (found in review)
    report = _texts_compared(tmp_path, _LAYOUT.format(date="12 May 2023"), _LAYOUT.format(date="14 June 2024"), None, ".html")
    assert len(report.changes) == 3 and all(c.status is Status.PERSISTED for c in report.changes)


def test_a_list_item_with_no_predicate_carries_its_lead_ins(tmp_path: Path) -> None:
    # "• open …" under "will:" read no predicate, so "open" → "welcome" was strengthened (found in review)
    lines = "The United States and Mexico will:\n• {verb} a joint office for firearms tracing in Monterrey by 2025;\n• hold a joint review in 2026.\n"
    report = _texts_compared(tmp_path, lines.format(verb="open"), lines.format(verb="welcome"))
    office = next(c for c in report.changes if "office" in report.old.commitments[int(c.old[0][1:]) - 1].text)
    strength = _details(office).strength
    assert (strength.old.verb, strength.new.verb, strength.change) == ("will", "welcome", "weakened")


def test_condemn_to_do_not_condemn_across_languages(tmp_path: Path) -> None:
    # across languages the negation was compared with "or", and "condemn" → "no condenamos" was persisted (found in review)
    (matched,) = _texts_compared(tmp_path, "We strongly condemn the attacks against migrants at the border between Mexico and Guatemala.\n",
                                 "No condenamos los ataques contra los migrantes en la frontera entre México y Guatemala.\n",
                                 "en", new_lang="es").changes
    assert matched.status is Status.MODIFIED and _details(matched).strength.negation_changed


def _measures(rows: list[tuple[str, str, str]]) -> str:
    cells = "".join(f"<tr><td>{measure}</td><td>{deadline}</td><td>{body}</td></tr>" for measure, deadline, body in rows)
    return f"<html><body><h1>Action plan</h1><table><tr><th>Measure</th><th>Deadline</th><th>Responsible</th></tr>{cells}</table></body></html>"


_PLAN_EN = [("Hold the next meeting of the Joint Strategic Planning Group.", "Q4 2024", "Ministries of Foreign Affairs"),
            ("Increase bilateral trade to USD 10 billion.", "2025", "Ministry of Trade"),
            ("Organise Days of Kazakh Culture in Türkiye.", "2025", "Ministry of Culture")]
_PLAN_RU = [("Провести заседание Совместной группы стратегического планирования.", "IV квартал 2024 года", "МИД РК, МИД ТР"),
            ("Довести взаимный товарооборот до 10 миллиардов долларов.", "2025 год", "Министерство торговли"),
            ("Организовать Дни культуры Казахстана в Турции.", "2025 год", "Министерство культуры")]


@pytest.mark.parametrize(("plan", "edit", "status", "row"), [
    # an instruction in a table cell is a measure of the plan: deleted, it is dropped (found by a new user's review: 3 of 6 rows unread)
    (_PLAN_EN, lambda rows: rows[:1] + rows[2:], Status.DROPPED, None),
    (_PLAN_RU, lambda rows: rows[:1] + rows[2:], Status.DROPPED, None),
    # a quarter, a half-year or a responsible body changed beside it: modified, the row named
    (_PLAN_EN, lambda rows: [(rows[0][0], "Q3 2024", rows[0][2])] + rows[1:], Status.MODIFIED,
     ("Q4 2024 | Ministries of Foreign Affairs", "Q3 2024 | Ministries of Foreign Affairs")),
    (_PLAN_RU, lambda rows: [(rows[0][0], "III квартал 2024 года", rows[0][2])] + rows[1:], Status.MODIFIED,
     ("IV квартал 2024 года | МИД РК, МИД ТР", "III квартал 2024 года | МИД РК, МИД ТР")),
    (_PLAN_EN, lambda rows: [(rows[0][0], rows[0][1], "Ministry of Trade")] + rows[1:], Status.MODIFIED,
     ("Q4 2024 | Ministries of Foreign Affairs", "Q4 2024 | Ministry of Trade")),
])
def test_an_action_plans_rows(tmp_path: Path, plan: list[tuple[str, str, str]],
                              edit: Callable[[list[tuple[str, str, str]]], list[tuple[str, str, str]]], status: Status,
                              row: tuple[str, str] | None) -> None:
    report = _texts_compared(tmp_path, _measures(plan), _measures(edit(plan)), None, ".html")
    assert len(report.old.commitments) == 3
    changed = [c for c in report.changes if c.status is not Status.PERSISTED]
    assert [c.status for c in changed] == [status]
    if row is not None:
        assert _details(changed[0]).row == row
        stream = io.StringIO()
        render_terminal(report, "plain", False, False, stream)
        assert f"row: {row[0]} -> {row[1]}" in " ".join(stream.getvalue().split())


def _texts_compared(tmp_path: Path, old_text: str, new_text: str, lang: str | None = None, suffix: str = ".txt",
                    new_lang: str | None = None) -> Report:
    """The comparison of two statements written to files, in ``lang`` when given (the new one in ``new_lang`` if given)."""
    old, new = tmp_path / f"old{suffix}", tmp_path / f"new{suffix}"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    return compare(str(old), str(new), language_old=lang, language_new=new_lang or lang)


def _lists_compared(tmp_path: Path, old_lead: str, new_lead: str, items: str) -> Report:
    """The comparison of one list of two items under an old and a new lead-in."""
    report = _texts_compared(tmp_path, f"{old_lead}:\n{items}", f"{new_lead}:\n{items}")
    assert len(report.changes) == 2
    return report


@pytest.mark.parametrize(("language", "old_lead", "new_lead"), [
    ("en", "The Parties will", "The Parties can"), ("en", "The Parties will", "The Parties may"),
    ("ru", "Стороны будут", "Стороны могут"), ("ru", "Стороны будут", "Стороны вправе"),
])
def test_a_lead_in_turned_into_a_permission_weakens_its_items(tmp_path: Path, language: str, old_lead: str, new_lead: str) -> None:
    # "will:" → "can:" dropped the items (the lead-in opened no list) and "may:" was a pledge of its own (found in review)
    items = ("- hold a meeting of the Intergovernmental Commission in Astana in 2025;\n- increase trade to USD 15 billion.\n" if language == "en"
             else "- провести заседание межправительственной комиссии в Астане в 2025 году;\n- довести товарооборот до 15 млрд долларов.\n")
    report = _lists_compared(tmp_path, old_lead, new_lead, items)
    assert all(c.status is Status.MODIFIED and _details(c).strength.change == "weakened" for c in report.changes)


def test_a_new_or_dropped_list_item_names_its_lead_in(tmp_path: Path) -> None:
    # "station nuclear weapons on their territory." alone reads as the opposite of its "will not:" (found in review)
    report = _texts_compared(tmp_path, "The Parties agreed to:\n- hold annual consultations.\n\nThe Parties will not:\n- impose new tariffs.\n",
                             "The Parties agreed to:\n- hold annual consultations.\n\nThe Parties will not:\n- impose new tariffs;\n"
                             "- station nuclear weapons on their territory.\n")
    (added,) = [c for c in report.changes if c.status is Status.NEW]
    assert _details(added).strength.lead_in == ("", "The Parties will not")
    stream = io.StringIO()
    render_terminal(report, "plain", False, False, stream)
    assert 'lead-in "The Parties will not"' in " ".join(stream.getvalue().split())


def test_a_measure_repeated_in_rows_meets_its_own_row(tmp_path: Path) -> None:
    # with the 2025 row of three alike deleted, the 2025 copy went to the 2026 row ("2025 → 2026" modified) and
    # the 2026 row was dropped (found by a new user's review)
    rows = [("Hold the next meeting of the Joint Strategic Planning Group.", str(year), "Ministries of Foreign Affairs") for year in (2024, 2025, 2026)]
    report = _texts_compared(tmp_path, _measures(rows), _measures(rows[:1] + rows[2:]), None, ".html")
    assert [(c.status, c.old) for c in report.changes if c.status is not Status.PERSISTED] == [(Status.DROPPED, ("o2",))]


@pytest.mark.parametrize(("old_lead", "new_lead"), [
    ("By 2026, the Parties will", "By 2030, the Parties will"),  # a deadline of every item
    ("Kazakhstan will", "Azerbaijan will"),  # who acts
    ("До конца 2026 года Стороны будут", "До конца 2030 года Стороны будут"),
])
def test_a_lead_ins_figure_or_party_changed_modifies_its_items(tmp_path: Path, old_lead: str, new_lead: str) -> None:
    # the items' words and strength were the same, so they stayed persisted and --fail-on modified passed (found in review)
    items = ("- hold annual consultations at the level of deputy ministers;\n- open a trade house in Baku.\n" if "Стороны" not in old_lead
             else "- проводить ежегодные консультации на уровне заместителей министров;\n- открыть торговый дом в Баку.\n")
    report = _lists_compared(tmp_path, old_lead, new_lead, items)
    assert all(c.status is Status.MODIFIED and _details(c).strength.lead_in == (old_lead, new_lead) for c in report.changes)


@pytest.mark.parametrize(("lang", "sentences", "listed"), [
    # pledges rewritten as items under the parties alone: each item a pledge, none dropped, no lead-in change
    # (found in review: an item without a cue word was no pledge; "Taraflar" was read as a new name)
    ("kk", "Тараптар Орта дәлізді дамытуды қолдайды.\n\nТараптар энергетика саласында бірлескен жобаларды іске асырады.\n",
     "Тараптар:\n\n- Орта дәлізді дамытуды қолдайды;\n- энергетика саласында бірлескен жобаларды іске асырады.\n"),
    ("tr", "Taraflar, Orta Koridor'un geliştirilmesini destekleyecektir.\n\nTaraflar, enerji alanında ortak projeleri hayata geçirecektir.\n",
     "Taraflar:\n\n- Orta Koridor'un geliştirilmesini destekleyecek,\n- enerji alanında ortak projeleri hayata geçirecektir.\n"),
])
def test_pledges_listed_under_the_parties_alone(tmp_path: Path, lang: str, sentences: str, listed: str) -> None:
    report = _texts_compared(tmp_path, sentences, listed, lang)
    assert len(report.changes) == 2 and all(c.old and c.new for c in report.changes)
    assert all(_details(c).strength.lead_in is None and _details(c).strength.change is None for c in report.changes)


def test_a_kazakh_plans_sector_cells_are_no_measures(tmp_path: Path) -> None:
    # "Білім беру" (education) ends like an infinitive: a sector, not a pledge (found in review)
    from statediff.load import load
    from statediff.segment import segment

    plan = tmp_path / "plan.md"
    plan.write_text("| Сала | Іс-шара | Мерзімі |\n|---|---|---|\n| Білім беру | Бірлескен университет филиалын ашу | 2025 |\n"
                    "| Денсаулық сақтау | Бірлескен медициналық орталық құру | 2026 |\n", encoding="utf-8")
    seg = segment(load(str(plan)), "kk")
    assert [c.text for c in seg.commitments] == ["Бірлескен университет филиалын ашу", "Бірлескен медициналық орталық құру"]


@pytest.mark.parametrize(("lang", "measure", "body"), [
    # a verb-final language's measure ends with its verb (found in review: the table read no pledge, "no commitments")
    ("tr", "Ortak Yatırım Fonu'nun kurulması", "Ticaret Bakanlıkları"),
    ("kk", "Бірлескен инвестициялық қорды құру", "Сауда министрліктері"),
])
def test_a_verb_final_plans_measures_and_their_changed_deadline(tmp_path: Path, lang: str, measure: str, body: str) -> None:
    table = f"| Önlem | Tarih | Sorumlu |\n|---|---|---|\n| {measure} | {{y}} | {body} |\n"
    [change] = _texts_compared(tmp_path, table.format(y="2025"), table.format(y="2027"), lang, ".md").changes
    assert change.status is Status.MODIFIED and _details(change).row == (f"2025 | {body}", f"2027 | {body}")


def test_a_plans_measures_without_a_full_stop_and_their_rows_in_every_format(tmp_path: Path) -> None:
    # measures with no full stop were headings (0 commitments); English plan verbs outside the lists were none; the GitHub
    # annotations left out "Row:" (found in review)
    table = ("| No. | Measure | Deadline | Responsible |\n|---|---|---|---|\n| 1 | Simplify customs procedures at the border | {q} | Customs |\n"
             "| 2 | Allocate funds for the joint investment fund | 2025 | Ministry of Finance |\n")
    report = _texts_compared(tmp_path, table.format(q="Q4 2025"), table.format(q="Q2 2026"), None, ".md")
    assert [c.status for c in report.changes] == [Status.MODIFIED, Status.PERSISTED]
    from statediff.render.github import render_github

    assert "Row: Q4 2025 | Customs → Q2 2026 | Customs" in render_github(report)


@pytest.mark.parametrize(("old_text", "new_text"), [
    # an inline list under a permission: its items were no pledges, so they showed as dropped (found in review)
    ("The Parties will: (a) hold annual consultations on trade; (b) increase trade to USD 15 billion.",
     "The Parties can: (a) hold annual consultations on trade; (b) increase trade to USD 15 billion."),
    ("Стороны будут: а) проводить ежегодные политические консультации; б) наращивать взаимный товарооборот до 2027 года.",
     "Стороны могут: а) проводить ежегодные политические консультации; б) наращивать взаимный товарооборот до 2027 года."),
])
def test_an_inline_list_under_a_permission_is_weakened_item_by_item(tmp_path: Path, old_text: str, new_text: str) -> None:
    report = _texts_compared(tmp_path, old_text + "\n", new_text + "\n")
    assert len(report.changes) == 2
    assert all(c.status is Status.MODIFIED and _details(c).strength.change == "weakened" for c in report.changes)


def test_a_runner_up_that_scores_higher_is_named_a_closer_candidate_already_linked(report: Report) -> None:
    # (found in review) "runner-up old line 12, score 0.29" under a link of 0.26 read as a mistake:
    # the closer candidate was linked elsewhere first
    from statediff.render.details import change_notes

    uncertain = [ch for ch in report.changes if ch.old and ch.new and _details(ch).uncertain and _details(ch).runner_up is not None]
    assert uncertain  # the seed pair has both kinds
    for change in uncertain:
        [note] = [n for n in change_notes(change, report, "->") if n[0] == "uncertain"]
        runner_up = _details(change).runner_up
        assert runner_up is not None
        if runner_up.score > (change.score or 0):
            assert "a closer candidate" in note[1] and "is already linked to" in note[1] and "runner-up" not in note[1]
        else:
            assert f"runner-up {'old' if runner_up.id.startswith('o') else 'new'} line {runner_up.line}, score" in note[1]
    assert {_details(ch).runner_up.score > (ch.score or 0) for ch in uncertain} == {True, False}  # type: ignore[union-attr]


# --- a pledge reported done (tricky case 9: done, not dropped) -----------------------------------

_DEED_STATEMENT = ("Joint Statement of the United States and Mexico\n\n"
                   "The United States and Mexico will expand their security cooperation.\n\n{pledge}\n\n"
                   "The United States and Mexico will hold the next dialogue in Washington.\n")
_PLEDGED = "Mexico intends to join the Global Container Control Program to stop the illicit trafficking of drugs."
_DONE = "Mexico joined the Global Container Control Program to stop the illicit trafficking of drugs."


@pytest.mark.parametrize(("old_pledge", "new_pledge", "deed_side", "note"), [
    # the pledge carried out: modified, never persisted, and no weakening (a deed has no pledge verb to lose)
    (_PLEDGED, _DONE, "new", "done: new line 5 reports it carried out"),
    # done before, pledged again
    (_DONE, _PLEDGED, "old", "done: old line 5 reported it done; the new statement pledges it again"),
])
def test_a_pledge_reported_done(tmp_path: Path, old_pledge: str, new_pledge: str, deed_side: str, note: str) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_DEED_STATEMENT.format(pledge=old_pledge), encoding="utf-8")
    new.write_text(_DEED_STATEMENT.format(pledge=new_pledge), encoding="utf-8")
    report = compare(str(old), str(new))
    change = _change_with(report, "old", old_pledge)
    deed = (report.new if deed_side == "new" else report.old).commitments
    (deed_id,) = [c.id for c in deed if c.deed]
    assert change.status is Status.MODIFIED and _details(change).deeds == (deed_id,)
    assert _details(change).strength.change is None
    # the other pledges, the same on both sides, stay persisted with no deeds
    assert [(ch.status, _details(ch).deeds) for ch in report.changes if ch is not change] == [(Status.PERSISTED, ())] * 2
    data = json.loads(render_json(report))
    jsonschema.validate(data, load_schema())
    assert [ch["details"].get("deeds") for ch in data["changes"]].count([deed_id]) == 1
    assert sum("deeds" in ch["details"] for ch in data["changes"]) == 1  # the field appears only where it says something
    out = io.StringIO()
    render_terminal(report, "plain", False, False, out)
    assert note in " ".join(out.getvalue().split())


@pytest.mark.parametrize(("old_pledge", "new_pledge", "note", "negation_changed"), [
    # a negation lost is no pledge carried out: the reversal shows, no "done" (found in review)
    ("Mexico will not join the Global Container Control Program to stop the illicit trafficking of drugs.", _DONE,
     None, True),
    # figures only reworded: still modified, a pledge carried out (the figure rule turned it persisted)
    ("Mexico will seize 20 tonnes of cocaine and dismantle 1,500 laboratories this year.",
     "Mexico seized twenty tonnes of cocaine and dismantled fifteen hundred laboratories this year.",
     "done: new line 5 reports it carried out", False),
    # two deeds on one line name the line once
    ("Mexico will join the Global Container Control Program and the Port Control Program to stop the illicit trafficking of drugs.",
     "Mexico joined the Global Container Control Program. Mexico joined the Port Control Program to stop the illicit trafficking of drugs.",
     "done: new line 5 reports it carried out", False),
    # a deed, then a hedged pledge: no weakening read from the deed's missing pledge verb
    (_DONE, "Mexico may consider joining the Global Container Control Program to stop the illicit trafficking of drugs.",
     "done: old line 5 reported it done; the new statement pledges it again", False),
])
def test_what_a_pledge_reported_done_is_not(tmp_path: Path, old_pledge: str, new_pledge: str, note: str | None,
                                            negation_changed: bool) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_DEED_STATEMENT.format(pledge=old_pledge), encoding="utf-8")
    new.write_text(_DEED_STATEMENT.format(pledge=new_pledge), encoding="utf-8")
    report = compare(str(old), str(new))
    change = _change_with(report, "old", old_pledge)
    details = _details(change)
    assert change.status is Status.MODIFIED
    assert bool(details.deeds) is (note is not None)
    assert details.strength.negation_changed is negation_changed
    assert details.strength.change is None
    out = io.StringIO()
    render_terminal(report, "plain", False, False, out)
    text = " ".join(out.getvalue().split())
    assert (note in text) if note else ("done:" not in text)


def test_a_deed_beside_a_weakened_pledge_keeps_the_weakening(tmp_path: Path) -> None:
    # One pledge carried out, the other weakened from "will" to "hopes to": the group is still weakened (found in review).
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_DEED_STATEMENT.format(
        pledge="Mexico will join the Global Container Control Program and the Port Control Program to stop the illicit trafficking of drugs."),
        encoding="utf-8")
    new.write_text(_DEED_STATEMENT.format(
        pledge="Mexico joined the Global Container Control Program. Mexico hopes to join the Port Control Program to stop the illicit trafficking of drugs."),
        encoding="utf-8")
    report = compare(str(old), str(new))
    change = _change_with(report, "old", "Mexico will join the Global Container Control Program")
    assert len(change.new) == 2 and len(_details(change).deeds) == 1
    assert _details(change).strength.change == "weakened"


def test_identical_words_report_nothing_carried_out(tmp_path: Path) -> None:
    # A review's "We launched …" is a deed, a summit's the same words a pledge: identical, persisted (found in review).
    sentence = "We launched a binational task force on synthetic drugs to dismantle trafficking networks."
    summit = " ".join(f"The United States and Mexico agreed to expand cooperation in area {k}." for k in range(9))
    review = "The United States and Mexico agreed to expand trade. We implemented mirrored patrols along the border. Mexico doubled cocaine seizures."
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(f"Joint Statement\n\n{summit} {sentence}\n", encoding="utf-8")
    new.write_text(f"Joint Statement\n\n{review} {sentence}\n", encoding="utf-8")
    report = compare(str(old), str(new))
    assert [c.deed for c in report.new.commitments if c.text == sentence] == [True]
    change = _change_with(report, "old", sentence)
    assert change.status is Status.PERSISTED and _details(change).deeds == ()


def test_deeds_on_both_sides_are_no_pledge_reported_done(tmp_path: Path) -> None:
    # A progress report against the next one: both sides report what was done, neither pledge is carried out by the other.
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(_DEED_STATEMENT.format(pledge=_DONE), encoding="utf-8")
    new.write_text(_DEED_STATEMENT.format(pledge=_DONE.replace("drugs", "illicit drugs")), encoding="utf-8")
    report = compare(str(old), str(new))
    assert all(_details(ch).deeds == () for ch in report.changes)
    assert not any("deeds" in ch["details"] for ch in json.loads(render_json(report))["changes"])
