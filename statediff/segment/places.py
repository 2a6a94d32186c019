"""Where a pledge stands in its statement's own numbering: article, paragraph and item ("Art. 5 ¶2(a)")."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import recache
from ..data import read as read_data
from ..model import Place

_PAGE = read_data("page.toml")
_ARTICLE_WORDS = "|".join(re.escape(w) for w in sorted(_PAGE["article_words"], key=lambda w: (-len(w), w)))
# "Article 5", "Статья 5. Сфера применения", "Madde 3 – …", "ARTICLE 12:": a line that opens with
# an article's word and number, then ends or goes on after a full stop, colon, bracket or dash.
# Not "Article 5 of the Treaty applies …", a reference in a running sentence.
_ARTICLE_RE = recache.compile(rf"[ \t]*(?i:{_ARTICLE_WORDS})[ \t]+(\d{{1,3}}(?:\.\d{{1,2}})?)[ \t]*(?:$|[.):—–-])")
# "12. ", "12) ", "(12) " at a line's start: a paragraph's number (not "2024. " nor "1.5 degrees").
_NUMBER_RE = recache.compile(r"[ \t]*\(?(\d{1,3})[.)][ \t]+(?=\S)")
# "2.1 ", "5.1.3. " at a line's start: a number of several levels, a paragraph's only when the
# document opens another paragraph with its neighbour (``numbered_paragraph``).
_LEVELS_RE = recache.compile(r"[ \t]*(\d{1,3}(?:\.\d{1,3}){1,3})\.?[ \t]+(?=\S)")
_LEVELS_AT_LINE_RE = recache.compile(r"(?m)^[ \t]*(\d{1,3}(?:\.\d{1,3}){1,3})\.?[ \t]")
# "(a) ", "a) ", "(ii) ", "б) " at a line's start: an item of the paragraph above.
_ITEM_RE = recache.compile(r"[ \t]*(?:\(([a-zа-яё]|[ivx]{1,4})\)|([a-zа-яё])\))[ \t]+(?=\S)")
_LINE_RE = recache.compile(r"[^\n\r]*")
_OPEN_ENDINGS = tuple(",—–-(«“\"")  # a hard-wrapped line ends in a word or one of these, not a sentence's end


def numbered_paragraphs(text: str) -> frozenset[str]:
    """The numbers of two levels or more that open a line of ``text`` ("2.1", "5.1.3")."""
    return frozenset(_LEVELS_AT_LINE_RE.findall(text))


def numbered_paragraph(number: str, numbers: frozenset[str]) -> bool:
    """A number of a numbered paragraph: the document opens another paragraph with the number
    before or after it at its last level ("2.2" beside "2.1" or "2.3")."""
    *head, last = number.split(".")
    return any(".".join([*head, str(int(last) + step)]) in numbers for step in (-1, 1))


def place_at(text: str, offset: int) -> Place | None:
    """The article, paragraph and item numbers in force at ``offset`` of ``text``, or None."""
    starts, places = _places(text)
    k = bisect.bisect_right(starts, offset) - 1
    return places[k] if k >= 0 else None


def _paragraph_opening(text: str, start: int, end: int, levels: frozenset[str]) -> str | None:
    """The paragraph number that opens the line ``text[start:end]``, or None."""
    found = _NUMBER_RE.match(text, start, end)
    if found is None:
        found = _LEVELS_RE.match(text, start, end)
        if found is None or not numbered_paragraph(found.group(1), levels):
            return None
    return found.group(1)


@lru_cache(maxsize=4)
def _places(text: str) -> tuple[list[int], list[Place | None]]:
    """Each line's start and the place in force on it, read top to bottom once per text.

    An article heading sets the article and clears the paragraph; a numbered line sets the
    paragraph; an item line ("(a)") sets the item under it. A line with no number keeps the
    place when it continues a wrapped line (the line before ends mid-sentence) or is a bulleted
    item of a numbered paragraph, and otherwise clears paragraph and item: an unnumbered paragraph
    is in no paragraph's number (its article's still)."""
    levels = numbered_paragraphs(text) if _LEVELS_AT_LINE_RE.search(text) else frozenset()
    starts: list[int] = []
    places: list[Place | None] = []
    article = paragraph = item = None
    previous_open = False  # the line before ends mid-sentence: this one goes on with it
    for line in _LINE_RE.finditer(text):
        start, end = line.span()
        if start == end and start and text[start - 1] not in "\n\r":
            continue  # the empty match right after a line's last character
        stripped = line.group().strip()
        if not stripped:
            previous_open = False
            starts.append(start)
            places.append(None)
            continue
        if (found := _ARTICLE_RE.match(text, start, end)) is not None:
            article, paragraph, item = found.group(1), None, None
        elif (number := _paragraph_opening(text, start, end, levels)) is not None:
            paragraph, item = number, None
        elif (found := _ITEM_RE.match(text, start, end)) is not None:
            item = found.group(1) or found.group(2)
        elif not previous_open and not (paragraph and stripped[0] in "•●▪◦·-–—*"):
            paragraph = item = None
        previous_open = stripped[-1].isalnum() or stripped.endswith(_OPEN_ENDINGS)
        starts.append(start)
        places.append(Place(article, paragraph, item) if article or paragraph or item else None)
    return starts, places
