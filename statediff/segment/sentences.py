"""Sentence splitting: razdel, then small named repair rules for abbreviations it misses."""

from __future__ import annotations

from razdel import sentenize

from .. import recache
from ..languages import Language, parties_act, past_tense
from .tokens import folded, word_spans

_INITIAL_RE = recache.compile(r"(?:^|\s)[A-ZА-ЯЁ]\.$")
_ORDINAL_END_RE = recache.compile(r"(?:^|\s)\d{1,3}\.$")
_ACRONYM_START_RE = recache.compile(r"^[\"«“(]?[A-ZА-ЯЁ]{2,}\b")
# "…under the Treaty.President Biden also reaffirmed…", "…paylaşıldı.Bildiride…", "…in Tokyo.In
# 2024…", "…dialogue.\"The…", "…weapons.[Sound bite]": a sentence end whose space was lost in
# copying (scraped pages join paragraphs so). Three lower-case letters before the stop (perhaps a
# closing quote after it) and a word in title case after it (perhaps after an opening quote or
# bracket; of two letters only a function word: "In"), so that "Day.Az", "Trend.Az", "U.S.",
# "e.g." and domain names stay whole. Letters of any script:
# the regex finds the letters, ``_glued_end`` tests their case (Turkish ı, ş, Swedish å… have no
# ASCII range).
_GLUED_CANDIDATE_RE = recache.compile(r"[.!?][\"”’»)]?(?=[\"“«(\[]?[^\W\d_]{2})")
_WORD_AFTER_RE = recache.compile(r"[\"“«(\[]?([^\W\d_]+)")


def split_sentences(text: str, start: int, end: int, language: Language) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as absolute (start, end) spans, whitespace trimmed."""
    pieces = [piece for s in sentenize(text[start:end]) for glued in _unglue(text, start + s.start, start + s.stop, language)
              for piece in _split_after_final_abbreviations(text, *glued, language)]
    merged: list[tuple[int, int]] = []
    for piece in pieces:
        if merged and (_should_join(text, merged[-1], piece, language) or _list_item_after_semicolon(text, merged[-1], piece, language)):
            merged[-1] = (merged[-1][0], piece[1])
        else:
            merged.append(piece)
    return merged


def _list_item_after_semicolon(text: str, previous: tuple[int, int], current: tuple[int, int], language: Language) -> bool:
    """'…including C-130J Super Hercules; Harpoon anti-ship missiles; and M777 howitzers.': razdel
    ends a sentence at a ';' before a capital, but a part with no cue word of its own is an item of
    the list before it, not a sentence (cut off, a deleted item went unreported). A part with a cue
    ('…; The sides agreed to …') stays a sentence."""
    if text[previous[1] - 1] != ";" or not text[current[0]].isalpha():  # (not a slice: a merged piece may be a 5 MB line)
        return False  # (not a numbered item, "…; 2) targeting …": the clause rules read those)
    if current[1] - current[0] > LIST_ITEM_MAX_CHARS:
        return False
    written = word_spans(text, current[0], current[1])[0]
    words = folded(written)
    if len(words) > 2 and parties_act(language, words[0], *((words[-1],) if language.verb_final else (words[1], words[2]))):
        return False  # the parties' pledge without a cue word: "…; Стороны откроют консульство …"
    if any(word.islower() and past_tense(language, word) for word in written):
        return False  # a sentence of its own: "…; Trade between the two countries reached … in 2022."
    return not language.commitment_cues.positions(words)


LIST_ITEM_MAX_CHARS = 300  # longer, it is a sentence of its own


def _unglue(text: str, start: int, end: int, language: Language) -> list[tuple[int, int]]:
    """Split a razdel sentence where two sentences were glued together without a space."""
    cuts = []
    # Straight quotes from the current sentence's start, counted as the candidates go (not again
    # from its start at each: a scraped page on one line holds thousands of candidates).
    quotes, counted_to = 0, start
    for m in _GLUED_CANDIDATE_RE.finditer(text, start, end):
        quotes += text.count('"', counted_to, m.start())
        counted_to = m.start()
        cut = _glued_end(text, m.start(), m.end(), language, quote_open=quotes % 2 == 1)
        if cut is not None:
            cuts.append(cut)
            quotes, counted_to = 0, cut  # the next sentence starts at the cut
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


# A word ending in a dot, the space after it and the letter that follows ("D.C.  The").
_DOTTED_WORD_RE = recache.compile(r"(?<!\S)(\S{1,12}\.)\s+(?=[^\W\d_])")
# After the function word, a space and a lower-case letter or a digit: "The two leaders", "In 2024";
# not a title or a name going on ("U.S. Under Secretary", "U.N. Under-Secretary-General", "U.S. A-10").
_NEXT_CHAR_RE = recache.compile(r"\s+(\S)")


def _split_after_final_abbreviations(text: str, start: int, end: int, language: Language) -> list[tuple[int, int]]:
    """Split a razdel sentence after an abbreviation that may end a sentence (one of the
    language's ``abbreviations`` that is no prefix: "D.C.", "U.S.", "etc.") when the next word
    is a function word in title case and a lower-case word or a figure follows: razdel reads
    "…to Washington, D.C.  The two leaders …" and "…the U.S. In 2024 …" as one sentence (found
    on a blind English pair: a welcome and the pledge after it were one commitment). "the U.S.
    Agency for …", "the U.S. Under Secretary …" and "the U.N. Under-Secretary-General" stay whole."""
    final = language.final_abbreviations
    if not final or text.find(".", start, end - 1) < 0:  # (most sentences hold no dot before their last character)
        return [(start, end)]
    pieces = []
    for m in _DOTTED_WORD_RE.finditer(text, start, end):
        if m.group(1).lower() not in final:
            continue
        word = _WORD_AFTER_RE.match(text, m.end())
        if (word is not None and word.group(1).istitle() and word.group(1).lower() in language.stopwords
                and (after := _NEXT_CHAR_RE.match(text, word.end(), end)) is not None
                and (after.group(1).islower() or after.group(1).isdigit())):
            pieces.append((start, m.end(1)))  # (the sentence ends at the abbreviation's dot, the next starts at its word)
            start = m.end()
    pieces.append((start, end))
    return pieces


def _glued_end(text: str, stop: int, at: int, language: Language, quote_open: bool) -> int | None:
    """Where the next sentence starts when the stop at ``stop`` ends a sentence glued to it (the
    candidate's end ``at``), or None: lower-case letters before the stop ("Day.Az", "U.S." have
    none), and after it a word in title case, of two letters only when it is a function word of
    the language ("In", "At"; not the "Az", "Ru", "Kz" of news sites: "Trend.Az", "Gazeta.Ru").
    A straight quote after the stop closes a quotation of the sentence before only when one is
    open there (``quote_open``); otherwise it opens the next sentence ('…soon."We will …," said …')."""
    before = text[max(0, stop - 3):stop]
    if len(before) < 3 or not before.isalpha() or not before.islower():
        return None
    word = _WORD_AFTER_RE.match(text, at)
    if word is None or not word.group(1)[0].isupper() or not word.group(1)[1:].islower():
        return None
    if len(word.group(1)) == 2 and word.group(1).lower() not in language.stopwords:
        return None
    if at == stop + 2 and text[stop + 1] == '"' and not quote_open:
        return stop + 1  # no quotation open before the stop: the quote opens the next sentence
    return at


# The rules look at the end of the sentence before and the start of the next: a tail and a head
# of this many characters (slicing whole merged pieces made a chain of joins quadratic).
JOIN_CONTEXT = 64


def _should_join(text: str, previous: tuple[int, int], current: tuple[int, int], language: Language) -> bool:
    left = text[max(previous[0], previous[1] - JOIN_CONTEXT):previous[1]]
    right = text[current[0]:min(current[1], current[0] + JOIN_CONTEXT)]
    return any(rule(left, right, language) for rule in _JOIN_RULES)


def _ends_with_prefix_abbreviation(left: str, right: str, language: Language) -> bool:
    """'г. Нур-Султан', 'St. Louis', 'No. 5': the abbreviation always continues the sentence."""
    return _last_word(left) in language.prefix_abbreviations


def _ends_with_initial(left: str, right: str, language: Language) -> bool:
    """'А. Байель', 'Joseph R. Biden': a lone capital and a dot is an initial."""
    return bool(_INITIAL_RE.search(left)) and right[:1].isupper()


def _abbreviation_before_continuation(left: str, right: str, language: Language) -> bool:
    """'5 млрд. долл. США', 'Feb. 3': an abbreviation followed by a digit, lower case or acronym."""
    if _last_word(left) not in language.abbreviations:
        return False
    first = right.lstrip("\"«“(")[:1]
    return first.isdigit() or first.islower() or bool(_ACRONYM_START_RE.match(right))


def _ordinal_before_word(left: str, right: str, language: Language) -> bool:
    """'Konseyi 6. Toplantısı', 'die 3. Sitzung': where the language writes ordinals with a dot,
    one to three digits and a dot before a word are an ordinal (a year, four digits, may end a
    sentence), unless a sentence opener follows (a stopword, the parties)."""
    if not (language.ordinal_dot and _ORDINAL_END_RE.search(left) and right[:1].isalpha()):
        return False
    # "…stieg auf 25. Die Minister vereinbarten…": a sentence opener after the number ends it.
    first = right.split(None, 1)[0].lower().strip("\"«“(,")
    return first not in language.stopwords and first not in language.subjects and first not in language.fillers


def _starts_lowercase(left: str, right: str, language: Language) -> bool:
    """A sentence never starts in lower case: the split was inside one."""
    first = right.lstrip("\"«“(")[:1]
    return first.islower() and not left.rstrip().endswith(("!", "?", "…"))


def _last_word(left: str) -> str:
    # rsplit from the right, not a search for r"(\S+)\s*$": that search restarts at every
    # character of a long run without spaces (a base64 image in a scraped page) and is quadratic.
    parts = left.rsplit(None, 1)
    if not parts:
        return ""
    word = parts[-1].lower().lstrip("\"«“(")
    # Take the last dotted word: "(млрд." -> "млрд.", "США." stays.
    return word


_JOIN_RULES = (
    _ends_with_prefix_abbreviation,
    _ends_with_initial,
    _abbreviation_before_continuation,
    _ordinal_before_word,
    _starts_lowercase,
)
