"""Matching features of a pledge: stems without function and stock words, aliases folded to one key."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache
from itertools import chain
from typing import NamedTuple

from . import recache
from .data import read as read_data
from .languages import get_language, stemmer_for
from .segment.tokens import WORD_RE, fold, tokenize


class AliasRule(NamedTuple):  # internal record: a NamedTuple costs a third of a frozen dataclass to define
    """One written form of an alias: its words (stemmed, or exact for an acronym) and its key."""

    words: tuple[str, ...]
    exact: bool  # an acronym: compared as written, case and all
    key: str


@cache
def _alias_entries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = read_data("aliases.toml")
    return tuple((group["key"], tuple(group["terms"])) for group in raw["alias"])


def _is_acronym(term: str) -> bool:
    letters = [ch for ch in term if ch.isalpha()]
    return " " not in term and len(letters) <= 6 and sum(ch.isupper() for ch in letters) >= max(2, len(letters) - 1)


@cache
def alias_rules(language: str) -> tuple[AliasRule, ...]:
    """Alias rules for one language's stemmer, longest first so that phrases win over parts."""
    stem = stemmer_for(language)
    rules: list[AliasRule] = []
    for key, terms in _alias_entries():
        for term in terms:
            if _is_acronym(term):
                rules.append(AliasRule((term.replace(".", ""),), True, key))
            else:
                words = tuple(stem(t.lower) for t in tokenize(term))
                rules.append(AliasRule(words, False, key))
    rules.sort(key=lambda r: len(r.words), reverse=True)
    return tuple(rules)


# Stems are cut to this many letters: Snowball leaves Russian derivations apart
# ("образован"/"образовательн", "культур"/"культурн"); measured best of 5, 6, 7 and none.
STEM_LENGTH = 7
# Character n-grams of content words (see align.py): their length.
CHAR_N = 5
CROSS_N = 4  # the n-grams of Latin skeletons, across languages (cognates share shorter runs)
_DIGIT_RE = recache.compile(r"\d")
_ALIAS_START = object()  # in Featurizer._word_terms: an alias rule may start at this word


# Two statements in two languages share cognates and names, written in two scripts or with other
# letters ("стратегического"/"strategic"/"stratejik", "Казахстан"/"Kazakhstan"/"Kazakistan"):
# each content word is read as a Latin skeleton for the character n-grams of a cross-language
# comparison (align.py). Not a transliteration standard: letters that sound alike fold together.
_CYRILLIC_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",  # Kazakh
    "ı": "i", "ş": "sh", "ç": "ch", "ğ": "g", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe",  # Latin letters NFD keeps whole
})
_SOUNDS_ALIKE = (("kh", "h"), ("zh", "j"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("ph", "f"), ("th", "t"), ("q", "k"),
                 ("x", "ks"), ("w", "v"), ("y", "i"), ("c", "k"))
_DOUBLED = recache.compile(r"(\w)\1+")


def latin_skeleton(word: str) -> str:
    """A lower-case word in plain Latin letters, sounds alike folded: "стратегического" →
    "strategikeskogo", "stratejik" → "stratejik", "Kazakistan" → "kazakistan", "Казахстан" → "kazahstan"."""
    latin = unicodedata.normalize("NFD", word.translate(_CYRILLIC_LATIN))
    latin = "".join(ch for ch in latin if not unicodedata.combining(ch))
    for written, sound in _SOUNDS_ALIKE:
        latin = latin.replace(written, sound)
    return _DOUBLED.sub(r"\1", latin)


_POSSESSIVE_RE = recache.compile(r"['’]s$")


def _acronym_key(word: str) -> str:
    """A word as an acronym alias is looked up: without dots or a possessive "'s" ("U.S." and "US's"
    are "US"; "US's" would otherwise lose its "us", an elided stopword, and leave no term)."""
    return _POSSESSIVE_RE.sub("", word.replace(".", ""))


def _padded_grams(word: str, n: int) -> tuple[str, ...]:
    """The n-letter runs of a word padded with a space each side."""
    padded = f" {word} "
    return tuple(padded[k:k + n] for k in range(len(padded) - n + 1))


class _Memo(dict):  # type: ignore[type-arg]
    """A dict that fills a missing key from a function of it (look-ups stay at C speed)."""

    def __init__(self, make: Callable[[str], object]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> object:
        value = self[key] = self._make(key)
        return value


def _fold(word: str) -> str:
    """Lower case without invisible characters, and ё written as е: Russian texts use both
    for the same word ("партнёрство")."""
    return fold(word).replace("ё", "е")


@cache
def featurizer_for(language: str) -> Featurizer:
    """One shared featurizer per language, so its stem cache serves both statements."""
    return Featurizer(language)


@cache
def concept_terms(language: str) -> dict[str, str]:
    """A language's matching terms of the words in ``data/concepts.toml``, each mapped to its
    concept ("~trade"): the terms two statements in two languages share beyond names."""
    featurizer = featurizer_for(language)
    out: dict[str, str] = {}
    for concept in read_data("concepts.toml")["concept"]:
        for form in concept.get(language, []):
            term = featurizer.word_term(form)
            if term is not None and not term.startswith("="):
                out.setdefault(term, "~" + concept["key"])
    return out


class Featurizer:
    """Turns pledge text into matching terms for one language."""

    def __init__(self, language: str) -> None:
        self.language = get_language(language)
        self.stem: Callable[[str], str] = stemmer_for(language)
        self.rules = alias_rules(language)
        self.first_words: dict[str, list[AliasRule]] = {}
        for rule in self.rules:
            self.first_words.setdefault(rule.words[0], []).append(rule)
        plain = {w for w in self.language.stock_words if not w.endswith("*")}
        self.stock = frozenset(self.stem(w) for w in plain) | frozenset(plain)
        self.stock_prefixes = tuple(w[:-1] for w in self.language.stock_words if w.endswith("*"))
        self._stem_cache: dict[str, str] = {}
        self._term_cache: dict[str, str | None] = {}
        # word as written → its term (None for noise), or _ALIAS_START where an alias may start:
        # large inputs repeat a few thousand distinct words hundreds of thousands of times.
        self._word_terms: dict[str, object] = _Memo(self._word_term)
        self._word_grams: dict[str, tuple[str, ...]] = _Memo(self._grams_of)
        self._cross_grams: dict[str, tuple[str, ...]] = _Memo(self._cross_grams_of)
        self._raw_stems: dict[str, str] = _Memo(lambda word: self._stem(_fold(word)))
        self._rules_at: dict[str, tuple[AliasRule, ...]] = _Memo(self._alias_rules)

    def _stem(self, word: str) -> str:
        cached = self._stem_cache.get(word)
        if cached is None:
            cached = self.stem(word)
            self._stem_cache[word] = cached
        return cached

    def _term(self, word: str) -> str | None:
        """The matching term of a lower-cased word, None for noise (memoised: words repeat)."""
        if word in self._term_cache:
            return self._term_cache[word]
        content = self._without_elision(word)
        if content is not word:  # an elided article or pronoun: "l'engagement", "d'une", "qu'ils"
            term = self._term_cache[word] = self._term(content)
            return term
        stem = self._stem(word)
        term = None if self._is_noise(word, stem) else stem[:STEM_LENGTH]
        self._term_cache[word] = term
        return term

    def _word_term(self, word: str) -> object:
        """The term of one word as written, or _ALIAS_START when an alias rule may start at it."""
        if _acronym_key(word) in self.first_words or self._raw_stems[word] in self.first_words:
            return _ALIAS_START
        return self._term(_fold(word))

    def _grams_of(self, word: str) -> tuple[str, ...]:
        """Character n-grams of one word as written: none for a function word, stock word or number."""
        content = self._gram_word(word)
        return () if content is None else _padded_grams(content, CHAR_N)

    def _gram_word(self, word: str) -> str | None:
        """A word as its character n-grams read it: folded, without an elided article ("l'engagement"
        has the n-grams of "engagement"), in the language's one spelling ("defence" those of
        "defense"); None for a function word, stock word or number."""
        lowered = _fold(word)
        if self._term(lowered) is None:
            return None
        lowered = self._without_elision(lowered)
        if self.language.spelling is not None:
            lowered = self.language.spelling.respell(lowered)
        return lowered

    def _without_elision(self, word: str) -> str:
        """A lower-case word without an elided function word before its apostrophe ("l'engagement"
        → "engagement"); the word itself when it has none."""
        if "'" in word:
            head, _, tail = word.partition("'")
            if tail and head in self.language.stopwords:
                return tail
        return word

    def terms(self, text: str) -> list[str]:
        """Content terms in order: aliases as ``=key``, other words stemmed; digits dropped."""
        return self.terms_of_words(WORD_RE.findall(text))

    def terms_of_words(self, raw: list[str]) -> list[str]:
        """``terms`` of a text whose words (WORD_RE matches) are ``raw``."""
        found = list(map(self._word_terms.__getitem__, raw))
        if _ALIAS_START not in found:  # no alias can start here: each word's own term
            return [term for term in found if term is not None]  # type: ignore[misc]
        out: list[str] = []
        i = 0
        while i < len(raw):
            term = found[i]
            if term is _ALIAS_START:
                rule = self._alias_at(raw, i)
                if rule is not None:
                    out.append("=" + rule.key)
                    i += len(rule.words)
                    continue
                term = self._term(_fold(raw[i]))
            i += 1
            if term is not None:
                out.append(term)  # type: ignore[arg-type]
        return out

    def word_term(self, word: str) -> str | None:
        """``terms(word)[0]`` (or None) of one token as WORD_RE finds it: the alias rules are tried
        only when one may start at it, as ``terms`` does."""
        lowered = _fold(word)
        if _acronym_key(word) in self.first_words or self._stem(lowered) in self.first_words:
            terms = self.terms(word)
            return terms[0] if terms else None
        return self._term(lowered)

    def char_grams(self, raw: list[str]) -> dict[str, float]:
        """Character n-grams (CHAR_N letters, words padded with a space) of the content words of
        a text whose words are ``raw``, in order of first appearance, each weighted 1."""
        return dict.fromkeys(chain.from_iterable(map(self._word_grams.__getitem__, raw)), 1.0)

    def cross_grams(self, raw: list[str]) -> dict[str, float]:
        """``char_grams`` of the content words read as Latin skeletons (``latin_skeleton``), for
        comparing statements in two languages."""
        return dict.fromkeys(chain.from_iterable(map(self._cross_grams.__getitem__, raw)), 1.0)

    def _cross_grams_of(self, word: str) -> tuple[str, ...]:
        content = self._gram_word(word)
        return () if content is None else _padded_grams(latin_skeleton(content), CROSS_N)

    def _is_noise(self, word: str, stem: str) -> bool:
        """Function words, stock phrases of diplomatic prose, numbers and single letters."""
        return (
            word in self.language.stopwords
            or word in self.stock
            or stem in self.stock
            or word.startswith(self.stock_prefixes)
            or len(word) < 2
            or _DIGIT_RE.search(word) is not None
        )

    def _alias_at(self, raw: list[str], i: int) -> AliasRule | None:
        """The longest alias rule matching the words ``raw[i:]``: acronyms as written, other
        forms word by word after stemming."""
        exact = _acronym_key(raw[i])
        for rule in self._rules_at[raw[i]]:
            n = len(rule.words)
            if rule.exact:
                if exact == rule.words[0]:
                    return rule
            elif tuple(map(self._raw_stems.__getitem__, raw[i:i + n])) == rule.words:
                return rule
        return None

    def _alias_rules(self, word: str) -> tuple[AliasRule, ...]:
        """The alias rules that may start at a word as written, longest first."""
        candidates = self.first_words.get(_acronym_key(word), []) + self.first_words.get(self._raw_stems[word], [])
        return tuple(sorted(candidates, key=lambda r: len(r.words), reverse=True))
