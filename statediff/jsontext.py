"""JSON text that is valid UTF-8 whatever the file names it holds.

A file name that is not UTF-8 reaches statediff as a str with lone surrogates (Python's
surrogateescape: byte 0xE9 is U+DCE9). ``json.dumps(..., ensure_ascii=False)`` leaves them in
the text, and written out they are the raw bytes again: the JSON was no longer UTF-8, and a
consumer's ``json.load`` failed (found by a CI user's review). Written as ``\\udce9`` escapes they
are valid JSON that loads back to the same str.
"""

from __future__ import annotations

import re

_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def escaped_surrogates(text: str) -> str:
    """``text`` (JSON) with each lone surrogate written as its ``\\uXXXX`` escape."""
    try:
        text.encode("utf-8")  # nearly always fine: a C-level pass, 4-8× faster than a regex search (15 MB: 17-26 ms)
    except UnicodeEncodeError:  # (only a lone surrogate stops a UTF-8 encoding)
        return _LONE_SURROGATE_RE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text
