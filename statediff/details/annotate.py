"""Details stage: annotate classified changes with strength, numbers, names, topics and match reasons."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import fields, replace
from functools import lru_cache
from typing import Any

from .. import recache
from ..align import STANDOUT, link_floor
from ..classify import DEFAULT_PERSIST_THRESHOLD, word_similarity
from ..frozen import frozen_dataclass
from ..gcpause import gc_paused
from ..languages import across_languages, get_language
from ..model import LINKED_BY_SCORE, STRENGTHENED, WEAKENED, Alignment, Change, Commitment, Segmentation, Status
from .entities import NAME_PREFIX, compare_entities, compare_unique_entities, entities_in, find_entities, gazetteer_mentions, proper_stems
from .numbers import (
    Counterparts,
    cardinal_value,
    compare_numbers,
    digit_runs,
    extract_numbers,
    figure_compounds,
    figure_words,
    figures_changed,
    month_name,
    number_word,
    number_words_changed,
    numbers_in,
    spelled_cardinals,
    time_word_spans,
    time_words_in,
    without_plain_compounds,
)
from .patterns import TOKEN_EDGES, Words, attributions_of, fold, words_of
from .strength import (
    Ladder,
    compare_intensity,
    compare_modals,
    compare_strength,
    direction_reversal,
    direction_words,
    forbidding_modal,
    group_predicates,
    hedge_at_end,
    intensifier_count,
    ladder_for,
    main_predicate,
    modal_counts,
    modal_words,
    negation_count,
    predicate_in,
    reversal_across,
)
from .topics import in_table_order, taxonomy, topics_in
from .types import (
    ChangeDetails,
    Entity,
    EntityChanges,
    LinkBars,
    Nearest,
    Number,
    NumberChanges,
    NumberPair,
    Predicate,
    ReportDetails,
    Strength,
    TopicCount,
    quick_init,
)
from .why import TermIndex

# The figure words of a one-to-one change are named when its wordings are at least this similar.
FIGURE_WORDS_MIN_SIMILARITY = 0.7
# A match scoring less than threshold + this is marked uncertain: a small change of wording
# or of the threshold could undo it, so a reviewer should look at the runner-up too.
UNCERTAIN_MARGIN = 0.05


@quick_init
@frozen_dataclass(init=False)
class PledgeFacts:
    """What the extractors found in one commitment."""

    predicate: Predicate | None
    numbers: tuple[Number, ...]
    entities: tuple[Entity, ...]
    topics: tuple[str, ...]
    negations: int = 0  # strength.negation_count of its text: read here, where the facts are read in parallel
    modals: tuple[int, int] = (0, 0)  # strength.modal_counts of its text: binding and hedging modals
    intensifiers: int = 0  # strength.intensifier_count of its text: words of degree ("strongly", "решительно")
    directions: tuple[str, ...] = ()  # strength.direction_words of its text: "expand", "reduce", in order


@frozen_dataclass
class SideFacts:
    """Facts per commitment of one statement, plus the names and numbers of its whole text."""

    pledges: tuple[PledgeFacts, ...]
    all_numbers: tuple[Number, ...]  # of the whole document, commitments or not
    all_entities: tuple[Entity, ...]


@frozen_dataclass
class Annotation:
    """The stage's result: the changes with details, the topic table and statement-level findings."""

    changes: tuple[Change, ...]
    topics: tuple[TopicCount, ...]
    details: ReportDetails


def annotate(
    old: Segmentation,
    new: Segmentation,
    alignment: Alignment,
    changes: tuple[Change, ...],
    threshold: float,
    facts: tuple[SideFacts, SideFacts] | None = None,
    terms: TermIndex | None = None,
    persist_threshold: float | None = DEFAULT_PERSIST_THRESHOLD,
) -> Annotation:
    """Details for every change (``Change.details``) and the report-level topic table and findings.

    ``facts``: ``side_facts`` of the two statements when already read (the pipeline reads them in
    its segmenting processes while this one aligns); otherwise they are read here. ``terms``: the
    ``TermIndex(old, new)`` when already made (the pipeline makes it while it waits). (Reading
    the new statement in a process forked by this stage was measured slower on a 2-vCPU
    machine: the fork, the pickled facts and two busy cores cost more than the half it saves.)

    ``persist_threshold``: classify's; a one-to-one pledge it found modified only because a figure
    is written another way ("$10 billion" → "$10bn", "ten billion dollars" → "$10 billion") is
    persisted when its wordings, each parsed figure read as its value, reach it (classify's default
    unless given; None turns that off, so that a caller sees classify's statuses for such pairs)."""
    with gc_paused():
        if facts is None:
            proper = proper_names((old.document.text, old.language), (new.document.text, new.language))
            facts = (_side_facts(old, proper), _side_facts(new, proper))
        if across_languages(old.language, new.language):
            # "Republic of Chile" and "République du Chili" are one name: only gazetteer names,
            # which carry one key in every language, are compared across languages.
            facts = (_gazetteer_names_only(facts[0]), _gazetteer_names_only(facts[1]))
        by_side = {"old": facts[0], "new": facts[1]}
        terms = TermIndex(old, new) if terms is None else terms
        index = {"old": {c.id: i for i, c in enumerate(old.commitments)}, "new": {c.id: i for i, c in enumerate(new.commitments)}}
        segs = {"old": old, "new": new}
        rules = {(link.old, link.new): link.rule for link in alignment.links}
        bars = link_bars(threshold, old.language, new.language)
        annotated = []
        for change in changes:
            old_idx = [index["old"][cid] for cid in change.old]
            new_idx = [index["new"][cid] for cid in change.new]
            details = _details(change, old_idx, new_idx, by_side, segs, alignment, terms, bars,
                               rules.get((tuple(old_idx), tuple(new_idx)), LINKED_BY_SCORE))
            # (Identical words, similarity 1.0, hold the same figures and the same predicate; a
            # strength read apart all the same is shown, as --fail-on weakened counts it.)
            if change.status is Status.PERSISTED and (change.word_similarity != 1.0 or _leads_differ(old_idx, new_idx, segs)
                                                      or details.row is not None or details.deeds
                                                      or details.strength.change is not None) and _changed_in_substance(
                    details, old_idx, new_idx, by_side, segs):
                change = replace(change, status=Status.MODIFIED)
            elif (persist_threshold is not None and change.status is Status.MODIFIED and len(old_idx) == len(new_idx) == 1
                  and not details.deeds and _figures_rewritten_only(change, details, old_idx[0], new_idx[0], by_side, segs, persist_threshold)):
                change = replace(change, status=Status.PERSISTED)
            annotated.append(_with_details(change, details))
        result = tuple(annotated)
        return Annotation(result, _topic_table(result), _report_details(result, by_side, index, bars))


def _deeds(old_idx: list[int], new_idx: list[int], segs: dict[str, Segmentation]) -> tuple[str, ...]:
    """The ids of a matched group's reports of what was done when only one side has them: the
    other side's pledge carried out (or, old side, done before and pledged again)."""
    old_deeds = [segs["old"].commitments[i].id for i in old_idx if segs["old"].commitments[i].deed]
    new_deeds = [segs["new"].commitments[j].id for j in new_idx if segs["new"].commitments[j].deed]
    return () if bool(old_deeds) == bool(new_deeds) else tuple(old_deeds or new_deeds)


def _leads_differ(old_idx: list[int], new_idx: list[int], segs: dict[str, Segmentation]) -> bool:
    """Whether the lead-ins of list items worded alike differ ("… will:" → "… will not:"); in a
    merged or split group, whether one side has a lead-in the other lacks."""
    return {_lead_text(segs["old"], i) for i in old_idx} != {_lead_text(segs["new"], j) for j in new_idx}


def _row_text(seg: Segmentation, indices: list[int]) -> str:
    """The table cells beside the pledges (``Commitment.row_text``), joined by " | "."""
    text = seg.document.text
    return " | ".join(row for k in indices if (row := seg.commitments[k].row_text(text)))


_LEAD_FIGURE_RE = recache.compile(r"\d+")
_LEAD_NAME_RE = recache.compile(r"[^\W\d_][\w-]*")


def _lead_facts_differ(old_idx: list[int], new_idx: list[int], segs: dict[str, Segmentation]) -> bool:
    """Whether the lead-ins of list items hold other figures or names ("By 2026, the Parties will:"
    → "By 2030, …", "Kazakhstan will:" → "Azerbaijan will:"): a deadline or a party of every item,
    which a user must see though the items' words and strength are the same (found in review)."""
    def facts(seg: Segmentation, indices: list[int]) -> tuple[set[str], set[str]]:
        language = get_language(seg.language)
        # (the parties' own word is no name: "Taraflar:" above items that were sentences of theirs changes nothing)
        plain = language.stopwords | language.subjects | language.fillers
        leads = " ".join(_lead_text(seg, k) for k in indices)
        return (set(_LEAD_FIGURE_RE.findall(leads)),
                {w for w in _LEAD_NAME_RE.findall(leads) if w[0].isupper() and fold(w) not in plain})

    (old_figures, old_names), (new_figures, new_names) = facts(segs["old"], old_idx), facts(segs["new"], new_idx)
    # (across languages a name is spelled another way: the figures alone)
    return old_figures != new_figures or (not across_languages(segs["old"].language, segs["new"].language) and old_names != new_names)


def _lead_text(seg: Segmentation, k: int) -> str:
    """The lead-in of pledge k in single spaces ("" when it has none)."""
    return seg.commitments[k].lead_text(seg.document.text)


def _gazetteer_names_only(side: SideFacts) -> SideFacts:
    def known(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
        return tuple(e for e in entities if not e.key.startswith(NAME_PREFIX))

    return SideFacts(tuple(replace(p, entities=known(p.entities)) for p in side.pledges), side.all_numbers, known(side.all_entities))


def link_bars(threshold: float, old_language: str, new_language: str) -> LinkBars:
    """The bars of one comparison: across languages the floor is lower (align.link_floor) and
    the uncertain margin shrinks with it."""
    floor = link_floor(threshold, old_language, new_language)
    return LinkBars(threshold, floor, UNCERTAIN_MARGIN * (floor / threshold if threshold > 0 else 1.0), STANDOUT)


def _changed_in_substance(details: ChangeDetails, old_idx: list[int], new_idx: list[int],
                          facts: dict[str, SideFacts], segs: dict[str, Segmentation]) -> bool:
    """Whether a pledge classify found persisted (near-identical words) changed what it says:
    its strength or negation ("will hold" → "will not hold", "will" → "intend to"; a negation
    read from the words where no predicate showed it: ``_negation_from_words``), a pledge reported done
    ("We will join …" → "We joined …", ``ChangeDetails.deeds``), a name or place ("Madrid" → "Lisbon"), or its
    figures: their values where the number parser read any ("10 млрд" → "5 млрд"; not "10
    млрд." → "10 миллиардов" or "fourth" → "4th"), else its digits and number words
    (``numbers.figures_changed``: "COP28" → "COP29", "three" → "five")."""
    strength = details.strength
    if (strength.change is not None or strength.negation_changed or strength.direction is not None or details.row is not None
            or strength.lead_in is not None  # (a matched pair's lead-ins are named only when they changed what the items say)
            or details.deeds):  # a pledge reported done, or a deed pledged again
        return True
    old, new = segs["old"], segs["new"]
    old_text, new_text = " ".join(old.commitments[i].text for i in old_idx), " ".join(new.commitments[j].text for j in new_idx)
    if _another_name(details.entities.added, old_text) or _another_name(details.entities.removed, new_text):
        return True  # another name or place ("à Madrid" → "à Lisbonne")
    old_value, new_value = cardinal_value(old.language), cardinal_value(new.language)
    # (a compound that holds no figure, "third-country", is none of the texts' figures)
    old_text, new_text = without_plain_compounds(old_text, old.language), without_plain_compounds(new_text, new.language)
    numbers = details.numbers
    if (numbers.changed or not _spelled_out(numbers.added, old_text, old_value, old.language)
            or not _spelled_out(numbers.removed, new_text, new_value, new.language)):
        return True
    if across_languages(old.language, new.language):
        # Words cannot be compared across languages ("ежегодно" is a figure word, "жыл сайын" none of
        # Kazakh's): the figures parsed above and the digits decide (found in review: modified, no reason shown).
        return digit_runs(old_text) != digit_runs(new_text)
    if old_text != new_text and time_words_in(old_text, old.language) != time_words_in(new_text, new.language):
        return True  # "this year" → "next year", "mid-2026" → "end-2026", "в начале 2026" → "в конце 2026"
    if old_text != new_text and figure_compounds(old_text, old.language) != figure_compounds(new_text, new.language):
        return True  # "ten-year" → "ten-month", "десятилетнюю" → "пятилетнюю"
    parsed = any(facts["old"].pledges[i].numbers for i in old_idx) or any(facts["new"].pledges[j].numbers for j in new_idx)
    old_number, new_number = number_word(old.language), number_word(new.language)

    def is_number_word(word: str) -> bool:
        return old_number(word) or new_number(word)

    if parsed and not (numbers.added or numbers.removed) and spelled_cardinals(old_text, old_value) == spelled_cardinals(new_text, new_value):
        old_rest = without_plain_compounds(_figures_read(old.commitments, old_idx, facts["old"]), old.language)
        new_rest = without_plain_compounds(_figures_read(new.commitments, new_idx, facts["new"]), new.language)
        if digit_runs(old_rest) == digit_runs(new_rest):
            # The parsed values agree, and so do the cardinals spelled out and the digits the parser
            # did not read ("three rounds … in 2026" → "four rounds … in 2026", or "10 miliardi" →
            # "12 miliardi … entro il 2030" where only the year is read: the texts decide), unless a
            # word of figures or time changed outside them ("more than double … to $500 billion" →
            # "triple", "mid-2026" → "end-2026"; not "fourth" → "4th", which the parser read).
            return number_words_changed(old_rest, new_rest, is_number_word)
    old_month, new_month = month_name(old.language), month_name(new.language)
    return figures_changed(old_text, new_text, is_number_word,
                           lambda word: old_value(word) or new_value(word), lambda word: old_month(word) or new_month(word))


def _figures_read(commitments: tuple[Commitment, ...], indices: list[int], facts: SideFacts) -> str:
    """The pledges' text with each figure the number parser read written as its value."""
    return " ".join(_figures_as_values(commitments[i], facts.pledges[i].numbers, named=False) if facts.pledges[i].numbers
                    else commitments[i].text for i in indices)


def _figures_rewritten_only(change: Change, details: ChangeDetails, i: int, j: int, facts: dict[str, SideFacts],
                            segs: dict[str, Segmentation], persist_threshold: float) -> bool:
    """Whether a modified one-to-one pledge reaches ``persist_threshold`` once each figure the
    number parser read is compared by its value, not its wording, with its figures, strength and
    names all the same."""
    old_numbers, new_numbers = facts["old"].pledges[i].numbers, facts["new"].pledges[j].numbers
    if not old_numbers or not new_numbers or change.word_similarity is None or change.word_similarity >= persist_threshold:
        return False
    numbers, strength, entities = details.numbers, details.strength, details.entities
    if (numbers.changed or numbers.added or numbers.removed or strength.change is not None or strength.negation_changed
            or entities.added or entities.removed):
        return False
    old_text = _figures_as_values(segs["old"].commitments[i], old_numbers)
    new_text = _figures_as_values(segs["new"].commitments[j], new_numbers)
    return word_similarity(old_text, new_text) >= persist_threshold


def _figures_as_values(commitment: Commitment, numbers: tuple[Number, ...], named: bool = True) -> str:
    """The pledge's text with each figure written as one word naming its value (or, not ``named``, as a space)."""
    text, at, pieces = commitment.text, commitment.start, []
    for number in sorted(numbers, key=lambda n: n.start):
        if number.start < at:
            continue  # (figures do not overlap; a guard all the same)
        pieces.append(text[at - commitment.start:number.start - commitment.start])
        pieces.append(" figure" + _NOT_WORD.sub("", "".join(map(str, number.same_value))).lower() + " " if named else " ")
        at = number.end
    pieces.append(text[at - commitment.start:])
    return "".join(pieces)


_NOT_WORD = recache.compile(r"\W")


def _another_name(found: tuple[Entity, ...], other_text: str) -> bool:
    """Whether a name found on one side only is another name, not a shorter or longer form of one
    the other side has ("Mahindra Group" → "Mahindra", "the United States" → "the States"): none
    of its words, folded, is a word of the other text."""
    if not found:
        return False
    other = {word.strip(TOKEN_EDGES) for word in other_text.lower().split()}
    return any(not any(word.strip(TOKEN_EDGES) in other for word in e.text.lower().split()) for e in found)


def _spelled_out(found: tuple[Number, ...], other_text: str, value_of: Callable[[str], int | None], language: str = "") -> bool:
    """Whether each figure the parser found on one side only is a cardinal spelled out on the
    other ("3 times a year" for "three times a year"), or joined to its unit there in one word
    (``figure_compounds``: "10-year" for "ten-year", "10-летнюю" for "десятилетнюю"), which the
    parser does not read; then the texts' figures decide (``figures_changed``)."""
    if not found:
        return True
    if any(n.kind != "count" or not isinstance(n.quantity, int) for n in found):
        return False
    spelled = spelled_cardinals(other_text, value_of)
    if all(spelled[n.quantity] for n in found):
        return True
    joined = {value for value, _ in figure_compounds(other_text, language)} if language else set()
    return all(spelled[n.quantity] or n.quantity in joined for n in found)


def _negation_from_words(strength: Strength, old_idx: list[int], new_idx: list[int], facts: dict[str, SideFacts]) -> Strength:
    """A negation the predicates did not show (no cue read, or one far from its "nicht", or a
    Turkish or Kazakh negating suffix: "genişletmeyecektir", "кеңейтпейді"), read from the words:
    one gained weakens the pledge, as a negated predicate does."""
    before = sum(facts["old"].pledges[i].negations for i in old_idx)
    after = sum(facts["new"].pledges[j].negations for j in new_idx)
    if before == after:
        return strength
    return Strength(strength.old, strength.new, WEAKENED if after > before else None, True)


def _modals_from_words(strength: Strength, old_facts: list[PledgeFacts], new_facts: list[PledgeFacts]) -> Strength:
    """A binding modal traded for a hedging one ("will" → "may", "будут" → "могут"), which no
    predicate may show: weakened (strengthened the other way round)."""
    old = (sum(f.modals[0] for f in old_facts), sum(f.modals[1] for f in old_facts))
    new = (sum(f.modals[0] for f in new_facts), sum(f.modals[1] for f in new_facts))
    change = compare_modals(old, new)
    return strength if change is None else Strength(strength.old, strength.new, change, False)


def _with_figure_words(numbers: NumberChanges, old_facts: list[PledgeFacts], new_facts: list[PledgeFacts], old: list[Commitment],
                       new: list[Commitment], segs: dict[str, Segmentation]) -> NumberChanges:
    """``numbers`` and the words that name a figure on one side only, outside the figures the
    parser read (``number_word``: "doubling" → "tripling", "annual" → "biennial", "первой" →
    "второй"), as numbers of kind "word": they make a pledge modified (``figures_changed``), and
    the details say so. Paired in reading order; a word without a partner was removed or added."""
    found = [_figure_words(pledges, facts, segs[side].language) for side, pledges, facts in (("old", old, old_facts), ("new", new, new_facts))]
    if not found[0] and not found[1]:
        return numbers
    left = [Counter(n.unit for n in side) for side in found]
    only = [_one_side(found[0], left[0] - left[1]), _one_side(found[1], left[1] - left[0])]
    pairs = [NumberPair(a, b) for a, b in zip(only[0], only[1], strict=False)]
    return NumberChanges(numbers.removed + tuple(only[0][len(pairs):]), numbers.added + tuple(only[1][len(pairs):]), numbers.changed + tuple(pairs))


def _one_side(words: list[Number], extra: Counter[str]) -> list[Number]:
    """The words (in reading order) that the other side lacks: the last ones of each kept."""
    wanted, out = Counter(extra), []
    for number in reversed(words):
        if wanted[number.unit] > 0:
            wanted[number.unit] -= 1
            out.append(number)
    return out[::-1]


_FIGURE_WORD_RE = recache.compile(r"[^\W\d_]+")


def _figure_words(pledges: list[Commitment], facts: list[PledgeFacts], language: str) -> list[Number]:
    """The words of the pledges that name a figure, outside the figures the parser read, and
    their words of time beside a time ("this year", ``time_word_spans``); not a cardinal, which
    counts as its digits ("ten-year" is "10-year": ``_spelled_out``)."""
    named_figure = figure_words(language)
    out = []
    for pledge, fact in zip(pledges, facts, strict=True):
        read = [(n.start, n.end) for n in fact.numbers]
        text = without_plain_compounds(pledge.text, language)  # ("third-country" holds no "third")
        if named_figure.any_in(_FIGURE_WORD_RE.findall(text)):  # then where they stand
            for match in _FIGURE_WORD_RE.finditer(text):
                word = named_figure(match.group())
                if word is not None:
                    start = pledge.start + match.start()
                    if not any(a <= start < b for a, b in read):
                        out.append(Number(match.group(), start, pledge.start + match.end(), "word", unit=word, id=pledge.id))
        # Words of time beside a time ("this year" → "next year", "yıl sonundan" → "yıl ortasından"),
        # named by the words as counted ("текущем году" is "этом году"): they make a pledge modified too.
        for key, a, b in time_word_spans(pledge.text, language):
            start = pledge.start + a
            if not any(x <= start < y for x, y in read):
                out.append(Number(pledge.text[a:b], start, pledge.start + b, "word", unit=key, id=pledge.id))
    out.sort(key=lambda n: (n.start, n.end))
    return out


def _intensity_from_words(strength: Strength, old: PledgeFacts, new: PledgeFacts) -> Strength:
    """A word of degree lost or gained with the predicate unchanged ("strongly condemned" →
    "condemned", "поддержали" → "решительно поддержали"): weakened or strengthened. Both
    pledges must have a predicate on the same level: a loose match of two different
    statements ("We underscored unequivocally …" → "We stand for …") says nothing by it."""
    if strength.old is None or strength.new is None or strength.old.level != strength.new.level:
        return strength
    change = compare_intensity(old.intensifiers, new.intensifiers)
    return strength if change is None else Strength(strength.old, strength.new, change, False)


def _with_details(change: Change, details: ChangeDetails) -> Change:
    """``dataclasses.replace(change, details=details)``: the same object, made without the
    generated __init__'s per-field object.__setattr__ (one per change, thousands of changes)."""
    if _PLAIN_CHANGE:
        made = object.__new__(Change)
        made.__dict__.update(change.__dict__)
        made.__dict__["details"] = details
        return made
    return replace(change, details=details)


# A dataclass whose instance is its __dict__: no __post_init__, no slots, every field set by __init__.
_PLAIN_CHANGE = (not hasattr(Change, "__post_init__") and hasattr(Change, "__dict__") and "__slots__" not in vars(Change)
                 and all(f.init for f in fields(Change)))


def _pledge_facts(seg: Segmentation, c: Commitment, proper: frozenset[str]) -> PledgeFacts:
    """main_predicate, extract_numbers, find_entities and topics_of of one commitment, sharing
    its words, attribution spans and gazetteer mentions."""
    text, language, start, end = seg.document.text, seg.language, c.start, c.end
    words = words_of(text, start, end)
    attributions = attributions_of(text, language, start, end)
    mentions = gazetteer_mentions(text, language, start, end)
    ladder = ladder_for(language)
    numbers = numbers_in(text, language, start, end, c.id, words)
    if c.row_cells:  # a table row's deadline or amount beside the pledge is its figure ("2025" → "2027")
        numbers += tuple(n for a, b in c.row_cells for n in extract_numbers(text, language, a, b, c.id))
    money = [(n.start, n.end) for n in numbers if n.kind == "money"]
    # A list item carries its lead-in's negation and modals ("The parties will:" → "will not:").
    lead_negations, lead_modals = _lead_counts(text[c.lead[0]:c.lead[1]], language) if c.lead else (0, (0, 0))
    own_modals = modal_counts(c.text, language)
    predicate = predicate_in(text, ladder, words, attributions) if ladder is not None else None
    if predicate is None and c.lead and ladder is not None:
        # A list item with no predicate of its own carries its lead-in's ("The United States and Mexico
        # will:" / "• open a joint office …" is "will", binding): read as none, "open" → "welcome" was
        # strengthened (found in review).
        predicate = _lead_predicate(text, language, c.lead)
    elif predicate is not None and not c.lead and c.start > c.sentence_start:
        # "We will deliver X, and support Y": the second clause's verb is under the first's "will"
        # (read as "support", merging two "will" pledges weakened one; found in review).
        governing = _governing_modal(text, language, c, words, predicate)
        if governing is not None:
            predicate = governing
            binding = governing.verb.lower() in modal_words(language).binding
            own_modals = (own_modals[0] + binding, own_modals[1] + (not binding))
    if forbidding_modal(predicate, language):
        own_modals = (own_modals[0] + 1, max(0, own_modals[1] - 1))  # "No Party may …" binds as "shall not" does: no hedge
    return PledgeFacts(
        predicate=predicate,
        numbers=numbers,
        entities=entities_in(text, language, words, proper, c.id, money, attributions, mentions),
        topics=topics_in(text, language, start, end, words, mentions, attributions, (c.sentence_start, c.sentence_end)),
        negations=negation_count(c.text, language) + lead_negations,
        modals=(own_modals[0] + lead_modals[0], own_modals[1] + lead_modals[1]),
        intensifiers=intensifier_count(c.text, language),
        directions=direction_words(words, language),
    )


def _governing_modal(text: str, language: str, c: Commitment, words: Words, predicate: Predicate) -> Predicate | None:
    """The modal of the sentence before a clause whose own predicate is the verb that opens it,
    perhaps after a coordinator ("…, and support smallholder farmers …" after "We will deliver
    …"): the clause's verb is under it. None when the sentence's predicate before it is no modal
    (``binding_modals``, ``hedge_modals``: "We reaffirmed X and support Y" keeps "support")."""
    if not words.texts:
        return None
    opening = 1 if len(words.texts) > 1 and words.folded[0] in get_language(language).coordinator_starts else 0
    if predicate.start != words.starts[opening]:
        return None
    before = main_predicate(text, language, *_before_clause(text, c, ladder_for(language)))
    if before is None:
        return None
    modals = modal_words(language)
    verb = before.verb.lower()
    return before if verb in modals.binding or verb in modals.hedge else None


GOVERNING_WINDOW = 2_000  # characters of the sentence before a clause read for its predicate


def _before_clause(text: str, c: Commitment, ladder: Ladder | None) -> tuple[int, int]:
    """The part of the clause's sentence before it, at most GOVERNING_WINDOW characters cut at a
    space: its opening, where the predicate stands, or in a verb-final language (``Ladder.last``)
    its end. Reading all of it for every clause made a page on one line with no full stop
    quadratic (80,000 words took 73 s; found in review)."""
    start, end = c.sentence_start, c.start
    if end - start <= GOVERNING_WINDOW:
        return start, end
    if ladder is not None and ladder.last:
        cut = text.find(" ", end - GOVERNING_WINDOW, end)
        return (cut + 1, end) if cut >= 0 else (start, end)
    cut = text.rfind(" ", start, start + GOVERNING_WINDOW)
    return (start, cut) if cut > start else (start, end)


def _lead_predicate(text: str, language: str, lead: tuple[int, int]) -> Predicate | None:
    """main_predicate of a lead-in, with offsets into ``text``."""
    predicate = _lead_predicate_at_zero(text[lead[0]:lead[1]], language)
    return None if predicate is None else replace(predicate, start=predicate.start + lead[0], end=predicate.end + lead[0])


@lru_cache(maxsize=256)
def _lead_predicate_at_zero(lead: str, language: str) -> Predicate | None:
    """main_predicate of a lead-in's text, read once for all its items; a lead-in that ends with a
    hedging modal and no cue ("The United States and Mexico may:") is that modal, an intent."""
    return main_predicate(lead, language) or hedge_at_end(lead, language)


@lru_cache(maxsize=256)
def _lead_counts(lead: str, language: str) -> tuple[int, tuple[int, int]]:
    """negation_count and modal_counts of a lead-in, read once for all its items (4,000 items under
    one lead-in read it 4,000 times: found in review)."""
    return negation_count(lead, language), modal_counts(lead, language)


def unread_details(language: str) -> tuple[str, ...]:
    """What the details stage cannot read in ``language`` for want of a data file: "pledge
    strength" (``data/strength``), "topic keywords" (``data/topics``; names of the gazetteer
    still give topics)."""
    from .patterns import load_data

    return tuple(name for name, folder in (("pledge strength", "strength"), ("topic keywords", "topics"))
                 if load_data(folder, language) is None)


def proper_names(*statements: tuple[str, str]) -> frozenset[str]:
    """``proper_stems`` of every (text, language) statement together: the names a sentence-initial
    capital is trusted for, on either side."""
    return frozenset().union(*(proper_stems(text, language) for text, language in statements))


def side_facts(seg: Segmentation, proper: frozenset[str]) -> SideFacts:
    """What the extractors find in each pledge of one statement and in its whole text (``proper``:
    ``proper_names`` of both statements)."""
    with gc_paused():
        return _side_facts(seg, proper)


def _side_facts(seg: Segmentation, proper: frozenset[str]) -> SideFacts:
    text, language = seg.document.text, seg.language
    pledges = [_pledge_facts(seg, c, proper) for c in seg.commitments]
    # The whole text, for "does the other statement name this anywhere": the pledges' findings
    # plus those of the text between them (headings, datelines, background paragraphs).
    all_numbers = [n for p in pledges for n in p.numbers]
    all_entities = [e for p in pledges for e in p.entities]
    for start, end in _gaps(seg):
        numbers = extract_numbers(text, language, start, end)
        money = [(n.start, n.end) for n in numbers if n.kind == "money"]
        all_numbers.extend(numbers)
        all_entities.extend(find_entities(text, language, start, end, proper, exclude=money))
    return SideFacts(tuple(pledges), tuple(all_numbers), tuple(all_entities))


def with_ids_renamed(found: tuple[Any, ...], renamed: dict[str, str]) -> tuple[Any, ...]:
    """Findings (numbers, entities) with each pledge id of ``renamed`` replaced; ``found`` itself
    when none moves (most keep their id: only those after the first pledge added or set aside move)."""
    if not any(item.id in renamed for item in found):
        return found
    return tuple(replace(item, id=renamed[item.id]) if item.id in renamed else item for item in found)


def facts_with_pledges(facts: SideFacts, seg: Segmentation, read: Segmentation, proper: frozenset[str]) -> SideFacts:
    """``facts`` of ``seg`` for ``read``, the same statement with more spans read as pledges
    (``align.with_echoes``): each pledge of ``seg`` keeps its facts under its id in ``read``, and
    only the new ones are read. The whole text's names and figures are ``seg``'s (the new
    pledges' were read in the text between pledges): whatever the workers, the same facts."""
    before = {(c.start, c.end): k for k, c in enumerate(seg.commitments)}
    renamed = {seg.commitments[k].id: c.id for c in read.commitments for k in [before.get((c.start, c.end))]
               if k is not None and seg.commitments[k].id != c.id}
    pledges = []
    for c in read.commitments:
        k = before.get((c.start, c.end))
        if k is None:
            pledges.append(_pledge_facts(read, c, proper))
        else:
            pledge = facts.pledges[k]
            pledges.append(replace(pledge, numbers=with_ids_renamed(pledge.numbers, renamed), entities=with_ids_renamed(pledge.entities, renamed)))
    return SideFacts(tuple(pledges), with_ids_renamed(facts.all_numbers, renamed), with_ids_renamed(facts.all_entities, renamed))


# Skipped spans that are the page's, not the statement's: a name or figure there (a reader's
# comment, a menu, a related-news title) says nothing about what the statement names.
_PAGE_REASONS = frozenset({"boilerplate"})


def _gaps(seg: Segmentation) -> list[tuple[int, int]]:
    """Spans of the document outside every commitment and every piece of page furniture."""
    gaps, cursor = [], 0
    taken = [(c.start, c.end) for c in seg.commitments] + [(k.start, k.end) for k in seg.skipped if k.reason in _PAGE_REASONS]
    for start, end in sorted(taken):
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < len(seg.document.text):
        gaps.append((cursor, len(seg.document.text)))
    return [(a, b) for a, b in gaps if seg.document.text[a:b].strip()]


_NO_NUMBERS = NumberChanges()
_NO_ENTITIES = EntityChanges()


def _kept_through_merge(strength: Strength, old_idx: list[int], new_idx: list[int], segs: dict[str, Segmentation]) -> Strength:
    """Two pledges merged into one sentence (or one split in two) keep their strength when the
    stronger side's predicate is still written on the other: "… высоко оценили … . … подтвердили
    решимость …" → "… высоко оценили …, а также … подтвердили решимость …" reads its main
    predicate, "высоко оценили", but still says "подтвердили решимость"."""
    stronger = strength.old if strength.change == WEAKENED else strength.new
    other = segs["new"] if strength.change == WEAKENED else segs["old"]
    indices = new_idx if strength.change == WEAKENED else old_idx
    if stronger is None:
        return strength
    written = re.compile(rf"(?<!\w){re.escape(stronger.verb)}(?!\w)", re.IGNORECASE)  # a word, not "will" in "willing"
    if not any(written.search(other.commitments[k].text) for k in indices):
        return strength
    return replace(strength, change=None)


def _details(
    change: Change,
    old_idx: list[int],
    new_idx: list[int],
    facts: dict[str, SideFacts],
    segs: dict[str, Segmentation],
    alignment: Alignment,
    terms: TermIndex,
    bars: LinkBars,
    link_rule: str,
) -> ChangeDetails:
    old_facts = [facts["old"].pledges[i] for i in old_idx]
    new_facts = [facts["new"].pledges[j] for j in new_idx]
    # Most changes are one pledge to one (or to none): its own findings need no merging.
    old_numbers = old_facts[0].numbers if len(old_facts) == 1 else [n for f in old_facts for n in f.numbers]
    new_numbers = new_facts[0].numbers if len(new_facts) == 1 else [n for f in new_facts for n in f.numbers]
    old_entities = old_facts[0].entities if len(old_facts) == 1 else [e for f in old_facts for e in f.entities]
    new_entities = new_facts[0].entities if len(new_facts) == 1 else [e for f in new_facts for e in f.entities]
    members = old_facts + new_facts
    strength = compare_strength(*group_predicates([f.predicate for f in old_facts], [f.predicate for f in new_facts]))
    if len(old_idx) != len(new_idx) and old_idx and new_idx and strength.change is not None and not strength.negation_changed:
        strength = _kept_through_merge(strength, old_idx, new_idx, segs)
    if old_idx and new_idx and strength.change is None and not strength.negation_changed:
        strength = _negation_from_words(strength, old_idx, new_idx, facts)
        if strength.change is None and not strength.negation_changed:
            strength = _modals_from_words(strength, old_facts, new_facts)
        if strength.change is None and not strength.negation_changed and len(old_idx) == len(new_idx) == 1:
            # (one pledge to one: in a merged group the words of degree of several pledges add up)
            strength = _intensity_from_words(strength, old_facts[0], new_facts[0])
        if (strength.change is None and not strength.negation_changed and len(old_idx) == len(new_idx) == 1
                and (strength.old is None) != (strength.new is None) and (change.word_similarity or 0.0) >= FIGURE_WORDS_MIN_SIMILARITY):
            # One pledge to one, reworded little, whose predicate words only one side has: the side
            # without one lost them ("The sides committed to double …" → "The sides are weighing
            # ways to double …"). Compared as no change, such a weakening passed --fail-on weakened
            # (found by a new user's review); heavily reworded pairs are left alone, where a predicate
            # unread says little.
            strength = replace(strength, change=WEAKENED if strength.new is None else STRENGTHENED)
    numbers = compare_numbers(old_numbers, new_numbers) if old_numbers or new_numbers else _NO_NUMBERS
    if old_idx and new_idx and (numbers.added or numbers.removed):
        numbers = _without_spelled_twins(numbers, old_idx, new_idx, segs)
    if (len(old_idx) == len(new_idx) == 1 and (change.word_similarity or 0.0) >= FIGURE_WORDS_MIN_SIMILARITY
            and not across_languages(segs["old"].language, segs["new"].language)):
        # (one pledge to one, reworded little, in one language: elsewhere such words come and go with the rewording)
        numbers = _with_figure_words(numbers, old_facts, new_facts, [segs["old"].commitments[i] for i in old_idx],
                                     [segs["new"].commitments[j] for j in new_idx], segs)
    if not old_entities and not new_entities:
        entities = _NO_ENTITIES
    elif len(old_facts) <= 1 and len(new_facts) <= 1:  # one pledge's names have unique keys already
        entities = compare_unique_entities(old_entities, new_entities)
    else:
        entities = compare_entities(old_entities, new_entities)
    # Each pledge's topics are in table order already.
    topics = members[0].topics if len(members) == 1 else in_table_order(frozenset(t for f in members for t in f.topics))
    if (len(old_idx) == len(new_idx) == 1 and (change.word_similarity or 0.0) >= FIGURE_WORDS_MIN_SIMILARITY
            and segs["old"].language == segs["new"].language
            # (a replacement needs direction words on both sides, not the same ones in the same order: most pairs have neither)
            and old_facts[0].directions and new_facts[0].directions and old_facts[0].directions != new_facts[0].directions):
        # (one pledge to one, reworded little: in a rewording "Towards this end" → "enhance" says nothing)
        reversal = direction_reversal(segs["old"].commitments[old_idx[0]].text, segs["new"].commitments[new_idx[0]].text, segs["old"].language)
        if reversal is not None:
            strength = replace(strength, direction=reversal)
    if bool(old_idx) != bool(new_idx):
        # A dropped or new list item names its lead-in: "station nuclear weapons …" alone reads as
        # the opposite of its "The Parties will not:" (found by a new user's review).
        side, idx = ("old", old_idx) if old_idx else ("new", new_idx)
        lead = _lead_text(segs[side], idx[0])
        if lead:
            strength = replace(strength, lead_in=(lead, "") if side == "old" else ("", lead))
    if (old_idx and new_idx and _leads_differ(old_idx, new_idx, segs)
            and (strength.change or strength.negation_changed or _lead_facts_differ(old_idx, new_idx, segs))):
        # (in a group, the first lead-in of each side that has one)
        leads = tuple(next((lead for k in idx if (lead := _lead_text(segs[side], k))), "")
                      for side, idx in (("old", old_idx), ("new", new_idx)))
        strength = replace(strength, lead_in=(leads[0], leads[1]))
    if across_languages(segs["old"].language, segs["new"].language):
        # Strength levels come from each language's own word lists: a translation's "reiteramos
        # nuestra voluntad" for "reiterate" is no change of strength. Both predicates stay shown.
        # A negation is read in each language alike, though: "We commit to guarantee" → "No nos
        # comprometemos a garantizar" is reversed (found by a new user's review: it was persisted).
        reversal = reversal_across(strength.old, strength.new)
        # (lead-ins named only for a reversal or a figure of theirs changed: their words differ anyway)
        lead_in = strength.lead_in if reversal.negation_changed or _lead_facts_differ(old_idx, new_idx, segs) else None
        strength = replace(strength, change=reversal.change, negation_changed=reversal.negation_changed, lead_in=lead_in)
    # A pledge reported done (or a deed pledged again) is no change of strength: a deed has no pledge
    # verb, though its verb may be a cue word ("launched" is no binding predicate there, and "intends
    # to join" → "joined" no weakening). With a negation gained or lost it is no pledge carried out
    # ("will not extend" → "extended"): the reversal shows instead (found in review).
    # Identical words report nothing carried out, though one statement's kind made its copy a deed
    # (a review's "We launched …" against a summit's: found in review).
    deeds = (_deeds(old_idx, new_idx, segs) if old_idx and new_idx and not strength.negation_changed and change.word_similarity != 1.0
             else ())
    if deeds and strength.change is not None and len(deeds) == len(old_idx if deeds[0] in change.old else new_idx):
        # (only when that side is deeds alone: "Mexico joined X. Mexico hopes to join Y." still weakens "will join X and Y")
        strength = replace(strength, change=None)
    if old_idx and new_idx:
        uncertain = change.score is not None and change.score < bars.floor + bars.uncertain_margin
        runner_up = _runner_up(old_idx, new_idx, alignment, segs)
        old_row, new_row = _row_text(segs["old"], old_idx), _row_text(segs["new"], new_idx)
        return ChangeDetails(strength, numbers, entities, topics, terms.shared_by_index(old_idx, new_idx), uncertain, link_rule, runner_up,
                             row=None if old_row == new_row else (old_row, new_row), deeds=deeds)
    if old_idx:
        candidate = alignment.nearest_old.get(old_idx[0])
        if candidate is None:
            return ChangeDetails(strength, numbers, entities, topics)
        partner = segs["new"].commitments[candidate.index]
        shared = terms.shared_by_index(old_idx, [candidate.index])
        return ChangeDetails(strength, numbers, entities, topics,
                             nearest=Nearest(partner.id, round(candidate.score, 4), partner.line, shared, candidate.topics_apart))
    candidate = alignment.nearest_new.get(new_idx[0])
    if candidate is None:
        return ChangeDetails(strength, numbers, entities, topics)
    partner = segs["old"].commitments[candidate.index]
    shared = terms.shared_by_index([candidate.index], new_idx)
    return ChangeDetails(strength, numbers, entities, topics,
                         nearest=Nearest(partner.id, round(candidate.score, 4), partner.line, shared, candidate.topics_apart))


def _without_spelled_twins(numbers: NumberChanges, old_idx: list[int], new_idx: list[int], segs: dict[str, Segmentation]) -> NumberChanges:
    """``numbers`` without the counts found on one side only that the other side spells out
    ("three times a year" → "3 times a year": the same figure, which the parser reads only as digits)."""
    old, new = segs["old"], segs["new"]
    old_value, new_value = cardinal_value(old.language), cardinal_value(new.language)

    def value_of(word: str) -> int | None:
        return old_value(word) or new_value(word)

    def kept(found: tuple[Number, ...], other: Segmentation, idx: list[int], own: Segmentation, own_idx: list[int]) -> tuple[Number, ...]:
        other_text = " ".join(other.commitments[k].text for k in idx)
        spelled = spelled_cardinals(other_text, value_of)
        # … or joined to its unit in one word there and not here ("десятилетнюю" for "10-летнюю"; a
        # "10-year programme" on both sides is no twin of an added "10 consultations": found in review)
        own_text = " ".join(own.commitments[k].text for k in own_idx)
        for number in found:  # the figures looked for are no compound of their own side's
            own_text = own_text.replace(number.text, " ")
        joined = figure_compounds(other_text, other.language) - figure_compounds(own_text, own.language)
        spelled.update(value for value, _ in joined.elements())
        out = []
        for number in found:
            if number.kind == "count" and isinstance(number.quantity, int) and spelled[number.quantity] > 0:
                spelled[number.quantity] -= 1
            else:
                out.append(number)
        return tuple(out)

    return replace(numbers, removed=kept(numbers.removed, new, new_idx, old, old_idx), added=kept(numbers.added, old, old_idx, new, new_idx))


def _runner_up(old_idx: list[int], new_idx: list[int], alignment: Alignment, segs: dict[str, Segmentation]) -> Nearest | None:
    """The best-scoring candidate of any member that is not in the group itself."""
    ranked_old: dict[int, Any] = getattr(alignment, "ranked_old", {}) or {}
    ranked_new: dict[int, Any] = getattr(alignment, "ranked_new", {}) or {}
    best: tuple[float, Commitment] | None = None
    for i in old_idx:
        for candidate in ranked_old.get(i, ()):
            if candidate.index not in new_idx and (best is None or candidate.score > best[0]):
                best = (candidate.score, segs["new"].commitments[candidate.index])
    for j in new_idx:
        for candidate in ranked_new.get(j, ()):
            if candidate.index not in old_idx and (best is None or candidate.score > best[0]):
                best = (candidate.score, segs["old"].commitments[candidate.index])
    if best is None:
        return None
    return Nearest(best[1].id, round(best[0], 4), best[1].line)


def _topic_table(changes: tuple[Change, ...]) -> tuple[TopicCount, ...]:
    """Changes per status for every topic of the taxonomy, in its order."""
    counts = {key: dict.fromkeys(Status, 0) for key in taxonomy().keys}
    for change in changes:
        details: ChangeDetails | None = getattr(change, "details", None)
        for topic in details.topics if details else ():
            counts[topic][change.status] += 1
    return tuple(
        TopicCount(key, c[Status.PERSISTED], c[Status.MODIFIED], c[Status.NEW], c[Status.DROPPED]) for key, c in counts.items()
    )


# Statement-level names, most telling first: places, processes and programmes change with the
# agenda; organisations and countries less so; capitalised names are often people and cities.
KIND_ORDER = ("place", "process", "programme", "event", "organisation", "country", "name")


def _by_kind(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    rank = {kind: n for n, kind in enumerate(KIND_ORDER)}
    return tuple(sorted(entities, key=lambda e: rank.get(e.kind, len(KIND_ORDER))))  # stable: reading order within a kind


def _report_details(changes: tuple[Change, ...], facts: dict[str, SideFacts], index: dict[str, dict[str, int]],
                    bars: LinkBars) -> ReportDetails:
    """Names and figures of the pledges that the other statement does not have anywhere in its text."""
    old_pledges = [facts["old"].pledges[i] for i in index["old"].values()]
    new_pledges = [facts["new"].pledges[j] for j in index["new"].values()]
    vanished = _by_kind(compare_entities([e for f in old_pledges for e in f.entities], facts["new"].all_entities).removed)
    appeared = _by_kind(compare_entities(facts["old"].all_entities, [e for f in new_pledges for e in f.entities]).added)
    gone: list[Number] = []
    came: list[Number] = []
    in_new, in_old = Counterparts(facts["new"].all_numbers), Counterparts(facts["old"].all_numbers)
    for change in changes:
        numbers: NumberChanges = change.details.numbers  # type: ignore[attr-defined]
        if change.status in (Status.DROPPED, Status.MODIFIED):
            gone.extend(in_new.missing(numbers.removed))
        if change.status in (Status.NEW, Status.MODIFIED):
            came.extend(in_old.missing(numbers.added))
    return ReportDetails(
        entities=EntityChanges(vanished, appeared),
        numbers=NumberChanges(tuple(sorted(gone, key=lambda n: n.start)), tuple(sorted(came, key=lambda n: n.start))),
        bars=bars,
    )
