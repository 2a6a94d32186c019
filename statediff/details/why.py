"""Why two pledges matched: the matching terms both share, rarest first, as written on each side."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from ..features import AliasRule, Featurizer
from ..model import Commitment, Segmentation
from ..segment.tokens import Token, tokenize
from .types import SharedTerm

MAX_SHARED = 6  # a reader needs the few terms that carried the score, not the whole overlap


class TermIndex:
    """The align stage's terms (Featurizer.terms of match_text) of both statements, with IDF."""

    def __init__(self, old: Segmentation, new: Segmentation) -> None:
        self.featurizers = {"old": Featurizer(old.language), "new": Featurizer(new.language)}
        self.terms = {
            "old": [set(self.featurizers["old"].terms(c.match_text)) for c in old.commitments],
            "new": [set(self.featurizers["new"].terms(c.match_text)) for c in new.commitments],
        }
        df: Counter[str] = Counter()
        for side in self.terms.values():
            for terms in side:
                df.update(terms)
        n = max(1, len(old.commitments) + len(new.commitments))
        self.idf = {term: math.log(1 + n / count) for term, count in df.items()}
        self._surfaces: dict[tuple[str, str], dict[str, str]] = {}
        self._word_terms: dict[str, dict[str, list[str]]] = {"old": {}, "new": {}}

    def shared(self, old: Sequence[tuple[int, Commitment]], new: Sequence[tuple[int, Commitment]]) -> tuple[SharedTerm, ...]:
        """Terms of the old members that the new members also have, highest IDF first."""
        old_terms = set().union(*(self.terms["old"][i] for i, _ in old))
        new_terms = set().union(*(self.terms["new"][j] for j, _ in new))
        common = sorted(old_terms & new_terms, key=lambda t: (-self.idf.get(t, 0.0), t))[:MAX_SHARED]
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
                self._surfaces[key] = surface_terms(self.featurizers[side], commitment.text, self._word_terms[side])
            for term, word in self._surfaces[key].items():
                out.setdefault(term, word)
        return out


def surface_terms(featurizer: Featurizer, text: str, memo: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Each term of ``text`` mapped to the words it was made from, first occurrence ("=cica" → "СВМДА").

    ``memo`` keeps the terms of single words across calls: pledges share most of their words."""
    memo = {} if memo is None else memo
    tokens = tokenize(text)
    out: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        rule = _alias_at(featurizer, tokens, i)
        if rule is not None:
            n = len(rule.words)
            out.setdefault("=" + rule.key, " ".join(text[tokens[i].start:tokens[i + n - 1].end].split()))
            i += n
            continue
        word = tokens[i].text
        if word not in memo:
            memo[word] = featurizer.terms(word)
        for term in memo[word]:
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
