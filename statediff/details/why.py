"""Why two pledges matched: the matching terms both share, rarest first, as written on each side."""

from __future__ import annotations

import math
from collections import Counter

from ..features import AliasRule, Featurizer, concept_terms, featurizer_for
from ..languages import across_languages
from ..model import Segmentation
from ..segment.tokens import WORD_RE, Token, tokenize
from ..segment.tokens import fold as fold_token
from .patterns import WordClass, Words, words_of
from .types import SharedTerm

MAX_SHARED = 6  # a reader needs the few terms that carried the score, not the whole overlap


class TermIndex:
    """The align stage's terms (Featurizer.terms of match_text) of both statements, with IDF."""

    def __init__(self, old: Segmentation, new: Segmentation) -> None:
        # The align stage's own featurizers: their memos of stems and terms are warm already.
        self.featurizers = {"old": featurizer_for(old.language), "new": featurizer_for(new.language)}
        # Across languages align reads the words of data/concepts.toml as their concept
        # ("торговля", "ticaret": ~trade): so do the shared terms, or a translation shares none.
        across = across_languages(old.language, new.language)
        self._sides = {side: _Side(seg, _lexicon(self.featurizers[side]), concept_terms(seg.language) if across else None)
                       for side, seg in (("old", old), ("new", new))}
        self.terms = {side: [self._sides[side].terms(i) for i in range(len(seg.commitments))] for side, seg in (("old", old), ("new", new))}
        df: Counter[str] = Counter()
        for side in self.terms.values():
            for terms in side:
                df.update(terms)
        n = max(1, len(old.commitments) + len(new.commitments))
        self.idf = {term: math.log(1 + n / count) for term, count in df.items()}
        self._rank = {term: (-idf, term) for term, idf in self.idf.items()}  # the order of shared terms
        self._weight = {term: round(idf, 4) for term, idf in self.idf.items()}

    def shared_by_index(self, old: list[int], new: list[int]) -> tuple[SharedTerm, ...]:
        """Terms of the old members (indices) that the new members also have, highest IDF first."""
        old_terms = self.terms["old"][old[0]] if len(old) == 1 else set().union(*(self.terms["old"][i] for i in old))
        new_terms = self.terms["new"][new[0]] if len(new) == 1 else set().union(*(self.terms["new"][j] for j in new))
        common = old_terms & new_terms
        if not common:
            return ()
        rank = self._rank
        top = sorted(common, key=rank.__getitem__)[:MAX_SHARED] if len(common) > 1 else list(common)
        old_side, new_side, weight = self._sides["old"], self._sides["new"], self._weight
        if len(old) == 1 and len(new) == 1:  # one pledge a side: its own surfaces
            old_words, new_words = old_side.surfaces(old[0]), new_side.surfaces(new[0])
            return tuple(SharedTerm(term, old_words.get(term, term), new_words.get(term, term), weight[term]) for term in top)
        return tuple(SharedTerm(term, old_side.surface(old, term), new_side.surface(new, term), weight[term]) for term in top)


class _Lexicon:
    """What one featurizer makes of single words, each worked out once."""

    def __init__(self, featurizer: Featurizer) -> None:
        self.featurizer = featurizer
        self.term: dict[str, str | None] = {}  # Featurizer.terms of the word alone: at most one term
        self._multi: dict[str, tuple[AliasRule, ...]] = {}
        self._stem: dict[str, str] = {}
        self._surface_rules: dict[str, list[AliasRule]] = {}
        self._surface_stem: dict[str, str] = {}
        # Words where Featurizer.terms may match an alias of several words, and where surface_terms may match any alias.
        self.multi_starts = WordClass(lambda new: {w for w in new if self.multi_rules(w)})
        self.alias_starts = WordClass(lambda new: {w for w in new if self.surface_rules(w)})

    def learn(self, words: set[str]) -> None:
        word_term = self.featurizer.word_term  # the words are tokens of the document
        for word in words.difference(self.term):
            self.term[word] = word_term(word)

    def stem(self, word: str) -> str:
        """The stem Featurizer.terms compares with alias rules: of the word folded as it folds words."""
        stem = self._stem.get(word)
        if stem is None:
            stem = self._stem[word] = self.featurizer.stem(fold_token(word).replace("ё", "е"))
        return stem

    def multi_rules(self, word: str) -> tuple[AliasRule, ...]:
        """The alias rules of several words that Featurizer.terms tries at this word, in its order.
        They come before every rule of one word, so where none matches, the word's term is
        Featurizer.terms of the word alone."""
        rules = self._multi.get(word)
        if rules is None:
            first = self.featurizer.first_words
            candidates = first.get(word.replace(".", ""), []) + first.get(self.stem(word), [])
            rules = self._multi[word] = tuple(r for r in sorted(candidates, key=lambda r: len(r.words), reverse=True) if len(r.words) > 1)
        return rules

    def multi_match(self, texts: list[str], i: int, end: int) -> AliasRule | None:
        """The alias of several words Featurizer.terms matches at texts[i] (the text ending before texts[end])."""
        for rule in self.multi_rules(texts[i]):  # (none exact: an acronym's rule is one word)
            n = len(rule.words)
            if i + n <= end and tuple(self.stem(w) for w in texts[i:i + n]) == rule.words:
                return rule
        return None

    def surface_stem(self, word: str) -> str:
        stem = self._surface_stem.get(word)
        if stem is None:
            stem = self._surface_stem[word] = self.featurizer.stem(fold_token(word))
        return stem

    def surface_rules(self, word: str) -> list[AliasRule]:
        """The rules _alias_at tries at this word, in its order."""
        rules = self._surface_rules.get(word)
        if rules is None:
            first = self.featurizer.first_words
            candidates = first.get(word.replace(".", ""), []) + first.get(self.surface_stem(word), [])
            rules = self._surface_rules[word] = sorted(candidates, key=lambda r: len(r.words), reverse=True)
        return rules

    def surface_match(self, texts: list[str], i: int, end: int) -> AliasRule | None:
        """_alias_at over the words texts[:end]."""
        exact = texts[i].replace(".", "")
        for rule in self.surface_rules(texts[i]):
            n = len(rule.words)
            if rule.exact and exact == rule.words[0]:
                return rule
            if not rule.exact and i + n <= end and tuple(self.surface_stem(w) for w in texts[i:i + n]) == rule.words:
                return rule
        return None


_LEXICONS: dict[int, tuple[Featurizer, _Lexicon]] = {}


def _lexicon(featurizer: Featurizer) -> _Lexicon:
    held = _LEXICONS.get(id(featurizer))
    if held is None or held[0] is not featurizer:
        held = _LEXICONS[id(featurizer)] = (featurizer, _Lexicon(featurizer))
    return held[1]


class _Side:
    """One statement's pledges as slices of its document's words, with the terms of every word.

    A pledge whose match_text is its text and whose words are a slice of the document's gets its
    terms and the words they were made from by list look-ups; any other falls back to
    Featurizer.terms and surface_terms of its own text."""

    def __init__(self, seg: Segmentation, lexicon: _Lexicon, concepts: dict[str, str] | None = None) -> None:
        self.seg, self.lex, self.concepts = seg, lexicon, concepts
        text = seg.document.text
        self.words: list[Words | None] = []
        for c in seg.commitments:
            words = words_of(text, c.start, c.end)
            plain = words.doc is not None and c.match_text == c.text and text[c.start:c.end] == c.text
            self.words.append(words if plain else None)
        doc = next((w.doc for w in self.words if w is not None), None)
        self.doc = doc
        if doc is not None:
            lexicon.learn(doc.vocabulary("texts"))
            self.doc_terms = list(map(lexicon.term.__getitem__, doc.texts))
        self._surfaces: dict[int, dict[str, str]] = {}
        self._memo: dict[str, _WordEntry] = {}

    def terms(self, i: int) -> set[str]:
        """set(Featurizer.terms(match_text)) of commitment i, concept words read as their concept
        when ``concepts`` is given (align.term_sets)."""
        found = self._own_terms(i)
        return found if self.concepts is None else {self.concepts.get(t, t) for t in found}

    def _own_terms(self, i: int) -> set[str]:
        words = self.words[i]
        if words is None or words.doc is not self.doc or self.doc is None:
            return set(self.lex.featurizer.terms(self.seg.commitments[i].match_text))
        start, end = words.offset, words.offset + len(words)
        doc_terms = self.doc_terms
        starts = words.where(self.lex.multi_starts, "texts")
        if not starts:
            out = set(doc_terms[start:end])
        else:  # Featurizer.terms left to right: an alias of several words stands for them all
            out, at, texts = set(), start, self.doc.texts
            for k in (start + i for i in starts):
                if k < at:
                    continue
                rule = self.lex.multi_match(texts, k, end)
                if rule is not None:
                    out.update(doc_terms[at:k])
                    out.add("=" + rule.key)
                    at = k + len(rule.words)
            out.update(doc_terms[at:end])
        out.discard(None)
        return out

    def surface(self, members: list[int], term: str) -> str:
        """The word(s) ``term`` was made from in the first of the members that has it, as
        surface_terms finds them; the term itself when none has it."""
        for i in members:
            found = self.surfaces(i)
            if term in found:
                return found[term]
        return term

    def surfaces(self, i: int) -> dict[str, str]:
        """surface_terms of commitment i's text, worked out once."""
        found = self._surfaces.get(i)
        if found is None:
            found = self._surface_terms(i)
            if self.concepts is not None:
                concepts, read = self.concepts, found
                found = {}
                for term, words in read.items():  # the first words that stand for a concept name it
                    found.setdefault(concepts.get(term, term), words)
            self._surfaces[i] = found
        return found

    def _surface_terms(self, i: int) -> dict[str, str]:
        """surface_terms of commitment i's text."""
        words = self.words[i]
        if words is None or words.doc is not self.doc or self.doc is None:
            return surface_terms(self.lex.featurizer, self.seg.commitments[i].text, self._memo)
        doc, text = self.doc, self.seg.document.text
        start, end = words.offset, words.offset + len(words)
        # Each word's own term, or an alias standing for several words, in reading order.
        events: list[tuple[str | None, str]] = []
        at = start
        for k in (start + i for i in words.where(self.lex.alias_starts, "texts")):
            if k < at:
                continue
            rule = self.lex.surface_match(doc.texts, k, end)
            if rule is not None:
                n = len(rule.words)
                events.extend(zip(self.doc_terms[at:k], doc.texts[at:k], strict=True))
                events.append(("=" + rule.key, " ".join(text[doc.starts[k]:doc.ends[k + n - 1]].split())))
                at = k + n
        events.extend(zip(self.doc_terms[at:end], doc.texts[at:end], strict=True))
        found = dict(reversed(events))  # the first occurrence of a term wins
        found.pop(None, None)  # type: ignore[call-overload]
        return found  # type: ignore[return-value]


# A word's entry in the memos below: whether an alias may start at it, and Featurizer.terms of the word alone.
_WordEntry = tuple[bool, list[str]]


def _word_entry(featurizer: Featurizer, word: str, memo: dict[str, _WordEntry]) -> _WordEntry:
    first = featurizer.first_words
    # Every spelling an alias rule may be looked up by, here or in Featurizer.terms: a word none
    # of them reaches starts no alias, and has the terms of the word alone.
    spellings = {word.lower(), fold_token(word), fold_token(word).replace("ё", "е")}
    may_alias = word.replace(".", "") in first or any(featurizer.stem(s) in first for s in spellings)
    entry = memo[word] = (may_alias, featurizer.terms(word))
    return entry


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
