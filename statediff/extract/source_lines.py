"""Line numbers in the file for offsets into a text extracted from it (Markdown, rejoined fixed-width cuts).

Extracting Markdown joins soft-wrapped lines, drops markup and separates blocks by one blank
line; rejoining a `fold -w N` text removes line breaks. Lines counted in the extracted text then
point nowhere in the file the user opened. The extracted words are the file's words in the same
order (markup and link targets aside), so each extracted word is matched to the next equal word of
the file, looking a bounded distance ahead; a word with no equal nearby (a word that the cut
split, a renumbered list item) keeps the line of the word before it.
"""

from __future__ import annotations

from bisect import bisect_right

from .. import recache

_WORD_RE = recache.compile(r"\w+")
_NEWLINE_RE = recache.compile(r"\r\n|\r|\n")
# How many words of the file a word of the text may skip to find its equal: a link target or an
# HTML comment is a few dozen words; a longer run of words the reader never sees is rare, and a
# word matched too far ahead would strand the words after it.
LOOKAHEAD_WORDS = 64
CONFIRM_WORDS = 2  # words after a skipped-to match that must match too


def line_anchors(text: str, source: str) -> tuple[tuple[int, int], ...]:
    """(offset in ``text``, 1-based line in ``source``) at each word of ``text`` that starts on another
    line of ``source`` than the word before it, in offset order; the first anchor is at offset 0."""
    line_starts = [0, *(m.end() for m in _NEWLINE_RE.finditer(source))]
    source_words = _WORD_RE.findall(source)
    source_starts = [m.start() for m in _WORD_RE.finditer(source)]
    text_matches = list(_WORD_RE.finditer(text))
    text_words = [m.group() for m in text_matches]
    anchors: list[tuple[int, int]] = []
    cursor = 0  # the next word of the file that may be matched
    line, previous_end = 1, 0
    for index, match in enumerate(text_matches):
        word = text_words[index]
        if cursor < len(source_words) and source_words[cursor] == word:  # the common case: the next word
            found = cursor
        else:
            # A skip must be confirmed by the words that follow: a word recurs a few lines ahead
            # ("млрд. долларов США") when its own occurrence was cut in two.
            following = text_words[index + 1:index + 1 + CONFIRM_WORDS]
            found = next((k for k in range(cursor + 1, min(cursor + LOOKAHEAD_WORDS, len(source_words)))
                          if source_words[k] == word and source_words[k + 1:k + 1 + len(following)] == following), -1)
        if found >= 0:
            line = bisect_right(line_starts, source_starts[found], lo=line - 1)
            cursor = found + 1
        if not anchors or anchors[-1][1] != line:
            # From the first character after the spaces that follow the previous word: an opening
            # quote or markup before a word is on the word's line.
            gap = text[previous_end:match.start()]
            anchors.append((0 if not anchors else previous_end + len(gap) - len(gap.lstrip()), line))
        previous_end = match.end()
    return tuple(anchors) or ((0, 1),)
