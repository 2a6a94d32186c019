"""Word patterns of the details data files ("word", "prefix*", "a ... b") matched over tokenized text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import field
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, Generic, NamedTuple, TypeVar

from .. import recache
from ..data import read as read_data
from ..frozen import frozen_dataclass
from ..languages import GAP, GAP_WORDS, SUFFIX_STEM, SUPPORTED, get_language, stemmer_for
from ..literals import required_chunks
from ..segment.tokens import _WORD_SPLIT, Token, tokenize
from ..segment.tokens import fold as segment_fold

T = TypeVar("T")
PREFIX_KEY = 2  # prefix patterns are indexed by up to this many leading letters
_CLAUSE_BREAKS = frozenset(".;:!?")
_JOINERS = "-‐‑–/"  # hyphens, the en dash ("U.S.–India"), the slash
# Quotes, brackets and punctuation around a whitespace token ("«Ankara»," → "Ankara"), for the
# checks that compare the words of two wordings cheaply, as whitespace tokens.
TOKEN_EDGES = "\"'“”«»‘’()[],.;:!?"
# What a whitespace token ends with when the next one opens a sentence (or a list after a colon):
# there a capital says nothing ("May the talks…", "Будут проведены…"); inside one, "May" is a month.
SENTENCE_END_MARKS = (".", "!", "?", ":")


def fold(word: str) -> str:
    """Lower case, composed (NFC), with ё folded to е, typographic apostrophes plain ("won’t" is
    "won't", "s’opposent" is "s'opposent") and invisible characters dropped ("strong\u00adly", as a
    text pasted from Word holds it, is "strongly": the words the alignment saw alike must read
    alike here), so data files need one spelling."""
    return segment_fold(word).replace("ё", "е")


# Words and the gaps between them repeat endlessly: both are folded and classified once.
_FOLDED: dict[str, str] = {}
_GAP_FLAGS: dict[str, int] = {}
MEMO_LIMIT = 500_000  # entries per memo before it starts afresh (bounded memory in long-lived processes)

# What the text before a word holds, as bit flags (Words.gaps).
BREAK = 1  # a clause break: one of _CLAUSE_BREAKS
SENTENCE_END = 2  # [.!?…] or a line break: the word may open a sentence
NAME_BREAK = 4  # one of ,()«»"“”: a capitalised name does not run across it
COMMA = 8
QUOTE = 16  # nothing but an opening quote mark
_SENTENCE_END_RE = recache.compile(r"[.!?…]|\n")
_NAME_BREAK_RE = recache.compile(r"[,()«»\"“”]")
_QUOTES = ('"', "«", "“", "„")


def remember(memo: dict[Any, T], key: Any, value: T) -> T:
    """Store ``value`` under ``key`` in a memo that starts afresh at MEMO_LIMIT entries (bounded
    memory in long-lived processes); called on a miss only, so look-ups stay one ``dict.get``."""
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def folded(word: str) -> str:
    """``fold(word)``, memoised."""
    out = _FOLDED.get(word)
    if out is None:
        out = remember(_FOLDED, word, fold(word))
    return out


def gap_flags(gap: str) -> int:
    """The flags of the text between two words."""
    out = _GAP_FLAGS.get(gap)
    if out is None:
        # "U.S.-India", "U.S./EU": an abbreviation's dot glued to a hyphen or slash ends nothing.
        stops = gap.replace(".", "") if len(gap) > 1 and gap[0] == "." and gap[1] in _JOINERS and not any(ch.isspace() for ch in gap) else gap
        out = (
            (BREAK if any(ch in _CLAUSE_BREAKS for ch in stops) else 0)
            | (SENTENCE_END if _SENTENCE_END_RE.search(stops) else 0)
            | (NAME_BREAK if _NAME_BREAK_RE.search(gap) else 0)
            | (COMMA if "," in gap else 0)
            | (QUOTE if gap.strip() in _QUOTES else 0)
        )
        if len(gap) <= 16:  # long gaps (markup, tables) are rare and would only bloat the memo
            remember(_GAP_FLAGS, gap, out)
    return out


class WordClass:
    """A property of single words (a pattern may start there, a capital letter…), decided once per
    distinct word: ``members`` of the words seen so far, for C-speed membership tests."""

    def __init__(self, test: Callable[[set[str]], set[str]]) -> None:
        self._test = test  # new words -> those of them that have the property
        self.members: set[str] = set()
        self._known: set[str] = set()

    def of(self, vocabulary: set[str]) -> set[str]:
        """A set holding every word of ``vocabulary`` that has the property (and maybe others)."""
        unknown = vocabulary - self._known
        if unknown:
            if len(self._known) >= MEMO_LIMIT:
                self.members, self._known = set(), set()
                unknown = vocabulary
            self.members |= self._test(unknown)
            self._known |= unknown
        return self.members


class Words:
    """The words of a text with their offsets; ``breaks[i]`` when a clause ends between words i-1 and i.

    ``texts[i]`` is word i as written, ``text[starts[i]:ends[i]]``; ``gaps[i]`` holds the flags
    (BREAK, SENTENCE_END, …) of the text before it: from the previous word, or for the first word
    from the start of the slice. (A class with slots, not a dataclass: one is made per pledge and
    per name, and a frozen dataclass is several times slower to make.)"""

    __slots__ = ("texts", "starts", "ends", "folded", "breaks", "gaps", "doc", "offset")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int], folded: list[str], breaks: list[bool],
                 gaps: list[int], doc: _Document | None = None, offset: int = 0) -> None:
        self.texts, self.starts, self.ends, self.folded, self.breaks, self.gaps = texts, starts, ends, folded, breaks, gaps
        self.doc = doc  # the whole text's words, for a slice of them
        self.offset = offset  # index of word 0 among the document's words

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(Token(w, a, b) for w, a, b in zip(self.texts, self.starts, self.ends, strict=True))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of words i..j-1."""
        return self.starts[i], self.ends[j - 1]

    def sub(self, i: int, j: int) -> Words:
        """Words i..j-1 alone, as ``words_of`` the text from the start of word i to the end of word j-1."""
        breaks, gaps = self.breaks[i:j] or [False], self.gaps[i:j]
        breaks[0] = False
        if gaps:
            gaps[0] = 0  # nothing comes before the first word
        return Words(self.texts[i:j], self.starts[i:j], self.ends[i:j], self.folded[i:j], breaks, gaps, self.doc, self.offset + i)

    def where(self, word_class: WordClass, by: str = "folded") -> list[int]:
        """Indices of the words whose ``by`` form (folded, or texts as written) is in the class."""
        doc = self.doc
        values: list[str] = self.folded if by == "folded" else self.texts
        if doc is None:
            members = word_class.of(set(values))
        else:  # the class has looked at every word of the document once
            members = doc._members[by].get(word_class)  # type: ignore[assignment]
            if members is None:
                members = doc.members(word_class, by)
        if members.isdisjoint(values):
            return []
        return [i for i, v in enumerate(values) if v in members]


class _Document:
    """Every word of one text, tokenized once (``tokenize`` without its Token objects): the words
    of a slice are views of these lists, and a word class is looked up once over all of them."""

    def __init__(self, text: str) -> None:
        pieces = _WORD_SPLIT.split(text)  # the text before each word, the word, …, the text after the last
        texts, between = pieces[1::2], pieces[0:-1:2]
        offsets = list(accumulate(map(len, pieces), initial=0))
        # Folded once per distinct word, classified once per distinct gap.
        folds = {word: folded(word) for word in set(texts)}
        flags = {gap: gap_flags(gap) for gap in set(between)}
        self.texts = texts
        self.starts = offsets[1::2]
        self.ends = offsets[2::2]
        self.folded = list(map(folds.__getitem__, texts))
        self.gaps = list(map(flags.__getitem__, between))
        self.breaks = list(map(bool, map(BREAK.__and__, self.gaps)))
        self._vocabulary: dict[str, set[str]] = {}
        self._members: dict[str, dict[WordClass, set[str]]] = {"folded": {}, "texts": {}}

    def vocabulary(self, by: str) -> set[str]:
        """The distinct words, by their ``by`` form (folded, or texts as written)."""
        if by not in self._vocabulary:
            self._vocabulary[by] = set(getattr(self, by))
        return self._vocabulary[by]

    def members(self, word_class: WordClass, by: str) -> set[str]:
        """A set holding every word of the document (by its ``by`` form) in the class, and maybe others."""
        members = self._members[by][word_class] = word_class.of(self.vocabulary(by))
        return members

    def words(self, text: str, start: int, end: int) -> Words | None:
        """The words of text[start:end], or None when a word of the whole text straddles an end
        (tokenizing the slice alone would cut it)."""
        starts, ends = self.starts, self.ends
        i = bisect_left(starts, start)
        j = max(i, bisect_left(starts, end))
        if (i and ends[i - 1] > start) or (j and ends[j - 1] > end):
            return None
        breaks = self.breaks[i:j] or [False]
        breaks[0] = False
        gaps = self.gaps[i:j]
        if gaps:
            gaps[0] = gap_flags(text[start:starts[i]])
        return Words(self.texts[i:j], starts[i:j], ends[i:j], self.folded[i:j], breaks, gaps, self, i)


@lru_cache(maxsize=8)
def _document(text: str) -> _Document:
    return _Document(text)


def words_of(text: str, start: int = 0, end: int | None = None, memo: bool = True) -> Words:
    """Tokenize ``text[start:end]``; offsets stay absolute. ``memo=False`` for one-off slices."""
    end = len(text) if end is None else end
    return _words(text, start, end) if memo else _words.__wrapped__(text, start, end)


@lru_cache(maxsize=65536)  # every extractor reads the same pledge; str hashes are cached, so keys are cheap
def _words(text: str, start: int, end: int) -> Words:
    words = _document(text).words(text, start, end)
    if words is not None:
        return words
    tokens = tokenize(text, start, end)
    gaps, previous = [], start
    for token in tokens:
        gaps.append(gap_flags(text[previous:token.start]))
        previous = token.end
    breaks = [False]
    breaks += [bool(g & BREAK) for g in gaps[1:]]
    return Words([t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens],
                 [folded(t.text) for t in tokens], breaks, gaps)


def _fits(word: str, part: str) -> bool:
    if part.endswith("*"):
        return word.startswith(part[:-1])
    if part.startswith("*"):
        return _ends_with(word, part[1:])
    return word == part


def _ends_with(word: str, ending: str) -> bool:
    """A word ending entry ("*aremos", a future tense) fits words with SUFFIX_STEM letters before it."""
    return word.endswith(ending) and len(word) - len(ending) >= SUFFIX_STEM


@frozen_dataclass
class Pattern:
    """One data-file entry: words, word prefixes (``word*``), word endings (``*ending``, as in the
    language files' cue lists) and gaps (``...``) of up to GAP_WORDS words."""

    parts: tuple[str, ...]
    # The parts after the first, as (word or prefix, is a prefix), for a pattern without gaps.
    steps: tuple[tuple[str, bool], ...] | None = field(default=None, compare=False, repr=False)
    # Parts that are word endings ("*eront"): an ending says the tense, a word or prefix the verb,
    # so of two matches that pin down as many words the one with fewer endings wins ("envisageront"
    # is "envisag*", consider, before "*eront", will).
    endings: int = field(default=0, compare=False, repr=False)

    @classmethod
    def parse(cls, entry: str) -> Pattern:
        parts = tuple(fold(p) for p in entry.split())
        if not parts or parts[0] == GAP or parts[-1] == GAP:
            raise ValueError(f"bad pattern {entry!r}: empty, or a gap at an end")
        # A phrase of plain words and prefixes takes the fast path of ``rest``; gaps and endings take ``_match``.
        plain = GAP not in parts and not any(p.startswith("*") for p in parts[1:])
        steps = tuple((p[:-1], True) if p.endswith("*") else (p, False) for p in parts[1:]) if plain else None
        return cls(parts, steps, sum(1 for p in parts if p.startswith("*") and p != "*"))

    @property
    def weight(self) -> int:
        """Words the pattern pins down; more specific patterns win."""
        return sum(1 for p in self.parts if p != GAP)

    def rest(self, words: Words, i: int) -> int:
        """End index (exclusive) of the shortest match starting at word i, when its first part is
        known to fit there, or -1."""
        steps = self.steps
        if steps is None:
            return self._match(words, i + 1, 1)
        # A phrase without gaps: each next word fits its part, with no clause break before it.
        folded, breaks, n = words.folded, words.breaks, len(words.texts)
        at = i
        for value, prefix in steps:
            at += 1
            if at >= n or breaks[at] or not (folded[at].startswith(value) if prefix else folded[at] == value):
                return -1
        return at + 1

    def _match(self, words: Words, i: int, k: int) -> int:
        if k == len(self.parts):
            return i
        part = self.parts[k]
        n = len(words.texts)
        if part == GAP:
            for skip in range(GAP_WORDS + 1):
                at = i + skip
                if at >= n or (skip and words.breaks[at]) or (at > i and words.breaks[i]):
                    break
                end = self._match(words, at, k + 1)
                if end >= 0:
                    return end
            return -1
        if i >= n or not _fits(words.folded[i], part):
            return -1
        if k and self.parts[k - 1] != GAP and words.breaks[i]:
            return -1  # a phrase does not run across a clause break
        return self._match(words, i + 1, k + 1)


class Hit(NamedTuple, Generic[T]):
    """A pattern matched at words[start:end] (a NamedTuple: hits are made by the hundred thousand)."""

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
        self._endings: list[tuple[str, int, Pattern, T]] = []  # patterns whose first part is a word ending
        # word -> (order, pattern, payload, single, weight) of the patterns that may start there;
        # ``single`` when the pattern is that one word, so that it matches wherever it may start.
        self._memo: dict[str, list[tuple[int, Pattern, T, bool, int]]] = {}
        self._payloads: dict[str, frozenset[T]] = {}  # word -> payloads, when its patterns are all that one word
        for order, (entry, payload) in enumerate(entries):
            pattern = Pattern.parse(entry)
            first = pattern.parts[0]
            if first.endswith("*"):
                self._prefix.setdefault(first[:-1][:PREFIX_KEY], []).append((first[:-1], order, pattern, payload))
            elif first.startswith("*") and len(first) > 1:
                self._endings.append((first[1:], order, pattern, payload))
            else:
                self._exact.setdefault(first, []).append((order, pattern, payload))
        prefixes = tuple(prefix for entries in self._prefix.values() for prefix, *_ in entries if prefix)
        # The words some pattern may start at: a first word itself, or a word with a first prefix.
        endings = tuple(ending for ending, *_ in self._endings)
        self.first_words = WordClass(lambda words: (words & self._exact.keys()) | {w for w in words if w.startswith(prefixes)}
                                     | ({w for w in words if w.endswith(endings) and any(_ends_with(w, e) for e in endings)} if endings else set()))

    def _candidates(self, word: str) -> list[tuple[int, Pattern, T, bool, int]]:
        cached = self._memo.get(word)
        if cached is None:
            found = list(self._exact.get(word, ()))
            for key in {word[:k] for k in range(1, PREFIX_KEY + 1)}:
                found += [(order, pattern, payload) for prefix, order, pattern, payload in self._prefix.get(key, ()) if word.startswith(prefix)]
            found += [(order, pattern, payload) for ending, order, pattern, payload in self._endings if _ends_with(word, ending)]
            cached = [(order, pattern, payload, len(pattern.parts) == 1, pattern.weight) for order, pattern, payload in found]
            remember(self._memo, word, cached)
        return cached

    def starts(self, words: Words) -> list[int]:
        """Indices of the words where some pattern may start (its first word fits); no other word matches."""
        return words.where(self.first_words)

    def may_start(self, word: str) -> bool:
        """Whether some pattern may start at this folded word."""
        cached = self._memo.get(word)
        return bool(cached if cached is not None else self._candidates(word))

    def payloads_at(self, words: Words, i: int) -> AbstractSet[T]:
        """The payloads of every pattern matching at word i, not only the best one."""
        word = words.folded[i]
        known = self._payloads.get(word)
        if known is not None:
            return known
        candidates = self._candidates(word)
        if all(single for _, _, _, single, _ in candidates):  # the word alone decides
            known = remember(self._payloads, word, frozenset(payload for _, _, payload, _, _ in candidates))
            return known
        # The first word fits every candidate, so the match goes on from the second part.
        return {payload for _, pattern, payload, single, _ in candidates if single or pattern.rest(words, i) >= 0}

    def match_at(self, words: Words, i: int) -> Hit[T] | None:
        candidates = self._memo.get(words.folded[i])
        if candidates is None:
            candidates = self._candidates(words.folded[i])
        if not candidates:
            return None
        if len(candidates) == 1 and candidates[0][3]:  # one pattern, that one word
            return Hit(i, i + 1, candidates[0][2], candidates[0][4])
        best: tuple[tuple[int, int, int, int], int, T, int] | None = None
        for order, pattern, payload, single, weight in candidates:
            end = i + 1 if single else pattern.rest(words, i)
            if end < 0:
                continue
            rank = (-weight, pattern.endings, end - i, order)
            if best is None or rank < best[0]:
                best = (rank, end, payload, weight)
        return Hit(i, best[1], best[2], best[3]) if best else None

    def find_all(self, words: Words) -> list[Hit[T]]:
        """Non-overlapping matches left to right."""
        return list(self.iter_all(words))

    def iter_all(self, words: Words) -> Iterator[Hit[T]]:
        """``find_all`` one match at a time, for a caller that may stop at the first it wants."""
        i = 0
        for k in self.starts(words):
            if k < i:
                continue
            hit = self.match_at(words, k)
            if hit is not None:
                yield hit
                i = hit.end


@cache
def load_data(folder: str, name: str) -> dict[str, Any] | None:
    """``statediff/data/<folder>/<name>.toml`` parsed, or None when that language has no file."""
    try:
        return read_data(f"{folder}/{name}.toml")
    except FileNotFoundError:
        return None


@lru_cache(maxsize=32768)  # strength, names and topics all ask for the same pledge
def attributions_of(text: str, language: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Spans of a news report's attribution tags ("сообщает Day.Az", "Подчеркивается, что"),
    from the language's attribution_patterns: their words are the reporter's, not the parties'.
    Worked out once per span."""
    if language not in SUPPORTED:
        return ()
    found: list[tuple[int, int]] = []
    piece = None
    words = None
    gates = _attribution_gates(language)
    if gates and None not in gates:  # every pattern has a gate: first, one test for them all
        words = words_of(text, start, end)
        if not words.where(_any_gate(language), "texts"):
            return ()
    for pattern, gate in zip(get_language(language).attribution_patterns, gates, strict=True):
        if gate is not None:
            if words is None:
                words = words_of(text, start, end)
            if not words.where(gate, "texts"):
                continue  # no word holds what every match of the pattern spells
        if piece is None:
            # Searched in the slice itself: the patterns anchor on "^" at the start of the pledge.
            piece = text[start:end]
        found.extend((start + m.start(), start + m.end()) for m in pattern.finditer(piece))
    return tuple(found)


@cache
def _attribution_gates(language: str) -> tuple[WordClass | None, ...]:
    return tuple(required_words(pattern) for pattern in get_language(language).attribution_patterns)


@cache
def _any_gate(language: str) -> WordClass:
    """The words some attribution pattern's gate lets through."""
    gates = [gate for gate in _attribution_gates(language) if gate is not None]
    return WordClass(lambda new: set().union(*(gate.of(new) & new for gate in gates)))


def required_words(pattern: re.Pattern[str]) -> WordClass | None:
    """The words (as written) that may hold a piece of every match of ``pattern``, or None when
    the pattern has no such piece that can be told (``literals.required_chunks``: each lies
    inside one word of the text, matched by the same engine with the same case rule)."""
    chunks = required_chunks(pattern)
    if chunks is None:
        return None
    spells = recache.compile("|".join(re.escape(c) for c in sorted(chunks)), pattern.flags & re.IGNORECASE)
    return WordClass(lambda new: {w for w in new if spells.search(w)})


@cache
def cached_stemmer(language: str) -> Callable[[str], str]:
    """The language's stemmer with a memo: names and numbers stem the same few thousand words again and again."""
    return cache(stemmer_for(language))
