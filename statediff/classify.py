"""Classify stage: turn aligned groups into persisted / modified / new / dropped changes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from rapidfuzz.distance import Indel

from .model import Alignment, Change, Segmentation, Status
from .segment.tokens import WORD_RE, folded, plain_marks

# Persisted means the same pledge in near-identical words: a one-to-one link whose word-level
# similarity (Indel over lower-cased word tokens) is at least this. The details stage then
# makes a persisted pledge modified when its figures or its strength changed
# (``details.annotate``, with ``figures_changed`` below). See ARCHITECTURE.md.
DEFAULT_PERSIST_THRESHOLD = 0.9


def _words(text: str) -> list[str]:
    return folded(WORD_RE.findall(plain_marks(text)))  # Token.lower of each token, memoised per word


def word_similarity(old_text: str, new_text: str) -> float:
    """Share of words two pledges have in the same order, in [0, 1] (curly and straight
    apostrophes, quotes and dashes count as the same)."""
    return Indel.normalized_similarity(_words(old_text), _words(new_text))


# Thousands separators ("2,000", "2 000", "1.500") and footnote marks ("[3]") are not figures of their own.
_THOUSANDS = re.compile(r"(?<=\d)[,.\s\u00a0\u202f'’](?=\d{3}(?!\d))")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
_DIGITS = re.compile(r"\d+")


def _figures(text: str) -> Counter[str]:
    return Counter(_DIGITS.findall(_THOUSANDS.sub("", _FOOTNOTE.sub(" ", text))))


def figures_changed(old_text: str, new_text: str, is_number_word: Callable[[str], bool]) -> bool:
    """Whether the figures of two wordings differ, read from the text alone: their digits ("10"
    → "5", "2030" → "2035"; not "G7" → "G-7" or "2,000" → "2 000") or a number word
    (``details.numbers.number_word``: "three" → "five") one has more often than the other. The
    details stage asks this only where it parsed no figure (its values decide otherwise)."""
    old_words, new_words = _words(old_text), _words(new_text)
    if old_words == new_words:
        return False
    if _figures(old_text) != _figures(new_text):
        return True
    counts = Counter(old_words)
    counts.subtract(new_words)
    return any(n and is_number_word(w) for w, n in counts.items())


def classify(old: Segmentation, new: Segmentation, alignment: Alignment, persist_threshold: float = DEFAULT_PERSIST_THRESHOLD) -> tuple[Change, ...]:
    """One change per group; every commitment of both sides lands in exactly one change."""
    changes: list[Change] = []
    for link in alignment.links:
        old_text = " ".join(old.commitments[i].text for i in link.old)
        new_text = " ".join(new.commitments[j].text for j in link.new)
        similarity = round(word_similarity(old_text, new_text), 4)
        one_to_one = len(link.old) == 1 and len(link.new) == 1
        status = Status.PERSISTED if one_to_one and similarity >= persist_threshold else Status.MODIFIED
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
