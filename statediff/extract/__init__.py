"""Turn the bytes of a .txt, .md, .html, .docx or .pdf statement into plain text, format sniffed from content."""

from __future__ import annotations

import codecs
import importlib
import re
from typing import NamedTuple

from .. import recache
from ..errors import InputError, MissingExtraError
from .cells import SpannedCell
from .encoding import control_share, decode
from .normalize import clean_extracted
from .source_lines import line_anchors
from .unfold import unfold_fixed_width

FORMATS = ("txt", "markdown", "html", "docx", "pdf")
_EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
# The file name endings of statements (statediff latest and hook pick files by them).
STATEMENT_EXTENSIONS = tuple(_EXTENSIONS)
# Formats recognised only to refuse them with a helpful message.
_UNSUPPORTED_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls): save it as .docx"),
    (b"{\\rtf", "an RTF document: save it as .docx or .txt"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
_HTML_START_RE = recache.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?P<tag>!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|section|table)\b",
    re.IGNORECASE | re.DOTALL,
)
_PAGE_TAGS = ("!doctype", "html", "head", "body")  # a first tag that makes the whole file a page
_ANY_TAG_RE = recache.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*|!--)>")
_META_CHARSET_RE = recache.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:]+)", re.IGNORECASE)


class Extracted(NamedTuple):  # internal record: a NamedTuple costs a third of a frozen dataclass to define
    """The plain text of one input and how it was obtained."""

    text: str
    format: str  # one of FORMATS
    encoding: str  # the text encoding, or "n/a" for docx and pdf
    encoding_detected: bool
    # (offset, line in the file) anchors when lines of ``text`` are not lines of the file (Markdown,
    # rejoined cuts): source_lines.line_anchors; empty when they are.
    line_anchors: tuple[tuple[int, int], ...] = ()
    # (start, end) of each line of ``text`` that the source marks as a heading (Markdown "#",
    # HTML <h1>…<h6>, a Word Title or Heading style): never a pledge, whatever its words.
    headings: tuple[tuple[int, int], ...] = ()
    # The text of each block of an HTML page's furniture left out of ``text`` (html_text.html_to_text).
    left_out: tuple[str, ...] = ()
    # The (start, end) of each cell of each table row (HTML, .docx, Markdown): ``row_spans``.
    table_rows: tuple[tuple[tuple[int, int], ...], ...] = ()


def extract(data: bytes, name: str, suffix: str = "") -> Extracted:
    """Extract the plain text of ``data``; ``suffix`` (".pdf") is a hint that content sniffing overrides."""
    fmt = sniff_binary(data, name, suffix)
    if fmt == "pdf":
        from .pdf_text import pdf_to_text

        return Extracted(clean_extracted(pdf_to_text(data, name)), "pdf", "n/a", False)
    if fmt == "docx":
        from .docx_text import docx_to_text

        found: list[str] = []
        rows: list[list[str]] = []
        plain = clean_extracted(docx_to_text(data, name, found, rows))
        return Extracted(plain, "docx", "n/a", False, headings=heading_spans(plain, found), table_rows=row_spans(plain, rows))
    width = None
    original = data
    if b"\x00" not in data[:8192]:  # not UTF-16 or UTF-32, whose line breaks are two or four bytes
        data, width = unfold_fixed_width(data)
    declared = _declared_html_charset(data)
    text, encoding, detected = _decode_text(data, name, declared)
    # The text whose lines are the file's: the decoded file before its cuts were rejoined.
    lines_source = text if width is None else _decoded_anyhow(original, encoding)
    if width is not None:
        encoding = f"{encoding}, lines cut every {width} bytes rejoined"
    if control_share(text) > 0.05:
        raise InputError(f"{name}: looks like binary data, not a text statement")
    by_extension = _EXTENSIONS.get(suffix.lower(), "txt")
    if not suffix and _looks_like_markdown(text):  # standard input, or a file with no extension
        by_extension = "markdown"
    # Markdown may open with HTML of its own (a centred title, a badge): only a whole page is HTML.
    starts_html = _HTML_START_RE.match(text)
    if (starts_html and (by_extension != "markdown" or starts_html["tag"].lower().startswith(_PAGE_TAGS))) or (
            by_extension == "html" and _ANY_TAG_RE.search(text)):
        from .html_text import html_to_text

        found, left_out, rows = [], [], []
        plain = clean_extracted(html_to_text(text, name, found, left_out, rows))
        return Extracted(plain, "html", encoding, detected, headings=heading_spans(plain, found), left_out=tuple(left_out),
                         table_rows=row_spans(plain, rows))
    if by_extension == "markdown":
        from .markdown_text import markdown_to_text, unshown_blanked

        found, rows = [], []
        plain = markdown_to_text(text, found, rows)
        return Extracted(plain, "markdown", encoding, detected, line_anchors(plain, unshown_blanked(lines_source)), heading_spans(plain, found),
                         table_rows=row_spans(plain, rows))
    # Anything else, a file named .pdf or .docx that holds plain text included, is read as text.
    return Extracted(text, "txt", encoding, detected, () if width is None else line_anchors(text, lines_source))


def heading_spans(text: str, headings: list[str]) -> tuple[tuple[int, int], ...]:
    """Where each heading (in reading order, as a converter wrote it) stands in ``text`` as whole
    lines, tidied as clean_extracted tidies the text; a heading not found is left out."""
    spans: list[tuple[int, int]] = []
    at = 0
    for heading in headings:
        wanted = clean_extracted(heading).strip("\n")
        found = _whole_lines(text, wanted, at) if wanted else -1
        if found >= 0:
            spans.append((found, found + len(wanted)))
            at = found + len(wanted)
    return tuple(spans)


def row_spans(text: str, rows: list[list[str]]) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Where the cells of each table row (in reading order, each cell's text as a converter wrote
    it) stand in ``text``, tidied as clean_extracted tidies the text: a row of two cells or more
    whose every non-empty cell was found in order, as whole lines. A nested table's rows come
    before the row that holds them, which then is not found (its first cell starts before them);
    each row is looked for from where the row before it ended."""
    spans: list[tuple[tuple[int, int], ...]] = []
    at = 0
    earlier: dict[str, tuple[int, int]] = {}  # the cells of the row before, by text: a cell spanning rows stands there
    for row in rows:
        cells: list[tuple[int, int]] = []
        where = at
        for cell in row:
            wanted = clean_extracted(cell).strip("\n")
            if not wanted:
                continue
            if isinstance(cell, SpannedCell):
                if wanted in earlier:  # a rowspan's or a vertical merge's cell, written once at its first row
                    cells.append(earlier[wanted])
                continue
            found = _whole_lines(text, wanted, where)
            if found < 0:
                break
            cells.append((found, found + len(wanted)))
            where = found + len(wanted)
        else:
            if len(cells) >= 2:
                spans.append(tuple(cells))
                at = max(end for _, end in cells)  # (not its first cell: a first cell that repeats, "Energy", was found at row one's offset)
                earlier = {text[a:b]: (a, b) for a, b in cells}
            else:
                earlier = {}
    return tuple(spans)


def _whole_lines(text: str, wanted: str, at: int) -> int:
    """The first offset from ``at`` where ``wanted`` stands in ``text`` as whole lines, or -1."""
    found = text.find(wanted, at)
    while found >= 0 and not ((found == 0 or text[found - 1] == "\n") and text[found + len(wanted):found + len(wanted) + 1] in ("", "\n")):
        found = text.find(wanted, found + 1)
    return found


# Marks of Markdown that plain statements do not have (plain text has "- " bullets and "1."
# items too): a heading, emphasis, a link, a table's rule, a code fence, front matter, a comment.
_MARKDOWN_SIGNS = (
    recache.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),
    recache.compile(r"\*\*[^*\n]+\*\*|(?<!\w)__[^_\n]+__(?!\w)"),
    recache.compile(r"\[[^\]\n]+\]\((?:https?://|/|#)[^)\s]*\)"),
    recache.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE),
    recache.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE),
    recache.compile(r"\A---[ \t]*\n[A-Za-z_][\w-]*:"),
    recache.compile(r"<!--"),
)
MARKDOWN_MIN_SIGNS = 2  # kinds of mark: one alone ("**" in a pasted text) is no proof


def _looks_like_markdown(text: str) -> bool:
    """Whether a text with no file extension to go by (standard input) is Markdown."""
    head = text[:200_000]
    return sum(1 for sign in _MARKDOWN_SIGNS if sign.search(head)) >= MARKDOWN_MIN_SIGNS


def _decoded_anyhow(data: bytes, encoding: str) -> str:
    """``data`` decoded as ``encoding`` ("utf-8 (BOM)" names utf-8), cut letters replaced."""
    try:
        return data.decode(codecs.lookup(encoding.split(" ")[0]).name, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def sniff_binary(data: bytes, name: str, suffix: str = "") -> str | None:
    """'pdf' or 'docx' when the bytes are one; raise for other binary formats; None for text."""
    head = data[:1024].lstrip(b"\x00\t\r\n ")
    # A PDF starts with %PDF-; readers accept up to 1 KB of junk before it (then it must have objects).
    if head.startswith(b"%PDF-") or (b"%PDF-" in data[:1024] and b"endobj" in data):
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        if b"word/" in data or b"[Content_Types].xml" in data[:4096]:
            return "docx"
        if suffix.lower() == ".docx":
            raise InputError(f"{name}: cannot read as .docx: the file is damaged or not a Word document")
        raise InputError(f"{name}: looks like binary data: a ZIP archive, not a .docx, .pdf or text statement")
    for magic, what in _UNSUPPORTED_MAGIC:
        if head.startswith(magic) or data.startswith(magic):
            raise InputError(f"{name}: looks like binary data: {what}, not a text statement")
    return None


def _declared_html_charset(data: bytes) -> str | None:
    match = _META_CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _decode_text(data: bytes, name: str, declared: str | None) -> tuple[str, str, bool]:
    text, encoding, detected = decode(data, name)
    if detected and declared:
        # A web page that names its charset is taken at its word when the bytes agree.
        try:
            canonical = codecs.lookup(declared).name
            return data.decode(canonical), canonical, False
        except (LookupError, UnicodeDecodeError):
            pass
    return text, encoding, detected


def require(module: str, package: str, extra: str, what: str, name: str) -> None:
    """Raise MissingExtraError unless ``module`` (from the pip ``package``) can be imported."""
    try:
        importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(f"{name}: reading {what} needs the optional package {package}: pip install 'statediff[{extra}]' "
                                 f"(in a clone of statediff: pip install -e '.[{extra}]')") from None
