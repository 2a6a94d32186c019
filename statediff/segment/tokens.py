"""Word tokens with offsets, shared by the segment and align stages, and the trimming of a span's edges."""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate
from typing import NamedTuple

from .. import recache

# Invisible characters that scraped and exported text leaves inside words: soft hyphen,
# zero-width space/non-joiner/joiner, word joiner. They are part of the word, never a break.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
# Combining marks: text in decomposed form (NFD, from macOS copy-paste and some PDF tools)
# writes "й" as "и" + U+0306, and \w does not match the mark.
COMBINING_MARKS = "\u0300-\u036f"  # a regex character range, shared by every word pattern that must keep them
CURRENCY_SIGNS = "$€£¥₹₩₸₺₽₴₼"  # signs written before an amount (no regex metacharacter among them inside a [class])
_COMBINING = COMBINING_MARKS


def alternation(entries: list[str] | tuple[str, ...]) -> str:
    """The entries as a regex alternation, escaped, longest first (so "n.b." is tried before "nb")."""
    return "|".join(re.escape(e) for e in sorted(entries, key=lambda e: (-len(e), e)))


def whole_words(entries: list[str] | tuple[str, ...]) -> str:
    """A regex of the entries as whole words or phrases; an entry ending in "*" is a stem that
    any word ending completes ("замечани*": "замечания", "замечаний"; "the text" is not in "the textile")."""
    body = "|".join(re.escape(e[:-1]) + r"\w*" if e.endswith("*") else re.escape(e) for e in sorted(entries, key=lambda e: (-len(e), e)))
    return rf"(?<!\w)(?:{body})(?!\w)"

# Letters (with their combining marks) and digits, keeping in-word hyphens, apostrophes and
# dots (U.S., Нур-Султан, 3-4).
WORD_RE = recache.compile(rf"[\w{_COMBINING}]+(?:(?:[-‐‑'’.]|[{_INVISIBLE}]+)[\w{_COMBINING}]+)*", re.UNICODE)
has_combining = _has_combining = recache.compile(f"[{_COMBINING}]").search  # whether NFC may change a text
_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)
# Typographic variants that say the same thing: curly and straight apostrophes and quotes,
# dashes and hyphens. One statement's "People's" is the next one's "People’s".
_PLAIN_MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                              "‐": "-", "‑": "-", "–": "-", "—": "-"})


_HAS_MARKS = recache.compile("[’‘ʼ“”„«»‐‑–—]").search  # translate() with a table is slow: only where needed


def composed(text: str) -> str:
    """``text`` in composed form (NFC): "й" one character whether the file wrote it as one or
    as "и" + a combining breve (for comparing, never for offsets); a Turkish "İ" lowered ("i" + a
    combining dot above: "GÜÇLENDİRECEKTİR".lower()) is a plain "i"."""
    return unicodedata.normalize("NFC", text).replace("i\u0307", "i") if _has_combining(text) else text


def plain_marks(text: str) -> str:
    """``text`` composed, with typographic apostrophes, quotes and dashes as their plain forms
    (for comparing two wordings, never for offsets)."""
    text = composed(text)
    return text.translate(_PLAIN_MARKS) if _HAS_MARKS(text) else text
_has_invisible = recache.compile(f"[{_INVISIBLE}]").search  # translate() is slow: called only on the rare word that needs it


_PLAIN_APOSTROPHE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def plain_apostrophes(text: str) -> str:
    """Typographic apostrophes made plain ("Japan’s" is "Japan's", French "l’engagement" is
    "l'engagement"); three C-level tests first, as most words have none (a regex search per word
    cost 0.1 s at 5,000 pledges a side)."""
    return text.translate(_PLAIN_APOSTROPHE) if "’" in text or "‘" in text or "ʼ" in text else text


def without_invisible(text: str) -> str:
    """``text`` without soft hyphens and zero-width characters ("commit\u00adment" is "commitment")."""
    return text.translate(_DROP_INVISIBLE) if _has_invisible(text) else text


def fold(word: str) -> str:
    """A word as cue lists and matching see it: lower case, invisible characters removed,
    typographic apostrophes plain (``plain_apostrophes``: "Japan’s" stems as "japan")."""
    return plain_apostrophes(without_invisible(composed(word.lower())))


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


_WORD_SPLIT = recache.compile(f"({WORD_RE.pattern})", WORD_RE.flags)  # the text between words, each word, …


def word_spans(text: str, start: int = 0, end: int | None = None) -> tuple[list[str], list[int], list[int]]:
    """``tokenize`` as three lists (words as written, start and end offsets) without a Token per
    word: one C-level split of the slice, offsets summed from the pieces' lengths."""
    end = len(text) if end is None else end
    pieces = _WORD_SPLIT.split(text[start:end])
    offsets = list(accumulate(map(len, pieces), initial=start))
    return pieces[1::2], offsets[1::2], offsets[2::2]


class _Folds(dict[str, str]):
    """``fold`` of every word seen, worked out once per distinct word (bounded)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 500_000:
            self.clear()
        out = self[word] = fold(word)
        return out


FOLDED = _Folds()


def folded(words: list[str]) -> list[str]:
    """``[fold(w) for w in words]``, memoised per word."""
    return list(map(FOLDED.__getitem__, words))


# A span's edges: what _trim drops before a pledge's first word and after its last.
_EDGE_STRIP = " \t\r\n\u00a0\u200b\ufeff,;:-–—\"«»“”„'’"
_OPENING = "\"«“„'("


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge whitespace and separators, but keep a closing period and balanced quotes."""
    while start < end and text[start] in _EDGE_STRIP and text[start] not in _OPENING:
        start += 1
    while start < end and text[start] in _OPENING and not any(c in text[start + 1:end] for c in "\"»”'’)"):
        start += 1
    while end > start and text[end - 1] in " \t\r\n\u00a0\u200b,;:":
        end -= 1
    return start, end
