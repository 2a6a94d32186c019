"""Tidy text extracted from a converted format: spaces, invisible characters, line ends, blank lines."""

from __future__ import annotations

from .. import recache

# Spaces that look like a space: made plain spaces.
_SPACE_LIKE_RE = recache.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# Characters with no width: dropped (a soft hyphen only shows where a line breaks).
_INVISIBLE_RE = recache.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_LINE_BREAK_RE = recache.compile("\r\n?|[\f\v\x85\u2028\u2029]")
_INNER_SPACES_RE = recache.compile(r"(?<=\S) {2,}(?=\S)")
_BLANK_LINES_RE = recache.compile(r"\n{3,}")


def clean_extracted(text: str) -> str:
    """Plain spaces, no invisible characters, \\n line ends, at most one blank line in a row."""
    text = _LINE_BREAK_RE.sub("\n", text)
    text = _INVISIBLE_RE.sub("", _SPACE_LIKE_RE.sub(" ", text))
    text = "\n".join(line.strip(" \t") for line in text.split("\n"))
    text = _INNER_SPACES_RE.sub(" ", text)
    text = _BLANK_LINES_RE.sub("\n\n", text).strip("\n")
    return text + "\n" if text.strip() else ""
