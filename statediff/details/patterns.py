"""Word patterns of the details data files ("word", "prefix*", "a ... b") matched over tokenized text."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Generic, TypeVar

from ..languages import SUPPORTED, get_language, stemmer_for
from ..segment.tokens import Token, tokenize

T = TypeVar("T")
GAP = "..."
PREFIX_KEY = 2  # prefix patterns are indexed by up to this many leading letters
GAP_WORDS = 3  # "reaffirm* ... commitment" spans "reaffirmed their strong commitment"
_CLAUSE_BREAKS = frozenset(".;:!?")


def fold(word: str) -> str:
    """Lower case with ё folded to е, so data files need one spelling."""
    return word.lower().replace("ё", "е")


@dataclass(frozen=True)
class Words:
    """The words of a text with their offsets; ``breaks[i]`` when a clause ends between words i-1 and i."""

    tokens: tuple[Token, ...]
    folded: tuple[str, ...]
    breaks: tuple[bool, ...]

    def __len__(self) -> int:
        return len(self.tokens)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of words i..j-1."""
        return self.tokens[i].start, self.tokens[j - 1].end


def words_of(text: str, start: int = 0, end: int | None = None, memo: bool = True) -> Words:
    """Tokenize ``text[start:end]``; offsets stay absolute. ``memo=False`` for one-off slices."""
    end = len(text) if end is None else end
    return _words(text, start, end) if memo else _words.__wrapped__(text, start, end)


@lru_cache(maxsize=65536)  # every extractor reads the same pledge; str hashes are cached, so keys are cheap
def _words(text: str, start: int, end: int) -> Words:
    tokens = tokenize(text, start, end)
    breaks = [False]
    for prev, tok in zip(tokens, tokens[1:], strict=False):
        breaks.append(any(ch in _CLAUSE_BREAKS for ch in text[prev.end:tok.start]))
    return Words(tuple(tokens), tuple(fold(t.text) for t in tokens), tuple(breaks))


def _fits(word: str, part: str) -> bool:
    return word.startswith(part[:-1]) if part.endswith("*") else word == part


@dataclass(frozen=True)
class Pattern:
    """One data-file entry: words, word prefixes (``*``) and gaps (``...``) of up to GAP_WORDS words."""

    parts: tuple[str, ...]

    @classmethod
    def parse(cls, entry: str) -> Pattern:
        parts = tuple(fold(p) for p in entry.split())
        if not parts or parts[0] == GAP or parts[-1] == GAP:
            raise ValueError(f"bad pattern {entry!r}: empty, or a gap at an end")
        return cls(parts)

    @property
    def weight(self) -> int:
        """Words the pattern pins down; more specific patterns win."""
        return sum(1 for p in self.parts if p != GAP)

    def match(self, words: Words, i: int) -> int:
        """End index (exclusive) of the shortest match starting at word i, or -1."""
        return self._match(words, i, 0)

    def _match(self, words: Words, i: int, k: int) -> int:
        if k == len(self.parts):
            return i
        part = self.parts[k]
        if part == GAP:
            for skip in range(GAP_WORDS + 1):
                at = i + skip
                if at >= len(words) or (skip and words.breaks[at]) or (at > i and words.breaks[i]):
                    break
                end = self._match(words, at, k + 1)
                if end >= 0:
                    return end
            return -1
        if i >= len(words) or not _fits(words.folded[i], part):
            return -1
        if k and self.parts[k - 1] != GAP and words.breaks[i]:
            return -1  # a phrase does not run across a clause break
        return self._match(words, i + 1, k + 1)


@dataclass(frozen=True)
class Hit(Generic[T]):
    """A pattern matched at words[start:end]."""

    start: int
    end: int
    payload: T
    weight: int


class PatternSet(Generic[T]):
    """Patterns with a payload each; at a word, the most specific (then shortest, then first) match wins."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._exact: dict[str, list[tuple[int, Pattern, T]]] = {}
        # Prefix patterns by their first PREFIX_KEY letters: a word is checked only against those.
        self._prefix: dict[str, list[tuple[str, int, Pattern, T]]] = {}
        self._memo: dict[str, list[tuple[int, Pattern, T]]] = {}  # word -> patterns that may start there
        for order, (entry, payload) in enumerate(entries):
            pattern = Pattern.parse(entry)
            first = pattern.parts[0]
            if first.endswith("*"):
                self._prefix.setdefault(first[:-1][:PREFIX_KEY], []).append((first[:-1], order, pattern, payload))
            else:
                self._exact.setdefault(first, []).append((order, pattern, payload))

    def _candidates(self, word: str) -> list[tuple[int, Pattern, T]]:
        cached = self._memo.get(word)
        if cached is None:
            cached = list(self._exact.get(word, ()))
            for key in {word[:k] for k in range(1, PREFIX_KEY + 1)}:
                cached += [(order, pattern, payload) for prefix, order, pattern, payload in self._prefix.get(key, ()) if word.startswith(prefix)]
            self._memo[word] = cached
        return cached

    def payloads_at(self, words: Words, i: int) -> set[T]:
        """The payloads of every pattern matching at word i, not only the best one."""
        return {payload for _, pattern, payload in self._candidates(words.folded[i]) if pattern.match(words, i) >= 0}

    def match_at(self, words: Words, i: int) -> Hit[T] | None:
        candidates = self._candidates(words.folded[i])
        if not candidates:
            return None
        best: tuple[tuple[int, int, int], Hit[T]] | None = None
        for order, pattern, payload in candidates:
            end = pattern.match(words, i)
            if end < 0:
                continue
            rank = (-pattern.weight, end - i, order)
            if best is None or rank < best[0]:
                best = (rank, Hit(i, end, payload, pattern.weight))
        return best[1] if best else None

    def find_all(self, words: Words) -> list[Hit[T]]:
        """Non-overlapping matches left to right."""
        hits: list[Hit[T]] = []
        i = 0
        while i < len(words):
            hit = self.match_at(words, i)
            if hit is None:
                i += 1
                continue
            hits.append(hit)
            i = hit.end
        return hits


@cache
def load_data(folder: str, name: str) -> dict[str, Any] | None:
    """``statediff/data/<folder>/<name>.toml`` parsed, or None when that language has no file."""
    package = resources.files("statediff.data").joinpath(folder)
    path = package.joinpath(f"{name}.toml")
    if not path.is_file():
        return None
    return tomllib.loads(path.read_text("utf-8"))


def attribution_spans(text: str, language: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of a news report's attribution tags ("сообщает Day.Az", "Подчеркивается, что"),
    from the language's attribution_patterns: their words are the reporter's, not the parties'."""
    if language not in SUPPORTED:
        return []
    # Searched in the slice itself: the patterns anchor on "^" at the start of the pledge.
    piece = text[start:end]
    return [(start + m.start(), start + m.end()) for pattern in get_language(language).attribution_patterns for m in pattern.finditer(piece)]


@cache
def cached_stemmer(language: str) -> Callable[[str], str]:
    """The language's stemmer with a memo: names and numbers stem the same few thousand words again and again."""
    return cache(stemmer_for(language))
