"""Why two pledges matched: the matching terms both share, rarest first, as written on each side."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from ..features import AliasRule, Featurizer, featurizer_for
from ..model import Commitment, Segmentation
from ..segment.tokens import WORD_RE, Token, tokenize
from .patterns import fold
from .types import SharedTerm

MAX_SHARED = 6  # a reader needs the few terms that carried the score, not the whole overlap


class TermIndex:
    """The align stage's terms (Featurizer.terms of match_text) of both statements, with IDF."""

    def __init__(self, old: Segmentation, new: Segmentation) -> None:
        # The align stage's own featurizers: their memos of stems and terms are warm already.
        self.featurizers = {"old": featurizer_for(old.language), "new": featurizer_for(new.language)}
        self._words: dict[str, dict[str, _WordEntry]] = {"old": {}, "new": {}}
        self.terms = {
            "old": [_term_set(self.featurizers["old"], c.match_text, self._words["old"]) for c in old.commitments],
            "new": [_term_set(self.featurizers["new"], c.match_text, self._words["new"]) for c in new.commitments],
        }
        df: Counter[str] = Counter()
        for side in self.terms.values():
            for terms in side:
                df.update(terms)
        n = max(1, len(old.commitments) + len(new.commitments))
        self.idf = {term: math.log(1 + n / count) for term, count in df.items()}
        self._surfaces: dict[tuple[str, str], dict[str, str]] = {}

    def shared(self, old: Sequence[tuple[int, Commitment]], new: Sequence[tuple[int, Commitment]]) -> tuple[SharedTerm, ...]:
        """Terms of the old members that the new members also have, highest IDF first."""
        old_terms = set().union(*(self.terms["old"][i] for i, _ in old))
        new_terms = set().union(*(self.terms["new"][j] for j, _ in new))
        common = sorted(old_terms & new_terms, key=lambda t: (-self.idf.get(t, 0.0), t))[:MAX_SHARED]
        if not common:
            return ()
        old_words = self._surface("old", [c for _, c in old])
        new_words = self._surface("new", [c for _, c in new])
        return tuple(
            SharedTerm(term, old_words.get(term, term), new_words.get(term, term), round(self.idf.get(term, 0.0), 4)) for term in common
        )

    def _surface(self, side: str, commitments: Sequence[Commitment]) -> dict[str, str]:
        out: dict[str, str] = {}
        for commitment in commitments:
            key = (side, commitment.id)
            if key not in self._surfaces:
                self._surfaces[key] = surface_terms(self.featurizers[side], commitment.text, self._words[side])
            for term, word in self._surfaces[key].items():
                out.setdefault(term, word)
        return out


# A word's entry in the memos below: whether an alias may start at it, and Featurizer.terms of the word alone.
_WordEntry = tuple[bool, list[str]]


def _word_entry(featurizer: Featurizer, word: str, memo: dict[str, _WordEntry]) -> _WordEntry:
    first = featurizer.first_words
    # Every spelling an alias rule may be looked up by, here or in Featurizer.terms (lower-cased,
    # or folded as well): a word none of them reaches starts no alias, so a text of such words has
    # the terms of its words one by one.
    lower = word.lower()
    may_alias = word.replace(".", "") in first or featurizer.stem(lower) in first or featurizer.stem(fold(lower)) in first
    entry = memo[word] = (may_alias, featurizer.terms(word))
    return entry


def _term_set(featurizer: Featurizer, text: str, memo: dict[str, _WordEntry]) -> set[str]:
    """``set(featurizer.terms(text))``, from the memoised terms of its words when no alias may start."""
    out: set[str] = set()
    for word in WORD_RE.findall(text):
        entry = memo.get(word) or _word_entry(featurizer, word, memo)
        if entry[0]:
            return set(featurizer.terms(text))
        out.update(entry[1])
    return out


def surface_terms(featurizer: Featurizer, text: str, memo: dict[str, _WordEntry] | None = None) -> dict[str, str]:
    """Each term of ``text`` mapped to the words it was made from, first occurrence ("=cica" → "СВМДА").

    ``memo`` keeps the terms of single words across calls: pledges share most of their words."""
    memo = {} if memo is None else memo
    words = WORD_RE.findall(text)
    entries = [memo.get(word) or _word_entry(featurizer, word, memo) for word in words]
    out: dict[str, str] = {}
    if not any(may_alias for may_alias, _ in entries):
        for word, (_, terms) in zip(words, entries, strict=True):
            for term in terms:
                out.setdefault(term, word)
        return out
    tokens = tokenize(text)  # the same words, with offsets for the aliases' surface
    i = 0
    while i < len(tokens):
        rule = _alias_at(featurizer, tokens, i) if entries[i][0] else None
        if rule is not None:
            n = len(rule.words)
            out.setdefault("=" + rule.key, " ".join(text[tokens[i].start:tokens[i + n - 1].end].split()))
            i += n
            continue
        word = tokens[i].text
        for term in entries[i][1]:
            out.setdefault(term, word)
        i += 1
    return out


def _alias_at(featurizer: Featurizer, tokens: list[Token], i: int) -> AliasRule | None:
    """The longest alias starting at token i, matched as Featurizer.terms matches it: acronyms as
    written, other forms word by word after stemming."""
    exact = tokens[i].text.replace(".", "")
    rules = featurizer.first_words.get(exact, []) + featurizer.first_words.get(featurizer.stem(tokens[i].lower), [])
    for rule in sorted(rules, key=lambda r: len(r.words), reverse=True):
        n = len(rule.words)
        if rule.exact and exact == rule.words[0]:
            return rule
        if not rule.exact and i + n <= len(tokens) and tuple(featurizer.stem(t.lower) for t in tokens[i:i + n]) == rule.words:
            return rule
    return None
