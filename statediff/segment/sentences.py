"""Sentence splitting: razdel, then small named repair rules for abbreviations it misses."""

from __future__ import annotations

import re

from razdel import sentenize

from ..languages import Language

_LAST_WORD_RE = re.compile(r"(\S+)\s*$")
_INITIAL_RE = re.compile(r"(?:^|\s)[A-ZА-ЯЁ]\.$")
_ACRONYM_START_RE = re.compile(r"^[\"«“(]?[A-ZА-ЯЁ]{2,}\b")


def split_sentences(text: str, start: int, end: int, language: Language) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as absolute (start, end) spans, whitespace trimmed."""
    pieces = [(start + s.start, start + s.stop) for s in sentenize(text[start:end])]
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and _should_join(text, merged[-1], piece, language):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    return merged


def _should_join(text: str, previous: tuple[int, int], current: tuple[int, int], language: Language) -> bool:
    left = text[previous[0]:previous[1]]
    right = text[current[0]:current[1]]
    return any(rule(left, right, language) for rule in _JOIN_RULES)


def _ends_with_prefix_abbreviation(left: str, right: str, language: Language) -> bool:
    """'г. Нур-Султан', 'St. Louis', 'No. 5': the abbreviation always continues the sentence."""
    return _last_word(left) in language.prefix_abbreviations


def _ends_with_initial(left: str, right: str, language: Language) -> bool:
    """'А. Байель', 'Joseph R. Biden': a lone capital and a dot is an initial."""
    return bool(_INITIAL_RE.search(left)) and right[:1].isupper()


def _abbreviation_before_continuation(left: str, right: str, language: Language) -> bool:
    """'5 млрд. долл. США', 'Feb. 3': an abbreviation followed by a digit, lower case or acronym."""
    if _last_word(left) not in language.abbreviations:
        return False
    first = right.lstrip("\"«“(")[:1]
    return first.isdigit() or first.islower() or bool(_ACRONYM_START_RE.match(right))


def _starts_lowercase(left: str, right: str, language: Language) -> bool:
    """A sentence never starts in lower case: the split was inside one."""
    first = right.lstrip("\"«“(")[:1]
    return first.islower() and not left.rstrip().endswith(("!", "?", "…"))


def _last_word(left: str) -> str:
    match = _LAST_WORD_RE.search(left)
    if not match:
        return ""
    word = match.group(1).lower().lstrip("\"«“(")
    # Take the last dotted word: "(млрд." -> "млрд.", "США." stays.
    return word


_JOIN_RULES = (
    _ends_with_prefix_abbreviation,
    _ends_with_initial,
    _abbreviation_before_continuation,
    _starts_lowercase,
)
