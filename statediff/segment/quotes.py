"""Quotations: a speaker's quoted words inside a news report, and the attribution that follows a quote."""

from __future__ import annotations

import bisect
import re
from functools import cache

from .. import recache
from ..languages import Language
from .tokens import folded, word_spans

# Quotation marks that open and close a quoted remark; a straight " closes what it opened.
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_QUOTE_RE = recache.compile("[" + "".join(_QUOTE_PAIRS) + "]")
QUOTE_MIN_WORDS = 3  # a shorter quotation is a name or a term ("the “Quad”"), not a remark


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted passages of text[start:end] (an unclosed one runs to the end)."""
    spans, k = [], start
    while k < end:
        ch = text[k]
        close = _QUOTE_PAIRS.get(ch)
        if close is None or (ch == '"' and k > start and text[k - 1].isdigit()):  # 36" pipe: inches, no quotation
            k += 1
            continue
        stop = text.find(close, k + 1, end)
        stop = end if stop < 0 else stop
        spans.append((k, stop + 1))
        k = stop + 1
    return spans


# A paragraph opened by a dash and closed by ", säger X." / ", – сказал министр.": the Nordic and
# Russian press way to quote a remark without quotation marks ("– Utmaningarna … , säger
# Nordenminister Anna Hallberg."). The dash opens the paragraph's line (blocks skip it as a list
# marker, so a sentence may start right after it); the remark runs from after it to the comma
# before the speech verb.
_DASH_OPEN_RE = recache.compile(r"[ \t]*[–—][ \t]+")
_DASH_BEFORE_RE = recache.compile(r"(?:^|\n)[ \t]*[–—][ \t]*$")
DASH_LOOKBACK = 8  # characters before a paragraph in which its opening dash may stand


DASH_SPEAKER_WORDS = 6  # words after the closing speech verb: the speaker ("säger Nordenminister Anna Hallberg.")


@cache
def _dash_quote_close(speech_verbs: frozenset[str]) -> re.Pattern[str]:
    """", säger Nordenminister Anna Hallberg.", ", – сказал министр.": the comma (perhaps a dash), a
    speech verb and the speaker that close a dash quotation at its paragraph's end; a verb with an
    object after it is a pledge of a bulleted list ("– welcomed …, noted the visit of Prime Minister
    Modi to Astana;"). Cached by the verb set (a frozenset keeps its hash; a Language does not)."""
    # Longest first, then in alphabetical order: the pattern's text is its cache key, the same in every run.
    verbs = "|".join(sorted(map(re.escape, speech_verbs), key=lambda verb: (-len(verb), verb)))
    return recache.compile(rf",[ \t]*(?:[–—-][ \t]*)?(?:{verbs})(?:[ \t]+[\w.’'-]+){{0,{DASH_SPEAKER_WORDS}}}[ \t]*[.!?]?\s*$",
                           re.IGNORECASE)


def _dash_quotation(text: str, start: int, end: int, lang: Language) -> tuple[int, int] | None:
    """The remark of a dash-quoted paragraph that text[start:end] opens, or None."""
    if not lang.speech_verbs:
        return None
    opening = _DASH_OPEN_RE.match(text, start, end)
    if opening is not None and (start == 0 or text[start - 1] == "\n"):
        start = opening.end()
    elif _DASH_BEFORE_RE.search(text, max(0, start - DASH_LOOKBACK), start) is None:
        return None
    closing = _dash_quote_close(lang.speech_verbs).search(text, start, end)
    return (start, closing.start()) if closing is not None else None


def _has_quotation(text: str, start: int, end: int, lang: Language) -> bool:
    return _QUOTE_RE.search(text, start, end) is not None or _dash_quotation(text, start, end, lang) is not None


def _quotations(text: str, start: int, end: int, lang: Language) -> list[tuple[int, int]]:
    """``_quoted_spans`` and the remark of a dash-quoted paragraph, in order."""
    dashed = _dash_quotation(text, start, end, lang)
    spans = _quoted_spans(text, start, end)
    return sorted([*spans, dashed]) if dashed is not None else spans


def _attribution_after_quote(
    text: str, start: int, texts: list[str], words: list[str], first: int, last: int, cues: list[int], lang: Language
) -> bool:
    """A clause after a closing quotation that only says who said it ("«…», — заявил Токаев
    журналистам.", "…,” said Biden on Friday."): it opens with a speech verb and holds no other
    cue. The quoted words before it are judged on their own (found in review: "заявил Токаев
    журналистам" was a pledge)."""
    # A speaker named right after the verb ("заявил Токаев"), in a short clause: not the parties'
    # own clause after a quoted name ("…the “Middle Corridor”, highlighted the target of …": found in review).
    if (words[first] not in lang.speech_verbs or last - first > ATTRIBUTION_MAX_WORDS or first + 1 >= last
            or not texts[first + 1][:1].isupper() or words[first + 1] in lang.subjects):
        return False
    before = text[max(0, start - ATTRIBUTION_GAP):start].rstrip(" \t,—–-")
    if not before or before[-1] not in _CLOSING_QUOTES:
        return False
    at = bisect.bisect_left(cues, first)
    return all(words[k] in lang.speech_verbs for k in cues[at:bisect.bisect_left(cues, last)])


ATTRIBUTION_GAP = 8  # characters between a closing quotation and its speech verb: "», — "
ATTRIBUTION_MAX_WORDS = 8  # "said President Joe Biden on Friday in Washington"
_CLOSING_QUOTES = "»”\"'’"


def _remark_sentences(text: str, sentences: list[tuple[int, int]], lang: Language) -> set[int]:
    """Indices of the sentences that quote an official's remark (``_is_quoted_remark``), a
    quotation over several sentences taken whole: "Secretary Ebrard added, “… . We will …”" and
    "«… . …», — заявил президент" skip every sentence the quotation touches."""
    if not sentences:
        return set()
    starts = [a for a, _ in sentences]
    found: set[int] = set()
    groups = []
    for q_start, q_end in _quotations(text, sentences[0][0], sentences[-1][1], lang):
        first = bisect.bisect_right(starts, q_start) - 1
        last = bisect.bisect_right(starts, q_end - 1) - 1
        groups.append((max(first, 0), max(last, 0)))
    # Sentences with no quotation of several sentences are judged one by one.
    covered = {k for first, last in groups if last > first for k in range(first, last + 1)}
    groups = [g for g in groups if g[1] > g[0]] + [(k, k) for k in range(len(sentences)) if k not in covered]
    for first, last in groups:
        start, end = sentences[first][0], sentences[last][1]
        if not _has_quotation(text, start, end, lang):
            continue
        texts, token_starts, _ = word_spans(text, start, end)
        words = folded(texts)
        if _is_quoted_remark(text, start, end, lang, texts, words, token_starts, lang.commitment_cues.positions(words)):
            found.update(range(first, last + 1))
    return found


def _is_quoted_remark(
    text: str, start: int, end: int, lang: Language, texts: list[str], words: list[str], token_starts: list[int], cues: list[int]
) -> bool:
    """A sentence that quotes an official's remark ("In her opening message, Vice President Harris
    remarked, “I am confident that our nations will …”"; "«…», — сказал министр"): the words of
    one person in a press release or a news report, not a pledge of the statement. Its pledge
    cues stand inside the quotation, or are the verb that introduces it ("underscored", "отметил");
    outside it a person speaks: a title ("Secretary", "министр") or a capitalised name right
    after the verb ("…,” said John Doe"), not the parties ("we", "the leaders", "стороны"), whose
    own words a statement may quote."""
    if not _has_quotation(text, start, end, lang):
        return False
    spans = [(a, b) for a, b in _quotations(text, start, end, lang)
             if bisect.bisect_left(token_starts, b) - bisect.bisect_left(token_starts, a) >= QUOTE_MIN_WORDS]
    if not spans:
        return False
    starts = [a for a, _ in spans]

    def quoted(k: int) -> bool:
        at = bisect.bisect_right(starts, token_starts[k]) - 1
        return at >= 0 and token_starts[k] < spans[at][1]

    outside = [k for k in range(len(words)) if not quoted(k)]
    if any(words[k] in lang.subjects for k in outside):
        return False  # the parties' own words
    if any(not quoted(k) and words[k] not in lang.speech_verbs for k in cues):
        return False  # a pledge of the sentence besides the quotation
    verbs = [k for k in outside if words[k] in lang.speech_verbs]
    if not verbs:
        return False
    # A person: a title, or a name of two capitalised words right after the verb ("…,” said John
    # Doe", "», — отметил Ф. Шафиев"); one capitalised word may be a party ("…,” stated Japan and …"),
    # but one between the quotation's close and the verb is its speaker ("…,” Biden said": found in review).
    return any(words[k] in lang.person_titles for k in outside) or any(
        k + 2 < len(words) and not quoted(k + 1) and texts[k + 1][:1].isupper() and texts[k + 2][:1].isupper() for k in verbs) or any(
        k >= 2 and quoted(k - 2) and not quoted(k - 1) and texts[k - 1][:1].isupper() and words[k - 1] not in lang.subjects
        and not lang.commitment_cues.match_at(words, k - 1) for k in verbs)

