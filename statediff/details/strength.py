"""Commitment strength: the main predicate of a pledge placed on the ladder of data/strength/."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from .. import recache
from ..languages import get_language, parties_verb
from ..model import STRENGTHENED, WEAKENED
from .patterns import COMMA, QUOTE, SENTENCE_END_MARKS, TOKEN_EDGES, PatternSet, Words, attributions_of, fold, load_data, words_of
from .types import Predicate, Strength

PREAMBLE_MIN_WORDS = 2  # "Подчеркивая, что X…, министры отметили": the comma right after the participle does not end it


class Ladder(NamedTuple):  # internal record: a NamedTuple costs a third of a frozen dataclass to define
    """One language's cues: level per cue (None for look-alikes to skip), preambles, negations."""

    cues: PatternSet[int | None]
    preamble: PatternSet[bool]
    negation: PatternSet[bool]  # True for a negation, False for an exception ("not only")
    negation_window: tuple[int, int]  # words before and after the cue where a negation counts
    labels: dict[int, str]
    last: bool = False  # a verb-final language: the main predicate is the last cue, not the first
    against: PatternSet[bool] | None = None  # words of a position against something, at the cue or in its object ("oppose", "opposition")
    language: str = ""  # its code: the language data read the parties' own verbs (``_party_verb``)
    hedges: frozenset[str] = frozenset()  # whole-word hedging modals ("may", "могут"): one right before the cue hedges it


@cache
def level_labels() -> dict[int, str]:
    """Level number -> label, from data/strength/ladder.toml."""
    raw = load_data("strength", "ladder")
    assert raw is not None, "statediff/data/strength/ladder.toml is missing"
    return {entry["level"]: entry["label"] for entry in raw["level"]}


@cache
def ladder_for(language: str) -> Ladder | None:
    """The ladder of a language, or None when it has no strength data file."""
    raw = load_data("strength", language)
    if raw is None:
        return None
    levels = {label: level for level, label in level_labels().items()}
    entries: list[tuple[str, int | None]] = [(cue, None) for cue in raw.get("ignore", [])]
    for label, cues in raw["cues"].items():
        entries.extend((cue, levels[label]) for cue in cues)
    # A negated complement does not negate the predicate ("agreed not to impose" is an agreement).
    negation = [(n, True) for n in raw.get("negation", [])] + [
        (n, False) for n in raw.get("negation_exceptions", []) + raw.get("complement_negations", [])]
    return Ladder(
        cues=PatternSet(entries),
        preamble=PatternSet((p, True) for p in raw.get("preamble", [])),
        negation=PatternSet(negation),
        negation_window=(raw.get("negation_before", 2), raw.get("negation_after", 0)),
        labels=level_labels(),
        last=raw.get("predicate", "first") == "last",
        against=PatternSet((a, True) for a in raw.get("against", [])),
        language=language,
        hedges=frozenset(fold(m) for m in raw.get("hedge_modals", []) if "*" not in m and len(m) > 2),
    )


def main_predicate(text: str, language: str, start: int = 0, end: int | None = None) -> Predicate | None:
    """The predicate of ``text[start:end]`` that sets its level, with absolute offsets.

    The main predicate is the first cue that does not open a preamble ("Recognizing X, the
    leaders agreed…" → "agreed"), or the last one in a verb-final language (``predicate =
    "last"`` in its strength file: Kazakh "…қолдауға келісті" is "келісті", agreed, not
    "қолдау", support); a pledge made only of a preamble falls back to its first cue.
    None when the language has no ladder or no cue occurs."""
    ladder = ladder_for(language)
    if ladder is None:
        return None
    return predicate_in(text, ladder, words_of(text, start, end), attributions_of(text, language, start, len(text) if end is None else end))


def predicate_in(text: str, ladder: Ladder, words: Words, attributions: Sequence[tuple[int, int]]) -> Predicate | None:
    """main_predicate of the words of a slice, given the slice's attribution spans."""
    # An attribution tag's verb ("Подчеркивается, что") is the reporter's, not the parties'.
    preambles = _preamble_regions(text, words, ladder)
    relatives = get_language(ladder.language).relatives if ladder.language else frozenset()
    first_preamble = last = None
    for hit in ladder.cues.iter_all(words):  # the first (or last) cue that is no preamble's is the predicate
        if hit.payload is None or (attributions and any(a <= words.starts[hit.start] < b for a, b in attributions)):
            continue
        if hit.start and words.folded[hit.start - 1] in relatives and not words.breaks[hit.start]:
            continue  # a relative clause's verb is its noun's ("… flygning 752 som krävde 176 personers liv"; found in review)
        if preambles and any(a <= hit.start < b for a, b in preambles):
            if first_preamble is None or ladder.last:  # in a verb-final language, the preamble's last cue
                first_preamble = hit
            continue
        if not ladder.last:
            return _predicate(text, words, ladder, hit.start, hit.end, hit.payload)
        last = hit
    if last is not None:
        return _predicate(text, words, ladder, last.start, last.end, last.payload)
    if first_preamble is not None:
        return _predicate(text, words, ladder, first_preamble.start, first_preamble.end, first_preamble.payload)
    verb = _party_verb(words, ladder.language)
    if verb is not None:
        if words.folded[verb] in ladder.hedges:  # "Стороны могут подписать", "Стороны могут: а) …": the hedge, an intent
            if _no_party(words, ladder.language):  # "No Party may invoke …" forbids, as "A Party shall not invoke …" does
                return dataclasses.replace(_predicate(text, words, ladder, verb, verb + 1, _binding_level()), negated=True)
            return _predicate(text, words, ladder, verb, verb + 1, _intent_level())
        return _predicate(text, words, ladder, verb, verb + 1, _binding_level())
    return None


def forbidding_modal(predicate: Predicate | None, language: str) -> bool:
    """A hedging modal read as a prohibition ("No Party may …"): binding and negated, so that
    ``modal_counts``' hedge in it is no weakening beside "A Party shall not …"."""
    return (predicate is not None and predicate.negated and predicate.label == "binding"
            and predicate.verb.lower() in modal_words(language).hedge)


def _no_party(words: Words, language: str) -> bool:
    """The pledge opens with a subject phrase that names no party ("No Party", "Neither Party"):
    its first word is one of the strength file's negations or object negations."""
    negations, _, _, _, _ = negation_words(language)
    objects, _ = _object_negation_words(language)
    return bool(len(words)) and (words.folded[0] in negations or words.folded[0] in objects)


def hedge_at_end(text: str, language: str) -> Predicate | None:
    """The hedging modal that ends ``text`` ("The United States and Mexico may"), as an intent
    predicate; None when it ends otherwise or the language has no ladder."""
    ladder = ladder_for(language)
    if ladder is None:
        return None
    words = words_of(text, 0, len(text))
    if not len(words) or words.folded[-1] not in ladder.hedges:
        return None
    return _predicate(text, words, ladder, len(words) - 1, len(words), _intent_level())


def _intent_level() -> int:
    """The level of "intent": what a hedged pledge reads as at most."""
    return _level_of("intent")


def _binding_level() -> int:
    """The level of "binding": what "will" reads as."""
    return _level_of("binding")


@cache
def _level_of(label: str) -> int:
    """The level data/strength/ladder.toml gives ``label``."""
    levels = {name: level for level, name in level_labels().items()}
    if label not in levels:
        raise KeyError(f"statediff/data/strength/ladder.toml has no level labelled {label!r}")
    return levels[label]


def _party_verb(words: Words, language: str) -> int | None:
    """The index of the parties' own verb when the pledge opens with them and a verb in the
    present or future and holds no cue word ("Стороны проведут пятое заседание …", "Казахстанская
    сторона обеспечит …": ``languages.parties_verb``, as the segmenter reads it): a pledge stated as what they will
    do, "will" in English, binding. A side with no predicate read compared as no change of
    strength, so "Стороны проведут" → "Стороны рассмотрят возможность проведения" was not weakened
    (found by a new user's review)."""
    if not language or len(words) < 3:
        return None
    lang = get_language(language)
    if not (lang.subject_verb_endings or lang.permission_modals) or lang.verb_final:  # ("A Party may restrict …")
        return None
    verb = parties_verb(lang, words.folded, 0, len(words))
    # (a hedging modal after the parties is read as a hedge, not as this verb)
    return None if verb is None or words.folded[verb] in lang.subject_modals else verb


def _preamble_regions(text: str, words: Words, ladder: Ladder) -> list[tuple[int, int]]:
    """Word ranges of preamble clauses: from a participle opening a sentence (or the pledge) to
    the first comma at least PREAMBLE_MIN_WORDS words on ("Recognizing the importance of X as
    well as commitment to Y, the leaders will…": "commitment" is not the predicate)."""
    regions = []
    stops: list[int] | None = None
    for i in ladder.preamble.starts(words):  # no preamble can open at any other word
        opening = i == 0 or words.breaks[i] or words.gaps[i] & QUOTE
        hit = ladder.preamble.match_at(words, i) if opening else None
        if hit is None:
            continue
        if stops is None:
            stops = _next_stops(words)
        regions.append((i, stops[min(hit.end + PREAMBLE_MIN_WORDS - 1, len(words))]))
    return regions


def _next_stops(words: Words) -> list[int]:
    """For each word index k (and len(words)), the first index from k on where a comma or a break
    stands before the word, or len(words): found once for all preambles, as a scan from each made
    a long line with many openings quadratic (80,000 words took 73 s; found in review)."""
    count = len(words)
    stops = [count] * (count + 1)
    for k in range(count - 1, -1, -1):
        stops[k] = k if (k and words.gaps[k] & COMMA) or words.breaks[k] else stops[k + 1]
    return stops


def _predicate(text: str, words: Words, ladder: Ladder, i: int, j: int, level: int) -> Predicate:
    if j - i > 1 and ladder.language and words.folded[i] in get_language(ladder.language).subjects:
        i += 1  # a cue that names the parties ("parties may") shows its verb: "may", not "Parties may"
    if i > 0 and words.folded[i - 1] in ladder.hedges and not words.breaks[i]:
        # "The two governments may launch …": the hedge is the predicate's, at most an intent ("will
        # launch" → "may launch" read "will (binding) -> launch (binding), weakened": found in review)
        i, level = i - 1, min(level, _intent_level())
    span_start, span_end = words.span(i, j)
    return Predicate(level, ladder.labels[level], text[span_start:span_end], span_start, span_end, _negated(words, ladder, i, j),
                     _against(words, ladder, i, j))


AGAINST_AFTER = 3  # words after the cue where its object may state the opposition ("reaffirm our strong opposition")


def _against(words: Words, ladder: Ladder, i: int, j: int) -> bool:
    """The predicate states a position against something: an ``against`` cue or noun at the cue or
    among the AGAINST_AFTER words after it, in its clause ("oppose", "will continue to condemn",
    "reaffirm our strong opposition", "express concern"; not "call on all parties to reject violence",
    where "reject" is the parties' verb, not the statement's position)."""
    if ladder.against is None:
        return False
    for k in range(i, min(len(words), j + AGAINST_AFTER)):
        if k > i and words.breaks[k]:
            return False
        if ladder.against.match_at(words, k) is not None:
            return True
    return False


def _negated(words: Words, ladder: Ladder, i: int, j: int) -> bool:
    """A negation word inside the cue or within the language's window around it."""
    before, after = ladder.negation_window
    k = max(0, i - before)
    stop = min(len(words), j + after)
    while k < stop:
        hit = ladder.negation.match_at(words, k)
        if hit is None:
            k += 1
            continue
        if hit.payload and not _crosses_break(words, k, i, j):
            return True
        k = hit.end
    return False


def _crosses_break(words: Words, k: int, i: int, j: int) -> bool:
    # A negation in the previous clause ("…, not X. We agreed…") says nothing about this predicate.
    if k < i:
        between = range(k + 1, i + 1)
    elif k >= j:
        between = range(j, k + 1)
    else:
        return False
    return any(words.breaks[m] for m in between)


def strongest(predicates: Sequence[Predicate | None]) -> Predicate | None:
    """A merged or split group takes the strength of its strongest member (the first on ties)."""
    best: Predicate | None = None
    for predicate in predicates:
        if predicate is not None and (best is None or predicate.level > best.level):
            best = predicate
    return best


def group_predicates(old: Sequence[Predicate | None], new: Sequence[Predicate | None]) -> tuple[Predicate | None, Predicate | None]:
    """The predicates a change compares: each side's strongest, but in a merged or split group the
    strongest member that says yes or no as the other side does, when there is one: "We reiterate
    our condemnation of …" kept beside a new "We are committed to …" is no reversal."""
    old_best, new_best = strongest(old), strongest(new)
    if old_best is None or new_best is None or _contrary(old_best) == _contrary(new_best):
        return old_best, new_best
    alike_new = strongest([p for p in new if p is not None and _contrary(p) == _contrary(old_best)])
    if alike_new is not None:
        return old_best, alike_new
    alike_old = strongest([p for p in old if p is not None and _contrary(p) == _contrary(new_best)])
    return (alike_old, new_best) if alike_old is not None else (old_best, new_best)


@cache
def negation_words(language: str) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The language's negation words (one-word entries of its strength file), its negation word
    prefixes ("n'*", "қолдама*"), its negating verb endings ("*meyecektir", "*пейді"), its
    exceptions as phrases ("not only") and its negation phrases that hold no negation word of
    their own ("no longer"; not "shall not", whose "not" counts already), for reading a
    negation gained or lost from the words alone (``negation_count``)."""
    raw = load_data("strength", language) or {}
    words = [fold(w) for w in raw.get("negation", []) if " " not in w]
    singles = frozenset(w for w in words if "*" not in w)
    phrases = tuple(f" {p} " for p in (fold(e) for e in raw.get("negation", []) if " " in e) if not singles & set(p.split()))
    return (singles, tuple(w[:-1] for w in words if w.endswith("*")),
            tuple(w[1:] for w in words if w.startswith("*") and len(w) > 1),
            tuple(fold(e).replace("*", "") for e in raw.get("negation_exceptions", [])), phrases)


def negation_count(text: str, language: str) -> int:
    """How many negation words a text holds, its exceptions ("not only", "ne manquerons") left out."""
    words, prefixes, endings, exceptions, phrases = negation_words(language)
    if not words and not prefixes and not endings:
        return 0
    lowered = fold(text)
    for exception in exceptions:
        lowered = lowered.replace(exception, " ")
    written = lowered.split()
    tokens = [token.strip(TOKEN_EDGES) for token in written]
    spaced = f" {' '.join(tokens)} " if phrases else ""
    return sum(1 for token in tokens if token in words or (prefixes and token.startswith(prefixes))
               or (endings and token.endswith(endings) and len(token) > 5 and _negated_verb(token, endings))) + sum(
        spaced.count(phrase) for phrase in phrases) + _object_negations(written, tokens, language, phrases)


def _object_negations(written: list[str], tokens: list[str], language: str, phrases: tuple[str, ...] = ()) -> int:
    """How many of the strength file's ``object_negations`` ("no") negate ("will hold no
    consultations", "there will be no new tariffs", "No new sanctions …"): not after one of its
    ``object_negation_blockers`` ("at no cost", "with no preconditions", "As no consensus …"), not
    written "No." (an abbreviation) and not before a figure ("No. 2231", "no 5")."""
    negations, blockers = _object_negation_words(language)
    if not negations or negations.isdisjoint(tokens):
        return 0
    return sum(1 for k, token in enumerate(tokens)
               if token in negations and not (k > 0 and tokens[k - 1] in blockers)
               and not written[k].endswith(".") and not (k + 1 < len(tokens) and tokens[k + 1][:1].isdigit())
               and not (k + 1 < len(tokens) and f" {token} {tokens[k + 1]} " in phrases))  # "no longer" counts once, as a phrase


@cache
def _object_negation_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The strength file's ``object_negations`` and the words after which they negate nothing."""
    raw = load_data("strength", language) or {}
    return frozenset(fold(w) for w in raw.get("object_negations", [])), frozenset(fold(w) for w in raw.get("object_negation_blockers", []))


NEGATED_STEM = 2  # letters a negated verb has before its ending ("ет|пейді"): "баған" ("column") is no "-баған" participle


def _negated_verb(token: str, endings: tuple[str, ...]) -> bool:
    """Whether ``token`` is a verb stem of NEGATED_STEM letters or more and a negating ending."""
    return any(token.endswith(ending) and len(token) - len(ending) >= NEGATED_STEM for ending in endings)


@cache
class Modals(NamedTuple):
    """A language's modals, read once: whole words and "*" endings, binding and hedging, and the
    words after a comma that open a subordinate clause, whose modals speak of something else."""

    binding: frozenset[str]
    hedge: frozenset[str]
    binding_ends: tuple[str, ...]
    hedge_ends: tuple[str, ...]
    subordinators: frozenset[str]
    openers: frozenset[str] = frozenset()  # words that open a subordinate clause with no comma before them ("so", "which")


@cache
def modal_words(language: str) -> Modals:
    """The language's binding modals ("will", "shall", "будут") and hedging ones ("may", "could",
    "могут", "постараются", the Turkish ending "*abilir"): a pledge that gains a hedge without a
    binding modal is weakened, one that trades a hedge for a binding modal strengthened, even
    where no predicate shows it ("We will continue" → "We may continue")."""
    from ..languages import SUPPORTED, get_language

    raw = load_data("strength", language) or {}
    binding, hedge = raw.get("binding_modals", []), raw.get("hedge_modals", [])
    relatives = get_language(language).relatives if language in SUPPORTED else frozenset()
    return Modals(frozenset(w for w in binding if not w.startswith("*")), frozenset(w for w in hedge if not w.startswith("*")),
                  tuple(w[1:] for w in binding if w.startswith("*")), tuple(w[1:] for w in hedge if w.startswith("*")),
                  relatives | frozenset(raw.get("subordinators", [])), frozenset(raw.get("clause_openers", [])))


def modal_counts(text: str, language: str) -> tuple[int, int]:
    """How many binding and how many hedging modals ``text`` holds, up to a subordinate clause
    (", which may include …", ", damit … können"; with no comma, at a ``clause_openers`` word: "so
    they can build …", "граждане которых могли …"). A capitalised word counts only where it opens a
    sentence ("Будут проведены …"): inside one, "May" is the month. A hedge ending is tried first:
    "-abilecek" also ends in the binding "-ecek"."""
    modals = modal_words(language)
    if not (modals.binding or modals.hedge or modals.binding_ends or modals.hedge_ends):
        return 0, 0
    counts = [0, 0]
    previous = "."
    for raw in text.split():
        token = raw.strip(TOKEN_EDGES)
        lowered = token.lower()
        if lowered in modals.openers or (previous.endswith(",") and lowered in modals.subordinators):
            break
        is_hedge = lowered in modals.hedge or (bool(modals.hedge_ends) and lowered.endswith(modals.hedge_ends))
        is_binding = not is_hedge and (lowered in modals.binding or (bool(modals.binding_ends) and lowered.endswith(modals.binding_ends)))
        if (is_binding or is_hedge) and (token == lowered or previous.endswith(SENTENCE_END_MARKS)):
            counts[0 if is_binding else 1] += 1
        previous = raw
    return counts[0], counts[1]


def compare_modals(old: tuple[int, int], new: tuple[int, int]) -> str | None:
    """"weakened" when a hedging modal came with no binding one ("will" → "may", "agreed" → "may
    agree"), "strengthened" when a hedging one went and no binding one with it ("may" → "will",
    "могут открыть" → "откроют", "may agree" → "agreed")."""
    if new[1] > old[1] and new[0] <= old[0]:  # a hedge gained, no binding modal with it ("agreed" → "may agree")
        return WEAKENED
    if new[1] < old[1] and new[0] >= old[0]:
        return STRENGTHENED
    return None


@cache
def _intensifier_re(language: str) -> re.Pattern[str] | None:
    """One search for the language's ``intensifiers`` (words and phrases, "word*" a prefix) as whole
    words of a folded text; None without any."""
    raw = load_data("strength", language) or {}
    entries = sorted({fold(w) for w in raw.get("intensifiers", [])}, key=lambda w: (-len(w), w))  # the same text in every run: a cache key
    if not entries:
        return None

    return recache.compile(r"(?<![\w-])(?:" + "|".join(map(_phrase_pattern, entries)) + r")(?![\w-])")


def intensifier_count(text: str, language: str) -> int:
    """How many words of degree (``intensifiers`` of the strength file: "strongly", "firmly",
    "решительно", "skarpt") a pledge holds: one lost with no other change of strength weakens it
    ("strongly condemned" → "condemned"), one gained strengthens it."""
    pattern = _intensifier_re(language)
    return 0 if pattern is None else len(pattern.findall(fold(text)))


def _phrase_pattern(entry: str) -> str:
    """A data-file phrase as a regex: words apart by whitespace, "word*" a prefix."""
    return r"\s+".join(re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word) for word in entry.split())


def direction_words(words: Words, language: str) -> tuple[str, ...]:
    """The words of the strength file's direction lists among ``words`` (a pledge's), in order,
    each with its list ("up:expand", "down:reduce"): two pledges whose lists differ may have
    turned (``direction_reversal``). Matched word by word, as cues are (a regex over each pledge's
    text cost 0.2 s at 5,000 pledges a side)."""
    patterns = _direction_patterns(language)
    if patterns is None:
        return ()
    return tuple(f"{hit.payload}:{' '.join(words.folded[hit.start:hit.end])}" for hit in patterns.iter_all(words))


@cache
def _direction_patterns(language: str) -> PatternSet[str] | None:
    raw = load_data("strength", language) or {}
    up, down = raw.get("direction_up", []), raw.get("direction_down", [])
    if not up or not down:
        return None
    return PatternSet([(w, "up") for w in up] + [(w, "down") for w in down])


def direction_reversal(old_text: str, new_text: str, language: str) -> tuple[str, str] | None:
    """(old word, new word) when a word of one of the strength file's direction lists was replaced
    by one of the other: "intend to expand cooperation" → "intend to reduce cooperation"
    ("expand", "reduce"), "will continue to hold" → "will cease to hold", "углублению" →
    "сокращению". Replaced, in the word diff: a direction word gone here and another come there
    is none ("strengthen … goal" → "pursue … limit", "continue … until 2025" → "hold … until the
    end of 2025": found in review), nor are words traded within one list ("expand" → "deepen")."""
    if _direction_patterns(language) is None or old_text == new_text:
        return None
    # (The annotator calls this only for pledges whose direction_words differ: a word diff per pair
    # cost 0.4 s at 5,000 pledges a side. difflib is imported here, as few runs need it.)
    from difflib import SequenceMatcher

    old_words, new_words = words_of(old_text, memo=False).folded, words_of(new_text, memo=False).folded
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or i2 - i1 > REPLACED_WORDS or j2 - j1 > REPLACED_WORDS:
            continue
        old_part, new_part = _directions_of(" ".join(old_words[i1:i2]), language), _directions_of(" ".join(new_words[j1:j2]), language)
        old_kinds, new_kinds = {mark.split(":", 1)[0] for mark in old_part}, {mark.split(":", 1)[0] for mark in new_part}
        if len(old_kinds) == len(new_kinds) == 1 and old_kinds != new_kinds:  # one list's word replaced by the other's
            return old_part[0].split(":", 1)[1], new_part[0].split(":", 1)[1]
    return None


def _directions_of(text: str, language: str) -> tuple[str, ...]:
    """``direction_words`` of a piece of text."""
    return direction_words(words_of(text, 0, len(text)), language)


REPLACED_WORDS = 12  # words on each side of one replacement in the word diff ("increase" → ", given current budget pressures, reduce")


def compare_intensity(old: int, new: int) -> str | None:
    """"weakened" when a pledge lost a word of degree, "strengthened" when it gained one."""
    if new == old:
        return None
    return WEAKENED if new < old else STRENGTHENED


def compare_strength(old: Predicate | None, new: Predicate | None) -> Strength:
    """Strengthened or weakened when both sides have a level and it moved. A predicate that
    gained a negation ("are committed to holding" → "will not hold") withdraws the pledge: it is
    weakened whatever the levels (and ``--fail-on weakened`` counts it). One that lost a
    negation ("will not hold" → "are committed to holding") is compared by its levels, and
    ``negation_changed`` says what happened. A predicate against something ("oppose", "condemn":
    ``Predicate.against``) reads as a negated one: "support" → "oppose" is a reversal, weakened;
    "will not support" → "oppose" is none."""
    change = None
    if old is not None and new is not None and old.level != new.level:
        change = STRENGTHENED if new.level > old.level else WEAKENED
    negation_changed = old is not None and new is not None and _contrary(old) != _contrary(new) and not _noted_instead(old, new)
    if negation_changed and new is not None and _contrary(new):
        change = WEAKENED
    return Strength(old, new, change, negation_changed)


def reversal_across(old: Predicate | None, new: Predicate | None) -> Strength:
    """``compare_strength`` for two statements in different languages, whose levels each
    language's word lists set apart, so only a negation counts: gained (the new predicate says
    no and the old did not: "We commit to guarantee" → "No nos comprometemos a garantizar") it is
    weakened; lost ("We condemn" → "No condenamos") it is a reversal that the levels would tell."""
    if old is None or new is None or _contrary(old) == _contrary(new) or _noted_instead(old, new):
        return Strength(old, new)
    return Strength(old, new, WEAKENED if _contrary(new) else None, True)


def _noted_instead(old: Predicate, new: Predicate) -> bool:
    """A position against something on one side and a bare note of it on the other ("condemned the
    attack" → "noted the attack"): softer, not reversed, which the levels tell (found in review)."""
    return any(a.against and not a.negated and not b.negated and b.label == "note" for a, b in ((old, new), (new, old)))


def _contrary(predicate: Predicate) -> bool:
    """Whether a predicate says no: negated, or against something, not both ("will not oppose")."""
    return predicate.negated != predicate.against
