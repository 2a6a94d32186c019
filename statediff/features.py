"""Matching features of a pledge: stems without function and stock words, aliases folded to one key."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
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
_DIGIT_RE = recache.compile(r"\d")


def _fold(word: str) -> str:
    """Lower case without invisible characters, and ё written as е: Russian texts use both
    for the same word ("партнёрство")."""
    return fold(word).replace("ё", "е")


@cache
def featurizer_for(language: str) -> Featurizer:
    """One shared featurizer per language, so its stem cache serves both statements."""
    return Featurizer(language)


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
        stem = self._stem(word)
        term = None if self._is_noise(word, stem) else stem[:STEM_LENGTH]
        self._term_cache[word] = term
        return term

    def terms(self, text: str) -> list[str]:
        """Content terms in order: aliases as ``=key``, other words stemmed; digits dropped."""
        raw = WORD_RE.findall(text)
        exact = [w.replace(".", "") for w in raw]
        lowered = [_fold(w) for w in raw]
        stems = [self._stem(w) for w in lowered]
        starts = self.first_words
        out: list[str] = []
        i = 0
        while i < len(raw):
            if exact[i] in starts or stems[i] in starts:
                rule = self._alias_at(exact, stems, i)
                if rule is not None:
                    out.append("=" + rule.key)
                    i += len(rule.words)
                    continue
            term = self._term(lowered[i])
            i += 1
            if term is not None:
                out.append(term)
        return out

    def word_term(self, word: str) -> str | None:
        """``terms(word)[0]`` (or None) of one token as WORD_RE finds it: the alias rules are tried
        only when one may start at it, as ``terms`` does."""
        lowered = _fold(word)
        if word.replace(".", "") in self.first_words or self._stem(lowered) in self.first_words:
            terms = self.terms(word)
            return terms[0] if terms else None
        return self._term(lowered)

    def content_words(self, text: str) -> list[str]:
        """Lower-cased words that are neither function words nor stock phrases."""
        return [w for w in map(_fold, WORD_RE.findall(text)) if self._term(w) is not None]

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

    def _alias_at(self, exact: list[str], stems: list[str], i: int) -> AliasRule | None:
        candidates = self.first_words.get(exact[i], []) + self.first_words.get(stems[i], [])
        for rule in sorted(candidates, key=lambda r: len(r.words), reverse=True):
            n = len(rule.words)
            if rule.exact:
                if exact[i] == rule.words[0]:
                    return rule
            elif tuple(stems[i:i + n]) == rule.words:
                return rule
        return None
