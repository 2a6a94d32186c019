"""Places: a pledge's article, paragraph and item numbers, in the JSON report and the text reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from click.testing import Result

from statediff import exit_codes
from statediff.schema import load_schema
from statediff.segment.places import place_at

Invoke = Callable[..., Result]

TREATY = """Agreement on Energy Cooperation

Article 1
Scope

1. The Parties shall cooperate in energy.
2. The Parties shall exchange information on:
(a) oil and gas reserves;
(b) renewable energy.

Article 2. Consultations

2.1 The Parties shall hold annual consultations.
2.2 Each Party shall designate a coordinator who
will organise the meetings.

The Parties agreed to meet in 2027.
"""

PLACE_CASES = [
    # (text, a phrase of it, the label in force there or None)
    (TREATY, "Agreement on", None),
    (TREATY, "Scope", "Art. 1"),
    (TREATY, "cooperate in energy", "Art. 1 ¶1"),
    (TREATY, "oil and gas", "Art. 1 ¶2(a)"),
    (TREATY, "renewable", "Art. 1 ¶2(b)"),
    (TREATY, "annual consultations", "Art. 2 ¶2.1"),
    (TREATY, "will organise", "Art. 2 ¶2.2"),  # a hard-wrapped line goes on with its paragraph
    (TREATY, "agreed to meet", "Art. 2"),  # an unnumbered paragraph: its article's, no paragraph's
    # a communiqué's numbered paragraphs; a bullet under one is still in it
    ("1. The leaders met in Delhi.\n\n2. The leaders will:\n• expand trade;\n• deepen ties.\n", "deepen", "¶2"),
    ("12) Ministers agreed to meet.\n", "agreed", "¶12"),
    ("(ii) the Parties will consult.\n", "consult", "(ii)"),
    ("Статья 5. Стороны обязуются сотрудничать.\n", "обязуются", "Art. 5"),
    # no paragraph's number: a year, a figure, a reference to an article in a running sentence
    ("2024. The year of cooperation.\n", "cooperation", None),
    ("1.5 degrees is the goal the Parties will pursue.\n", "goal", None),
    ("Article 5 of the Treaty applies to all Parties.\n", "applies", None),
    # an unnumbered paragraph after a numbered one is in no paragraph's number
    ("3. The Parties agreed to meet.\nThey also welcomed the plan.\n", "welcomed", None),
    # found in review: an article's title on its line, Roman numbers, a number alone on its line
    ("Article 1 Scope\n1. The Parties shall cooperate.\n", "cooperate", "Art. 1 ¶1"),
    ("ARTICLE IV\n2. The Parties shall consult.\n", "consult", "Art. IV ¶2"),
    ("Artículo 1º\nLas Partes cooperarán.\n", "cooperarán", "Art. 1"),
    ("1.\nThe Ministers agreed to expand cooperation.\n", "agreed", "¶1"),
    # … a reference wrapped onto the next line is no heading, and an annex ends the articles
    ("Article 3\n1. Disputes are settled as provided in\nArticle 7. The Parties shall notify the depositary.\n"
     "2. The Parties shall exchange information.\n", "exchange", "Art. 3 ¶2"),
    ("Article 3\n1. The Parties shall meet.\n\nANNEX\n1. The Commission shall meet twice a year.\n", "Commission", "Annex ¶1"),
    # an annex's paragraphs are cited apart from the main text's, to its end or the next annex
    ("1. The Parties shall meet.\n\nAnnex I\n1. The Commission shall meet twice a year.\n", "Commission", "Annex I ¶1"),
    ("1. The Parties shall meet.\n\nAnnex I\nThe Commission shall meet twice a year.\n", "Commission", "Annex I"),
    ("Annex 1\n1. The Parties shall meet.\nAnnex 2\nArticle 3\n2. The Commission shall meet.\n", "Commission", "Annex 2 Art. 3 ¶2"),
    ("Приложение 2\n1. Стороны проводят консультации.\n", "проводят", "Annex 2 ¶1"),
    # … a list numbered in another style under a paragraph's colon is its items; "(i)" under "(a)" a sub-item
    ("Статья 4\n2. Стороны обязуются:\n1) проводить консультации;\n2) обмениваться информацией.\n3. Стороны содействуют.\n",
     "обмениваться", "Art. 4 ¶2(2)"),
    ("Статья 4\n2. Стороны обязуются:\n1) проводить консультации;\n2) обмениваться информацией.\n3. Стороны содействуют.\n",
     "содействуют", "Art. 4 ¶3"),
    ("3. The Parties shall:\n(a) cooperate on:\n(i) energy;\n(ii) transport.\n", "transport", "¶3(a)(ii)"),
    ("3. The Parties shall:\n(h) cooperate;\n(i) consult.\n", "consult", "¶3(i)"),  # "(i)" after "(h)" is a letter
    # found in the second review: an item that ends "; and", an unpunctuated item above the next
    # article, a long title above "1.", a sentence that opens with an annex word, a running sentence
    # that opens with an article's word, "Article 12A"
    ("Article 5\n1. The Parties shall:\n(a) hold regular consultations on energy security;\n"
     "(b) exchange information on the state of their energy systems; and\n(c) promote joint projects.\n", "promote", "Art. 5 ¶1(c)"),
    ("Article 2\n(a) the development of energy infrastructure and of transport corridors\nArticle 3\n"
     "1. The Parties shall establish a Joint Commission.\n", "establish", "Art. 3 ¶1"),
    ("Article 1\nCooperation in the Field of Energy and Transport Infrastructure\n1. The Parties shall cooperate.\n",
     "cooperate", "Art. 1 ¶1"),
    ("Article 12\n1. The Parties shall establish a Joint Committee.\nAnnex I shall form an integral part of this Agreement.\n"
     "2. The Joint Committee shall meet annually.\n", "meet annually", "Art. 12 ¶2"),
    ("Madde 3\n1. Taraflar işbirliğini geliştirecektir.\nEk olarak, Taraflar yıllık istişareler düzenleyecektir.\n",
     "yıllık", "Art. 3"),
    ("Статья 1\n1. Стороны развивают сотрудничество.\nСтатья 5 Соглашения дополняется пунктом 3 следующего содержания:\n"
     "2. Стороны проводят консультации.\n", "проводят", "Art. 1 ¶2"),
    ("Article 12A\n1. The Parties shall exchange information.\n", "exchange", "Art. 12A ¶1"),
]


@pytest.mark.parametrize(("text", "phrase", "label"), PLACE_CASES)
def test_place_at(text: str, phrase: str, label: str | None) -> None:
    place = place_at(text, text.index(phrase))
    assert (place.label if place else None) == label


@pytest.mark.parametrize(("text", "phrase", "label"), PLACE_CASES)
def test_place_at_is_the_same_with_windows_line_ends(text: str, phrase: str, label: str | None) -> None:
    """Found in review: a CRLF file moved a wrapped paragraph's pledge out of its number."""
    crlf = text.replace("\n", "\r\n")
    place = place_at(crlf, crlf.index(phrase))
    assert (place.label if place else None) == label


def test_a_hard_wrapped_text_keeps_a_paragraphs_number_after_a_sentence_ends_at_a_line_break() -> None:
    text = ("Article 3\n"
            "1. The Parties shall cooperate in the field of energy security and\n"
            "shall exchange information on reserves and on the state of their\n"
            "pipelines. The Parties shall consult each other on pipeline\n"
            "tariffs, and each Party shall notify the other of any interruption\n"
            "of supply without delay.\n"
            "2. The Parties shall promote investments in the energy sector of\n"
            "both countries.\n")
    assert place_at(text, text.index("The Parties shall consult")).label == "Art. 3 ¶1"
    assert place_at(text, text.index("both countries")).label == "Art. 3 ¶2"


def test_a_heading_in_a_hard_wrapped_text_ends_the_paragraph_above() -> None:
    text = ("1. The Ministers reaffirmed their commitment to the strategic\n"
            "partnership between the two countries and agreed to expand\n"
            "cooperation in trade, energy and transport. They welcomed the\n"
            "opening of the new consulate in Almaty.\n"
            "Regional security\n"
            "The Ministers condemned terrorism in all its forms and\n"
            "manifestations and agreed to strengthen cooperation against\n"
            "extremism.\n"
            "2. The Ministers decided to hold the next meeting in Baku in\n"
            "2026.\n")
    assert place_at(text, text.index("They welcomed")).label == "¶1"
    assert place_at(text, text.index("The Ministers condemned")) is None
    assert place_at(text, text.index("2026")).label == "¶2"


@pytest.fixture
def treaty_pair(tmp_path: Path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(TREATY, "utf-8")
    # Article 1's paragraphs renumbered (a paragraph put first), one provision reworded
    new.write_text(TREATY.replace("1. The Parties shall cooperate in energy.\n2.",
                                  "1. The Parties shall protect investments.\n2. The Parties shall cooperate in energy.\n3.")
                   .replace("annual consultations", "biennial consultations"), "utf-8")
    return str(old), str(new)


def test_json_report_gives_each_commitment_its_place(run: Invoke, treaty_pair: tuple[str, str]) -> None:
    result = run(*treaty_pair, "--format", "json")
    assert result.exit_code == exit_codes.OK, result.output
    report = json.loads(result.stdout)
    jsonschema.Draft202012Validator(load_schema()).validate(report)
    places = {c["text"]: c["place"] for c in report["new"]["commitments"]}
    assert places["oil and gas reserves"] == {"article": "1", "paragraph": "3", "item": "a", "subitem": None, "annex": None, "label": "Art. 1 ¶3(a)"}
    assert places["The Parties agreed to meet in 2027."] == {"article": "2", "paragraph": None, "item": None, "subitem": None, "annex": None, "label": "Art. 2"}


def test_text_report_names_places_in_full_items_and_changed_ones_in_short_lines(run: Invoke, treaty_pair: tuple[str, str]) -> None:
    out = run(*treaty_pair, "--format", "plain").stdout
    assert "~ old line 13 (Art. 2 ¶2.1) -> new line 14 (Art. 2 ¶2.1)" in out  # a modified pledge: always
    assert "old line 8 (Art. 1 ¶2(a)) -> new line 9 (Art. 1 ¶3(a))" in out  # persisted, renumbered: said
    assert "= old line 17 -> new line 18  score" in out  # persisted in the same place: only its lines


def test_segment_listing_names_each_commitments_place(run: Invoke, treaty_pair: tuple[str, str]) -> None:
    result = run("segment", treaty_pair[0])
    assert result.exit_code == exit_codes.OK, result.output
    assert "c3 Art. 1 ¶2(a)        oil and gas reserves" in result.stdout
    spans = json.loads(run("segment", treaty_pair[0], "--format", "json").stdout)["spans"]
    assert [s.get("place") for s in spans if s["kind"] == "commitment"] == [
        "Art. 1 ¶1", "Art. 1 ¶2", "Art. 1 ¶2(a)", "Art. 1 ¶2(b)", "Art. 2 ¶2.1", "Art. 2 ¶2.2", "Art. 2"]
