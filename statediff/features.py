"""Matching features of a pledge: stems without function and stock words, aliases folded to one key."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .languages import get_language, stemmer_for
from .segment.tokens import tokenize


@dataclass(frozen=True)
class AliasRule:
    """One written form of an alias: its words (stemmed, or exact for an acronym) and its key."""

    words: tuple[str, ...]
    exact: bool  # an acronym: compared as written, case and all
    key: str


@cache
def _alias_entries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = tomllib.loads(resources.files("statediff.data").joinpath("aliases.toml").read_text("utf-8"))
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

    def _stem(self, word: str) -> str:
        cached = self._stem_cache.get(word)
        if cached is None:
            cached = self.stem(word)
            self._stem_cache[word] = cached
        return cached

    def terms(self, text: str) -> list[str]:
        """Content terms in order: aliases as ``=key``, other words stemmed; digits dropped."""
        tokens = tokenize(text)
        exact = [t.text.replace(".", "") for t in tokens]
        lowered = [t.lower for t in tokens]
        stems = [self._stem(w) for w in lowered]
        out: list[str] = []
        i = 0
        while i < len(tokens):
            rule = self._alias_at(exact, stems, i)
            if rule is not None:
                out.append("=" + rule.key)
                i += len(rule.words)
                continue
            word, stem = lowered[i], stems[i]
            i += 1
            if self._is_noise(word, stem):
                continue
            out.append(stem[:STEM_LENGTH])
        return out

    def content_words(self, text: str) -> list[str]:
        """Lower-cased words that are neither function words nor stock phrases."""
        return [t.lower for t in tokenize(text) if not self._is_noise(t.lower, self._stem(t.lower))]

    def _is_noise(self, word: str, stem: str) -> bool:
        """Function words, stock phrases of diplomatic prose, numbers and single letters."""
        return (
            word in self.language.stopwords
            or word in self.stock
            or stem in self.stock
            or word.startswith(self.stock_prefixes)
            or len(word) < 2
            or any(ch.isdigit() for ch in word)
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
