"""Named things in pledges: the gazetteer's bodies, places and programmes, plus other capitalised names."""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from ..languages import stemmer_for
from ..segment.tokens import tokenize
from .patterns import PatternSet, attribution_spans, cached_stemmer, fold, words_of
from .types import Entity, EntityChanges

_SUBWORD = re.compile(r"[^\W_]+")  # gazetteer matching splits "Нур-Султан", "U.S." and "COVID-19" into parts
_SENTENCE_END = re.compile(r"[.!?…]|\n")
NAME_PREFIX = "name:"
STEM_KEY = 4  # stems are indexed by their first letters, then compared with _same_stem
FUZZY_STEM_MIN = 5  # shorter stems must be equal ("аз" for Азия is no prefix of anything)


@dataclass(frozen=True)
class GazetteerEntry:
    """One named thing: its key, label, kind, topics and every written form."""

    key: str
    label: str
    kind: str
    topics: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class TermRule:
    """One written form, as parts: ("exact", "CICA"), ("stem", "газ", capitalised) or ("prefix", "кипрск")."""

    parts: tuple[tuple[str, str, bool], ...]
    key: str


@cache
def gazetteer() -> dict[str, GazetteerEntry]:
    """data/gazetteer.toml with the terms of the aliases.toml group of the same key folded in."""
    data = resources.files("statediff.data")
    raw = tomllib.loads(data.joinpath("gazetteer.toml").read_text("utf-8"))
    aliases = tomllib.loads(data.joinpath("aliases.toml").read_text("utf-8"))
    alias_terms = {group["key"]: tuple(group["terms"]) for group in aliases["alias"]}
    entries = {}
    for item in raw["entity"]:
        terms = tuple(dict.fromkeys([*alias_terms.get(item["key"], ()), *item.get("terms", [])]))
        entries[item["key"]] = GazetteerEntry(item["key"], item["label"], item["kind"], tuple(item.get("topics", [])), terms)
    return entries


@cache
def _capitalised_settings() -> dict[str, list[str]]:
    raw = tomllib.loads(resources.files("statediff.data").joinpath("gazetteer.toml").read_text("utf-8"))
    return raw["capitalised"]


@cache
def _ignored(language: str) -> PatternSet[bool]:
    return PatternSet((word, True) for word in _capitalised_settings().get(language, []))


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2


@cache
def term_rules(language: str) -> tuple[TermRule, ...]:
    """Every gazetteer form compiled for one language's stemmer, longest first."""
    stem = stemmer_for(language)
    rules = []
    for entry in gazetteer().values():
        for term in entry.terms:
            parts = []
            for m in re.finditer(r"[^\W_]+\*?", term):
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


@dataclass(frozen=True)
class _Sub:
    text: str
    start: int
    end: int
    stem: str
    folded: str


def _subwords(text: str, start: int, end: int, stem: Callable[[str], str]) -> list[_Sub]:
    out = []
    for m in _SUBWORD.finditer(text, start, end):
        word = m.group()
        folded = fold(word)
        out.append(_Sub(word, m.start(), m.end(), stem(folded), folded))
    return out


def _fits(sub: _Sub, part: tuple[str, str, bool]) -> bool:
    how, value, capital = part
    if how == "exact":
        return sub.text == value
    if how == "prefix":
        return sub.folded.startswith(value)
    return _same_stem(sub.stem, value) and (not capital or sub.text[0].isupper())


def _same_stem(a: str, b: str) -> bool:
    # Snowball is not consistent on names: "Казахстан" → "казахста", "Казахстаном" → "казахстан".
    return a == b or (min(len(a), len(b)) >= FUZZY_STEM_MIN and (a.startswith(b) or b.startswith(a)))


def gazetteer_mentions(text: str, language: str, start: int = 0, end: int | None = None) -> tuple[tuple[str, int, int], ...]:
    """(key, start, end) of every gazetteer mention in text[start:end], longest form first."""
    return _mentions(text, language, start, len(text) if end is None else end)


@lru_cache(maxsize=32768)  # names and topics look at the same pledge; str hashes are cached, so keys are cheap
def _mentions(text: str, language: str, start: int, end: int) -> tuple[tuple[str, int, int], ...]:
    subs = _subwords(text, start, end, cached_stemmer(language))
    by_exact, by_stem, by_prefix = _rule_index(language)
    found = []
    i = 0
    while i < len(subs):
        sub = subs[i]
        rules = [*by_exact.get(sub.text, ()), *by_stem.get(sub.stem[:STEM_KEY], ()), *(r for p, r in by_prefix if sub.folded.startswith(p))]
        rules.sort(key=lambda r: len(r.parts), reverse=True)
        for rule in rules:
            n = len(rule.parts)
            if i + n <= len(subs) and all(_fits(subs[i + k], rule.parts[k]) for k in range(n)) and _contiguous(text, subs[i:i + n]):
                found.append((rule.key, subs[i].start, subs[i + n - 1].end))
                i += n
                break
        else:
            i += 1
    return tuple(found)


def _contiguous(text: str, subs: list[_Sub]) -> bool:
    # The parts of one name are separated by spaces, hyphens, dots or apostrophes, never by a clause break.
    return all(not re.search(r"[,;:()«»\"“”!?]|\.\s", text[a.end:b.start]) for a, b in zip(subs, subs[1:], strict=False))


def proper_stems(text: str, language: str) -> frozenset[str]:
    """Stems of words written with a capital in mid-sentence anywhere in ``text``: the words a
    sentence-initial capital may be trusted for."""
    stem = cached_stemmer(language)
    out = set()
    previous_end = 0
    for token in tokenize(text):
        initial = previous_end == 0 or _SENTENCE_END.search(text, previous_end, token.start) is not None
        if not initial and token.text[0].isupper():
            out.add(stem(fold(token.text)))
        previous_end = token.end
    return frozenset(out)


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
    entries = gazetteer()
    exclude = [*exclude, *attribution_spans(text, language, start, end)]
    excluded = _Spans(exclude)
    out: dict[str, Entity] = {}
    covered: list[tuple[int, int]] = list(exclude)
    for key, a, b in gazetteer_mentions(text, language, start, end):
        if excluded.overlaps(a, b):
            continue
        covered.append((a, b))
        entry = entries[key]
        out.setdefault(key, Entity(key, entry.label, entry.kind, text[a:b], a, b, commitment_id))
    heads = _heads(language)
    for a, b in _capitalised_runs(text, language, start, end, proper, covered):
        run = words_of(text, a, b)
        if all(heads.match_at(run, i) is not None for i in range(len(run))):
            continue  # only the head of a longer name ("Совета …", "Плана действий"): its extent is unknown
        key = NAME_PREFIX + " ".join(cached_stemmer(language)(fold(t.text)) for t in tokenize(text, a, b))
        out.setdefault(key, Entity(key, " ".join(text[a:b].split()), "name", text[a:b], a, b, commitment_id))
    return tuple(sorted(out.values(), key=lambda e: e.start))


class _Spans:
    """Sorted spans answering "does [a, b) overlap any?" in logarithmic time (a whole document
    has hundreds of name mentions)."""

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


@cache
def _heads(language: str) -> PatternSet[bool]:
    return PatternSet((word, True) for word in _capitalised_settings().get(f"{language}_heads", []))


def _capitalised_runs(
    text: str, language: str, start: int, end: int, proper: frozenset[str], covered: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans of runs of capitalised words, split at titles, gazetteer names and clause breaks.

    A capital that opens a sentence counts only for an acronym or a word seen capitalised in
    mid-sentence elsewhere ("Kazakhstan"), not for an ordinary opener ("Today", "Стороны")."""
    words = words_of(text, start, end)
    stem = cached_stemmer(language)
    ignored = _ignored(language)
    spans = _Spans(covered)
    connectors = frozenset(_capitalised_settings().get("connectors", []))
    runs: list[tuple[int, int]] = []
    current: list[int] = []  # token indices of the run being built
    pending: list[int] = []  # connectors waiting for a capitalised word

    def close() -> None:
        if current:
            runs.append((words.tokens[current[0]].start, words.tokens[current[-1]].end))
        current.clear()
        pending.clear()

    previous_end = start
    for i, token in enumerate(words.tokens):
        gap = text[previous_end:token.start]
        initial = i == 0 or _SENTENCE_END.search(gap) is not None
        previous_end = token.end
        if words.breaks[i] or re.search(r"[,()«»\"“”]", gap):
            close()
        if spans.overlaps(token.start, token.end):
            close()
            continue
        word = token.text
        capital = word[0].isupper() and not word.isdigit()
        if capital and ignored.match_at(words, i) is None and (not initial or _is_acronym(word) or stem(fold(word)) in proper):
            current.extend(pending)
            pending.clear()
            current.append(i)
        elif current and words.folded[i] in connectors and len(pending) < 2:
            pending.append(i)
        else:
            close()
    close()
    return runs


def _last_word(key: str) -> str | None:
    return key.split()[-1].removeprefix(NAME_PREFIX) if key.startswith(NAME_PREFIX) else None


class _Named:
    """The keys one side names, and the last words of its capitalised names, for quick look-ups."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        entities = list(entities)
        self.keys = {e.key for e in entities}
        self.last_words = {w for w in map(_last_word, self.keys) if w}
        # Written forms too: statements in two languages stem the same name differently ("Barbados").
        self.written = {fold(" ".join(e.text.split())) for e in entities}

    def names(self, entity: Entity) -> bool:
        """Whether this side names the same thing: the same key, the same written form, or for a
        capitalised name the same last word ("Касым-Жомарта Токаева" and "Касыма-Жомарта Токаева"
        are one person)."""
        last = _last_word(entity.key)
        return (entity.key in self.keys or fold(" ".join(entity.text.split())) in self.written
                or (last is not None and last in self.last_words))


def compare_entities(old: Iterable[Entity], new: Iterable[Entity]) -> EntityChanges:
    """Entities of one side the other side does not name; each key once, in reading order."""
    old, new = _unique(old), _unique(new)
    old_named, new_named = _Named(old), _Named(new)
    return EntityChanges(tuple(e for e in old if not new_named.names(e)), tuple(e for e in new if not old_named.names(e)))


def _unique(entities: Iterable[Entity]) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.key, entity)
    return list(seen.values())
