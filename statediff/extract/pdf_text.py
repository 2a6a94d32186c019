"""PDF to text with pypdf: the text layer with layout lines re-joined, hyphens mended, page furniture dropped."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import statistics
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..data import read as read_data
from ..errors import InputError
from . import require

_TERMINAL = ".!?…:;\"»”)"
# A page number alone on a line ("3", "- 3 -", "Page 3 of 7"): at most three digits, and no full
# stop after it ("2026." or "2026" alone on a page's last line is a sentence's end: found in review).
_PAGE_NUMBER_RE = re.compile(
    r"^[\W_]*(?:(?:стр|страница|page|p|seite|sayfa|bet)\.?\s*)?\d{1,3}(?:\s*(?:/|из|of|von|из)\s*\d{1,4})?(?:[^\w.]|_)*$",
    re.IGNORECASE,
)
_LIST_START_RE = re.compile(r"^(?:\(?\d{1,3}[.)]|[•▪●◦·–—-])\s")
_HYPHENS = "-‐‑"
_WORD_RE = re.compile(r"\w+(?:[-‐‑]\w+)*")
_EDGE_LINES = 3  # lines at the top and at the bottom of a page that may be running headers/footers (a title, a date, a mark)
_PAGE_NUMBER_LINES = 2  # … of which these may hold a page number


@dataclass
class _Line:
    text: str
    x: float | None
    y: float | None
    size: float


def pdf_to_text(data: bytes, name: str) -> str:
    """Paragraphs of the PDF's text layer separated by blank lines."""
    require("pypdf", "pypdf", "pdf", "PDF files", name)
    import pypdf

    try:
        with _quiet("pypdf"):
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(f"{name}: the PDF is encrypted with a password")
            pages = [_page_lines(page) for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many types (PdfReadError, KeyError, ValueError...) on a damaged file
        detail = "encrypted" if "crypt" in str(exc).lower() else "damaged or truncated"
        raise InputError(f"{name}: cannot read as PDF: the file is {detail} ({type(exc).__name__})") from None
    if not any(line.text.strip() for page in pages for line in page):
        raise InputError(f"{name}: the PDF has no text layer (a scanned image?); run OCR on it first")
    body = _drop_page_furniture(pages)
    return layout_to_text(body)


@contextlib.contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Silence a library's log lines and warnings: the user gets one error line, or none."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _page_lines(page: object) -> list[_Line]:
    """The page's text as pypdf lays it out, each line with the position of its first glyphs."""
    fragments: list[tuple[str, float | None, float | None, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        try:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[3] * cm[3]) or 1.0
        except (IndexError, TypeError):
            x = y = None
            scale = 1.0
        fragments.append((text, x, y, float(size or 0) * scale))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    lines: list[_Line] = []
    current = _Line("", None, None, 0.0)
    text_size = 0.0  # the size of the last fragment of text, not a mark
    for text, x, y, size in fragments:
        if text_size and _FOOTNOTE_MARK_RE.fullmatch(text) and size < SMALL_FONT * text_size:
            continue  # a footnote's mark set small in a line ("…Pandemic Fund¹ for …"): no figure of the pledge (found in review)
        if text.strip():
            text_size = size
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if k > 0:
                lines.append(current)
                current = _Line("", None, None, 0.0)
            if part.strip() and current.y is None and (x, y) != (0.0, 0.0):
                current.x, current.y, current.size = x, y, size
            current.text += part
    lines.append(current)
    return _without_footnotes([line for line in lines if line.text.strip()])


_FOOTNOTE_MARK_RE = re.compile(r"\s*(?:\d{1,3}|[*†‡])\s*")
_FOOTNOTE_LINE_RE = re.compile(r"\s*(?:\d{1,3}|[*†‡])\s+\S")  # "1 Established in 2022."
SMALL_FONT = 0.85  # of the text's size: a footnote's mark or text


def _without_footnotes(lines: list[_Line]) -> list[_Line]:
    """The page without its footnotes: the lines at its foot set smaller than its text, from one
    that opens with a mark ("1 See the annex …"). Their text was read as pledges, and a mark
    renumbered between two versions as a changed figure (found in review)."""
    sizes = sorted(line.size for line in lines if line.size)
    if not sizes:
        return lines
    body = sizes[len(sizes) // 2]
    cut = len(lines)
    while cut > 0 and lines[cut - 1].size and lines[cut - 1].size < SMALL_FONT * body:
        cut -= 1
    # (from the first small line that opens with a mark: a small closing line of the text is no footnote)
    while cut < len(lines) and not _FOOTNOTE_LINE_RE.match(lines[cut].text):
        cut += 1
    return lines[:cut] + [line for line in lines[cut:] if not line.size or line.size >= SMALL_FONT * body]


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_page_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers, and lines repeated at the top or bottom of most pages (running headers)."""
    edge_keys: Counter[str] = Counter()
    for page in pages:
        edges = {_furniture_key(line.text) for line in page[:_EDGE_LINES] + page[-_EDGE_LINES:]}
        edge_keys.update(edges)
    repeated = {key for key, count in edge_keys.items() if len(pages) >= 2 and count >= max(2, 0.5 * len(pages))}
    out: list[list[_Line]] = []
    for page in pages:
        keep: list[_Line] = []
        for index, line in enumerate(page):
            at_edge = index < _EDGE_LINES or index >= len(page) - _EDGE_LINES
            # (a page number only on the outermost lines: "25" three lines up is a table's figure, found in review)
            at_number_edge = index < _PAGE_NUMBER_LINES or index >= len(page) - _PAGE_NUMBER_LINES
            key = _furniture_key(line.text)
            # (a repeated line of figures alone, "#", is a page number's: outermost lines only)
            repeated_here = key in repeated and (at_number_edge or any(ch.isalpha() for ch in key))
            if (at_edge and repeated_here) or (at_number_edge and _PAGE_NUMBER_RE.match(line.text.strip())):
                continue
            keep.append(line)
        out.append(keep)
    return out


def layout_to_text(pages: list[list[_Line]]) -> str:
    """Join layout lines into paragraphs: a paragraph ends at a wider gap, an indent or a short closed line."""
    lines = [line for page in pages for line in page]
    if not lines:
        return ""
    spacing = _typical_spacing(pages)
    full_width = _typical_length(lines)
    left = statistics.median([line.x for line in lines if line.x is not None] or [0.0])
    paragraphs: list[list[str]] = []
    previous: _Line | None = None
    previous_page = -1
    page_of = [k for k, page in enumerate(pages) for _ in page]
    for index, line in enumerate(lines):
        text = " ".join(line.text.split())
        if previous is None or _starts_paragraph(previous, line, text, spacing, full_width, left, page_of[index] != previous_page):
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        previous, previous_page = line, page_of[index]
    words = Counter(_WORD_RE.findall(" ".join(" ".join(p) for p in paragraphs).lower()))
    words.subtract(_break_parts(paragraphs))  # a part counts as a word only where it stands on its own
    return "\n\n".join(_join_lines(p, words) for p in paragraphs) + "\n"


def _break_parts(paragraphs: list[list[str]]) -> Counter[str]:
    """The two parts of every word broken at a hyphen at a line's end ("infor-" / "mation"), as
    the word counter counts them: a syllable break repeated in a document is no word of it (found
    in review: "infor-mation" twice kept its hyphen)."""
    parts: Counter[str] = Counter()
    for lines in paragraphs:
        for upper, lower in zip(lines, lines[1:], strict=False):
            broken = _broken_word(upper, lower)
            if broken is not None:
                parts.update(part.lower() for part in broken)
    return parts


def _broken_word(upper: str, lower: str) -> tuple[str, str] | None:
    """The two parts of a word broken at a hyphen between two lines ("сотруд-" / "ничества"), as
    written; None when the upper line does not end with a letter and a hyphen above a letter."""
    if not (len(upper) >= 2 and upper[-1] in _HYPHENS and upper[-2].isalpha() and lower[:1].isalpha()):
        return None
    # (From the last letters only: ``upper`` may be a whole paragraph joined so far.)
    head, tail = _WORD_END_RE.search(upper, max(0, len(upper) - 1 - WORD_TAIL_MAX), len(upper) - 1), _WORD_START_RE.match(lower)
    return (head.group(), tail.group()) if head and tail else None


_WORD_END_RE = re.compile(r"\w+$")
WORD_TAIL_MAX = 100  # letters of a broken word's first part looked at
_WORD_START_RE = re.compile(r"\w+")


def _typical_spacing(pages: list[list[_Line]]) -> float | None:
    gaps = []
    for page in pages:
        for above, below in zip(page, page[1:], strict=False):
            if above.y is not None and below.y is not None and above.y > below.y:
                gaps.append(above.y - below.y)
    return statistics.median(gaps) if gaps else None


def _typical_length(lines: list[_Line]) -> int:
    lengths = sorted(len(line.text.strip()) for line in lines)
    # The length of a full line: most lines of running text are full, so a high percentile.
    return lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0


def _starts_paragraph(previous: _Line, line: _Line, text: str, spacing: float | None, full_width: int, left: float, new_page: bool) -> bool:
    before = " ".join(previous.text.split())
    closed = before[-1:] in _TERMINAL
    short = len(before) < 0.8 * full_width
    if _LIST_START_RE.match(text) and (closed or short):
        return True
    if not new_page and spacing and previous.y is not None and line.y is not None:
        gap = previous.y - line.y
        if gap > 1.3 * spacing:  # a wider gap
            return True
        if gap < -0.5 * spacing and (closed or short or not text[:1].isalpha()):
            return True  # a jump up to the next column, where a paragraph ends; mid-sentence it goes on (found in review)
    if line.x is not None and line.size and line.x > left + 0.8 * line.size and closed:
        return True  # a first-line indent
    if (previous.size and line.size and abs(previous.size - line.size) > FONT_CHANGE * max(previous.size, line.size)
            and not _goes_on(before) and text[:1].isupper()):  # (not a bullet glyph or footnote mark of another size mid-sentence)
        return True  # another font size: a title set right above its text (found by a new user's review)
    if not closed and len(before) < HEADING_SHARE * full_width and text[:1].isupper() and not _goes_on(before):
        return True  # a heading on a line of its own ("Climate", then "Recognizing the urgent need …")
    return closed and short


FONT_CHANGE = 0.15  # lines whose font sizes differ by more than this share belong to two paragraphs
HEADING_SHARE = 0.5  # a line this much shorter than a full one, unclosed, before a capital: a heading, not a wrapped line
_OPEN_ENDS = frozenset(",;:-–—(")  # a line ending so goes on below, whatever its length
LINK_WORD_LETTERS = 3  # a last word this short in lower case ("and", "of", "и", "och") links to the next line


def _goes_on(line: str) -> bool:
    """The line ends in a way that goes on below: a comma or dash, or a short lower-case link word."""
    last = line.rsplit(None, 1)[-1] if line.strip() else ""
    return line[-1:] in _OPEN_ENDS or (last.islower() and len(last) <= LINK_WORD_LETTERS)


def _join_lines(lines: list[str], words: Counter[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if not line:
            continue
        if out.endswith("\u00ad"):
            out = out[:-1] + line
        elif (broken := _broken_word(out, line)) is not None:
            out = out[:-1] + line if _drop_hyphen(broken, words) else out + line
        elif len(out) >= 2 and out[-1] in _HYPHENS and not out[-2].isspace() and line[0].isalnum():
            out += line  # a range or a name cut at its hyphen: "2022-" / "2026", "U.S.-" / "Mexico" (no space: not a dash)
        else:
            out = f"{out} {line}"
    return out


def _drop_hyphen(broken: tuple[str, str], words: Counter[str]) -> bool:
    """'сотруд-' + 'ничества' joins to one word; 'Нур-' + 'Султан' and 'северо-' + 'западный' keep the hyphen."""
    head, tail = broken
    if not tail[0].islower():
        return False
    joined = (head + tail).lower()
    hyphenated = f"{head}-{tail}".lower()
    # The same word written elsewhere in the document settles it; the breaks themselves are not counted.
    if words[hyphenated] > 0 or words[joined] > 0:
        return not (words[hyphenated] > 0 and words[joined] == 0)
    # Neither form elsewhere: a Latin-script compound of two words the document uses on their own
    # keeps its hyphen ("well-" + "known", "twenty-" + "five", "at-" + "risk"; found by a new user's
    # review): an English PDF, a Word export, seldom breaks words at a syllable. Cyrillic text
    # does ("сотруд-" + "ничества"), and its parts are seldom words of their own.
    first, second = head.lower(), tail.lower()
    if (first.endswith(_RUSSIAN_COMPOUND_ENDS) and not first.endswith(_SOLID_COMPOUND_HEADS) and len(first) >= COMPOUND_HEAD_MIN
            and len(second) >= COMPOUND_HEAD_MIN):
        return False  # "торгово-" / "экономическое", "казахстанско-" / "узбекской": a compound's own hyphen
    # (``words`` counts no break's parts; a part of one or two letters, "in-" / "formation", "be-" /
    # "come", is as likely a syllable.)
    return not (first.isascii() and second.isascii() and min(len(first), len(second)) >= COMPOUND_PART_MIN
                and words[first] > 0 and words[second] > 0)


COMPOUND_PART_MIN = 3
# The linking endings of a Russian compound adjective's first part ("торгово-", "казахстанско-"):
# broken at the line's end, the hyphen is the word's; not the first parts of solid words
# ("сельскохозяйственной"). Both lists in data/page.toml.
_PAGE = read_data("page.toml")
_RUSSIAN_COMPOUND_ENDS = tuple(_PAGE["compound_hyphen_ends"])
_SOLID_COMPOUND_HEADS = tuple(_PAGE["solid_compound_heads"])
COMPOUND_HEAD_MIN = 5  # letters of each part; a syllable break seldom leaves five before such an ending
