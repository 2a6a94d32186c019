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
    source_words = [(m.group(), m.start()) for m in _WORD_RE.finditer(source)]
    text_words = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    anchors: list[tuple[int, int]] = []
    cursor = 0  # the next word of the file that may be matched
    line, previous_end = 1, 0
    for index, (word, start, end) in enumerate(text_words):
        following = [w for w, _, _ in text_words[index + 1:index + 1 + CONFIRM_WORDS]]
        for k in range(cursor, min(cursor + LOOKAHEAD_WORDS, len(source_words))):
            # A skip must be confirmed by the words that follow: a word recurs a few lines ahead
            # ("млрд. долларов США") when its own occurrence was cut in two.
            if source_words[k][0] == word and (k == cursor or [w for w, _ in source_words[k + 1:k + 1 + len(following)]] == following):
                line = bisect_right(line_starts, source_words[k][1])
                cursor = k + 1
                break
        if not anchors or anchors[-1][1] != line:
            # From the first character after the spaces that follow the previous word: an opening
            # quote or markup before a word is on the word's line.
            gap = text[previous_end:start]
            anchors.append((0 if not anchors else previous_end + len(gap) - len(gap.lstrip()), line))
        previous_end = end
    return tuple(anchors) or ((0, 1),)
