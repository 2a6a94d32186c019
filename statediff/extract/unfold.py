"""Undo a fixed-width hard wrap (`fold -w N` without -s): lines cut every N bytes, mid-word and mid-letter."""

from __future__ import annotations

# `fold -w 60` (without -s) ends every line longer than 60 bytes after exactly 60 bytes, wherever
# that falls: inside a word ("сотрудни" / "чество"), or inside a two-byte UTF-8 letter, which
# then decodes as two invalid sequences. Joining such lines with a space (as wrapped lines are
# joined later) would leave the words cut, so they are joined here, on the bytes, with nothing.
# A text is taken as cut so when, among its lines of more than half the longest line's length,
# at least FULL_SHARE have exactly that length, and at least MID_WORD_SHARE of those cuts fall
# inside a word: a text wrapped at spaces (`fold -s`, an editor's wrap) has lines
# of varied lengths that end at a space, unwrapped text has a single longest line, and a text
# padded to one width (a table drawn in characters) ends its lines with the same non-letter.
MIN_WIDTH = 20
MIN_CUTS = 3
FULL_SHARE = 0.5
MID_WORD_SHARE = 0.3


def unfold_fixed_width(data: bytes) -> tuple[bytes, int | None]:
    """The bytes with every line break that a fixed-width cut inserted removed, and that width;
    the bytes unchanged and None when the text was not cut at a fixed width."""
    lines = data.split(b"\n")
    if len(lines) <= MIN_CUTS:
        return data, None
    body = lines[:-1]  # the last line has no break after it
    width = max(map(len, body))
    if width < MIN_WIDTH:
        return data, None
    # A line that ends with CR ends a line of a CRLF file: fold inserts a bare LF.
    cut = [k for k, line in enumerate(body) if len(line) == width and not line.endswith(b"\r")]
    long_lines = sum(1 for line in body if len(line) > width // 2)
    if len(cut) < MIN_CUTS or len(cut) < FULL_SHARE * long_lines:
        return data, None
    mid_word = sum(1 for k in cut if _mid_word(body[k], lines[k + 1]))
    if mid_word < MID_WORD_SHARE * len(cut):
        return data, None
    joined = set(cut)
    out = bytearray()
    for k, line in enumerate(lines):
        out += line
        if k < len(lines) - 1 and k not in joined:
            out += b"\n"
    return bytes(out), width


def _mid_word(line: bytes, following: bytes) -> bool:
    """Whether a cut between two lines falls inside a word: a letter or digit on both sides, or
    a UTF-8 letter cut in two (a line cannot start with a continuation byte)."""
    if following[:1] and 0x80 <= following[0] < 0xC0 and line[-1:] >= b"\x80":
        return True
    return _last_char(line).isalnum() and _first_char(following).isalnum()


def _last_char(line: bytes) -> str:
    """The last character of a line: UTF-8 if its last bytes are a whole UTF-8 character, else its
    last byte as a single-byte code page's character (latin-1 maps each byte to a letter or sign)."""
    k = len(line) - 1
    while k > 0 and len(line) - k < 4 and 0x80 <= line[k] < 0xC0:
        k -= 1
    try:
        return line[k:].decode("utf-8")[-1:]
    except UnicodeDecodeError:
        return line[-1:].decode("latin-1")


def _first_char(line: bytes) -> str:
    """The first character of a line, read as ``_last_char`` reads the last."""
    for size in (1, 2, 3, 4):
        try:
            return line[:size].decode("utf-8")[:1]
        except UnicodeDecodeError:
            continue
    return line[:1].decode("latin-1")
