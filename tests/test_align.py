"""Alignment and classification: reordered, merged, split and reworded pledges; the
persisted/modified boundary; candidate generation on large inputs."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from statediff.align import (
    DEFAULT_THRESHOLD,
    align,
    build_vectors,
    candidate_pairs,
    link_floor,
    pair_score,
    with_echoes,
    without_unmatched_deeds,
)
from statediff.classify import classify, word_similarity
from statediff.features import featurizer_for
from statediff.languages import get_language, stemmer_for
from statediff.model import LINKED_BY_NAMED_BODY, LINKED_STANDING_OUT, Alignment, Candidate, Document, Link, Status
from statediff.pipeline import compare
from statediff.render.details import numbers_text
from statediff.render.json_report import render_json
from statediff.segment import segment


def _seg(text: str, prefix: str, lang: str = "en"):
    doc = Document(path=f"{prefix}.txt", text=text, sha256=prefix * 64, encoding="utf-8", encoding_detected=False)
    return segment(doc, lang, id_prefix=prefix)


def _changes(old_text: str, new_text: str, lang: str = "en", **kwargs):
    old, new = _seg(old_text, "o", lang), _seg(new_text, "n", lang)
    return classify(old, new, align(old, new, **kwargs))


def _groups(changes) -> set[tuple[tuple[str, ...], tuple[str, ...], str]]:
    return {(ch.old, ch.new, ch.status.value) for ch in changes}


OLD_EN = """The leaders agreed to expand cooperation on civil nuclear energy and small modular reactors.
The leaders condemned terrorism in all its forms and manifestations.
The leaders welcomed the launch of a student exchange programme between universities.
The leaders discussed the situation on the Korean Peninsula.
"""

ALIGN_CASES = [
    ("identical", OLD_EN, OLD_EN, {(("o1",), ("n1",), "persisted"), (("o2",), ("n2",), "persisted"),
                                   (("o3",), ("n3",), "persisted"), (("o4",), ("n4",), "persisted")}),
    # "the Parties" is the sides: a pledge sharing nothing else is dropped, not merged (found by QA)
    ("dropped beside a changed target",
     "The Parties will increase trade by 50% and 100%.\nThe Parties agreed to meet again.\n",
     "The Parties will increase trade by 60% and 100%.\n",
     {(("o1",), ("n1",), "modified"), (("o2",), (), "dropped")}),
    # a pledge repeated word for word says nothing more: its formulaic sibling is dropped, not merged (QA)
    ("dropped sibling of a repeated pledge",
     "The Parties will expand cooperation in energy.\nThe Parties will expand cooperation in agriculture.\n",
     "The Parties will expand cooperation in energy.\n",
     {(("o1",), ("n1",), "persisted"), (("o2",), (), "dropped")}),
    # pledges that differ only in a figure tie on their terms: the unchanged copy wins, whatever
    # the order of the old statement (found by a new user's review)
    ("unchanged copy beside a figure-only sibling, after it",
     "The parties agreed to allocate 100 million dollars to the health programme.\n"
     "The parties agreed to allocate 200 million dollars to the health programme.\n",
     "The parties agreed to allocate 200 million dollars to the health programme.\n",
     {(("o2",), ("n1",), "persisted"), (("o1",), (), "dropped")}),
    ("unchanged copy beside a figure-only sibling, before it",
     "The parties agreed to allocate 200 million dollars to the health programme.\n"
     "The parties agreed to allocate 100 million dollars to the health programme.\n",
     "The parties agreed to allocate 200 million dollars to the health programme.\n",
     {(("o1",), ("n1",), "persisted"), (("o2",), (), "dropped")}),
    ("figure-only siblings on both sides pair by their figures",
     "The sides will hold 3 rounds of talks in 2025.\nThe sides will hold 4 rounds of talks in 2025.\n",
     "The sides will hold 4 rounds of talks in 2025.\nThe sides will hold 3 rounds of talks in 2025.\n",
     {(("o1",), ("n2",), "persisted"), (("o2",), ("n1",), "persisted")}),
    ("reordered",
     OLD_EN,
     """The leaders discussed the situation on the Korean Peninsula.
The leaders welcomed the launch of a student exchange programme between universities.
The leaders condemned terrorism in all its forms and manifestations.
The leaders agreed to expand cooperation on civil nuclear energy and small modular reactors.
""",
     {(("o1",), ("n4",), "persisted"), (("o2",), ("n3",), "persisted"), (("o3",), ("n2",), "persisted"), (("o4",), ("n1",), "persisted")}),
    ("reworded, dropped and new",
     OLD_EN,
     """The two sides committed to deepen their civil nuclear energy partnership, including small modular reactors.
The leaders condemned terrorism and violent extremism in all its forms.
The leaders launched a new dialogue on critical minerals supply chains.
""",
     {(("o1",), ("n1",), "modified"), (("o2",), ("n2",), "modified"), (("o3",), (), "dropped"), (("o4",), (), "dropped"),
      ((), ("n3",), "new")}),
]


@pytest.mark.parametrize(("name", "old_text", "new_text", "expected"), ALIGN_CASES, ids=[c[0] for c in ALIGN_CASES])
def test_alignment_cases(name: str, old_text: str, new_text: str, expected: set) -> None:
    assert _groups(_changes(old_text, new_text)) == expected


def test_a_split_with_one_half_near_identical_keeps_the_other_half() -> None:
    # the half repeated word for word links at ≥ FULL_MATCH; the other half holds the words its
    # twin lacks and scores close to the old pledge, so it joins: a split, not a new pledge (found
    # by a helper's audit); the formulaic sibling of ALIGN_CASES still does not
    old = "Стороны приветствовали расширение сотрудничества в области образования и науки.\nСтороны договорились провести заседание в Анкаре.\n"
    new = ("Стороны приветствовали расширение сотрудничества в области образования.\n"
           "Стороны также приветствовали расширение сотрудничества в области науки.\nСтороны договорились провести заседание в Анкаре.\n")
    assert _groups(_changes(old, new, "ru")) == {(("o1",), ("n1", "n2"), "modified"), (("o2",), ("n3",), "persisted")}
    # a pledge with terms of its own is no rest of a split, though the twin lost a word it has (found in review)
    old = ("The Parties will actively expand mutually beneficial cooperation in energy, including renewable sources.\n"
           "The Parties condemned terrorism in all its forms.\n"
           "The leaders welcomed the launch of a student exchange programme between universities.\n")
    new = ("The Parties will expand mutually beneficial cooperation in energy, including renewable sources.\n"
           "The Parties will actively expand mutually beneficial cooperation in agriculture.\nThe Parties condemned terrorism in all its forms.\n"
           "The leaders welcomed the launch of a student exchange programme between universities.\n")
    groups = _groups(_changes(old, new))
    assert ((), ("n2",), "new") in groups and not any(len(news) > 1 for _, news, _ in groups)


def test_merge_two_old_pledges_into_one_new() -> None:
    old = """The ministers discussed the calendar of bilateral visits at the highest level this year.
The ministers discussed preparations for the fourth meeting of the High-Level Strategic Cooperation Council.
The ministers condemned terrorism in all its forms.
"""
    new = """The ministers discussed the calendar of visits and preparations for the sixth meeting of the High-Level Strategic Cooperation Council.
The ministers condemned terrorism in all its forms.
"""
    groups = _groups(_changes(old, new))
    assert (("o1", "o2"), ("n1",), "modified") in groups
    assert (("o3",), ("n2",), "persisted") in groups


def test_split_one_old_pledge_into_two_new() -> None:
    old = "The sides stressed the importance of cooperation in education, science and culture between universities and schools.\n"
    new = """The sides encouraged cooperation in education and science between universities.
The sides agreed to support cultural partnerships between schools and universities.
"""
    groups = _groups(_changes(old, new))
    assert (("o1",), ("n1", "n2"), "modified") in groups


def test_a_translation_with_its_figures_and_names_kept_is_persisted(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    # "ежегодно" is a figure word of Russian, "жыл сайын" none of Kazakh's; the Kazakh name of the route was unknown
    # (found in review: both modified, no reason shown)
    report = _compared(tmp_path,
                       "Стороны договорились ежегодно предоставлять 500 казахстанским студентам гранты по программе Türkiye Bursları.\n\n"
                       "Стороны поддерживают развитие Транскаспийского международного транспортного маршрута.\n",
                       "Тараптар жыл сайын 500 қазақстандық студентке Türkiye Bursları бағдарламасы бойынша грант бөлуге келісті.\n\n"
                       "Тараптар Транскаспий халықаралық көлік бағытын дамытуды қолдайды.\n", "ru", "kk")
    assert [c.status for c in report.changes] == [Status.PERSISTED, Status.PERSISTED]


def test_aliases_match_across_scripts() -> None:
    old = "Стороны заявили о поддержке трансформации Совещания по взаимодействию и мерам доверия в Азии в полноценную международную организацию.\n"
    new = "Стороны поддержали преобразование CICA в полноценную международную организацию при сохранении ее азиатской идентичности.\n"
    groups = _groups(_changes(old, new, lang="ru"))
    assert {(g[0], g[1]) for g in groups} == {(("o1",), ("n1",))}


@pytest.mark.parametrize(("british", "american"), [
    ("defence", "defense"), ("defences", "defenses"), ("organisation", "organization"), ("organised", "organized"),
    ("prioritising", "prioritizing"), ("recognise", "recognize"), ("programme", "program"), ("programmes", "programs"),
    ("centre", "center"), ("labour", "labor"), ("neighbouring", "neighboring"), ("analyse", "analyze"),
    ("organisation's", "organization's"), ("organisational", "organizational"), ("centres", "centers"),
    ("programmed", "programmed"),  # (found in review: "programme" + "d" had become "programd")
])
def test_british_and_american_spellings_stem_alike(british: str, american: str) -> None:
    stem = stemmer_for("en")
    assert stem(british) == stem(american)


@pytest.mark.parametrize("word", ["promise", "exercise", "exercising", "expertise", "revised", "raise", "crises", "decision", "sunrise",
                                  "imprecise", "pairwise", "counterclockwise", "uprising", "centred", "catalogued"])
def test_words_whose_ise_is_no_suffix_keep_their_spelling(word: str) -> None:
    assert get_language("en").spelling.respell(word) == word


@pytest.mark.parametrize(("lang", "one", "other", "same_grams"), [
    ("en", "Japan’s partners", "Japan's partners", True),  # a curly apostrophe: the possessive's stem is the name's
    ("en", "the Quad’s agenda", "the Quad agenda", False),  # (n-grams keep the "'s")
    ("fr", "l’Union et d’une région", "l'Union et une région", True),  # elided articles are function words, curly or straight
    ("fr", "l'Union", "Union", True),
])
def test_apostrophes_and_elisions_give_the_same_terms(lang: str, one: str, other: str, same_grams: bool) -> None:
    featurizer = featurizer_for(lang)
    assert featurizer.terms(one) == featurizer.terms(other)
    assert (featurizer.char_grams(one.split()) == featurizer.char_grams(other.split())) is same_grams


# Statements in two languages: each translation links to its original though they share few
# words (a cross-language pair links from CROSS_LANGUAGE_FACTOR × the threshold when it stands out).
SPANISH_OF_OLD_EN = """Los líderes discutieron la situación en la península de Corea.
Los líderes condenaron el terrorismo en todas sus formas y manifestaciones.
Los líderes acordaron ampliar la cooperación en energía nuclear civil y reactores modulares pequeños.
Los líderes celebraron el lanzamiento de un programa de intercambio de estudiantes entre universidades.
"""


@pytest.mark.parametrize(("one", "one_lang", "other", "other_lang"), [
    ("стратегического", "ru", "strategic", "en"), ("экономического", "ru", "economic", "en"), ("коридор", "ru", "corridor", "en"),
    ("коридор", "ru", "koridor", "tr"), ("Эрдоган", "ru", "Erdoğan", "tr"), ("Казахстан", "ru", "Kazakhstan", "en"),
    ("кооперация", "ru", "cooperation", "en"),
])
def test_cognates_share_latin_skeleton_grams_across_scripts(one: str, one_lang: str, other: str, other_lang: str) -> None:
    shared = featurizer_for(one_lang).cross_grams([one]).keys() & featurizer_for(other_lang).cross_grams([other]).keys()
    assert len(shared) >= 3


def test_translations_link_across_languages() -> None:
    old, new = _seg(OLD_EN, "o", "en"), _seg(SPANISH_OF_OLD_EN, "n", "es")
    links = {(link.old, link.new) for link in align(old, new).links}
    assert links == {((0,), (2,)), ((1,), (1,)), ((2,), (3,)), ((3,), (0,))}


@pytest.mark.parametrize(("scores", "linked"), [
    ({(0, 0): 0.10, (0, 1): 0.02, (1, 1): 0.01}, {((0,), (0,), LINKED_STANDING_OUT)}),  # below the threshold, far above its runners-up
    ({(0, 0): 0.10, (0, 1): 0.09}, set()),  # below the threshold, level with a runner-up: no link
    ({(0, 0): 0.10, (1, 0): 0.09}, set()),  # (the runner-up on the other side counts too)
    ({(0, 0): 0.05, (1, 1): 0.01}, set()),  # below the cross-language floor
    ({(0, 0): 0.30, (1, 0): 0.29, (1, 1): 0.28}, {((0,), (0,), "score"), ((1,), (1,), "score")}),  # above the threshold: whatever its runner-up
])
def test_cross_language_links_stand_out_from_their_runners_up(scores: dict, linked: set) -> None:
    from statediff.align import _assign

    alignment = _assign(scores, 2, 2, threshold=0.23, standout=0.08)
    assert {(link.old, link.new, link.rule) for link in alignment.links} == linked


def test_a_spelling_only_change_is_persisted() -> None:
    changes = _changes("The leaders agreed to organise joint defence exercises and a training programme.\n",
                       "The leaders agreed to organize joint defense exercises and a training program.\n")
    assert [ch.status for ch in changes] == [Status.PERSISTED]


@pytest.mark.parametrize(("old_language", "new_language", "across"), [
    ("en", "es", True), ("ru", "tr", True), ("en", "en", False),
    ("xx", "en", False), ("en", "xx", False), ("xx", "xx", False),  # (found in review) a neutral side may be the same language
])
def test_the_cross_language_floor_needs_two_supported_languages(old_language: str, new_language: str, across: bool) -> None:
    from statediff.align import CROSS_LANGUAGE_FACTOR, link_floor

    assert link_floor(0.2, old_language, new_language) == pytest.approx(0.2 * CROSS_LANGUAGE_FACTOR if across else 0.2)


def test_same_language_pairs_below_the_threshold_do_not_link_however_they_stand_out() -> None:
    old = _seg("The leaders agreed to expand cooperation on civil nuclear energy.\n", "o")
    new = _seg("The ministers will review nuclear safety rules with regulators next spring.\n", "n")
    scored = align(old, new)
    assert not scored.links and scored.nearest_old[0].score < 0.23


TOPIC_PAIRS = [
    # (old, new, linked?) — a pair near the threshold whose pledges share only stock words and no topic (found in the Quad corpus pair)
    ("This Partnership will further strengthen our collaboration to effectively respond to disasters in the region.",
     "Through this Partnership, we will strengthen our coordination and collaboration in support of health security in the region.", False),
    # ... the same wording with a shared topic links
    ("This Partnership will further strengthen our collaboration to effectively respond to pandemics in the region.",
     "Through this Partnership, we will strengthen our coordination and collaboration in support of health security in the region.", True),
    # ... and so does a pair scoring well above the threshold, whatever its topics
    ("The leaders will strengthen their collaboration to respond to disasters in the region through this partnership.",
     "The leaders will strengthen their collaboration to respond to outbreaks in the region through this partnership.", True),
]


@pytest.mark.parametrize(("old_text", "new_text", "linked"), TOPIC_PAIRS)
def test_a_pair_near_the_threshold_with_no_topic_in_common_is_not_linked(old_text: str, new_text: str, linked: bool) -> None:
    old = _seg(old_text + "\nThe leaders condemned terrorism in all its forms.\n", "o")
    new = _seg(new_text + "\nThe leaders welcomed the launch of a student exchange programme.\n", "n")
    alignment = align(old, new)
    assert any(link.old == (0,) and link.new == (0,) for link in alignment.links) == linked
    if not linked:  # each keeps the other as its nearest candidate, marked with the reason
        assert alignment.nearest_old[0] == Candidate(0, alignment.nearest_old[0].score, True)
        assert alignment.nearest_old[0].score >= DEFAULT_THRESHOLD and alignment.nearest_new[0].topics_apart


GROUP_MEMBERS = [
    # (a second new pledge, scoring 0.29-0.34 with the old one, joins the link?) — a member of a
    # merge or split shares a topic with the pledge at the group's centre (found in the Quad and
    # US-ROK corpus pairs, where the members that share none were all wrong)
    ("Through this Partnership we will further strengthen our collaboration in the region on maritime security.", False),
    ("We will further strengthen our collaboration on disaster relief.", True),
]


@pytest.mark.parametrize(("second", "joined"), GROUP_MEMBERS)
def test_a_group_member_with_no_topic_in_common_with_its_centre_leaves_the_group(second: str, joined: bool) -> None:
    old = _seg("This Partnership will further strengthen our collaboration to effectively respond to disasters and "
               "outbreaks in the region.\nThe leaders condemned terrorism in all its forms.\n", "o")
    new = _seg("Through this Partnership, we will strengthen our collaboration to respond to outbreaks in the region.\n"
               f"{second}\nThe leaders welcomed the launch of a student exchange programme.\n", "n")
    alignment = align(old, new)
    link = next(link for link in alignment.links if link.old == (0,))
    assert link.new == ((0, 1) if joined else (0,))
    if not joined:  # the member keeps the centre as its nearest candidate, marked with the reason
        nearest = alignment.nearest_new[1]
        assert nearest.index == 0 and nearest.topics_apart and DEFAULT_THRESHOLD <= nearest.score < DEFAULT_THRESHOLD + 0.12
        assert link.score == round(next(c.score for c in alignment.ranked_old[0] if c.index == 0), 4)  # its own score, not the mean


def test_a_pair_with_no_topic_in_common_says_why_it_was_not_linked(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    import json

    import jsonschema
    from click.testing import CliRunner

    from statediff.cli import cli
    from statediff.schema import load_schema

    (tmp_path / "a.txt").write_text(TOPIC_PAIRS[0][0] + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(TOPIC_PAIRS[0][1] + "\n", encoding="utf-8")
    run = CliRunner().invoke(cli, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "plain"])
    assert "not linked: the two share no topic" in " ".join(run.output.split())
    run = CliRunner().invoke(cli, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"])
    data = json.loads(run.output)
    assert [change["details"]["nearest"]["topics_apart"] for change in data["changes"]] == [True, True]
    jsonschema.Draft202012Validator(load_schema()).validate(data)


def test_a_pair_with_no_topic_in_common_keeps_its_reason_after_an_echo(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    # A provision's "shall" becoming "may" is read back as an echo, which renumbers the nearest
    # candidates: the reason was lost there (found in review).
    old = TOPIC_PAIRS[0][0] + "\nThe Joint Commission on Trade and Investment shall meet twice a year in Tokyo and Washington.\n"
    new = TOPIC_PAIRS[0][1] + "\nThe Joint Commission on Trade and Investment may meet twice a year in Tokyo and Washington.\n"
    report = _compared(tmp_path, old, new)
    nearest = [change.details.nearest for change in report.changes if change.details and change.details.nearest]
    assert [n.topics_apart for n in nearest if n.score >= DEFAULT_THRESHOLD] == [True, True]


def test_unrelated_statements_match_nothing() -> None:
    old = "The leaders agreed to expand cooperation on civil nuclear energy and small modular reactors.\n"
    new = "The ministers welcomed the opening of a consulate in Almaty to serve students and tourists.\n"
    assert {g[2] for g in _groups(_changes(old, new))} == {"dropped", "new"}


@pytest.mark.parametrize(
    ("old", "new", "status"),
    [
        # one word changed in a 16-word pledge: similarity ≥ 0.9 → persisted
        ("The leaders agreed to expand cooperation on civil nuclear energy and small modular reactors in both countries.",
         "The leaders agreed to expand cooperation on civil nuclear energy and small modular reactors in the two countries.",
         Status.PERSISTED),
        # a changed number and reworded predicate → modified
        ("The leaders agreed to expand cooperation on civil nuclear energy and small modular reactors by 2030.",
         "The leaders decided to pursue cooperation on civil nuclear energy including modular reactors by 2035.",
         Status.MODIFIED),
    ],
)
def test_persisted_modified_boundary(old: str, new: str, status: Status) -> None:
    [change] = [ch for ch in _changes(old + "\n", new + "\n") if ch.old and ch.new]
    assert change.status == status
    assert (change.word_similarity >= 0.9) == (status == Status.PERSISTED)


FIGURE_CASES = [
    # (language, old, new, status): near-identical words, but a changed figure is a modified pledge
    # a period's unit, the count the same (found by a new user's review: all were persisted)
    ("en", "The ministers agreed to establish a joint working group on migration and border management within six months.",
     "The ministers agreed to establish a joint working group on migration and border management within six years.", Status.MODIFIED),
    ("en", "The ministers agreed to establish a joint working group on migration and border management within six months.",
     "The ministers agreed to establish a joint working group on migration and border management within six weeks.", Status.MODIFIED),
    ("en", "The parties committed to a ten-year programme of scientific cooperation on ocean research and marine biodiversity.",
     "The parties committed to a ten-month programme of scientific cooperation on ocean research and marine biodiversity.", Status.MODIFIED),
    # ... but the same figure in digits is no change (found by a new user's review: it was modified)
    ("en", "The parties committed to a ten-year programme of scientific cooperation on ocean research and marine biodiversity.",
     "The parties committed to a 10-year programme of scientific cooperation on ocean research and marine biodiversity.", Status.PERSISTED),
    ("en", "The two governments will hold the fourth meeting of the joint energy commission in Madrid later this year.",
     "The two governments will hold the fourth meeting of the joint energy commission in Madrid later this month.", Status.MODIFIED),
    ("ru", "Стороны подтвердили намерение реализовать десятилетнюю программу научного сотрудничества в области исследований океана.",
     "Стороны подтвердили намерение реализовать пятилетнюю программу научного сотрудничества в области исследований океана.", Status.MODIFIED),
    ("ru", "Стороны договорились создать совместную рабочую группу по вопросам миграции в течение шести месяцев.",
     "Стороны договорились создать совместную рабочую группу по вопросам миграции в течение шести недель.", Status.MODIFIED),
    ("ru", "Министры договорились провести заседание совместной комиссии по энергетике в Астане в текущем году.",
     "Министры договорились провести заседание совместной комиссии по энергетике в Астане в текущем месяце.", Status.MODIFIED),
    # another currency sign, a range's other end (found by a new user's review: both were persisted)
    ("en", "The sides agreed to provide €500 million to the reconstruction fund over two years.",
     "The sides agreed to provide $500 million to the reconstruction fund over two years.", Status.MODIFIED),
    ("ru", "Стороны договорились выделить €10 млн на восстановление школ в регионе в течение двух лет.",
     "Стороны договорились выделить $10 млн на восстановление школ в регионе в течение двух лет.", Status.MODIFIED),
    ("en", "The sides agreed to admit 10-20 students from partner countries every year to universities.",
     "The sides agreed to admit 10-25 students from partner countries every year to universities.", Status.MODIFIED),
    ("en", "The sides agreed to admit 10–20 students from partner countries every year to universities.",
     "The sides agreed to admit 10–25 students from partner countries every year to universities.", Status.MODIFIED),
    ("en", "The sides agreed to send 3 - 5 teams of observers to the region before the elections.",
     "The sides agreed to send 3 - 6 teams of observers to the region before the elections.", Status.MODIFIED),
    ("ru", "Стороны договорились ежегодно выделять 100-150 стипендий студентам из стран-партнеров для обучения в университетах.",
     "Стороны договорились ежегодно выделять 100-200 стипендий студентам из стран-партнеров для обучения в университетах.", Status.MODIFIED),
    ("en", "The sides agreed to admit 10-20 students from partner countries every year to universities.",
     "The sides agreed to admit 10–20 students from partner countries every year to universities.", Status.PERSISTED),
    # a word of figures or time changed beside a figure that agrees (found by a new user's review)
    ("en", "The leaders set a goal of more than doubling total bilateral trade to $500 billion by 2030.",
     "The leaders set a goal of more than tripling total bilateral trade to $500 billion by 2030.", Status.MODIFIED),
    ("en", "The leaders announced plans to sign a new ten-year Framework for the Major Defense Partnership this year.",
     "The leaders announced plans to sign a new five-year Framework for the Major Defense Partnership this year.", Status.MODIFIED),
    ("en", "The leaders announced plans to sign a new Framework for the Major Defense Partnership this year, by 2026.",
     "The leaders announced plans to sign a new Framework for the Major Defense Partnership next year, by 2026.", Status.MODIFIED),
    ("en", "The ministers will complete the negotiations on the trade agreement by mid-2026 in Geneva.",
     "The ministers will complete the negotiations on the trade agreement by end-2026 in Geneva.", Status.MODIFIED),
    ("en", "The ministers will complete the first tranche of the trade negotiations in the first quarter of 2026.",
     "The ministers will complete the first tranche of the trade negotiations in the third quarter of 2026.", Status.MODIFIED),
    ("ru", "Стороны завершат переговоры по торговому соглашению о свободной торговле в начале 2026 года в Женеве.",
     "Стороны завершат переговоры по торговому соглашению о свободной торговле в конце 2026 года в Женеве.", Status.MODIFIED),
    ("en", "The ministers will complete the negotiations on the trade agreement by mid-2026 in Geneva.",
     "The ministers will finish the negotiations on the trade agreement by mid-2026 in Geneva.", Status.PERSISTED),
    ("sv", "Parterna kommer att slutföra förhandlingarna i början av 2026 i Genève med partner.",
     "Parterna kommer att slutföra förhandlingarna i slutet av 2026 i Genève med partner.", Status.MODIFIED),
    # a word of time counts only beside a time (found in review)
    ("en", "The leaders agreed to hold the next summit in Tokyo to review the energy partnership.",
     "The leaders agreed to hold the upcoming summit in Tokyo to review the energy partnership.", Status.PERSISTED),
    ("en", "The leaders agreed to work together to end the conflict in the region through dialogue.",
     "The leaders agreed to work together to resolve the conflict in the region through dialogue.", Status.PERSISTED),
    ("en", "The leaders will complete the review at the end of the year in Geneva with partners.",
     "The leaders will complete the review at the close of the year in Geneva with partners.", Status.PERSISTED),
    ("en", "The Parties will increase bilateral trade to 10 billion dollars by 2030 through new joint programmes.",
     "The Parties will increase bilateral trade to 12 billion dollars by 2030 through new joint programmes.", Status.MODIFIED),
    ("en", "The Parties will increase bilateral trade to 10 billion dollars by 2030 through new joint programmes.",
     "The Parties will increase bilateral trade to 10 million dollars by 2030 through new joint programmes.", Status.MODIFIED),
    ("en", "The Parties agreed to deploy 2,000 peacekeepers to the mission in the region over the next year.",
     "The Parties agreed to deploy 200 peacekeepers to the mission in the region over the next year.", Status.MODIFIED),
    ("en", "The Parties agreed to hold the fourth meeting of the joint commission on trade and investment in Ankara.",
     "The Parties agreed to hold the fifth meeting of the joint commission on trade and investment in Ankara.", Status.MODIFIED),
    ("ru", "Стороны подтвердили готовность к совместной работе по доведению двустороннего товарооборота до 10 млрд. долларов США к 2030 году.",
     "Стороны подтвердили готовность к совместной работе по доведению двустороннего товарооборота до 5 млрд. долларов США к 2030 году.",
     Status.MODIFIED),
    # the same figures, one other word changed: persisted
    ("en", "The Parties will increase bilateral trade to 10 billion dollars by 2030 through new joint programmes.",
     "The Parties will increase bilateral trade to 10 billion dollars by 2030 through new common programmes.", Status.PERSISTED),
    ("en", "The Parties will increase bilateral trade to three billion dollars through new joint programmes of the ministries.",
     "The Parties will increase bilateral trade to five billion dollars through new joint programmes of the ministries.",
     Status.MODIFIED),
    ("ru", "Стороны договорились довести объем взаимной торговли до пяти миллиардов долларов в ближайшие годы.",
     "Стороны договорились довести объем взаимной торговли до десяти миллиардов долларов в ближайшие годы.", Status.MODIFIED),
    # a spelled-out count changed beside a figure the parser reads (the year): modified (found in review)
    ("en", "The Parties agreed to hold three rounds of consultations on trade and investment in Ankara in 2026.",
     "The Parties agreed to hold four rounds of consultations on trade and investment in Ankara in 2026.", Status.MODIFIED),
    ("ru", "Стороны договорились провести три раунда консультаций по вопросам торговли и инвестиций в Анкаре в 2026 году.",
     "Стороны договорились провести четыре раунда консультаций по вопросам торговли и инвестиций в Анкаре в 2026 году.",
     Status.MODIFIED),
    ("en", "The Parties agreed to hold three rounds of consultations on trade and investment in Ankara in 2026.",
     "The Parties agreed to hold three rounds of consultations on trade and investments in Ankara in 2026.", Status.PERSISTED),
    # the same figure written another way, or a word that only looks like one, is no change (found in review)
    ("en", "The Parties agreed to hold consultations of their foreign ministries at least three times a year in both capitals.",
     "The Parties agreed to hold consultations of their foreign ministries at least 3 times a year in both capitals.", Status.PERSISTED),
    ("ru", "Стороны договорились проводить консультации министерств иностранных дел не реже трех раз в год в обеих столицах.",
     "Стороны договорились проводить консультации министерств иностранных дел не реже 3 раз в год в обеих столицах.", Status.PERSISTED),
    ("en", "The Parties agreed to hold consultations of their foreign ministries at least three times a year in both capitals.",
     "The Parties agreed to hold consultations of their foreign ministries at least 4 times a year in both capitals.", Status.MODIFIED),
    ("en", "The leaders of the G7 agreed to coordinate their response to the economic and humanitarian crisis "
           "in the region with all partners and institutions.",
     "The leaders of the G-7 agreed to coordinate their response to the economic and humanitarian crisis "
     "in the region with all partners and institutions.", Status.PERSISTED),
    ("en", "The Parties agreed to deploy 12,000 peacekeepers to the mission in the region over the next year.",
     "The Parties agreed to deploy 12000 peacekeepers to the mission in the region over the next year.", Status.PERSISTED),
    # a place dropped from the pledge is a change of what it says (the names, not the figures: "Europe" is no "euro")
    ("en", "The Parties will deepen cooperation with partners in Europe and Asia on energy security, critical minerals, supply chains and connectivity.",
     "The Parties will deepen cooperation with partners in Asia on energy security, critical minerals, supply chains and connectivity.",
     Status.MODIFIED),
    # a negation gained where no predicate is read ("soutiendra" is no cue): modified all the same
    ("fr", "La France soutiendra la candidature du Sénégal au Conseil des droits de l'homme pour la période à venir.",
     "La France ne soutiendra pas la candidature du Sénégal au Conseil des droits de l'homme pour la période à venir.",
     Status.MODIFIED),
    # a shorter or longer form of the same name is no other name
    ("en", "The leaders welcomed a new partnership between Anduril Industries and Mahindra Group on advanced autonomous systems.",
     "The leaders welcomed a new partnership between Anduril Industries and Mahindra on advanced autonomous systems.", Status.PERSISTED),
    ("es", "Los Ministros celebrarán la próxima reunión de la comisión mixta en Madrid en el segundo semestre de 2026.",
     "Los Ministros celebrarán la próxima reunión de la comisión mixta en Lisboa en el segundo semestre de 2026.",
     Status.MODIFIED),
    ("en", "The Parties may establish a joint working group on cyber security and critical infrastructure protection next year.",
     "The Parties can establish a joint working group on cyber security and critical infrastructure protection next year.",
     Status.PERSISTED),
    ("en", "The Parties will strengthen maritime security cooperation in the region through joint exercises.[3]",
     "The Parties will strengthen maritime security cooperation in the region through joint exercises.[4]", Status.PERSISTED),
    ("tr", "Taraflar ikili ticaret hacmini beş milyar dolara çıkarma hedefini yeni ortak projelerle birlikte teyit etti.",
     "Taraflar ikili ticaret hacmini altı milyar dolara çıkarma hedefini yeni ortak projelerle birlikte teyit etti.",
     Status.MODIFIED),
    # the same value written another way is no change (found in a second QA round)
    ("ru", "Стороны подтвердили готовность к совместной работе по доведению двустороннего товарооборота до 10 млрд. долларов США к 2030 году.",
     "Стороны подтвердили готовность к совместной работе по доведению двустороннего товарооборота до 10 миллиардов долларов США к 2030 году.",
     Status.PERSISTED),
    ("en", "The Parties agreed to hold the fourth meeting of the joint commission on trade and investment in Ankara next spring.",
     "The Parties agreed to hold the 4th meeting of the joint commission on trade and investment in Ankara next spring.", Status.PERSISTED),
    # a changed strength or negation is a modified pledge too
    ("en", "The Parties will hold annual consultations on climate change, energy transition and water security in the capitals of both countries.",
     "The Parties will not hold annual consultations on climate change, energy transition and water security in the capitals of both countries.",
     Status.MODIFIED),
    ("ru", "Стороны будут проводить ежегодные консультации по вопросам изменения климата, энергетического перехода и водной безопасности в столицах.",
     "Стороны не будут проводить ежегодные консультации по вопросам изменения климата, энергетического перехода и водной безопасности в столицах.",
     Status.MODIFIED),
    # a figure written the same on both sides is no change ("10" in both, whatever else changed)
    ("en", "The Parties will increase bilateral trade to 10 billion dollars by 2030 through new joint programmes of the ministries.",
     "The Parties will increase bilateral trade to 10 billion dollars by 2030 through new joint programmes of their ministries.",
     Status.PERSISTED),
]


def _annotated(old_text: str, new_text: str, lang: str, new_lang: str | None = None):  # noqa: ANN202 - a tuple of Changes
    """The changes as the pipeline reports them: classify, then the details stage's refinement."""
    from statediff.align import DEFAULT_THRESHOLD
    from statediff.details import annotate

    old, new = _seg(old_text, "o", lang), _seg(new_text, "n", new_lang or lang)
    alignment = align(old, new)
    return annotate(old, new, alignment, classify(old, new, alignment), DEFAULT_THRESHOLD).changes


@pytest.mark.parametrize(("lang", "old", "new", "status"), FIGURE_CASES)
def test_a_changed_figure_makes_a_pledge_modified(lang: str, old: str, new: str, status: Status) -> None:
    [change] = [ch for ch in _annotated(old + "\n", new + "\n", lang) if ch.old and ch.new]
    assert change.word_similarity >= 0.9  # the words alone would say persisted
    assert change.status == status


def test_a_changed_range_is_a_changed_figure() -> None:
    [change] = _annotated("The sides agreed to admit 10-20 students from partner countries every year to universities.\n",
                          "The sides agreed to admit 10-25 students from partner countries every year to universities.\n", "en")
    [pair] = change.details.numbers.changed
    assert (pair.old.quantity, pair.old.upper, pair.new.quantity, pair.new.upper) == (10, 20, 10, 25)
    assert numbers_text(change.details, "->") == "10-20 students -> 10-25 students (student 10–20 -> 10–25)"


@pytest.mark.parametrize(("lang", "old", "new", "status"), [
    # a figure only written another way: persisted, though the words alone say modified
    ("en", "$10 billion", "$10bn", Status.PERSISTED),
    ("en", "ten billion dollars", "$10 billion", Status.PERSISTED),
    ("ru", "10 млрд. долларов США", "десяти миллиардов долларов США", Status.PERSISTED),
    # another value stays modified
    ("en", "$10 billion", "$12bn", Status.MODIFIED),
    ("en", "ten billion dollars", "$12 billion", Status.MODIFIED),
])
def test_a_figure_written_another_way_is_no_change(lang: str, old: str, new: str, status: Status) -> None:
    from statediff.align import DEFAULT_THRESHOLD
    from statediff.classify import DEFAULT_PERSIST_THRESHOLD
    from statediff.details import annotate

    pledge = {"en": "The leaders agreed to raise bilateral trade to {} by 2030.\n",
              "ru": "Стороны договорились довести товарооборот до {} к 2030 году.\n"}[lang]
    o, n = _seg(pledge.format(old), "o", lang), _seg(pledge.format(new), "n", lang)
    alignment = align(o, n)
    changes = classify(o, n, alignment)
    assert [ch.status for ch in changes] == [Status.MODIFIED]  # classify reads the words alone
    [change] = annotate(o, n, alignment, changes, DEFAULT_THRESHOLD, persist_threshold=DEFAULT_PERSIST_THRESHOLD).changes
    assert change.status == status


@pytest.mark.parametrize(("lang", "old", "new", "changed"), [
    ("en", "three times a year", "3 times a year", []),  # the same figure: not a figure added (found in review)
    ("ru", "трех раз в год", "3 раз в год", []),
    # a changed figure, not an added one, spelled out or not; the bound "at least" is part of it
    ("en", "three times a year", "4 times a year", [("at least three times", "at least 4 times")]),
    ("en", "3 times a year", "4 times a year", [("at least 3 times", "at least 4 times")]),
])
def test_a_figure_spelled_out_on_the_other_side_is_not_added(lang: str, old: str, new: str, changed: list[tuple[str, str]]) -> None:
    pledge = {"en": "The Parties agreed to hold consultations of their foreign ministries at least {} in both capitals.\n",
              "ru": "Стороны договорились проводить консультации министерств иностранных дел не реже {} в обеих столицах.\n"}[lang]
    [change] = [ch for ch in _annotated(pledge.format(old), pledge.format(new), lang) if ch.old and ch.new]
    assert [(pair.old.text, pair.new.text) for pair in change.details.numbers.changed] == changed
    assert not change.details.numbers.added and not change.details.numbers.removed


def test_a_count_added_beside_a_compound_both_sides_hold_is_added() -> None:
    # "10-year" on both sides is no twin of an added "10 consultations" (found in review: persisted, exit 0)
    [change] = [ch for ch in _annotated(
        "The parties will hold regular security consultations under the 10-year energy programme.\n",
        "The parties will hold 10 regular security consultations under the 10-year energy programme.\n", "en") if ch.old and ch.new]
    assert change.status is Status.MODIFIED
    assert [n.quantity for n in change.details.numbers.added] == [10]


@pytest.mark.parametrize(("old", "new"), [("десятилетнюю", "10-летнюю"), ("10-летнюю", "десятилетнюю")])
def test_a_figure_joined_to_its_unit_on_the_other_side_is_not_added(old: str, new: str) -> None:
    # "десятилетнюю" → "10-летнюю": one figure; the details listed "added 10-летнюю" (noted in session 21)
    pledge = "Стороны договорились разработать {} программу сотрудничества в сфере энергетики.\n"
    [change] = [ch for ch in _annotated(pledge.format(old), pledge.format(new), "ru") if ch.old and ch.new]
    numbers = change.details.numbers
    assert not numbers.added and not numbers.removed and not numbers.changed


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("a b c d", "a b c d", 1.0), ("a b c d", "e f g h", 0.0), ("a b c d", "a b c e", 0.75),
    ("the People's Republic", "the People’s Republic", 1.0),  # typographic apostrophe: the same word
    ("Asia–Pacific «region»", "Asia-Pacific \"region\"", 1.0),
])
def test_word_similarity(a: str, b: str, expected: float) -> None:
    assert word_similarity(a, b) == pytest.approx(expected)


def test_persist_threshold_moves_the_boundary() -> None:
    old = "The leaders agreed to expand cooperation on civil nuclear energy and small modular reactors in both countries.\n"
    new = "The leaders agreed to expand cooperation on civil nuclear energy and small modular reactors in the two countries.\n"
    o, n = _seg(old, "o"), _seg(new, "n")
    strict = classify(o, n, align(o, n), persist_threshold=0.99)
    assert [ch.status for ch in strict] == [Status.MODIFIED]


def test_candidate_index_keeps_true_pairs_and_matches_exhaustive_links() -> None:
    topics = ["nuclear reactors", "student exchanges", "maritime security", "critical minerals", "vaccine production",
              "space exploration", "cyber defence", "clean hydrogen", "rail corridors", "wheat exports"]
    places = ["Almaty", "Ankara", "Osaka", "Lima", "Dakar", "Oslo", "Hanoi", "Quito", "Accra", "Riga",
              "Perth", "Cusco", "Tunis", "Minsk", "Sofia", "Turku", "Nadi", "Jinja", "Balkh", "Merv"]
    old_lines = [f"The sides agreed to expand cooperation on {t} with partners in {p} and {q}."
                 for t in topics for p in places for q in places[:2]]
    new_lines = [line.replace("agreed to expand", "committed to deepen") for line in reversed(old_lines)]
    old, new = _seg("\n".join(old_lines) + "\n", "o"), _seg("\n".join(new_lines) + "\n", "n")
    vectors = build_vectors(old, new)
    indexed = set(candidate_pairs(*vectors, exhaustive=False))
    n = len(old_lines)
    assert all((k, n - 1 - k) in indexed for k in range(n))
    assert align(old, new, exhaustive=False).links == align(old, new, exhaustive=True).links


def _repeated_pledge_pair():  # noqa: ANN202 - two Segmentations
    # A page that holds the article twice, at scale: 15 copies a side of a short pledge of common
    # terms tie with every copy in the rare-term index, which keeps CANDIDATES_PER_ITEM (10)
    # partners a pledge, so without twin_pairs copies 11-15 found no twin (5 new, 5 dropped).
    words = ["nuclear", "student", "maritime", "minerals", "vaccine", "space", "cyber", "hydrogen", "rail", "wheat"]
    others = [f"The sides agreed to cooperate on {a} and {b} research." for a in words for b in words]
    repeated = "We will enhance supply chain resilience."
    old_lines = [line for k in range(15) for line in (others[k], repeated)]
    new_lines = [line for k in range(15) for line in (repeated, others[k])]
    return _seg("\n".join(old_lines) + "\n", "o"), _seg("\n".join(new_lines) + "\n", "n")


@pytest.mark.parametrize("vectorised", [False, True])
def test_a_repeated_pledge_finds_its_twins_on_the_indexed_path(vectorised: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    from statediff import align as A
    from statediff import sparse

    if vectorised and not sparse.available():
        pytest.skip("numpy/scipy (the large extra) not installed")
    monkeypatch.setattr(A, "SPARSE_MIN_PAIRS", 0 if vectorised else 10**12)
    old, new = _repeated_pledge_pair()
    changes = classify(old, new, align(old, new, exhaustive=False))
    assert {ch.status for ch in changes} == {Status.PERSISTED}


def _figure_siblings(changed: frozenset[int]) -> tuple[str, str]:
    """Thirty pledges that differ only in a figure, the new side shuffled, figures ``changed`` (by index) rewritten."""
    old = [f"The parties agreed to allocate {100 + k} million dollars to the joint health programme." for k in range(30)]
    new = [line.replace(" million", "0 million") if k in changed else line for k, line in enumerate(old)]
    order = [(7 * k) % 30 for k in range(30)]  # a fixed shuffle
    return "\n".join(old) + "\n", "\n".join(new[k] for k in order) + "\n"


@pytest.mark.parametrize("vectorised", [False, True])
@pytest.mark.parametrize("changed", [frozenset(), frozenset(range(0, 30, 3)), frozenset(range(30))])
def test_figure_siblings_pair_with_their_unchanged_copies_on_every_path(vectorised: bool, changed: frozenset[int],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # Thirty pledges of the same terms tie with one another; each unchanged one must meet its copy,
    # and the changed ones must still pair off one to one (found in review: ordering every tie by
    # how alike the wordings are left copies with no free candidate on the candidate index).
    from statediff import align as A
    from statediff import sparse
    from statediff.details import annotate

    if vectorised and not sparse.available():
        pytest.skip("numpy/scipy (the large extra) not installed")
    monkeypatch.setattr(A, "SPARSE_MIN_PAIRS", 0 if vectorised else 10**12)
    old_text, new_text = _figure_siblings(changed)
    old, new = _seg(old_text, "o"), _seg(new_text, "n")
    for exhaustive in (True, False):
        alignment = align(old, new, exhaustive=exhaustive)
        changes = annotate(old, new, alignment, classify(old, new, alignment), DEFAULT_THRESHOLD).changes  # a changed figure: modified
        statuses = Counter(ch.status for ch in changes)
        assert statuses == Counter({Status.PERSISTED: 30 - len(changed), Status.MODIFIED: len(changed)}), (exhaustive, statuses)
        persisted = [ch for ch in changes if ch.status == Status.PERSISTED]
        assert all(old.commitments[int(ch.old[0][1:]) - 1].text == new.commitments[int(ch.new[0][1:]) - 1].text for ch in persisted)


def test_twin_pairs_pair_the_same_wording_first() -> None:
    from statediff.align import same_wording, term_sets, twin_pairs

    old, new = (_seg(text, side) for text, side in zip(_figure_siblings(frozenset()), "on", strict=True))
    texts = ([same_wording(c.text) for c in old.commitments], [same_wording(c.text) for c in new.commitments])
    twins = twin_pairs(term_sets(old), term_sets(new), texts)
    for i, text in enumerate(texts[0]):
        assert any(a == i and texts[1][b] == text for a, b in twins)


@pytest.mark.parametrize(("text", "same"), [("We will  meet\nin Ankara.", "We will meet in Ankara."), (" a\u00a0b ", "a b")])
def test_same_wording_makes_white_space_single_spaces(text: str, same: str) -> None:
    from statediff.align import same_wording

    assert same_wording(text) == same


def test_twin_pairs_pair_copies_off_one_to_one() -> None:
    from statediff.align import CANDIDATES_PER_ITEM, term_sets, twin_pairs

    old, new = _repeated_pledge_pair()
    twins = twin_pairs(term_sets(old), term_sets(new))
    old_copies = [i for i, c in enumerate(old.commitments) if c.text.startswith("We will")]
    new_copies = [j for j, c in enumerate(new.commitments) if c.text.startswith("We will")]
    assert all((i in old_copies) == (j in new_copies) for i, j in twins)  # a copy's twins are copies
    assert all(old.commitments[i].text == new.commitments[j].text for i, j in twins)
    assert all((i, j) in twins for i, j in zip(old_copies, new_copies, strict=True))  # the k-th with the k-th
    assert all(sum(1 for a, _ in twins if a == i) == CANDIDATES_PER_ITEM for i in old_copies)


def test_parallel_scoring_gives_the_same_links(monkeypatch: pytest.MonkeyPatch) -> None:
    # The pool must really score: every pair is a candidate (exhaustive) and the bar for a pool is
    # lowered to what a fast test can pass (found in an audit: the old test scored 0 candidates, far
    # below PARALLEL_MIN_PAIRS, so the pool never ran). A spy counts the chunks the pool scored.
    import concurrent.futures

    from statediff import align as align_module

    words = ["nuclear", "student", "maritime", "minerals", "vaccine", "space", "cyber", "hydrogen"]
    lines = [f"The sides agreed to cooperate on {a} research and {b} trade in {c} ports." for a in words for b in words for c in ("Aktau", "Mersin")]
    old = _seg("\n".join(lines) + "\n", "o")
    new = _seg("\n".join(line.replace("agreed", "decided") for line in reversed(lines)) + "\n", "n")
    pairs = len(old.commitments) * len(new.commitments)
    monkeypatch.setattr(align_module, "PARALLEL_MIN_PAIRS", pairs // 2)
    scored: list[int] = []

    class SpyPool(concurrent.futures.ProcessPoolExecutor):
        def map(self, fn, *iterables, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 - the executor's own signature
            chunks = list(iterables[0])
            scored.extend(len(chunk) for chunk in chunks)
            return super().map(fn, chunks, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", SpyPool)
    one = align(old, new, workers=1, exhaustive=True)
    assert not scored  # one worker: no pool
    two = align(old, new, workers=2, exhaustive=True)
    assert sum(scored) == pairs >= align_module.PARALLEL_MIN_PAIRS  # every pair scored in the pool
    assert two.links == one.links and len(one.links) == len(lines)


def test_vectorised_path_gives_the_same_candidates_and_scores() -> None:
    from statediff import align as A
    from statediff import sparse

    if not sparse.available():
        pytest.skip("numpy/scipy (the large extra) not installed")
    words = ["nuclear", "student", "maritime", "minerals", "vaccine", "space", "cyber", "hydrogen", "rail", "wheat", "ports", "drones"]
    lines = [f"The sides agreed to cooperate on {a} and {b} technology with {c} partners." for a in words for b in words for c in words[:3]]
    old = _seg("\n".join(lines) + "\n", "o")
    new = _seg("\n".join(line.replace("agreed", "committed") for line in reversed(lines)) + "\n", "n")
    old_vec, new_vec = build_vectors(old, new)
    pure_pairs = candidate_pairs(old_vec, new_vec, exhaustive=False)
    pure = {pair: A.pair_score(old_vec, new_vec, *pair) for pair in pure_pairs}
    # The path align() takes on large inputs: matrices built straight from the term sets.
    assert pure and A._score_sets_sparse(A.term_sets(old), A.term_sets(new), None) == pure


STOCK_CASES = [
    # (language, word, kept as a matching term?): stock words of diplomatic prose go, and so does
    # every word with a stock word's stem, so a stock entry must not share its stem with content.
    ("sv", "bekräftade", False),
    ("sv", "arbetet", False),
    # the particle verb "ta fram" (found in a Swedish review: the top shared terms of two unrelated pledges) …
    ("sv", "ta", False), ("sv", "fram", False),
    # … whose stems leave these content words alone
    ("sv", "tal", True), ("sv", "framsteg", True), ("sv", "framtid", True), ("sv", "tak", True),
    ("sv", "kommer", False),  # an auxiliary ("kommer att"), a stopword
    ("sv", "beslut", True),  # a decision, not "beslutade"
    ("sv", "meddelande", True),
    ("sv", "arbetsgrupp", True),  # a compound: "arbete" is a plain entry, not a prefix
    ("sv", "insatsstyrka", True),
    ("sv", "göra", False),  # "do", a function word as in English
    ("sv", "göras", False),
    ("en", "reaffirmed", False),
    ("en", "minerals", True),
    # "work", "working" are stock; "workforce", "workers", "workshop" are content (found on a blind annotation:
    # "building a more inclusive workforce" in both statements shared no term)
    ("en", "working", False), ("en", "worked", False),
    ("en", "workforce", True), ("en", "workers", True), ("en", "workshop", True),
    # function words are no terms: "throughout" scored as the rarest term of two pledges and linked them (found on a blind annotation)
    ("en", "throughout", False), ("en", "whether", False), ("en", "despite", False),
    ("ru", "однако", False), ("ru", "благодаря", False), ("sv", "därför", False), ("sv", "eftersom", False),
    # adverbs of degree: "stöder Ukraina helt och fullt" and "är fullt ut solidariska med Estland" shared "fullt"
    # and "nordiska" only, and linked (found on a blind annotation)
    ("sv", "fullt", False), ("sv", "helt", False), ("sv", "djupt", False), ("sv", "fullständig", True),
    # the parties counted or paired, as "two": "The three countries will cooperate to advance innovation" linked
    # "We hail the launch of the Trilateral Technology Leaders Training Program" on "three" alone (found on a blind annotation)
    ("en", "three", False), ("en", "trilateral", False), ("en", "bilateral", False), ("sv", "trilaterala", False),
    ("en", "triangular", True),
    ("en", "us", False),  # the pronoun ("let us", "join us"); the country is the alias "US"
]


# A country's short and formal names are one term in every language (tricky case 4).
ALIAS_CASES = [
    ("en", "the Russian Federation", "Russia"),
    ("sv", "Ryska federationen", "Rysslands"),
    ("ru", "Российской Федерации", "России"),
    ("de", "Russische Föderation", "Russland"),
    ("fr", "la Fédération de Russie", "la Russie"),
    # the parties of most English statements: "U.S." was the term "u.", "the United States" two, "unit" and "state"
    # (which "UN Member States" shares)
    ("en", "the United States", "the U.S."),
    ("en", "the United States of America", "USA"),
    ("sv", "Förenta staterna", "USA"),
    ("ru", "Соединённые Штаты Америки", "США"),
    ("en", "the Republic of Korea", "the ROK"),
    ("en", "the United Kingdom", "the UK"),
]


@pytest.mark.parametrize(("lang", "formal", "short"), ALIAS_CASES)
def test_formal_and_short_country_names_are_one_term(lang: str, formal: str, short: str) -> None:
    from statediff.features import featurizer_for

    featurizer = featurizer_for(lang)
    assert featurizer.terms(formal) == featurizer.terms(short) != []


@pytest.mark.parametrize(("lang", "name"), [
    # the UN Security Council in Turkish and Kazakh is the one body (found in review: "- UN Security Council + United Nations")
    ("ru", "Совета Безопасности ООН"), ("tr", "BM Güvenlik Konseyi"), ("kk", "БҰҰ Қауіпсіздік Кеңесі"), ("en", "UN Security Council"),
])
def test_the_security_council_is_one_term_in_every_language(lang: str, name: str) -> None:
    from statediff.features import featurizer_for

    assert featurizer_for(lang).terms(name) == ["=unsc"]  # not "=un" beside it (the body read as the UN alone)


@pytest.mark.parametrize(("lang", "word", "kept"), STOCK_CASES)
def test_stock_words_leave_content_words_alone(lang: str, word: str, kept: bool) -> None:
    from statediff.features import featurizer_for

    assert bool(featurizer_for(lang).terms(word)) == kept


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Стороны подтвердили взаимный интерес к дальнейшему развитию партнёрства.\nСтороны договорились о сотрудничестве в сфере энергетики.\n"),
    ("es", "Reiteramos la importancia del principio de no devolución.\nNos comprometemos a fortalecer la cooperación regional en materia migratoria.\n"),
])
def test_decomposed_unicode_is_the_same_text(lang: str, text: str) -> None:
    # NFD ("й" as "и" + a combining breve, from macOS copy-paste or some PDF tools) looks the
    # same as NFC and must compare as the same words: all persisted, offsets into each text as it is
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    old, new = _seg(text, "o", lang), _seg(decomposed, "n", lang)
    changes = classify(old, new, align(old, new))
    assert {ch.status for ch in changes} == {Status.PERSISTED}
    assert all(decomposed[c.start:c.end] == c.text for c in new.commitments)


def _compared(tmp_path, old_text: str, new_text: str, old_lang: str | None = None, new_lang: str | None = None):  # noqa: ANN001, ANN202
    """The pipeline's report on two statements written to files (as the command line reads them)."""
    from statediff.pipeline import compare

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    return compare(str(old), str(new), language_old=old_lang, language_new=new_lang)


@pytest.mark.parametrize(("new_text", "verb"), [
    # two "will" pledges merged into one sentence: the second clause's verb is under "will" (found in review: weakened)
    ("We will deliver 2 billion vaccine doses through COVAX by 2025, and support smallholder farmers through the "
     "Global Agriculture and Food Security Program by 2027.", "will"),
    # … not under a predicate that is no modal
    ("We delivered 2 billion vaccine doses through COVAX in 2025, and support smallholder farmers through the "
     "Global Agriculture and Food Security Program by 2027.", "support"),
])
def test_a_clause_reads_the_modal_it_stands_under(tmp_path, new_text: str, verb: str) -> None:  # noqa: ANN001 - pytest's tmp_path
    old_text = "We will support smallholder farmers through the Global Agriculture and Food Security Program by 2027.\n"
    report = _compared(tmp_path, old_text, new_text + "\n")
    [farmers] = [ch for ch in report.changes if ch.old and ch.new]
    assert farmers.details is not None and farmers.details.strength.new is not None
    assert farmers.details.strength.new.verb == verb
    assert (farmers.details.strength.change == "weakened") == (verb != "will")


def test_soft_hyphens_and_zero_width_spaces_change_no_strength(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    # a text pasted from Word: the report said 4 persisted while --fail-on weakened found 2 weakened (found in review)
    text = ("We reaffirm our commitment to achieving net zero emissions by 2050.\n\n"
            "We will strongly support the African Union.\n\nWe will triple renewable energy capacity by 2030.\n")
    pasted = text.replace("commitment", "commit\u00adment").replace("strongly", "strong\u00adly").replace("triple", "tri\u200bple")
    report = _compared(tmp_path, text, pasted)
    assert {ch.status for ch in report.changes} == {Status.PERSISTED}
    assert all(ch.details is not None and ch.details.strength.change is None for ch in report.changes)


def test_decomposed_unicode_keeps_names_and_dates(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    # the details stage reads the same names and dates in NFD as in NFC: nothing vanished or appeared
    import unicodedata

    text = ("Taraflar, Türkiye ile Kazakistan arasındaki işbirliğini güçlendirme konusunda mutabık kaldı.\n"
            "Türkiye, Kazakistan'ın Türk Devletleri Teşkilatı'ndaki girişimlerini destekleyecek.\n"
            "Bakanlar, 15 Ağustos 2026 tarihinde Astana'da bir araya gelmeyi kararlaştırdı.\n")
    report = _compared(tmp_path, text, unicodedata.normalize("NFD", text))
    assert {ch.status for ch in report.changes} == {Status.PERSISTED}
    assert report.details is not None
    assert not report.details.entities.removed and not report.details.entities.added  # vanished, appeared
    assert not report.details.numbers.removed and not report.details.numbers.added


@pytest.mark.parametrize(("lang", "old", "new"), [
    # a negation gained where no predicate shows it: a verb suffix (tr, kk), a verb the cue list lacks (fr)
    ("tr", "Taraflar ikili ticareti genişletecektir.", "Taraflar ikili ticareti genişletmeyecektir."),
    ("kk", "Тараптар екі ел арасындағы сауда көлемін кеңейтеді.", "Тараптар екі ел арасындағы сауда көлемін кеңейтпейді."),
    # … and inside a reported clause, where the verb is a participle (found by a new user's review)
    ("tr", "Taraflar, terörle mücadelede yakın işbirliğini sürdüreceklerini vurguladı.",
     "Taraflar, terörle mücadelede yakın işbirliğini sürdürmeyeceklerini vurguladı."),
    ("tr", "Bakanlar, ortak projeleri desteklediklerini belirtti.", "Bakanlar, ortak projeleri desteklemediklerini belirtti."),
    ("kk", "Тараптар терроризммен күресте ынтымақтастықты жалғастыратынын атап өтті.",
     "Тараптар терроризммен күресте ынтымақтастықты жалғастырмайтынын атап өтті."),
    ("kk", "Біз өңірдегі бейбітшілік үшін бірлескен күш-жігерді қолдауды жалғастырамыз.",
     "Біз өңірдегі бейбітшілік үшін бірлескен күш-жігерді қолдауды жалғастырмаймыз."),
    ("fr", "La France soutiendra la candidature du Sénégal au Conseil.", "La France ne soutiendra pas la candidature du Sénégal au Conseil."),
    ("de", "Deutschland und Polen werden die Zusammenarbeit im Bereich Energie fortsetzen.",
     "Deutschland und Polen werden die Zusammenarbeit im Bereich Energie nicht fortsetzen."),
    # after the predicate: a negated complement, or a verb that negates
    ("en", "The Ministers agreed to hold annual consultations on regional security.",
     "The Ministers agreed not to hold annual consultations on regional security."),
    ("en", "The Ministers decided to hold annual consultations on regional security.",
     "The Ministers decided not to hold annual consultations on regional security."),
    ("en", "The Ministers will hold annual consultations on regional security.",
     "The Ministers will refrain from holding annual consultations on regional security."),
    ("ru", "Стороны договорились проводить ежегодные консультации по вопросам безопасности.",
     "Стороны договорились воздерживаться от проведения ежегодных консультаций по вопросам безопасности."),
    # a position reversed at one level of the ladder, which reads as a negation (found by a new user's review: it was persisted)
    ("en", "The parties support the decision of the Council to extend the sanctions regime for another year.",
     "The parties oppose the decision of the Council to extend the sanctions regime for another year."),
    ("en", "The ministers endorsed the decision of the Council to extend the sanctions regime for another year.",
     "The ministers rejected the decision of the Council to extend the sanctions regime for another year."),
    ("ru", "Стороны поддержали решение Совета о продлении режима санкций еще на один год.",
     "Стороны осудили решение Совета о продлении режима санкций еще на один год."),
    ("fr", "Les parties soutiennent la décision du Conseil de prolonger le régime de sanctions pour une année.",
     "Les parties rejettent la décision du Conseil de prolonger le régime de sanctions pour une année."),
])
def test_a_negation_gained_weakens_the_pledge(lang: str, old: str, new: str) -> None:
    [change] = [ch for ch in _annotated(old + "\n", new + "\n", lang) if ch.old and ch.new]
    assert change.status == Status.MODIFIED
    assert change.details.strength.change == "weakened" and change.details.strength.negation_changed


@pytest.mark.parametrize(("lang", "old", "new"), [
    # the same position against something, worded around another verb: no reversal (found in review)
    ("en", "We will continue to condemn North Korea's ballistic missile launches in violation of UN resolutions.",
     "We condemn North Korea's ballistic missile launches in violation of UN resolutions."),
    ("en", "We reaffirm our strong opposition to any unilateral attempts to change the status quo by force.",
     "We oppose any unilateral attempts to change the status quo by force."),
    ("en", "We express concern about the situation in the South China Sea.", "We condemn the situation in the South China Sea."),
    ("ru", "Стороны вновь подтвердили, что осуждают терроризм во всех его формах и проявлениях.",
     "Стороны осуждают терроризм во всех его формах и проявлениях."),
    ("fr", "Nous réaffirmons notre condamnation du terrorisme sous toutes ses formes.", "Nous condamnons le terrorisme sous toutes ses formes."),
    # "reject" is the parties' verb here, not the statement's position
    ("en", "We call on all parties to reject violence and resume dialogue in the region.",
     "We call on all parties to end violence and resume dialogue in the region."),
])
def test_the_same_position_reworded_is_no_reversal(lang: str, old: str, new: str) -> None:
    [change] = [ch for ch in _annotated(old + "\n", new + "\n", lang) if ch.old and ch.new]
    assert not change.details.strength.negation_changed


@pytest.mark.parametrize(("lang", "old", "new", "change"), [
    # a binding modal traded for a hedging one, which no predicate shows (found by a new user's review)
    ("en", "We will continue to act decisively together to advance these principles in the region.",
     "We may continue to act decisively together to advance these principles in the region.", "weakened"),
    ("en", "We could continue to act decisively together to advance these principles in the region.",
     "We will continue to act decisively together to advance these principles in the region.", "strengthened"),
    ("ru", "Стороны будут развивать сотрудничество в сфере энергетики и транспорта.",
     "Стороны могут развивать сотрудничество в сфере энергетики и транспорта.", "weakened"),
    ("ru", "Стороны будут развивать сотрудничество в сфере энергетики и транспорта.",
     "Стороны постараются развивать сотрудничество в сфере энергетики и транспорта.", "weakened"),
    ("sv", "Gruppen kommer att fortsätta vidta åtgärder för att lösa tvisten i enlighet med folkrätten.",
     "Gruppen kan fortsätta vidta åtgärder för att lösa tvisten i enlighet med folkrätten.", "weakened"),
    ("sv", "Så länge Iran vägrar kommer samordningsgruppen att fortsätta vidta åtgärder för att lösa tvisten.",
     "Så länge Iran vägrar kan samordningsgruppen fortsätta vidta åtgärder för att lösa tvisten.", "weakened"),
    ("de", "Die Parteien werden die Zusammenarbeit im Energiebereich bis 2030 deutlich ausbauen.",
     "Die Parteien können die Zusammenarbeit im Energiebereich bis 2030 deutlich ausbauen.", "weakened"),
    # a hedge gained with no binding modal on either side; Turkish puts it in the verb
    ("tr", "Taraflar ikili ticaretin geliştirilmesi konusunda mutabık kaldı.",
     "Taraflar ikili ticaretin geliştirilmesi konusunda mutabık kalabilir.", "weakened"),
    ("tr", "Taraflar, ikili ticaret hacmini 2030 yılına kadar 15 milyar dolara çıkaracak.",
     "Taraflar, ikili ticaret hacmini 2030 yılına kadar 15 milyar dolara çıkarabilir.", "weakened"),
    ("kk", "Министрлер энергетика саласындағы ынтымақтастықты тереңдетуге келісті.",
     "Министрлер энергетика саласындағы ынтымақтастықты тереңдетуге келісуі мүмкін.", "weakened"),
    # a plural future negated (found by a helper's audit)
    ("tr", "Taraflar bölgesel barış çabalarını desteklemeye devam edeceklerdir.",
     "Taraflar bölgesel barış çabalarını desteklemeye devam etmeyeceklerdir.", "weakened"),
    ("en", "The leaders agreed to hold the next summit in Tokyo to review the energy partnership.",
     "The leaders could agree to hold the next summit in Tokyo to review the energy partnership.", "weakened"),
    ("tr", "Taraflar ticaret hacmini 2030 yılına kadar 15 milyar dolara çıkaracak.",
     "Taraflar ticaret hacmini 2030 yılına kadar 15 milyar dolara çıkarabilecek.", "weakened"),  # "-abilecek", not "-ecek"
    # a hedge in a subordinate clause speaks of something else (found in review)
    ("en", "The leaders agreed to hold the next meeting in Ankara in 2026.",
     "The leaders agreed to hold the next meeting in Ankara in 2026, which may include a business forum.", None),
    ("sv", "Parterna enades om att genomföra avtalet fullt ut.", "Parterna enades om att genomföra avtalet fullt ut, som får brett stöd.", None),
    ("de", "Die Parteien vereinbarten, die Zusammenarbeit auszubauen.",
     "Die Parteien vereinbarten, die Zusammenarbeit auszubauen, damit Unternehmen davon profitieren können.", None),
    # "will" before a verb of trying is an intent
    ("en", "The United States will deliver 100 million vaccine doses to partners in Southeast Asia.",
     "The United States will seek to deliver 100 million vaccine doses to partners in Southeast Asia.", "weakened"),
    ("en", "The United States will deliver 100 million vaccine doses to partners in Southeast Asia.",
     "The United States will strive to deliver 100 million vaccine doses to partners in Southeast Asia.", "weakened"),
    # found by a helper's audit: a hedged pledge of the parties was dropped (sv, ru); Spanish
    # "podrán" read as binding, "celebrarán consultas" (will hold) as no cue, "analizaron la
    # posibilidad" as none; a hedge that goes with no binding modal strengthens (ru)
    ("sv", "Parterna kommer att hålla årliga konsultationer om regional säkerhet.",
     "Parterna kan hålla årliga konsultationer om regional säkerhet.", "weakened"),
    ("ru", "Стороны будут проводить ежегодные консультации по региональной безопасности.",
     "Стороны могли бы проводить ежегодные консультации по региональной безопасности.", "weakened"),
    ("ru", "Стороны могут открыть прямое авиасообщение между столицами двух стран.",
     "Стороны откроют прямое авиасообщение между столицами двух стран.", "strengthened"),
    ("es", "Las Partes celebrarán consultas anuales sobre seguridad regional.",
     "Las Partes podrían celebrar consultas anuales sobre seguridad regional.", "weakened"),
    ("es", "Las Partes fortalecerán la cooperación en materia de energía y transporte.",
     "Las Partes podrán fortalecer la cooperación en materia de energía y transporte.", "weakened"),
    ("es", "Las Partes acordaron abrir un consulado general en Almaty.",
     "Las Partes analizaron la posibilidad de abrir un consulado general en Almaty.", "weakened"),
    ("fr", "Les Parties tiendront des consultations annuelles sur la sécurité régionale.",
     "Les Parties pourraient tenir des consultations annuelles sur la sécurité régionale.", "weakened"),
    # a modal of a clause with no comma before it speaks of something else (found in review)
    ("en", "We will help partners in the region so they can build capacity for disaster response.",
     "We will help partners in the region build capacity for disaster response.", None),
    ("en", "We will support small island states which can least afford the costs of adaptation.",
     "We will support small island states least able to afford the costs of adaptation.", None),
    # "May", capitalised, is the month: no modal traded
    ("en", "The leaders will meet in Madrid in June to review the energy partnership.",
     "The leaders will meet in Madrid in May to review the energy partnership.", None),
])
def test_a_hedged_pledge_is_weakened(lang: str, old: str, new: str, change: str | None) -> None:
    [found] = [ch for ch in _annotated(old + "\n", new + "\n", lang) if ch.old and ch.new]
    assert found.status == Status.MODIFIED
    assert found.details.strength.change == change


@pytest.mark.parametrize(("lang", "old", "new", "change"), [
    # a word of degree lost or gained, the predicate unchanged (found by a helper's audit: persisted)
    ("en", "The Parties strongly condemned the attacks on civilian infrastructure in Ukraine.",
     "The Parties condemned the attacks on civilian infrastructure in Ukraine.", "weakened"),
    ("en", "The Parties condemned the attacks on civilian infrastructure in Ukraine.",
     "The Parties strongly condemned the attacks on civilian infrastructure in Ukraine.", "strengthened"),
    ("en", "The two Presidents reiterate our firm commitment to a conditions-based transition of wartime operational control.",
     "The two Presidents reiterate commitment to a conditions-based transition of wartime operational control.", "weakened"),
    ("ru", "Стороны решительно осудили терроризм во всех его формах и проявлениях.",
     "Стороны осудили терроризм во всех его формах и проявлениях.", "weakened"),
    ("sv", "Ministrarna fördömde skarpt attacken mot civila mål i Ukraina.",
     "Ministrarna fördömde attacken mot civila mål i Ukraina.", "weakened"),
    ("fr", "Les Parties condamnent fermement les attaques contre les civils en Ukraine.",
     "Les Parties condamnent les attaques contre les civils en Ukraine.", "weakened"),
    ("es", "Las Partes condenan enérgicamente los ataques contra la población civil.",
     "Las Partes condenan los ataques contra la población civil.", "weakened"),
    ("tr", "Taraflar sivillere yönelik terör saldırılarını şiddetle kınadı.",
     "Taraflar sivillere yönelik terör saldırılarını kınadı.", "weakened"),
    # the word moved, not lost: no change of strength
    ("en", "The Parties strongly support the peace process in the region.",
     "The Parties support strongly the peace process in the region.", None),
])
def test_a_word_of_degree_lost_weakens_the_pledge(lang: str, old: str, new: str, change: str | None) -> None:
    [found] = [ch for ch in _annotated(old + "\n", new + "\n", lang) if ch.old and ch.new]
    assert found.details.strength.change == change
    if change is not None:  # the words alone would say persisted
        assert found.status == Status.MODIFIED


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("en", "a ten-year programme and a 10-year plan", {(10, "year"): 2}),
    ("en", "a ten-month programme; a well-known partner", {(10, "month"): 1}),
    ("en", "the seventy-fifth anniversary, twenty-one countries, a 10-point plan", {}),  # no unit after the hyphen (found in review)
    ("en", "a 2.5-year plan, a 1,000-tonne cargo", {}),  # not the end of a decimal or a grouped figure (found in review)
    ("ru", "десятилетнюю программу, 10-летний план и трехмесячный срок", {(10, "летн"): 2, (3, "месячн"): 1}),
    ("ru", "двадцатипятилетний юбилей", {(25, "летн"): 1}),
    ("ru", "пятилетка и десятина", {}),  # no unit after the cardinal
    ("xx", "ten-year", {}),
])
def test_figure_compounds(lang: str, text: str, found: dict[tuple[int, str], int]) -> None:
    from statediff.details.numbers import figure_compounds

    assert dict(figure_compounds(text, lang)) == found


def test_a_period_in_another_unit_is_a_changed_figure() -> None:
    from statediff.details.numbers import compare_numbers, extract_numbers

    changes = compare_numbers(extract_numbers("within six months, 3 meetings", "en"), extract_numbers("within six years, 3 sessions", "en"))
    assert [(p.old.text, p.new.text) for p in changes.changed] == [("six months", "six years")]
    # a count of something else in another unit is no changed period
    assert [n.text for n in changes.removed] == ["3 meetings"] and [n.text for n in changes.added] == ["3 sessions"]


@pytest.mark.parametrize(("lang", "text", "count"), [
    ("en", "We strongly and firmly condemn the attacks.", 2),
    ("en", "A strongly-worded letter was sent.", 0),  # part of a compound word, not a word of degree
    ("ru", "Стороны Твёрдо поддержали и твердо осудили.", 2),  # any case; "ё" folded
    ("kk", "Тараптар терроризмді үзілді-кесілді айыптады.", 1),
    # found in review: a word of degree describing a thing is none; an adjective counts with its
    # noun, in every case form
    ("en", "Finland and Sweden as full members; strong growth; a strong economy; a Japanese firm", 0),
    ("en", "reiterate our firm commitment and their strong support", 2),
    ("ru", "твердую приверженность; о твердой приверженности; полную поддержку; о полной поддержке; полномочия", 4),
    ("de", "unsere uneingeschränkte Unterstützung in uneingeschränkter Weise", 2),
    ("sv", "under ett helt år", 0),
    ("it", "Le parti condannano fermamente gli attacchi.", 0),  # no strength file
])
def test_intensifier_count(lang: str, text: str, count: int) -> None:
    from statediff.details.strength import intensifier_count

    assert intensifier_count(text, lang) == count


def test_an_item_deleted_from_a_semicolon_list_modifies_the_pledge() -> None:
    # razdel ends a sentence at "; Harpoon": the item must stay in the pledge, or deleting it is silent
    old = ("The leaders welcomed the integration of defense items, including C-130J Super Hercules; Harpoon anti-ship missiles; "
           "Javelin anti-tank missiles; and M777 howitzers.\n")
    new = "The leaders welcomed the integration of defense items, including C-130J Super Hercules; Javelin anti-tank missiles; and M777 howitzers.\n"
    assert "Harpoon" in _seg(old, "o").commitments[0].text  # the item is the pledge's, not a skipped sentence
    [change] = _annotated(old, new, "en")
    assert change.status == Status.MODIFIED


def test_two_pledges_merged_into_one_sentence_keep_their_strength() -> None:
    # the merged sentence's main predicate is the weaker one, but it still writes the stronger one
    old = ("Министры высоко оценили деятельность Съезда лидеров мировых и традиционных религий по укреплению стабильности.\n"
           "Будучи государствами-основателями Организации тюркских государств, Турция и Казахстан подтвердили решимость "
           "расширять сотрудничество для укрепления ОТГ.\n")
    new = ("Министры высоко оценили деятельность Съезда лидеров мировых и традиционных религий по укреплению стабильности, "
           "а также, будучи государствами-основателями Организации тюркских государств, Турция и Казахстан подтвердили "
           "решимость расширять сотрудничество для укрепления ОТГ.\n")
    [merged] = [ch for ch in _annotated(old, new, "ru") if len(ch.old) == 2]
    assert merged.details.strength.change is None


_PARTY_CONTEXT = ("The leaders of Japan and the United States met in Tokyo.\n"
                  "Japan and the United States agreed to hold the next summit in Tokyo.\n")


def test_a_partys_pledge_hedged_with_may_is_weakened_not_dropped() -> None:
    # "Japan will provide" → "Japan may provide": the party's modal keeps the pledge (reported like a
    # deed of a party); the same modal after another subject is no pledge
    old = _PARTY_CONTEXT + "Japan will provide 1 billion dollars to the fund by 2025.\nRussia may attack its neighbours again.\n"
    new = _PARTY_CONTEXT + "Japan may provide 1 billion dollars to the fund by 2025.\nRussia may attack its neighbours again.\n"
    changes = _annotated(old, new, "en")
    [hedged] = [ch for ch in changes if ch.status is Status.MODIFIED]
    assert hedged.details.strength.change == "weakened"
    assert not [ch for ch in changes if ch.status in (Status.DROPPED, Status.NEW)]
    assert not any("Russia" in c.text for c in _seg(new, "n", "en").commitments)
    # the party's modal before no listed verb is no pledge: "may face", "could not attend" (found in review)
    facts = _PARTY_CONTEXT + "Japan may face higher energy prices next winter.\nJapan could not attend the meeting in Hanoi.\n"
    assert not any(c.text.startswith(("Japan may face", "Japan could not")) for c in _seg(facts, "n", "en").commitments)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Ministers agreed not to impose new tariffs on steel."),  # a negated complement: still an agreement
    ("en", "The leaders will not only expand trade but also deepen investment ties."),
    ("en", "The leaders will not hesitate to act together against terrorism."),
])
def test_a_negation_kept_leaves_the_pledge_persisted(lang: str, text: str) -> None:
    [change] = [ch for ch in _annotated(text + "\n", text + "\n", lang) if ch.old and ch.new]
    assert change.status == Status.PERSISTED
    assert change.details.strength.change is None and not change.details.strength.negation_changed


def test_a_changed_figure_the_parser_does_not_read_makes_a_pledge_modified(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    # Italian has no number file: "10 miliardi" is not read, the year "2030" is; the digits decide
    # (found by a new user's review: it was persisted, the parsed years agreeing).
    text = ("Le due parti forniranno 10 miliardi di dollari per le infrastrutture entro il 2030.\n"
            "Le due parti hanno deciso di rafforzare la cooperazione economica e commerciale.\n"
            "I ministri hanno concordato di tenere la prossima riunione a Roma il prossimo anno.\n")
    report = _compared(tmp_path, text, text.replace("10 miliardi", "12 miliardi"))
    assert [ch.status for ch in report.changes if "o1" in ch.old] == [Status.MODIFIED]
    assert sum(ch.status is Status.PERSISTED for ch in report.changes) == 2


@pytest.mark.parametrize(("lang", "text", "counts"), [
    ("en", "In May, we will meet in Madrid.", (1, 0)),  # "May" inside a sentence is the month
    ("en", "We may meet. May the talks succeed.", (0, 2)),  # capitalised, opening a sentence: a modal
    ("ru", "Будут проведены консультации. Стороны могут встретиться.", (1, 1)),
    ("sv", "Vi kommer att mötas, men vi kan också skriva.", (1, 1)),
    ("tr", "Taraflar mutabık kalabilir ve görüşecek.", (1, 1)),  # endings: "*abilir", "*ecek"
    ("pt", "As partes poderão cooperar.", (0, 1)),  # the future is an ending: hedging modals only
    ("it", "Le parti potranno cooperare.", (0, 0)),  # a language without a strength file
])
def test_modal_counts(lang: str, text: str, counts: tuple[int, int]) -> None:
    from statediff.details.strength import modal_counts

    assert modal_counts(text, lang) == counts


def test_across_languages_strength_is_shown_not_compared() -> None:
    # (found in review) "reiterate" (support) → "reiteramos nuestra voluntad" (intent) read as strengthened
    old = "We reiterate our will to strengthen cooperation with the Republic of Chile on migration and protection.\n"
    new = "Reiteramos nuestra voluntad de fortalecer la cooperación con la República de Chile en migración y protección.\n"
    [change] = [ch for ch in _annotated(old, new, "en", "es") if ch.old and ch.new]
    assert change.details.strength.old is not None and change.details.strength.new is not None
    assert change.details.strength.old.level != change.details.strength.new.level
    assert change.details.strength.change is None and not change.details.strength.negation_changed


def test_across_languages_only_gazetteer_names_are_compared() -> None:
    # "Republic of Chile" and "République du Chili" as capitalised phrases have keys of their language
    from statediff.details.annotate import PledgeFacts, SideFacts, _gazetteer_names_only
    from statediff.details.types import Entity

    known, local = Entity("chile", "Chile", "place", "Chile", 0, 5), Entity("name:chili", "Chili", "name", "Chili", 10, 15)
    side = SideFacts((PledgeFacts(None, (), (known, local), ()),), (), (known, local))
    kept = _gazetteer_names_only(side)
    assert kept.pledges[0].entities == (known,) and kept.all_entities == (known,)



@pytest.mark.parametrize(("spanish", "status"), [
    ("Los líderes acordaron celebrar consultas sobre migración y protección en Ciudad de México en 2024.", Status.PERSISTED),
    ("Los líderes acordaron celebrar consultas sobre migración y protección en Ciudad de México en 2025.", Status.MODIFIED),
])
def test_a_translation_is_persisted_unless_its_figures_changed(spanish: str, status: Status) -> None:
    # Across languages the words cannot be compared: a one-to-one link is persisted, and modified
    # when a figure or a known name differs (the Los Angeles Declaration's English and
    # Spanish versions: 45 persisted; the one modified lists a signatory the Spanish leaves out).
    old = "The leaders agreed to hold consultations on migration and protection in Mexico City in 2024.\n"
    [change] = [ch for ch in _annotated(old, spanish + "\n", "en", "es") if ch.old and ch.new]
    assert change.status == status


def test_across_scripts_the_concept_words_link_a_translation() -> None:
    # data/concepts.toml: "торговля"/"ticaret" read as ~trade, only across languages
    from statediff.features import concept_terms

    assert concept_terms("ru")[featurizer_for("ru").word_term("торговли")] == concept_terms("tr")[featurizer_for("tr").word_term("ticaret")]
    old = _seg("Стороны договорились расширять торговлю и инвестиции в сфере энергетики.\n"
               "Стороны осудили терроризм во всех его формах.\n", "o", "ru")
    new = _seg("Taraflar terörizmi tüm biçimleriyle kınadı.\n"
               "Taraflar enerji alanında ticaret ve yatırımları genişletme konusunda mutabık kaldı.\n", "n", "tr")
    assert {(link.old, link.new) for link in align(old, new).links} == {((0,), (1,)), ((1,), (0,))}
    assert align(old, _seg("Taraflar bir sonraki toplantıyı Ankara'da yapacak.\n", "n", "tr")).links == ()


def test_adverbial_phrases_carry_no_term() -> None:
    # English stock words "manner", "timely", "appropriate", "accordance", "regard": a vaccine pledge
    # had linked to a military-assets pledge through "in a timely manner" alone (private ROK gold)
    featurizer = featurizer_for("en")
    assert featurizer.terms("in a timely manner, as appropriate, in accordance with and with regard to") == []


def test_latin_skeletons_and_concepts_are_read_across_languages_only() -> None:
    from statediff.align import term_sets

    seg = _seg("The leaders agreed to expand trade and investment.\n", "o")
    within, across = term_sets(seg), term_sets(seg, latin_grams=True)
    assert "~trade" in across.clause[0] and "~trade" not in within.clause[0]
    assert within.chars[0] != across.chars[0]


_BODY_OLD = ("As long as the regime refuses to take full legal responsibility, the group will continue to take steps to settle the "
             "dispute in accordance with international law, including at {}.\nThe group welcomes the support of partner countries in the region.\n")
_BODY_NEW = ("Our common hope is that this step, together with our continued pursuit of justice at {}, may lead the regime to accept "
             "its responsibility.\nThe group welcomes the support of partner countries in the region.\n")
NAMED_BODY_CASES = [
    # (language, old, new, linked below the threshold?): mutual best partners under the threshold
    # that name one body, programme or process of the gazetteer link; a country or a place does not
    ("en", _BODY_OLD.format("the WTO"), _BODY_NEW.format("the WTO"), True),
    ("en", _BODY_OLD.format("Canada"), _BODY_NEW.format("Canada"), False),
    ("en", _BODY_OLD.format("the Hague"), _BODY_NEW.format("the Hague"), False),
    ("en", _BODY_OLD.format("the WTO"), _BODY_NEW.format("the United Nations"), False),  # two bodies
    ("sv", "Så länge Iran vägrar ta fullt rättsligt ansvar kommer samordningsgruppen att fortsätta vidta åtgärder för att lösa tvisten "
     "i enlighet med folkrätten, bland annat vid FN.\nGruppen välkomnar stödet från partnerländerna i regionen.\n",
     "Vår gemensamma förhoppning är att denna åtgärd, tillsammans med vår fortsatta strävan efter rättvisa vid FN, kan leda till att "
     "Iran tar ansvar.\nGruppen välkomnar stödet från partnerländerna i regionen.\n", True),
    ("sv", "Så länge Iran vägrar ta fullt rättsligt ansvar kommer samordningsgruppen att fortsätta vidta åtgärder för att lösa tvisten "
     "i enlighet med folkrätten, bland annat i Kanada.\nGruppen välkomnar stödet från partnerländerna i regionen.\n",
     "Vår gemensamma förhoppning är att denna åtgärd, tillsammans med vår fortsatta strävan efter rättvisa i Kanada, kan leda till att "
     "Iran tar ansvar.\nGruppen välkomnar stödet från partnerländerna i regionen.\n", False),
]


@pytest.mark.parametrize(("lang", "old_text", "new_text", "linked"), NAMED_BODY_CASES)
def test_mutual_best_partners_under_the_threshold_link_when_they_name_one_body(lang: str, old_text: str, new_text: str, linked: bool) -> None:
    old, new = _seg(old_text, "o", lang), _seg(new_text, "n", lang)
    old_vectors, new_vectors = build_vectors(old, new)
    assert 0.5 * DEFAULT_THRESHOLD <= pair_score(old_vectors, new_vectors, 0, 0) < DEFAULT_THRESHOLD  # the band the rule reads
    alignment = align(old, new)
    assert (Link((0,), (0,), round(pair_score(old_vectors, new_vectors, 0, 0), 4), LINKED_BY_NAMED_BODY) in alignment.links) is linked
    assert ((0 in alignment.nearest_old) is not linked) and ((0 in alignment.nearest_new) is not linked)


def test_the_report_says_which_rule_linked_each_change() -> None:
    # the details stage carries Link.rule to each change (a lookup that lost it would say "score" everywhere)
    from statediff.details import annotate

    old, new = _seg(_BODY_OLD.format("the WTO"), "o"), _seg(_BODY_NEW.format("the WTO"), "n")
    alignment = align(old, new)
    changes = annotate(old, new, alignment, classify(old, new, alignment), DEFAULT_THRESHOLD).changes
    rules = {(ch.old, ch.new): ch.details.link_rule for ch in changes if ch.details is not None}
    assert rules == {(("o1",), ("n1",)): LINKED_BY_NAMED_BODY, (("o2",), ("n2",)): "score"}


def test_a_body_named_in_most_pledges_links_nothing() -> None:
    # a body named in every pledge (the issuing body, "the Quad" in the Quad's statements) says
    # nothing about which pledge (found in review)
    old = _seg(_BODY_OLD.format("the WTO").replace("in the region.", "in the region and of the WTO secretariat."), "o")
    new = _seg(_BODY_NEW.format("the WTO").replace("in the region.", "in the region and of the WTO secretariat."), "n")
    old_vectors, new_vectors = build_vectors(old, new)
    assert 0.5 * DEFAULT_THRESHOLD <= pair_score(old_vectors, new_vectors, 0, 0) < DEFAULT_THRESHOLD
    assert align(old, new).links == (Link((1,), (1,), 1.0),)


def test_across_languages_a_named_body_needs_the_link_floor() -> None:
    # unrelated pledges that both name the UN score 0.05 across English and Spanish (found in review)
    old = _seg("We support reform of the United Nations to make it more representative of today's world.\n"
               "We will expand trade in agricultural goods.\nWe will build a new railway to the port.\n", "o")
    new = _seg("Trabajaremos juntos en las Naciones Unidas para impulsar la acción climática y la transición energética.\n"
               "Ampliaremos el comercio de bienes agrícolas.\nConstruiremos un nuevo ferrocarril al puerto.\n", "n", "es")
    old_vectors, new_vectors = build_vectors(old, new)
    assert pair_score(old_vectors, new_vectors, 0, 0) < link_floor(DEFAULT_THRESHOLD, "en", "es")
    assert all(link.old != (0,) for link in align(old, new).links)


def test_a_named_body_links_no_pair_under_half_the_threshold() -> None:
    old = _seg(_BODY_OLD.format("the WTO"), "o")
    new = _seg(_BODY_NEW.format("the WTO"), "n")
    assert align(old, new, threshold=0.4).links == (Link((1,), (1,), 1.0),)  # 0.187 < 0.5 × 0.4


DEEDS_OLD = ("The United States and Mexico agreed to expand trade by 2023.\n"
             "The United States and Mexico pledged to join the Container Control Program of the UN Office on Drugs and Crime.\n"
             "The sides welcomed the talks on border security.\n")
DEEDS_NEW = ("The United States and Mexico agreed to expand trade by 2025.\n"
             "Mexico also joined the Container Control Program of the UN Office on Drugs and Crime.\n"
             "Mexico doubled cocaine seizures and arrested 40 crime leaders in Sonora.\n"
             "We implemented mirrored patrols along the border with Guatemala.\n"
             "The sides welcomed the talks on border security with Canada.\n")


def test_a_deed_that_carries_out_no_pledge_is_set_aside_and_said(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DEEDS_OLD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DEEDS_NEW, encoding="utf-8")
    report = compare(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    new = report.new
    # the deed that carries out the old pledge stays, linked (tricky case: done, not dropped)
    assert [c.text.split(" the ")[0] for c in new.commitments] == [
        "The United States and Mexico agreed to expand trade by 2025.", "Mexico also joined", "The sides welcomed"]
    assert [c.id for c in new.commitments] == ["n1", "n2", "n3"]
    joined = next(ch for ch in report.changes if ch.new == ("n2",))
    assert joined.old == ("o2",) and joined.status in (Status.PERSISTED, Status.MODIFIED)
    # the others are skipped as deeds, counted in no change, and named in a notice
    deeds = [new.document.text[s.start:s.end] for s in new.skipped if s.reason == "deed"]
    assert deeds == ["Mexico doubled cocaine seizures and arrested 40 crime leaders in Sonora.",
                     "We implemented mirrored patrols along the border with Guatemala."]
    assert sorted(j for ch in report.changes for j in ch.new) == ["n1", "n2", "n3"]
    assert not any(ch.status is Status.NEW for ch in report.changes)
    assert any("new statement: 2 reports of what was done (lines 3, 4)" in notice for notice in report.notices)
    # the findings of the kept pledges carry their new ids: "Canada" was found in n5 before
    added = [e for ch in report.changes if ch.details for e in ch.details.entities.added]
    assert [(e.label, e.id) for e in added] == [("Canada", "n3")]


def test_a_clause_dated_in_the_past_is_a_deed_kept_only_as_a_pledge_carried_out(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("We will launch the Quad Fellowship to bring students to study in the United States.\n"
                                    "We welcome the new partners of the initiative.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("At the 2021 Quad Leaders' Summit in Washington, we launched the Quad Fellowship to bring students "
                                    "to study in the United States.\n"
                                    "In 2021 and 2022, Quad partners stepped up to help meet the most pressing need of the region.\n"
                                    "We welcome the new partners of the initiative.\n", encoding="utf-8")
    report = compare(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    launched = next(ch for ch in report.changes if ch.old == ("o1",))
    assert launched.new == ("n1",) and report.new.commitments[0].text.startswith("At the 2021 Quad")  # done, not dropped
    assert [report.new.document.text[s.start:s.end] for s in report.new.skipped if s.reason == "deed"] == [
        "In 2021 and 2022, Quad partners stepped up to help meet the most pressing need of the region."]
    assert not any(ch.status is Status.NEW for ch in report.changes)


def test_the_nearest_miss_of_a_pledge_is_never_a_deed_set_aside() -> None:
    old = _seg("The leaders agreed to expand trade.\nThe leaders agreed to build a port in Aktau.\n", "o")
    new = _seg("The leaders agreed to expand trade.\nThe leaders discussed a port.\n", "n")
    new = replace(new, commitments=(new.commitments[0], replace(new.commitments[1], deed=True)))
    alignment = Alignment(links=(Link((0,), (0,), 1.0),), nearest_old={1: Candidate(1, 0.2)}, nearest_new={1: Candidate(1, 0.2)},
                          ranked_old={0: (Candidate(0, 1.0),), 1: (Candidate(1, 0.2), Candidate(0, 0.1))},
                          ranked_new={0: (Candidate(0, 1.0),), 1: (Candidate(1, 0.2),)})
    old2, new2, kept, keep_old, keep_new = without_unmatched_deeds(old, new, alignment)
    assert (keep_old, keep_new) == ((0, 1), (0,))
    assert old2 is old and [c.id for c in new2.commitments] == ["n1"]
    assert kept.nearest_old == {1: Candidate(0, 0.1)}  # the next best kept partner, not the deed
    assert kept.nearest_new == {} and kept.ranked_old[1] == (Candidate(0, 0.1),)
    assert [s.reason for s in new2.skipped if s.reason == "deed"] == ["deed"]


def test_a_statement_of_deeds_only_keeps_them_all() -> None:
    old = _seg("The leaders agreed to expand trade.\nThe leaders agreed to build a port in Aktau.\n", "o")
    new = _seg("The leaders agreed to expand trade.\nThe leaders discussed a port in Aktau.\n", "n")
    new = replace(new, commitments=tuple(replace(c, deed=True) for c in new.commitments))
    for links in ((), (Link((1,), (1,), 0.5),)):  # none linked, or one: all kept either way
        alignment = Alignment(links=links, nearest_old={}, nearest_new={})
        _, new2, _, _, keep_new = without_unmatched_deeds(old, new, alignment)
        assert keep_new == (0, 1) and new2 is new


_ECHOES = [
    # (old, new, status of the pair, strength change, side whose span is read as a pledge)
    # "shall" turned "may": no cue is left, and the old pledge was dropped while --fail-on weakened passed
    ("The Joint Commission shall meet at least twice a year in Astana.\nEach Party shall publish its laws on investment.\n",
     "The Joint Commission may meet at least twice a year in Astana.\nEach Party shall publish its laws on investment.\n",
     Status.MODIFIED, "weakened", "new"),
    # the other way round: the old statement's span is read
    ("The Joint Commission may meet at least twice a year in Astana.\nEach Party shall publish its laws on investment.\n",
     "The Joint Commission shall meet at least twice a year in Astana.\nEach Party shall publish its laws on investment.\n",
     Status.MODIFIED, "strengthened", "old"),
    # done, not dropped: the pledge reported carried out, in an account with no cue
    ("Vi kommer att inrätta ett nordiskt nätverk för ansvarsfull artificiell intelligens.\n"
     "Vi enades om att fördjupa samarbetet om energisäkerhet.\n",
     "Det nordiska nätverket för ansvarsfull artificiell intelligens inrättades i maj 2024.\n"
     "Vi enades om att fördjupa samarbetet om energisäkerhet.\n",
     Status.MODIFIED, None, "new"),
]


@pytest.mark.parametrize(("old_text", "new_text", "status", "change", "side"), _ECHOES)
def test_a_sentence_read_as_no_pledge_that_restates_an_unmatched_one_is_compared(
        tmp_path: Path, old_text: str, new_text: str, status: Status, change: str | None, side: str) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    report = compare(str(old), str(new))
    echoed = report.new if side == "new" else report.old
    assert [c.line for c in echoed.commitments] == [1, 2]  # in text order, numbered again
    assert [c.id for c in echoed.commitments] == [f"{side[0]}1", f"{side[0]}2"]
    (first,) = [c for c in report.changes if c.old == ("o1",)]
    assert first.new == ("n1",) and first.status is status
    assert first.details is not None and first.details.strength.change == change
    assert not any(c.status in (Status.NEW, Status.DROPPED) for c in report.changes)
    assert any(n.startswith(f"{side} statement: 1 sentence read as no pledge (line 1)") for n in report.notices)
    assert render_json(report) == render_json(compare(str(old), str(new), workers=2))


@pytest.mark.parametrize("new_text", [
    # the same body and a few words, another statement: below ECHO_MIN_SCORE, history stays unread
    "Since 1995, the Joint Commission has met in Astana more than thirty times.\nEach Party shall publish its laws on investment.\n",
    "The Joint Commission is chaired by the two foreign ministers.\nEach Party shall publish its laws on investment.\n",
    # a heading of the pledge's words is too short to be read (ECHO_MIN_WORDS)
    "Joint Commission meetings\n\nEach Party shall publish its laws on investment.\n",
])
def test_a_span_that_does_not_restate_the_pledge_stays_unread(tmp_path: Path, new_text: str) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text("The Joint Commission shall meet at least twice a year.\nEach Party shall publish its laws on investment.\n", encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    report = compare(str(old), str(new))
    assert sorted(c.status.value for c in report.changes) == ["dropped", "persisted"]
    assert len(report.new.commitments) == 1 and not any("read as no pledge" in n for n in report.notices)


def test_history_in_the_old_statement_is_no_echo_of_a_new_pledge(tmp_path: Path) -> None:
    # two events, the new pledge new (found in review: linked as modified, it passed --fail-on new)
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text("Напомним, что в 2023 году Стороны открыли генеральное консульство в городе Алматы.\n"
                   "Стороны договорились развивать торговлю.\n", encoding="utf-8")
    new.write_text("Стороны откроют генеральное консульство в городе Алматы в 2026 году.\n"
                   "Стороны договорились развивать торговлю.\n", encoding="utf-8")
    report = compare(str(old), str(new))
    assert sorted(c.status.value for c in report.changes) == ["new", "persisted"]


def test_history_told_without_a_marker_is_no_echo_of_a_new_pledge(tmp_path: Path) -> None:
    # a past event shares a new pledge's words at 0.5-0.65: the old side echoes from 0.75 only (found in the second review)
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    old.write_text("In 2023 a new consulate of Türkiye was opened in Almaty.\nThe Ministers agreed to expand trade.\n", encoding="utf-8")
    new.write_text("The Ministers agreed to open a new consulate of Türkiye in Shymkent in 2026.\nThe Ministers agreed to expand trade.\n",
                   encoding="utf-8")
    report = compare(str(old), str(new))
    assert sorted(c.status.value for c in report.changes) == ["new", "persisted"]


def test_echoes_leave_the_other_links_and_their_indices_in_step() -> None:
    """Spans read between linked pledges move those pledges' indices: every link, nearest miss
    and ranked candidate follows them."""
    old = _seg("The sides agreed to expand trade in grain.\nThe Joint Commission shall meet at least twice a year in Astana.\n"
               "The sides agreed to open a consulate in Aktau.\n", "o")
    new = _seg("The Joint Commission may meet at least twice a year in Astana.\nThe sides agreed to expand trade in grain.\n"
               "The sides agreed to build a road to Aktau.\n", "n")
    alignment = align(old, new)
    old2, new2, echoed = with_echoes(old, new, alignment)
    assert old2 is old and [c.text[:22] for c in new2.commitments] == [
        "The Joint Commission m", "The sides agreed to ex", "The sides agreed to bu"]
    assert sorted((link.old, link.new) for link in echoed.links) == [((0,), (1,)), ((1,), (0,))]
    def named(candidates: tuple[Candidate, ...], seg) -> list[tuple[str, float]]:  # noqa: ANN001 - a Segmentation
        return [(seg.commitments[c.index].text, c.score) for c in candidates]

    # each nearest miss and ranked candidate still names the same new pledge, with its score (the road to
    # Aktau is the consulate's nearest miss: index 1 before the echo, 2 after)
    assert echoed.nearest_old and echoed.nearest_old[2].index == 2
    assert {i: named((c,), new2) for i, c in echoed.nearest_old.items()} == {
        i: named((c,), new) for i, c in alignment.nearest_old.items() if i != 1}  # old pledge 1 is linked now
    assert {i: named(c, new2) for i, c in echoed.ranked_old.items()} == {i: named(c, new) for i, c in alignment.ranked_old.items()}


def test_the_united_states_shares_no_term_with_member_states() -> None:
    """"UN Member States" and "the United States" are two things: the party is one alias term."""
    from statediff.features import featurizer_for

    featurizer = featurizer_for("en")
    party = featurizer.terms("the United States and the U.S., the US's role")
    assert party == ["=us", "=us", "=us", "role"]  # possessive too (found in review: "US's" gave no term)
    assert not set(featurizer.terms("all UN Member States")) & set(party)
    assert featurizer_for("es").terms("los Estados Unidos Mexicanos") == ["=mexico"]  # Mexico's formal name (found in review)
