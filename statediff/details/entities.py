"""Named things in pledges: the gazetteer's bodies, places and programmes, plus other capitalised names."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from .. import recache
from ..data import read as read_data
from ..languages import stemmer_for
from ..segment.tokens import COMBINING_MARKS, composed
from .patterns import (
    NAME_BREAK,
    SENTENCE_END,
    TOKEN_EDGES,
    PatternSet,
    WordClass,
    Words,
    attributions_of,
    cached_stemmer,
    fold,
    remember,
    words_of,
)
from .types import Entity, EntityChanges

_TERM_PART = recache.compile(r"[^\W_]+\*?")  # a word or word prefix of a gazetteer form
# Gazetteer matching splits "Нур-Султан", "U.S." and "COVID-19" into parts; a letter keeps its
# combining marks (decomposed text: "Türkiye" as "u" + U+0308).
_SUBWORD = recache.compile(rf"(?:[^\W_]|[{COMBINING_MARKS}])+")
# A footnote mark that ends a name's last word, superscript digits perhaps after a full stop ("Partnership.²").
_FOOTNOTE_MARK = recache.compile("\\.?[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+$")
NAME_PREFIX = "name:"
COMMON_PREFIX = "\x00"  # in proper_stems' set: the stem of a word also written in lower case
STEM_KEY = 4  # stems are indexed by their first letters, then compared with _same_stem
FUZZY_STEM_MIN = 5  # shorter stems must be equal ("аз" for Азия is no prefix of anything)


class GazetteerEntry(NamedTuple):  # internal record: a NamedTuple costs a third of a frozen dataclass to define
    """One named thing: its key, label, kind, topics and every written form."""

    key: str
    label: str
    kind: str
    topics: tuple[str, ...]
    terms: tuple[str, ...]


class TermRule(NamedTuple):  # internal record: a NamedTuple costs a third of a frozen dataclass to define
    """One written form, as parts: ("exact", "CICA"), ("stem", "газ", capitalised) or ("prefix", "кипрск")."""

    parts: tuple[tuple[str, str, bool], ...]
    key: str


@cache
def gazetteer() -> dict[str, GazetteerEntry]:
    """data/gazetteer.toml with the terms of the aliases.toml group of the same key folded in."""
    raw = read_data("gazetteer.toml")
    aliases = read_data("aliases.toml")
    alias_terms = {group["key"]: tuple(group["terms"]) for group in aliases["alias"]}
    entries = {}
    for item in raw["entity"]:
        terms = tuple(dict.fromkeys([*alias_terms.get(item["key"], ()), *item.get("terms", [])]))
        entries[item["key"]] = GazetteerEntry(item["key"], item["label"], item["kind"], tuple(item.get("topics", [])), terms)
    return entries


@cache
def _capitalised_settings() -> dict[str, list[str]]:
    return read_data("gazetteer.toml")["capitalised"]


@cache
def _ignored(language: str) -> PatternSet[bool]:
    return PatternSet((word, True) for word in _capitalised_settings().get(language, []))


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    """At least two upper-case letters."""
    if sum(map(str.isupper, word)) < 2:  # C-speed first test: most words have at most one capital
        return False
    return sum(1 for ch in word if ch.isupper() and ch.isalpha()) >= 2


@cache
def term_rules(language: str) -> tuple[TermRule, ...]:
    """Every gazetteer form compiled for one language's stemmer, longest first."""
    stem = stemmer_for(language)
    rules = []
    for entry in gazetteer().values():
        for term in entry.terms:
            parts = []
            for m in _TERM_PART.finditer(term):
                word = m.group()
                if word.endswith("*"):
                    parts.append(("prefix", fold(word[:-1]), False))
                elif _is_acronym(word) or word.isdigit():
                    parts.append(("exact", word, False))
                else:
                    parts.append(("stem", stem(fold(word)), word[0].isupper()))
            rules.append(TermRule(tuple(parts), entry.key))
    rules.sort(key=lambda r: len(r.parts), reverse=True)
    return tuple(rules)


@cache
def _rule_index(language: str) -> tuple[dict[str, list[TermRule]], dict[str, list[TermRule]], list[tuple[str, TermRule]]]:
    """Rules by their first part, so a word is checked only against forms that can start there."""
    by_exact: dict[str, list[TermRule]] = {}
    by_stem: dict[str, list[TermRule]] = {}
    by_prefix: list[tuple[str, TermRule]] = []
    for rule in term_rules(language):
        how, value, _ = rule.parts[0]
        if how == "prefix":
            by_prefix.append((value, rule))
        elif how == "exact":
            by_exact.setdefault(value, []).append(rule)
        else:
            by_stem.setdefault(value[:STEM_KEY], []).append(rule)
    return by_exact, by_stem, by_prefix


# One part of a word for gazetteer matching ("Нур-Султан" has two): its text, offsets within the
# word, stem and folded form, and the gazetteer forms whose first part it fits, longest first.
_Sub = tuple[str, int, int, str, str, tuple[TermRule, ...]]
_SUBS: dict[str, dict[str, tuple[_Sub, ...]]] = {}  # language -> word -> its parts


def _subs_of(word: str, language: str) -> tuple[_Sub, ...]:
    memo = _SUBS.setdefault(language, {})
    subs = memo.get(word)
    if subs is None:
        stem = cached_stemmer(language)
        by_exact, by_stem, by_prefix = _rule_index(language)
        found = []
        for m in _SUBWORD.finditer(word):
            text = composed(m.group())  # matched composed; the offsets are the word's as written
            f = fold(text)
            sub: _Sub = (text, m.start(), m.end(), stem(f), f, ())
            rules = [*by_exact.get(text, ()), *by_stem.get(sub[3][:STEM_KEY], ()), *(r for p, r in by_prefix if f.startswith(p))]
            rules.sort(key=lambda r: len(r.parts), reverse=True)
            found.append(sub[:5] + (tuple(r for r in rules if _fits(sub, r.parts[0])),))
        subs = tuple(found)
        remember(memo, word, subs)
    return subs


def _fits(sub: _Sub, part: tuple[str, str, bool]) -> bool:
    how, value, capital = part
    if how == "exact":
        return sub[0] == value
    if how == "prefix":
        return sub[4].startswith(value)
    return _same_stem(sub[3], value) and (not capital or sub[0][0].isupper())


def _same_stem(a: str, b: str) -> bool:
    # Snowball is not consistent on names: "Казахстан" → "казахста", "Казахстаном" → "казахстан".
    return a == b or (min(len(a), len(b)) >= FUZZY_STEM_MIN and (a.startswith(b) or b.startswith(a)))


def gazetteer_mentions(text: str, language: str, start: int = 0, end: int | None = None) -> tuple[tuple[str, int, int], ...]:
    """(key, start, end) of every gazetteer mention in text[start:end], longest form first."""
    return _mentions(text, language, start, len(text) if end is None else end)


@cache
def _name_starts(language: str) -> WordClass:
    """The words (as written) a part of which may start a gazetteer name."""
    by_exact, by_stem, by_prefix = _rule_index(language)
    prefixes = tuple(prefix for prefix, _ in by_prefix)
    stem = cached_stemmer(language)

    def may_start(word: str) -> bool:
        # Whether some part of the word has a form whose first part is indexed under it, as
        # _subs_of looks them up: most words have none, and need no full _subs_of.
        for m in _SUBWORD.finditer(word):
            text = composed(m.group())
            f = fold(text)
            if text in by_exact or stem(f)[:STEM_KEY] in by_stem or (prefixes and f.startswith(prefixes)):
                return True
        return False

    return WordClass(lambda new: {w for w in new if may_start(w) and any(sub[5] for sub in _subs_of(w, language))})


@lru_cache(maxsize=32768)  # names and topics look at the same pledge; str hashes are cached, so keys are cheap
def _mentions(text: str, language: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    words = words_of(text, start, end)
    hot = words.where(_name_starts(language), "texts")
    if not hot:
        return ()  # no part of any word can start a name
    # The parts of the words ([^\W_]+ runs never cross a word) are read left to right, a name
    # consuming its parts; only the words in ``hot`` have parts a name may start at.
    texts, starts = words.texts, words.starts
    memo = _SUBS.setdefault(language, {})
    found = []
    after_word, after_part = 0, 0  # reading goes on there after the last name
    for k in hot:
        for j, sub in enumerate(memo.get(texts[k]) or _subs_of(texts[k], language)):
            if not sub[5] or k < after_word or (k == after_word and j < after_part):
                continue
            for rule in sub[5]:  # their first part fits
                parts = rule.parts
                n = len(parts)
                run = [(starts[k], sub)]  # this part and the next n-1, across words, while they fit
                w, q = k, j + 1
                while len(run) < n:
                    following = memo.get(texts[w]) or _subs_of(texts[w], language)
                    if q < len(following):
                        if not _fits(following[q], parts[len(run)]):
                            break
                        run.append((starts[w], following[q]))
                        q += 1
                    elif w + 1 < len(texts):
                        w, q = w + 1, 0
                    else:
                        break
                if len(run) == n and (n == 1 or _contiguous(text, run)):
                    found.append((rule.key, starts[k] + sub[1], run[-1][0] + run[-1][1][2]))
                    after_word, after_part = w, q
                    break
    return tuple(found)


_NOT_CONTIGUOUS = recache.compile(r"[,;:()«»\"“”!?]|\.\s")


def _contiguous(text: str, subs: list[tuple[int, _Sub]]) -> bool:
    # The parts of one name are separated by spaces, hyphens, dots or apostrophes, never by a clause break.
    return all(not _NOT_CONTIGUOUS.search(text, a[0] + a[1][2], b[0] + b[1][1]) for a, b in zip(subs, subs[1:], strict=False))


def proper_stems(text: str, language: str) -> frozenset[str]:
    """Stems of words written with a capital in mid-sentence anywhere in ``text``: the words a
    sentence-initial capital may be trusted for; and, as COMMON_PREFIX + stem, those of words
    written in lower case, which alone are no name ("Framework", "Summit", "Century" in titles)."""
    stem = cached_stemmer(language)
    words = words_of(text, 0, len(text), memo=False)
    folded, gaps = words.folded, words.gaps
    # The first word opens the text; the others open a sentence after one of [.!?…] or a line break.
    # Each distinct word stemmed once: a long statement repeats its words thousands of times.
    capitalised = {stem(w) for w in {folded[i] for i in words.where(_UPPER_FIRST, "texts") if i and not gaps[i] & SENTENCE_END}}
    common = {COMMON_PREFIX + stem(w) for w in {folded[i] for i in words.where(_LOWER_FIRST, "texts")}}
    return frozenset(capitalised | common)


def find_entities(
    text: str,
    language: str,
    start: int,
    end: int,
    proper: frozenset[str],
    commitment_id: str = "",
    exclude: Iterable[tuple[int, int]] = (),
) -> tuple[Entity, ...]:
    """Entities of text[start:end] in reading order, the first mention of each key.

    Spans in ``exclude`` name nothing: amounts ("долларов США" is no mention of the United
    States) and a news report's attribution tags ("сообщает Day.Az")."""
    return entities_in(text, language, words_of(text, start, end), proper, commitment_id, exclude,
                       attributions_of(text, language, start, end), gazetteer_mentions(text, language, start, end))


def entities_in(
    text: str,
    language: str,
    words: Words,
    proper: frozenset[str],
    commitment_id: str,
    exclude: Iterable[tuple[int, int]],
    attributions: Sequence[tuple[int, int]],
    mentions: Sequence[tuple[str, int, int]],
) -> tuple[Entity, ...]:
    """find_entities of a slice, given its words, attribution spans and gazetteer mentions."""
    entries = gazetteer()
    exclude = [*exclude, *attributions]
    excluded = Spans(exclude) if exclude else None
    out: dict[str, Entity] = {}
    covered: list[tuple[int, int]] = list(exclude)
    for key, a, b in mentions:
        if excluded is not None and excluded.overlaps(a, b):
            continue
        covered.append((a, b))
        entry = entries[key]
        out.setdefault(key, Entity(key, entry.label, entry.kind, text[a:b], a, b, commitment_id))
    runs = _capitalised_runs(text, language, words, proper, covered)
    if not runs:
        return tuple(sorted(out.values(), key=lambda e: e.start)) if len(out) > 1 else tuple(out.values())
    stem = cached_stemmer(language)
    # A run right after a gazetteer name continues it ("the ASEAN Outlook on the Indo-Pacific"):
    # the longer name is listed, not its tail alone ("Outlook").
    mention_ends = {b: a for _, a, b in mentions if excluded is None or not excluded.overlaps(a, b)} if language in _continued_names() else {}
    for first, last in runs:
        head = _continued_mention(text, words, first, mention_ends)
        if head is not None:
            first = head
        folded = words.folded[first:last + 1]
        if _only_heads(words, first, last, language):
            continue  # only the head of a longer name ("Совета …", "Плана действий"): its extent is unknown
        if first == last and len(words.texts[first]) == 1 and text[words.ends[first]:words.ends[first] + 1] == ".":
            continue  # an initial ("Ф. Шафиев" names Шафиев), not "Plan B"
        if first == last and not _is_acronym(words.texts[first]) and COMMON_PREFIX + stem(_possessor(folded[0], language)) in proper:
            continue  # one word the statements also write in lower case: a title's word ("Framework"), no name
        a, b = words.starts[first], words.ends[last]
        mark = _FOOTNOTE_MARK.search(text, a, b)
        if mark is not None:  # "Partnership.²", "Alliance¹": the footnote mark is no part of the name
            b = mark.start()
            folded = [*folded[:-1], fold(text[words.starts[last]:b])]
        if language in _apostrophe_endings():  # "Ankara'da" is Ankara: the name and its span end at the apostrophe
            folded = [_before_apostrophe(w) for w in folded]
            b = a + len(_before_apostrophe(text[a:b])) if first == last else b
        elif (possessor := _possessor(folded[-1], language)) != folded[-1]:
            b -= len(folded[-1]) - len(possessor)  # "Modi’s" is Modi
            folded = [*folded[:-1], possessor]
        key = NAME_PREFIX + " ".join(map(stem, folded))
        out.setdefault(key, Entity(key, " ".join(text[a:b].split()), "name", text[a:b], a, b, commitment_id))
    return tuple(sorted(out.values(), key=lambda e: e.start))


def _continued_mention(text: str, words: Words, first: int, mention_ends: dict[int, int]) -> int | None:
    """The first word of a gazetteer mention that word ``first`` continues after one space, or None."""
    if not first or words.breaks[first] or words.gaps[first] & NAME_BREAK:
        return None
    gap_start = words.ends[first - 1]
    a = mention_ends.get(gap_start)
    if a is None or text[gap_start:words.starts[first]] != " ":
        return None
    while a > 1 and text[a - 1] in "-‑–":  # "U.S.-India COMPACT": both names of the compound
        end = a - 2 if text[a - 2] == "." and a - 2 in mention_ends else a - 1  # "U.S" ends before its last dot
        if end not in mention_ends:
            break
        a = mention_ends[end]
    return bisect.bisect_left(words.starts, a)


@cache
def _continued_names() -> frozenset[str]:
    """Languages in which a capitalised word after a gazetteer name continues it (data/gazetteer.toml)."""
    return frozenset(_capitalised_settings().get("continued_names", []))


class Spans:
    """Sorted spans answering "does [a, b) overlap any?" in logarithmic time (a whole document
    has hundreds of name mentions; a one-line page's sentence thousands of names and keywords)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect.bisect_right(self.starts, a) - 1  # the last span starting at or before a
        if k >= 0 and self.ends[k] > a:
            return True
        return k + 1 < len(self.starts) and self.starts[k + 1] < b

    def holds(self, at: int) -> bool:
        """Whether offset ``at`` is inside a span."""
        return self.overlaps(at, at + 1)


@cache
def _heads(language: str) -> PatternSet[bool]:
    return PatternSet((word, True) for word in _capitalised_settings().get(f"{language}_heads", []))


@cache
def _head_endings(language: str) -> tuple[str, ...]:
    return tuple(_capitalised_settings().get(f"{language}_head_endings", []))


@cache
def _surname_endings(language: str) -> tuple[str, ...]:
    return tuple(_capitalised_settings().get(f"{language}_surname_endings", []))


def _only_heads(words: Words, first: int, last: int, language: str) -> bool:
    """Whether every word of the run words[first..last] is the head of a name whose later words are
    in lower case: a listed head word, or a word with a head ending (a Russian adjective: "Рабочую
    группу по …"; proper adjectives are not capitalised there, so a capitalised one opens a name)."""
    heads, endings, surnames = _heads(language), _head_endings(language), _surname_endings(language)
    run = None
    for k in range(last - first + 1):
        word = words.folded[first + k]
        if endings and word.endswith(endings) and not _is_acronym(words.texts[first + k]) and not (surnames and word.endswith(surnames)):
            continue
        if not heads.may_start(word):
            return False
        run = run or words.sub(first, last + 1)  # the words of text[a:b] alone
        if heads.match_at(run, k) is None:
            return False
    return True


_UPPER_FIRST = WordClass(lambda new: {w for w in new if w[0].isupper()})
_LOWER_FIRST = WordClass(lambda new: {w for w in new if w[0].islower()})
_CAPITALISED = WordClass(lambda new: {w for w in new if w[0].isupper() and not w.isdigit()})


def _capitalised_runs(
    text: str, language: str, words: Words, proper: frozenset[str], covered: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """First and last word of each run of capitalised words, split at titles, gazetteer names and clause breaks.

    A capital that opens a sentence counts only for an acronym or a word seen capitalised in
    mid-sentence elsewhere ("Kazakhstan"), not for an ordinary opener ("Today", "Стороны")."""
    texts, folded, starts, ends, breaks, gaps = words.texts, words.folded, words.starts, words.ends, words.breaks, words.gaps
    # Only a capitalised word can open a run: the others are looked at only while one is open.
    capitals = words.where(_CAPITALISED, "texts")
    if not capitals:
        return []
    stem = cached_stemmer(language)
    ignored = _ignored(language)
    # The words a covered span overlaps (starts[i] < b and a < ends[i]): no run goes through them.
    blocked: set[int] = set()
    for a, b in covered:
        blocked.update(range(bisect.bisect_right(ends, a), bisect.bisect_left(starts, b)))
    connectors = _connectors()
    capital = _CAPITALISED.members
    nouns_capitalised = language in _nouns_capitalised()

    def name_word(i: int) -> bool:
        """A capitalised word that may be part of a name here."""
        word = texts[i]
        if word not in capital or ignored.match_at(words, i) is not None:
            return False
        if nouns_capitalised:  # German: a capital marks a noun, not a name; a title opens one ("Bundeskanzler Olaf Scholz")
            if _is_acronym(word):
                return True
            for k in (i - 1, i - 2, i - 3):  # a title, then only capitalised words up to this one
                if k < 0 or breaks[k + 1] or texts[k + 1] not in capital:
                    return False
                if ignored.match_at(words, k) is not None:
                    return True
            return False
        # A capital opening a sentence counts for an acronym or a word capitalised elsewhere.
        return (not (i == 0 or gaps[i] & SENTENCE_END) or _is_acronym(word) or stem(folded[i]) in proper
                or _after_initial(text, words, i))

    runs: list[tuple[int, int]] = []
    n, resume = len(texts), 0
    for first in capitals:
        if first < resume or first in blocked or not name_word(first):
            continue
        last, pending, i = first, 0, first + 1  # pending: connectors waiting for a capitalised word
        while i < n:
            if i in blocked or ((breaks[i] or gaps[i] & NAME_BREAK) and not _after_initial(text, words, i)):
                break  # the word itself may open the next run
            if name_word(i):
                last, pending = i, 0
            elif folded[i] in connectors and pending < 2:
                pending += 1
            else:
                break
            i += 1
        runs.append((first, last))
        resume = i
    return runs


def _after_initial(text: str, words: Words, i: int) -> bool:
    """Word i follows a middle initial inside a name ("Joseph R. Biden", "Donald J. Trump"): the
    word before is one capital letter, then ". ", and word i is capitalised."""
    if i < 2:
        return False
    before = words.texts[i - 1]
    return (len(before) == 1 and before.isupper() and words.texts[i - 2][:1].isupper()
            and text[words.ends[i - 1]:words.starts[i]] == ". " and words.texts[i][:1].isupper())


@cache
def _nouns_capitalised() -> frozenset[str]:
    """Languages that capitalise every noun (German), where a capital alone marks no name."""
    return frozenset(_capitalised_settings().get("nouns_capitalised", []))


def _possessor(word: str, language: str) -> str:
    """A folded word without its possessive ending ("modi’s" → "modi"), where the language writes one."""
    for ending in _possessive_endings().get(language, ()):
        if word.endswith(ending) and len(word) > len(ending):
            return word[:-len(ending)]
    return word


@cache
def _possessive_endings() -> dict[str, tuple[str, ...]]:
    """Per language, the possessive endings written after a name ("Modi’s"), folded."""
    table = read_data("gazetteer.toml")["capitalised"].get("possessive_endings", {})
    return {language: tuple(fold(e) for e in endings) for language, endings in table.items()}


@cache
def _apostrophe_endings() -> frozenset[str]:
    """Languages that write a name's case ending after an apostrophe (Turkish "Ankara'da")."""
    return frozenset(_capitalised_settings().get("apostrophe_endings", []))


def _before_apostrophe(word: str) -> str:
    cut = min((i for i in (word.find("'"), word.find("’")) if i > 0), default=len(word))
    return word[:cut]


@cache
def _connectors() -> frozenset[str]:
    return frozenset(_capitalised_settings().get("connectors", []))


def _last_word(key: str) -> str | None:
    return key.split()[-1].removeprefix(NAME_PREFIX) if key.startswith(NAME_PREFIX) else None


_LAST_WORDS: dict[str, str | None] = {}
_WRITTEN: dict[str, str] = {}


def _last(key: str) -> str | None:
    last = _LAST_WORDS.get(key, "")
    if last == "":
        last = remember(_LAST_WORDS, key, _last_word(key))
    return last


def _written(text: str) -> str:
    written = _WRITTEN.get(text)
    if written is None:
        written = remember(_WRITTEN, text, fold(" ".join(text.split())))
    return written


# A name in another case: each word as written, or one of them with a case ending added
# (``name_case_endings``: "Токаев", "Токаева", "Токаевым"; "Мирзиёевке"), the shorter at least
# NAME_HEAD letters. Snowball cuts such surnames unevenly ("токаев" → "тока", "токаева" → "токаев"),
# so stems miss them. A language without case endings (English) has none: "Khan" is no "Khanna".
NAME_HEAD = 4


@cache
def _name_case_endings() -> frozenset[str]:
    return frozenset(_capitalised_settings().get("name_case_endings", []))


def _written_words(entity: Entity) -> tuple[str, ...]:
    """The folded words of a capitalised name as written, or () for a gazetteer entity."""
    if not entity.key.startswith(NAME_PREFIX):
        return ()
    return tuple(w for w in (w.strip(TOKEN_EDGES) for w in _written(entity.text).split()) if w)


def _case_forms(a: str, b: str) -> bool:
    """Two written words that are one name in two cases: one is the other plus a case ending
    (each part of a hyphenated name: "касым-жомарт", "касыма-жомарта")."""
    if a == b:
        return True
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) != len(parts_b):
        return False
    for x, y in zip(parts_a, parts_b, strict=True):
        short, long = (x, y) if len(x) <= len(y) else (y, x)
        if x != y and not (len(short) >= NAME_HEAD and long.startswith(short) and long[len(short):] in _name_case_endings()):
            return False
    return True


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two written names of one person: the last words are case forms, and when both give more
    than the surname, the first words too ("Ильхам Алиев" is no "Мехрибан Алиева")."""
    if not _case_forms(a[-1], b[-1]):
        return False
    return len(a) == 1 or len(b) == 1 or _case_forms(a[0], b[0])


class _Named:
    """The keys one side names, and the last words of its capitalised names, for quick look-ups."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        entities = list(entities)
        self.keys = {e.key for e in entities}
        self.last_words = {w for w in map(_last, self.keys) if w}
        # The names as written, by the first letters of their last words (``_same_person``).
        self.written_heads: dict[str, set[tuple[str, ...]]] = {}
        for entity in entities:
            words = _written_words(entity)
            if words and len(words[-1]) >= NAME_HEAD:
                self.written_heads.setdefault(words[-1][:NAME_HEAD], set()).add(words)
        # Written forms too: statements in two languages stem the same name differently ("Barbados").
        self.written = {_written(e.text) for e in entities}

    def names(self, entity: Entity) -> bool:
        """Whether this side names the same thing: the same key, the same written form, or for a
        capitalised name the same last word ("Касым-Жомарта Токаева" and "Касыма-Жомарта Токаева"
        are one person), or as written the same word in another case ("Шавкат Мирзиёев",
        "Шавката Мирзиёева")."""
        if entity.key in self.keys or _written(entity.text) in self.written:
            return True
        last = _last(entity.key)
        if last is None:
            return False
        if last in self.last_words:
            return True
        words = _written_words(entity)
        return bool(words) and any(_same_person(words, other) for other in self.written_heads.get(words[-1][:NAME_HEAD], ()))


def compare_entities(old: Iterable[Entity], new: Iterable[Entity]) -> EntityChanges:
    """Entities of one side the other side does not name; each key once, in reading order, and
    each person once: "Trump" is left out beside "Donald J. Trump"."""
    changes = compare_unique_entities(_unique(old), _unique(new))
    return EntityChanges(_fullest_names(changes.removed), _fullest_names(changes.added))


def _fullest_names(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """``entities`` without a one-word capitalised name that ends a longer one of them ("Trump"
    beside "Donald J. Trump", "Modi" beside "Narendra Modi"): one person, written two ways. Longer
    names sharing a last word stay apart ("Keio University", "Carnegie Mellon University")."""
    if len(entities) < 2:
        return entities
    ends = {_last(e.key) for e in entities if " " in e.key}
    ends.discard(None)
    if not ends:
        return entities
    return tuple(e for e in entities if " " in e.key or _last(e.key) not in ends)


def compare_unique_entities(old: Sequence[Entity], new: Sequence[Entity]) -> EntityChanges:
    """compare_entities of entities whose keys are unique on each side already (one pledge's)."""
    if not old or not new:  # nothing to name them on the other side
        return EntityChanges(tuple(old), tuple(new))
    old_named, new_named = _Named(old), _Named(new)
    return EntityChanges(tuple(e for e in old if not new_named.names(e)), tuple(e for e in new if not old_named.names(e)))


def _unique(entities: Iterable[Entity]) -> list[Entity]:
    if isinstance(entities, tuple | list) and len(entities) < 2:
        return list(entities)
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.key, entity)
    return list(seen.values())
