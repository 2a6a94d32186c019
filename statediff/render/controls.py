"""Control characters of the inputs shown, not obeyed, in what the text renderers print."""

from __future__ import annotations

import re

# An ESC that retitles the window, a bell, a carriage return: each becomes its visible picture
# (U+2400…), one character for one, so styles keep their spans; a carriage return becomes a space
# (CRLF text). The bidirectional embeddings, overrides and isolates (U+202A…U+202E,
# U+2066…U+2069), which reorder how the rest of a line is shown, become U+FFFD.
_CONTROLS_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_VISIBLE = {**{code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}, 0x0D: 0x20, 0x7F: 0x2421,
            **{code: 0xFFFD for code in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))}}


def visible(text: str) -> str:
    """``text`` with its control characters shown, not obeyed (tab and line break kept)."""
    return text.translate(_VISIBLE) if _CONTROLS_RE.search(text) else text
