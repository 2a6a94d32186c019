"""Word tokens with offsets, shared by the segment and align stages."""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import recache

# Invisible characters that scraped and exported text leaves inside words: soft hyphen,
# zero-width space/non-joiner/joiner, word joiner. They are part of the word, never a break.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
# Letters and digits, keeping in-word hyphens, apostrophes and dots (U.S., Нур-Султан, 3-4).
WORD_RE = recache.compile(rf"\w+(?:(?:[-‐‑'’.]|[{_INVISIBLE}]+)\w+)*", re.UNICODE)
_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)
_has_invisible = recache.compile(f"[{_INVISIBLE}]").search  # translate() is slow: called only on the rare word that needs it


def fold(word: str) -> str:
    """A word as cue lists and matching see it: lower case, invisible characters removed."""
    lowered = word.lower()
    return lowered.translate(_DROP_INVISIBLE) if _has_invisible(lowered) else lowered


class Token(NamedTuple):
    """One word of a text, ``text[start:end]`` as written (a NamedTuple: tokens are made by
    the hundred thousand on large inputs, and a frozen dataclass is several times slower)."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return fold(self.text)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of ``text[start:end]`` with absolute offsets."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]
