"""Lists and their lead-ins: which block opens a list, which items carry its predicate, inline lists inside a sentence."""

from __future__ import annotations

import re

from .. import recache
from ..languages import Language
from .blocks import LIST_MARKER_RE, has_cue, is_list_item
from .clauses import MARKER_WORD, Clause
from .tokens import _trim, fold, folded, word_spans


def _announces_items(sentence: str, lang: Language) -> bool:
    """A lead-in that ends with ":" and holds a pledge modal and a ``following_words`` word ("The
    Participants will cooperate in the following areas:", "Cooperation … may take the following
    forms:"): each marked item below is a pledge, a noun phrase too ("(c) the recovery and
    recycling of critical minerals"; found on a blind MoU draft, where a deleted area went unreported).
    Not "The following documents were signed:" (no modal)."""
    if not lang.following_words or not sentence.endswith(":"):
        return False
    words = folded(word_spans(sentence)[0])
    return not lang.following_words.isdisjoint(words) and not lang.pledge_modals.isdisjoint(words)


def _ends_on_infinitive_marker(block_text: str, lang: Language) -> bool:
    """A lead-in that ends on an infinitive marker ("… tasked officials to:", "… kommer regeringarna att")."""
    words = block_text[-LAST_WORD_CHARS:].rstrip(":").split()
    return bool(words) and words[-1].lower() in lang.infinitive_markers


def _item_after_infinitive(block_text: str, lang: Language) -> bool:
    """A numbered item under a lead-in that ends on "to": its first word is a verb even where it
    looks like a noun before "on", "for" ("5. report on progress at the next meeting", found on a
    blind English set); not a function word ("5. the progress report")."""
    words = _item_head(block_text, lang, 1)
    return bool(words) and words[0] not in lang.stopwords


def _open_above_item(text: str, end: int, below: tuple[int, int] | None, lang: Language) -> bool:
    """A lead-in with no colon: the block stops on a modal or an infinitive marker, which ends no
    sentence, above a list item, perhaps after one blank line ("För att förverkliga partnerskapet
    kommer regeringarna att" / "" / "1. hålla årliga regeringskonsultationer,"; "The two
    governments will" / "– hold …": found on a blind Swedish set)."""
    if below is None or not is_list_item(text[below[0]:below[1]]) or text.count("\n", end, below[0]) > LEAD_IN_BLANK_LINES + 1:
        return False
    last = text[max(0, end - LAST_WORD_CHARS):end].rsplit(maxsplit=1)[-1].lower()
    return last in lang.infinitive_markers or last in lang.pledge_modals


LEAD_IN_BLANK_LINES = 1  # blank lines a lead-in without a colon may stand above its first item
LAST_WORD_CHARS = 40  # enough for a lead-in's last word


def _same_level(text: str, start: int, below: tuple[int, int] | None) -> bool:
    """The block below opens at the same indentation with the same kind of marker (a sibling item)."""
    return below is not None and _list_level(text, start) == _list_level(text, below[0])


def _list_level(text: str, start: int) -> tuple[int, str]:
    """A list item's indentation (characters from its line's start to its first one) and its marker's kind."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    k = start
    while k < len(text) and text[k] in " \t":
        k += 1
    first = text[k:k + 1]
    kind = "number" if first.isdigit() else "letter" if first.isalpha() else first
    return k - line_start, kind


def _unmarked(block_text: str) -> str:
    """A block's text without the list or paragraph marker that opens it ("4. The Ministers will:")."""
    marker = LIST_MARKER_RE.match(block_text)
    return block_text[marker.end():] if marker else block_text


def _hedged_lead_in(sentence: str, lang: Language) -> bool:
    """"The United States and Mexico may:", "Sverige och Finland kan:", "Стороны вправе:": a lead-in
    whose predicate is a hedging modal after its subject (``party_modals``, ``subject_modals``,
    ``lead_in_modals``), no cue word. Its items
    are the parties' hedged pledges and carry the modal: a list under "will:" that turns "may:"
    is weakened item by item (the items were read as a list no longer, one went unreported)."""
    if not sentence.endswith(":") or not sentence[:1].isupper():
        return False
    words = folded(word_spans(sentence)[0])
    if not 2 <= len(words) <= HEDGED_LEAD_IN_WORDS:
        return False
    modals = lang.party_modals | lang.subject_modals | lang.lead_in_modals
    return words[-1] in modals or " ".join(words[-2:]) in modals or " ".join(words[-3:]) in modals


def _subject_lead_in(sentence: str, lang: Language) -> bool:
    """"Taraflar:", "Тараптар:", "Стороны:", "The Parties:": the parties alone before a list, whose
    items carry their verbs ("- … іске асырады.", "- … geliştirecektir."): a lead-in all the same
    (found in review: an item without a cue word of its own was no pledge, and showed as dropped)."""
    if not sentence.endswith(":"):
        return False
    words = folded(word_spans(sentence)[0])
    plain = lang.stopwords | lang.fillers
    return (0 < len(words) <= SUBJECT_LEAD_IN_WORDS and any(w in lang.subjects for w in words)
            and all(w in lang.subjects or w in plain for w in words))


SUBJECT_LEAD_IN_WORDS = 3  # "The Parties:", "Обе стороны:"
HEDGED_LEAD_IN_WORDS = 10  # "The United States, Mexico and Canada may:"; longer, it says more than who may
BARE_LEAD_IN_WORDS = 6  # "VI FÖRKLARAR HÄRMED ATT VI SKA:"


def _bare_lead_in(block_text: str, lang: Language) -> bool:
    """A lead-in of nothing but the parties, their pledge verb and function words ("WE WILL:",
    "Parterna enades om att:", "VI ÅTAR OSS HÄRMED ATT:", "Стороны договорились:"), alone in its
    block. One with content of its own stays a pledge: "We will provide $5 billion to:",
    "Стороны договорились удвоить товарооборот и:", "To advance the common goals …, we intend
    to work together across the following areas:"."""
    if _last_sentence(block_text) != block_text:
        return False
    spelled = word_spans(block_text)[0]
    words = [w.lower() for w in spelled]
    plain = lang.stopwords | lang.fillers | lang.infinitive_markers | lang.subjects | lang.speakers
    if _hedged_lead_in(block_text, lang):  # "The Parties may:", "The United States and Mexico can:": who and a hedge
        return True
    k = _named_parties(spelled, words, plain, lang)
    if not words or len(words) - k > BARE_LEAD_IN_WORDS or any(ch.isdigit() for ch in block_text):
        return False
    while k < len(words):
        if words[k] in plain:
            k += 1
            continue
        cue = lang.commitment_cues.match_at(words, k)
        if not cue:
            return False
        k += cue
    return True


def _named_parties(spelled: list[str], words: list[str], plain: frozenset[str], lang: Language) -> int:
    """How many words at the start of a lead-in name its parties ("The United States and Mexico
    pledge to stand together to:"): capitalised names and function words up to the first cue;
    0 when no name is among them. An all-capitals word is no name ("WE WILL:")."""
    named = False
    k = 0
    while k < len(words) and not lang.commitment_cues.match_at(words, k):
        word = spelled[k]
        if word[:1].isupper() and not word.isupper():
            named = True
        elif words[k] not in plain:
            return 0
        k += 1
    return k if named else 0


_SENTENCE_END_RE = recache.compile(r"[.!?…;]\s+")


def _continues_inline_list(text: str, previous: tuple[int, int], sentence: tuple[int, int], lang: Language) -> bool:
    """The sentence is the next item of a list run inline ("…: 1) X; 2) Y"): it opens with an
    item marker, the sentence before ends with ';' or ':', and it opens with a verb (``_verbal_item``)."""
    return (LIST_MARKER_RE.match(text, sentence[0], sentence[1]) is not None  # the cheap test first: most sentences have none
            and text[previous[0]:previous[1]].rstrip()[-1:] in (";", ":") and _verbal_item(text[sentence[0]:sentence[1]], lang))


def _last_sentence(block_text: str) -> str:
    """The lead-in proper: the part of the block after its last sentence end."""
    ends = list(_SENTENCE_END_RE.finditer(block_text))
    return block_text[ends[-1].end():] if ends else block_text


def _item_head(block_text: str, lang: Language, count: int) -> list[str]:
    """The first ``count`` words of a list item in lower case, after its marker, without an
    infinitive marker ("- to build …" → "build …")."""
    marker = LIST_MARKER_RE.match(block_text)
    words = [w.lower() for w in word_spans(block_text[marker.end() if marker else 0:])[0][:count]]
    return words[1:] if words and words[0] in lang.infinitive_markers else words


def _opens_with_listed_verb(block_text: str, lang: Language) -> bool:
    """The item opens with a verb of the language's lists (``infinitive_predicates``, commitment
    cues): "Increase the number …", "Enforce the … Act", not "Mexico hosted …", "Bilateral trade …"."""
    words = folded(_item_head(block_text, lang, 4))
    return bool(words) and bool(lang.infinitive_predicates.match_at(words, 0) or lang.commitment_cues.match_at(words, 0))


def _opens_with_verb(block_text: str, lang: Language) -> bool:
    """An instruction: an infinitive by its ending ("Провести …") where the language has them,
    not a noun that ends alike (``not_infinitive_endings``: "Деятельность группы …"), else a verb
    of the language's lists ("Hold …", "Increase …"; not "Ministry of Trade", "Ongoing", nor one an
    auxiliary follows: "Support was provided …", "Complete records are kept …")."""
    head = folded(_item_head(block_text, lang, 3))
    if not head:
        return False
    if lang.measure_endings:  # verb-final: the measure's verb closes it ("Ortak Yatırım Fonu'nun kurulması", "Қорды құру")
        spelled = word_spans(block_text)[0]
        return len(spelled) >= MEASURE_MIN_WORDS and fold(spelled[-1]).endswith(lang.measure_endings)
    if lang.infinitive_endings:
        return _verbal_item(block_text, lang) and not head[0].endswith(lang.not_infinitive_endings)
    if any(word in lang.passive_auxiliaries or word in lang.perfect_auxiliaries for word in head[1:]):
        return False
    return _opens_with_listed_verb(block_text, lang)


MEASURE_MIN_WORDS = 3  # a measure names what is done to what ("Ortak Fonun kurulması"); "Білім беру", "Денсаулық сақтау" are sectors


def _verbal_item(block_text: str, lang: Language, fronted: bool = True) -> bool:
    """Does the list item open with a verb (an infinitive or imperative carrying the lead-in's
    predicate: "- build a new railway link", "1. Расширить…"), not a noun phrase ("1. Memorandum
    of Understanding…", "- Посол Азербайджана…", "- a working lunch")?"""
    words = _item_head(block_text, lang, 3)
    if words and words[0] in lang.stopwords and fronted:
        # A fronted phrase before the verb: "- in the energy sector, double oil transit …", "- в
        # энергетической сфере удвоить …" (the items after it were lost with it: found in review)
        after = _after_fronted_phrase(block_text, lang)
        if after is not None:
            return _verbal_item(after, lang, fronted=False)
    if not words or words[0] in lang.stopwords or (len(words) > 1 and words[1] in lang.noun_phrase_links):
        return False
    return not lang.infinitive_endings or words[0].endswith(lang.infinitive_endings)


FRONTED_ITEM_WORDS = 6  # words of a phrase before an item's verb ("in the energy sector,"; "в энергетической сфере")


def _after_fronted_phrase(block_text: str, lang: Language) -> str | None:
    """The item after its fronted phrase: after a comma within FRONTED_ITEM_WORDS words, or in a
    language with infinitive endings after the first such word among them; None without one."""
    marker = LIST_MARKER_RE.match(block_text)
    body = block_text[marker.end() if marker else 0:]
    spelled, starts, _ = word_spans(body)
    head = spelled[:FRONTED_ITEM_WORDS + 1]
    comma = body.find(",", 0, starts[len(head) - 1] if head else 0)
    if comma > 0:
        return body[comma + 1:].lstrip()
    if lang.infinitive_endings:
        for k, word in enumerate(head[1:], 1):
            if word.lower().endswith(lang.infinitive_endings) and word.lower() not in lang.stopwords:
                return body[starts[k]:]
    return None


def _item_marker(text: str, start: int, end: int, lang: Language) -> re.Match[str] | None:
    """The marker that opens an inline list's item, with the coordinator before it: "(b) ",
    "and (c) ", "и в) " (the coordinator of a marked item is the list's punctuation, not the
    pledge's word)."""
    marker = LIST_MARKER_RE.match(text, start, end)
    if marker is None:
        coordinated = _COORDINATED_MARKER_RE.match(text, start, end)
        if coordinated is not None and coordinated["coordinator"].lower() in lang.coordinator_starts:
            return coordinated
    return marker


_COORDINATED_MARKER_RE = recache.compile(rf"(?P<coordinator>\w+)\s+\(?{MARKER_WORD}\)\s+")


def _inline_lead_in(text: str, clauses: list[Clause], lang: Language) -> tuple[int, int] | None:
    """The lead-in of a list inside one sentence, when ';' items follow its first clause: that
    clause up to the list's colon or first bracketed marker ("The parties will not: (a) expand X;
    (b) fund Y", "The parties will (a) hold …; (b) …"), else the whole first clause ("The parties
    will hold X; expand Y; and open Z"). Each later item carries its predicate, as an item of a
    bulleted list carries its lead-in's (``Commitment.lead``), so that "will" → "will not" weakens
    every item, not the first alone."""
    if len(clauses) < 2 or not clauses[1].after_semicolon:
        return None
    first = clauses[0]
    marked = _list_lead(text, first.start, first.end, lang)
    if marked is not None:
        return marked
    # A plain series shares the first clause's predicate only when its next item opens with a verb
    # ("will hold X; expand Y"), not with a subject of its own ("… was held in Astana; the parties will …").
    if not _opens_with_verb(_without_leading(text[clauses[1].start:clauses[1].end], lang), lang):
        return None
    start, end = _trim(text, first.start, first.end)
    return (start, end) if start < end else None


def _opener_lead(text: str, opener: tuple[int, int], lang: Language, memo: dict[tuple[int, int], tuple[int, int] | None]) -> tuple[int, int] | None:
    """``_list_lead`` of the sentence that opened an inline list, read once for all its items."""
    if opener not in memo:
        memo[opener] = _list_lead(text, *opener, lang)
    return memo[opener]


def _without_leading(item: str, lang: Language) -> str:
    """An item without its leading punctuation and coordinator ("; and open …" → "open …")."""
    item = item.lstrip(" \t\n;,")
    first = item.split(maxsplit=1)
    return first[1] if len(first) == 2 and first[0].lower() in lang.coordinator_starts else item


def _list_lead(text: str, start: int, end: int, lang: Language) -> tuple[int, int] | None:
    """text[start:end] up to the first bracketed item marker ("… will (a) hold …") or else the last
    colon before a space ("… will not: 1) …"; not "10:30"), trimmed, when that part holds a cue:
    the lead-in of the inline list the span opens ("Note: the parties will …" has none; "(see
    annex 2)" and "Article 5 a)" hold no bracketed marker, and a colon the parties speak after is a
    label's: "Note: the parties will …")."""
    marker = _ITEM_OPENER_RE.search(text, start, end)
    if marker is not None:
        cut = marker.start()
    else:
        colons = [m.start() for m in _LIST_COLON_RE.finditer(text, start, end)]
        if not colons:
            return None
        cut = colons[-1]
        # A label before the parties speak ("Note: the parties will hold …") is no lead-in.
        if any(word in lang.subjects or word in lang.speakers for word in folded(word_spans(text, cut, end)[0])):
            return None
    start, cut = _trim(text, start, cut)
    return (start, cut) if start < cut and has_cue(text[start:cut], lang) else None


_ITEM_OPENER_RE = recache.compile(rf"(?<!\S)\({MARKER_WORD}\)(?=\s)")  # "(a) ", "(1) ", "(ii) ", "(б) "
_LIST_COLON_RE = recache.compile(r":(?=\s)")

