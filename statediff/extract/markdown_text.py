"""Markdown to plain text: markup removed, paragraphs, headings and list items kept as a reader sees them."""

from __future__ import annotations

import html
import re

from .normalize import clean_extracted

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_REFERENCE_RE = re.compile(r"^ {0,3}\[[^\]^][^\]]*\]:[ \t]*\S+.*$")  # a link's target, not a footnote
_FOOTNOTE_RE = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:[ \t]*(.*)$")  # "[^1]: The sides will also…": text of its own
_FOOTNOTE_MARK_RE = re.compile(r"\[\^[^\]\s]+\](?!:)")  # "…presidency.[^1]"
# YAML front matter ("---" on the first line, up to "---" or "..."): the page's metadata, not text.
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_QUOTE_RE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_BULLET_RE = re.compile(r"^([ \t]*)[-*+][ \t]+(?:\[[ xX]\][ \t]+)?(.*)$")
_ORDERED_RE = re.compile(r"^([ \t]*)(\d{1,9})([.)])[ \t]+(.*)$")
_TABLE_SEPARATOR_RE = re.compile(r"^ {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
# Each span pattern stops at the next delimiter character ([^*]...), so a line full of unmatched
# markers costs linear time, not quadratic.
_INLINE_RULES = (  # (characters that must be present, pattern, replacement)
    ("!", re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)"), ""),  # images
    ("!", re.compile(r"!\[([^\[\]\n]*)\]\[[^\[\]\n]*\]"), ""),
    ("[", re.compile(r"\[([^\[\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)"), r"\1"),  # [text](url "title")
    ("[", re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]"), r"\1"),  # [text][ref]
    ("<", re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>"), r"\1"),  # <https://...>
    ("`", re.compile(r"(`+)([^`]+)\1"), r"\2"),  # `code`
    ("<", re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    ("*", re.compile(r"\*\*(?=[^\s*])([^*]+?)(?<=\S)\*\*"), r"\1"),  # **strong**
    ("_", re.compile(r"(?<!\w)__(?=[^\s_])([^_]+?)(?<=\S)__(?!\w)"), r"\1"),  # __strong__
    ("*", re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    ("_", re.compile(r"(?<!\w)_(?=[^\s_])([^_]+?)(?<=\S)_(?!\w)"), r"\1"),  # _emphasis_, not snake_case
    ("~", re.compile(r"~~(?=[^\s~])([^~]+?)(?<=\S)~~"), r"\1"),  # ~~strike~~
)
# An HTML comment (an editor's note, a "draft" marker) is not shown; its line breaks are kept.
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_PLACEHOLDER_BASE = 0xF0000  # private-use code points stand in for escaped (ASCII) characters
_PLACEHOLDER_RE = re.compile("[\U000F0000-\U000F007F]")


def unshown_blanked(markdown: str) -> str:
    """``markdown`` with its front matter and HTML comments blanked, every other character in
    place (a line break stays one): the text a reader sees, for matching the extracted words to
    the file's lines. A comment that repeats a pledge's words ("<!-- The ministers agreed to
    double -->") took the pledge's line number, and front matter shifted a heading's."""

    def blank(match: re.Match[str]) -> str:
        return _NOT_BREAK_RE.sub(" ", match.group())

    front = _CR_FRONT_MATTER_RE.match(markdown)  # (the file as it is: its line breaks may be "\r\n")
    if front:
        markdown = blank(front) + markdown[front.end():]
    return _COMMENT_RE.sub(blank, markdown) if "<!--" in markdown else markdown


_NOT_BREAK_RE = re.compile(r"[^\r\n]")
_CR_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(?:.*\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")


def markdown_to_text(markdown: str, headings: list[str] | None = None, rows: list[list[str]] | None = None) -> str:
    """Paragraphs separated by blank lines; soft-wrapped lines joined; list numbers as rendered.
    ``headings``, when given, receives the text of each heading ("# …" and "Title\\n====="), in order;
    ``rows`` the cells of each table row, in order."""
    markdown = markdown.replace("\r\n", "\n").replace("\r", "\n")
    front = _FRONT_MATTER_RE.match(markdown)
    if front:
        markdown = "\n" * front.group().count("\n") + markdown[front.end():]
    if "<!--" in markdown:
        markdown = _COMMENT_RE.sub(lambda match: "\n" * match.group().count("\n"), markdown)
    lines = markdown.split("\n")
    blocks: list[str] = []
    paragraph: list[str] = []
    numbers: dict[int, int] = {}  # indent -> last number of the ordered list open at that indent
    in_fence = ""

    def end_paragraph(code: bool = False) -> None:
        if paragraph:
            # Soft-wrapped lines are one paragraph; a hard break (two spaces, a backslash) keeps its line.
            joined = "".join(part.strip() + ("\n" if part.endswith("\n") else " ") for part in paragraph if part.strip()).strip()
            blocks.append(joined if code else _inline(joined))
            paragraph.clear()

    for index, line in enumerate(lines):
        fence = _FENCE_RE.match(line)
        if in_fence:
            if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                in_fence = ""
                end_paragraph(code=True)
            else:
                paragraph.append(line + "\n")
            continue
        if fence:
            end_paragraph()
            in_fence = fence.group(1)
            continue
        line = _QUOTE_RE.sub("", line, count=1)
        if not line.strip():
            end_paragraph()
            continue
        if paragraph and _SETEXT_RE.match(line):
            end_paragraph()  # the underline of a "Title\n=====" heading
            if headings is not None:
                headings.append(blocks[-1])
            continue
        footnote = _FOOTNOTE_RE.match(line)
        if footnote:
            end_paragraph()
            line = footnote.group(1)
        if _RULE_RE.match(line) or _REFERENCE_RE.match(line) or ("|" in line and _TABLE_SEPARATOR_RE.match(line)):
            end_paragraph()
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            end_paragraph()
            if heading.group(2):
                blocks.append(_inline(heading.group(2)))
                if headings is not None:
                    headings.append(blocks[-1])
            numbers.clear()
            continue
        bullet = _BULLET_RE.match(line)
        ordered = _ORDERED_RE.match(line)
        if ordered and paragraph and _wrapped_figure(ordered, paragraph[-1], numbers):
            ordered = None
        if bullet:
            end_paragraph()
            paragraph.append("• " + bullet.group(2))
            continue
        if ordered:
            end_paragraph()
            indent = len(ordered.group(1).expandtabs(4))
            for deeper in [k for k in numbers if k > indent]:
                del numbers[deeper]
            number = numbers[indent] + 1 if indent in numbers else int(ordered.group(2))
            numbers[indent] = number
            paragraph.append(f"{number}{ordered.group(3)} " + ordered.group(4))
            continue
        if "|" in line and line.strip().startswith("|"):
            end_paragraph()
            cells = [c.strip() for c in _split_cells(line.strip().strip("|"))]
            # A cell per line: a row's cells are no sentence ("Energy" | "The sides will …").
            blocks.append("\n".join(_inline(c) for c in cells if c))
            if rows is not None:
                rows.append([_inline(c) for c in cells if c])
            continue
        if not line[:1].isspace() and not paragraph and index > 0 and not lines[index - 1].strip():
            numbers.clear()  # a plain paragraph after a blank line ends the lists above it
        hard_break = line.endswith("  ") or line.endswith("\\")
        paragraph.append(line.rstrip("\\").strip() + ("\n" if hard_break else ""))
    end_paragraph(code=bool(in_fence))
    return clean_extracted("\n\n".join(block for block in blocks if block.strip()))


def _wrapped_figure(ordered: re.Match[str], previous: str, numbers: dict[int, int]) -> bool:
    """"…$500 billion by" / "2030. They also agreed …": a paragraph's wrapped line that opens with a
    figure and a dot, not a list item. CommonMark lets only a list starting at 1 interrupt a
    paragraph; inside an open list, a year (four digits) that does not follow the list's last
    number, under a line that stops mid-sentence, is taken for wrapped text too ("… on August 26," /
    "2021. Recognizing …" inside item 29)."""
    number = ordered.group(2)
    if not numbers:
        return number != "1"
    # The list it would belong to: the one at its indent, or the item it is indented under
    # ("29. … August 26," / "    2021. Recognizing …": the item's continuation column).
    indent = len(ordered.group(1).expandtabs(4))
    enclosing = [k for k in numbers if k <= indent]
    last = numbers[max(enclosing)] if enclosing else None
    return (last is not None and len(number) == 4 and int(number) != last + 1
            and not previous.rstrip().endswith((".", ":", ";", "!", "?")))


def _split_cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row)


def _inline(text: str) -> str:
    # An escaped marker ("\\*") stands in as a private-use character while the rules run.
    if "[^" in text:
        text = _FOOTNOTE_MARK_RE.sub("", text)
    escaped = "\\" in text
    if escaped:
        text = _ESCAPE_RE.sub(lambda match: chr(_PLACEHOLDER_BASE + ord(match.group(1))), text)
    for triggers, pattern, replacement in _INLINE_RULES:
        if any(trigger in text for trigger in triggers):  # plain text skips every rule
            text = pattern.sub(replacement, text)
    if "&" in text:
        text = html.unescape(text)
    return _PLACEHOLDER_RE.sub(lambda match: chr(ord(match.group()) - _PLACEHOLDER_BASE), text) if escaped else text
