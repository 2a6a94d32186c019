"""Markdown to plain text: markup removed, paragraphs, headings and list items kept as a reader sees them."""

from __future__ import annotations

import html
import re

from .normalize import clean_extracted

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_REFERENCE_RE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET_RE = re.compile(r"^([ \t]*)[-*+][ \t]+(?:\[[ xX]\][ \t]+)?(.*)$")
_ORDERED_RE = re.compile(r"^([ \t]*)(\d{1,9})([.)])[ \t]+(.*)$")
_TABLE_SEPARATOR_RE = re.compile(r"^ {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_INLINE_RULES = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"!\[([^\]]*)\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)"), r"\1"),  # [text](url "title")
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>"), r"\1"),  # <https://...>
    (re.compile(r"(`+)(.+?)\1"), r"\2"),  # `code`
    (re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **strong**
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),  # _emphasis_, not snake_case
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # ~~strike~~
)
_PLACEHOLDER_BASE = 0xF0000  # private-use code points stand in for escaped characters


def markdown_to_text(markdown: str) -> str:
    """Paragraphs separated by blank lines; soft-wrapped lines joined; list numbers as rendered."""
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[str] = []
    paragraph: list[str] = []
    numbers: dict[int, int] = {}  # indent -> last number of the ordered list open at that indent
    in_fence = ""

    def end_paragraph() -> None:
        if paragraph:
            # Soft-wrapped lines are one paragraph; a hard break (two spaces, a backslash) keeps its line.
            blocks.append("".join(part.strip() + ("\n" if part.endswith("\n") else " ") for part in paragraph if part.strip()).strip())
            paragraph.clear()

    for index, line in enumerate(lines):
        fence = _FENCE_RE.match(line)
        if in_fence:
            if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                in_fence = ""
                end_paragraph()
            else:
                paragraph.append(line + "\n")
            continue
        if fence:
            end_paragraph()
            in_fence = fence.group(1)
            continue
        while _QUOTE_RE.match(line):
            line = _QUOTE_RE.sub("", line, count=1)
        if not line.strip():
            end_paragraph()
            continue
        if paragraph and _SETEXT_RE.match(line):
            end_paragraph()  # the underline of a "Title\n=====" heading
            continue
        if _RULE_RE.match(line) or _REFERENCE_RE.match(line) or ("|" in line and _TABLE_SEPARATOR_RE.match(line)):
            end_paragraph()
            continue
        heading = _HEADING_RE.match(line)
        if heading:
            end_paragraph()
            if heading.group(2):
                blocks.append(_inline(heading.group(2)))
            numbers.clear()
            continue
        bullet = _BULLET_RE.match(line)
        ordered = _ORDERED_RE.match(line)
        if bullet:
            end_paragraph()
            paragraph.append("• " + _inline(bullet.group(2)))
            continue
        if ordered:
            end_paragraph()
            indent = len(ordered.group(1).expandtabs(4))
            for deeper in [k for k in numbers if k > indent]:
                del numbers[deeper]
            number = numbers[indent] + 1 if indent in numbers else int(ordered.group(2))
            numbers[indent] = number
            paragraph.append(f"{number}{ordered.group(3)} " + _inline(ordered.group(4)))
            continue
        if "|" in line and line.strip().startswith("|"):
            end_paragraph()
            cells = [c.strip() for c in _split_cells(line.strip().strip("|"))]
            blocks.append("\t".join(_inline(c) for c in cells if c))
            continue
        if not line[:1].isspace() and not paragraph and index > 0 and not lines[index - 1].strip():
            numbers.clear()  # a plain paragraph after a blank line ends the lists above it
        hard_break = line.endswith("  ") or line.endswith("\\")
        text = _inline(line.rstrip("\\").strip())
        paragraph.append(text + ("\n" if hard_break else ""))
    end_paragraph()
    return clean_extracted("\n\n".join(block for block in blocks if block.strip()))


def _split_cells(row: str) -> list[str]:
    return re.split(r"(?<!\\)\|", row)


def _inline(text: str) -> str:
    escaped: list[str] = []

    def hide(match: re.Match[str]) -> str:
        escaped.append(match.group(1))
        return chr(_PLACEHOLDER_BASE + len(escaped) - 1)

    text = _ESCAPE_RE.sub(hide, text)
    for pattern, replacement in _INLINE_RULES:
        text = pattern.sub(replacement, text)
    text = html.unescape(text)
    for k, original in enumerate(escaped):
        text = text.replace(chr(_PLACEHOLDER_BASE + k), original)
    return text
