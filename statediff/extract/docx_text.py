"""Word .docx to text with python-docx: body paragraphs, tables and text boxes in document order, list numbers kept."""

from __future__ import annotations

import io
from typing import Any

from ..errors import InputError
from . import require
from .cells import SpannedCell

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Not the paragraph's text: deleted and moved-away revisions, field codes, properties (whose
# "w:tab" are tab stops), drawings and text boxes (their paragraphs are not this one's), and a
# markup-compatibility fallback (a second copy of what its choice holds).
_NOT_TEXT = frozenset(f"{_W}{tag}" for tag in ("del", "moveFrom", "delText", "instrText", "pPr", "rPr", "drawing", "pict", "object",
                                              "txbxContent", "rt", "sdtPr")) | {f"{_MC}Fallback"}  # "rt": a ruby's reading aid
_BREAKS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def docx_to_text(data: bytes, name: str, headings: list[str] | None = None, rows: list[list[str]] | None = None) -> str:
    """Paragraphs separated by blank lines; table cells one paragraph each; "1." of numbered lists kept.
    ``headings``, when given, receives the text of each paragraph styled Title or Heading N, in order;
    ``rows`` the text of each cell of each table row, in order (a nested table's rows first)."""
    require("docx", "python-docx", "docx", ".docx files", name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        paragraphs: list[str] = []
        _read_container(document, document.element.body, numbering, paragraphs, headings, rows)
    except InputError:
        raise
    except Exception as exc:  # python-docx, zipfile and lxml raise many types on a damaged file
        raise InputError(f"{name}: cannot read as .docx: the file is damaged or truncated ({type(exc).__name__})") from None
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def _read_container(document: Any, element: Any, numbering: _Numbering, out: list[str], headings: list[str] | None = None,
                    rows: list[list[str]] | None = None) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            label = numbering.label(child)  # Word counts empty numbered paragraphs too
            paragraph = Paragraph(child, document)
            text = paragraph_text(child).strip()
            if text:
                out.append(label + text)
                if headings is not None and _is_heading_style(paragraph):
                    headings.append(out[-1])
            for box in _text_boxes(child):  # after the paragraph it is anchored in
                _read_container(document, box, numbering, out, headings, rows)
        elif child.tag == f"{_W}tbl":
            # A merged cell is returned once per grid column it spans. The list keeps each element
            # alive, so lxml hands out the same proxy object for it, and its id() says which it is
            # (looked up by id, not by a scan of the list: a cell per row made big tables quadratic).
            seen: list[Any] = []
            index: dict[int, int] = {}  # id of a seen cell's element -> its place in ``seen``
            texts: list[str] = []  # each seen cell's text: a vertically merged cell is a cell of every row it spans
            for row in Table(child, document).rows:
                cells: list[str] = []
                spanned_here: set[int] = set()
                first_of_row = len(seen)  # cells seen before this row span into it from above
                for cell in row.cells:
                    known = index.get(id(cell._tc))
                    if known is not None:
                        if known not in spanned_here:  # (merged across columns: once per row)
                            spanned_here.add(known)
                            cells.append(SpannedCell(texts[known]) if known < first_of_row else texts[known])
                        continue
                    index[id(cell._tc)] = len(seen)
                    seen.append(cell._tc)
                    spanned_here.add(len(seen) - 1)
                    before = len(out)
                    _read_container(document, cell._tc, numbering, out, headings, rows)
                    cells.append("\n\n".join(out[before:]))
                    texts.append(cells[-1])
                if rows is not None:
                    rows.append(cells)
        elif child.tag == f"{_W}sdt":  # content controls wrap ordinary paragraphs (not a placeholder's text)
            content = child.find(f"{_W}sdtContent")
            if content is not None and child.find(f"{_W}sdtPr/{_W}showingPlcHdr") is None:
                _read_container(document, content, numbering, out, headings, rows)


def _text_boxes(paragraph: Any) -> list[Any]:
    """The text boxes anchored in a ``w:p`` (``w:txbxContent``, in a drawing or a VML shape), in
    order: their paragraphs are text of the document but not of this paragraph, and python-docx
    reads neither (a statement laid out in a text box was lost without a word). Not the copy in a
    markup-compatibility fallback, nor a box inside another box (read with that box)."""
    boxes = []
    for box in paragraph.iter(f"{_W}txbxContent"):
        node = box.getparent()
        while node is not None and node is not paragraph and node.tag not in (f"{_MC}Fallback", f"{_W}txbxContent"):
            node = node.getparent()
        if node is paragraph:
            boxes.append(box)
    return boxes


def paragraph_text(element: Any) -> str:
    """The text of a ``w:p`` element as Word shows it with changes accepted: every ``w:t`` in
    order, inside runs, hyperlinks, tracked insertions (``w:ins``), inline content controls
    (``w:sdt``) and simple fields (``w:fldSimple``) alike, and a complex field's result but not
    its code (fields nested in that code included); none of ``_NOT_TEXT``, nor a content
    control's placeholder.
    python-docx's ``Paragraph.text`` reads direct runs and hyperlinks only, and dropped an
    inserted "5 billion", a content control's "United Nations" and a field's "Lisbon" without
    a word (found by a new user's review)."""
    parts: list[str] = []
    fields: list[bool] = []  # for each complex field open here: whether its result has begun (its code is no text)

    def walk(node: Any) -> None:
        for child in node.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_TEXT:  # (comments and processing instructions have no str tag)
                continue
            if tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    fields.append(False)
                elif kind == "separate" and fields:
                    fields[-1] = True
                elif kind == "end" and fields:
                    fields.pop()
            elif tag == f"{_W}t":
                if all(fields):  # not inside a field's code (a field nested there included)
                    parts.append(child.text or "")
            elif tag in _BREAKS:
                if all(fields):
                    parts.append(_BREAKS[tag])
            elif tag == f"{_W}sdt" and child.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None:
                continue  # a content control showing its placeholder ("Click or tap here to enter text.")
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _is_heading_style(paragraph: Any) -> bool:
    """A paragraph styled Title or Heading 1…9 (Word's built-in names, also in other UI languages' files)."""
    try:
        style = paragraph.style
    except Exception:  # a style id the styles part does not define
        return False
    names = {str(getattr(style, "name", "") or ""), str(getattr(style, "style_id", "") or "")}
    return any(n == "Title" or n.replace(" ", "").lower().startswith("heading") for n in names)


class _Numbering:
    """Computes the visible label ("1.", "а)", "•") of numbered and bulleted paragraphs."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, level) -> (numFmt, lvlText, start)
        self.counters: dict[str, list[int]] = {}
        self.styles = document.styles
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in root.findall(f"{_W}abstractNum")}
        for num in root.findall(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if definition is None:
                continue
            for level in definition.findall(f"{_W}lvl"):
                ilvl = int(level.get(f"{_W}ilvl", "0"))
                fmt = _val(level.find(f"{_W}numFmt"), "decimal")
                text = _val(level.find(f"{_W}lvlText"), f"%{ilvl + 1}.")
                start = int(_val(level.find(f"{_W}start"), "1"))
                self.formats[(num_id, ilvl)] = (fmt, text, start)

    def label(self, paragraph: Any) -> str:
        num_id, ilvl = self._num_pr(paragraph)
        if num_id is None or (num_id, ilvl) not in self.formats:
            return ""
        fmt, template, _ = self.formats[(num_id, ilvl)]
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= ilvl:
            counters.append(self.formats.get((num_id, len(counters)), ("decimal", "", 1))[2] - 1)
        counters[ilvl] += 1
        del counters[ilvl + 1:]  # a higher-level item restarts the levels below it
        if fmt == "bullet":
            return "• "
        if fmt == "none":
            return ""
        label = template
        for level, value in enumerate(counters):
            level_fmt = self.formats.get((num_id, level), ("decimal", "", 1))[0]
            label = label.replace(f"%{level + 1}", _format_number(value, level_fmt))
        return label.strip() + " " if label.strip() else ""

    def _num_pr(self, paragraph: Any) -> tuple[str | None, int]:
        ppr = paragraph.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is None and ppr is not None:
            num_pr = self._style_num_pr(_val(ppr.find(f"{_W}pStyle"), ""))
        if num_pr is None:
            return None, 0
        num_id = _val(num_pr.find(f"{_W}numId"), "")
        if not num_id or num_id == "0":
            return None, 0
        return num_id, int(_val(num_pr.find(f"{_W}ilvl"), "0"))

    def _style_num_pr(self, style_id: str) -> Any:
        seen = 0
        while style_id and seen < 10:
            seen += 1
            style = next((s for s in self.styles if s.style_id == style_id), None)
            if style is None:
                return None
            ppr = style.element.find(f"{_W}pPr")
            num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
            if num_pr is not None:
                return num_pr
            based_on = style.element.find(f"{_W}basedOn")
            style_id = _val(based_on, "")
        return None


def _val(element: Any, default: str) -> str:
    if element is None:
        return default
    value = element.get(f"{_W}val")
    return default if value is None else value


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "russianLower":
        return "абвгдежзиклмнопрстуфхцчшщэюя"[(value - 1) % 28]
    if fmt == "russianUpper":
        return "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"[(value - 1) % 28]
    return str(value)


def _roman(value: int) -> str:
    if value <= 0:
        return str(value)
    out = ""
    for number, symbol in _ROMAN:
        while value >= number:
            out += symbol
            value -= number
    return out
