"""Classify stage: turn aligned groups into persisted / modified / new / dropped changes."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from rapidfuzz.distance import Indel

from . import recache
from .languages import across_languages, get_language
from .model import Alignment, Change, Segmentation, Status
from .segment.tokens import CURRENCY_SIGNS, WORD_RE, folded, plain_marks

# Persisted means the same pledge in near-identical words: a one-to-one link whose word-level
# similarity (Indel over lower-cased word tokens) is at least this. The details stage then
# makes a persisted pledge modified when its figures or its strength changed
# (``details.annotate``). See ARCHITECTURE.md.
DEFAULT_PERSIST_THRESHOLD = 0.9


# Currency signs count as words: "€500 million" → "$500 million" is no identical wording.
_WORD_OR_CURRENCY_RE = recache.compile(rf"{WORD_RE.pattern}|[{CURRENCY_SIGNS}]", WORD_RE.flags)


def _words(text: str) -> list[str]:
    """The words two wordings are compared by: lower case, composed, typographic marks plain,
    currency signs as words."""
    return folded(_WORD_OR_CURRENCY_RE.findall(plain_marks(text)))  # Token.lower of each token, memoised per word


def word_similarity(old_text: str, new_text: str, respell: Callable[[str], str] | None = None) -> float:
    """Share of words two pledges have in the same order, in [0, 1] (curly and straight
    apostrophes, quotes and dashes count as the same; with ``respell``, a language's two
    spellings of a word too: "defence" and "defense")."""
    old_words, new_words = _words(old_text), _words(new_text)
    if respell is not None:
        old_words, new_words = list(map(respell, old_words)), list(map(respell, new_words))
    return Indel.normalized_similarity(old_words, new_words)


def classify(old: Segmentation, new: Segmentation, alignment: Alignment, persist_threshold: float = DEFAULT_PERSIST_THRESHOLD) -> tuple[Change, ...]:
    """One change per group; every commitment of both sides lands in exactly one change."""
    changes: list[Change] = []
    # Across languages the words cannot be compared: a one-to-one link is persisted, and the
    # details stage makes it modified when its figures changed.
    across = across_languages(old.language, new.language)
    spelling = get_language(old.language).spelling if old.language == new.language else None
    respell = cache(spelling.respell) if spelling is not None else None  # words repeat: each is respelled once
    for link in alignment.links:
        old_text = " ".join(old.commitments[i].text for i in link.old)
        new_text = " ".join(new.commitments[j].text for j in link.new)
        similarity = round(word_similarity(old_text, new_text, respell), 4)
        one_to_one = len(link.old) == 1 and len(link.new) == 1
        status = Status.PERSISTED if one_to_one and (similarity >= persist_threshold or across) else Status.MODIFIED
        changes.append(
            Change(
                status=status,
                old=tuple(old.commitments[i].id for i in link.old),
                new=tuple(new.commitments[j].id for j in link.new),
                score=round(min(1.0, max(0.0, link.score)), 4),
                word_similarity=similarity,
            )
        )
    linked_old = {i for link in alignment.links for i in link.old}
    linked_new = {j for link in alignment.links for j in link.new}
    for i, commitment in enumerate(old.commitments):
        if i not in linked_old:
            changes.append(Change(Status.DROPPED, (commitment.id,), (), None))
    for j, commitment in enumerate(new.commitments):
        if j not in linked_new:
            changes.append(Change(Status.NEW, (), (commitment.id,), None))
    return tuple(changes)
