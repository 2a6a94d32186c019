"""Tidy text extracted from a converted format: spaces, invisible characters, line ends, blank lines."""

from __future__ import annotations

import re

# Spaces that look like a space: made plain spaces.
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"), " ")
# Characters with no width: dropped (a soft hyphen only shows where a line breaks).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_LINE_BREAKS = dict.fromkeys(map(ord, "\r\f\v\x85\u2028\u2029"), "\n")
_INNER_SPACES_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def clean_extracted(text: str) -> str:
    """Plain spaces, no invisible characters, \\n line ends, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    text = text.translate(_SPACE_LIKE).translate(_INVISIBLE)
    text = "\n".join(line.strip(" \t") for line in text.split("\n"))
    text = _INNER_SPACES_RE.sub(" ", text)
    text = _BLANK_LINES_RE.sub("\n\n", text).strip("\n")
    return text + "\n" if text.strip() else ""
