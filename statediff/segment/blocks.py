"""Cut a document into paragraph blocks and set aside headings, boilerplate and background."""

from __future__ import annotations

import re
from functools import cache

from .. import recache
from ..data import read as read_data
from ..frozen import frozen_dataclass
from ..languages import Language, parties_act, parties_verb
from .tokens import CURRENCY_SIGNS, alternation, folded, whole_words, word_spans

_TERMINAL = ".!?…;:\"»”'’)"
_LINE_RE = recache.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# Word-export artefacts and similar markup that is never text (tricky case 11).
_ARTEFACT_RE = recache.compile(r"\[(?:bookmark|image|pic|figure|anchor)[^\]\n]{0,80}\]"
                               # a Word comment pasted into its paragraph, to its first sentence's end ("Comment [KT1]: UZ side
                               # prefers "as necessary." The …": a stop, perhaps in quotes, before a capital; not "U.S. side").
                               # The pledge after it on the line stays (found in review)
                               r"|(?-i:Comment|Комментарий|Kommentar|Commentaire|Comentario|Comentário|Yorum|Түсініктеме)"
                               r"\s*\[[^\W\d_]{0,6}\d{1,3}\]\s*:[^\r\n]*?"
                               r"(?:[.!?][\"”»’']?(?=[ \t]+(?-i:[A-ZА-ЯЁ]))|(?=[\r\n])|$)", re.IGNORECASE)
# Page furniture in any language (data/page.toml): the lines that end an article ("Комментарии",
# "3 thoughts on “Title”"; each language's data file adds its own ``end_markers``), the lines that
# open a box of links ("Читайте также", "Read more"), and the words of a cookie notice.
_PAGE = read_data("page.toml")
_END_MARKERS: tuple[str, ...] = tuple(_PAGE["end_markers"])
_TITLED_END_MARKERS: tuple[str, ...] = tuple(_PAGE["titled_end_markers"])
_LINK_LIST_MARKERS: tuple[str, ...] = tuple(_PAGE["link_list_markers"])
_QUOTES = "\"“”«»„'‘’"
_LEADING_COUNT_RE = recache.compile(r"(?:\d{1,5}|[Oo]ne)\s+")  # "3 Comments", "One thought on “…”"
# Cookie notices, in any language (a paragraph of at most 80 words that names one of the cookie words).
_COOKIE_RE = recache.compile(whole_words(_PAGE["cookie_words"]), re.IGNORECASE)
_URL_RE = recache.compile(r"(?:https?://|www\.)\S+")
# What is not a menu separator: a quoted name «…», a date or number (12/05/2025, 2024/25), a
# pair of words (and/or, ЕАЭС/ШОС).
_NOT_SEPARATORS_RE = recache.compile(r"«[^«»\n]*»|\d/\d|(?<=\w)/(?=\w)")
_SEPARATORS = "/|>»›"  # between the items of a menu or breadcrumb
_SPACED_SEPARATOR_RE = recache.compile(rf"\s[{_SEPARATORS}]\s")
_BRACKETED_RE = recache.compile(r"\s*[(\[][^()\[\]]{0,30}[)\]]")
# A list item's marker: "1.", "(a)", "-", "•"…
BULLETS = "-•*–—·▪●◦"  # the marks that open a bulleted item (not a number: "5.")
# A press dateline opening a paragraph's first sentence: a place in capitals, perhaps its region,
# then a date and/or a news agency, then a dash ("MEXICO CITY, October 8, 2021 — The United States
# …", "WASHINGTON, Oct 8 (Reuters) - …", "АСТАНА, 15 октября /Kazinform/ – …"): no words of the pledge.
# An English month, as a dateline writes it before the day ("October 8", "Oct. 8", "Sept 8"): not
# any capitalised word before a number ("NATO, Article 5 – …", "AUKUS Pillar 2 – …": found in review).
_MONTH = ("(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
          "|Nov(?:ember)?|Dec(?:ember)?)")
DATELINE_RE = recache.compile(
    r"(?P<place>[A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ.'’]+(?:[ -][A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ.'’]+){0,3})"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})?"
    r"(?P<date>[,.]?[ \t]+(?:" + _MONTH + r"\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?|\d{1,2}[ \t]+[^\W\d_]{3,10}\.?(?:[ \t]+\d{4})?(?:[ \t]+(?:г\.|года))?))?"
    r"(?P<agency>[.,]?[ \t]*[(/][^()/\n]{2,25}[)/]|[.,][ \t]*[A-ZА-ЯЁ]{3,15}(?=[ \t]*(?:—|–|--|-)))?"
    r"[ \t]*(?:—|–|--|-)[ \t]+"
)
# … or a place written in title case, then a whole date with its year and a dash ("Ankara, 10 Mayıs
# 2022 –", "Анкара, 5 июля 2024 года –", "Washington, October 8, 2021 —"; found in review): the
# date makes it a dateline, not "Kazakhstan – …".
UPPER_LETTERS = "A-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІİÇĞÖŞÜ"  # capitals of the supported languages' scripts, as a regex class's body
TITLED_DATELINE_RE = recache.compile(
    rf"(?P<place>[{UPPER_LETTERS}][^\W\d_]+(?:[ -][{UPPER_LETTERS}][^\W\d_]+){{0,2}}),[ \t]*"
    r"(?P<date>(?:" + _MONTH + r"\.?[ \t]+\d{1,2},?|\d{1,2}[ \t]+[^\W\d_]{3,10}\.?)[ \t]+\d{4}(?:[ \t]+(?:г\.|года|yılı|жыл))?)"
    r"(?P<agency>[.,]?[ \t]*[(/][^()/\n]{2,25}[)/])?"
    r"[ \t]*(?:—|–|--|-)[ \t]+"
)
LIST_MARKER_RE = recache.compile(rf"(?:\(?\d{{1,3}}[.)]|\(?[a-zа-я][.)]|\([ivx]{{1,4}}\)|[{re.escape(BULLETS)}])\s+")


@frozen_dataclass
class Block:
    """A paragraph (one line, or several wrapped lines) with a verdict on whether it can hold pledges."""

    start: int
    end: int
    reason: str | None  # None: body text; else why it is skipped


# A hard-wrapped text (``fold``, pandoc's 72 columns, an email) has at least WRAP_MIN_LINES
# lines; WRAP_PERCENTILE of them are at most its width, which lies between the two bounds; at
# least WRAP_FULL_SHARE of them end within WRAP_SLACK of it (a word did not fit); at least
# WRAP_LOWER_SHARE of the lines right below another open in lower case, mid-sentence, and at
# most WRAP_ENDED_SHARE of the lines above another end with a stop, ';' or ':'. Measured on wrapped seeds and
# corpus texts (0.59–0.89 full, 0.64–0.75 lower case) against the probe's pages of short lines
# (lists of headings and sentences: no line opens in lower case) and the unwrapped texts.
HEADING_MAX_WORDS = 16  # an unclosed line this short may be a heading, a headline or a link's title; longer, it is prose
MARKER_CHARS = 16  # the first characters of a line, enough to read a list item's marker ("(iii) ", "12. ", "• ")
WRAP_MIN_LINES = 8
WRAP_PERCENTILE = 0.98  # not the maximum: a long URL or an unbreakable word sticks out
WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 30, 120
WRAP_SLACK = 0.14  # of the width, and at least 8 columns
WRAP_FULL_SHARE = 0.5
WRAP_LOWER_SHARE = 0.3
WRAP_FILLED = 0.7  # a line this full (of the width) that stops mid-sentence was wrapped, though the next word might have fitted
WRAP_ENDED_SHARE = 0.4  # at most this share of the lines above another end a sentence or an item (a list of ';' items is not wrapped text)


def split_blocks(text: str, end_markers: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) with surrounding whitespace trimmed; wrapped lines joined, but
    never below an end marker (``end_markers``: the language's own, besides the Russian and English ones)."""
    lines: list[tuple[int, int]] = []
    written: list[str] = []  # each line as written, indentation and trailing spaces included
    for match in _LINE_RE.finditer(text):
        start, end = match.start(), match.end()
        if start == end:
            break
        raw = text[start:end]
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        lines.append((start + lead, start + lead + len(stripped)))
        written.append(raw.rstrip("\r\n"))
    # Pairs of lines with no blank line between: in wrapped text the upper one mostly stops
    # mid-sentence and the lower one often opens in lower case.
    pairs = [(a, b) for a, b in zip(lines, lines[1:], strict=False) if not _blank_between(text, a, b)]
    lower = sum(1 for _, (start, _) in pairs if text[start].islower())
    ended = sum(1 for (_, end), _ in pairs if text[end - 1] in _TERMINAL)
    width = (0, 0)
    widths: list[tuple[int, int]] = []
    if len(lines) >= WRAP_MIN_LINES and pairs and lower >= WRAP_LOWER_SHARE * len(pairs) and ended <= WRAP_ENDED_SHARE * len(pairs):
        # Lengths in characters (pandoc) and in UTF-8 bytes (``fold`` counts bytes: a Cyrillic
        # line holds half as many letters), measured only for a text that may be wrapped.
        widths = [(len(line), len(line.encode("utf-8", "surrogatepass"))) for line in written]
        # A word that did not fit is as long in bytes as its letters' encoding: twice its letters
        # in Cyrillic, so the slack of a width in bytes grows with the bytes per character.
        bytes_per_char = sum(b for _, b in widths) / max(1, sum(w for w, _ in widths))
        width = (_wrap_width([w for w, _ in widths]), _wrap_width([b for _, b in widths], bytes_per_char))
    # The length of the text's longest lines (not the longest: a URL sticks out): in a text wrapped
    # at a width, a line that long which stops mid-sentence was cut there (_continues).
    longest = sorted(end - start for start, end in lines)[int(WRAP_PERCENTILE * (len(lines) - 1))] if len(lines) >= NEAR_WIDTH_MIN_LINES else 0
    blocks: list[tuple[int, int]] = []
    for number, (start, end) in enumerate(lines):
        # (Whether the block so far is a list item is read from its first characters: a block may be
        # a whole wrapped paragraph, and slicing it for every line would be quadratic.)
        following = lines[number + 1] if number + 1 < len(lines) else None
        if blocks and (_continues(text, blocks[-1], (start, end), end_markers, following, longest) or (any(width) and _wrapped(
                text, lines[number - 1], widths[number - 1], (start, end), width, _bullet_item(text[blocks[-1][0]:blocks[-1][0] + MARKER_CHARS])))):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _bullet_item(head: str) -> bool:
    """The block opens with a bullet ("- ", "• ", "– "), not a number ("5. "): a dash line below it is the next bullet."""
    return is_list_item(head) and head.lstrip()[:1] in BULLETS


def _continues(text: str, previous: tuple[int, int], current: tuple[int, int], end_markers: tuple[str, ...] = (),
               following: tuple[int, int] | None = None, longest: int = 0) -> bool:
    # A hard-wrapped line: the previous line stops mid-sentence, directly above, and this one
    # starts in lower case, or with a figure that closes the sentence or phrase ("…targets by"
    # / "2030. The Parties…"; not a dateline "12 мая 2024" under a byline). Headings (short
    # lines) followed by a capitalised line are not joined.
    if _blank_between(text, previous, current):
        return False
    last = text[previous[1] - 1]
    first = text[current[0]]
    if _dash_goes_on(text, previous, current, following):
        return True
    if last in _TERMINAL:
        return False
    # (The block is sliced only when short: a whole wrapped paragraph copied for every line was quadratic.)
    upper = text[previous[0]:previous[1]] if previous[1] - previous[0] < 80 else ""
    if upper and (_is_marker(upper, _END_MARKERS) or _is_marker(upper, end_markers) or _is_marker(upper, _LINK_LIST_MARKERS)
                  or _is_titled_marker(upper)):
        return False  # "3 Comments" above "anna said: …": the marker is a line of its own
    if first.islower() or (last in ",-‐" and first.isalpha()):
        return True
    # The block's last line only: the block may be a whole wrapped paragraph, and reading all of
    # it for every line made a 1 MB paragraph quadratic (found in review).
    last_break = text.rfind("\n", previous[0], previous[1])  # -1: the block is one line
    upper_words = text[max(previous[0], last_break + 1):previous[1]].split()
    if (len(upper_words) >= CUT_LINE_WORDS and upper_words[-1] in _LINE_END_LINKS and not is_list_item(text[current[0]:current[0] + 8])
            and (not first.isalpha() or last_break >= 0)):
        # "… товарооборот до 10 млрд долларов США к" / "2030 году …", "… task force to" / "$1.5 billion.", and
        # inside a paragraph already joined "… every year in" / "Mexico City …"; not a capital below a
        # first line ("… cooperation in" / "Central Asia …": a headline wrapped, found in review)
        return True
    if not (last.isalpha() or last == ",") or len(upper_words) < CUT_LINE_WORDS:
        return False
    if _near_width(text, previous, last_break, current, longest):
        return True
    if _numbered_item(text, previous, current):
        return False
    if _CLOSING_FIGURE_RE.match(text, current[0]):
        return True
    # "… action plan for the years" / "2022-2026 and will double …": a figure, then lower case, on
    # a line as long as the one above, below a line that stops on a lower-case word. Not a
    # dateline below a title ("… Турецкой Республики" / "15 октября 2024 года, город Астана, …":
    # a title ends on a name, a dateline has its comma early; found in review).
    figure = _FIGURE_GOES_ON_RE.match(text, current[0])
    if figure is None or not text[figure.end()].islower() or not upper_words[-1].islower():
        return False
    words = text[current[0]:current[1]].split()
    return len(words) >= CUT_LINE_WORDS and not any(word.endswith(",") for word in words[:DATELINE_WORDS])


DATELINE_WORDS = 4  # a comma among a line's first words after a figure: a dateline ("15 октября 2024 года, город …")
NEAR_WIDTH = 0.75  # of the text's longest lines: a line this long was cut where the next word did not fit
NEAR_WIDTH_MIN_LINES = WRAP_MIN_LINES  # lines a text needs for its longest lines to say a width (a box of five headlines says none)
NEAR_WIDTH_MIN_CHARS = 50  # a shorter line is no wrapped line's (a link title, a heading), whatever the text's width


def _near_width(text: str, previous: tuple[int, int], last_break: int, current: tuple[int, int], longest: int) -> bool:
    """Text copied from a PDF viewer or an e-mail, hard-wrapped with too few lines in lower case for
    ``_wrapped``: a line of prose as long as the text's longest lines (``longest``) that stops
    mid-sentence goes on below, whatever the case ("2. We will establish six … in Africa and
    Latin" / "America by 2027.": found in review, the deadline was lost), when the line below ends
    the sentence or is as long itself. Not a heading (a Latin line in title case), a list item
    below, nor a table's next cell ("Simplify customs procedures at the border" / "Q4 2025")."""
    line_start = max(previous[0], last_break + 1)
    # Only inside a paragraph: a numbered item's first line ("2. We will …"), or a block already
    # joined; a line alone may be a heading or a link's title ("Сотрудничество в области торговли,
    # инвестиций …" above its paragraph: found in review).
    if last_break < 0 and not is_list_item(text[previous[0]:previous[0] + MARKER_CHARS]):
        return False
    length = previous[1] - line_start
    if not longest or length < NEAR_WIDTH * longest or length < NEAR_WIDTH_MIN_CHARS or is_list_item(text[current[0]:current[0] + 8]):
        return False
    ends = _ends_sentence(text, current)
    if not ends and current[1] - current[0] < NEAR_WIDTH * longest:
        return False
    # (A heading has no full stop: "Small Island Developing States by 2025." goes on the line above.)
    return not _title_case_line(text[line_start:previous[1]]) and (ends or not _title_case_line(text[current[0]:current[1]]))


DASH_GOES_ON_CHARS = 50  # a line this long that stops mid-sentence above "– …" was cut there (a heading is shorter)


def _dash_goes_on(text: str, previous: tuple[int, int], current: tuple[int, int], following: tuple[int, int] | None) -> bool:
    """A line that opens with a spaced dash goes on the sentence above, which stops mid-sentence
    and is long, and is no bullet item itself: "Действующий председатель ОТГ (ОТГ)" / "– Министр
    иностранных дел … подтвердил …", a sentence a PDF or an editor cut before its dash. Below a
    lead-in (":"), a bullet item, a short line or a heading ("II. Cooperation in …", a Latin line
    in title case), or above another "– " line (a list: "…and decided to" / "– expand …" / "– hold
    …"), "– …" is a bullet."""
    if not (text[current[0]] in "–—" and text[current[0] + 1:current[0] + 2] in (" ", "\u00a0")):
        return False
    if previous[1] - previous[0] < DASH_GOES_ON_CHARS or _ends_sentence(text, previous):
        return False
    upper = text[previous[0]:previous[1]]
    if is_list_item(upper[:MARKER_CHARS]) or _SECTION_NUMBER_RE.match(upper) or _title_case_line(upper):
        return False
    return not bullet_below(text, current, following)


def bullet_below(text: str, block: tuple[int, int], below: tuple[int, int] | None) -> bool:
    """``below`` is a bulleted item ("- …", "– …", "• …") right under ``block``, with no blank line between."""
    return below is not None and not _blank_between(text, block, below) and _bullet_item(text[below[0]:below[0] + MARKER_CHARS])


_SECTION_NUMBER_RE = recache.compile(r"(?:[IVXLC]+|\d{1,2}|[A-Z])\.\s")  # "II. Cooperation …", "3. Trade"
TITLE_CASE_SHARE = 0.6  # of a Latin line's words (of letters) written capitalised: a heading


def _title_case_line(line: str) -> bool:
    """A line in Latin letters most of whose words are capitalised: "Cooperation in Trade,
    Investment, Energy and Regional Connectivity" (Russian headings capitalise only names)."""
    letters = [word for word in line.split() if word[:1].isalpha()]
    if not letters or not all(word[:1].isascii() or "\u00c0" <= word[:1] <= "\u024f" for word in letters):
        return False
    return sum(word[:1].isupper() for word in letters) >= TITLE_CASE_SHARE * len(letters)


_CLOSING_FIGURE_RE = recache.compile(r"\d+[.,;:](?:\s|$)")  # "2030. ", "2023, ": a figure that ends a sentence or phrase
_ITEM_NUMBER_RE = recache.compile(r"(\d{1,2})[.)][ \t]+(?=(\w))")  # "2. establish …", "3) Hold …"


def _numbered_item(text: str, previous: tuple[int, int], current: tuple[int, int]) -> bool:
    """The line ``current`` opens a numbered list item, not with a figure that closes the sentence
    above ("… by" / "2030. The Parties …"): a number of one or two digits before a lower-case word
    ("… the two governments will" / "1. hold annual consultations,"; no sentence opens in lower
    case), or the number after the one that opens the block above ("1. hold …, alternately in
    Sweden and Poland," / "2. Establish …": items closed by commas were one block, found on a
    blind Swedish set)."""
    found = _ITEM_NUMBER_RE.match(text, current[0], current[1])
    if found is None:
        return False
    if found.group(2).islower():
        return True
    above = _ITEM_NUMBER_RE.match(text, previous[0], previous[1])
    return above is not None and int(above.group(1)) + 1 == int(found.group(1))
_FIGURE_GOES_ON_RE = recache.compile(r"[$€£]?\d[\d.,\-–]*%?[ \t]+(?=[^\W\d_])")  # "2022-2026 and", "2030 году": then a lower-case word
CUT_LINE_WORDS = 6  # a line of fewer words above may be a heading; a figure line this long is no dateline
# Words no sentence or heading ends with (data/page.toml): a line that ends with one was cut
# mid-sentence, and the next line goes on it when it opens with a figure or "$", or with a name
# inside a paragraph already joined (_continues).
_LINE_END_LINKS = frozenset(_PAGE["line_end_links"])


def _blank_between(text: str, previous: tuple[int, int], current: tuple[int, int]) -> bool:
    between = text[previous[1]:current[0]]
    return between.count("\n") + between.count("\r") - between.count("\r\n") > 1


def _wrap_width(widths: list[int], unit: float = 1.0) -> int:
    """The width the lines of a hard-wrapped text were wrapped at, or 0 when they are
    paragraphs or lines of their own (see WRAP_MIN_LINES); ``unit``: the width's units per
    character (bytes per character for a width in bytes)."""
    width = sorted(widths)[int(WRAP_PERCENTILE * (len(widths) - 1))]
    slack = max(8, WRAP_SLACK * width) * unit
    full = sum(1 for w in widths if width - slack <= w <= width)
    return width if WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH and full >= WRAP_FULL_SHARE * len(widths) else 0


def _wrapped(text: str, previous: tuple[int, int], previous_width: tuple[int, int], current: tuple[int, int],
             width: tuple[int, int], in_bullet_item: bool) -> bool:
    """In a hard-wrapped text, a line ended because the next word did not fit (in characters or
    in bytes): join the next line to it whatever its case ("…the" / "NNSC Member States…",
    "…the India-U.S." / "Renewable Energy…"; the sentence splitter still cuts at a real sentence
    end). A short line (a heading), a blank line or a list item below stays a break."""
    if _blank_between(text, previous, current):
        return False
    line = text[current[0]:current[1]]
    # The next word as a wrapper sees it: up to a plain space or tab ("Korea’s\u00a0(DPRK’s)\u00a0…"
    # held together by no-break spaces did not fit as a whole).
    first = re.split(r"[ \t]", line, maxsplit=1)[0]
    # Not wrapped where the line was longer than the width (a paragraph on one line) or the next
    # word would have fitted after it.
    fits = (not width[0] or previous_width[0] > width[0] or previous_width[0] + 1 + len(first) <= width[0]) and (
        not width[1] or previous_width[1] > width[1] or previous_width[1] + 1 + len(first.encode("utf-8", "surrogatepass")) <= width[1])
    # A dash after a line of prose that stops mid-sentence, before a word in lower case, is prose
    # ("…on climate change" / "– individually and collectively"), not a bullet; below a bullet
    # item, or before a capital, it is the next bullet. A numbered paragraph ("5. The leaders …")
    # is prose: its dashes too ("…“Mission 500”" / "– aiming to more than double …").
    dash_in_prose = (line[0] in "–—-" and not in_bullet_item and not _ends_sentence(text, previous)
                     and line[1:].lstrip()[:1].islower())
    # A filling wrapper (fmt, an editor's "fill paragraph") moves a word down to even out the
    # lines, so a word that would have fitted says nothing there: a line that fills most of the
    # width and stops mid-sentence was wrapped all the same.
    filled = (not width[0] or previous_width[0] >= WRAP_FILLED * width[0]) and (
        not width[1] or previous_width[1] >= WRAP_FILLED * width[1])
    return (not fits or (filled and not _ends_sentence(text, previous))) and (dash_in_prose or not is_list_item(line))


_CLOSERS = ")]\"»”'’"


def _ends_sentence(text: str, line: tuple[int, int]) -> bool:
    """The line ends a sentence: a full stop or the like, perhaps inside closing brackets or
    quotes ("… (PMM)" does not; "… 2030.)" does)."""
    start, end = line
    while end > start and text[end - 1] in _CLOSERS:
        end -= 1
    return end > start and text[end - 1] in _TERMINAL and text[end - 1] not in _CLOSERS


def classify_blocks(text: str, spans: list[tuple[int, int]], language: Language) -> list[Block]:
    """Give each block a skip reason (heading, boilerplate, background) or None for body text."""
    blocks: list[Block] = []
    after_end_marker = in_link_list = False
    for number, (start, end) in enumerate(spans):
        line = text[start:end]
        reason = None
        if after_end_marker:
            reason = "boilerplate"
        elif (_is_marker(line, _END_MARKERS) or _is_marker(line, language.end_markers) or _is_titled_marker(line)) and start > len(text) * 0.3:
            reason = "boilerplate"
            after_end_marker = True
        elif in_link_list and _is_link_title(line):
            reason = "boilerplate"  # a link title or its date
        elif _is_marker(line, _LINK_LIST_MARKERS):
            reason = "boilerplate"
            in_link_list = True
            blocks.append(Block(start, end, reason))
            continue
        elif _is_boilerplate(line, language) or is_editorial(line, language):
            reason = "boilerplate"
        elif _is_background(line, language) or (_FOOTNOTE_RE.match(line) and not _binds(line)):
            reason = "background"
        elif _is_heading(line, language) or _named_item(line, language) or (_is_title(line, number, text, start) and not is_list_item(line)
                                             and not _first_line_pledge(line, text, start, language)) or _headline_above_date(
                                                 text, spans, number, all(b.reason for b in blocks), language):
            reason = "heading"
        in_link_list = in_link_list and reason == "boilerplate"
        blocks.append(Block(start, end, reason))
    return blocks


# A drafter's note, not the statement's text: a paragraph wholly in square brackets that opens
# with a word for a note ("[Note: Chile to confirm …]", ``note_openers`` in data/page.toml) or
# holds no cue ("[Chilean proposals in bold …]") or opens with a party's code and speaks of the
# drafting, binding no one ("[KZ: Kazakh side will provide comments]", ``drafting_words``; "[US: The
# Parties will establish …]" is a party's proposal); a bracketed provision, "[The Parties shall …]",
# is a text not yet agreed and stays one (a Word comment pasted in is an artefact). Found in
# reviews of treaty drafts.
def is_editorial(line: str, language: Language) -> bool:
    stripped = line.strip()
    if not (stripped.startswith("[") and stripped.rstrip(".").endswith("]") and "]" not in stripped[1:-2]):
        return False
    if _NOTE_OPENER_RE.match(stripped, 1) is not None:
        return True
    label = _PARTY_LABEL_RE.match(stripped, 1)
    if label is not None and label.group(1).isupper() and _DRAFTING_RE.search(stripped) is not None and not _binds(stripped):
        return True  # "[KZ: Kazakh side to provide comments by 15 May]"; "[US: The Parties will establish …]" is a proposal
    inner = folded(word_spans(stripped)[0])
    return not has_cue(stripped, language) and parties_verb(language, inner, 0, len(inner)) is None  # ("[Стороны учреждают …]")


def _binds(line: str) -> bool:
    """A footnote that binds: it holds a word of obligation (``binding_words`` in data/page.toml:
    "¹ For greater certainty, each Party shall accord …"), not history ("² The Partnership was launched in 2022.")."""
    return _BINDING_RE.search(line) is not None


# (a lookahead, not \b: "n.b." and "anm." end in no word character)
_NOTE_OPENER_RE = recache.compile(rf"\s*(?i:{alternation(_PAGE['note_openers'])})(?!\w)")
# A party's code as a note's label: "[KZ: …]", "[TR/AZ: …]", "[РК: …]" (upper case, checked by the caller).
_PARTY_LABEL_RE = recache.compile(r"\s*([^\W\d_]{2,3}(?:/[^\W\d_]{2,3})*)\s*:")
_DRAFTING_RE = recache.compile(whole_words(_PAGE["drafting_words"]), re.IGNORECASE)
_BINDING_RE = recache.compile(rf"(?i)(?<!\w)(?:{alternation(_PAGE['binding_words'])})(?!\w)")
# A footnote: a paragraph that opens with its mark ("[1] Launched under …"); one in which a word
# of obligation binds is a provision's and stays (``_binds``).
_FOOTNOTE_RE = recache.compile(r"\s*(?:\[\d{1,3}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*[^\W\d_]")


_DATE_LINE_RE = recache.compile(r"^[\d\s.,:/\-–]*(?:\w+\s+)?\d{4}(?:\s*г\.?)?(?:[\s,]+\d{1,2}:\d{2})?$")


def _is_link_title(line: str) -> bool:
    """A line of a link box: a short unclosed title (no sentence end, no ':' or ';' of a lead-in
    or list item, no closing quote of a quotation, not a list item) or a date under one."""
    stripped = line.strip()
    if _DATE_LINE_RE.match(stripped):
        return True
    return len(stripped.split()) <= HEADING_MAX_WORDS and stripped[-1] not in _TERMINAL + "…" and not is_list_item(stripped)


def artefacts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of export artefacts such as ``[bookmark: _GoBack]`` inside a block."""
    return [(m.start(), m.end()) for m in _ARTEFACT_RE.finditer(text, start, end)]


def _is_marker(line: str, markers: tuple[str, ...]) -> bool:
    """The line is one of the markers, perhaps with a count, punctuation or a bracketed note
    ("Комментарии (3)", "Comments: 5", "#####", "Похожие материалы (по тегу)"), but no other word
    ("### Space", "Top 5 outcomes", "Комментарии экспертов")."""
    normal = line.strip().lower().rstrip(":")
    count = _LEADING_COUNT_RE.match(normal)
    if count:
        normal = normal[count.end():]  # "3 Comments", "2 комментария"
    for marker in markers:
        if normal.startswith(marker):
            rest = _BRACKETED_RE.sub("", normal[len(marker):])
            if not any(ch.isalpha() for ch in rest) and len(rest) < 15 and (not rest or not rest[0].isalnum()):
                return True
    return False


def _is_titled_marker(line: str) -> bool:
    """A count, a marker and a quoted title: "3 thoughts on “Joint Statement…”"."""
    count = _LEADING_COUNT_RE.match(line.strip())
    if not count:
        return False
    rest = line.strip()[count.end():].lower()
    return any(rest.startswith(marker) and rest[len(marker):].lstrip()[:1] in _QUOTES for marker in _TITLED_END_MARKERS)


def _is_boilerplate(line: str, language: Language) -> bool:
    if not any(ch.isalpha() for ch in line):
        return True
    words = len(line.split())
    lowered = line.lower()
    if words <= 80 and _COOKIE_RE.search(line):
        return True  # a cookie notice: a paragraph, not a page that mentions cookies somewhere
    separators = sum(map(line.count, _SEPARATORS))
    if separators >= 2 and _is_breadcrumb(line):
        return True
    if words > 12:
        # Only a phrase of three words or more or a label, and only opening the line: "Your email
        # address will not be published …", "Read also: …". Looked up once, not per match (a line may be 5 MB).
        return bool(_boilerplate_phrases(_long_phrases(language.boilerplate_phrases)).match(line))
    # Most lines hold no phrase at all: a plain substring test first, the regular expression after.
    candidates = _boilerplate_phrases(language.boilerplate_phrases).finditer(line) if any(p in lowered for p in _lowered(language.boilerplate_phrases)) else ()
    for found in candidates:
        phrase = found.group().strip()
        before = line[:found.start()].rstrip()
        if len(phrase.split()) >= 3:
            return True
        # A breadcrumb: the phrase followed by a menu separator ("Главная / …", "Home » …").
        if not before and line[found.end():].lstrip()[:1] in _SEPARATORS:
            return True
        if phrase.endswith(":") and not before:
            return True  # a caption or label opening the line ("Фото:", "Source:")
        # A menu word or two ("Search", "Поиск", "Share this", "Sign up") is a menu item, not a
        # word of a pledge ("We will support the search for…", "Стороны продолжат поиск решений"):
        # it counts when the rest of the line has no pledge cue.
        if not has_cue(line[:found.start()] + " " + line[found.end():], language):
            return True
    # Menus: several items joined by separators, no sentence punctuation, no pledge.
    return (separators >= 2 and sum(map(_separators_only(line).count, _SEPARATORS)) >= 2
            and not line.rstrip().endswith(".") and not has_cue(line, language))


def _separators_only(line: str) -> str:
    """The line without what only looks like a separator: web addresses, «quotes», dates, word pairs."""
    return _NOT_SEPARATORS_RE.sub(" ", _URL_RE.sub(" ", line))


def _is_breadcrumb(line: str) -> bool:
    """"Главная / Пресс-центр / Новости / <page title>": two or more spaced separators, the items
    before the last one short; the title at the end may hold a cue, and the line may be long."""
    parts = _SPACED_SEPARATOR_RE.split(_separators_only(line))
    return len(parts) >= 3 and all(0 < len(part.split()) <= 3 for part in parts[:-1]) and not line.rstrip().endswith(".")


def has_cue(text: str, language: Language) -> bool:
    """Whether the text holds one of the language's commitment cues."""
    words = folded(word_spans(text)[0])
    return bool(words) and bool(language.commitment_cues.positions(words))


@cache
def _lowered(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.lower() for p in phrases)


@cache
def _long_phrases(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases that mark a long line too, opening it: of three words or more ("Your email
    address will not be published"), or a label of two words or more ("Read also:", "Читайте
    также:" before a long headline)."""
    return tuple(p for p in phrases if len(p.split()) >= 3 or (p.endswith(":") and len(p.split()) >= 2))


@cache
def _boilerplate_phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The phrases as whole words ("Search" is not in "research", "Dela" not in "delar"), any case."""
    alternatives = alternation(phrases) or "(?!)"
    return recache.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _is_background(line: str, language: Language) -> bool:
    head = line.lstrip("\"«“'„ ")
    for marker in language.background_markers:
        if head.startswith(marker):
            # A marker word before an amount is an ordinary word: "About $2 billion will be provided…".
            rest = head[len(marker):].lstrip()
            return not (marker.endswith(" ") and rest[:1] and (rest[0].isdigit() or rest[0] in CURRENCY_SIGNS))
    return False


_FOOTNOTE_END_RE = recache.compile(r"\[\d{1,3}\]$")  # "…joint exercises.[3]": closed before its footnote mark


def _closed(stripped: str) -> bool:
    """Whether a line ends like a sentence (a footnote mark after its stop does not count, nor
    does the square bracket it closes: "[The Parties shall establish a Committee.]", a draft's text not yet
    agreed, was read as a heading; found in review. Not a round one: "… (Washington, D.C.)" ends a
    headline's dateline)."""
    mark = _FOOTNOTE_END_RE.search(stripped)  # (no leading \s* in the pattern: it would try every space of a long run)
    return (stripped[:mark.start()].rstrip() if mark else stripped).rstrip("]")[-1:] in tuple(".!?…;\"»”")


def _is_title(line: str, number: int, text: str, start: int) -> bool:
    """A news headline has a verb ("Направления сотрудничества обсудили главы МИД…"), so the
    heading rule misses it; but it is short, unclosed, and either opens the page or is
    repeated on it (a breadcrumb, a page title)."""
    stripped = line.strip()
    if len(stripped.split()) > HEADING_MAX_WORDS or _closed(stripped):
        return False
    return number < 2 or text.find(stripped) < start


def _headline_above_date(text: str, spans: list[tuple[int, int]], number: int, no_body_above: bool, language: Language) -> bool:
    """A press page's headline, a short unclosed line that reads as a pledge ("Sverige och Polen
    fördjupar det strategiska partnerskapet"), with no body text above it and a line of a date
    right below ("Stockholm den 20 mars 2026", "14 March 2023"): a title, not a pledge (found on
    a blind Swedish set)."""
    if not no_body_above or number + 1 >= len(spans):
        return False
    start, end = spans[number]
    line = text[start:end].strip()
    if len(line.split()) > HEADING_MAX_WORDS or _closed(line) or line.endswith(":") or is_list_item(line):
        return False
    below = text[spans[number + 1][0]:spans[number + 1][1]]
    return (len(below.split()) <= DATE_LINE_WORDS and not _closed(below.rstrip(".")) and _YEAR_RE.search(below) is not None
            and not has_cue(below, language))  # ("We will cooperate on energy" / "We will meet again in 2027" are pledges)


DATE_LINE_WORDS = 6  # "Stockholm den 20 mars 2026", "Media release, 2 September 2025"
_YEAR_RE = recache.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def is_list_item(line: str) -> bool:
    return bool(LIST_MARKER_RE.match(line.strip()))


def _is_heading(line: str, language: Language) -> bool:
    stripped = line.strip()
    words = stripped.split()
    if len(words) > HEADING_MAX_WORDS or _closed(stripped) or LIST_MARKER_RE.match(stripped):
        return False
    # A dateline, byline or title: short and not closed like a sentence. A short unclosed line
    # with a finite pledge verb is more likely a list item than a title.
    if _unclosed_pledge(words, language):
        return False  # "Стороны договорились", "We will cooperate": a pledge without its full stop
    lowered = [w.lower().strip(",:") for w in words]
    has_predicate = any(language.clause_predicates.matches_word(w) for w in lowered)
    # "Agreements Signed During the State Visit": a title in title case, its participle no predicate.
    return not has_predicate or len(words) <= 4 or _title_case(words)


def _named_item(line: str, language: Language) -> bool:
    """A list item that names something in title case, not closed like a sentence ("1. Building
    Back Together;", "3. Securing the Tools for Future Prosperity; and"): a section or pillar's
    name, not a pledge, though its first word may be a cue ("Promoting …"). Not an item that
    opens with a bare verb ("1. Launch the Quad Vaccine Partnership;"), nor in a language that
    capitalises every noun ("- Förderung von Handel und Investitionen;")."""
    if language.capitalised_nouns:
        return False
    stripped = line.strip()
    marker = LIST_MARKER_RE.match(stripped)
    if not marker:
        return False
    words = stripped[marker.end():].split()
    if len(words) > 1 and words[-1] in ("and", "or") and words[-2][-1:] in ";,":
        words = words[:-1]  # "…; and": the list goes on
    if words:
        words[-1] = words[-1].rstrip(";,")
    if not words or not words[-1] or len(words) > HEADING_MAX_WORDS or _closed(" ".join(words)):
        return False
    return _title_case(words) and not language.infinitive_predicates.match_at([w.lower() for w in words], 0)


def _unclosed_pledge(words: list[str], language: Language) -> bool:
    """A line that opens with the parties as subject and has a pledge cue after them: a pledge
    without its full stop ("Стороны договорились расширять торговлю"), not a title."""
    lowered = [w.lower().strip(",:") for w in words]
    at = 1 if lowered[0] == "the" and len(lowered) > 1 else 0
    if lowered[at] not in language.subjects or _title_case(words):
        return False
    verb = (lowered[-1] if language.verb_final else lowered[at + 1]) if at + 1 < len(lowered) else ""
    following = lowered[at + 2] if not language.verb_final and at + 2 < len(lowered) else ""
    return has_cue(" ".join(words[1:]), language) or parties_act(language, lowered[at], verb, following)


def _first_line_pledge(line: str, text: str, start: int, language: Language) -> bool:
    """One of a page's first lines that is a pledge without its full stop, not its title: not a
    lead-in ("The leaders agreed to the following:") nor a headline the page repeats (a
    breadcrumb, a page title)."""
    stripped = line.strip()
    return not stripped.endswith(":") and text.find(stripped) >= start and _unclosed_pledge(stripped.split(), language)


def _title_case(words: list[str]) -> bool:
    """Every word of four letters or more starts with a capital (an English-style title), and
    there are at least three of them."""
    long_words = [w for w in words if sum(ch.isalpha() for ch in w) >= 4]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)
