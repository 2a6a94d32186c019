"""Where a pledge stands in its statement's own numbering: article, paragraph and item ("Art. 5 ¶2(a)")."""

from __future__ import annotations

import bisect
from functools import lru_cache

from .. import recache
from ..data import read as read_data
from ..model import Place
from .tokens import alternation

_PAGE = read_data("page.toml")


_ROMAN = r"[IVXLC]{1,7}"
# "Article 5", "Статья 5. Сфера применения", "Madde 3 –", "ARTICLE 12: …", "Article 1 Scope", "ARTICLE IV",
# "Article 1er", "Artículo 1º": a line that opens with an article's word and number, then ends, goes on
# after a full stop, colon, bracket or dash, or names the article's title (a short line, ``_TITLE_WORDS``).
# Not "Article 5 of the Treaty applies …", a reference in a running sentence.
_ARTICLE_RE = recache.compile(
    rf"[ \t]*(?i:{alternation(_PAGE['article_words'])})[ \t]+(\d{{1,3}}[A-Z]?(?:\.\d{{1,2}})?|{_ROMAN})(?:er|º|°|\.º)?"
    r"[ \t]*(?P<after>$|[.):—–-]|(?=[A-ZА-ЯЁ]))")
_TITLE_WORDS = 10  # "Article 1 Scope and Definitions": a title, not "Article 5 of the Treaty …"
# An annex or appendix heading: the articles' numbering ends there.
_ANNEX_RE = recache.compile(
    rf"[ \t]*(?i:{alternation(_PAGE['annex_words'])})(?:[ \t]+(\d{{1,3}}|{_ROMAN}|[A-Z]))?[ \t]*(?:$|[.:—–-])")
# "12. ", "12) ", "(12) " at a line's start (or alone on it): a paragraph's number (not "2024. " nor "1.5 degrees").
_NUMBER_RE = recache.compile(r"[ \t]*(?P<open>\()?(?P<n>\d{1,3})(?P<close>[.)])(?:[ \t]+(?=\S)|[ \t]*$)")
# "2.1 ", "5.1.3. " at a line's start: a number of several levels, a paragraph's only when the
# document opens another paragraph with its neighbour (``numbered_paragraph``).
_LEVELS_RE = recache.compile(r"[ \t]*(\d{1,3}(?:\.\d{1,3}){1,3})\.?(?:[ \t]+(?=\S)|[ \t]*$)")
_LEVELS_AT_LINE_RE = recache.compile(r"(?m)^[ \t]*(\d{1,3}(?:\.\d{1,3}){1,3})\.?[ \t]")
# "(a) ", "a) ", "(ii) ", "б) " at a line's start: an item of the paragraph above.
_ITEM_RE = recache.compile(r"[ \t]*(?:\(([a-zа-яё]|[ivx]{1,4})\)|([a-zа-яё]|[ivx]{1,4})\))(?:[ \t]+(?=\S)|[ \t]*$)")
_ROMAN_ITEM_RE = recache.compile(r"[ivx]{1,4}")
_NEWLINE_RE = recache.compile(r"\r\n|\r|\n")
_BULLETS = "•●▪◦·-–—*"
_SENTENCE_END = ".!?:;»”\")"
WRAPPED_SHARE = 0.5  # a text is hard-wrapped when at least this share of its lines ends mid-sentence
WRAPPED_MIN_LINES = 5
ANNEX_WORDS = 8  # "Annex 2: List of Priority Projects"; not "Annex I shall form an integral part of this Agreement."
HEADING_WORDS = 5  # a line this short that ends in a word is a heading ("Scope"), not a sentence going on


@lru_cache(maxsize=4)  # read by the segmenter for its markers and by ``_places``: once per text
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


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break (\\n, \\r\\n or a lone \\r)."""
    spans, start = [], 0
    for brk in _NEWLINE_RE.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return spans


def _article(text: str, start: int, end: int) -> str | None:
    found = _ARTICLE_RE.match(text, start, end)
    if found is None:
        return None
    line = text[start:end].strip()
    if found.group("after") == "" and found.end() < end and (len(line.split()) > _TITLE_WORDS or line[-1] in ".:;"):
        return None  # "Статья 5 Соглашения дополняется пунктом 3 …:": a sentence, not a heading with its title
    return found.group(1)


def _paragraph_opening(text: str, start: int, end: int, levels: frozenset[str]) -> tuple[str, str] | None:
    """The paragraph number that opens the line ``text[start:end]`` and its style ("1.", "1)", "(1)"), or None."""
    found = _NUMBER_RE.match(text, start, end)
    if found is not None:
        return found.group("n"), ("(" if found.group("open") else "") + found.group("close")
    found = _LEVELS_RE.match(text, start, end)
    if found is None or not numbered_paragraph(found.group(1), levels):
        return None
    return found.group(1), "levels"


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Most lines end mid-sentence: a paragraph goes on over its lines whatever they end with."""
    ends = [text[b - 1] for a, b in lines if text[a:b].strip()]
    if len(ends) < WRAPPED_MIN_LINES:
        return False
    return sum(ch not in _SENTENCE_END for ch in ends) >= WRAPPED_SHARE * len(ends)


def _heading_like(stripped: str, after_sentence_end: bool) -> bool:
    """A short line with no closing punctuation after a sentence's end: a heading ("Regional
    security"), even in a hard-wrapped text, whose other lines go on with their paragraph."""
    return after_sentence_end and len(stripped.split()) <= HEADING_WORDS and stripped[-1] not in _SENTENCE_END


@lru_cache(maxsize=4)
def _places(text: str) -> tuple[list[int], list[Place | None]]:
    """Each line's start and the place in force on it, read top to bottom once per text.

    An article heading sets the article and clears the rest; an annex heading clears them all and
    sets the annex, which holds to the next annex heading (an annex may have articles); a
    numbered line sets the paragraph (or, numbered in another style after a paragraph's colon, an
    item under it: "2. … обязуются:" above "1) проводить …"); an item line ("(a)") sets the item,
    a Roman "(i)" under a lettered item a sub-item. An unnumbered line keeps the place when the
    line before ends mid-sentence or is a number alone, when it is a bullet of a numbered
    paragraph, and in a hard-wrapped text when it follows another line and is no heading; any
    other is in no paragraph (its article's still). After a line that ends in a lower-case word,
    only a short "Article 3" is an article heading ("… as provided in" / "Article 7. The Parties
    shall …" is a reference)."""
    lines = _lines(text)
    levels = numbered_paragraphs(text)
    wrapped = _hard_wrapped(text, lines)
    starts: list[int] = []
    places: list[Place | None] = []
    article = paragraph = item = subitem = annex = None
    style = list_style = None  # the paragraph's number style, and a list numbered in another under it
    open_line = False  # the line before ends in a lower-case word (and is no short heading): no article heading here
    continues = False  # the line before ends mid-sentence, or is a number alone: this one goes on with it
    kept = False  # the line before was not blank (a hard-wrapped text's paragraph goes on)
    after_colon = False
    ended = True  # the line before ends a sentence
    for start, end in lines:
        starts.append(start)
        stripped = text[start:end].strip()
        if not stripped:
            open_line = continues = kept = after_colon = False
            places.append(None)
            continue
        number = None
        if open_line and _ARTICLE_RE.match(text, start, end) is not None and (
                len(stripped.split()) > HEADING_WORDS - 1 or stripped[-1] in ".;:,"):
            pass  # "… as provided in" / "Article 7. The Parties shall …": a reference, not a heading ("Article 3" alone is one)
        elif (found := _article(text, start, end)) is not None:
            article, paragraph, item, subitem, style, list_style = found, None, None, None, None, None
        elif (found_annex := _ANNEX_RE.match(text, start, end)) is not None and len(stripped.split()) <= ANNEX_WORDS:
            article = paragraph = item = subitem = style = list_style = None
            annex = found_annex.group(1) or ""  # its paragraphs are cited apart from the main text's: "Annex I ¶1"
        elif (number := _paragraph_opening(text, start, end, levels)) is not None:
            value, number_style = number
            if paragraph is not None and number_style != style and (after_colon or number_style == list_style):
                item, subitem, list_style = value, None, number_style  # "2. … обязуются:" then "1) проводить …"
            else:
                paragraph, item, subitem, style, list_style = value, None, None, number_style, None
        elif (found_item := _ITEM_RE.match(text, start, end)) is not None:
            value = found_item.group(1) or found_item.group(2)
            if item is not None and _ROMAN_ITEM_RE.fullmatch(value) and not _ROMAN_ITEM_RE.fullmatch(item) and (value != "i" or item != "h"):
                subitem = value  # "(a) …:" then "(i) …"
            else:
                item, subitem = value, None
        elif not (continues or (wrapped and kept and not _heading_like(stripped, ended)) or (paragraph and stripped[0] in _BULLETS)):
            paragraph = item = subitem = style = list_style = None
        alone = number is not None and _NUMBER_RE.fullmatch(text, start, end) is not None
        # (a line ending in a lower-case word goes on in the next: only an article heading is not read there)
        open_line = stripped[-1].islower() and len(stripped.split()) > HEADING_WORDS
        continues = alone or ((stripped[-1].isalnum() or stripped[-1] in ",—–-(«“\"") and len(stripped.split()) > HEADING_WORDS)
        kept = True
        after_colon = stripped.endswith(":")
        ended = stripped[-1] in _SENTENCE_END
        places.append(Place(article, paragraph, item, subitem, annex) if article or paragraph or item or annex is not None else None)
    return starts, places
