"""Word tokens with offsets, shared by the segment and align stages."""

from __future__ import annotations

import re
from typing import NamedTuple

# Letters and digits, keeping in-word hyphens, apostrophes and dots (U.S., Нур-Султан, 3-4).
WORD_RE = re.compile(r"\w+(?:[-‐‑'’.]\w+)*", re.UNICODE)


class Token(NamedTuple):
    """One word of a text, ``text[start:end]`` as written (a NamedTuple: tokens are made by
    the hundred thousand on large inputs, and a frozen dataclass is several times slower)."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words of ``text[start:end]`` with absolute offsets."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)]
