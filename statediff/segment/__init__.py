"""Segment stage: cut a document into commitments and account for every other span of text."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cache, lru_cache
from typing import NamedTuple

from .. import recache
from ..data import read as read_data
from ..errors import NoCommitmentsError
from ..languages import (
    NEUTRAL,
    SUPPORTED,
    Language,
    LanguageRun,
    detect_language,
    display_name,
    foreign_sentence,
    get_language,
    language_name,
    language_runs,
    language_shares,
    named_code,
    parties_verb,
    past_tense,
)
from ..literals import gate as literal_gate
from ..model import Commitment, Document, Segmentation, Skipped
from .blocks import (
    DATELINE_RE,
    LIST_MARKER_RE,
    TITLED_DATELINE_RE,
    UPPER_LETTERS,
    Block,
    artefacts,
    bullet_below,
    classify_blocks,
    has_cue,
    is_editorial,
    is_list_item,
    split_blocks,
)
from .clauses import MARKER_WORD, Clause, clause_spans
from .places import numbered_paragraph, numbered_paragraphs, place_at
from .sentences import split_sentences
from .tokens import COMBINING_MARKS, WORD_RE, alternation, fold, folded, word_spans

# An unsupported language's sentence without a known pledge verb is kept from this many words: a
# shorter one is a caption, a name or a date line.
UNCUED_MIN_WORDS = 5
MIXED_RUNS_NAMED = 3  # line ranges a notice names per set-aside language
_EDGE_STRIP = " \t\r\n\u00a0\u200b\ufeff,;:-–—\"«»“”„'’"
_OPENING = "\"«“„'("


def segment(document: Document, language: str | None = None, id_prefix: str = "c", *, allow_empty: bool = False,
            prefer: str | None = None) -> Segmentation:
    """Cut ``document`` into commitments; ``language`` None or 'auto' means detect it.

    A document in two languages (a page with its translation below) is read in one of them: the
    given ``language``, else ``prefer`` (the other statement's) when the text holds it, else the
    one with most text; the other parts are skipped as "other language", with a notice.
    Commitment ids are ``id_prefix`` + a 1-based number (the report uses o1… and n1…). A document
    without commitments raises NoCommitmentsError, unless ``allow_empty`` (to show why)."""
    notice = None
    unsupported = None  # a language detected or given that has no data file
    detected = not language or language == "auto"
    runs = language_runs(document.text)
    shares = language_shares(runs)
    # What the text looks like, also when --lang gives a language; a mixed page, the part to read.
    guess = (prefer if prefer in shares else next(iter(shares))) if shares else detect_language(document.text)
    code = guess if detected else language
    read = code  # the part read (a language code, as the text's runs name it)
    set_aside = tuple(run for run in runs if run.code != read) if read in shares else ()
    if code not in SUPPORTED and code != NEUTRAL:
        notice = (f"{document.path}: language {named_code(code)} is not supported; using language-neutral rules, which read every "
                  f"sentence of {UNCUED_MIN_WORDS} words or more as a pledge (background included)")
        unsupported, code = code, NEUTRAL
    elif code == NEUTRAL and detected:
        notice = (f"{document.path}: language not recognised; using language-neutral rules, which read every "
                  f"sentence of {UNCUED_MIN_WORDS} words or more as a pledge (background included)")
    elif not detected and code != NEUTRAL and guess != code and guess in SUPPORTED and code not in shares:
        # A --lang that does not fit the text finds few pledges: the report looks complete but is not.
        notice = (f"{document.path}: read as {language_name(code)} ('{code}') as given, but the text looks "
                  f"{language_name(guess)} ('{guess}'); pledges may be missing (check --lang)")
    lang = get_language(code)
    # In a language with no data file the neutral rules know few pledge verbs: a sentence without
    # one is kept rather than lost, so that a dropped pledge cannot pass unseen (--fail-on).
    commitments, skipped = _cut(document, lang, id_prefix, keep_uncued=code == NEUTRAL and detected, set_aside=set_aside)
    if document.table_rows:
        commitments = _with_row_cells(commitments, document.text, document.table_rows)
    if set_aside:
        option = {"o": "--lang-old", "n": "--lang-new"}.get(id_prefix, "--lang")  # the comparison's sides, or one file
        mixed = _mixed_notice(document, read, shares, set_aside, option)
        notice = f"{notice}; {mixed}" if notice else f"{document.path}: {mixed}"
    elif code != NEUTRAL:
        skipped, interleaved = _interleaved_pledges(document, code, skipped)
        if interleaved:
            notice = f"{notice}; {interleaved}" if notice else f"{document.path}: {interleaved}"
    if not commitments and not allow_empty:
        message = f"{document.path}: no commitments found (read as {language_name(code)}, {len(document.text)} characters)"
        if not detected and guess != code and guess in SUPPORTED:  # a --lang that the text is not in explains it
            message += f"; the text looks {language_name(guess)} ('{guess}'), not '{code}' as given"
        if unsupported:
            message += f"; its language, {named_code(unsupported)}, is not supported, and language-neutral rules know few of its pledge verbs"
        raise NoCommitmentsError(message)
    if unsupported:
        unread = sum(1 for k in skipped if k.reason == "not a commitment")
        if unread > len(commitments):  # most of the text: say so, or the report looks complete
            notice = (f"{notice}; {unread} of {unread + len(commitments)} sentences or clauses were read as no pledge, "
                      f"and pledges among them are missing from the comparison (statediff segment lists them)")
    return Segmentation(
        document=document,
        language=code,
        language_notice=notice,
        commitments=tuple(commitments),
        skipped=tuple(_fill_gaps(document.text, commitments, skipped)),
    )


def _mixed_notice(document: Document, read: str, shares: dict[str, int], set_aside: tuple[LanguageRun, ...], option: str) -> str:
    """What a document in two languages had set aside: each other language's share and lines."""
    total = sum(shares.values())
    parts = []
    for code, letters in shares.items():
        if code == read:
            continue
        runs = [run for run in set_aside if run.code == code]
        lines = ", ".join(_line_range(document, run) for run in runs[:MIXED_RUNS_NAMED]) + (", …" if len(runs) > MIXED_RUNS_NAMED else "")
        label = "line" if len(runs) == 1 and "–" not in lines else "lines"
        parts.append(f"the {display_name(code)} part ({letters / total:.0%} of the text, {label} {lines})")
    others = [code for code in shares if code != read]
    # Only a supported language can be asked for; another one's part is read by none of them.
    hint = next((f"{option} {code} reads the {display_name(code)} part" for code in others if code in SUPPORTED), "")
    return (f"the text is in {len(shares)} languages; {' and '.join(parts)} was set aside and only the "
            f"{display_name(read)} part read" + (f" ({hint})" if hint else ""))


def _interleaved_pledges(document: Document, code: str, skipped: list[Skipped]) -> tuple[list[Skipped], str]:
    """``skipped`` with each sentence read as no pledge that is plainly in another language
    (``languages.foreign_sentence``: the other script, or Russian and Kazakh by their own letters)
    and reads as a pledge in it relabelled "other language", and a notice naming them, or "". A
    page in two languages is set aside by its lines (``language_runs``); this finds a translation
    interleaved sentence by sentence inside one paragraph ("Стороны договорились … The parties
    agreed …"), whose pledges were otherwise skipped as no pledge without a word (found by a new
    user's review)."""
    text = document.text
    found: dict[str, list[Skipped]] = {}
    out = []
    for span in skipped:
        if span.reason == "not a commitment":
            piece = text[span.start:span.end]
            language = foreign_sentence(piece, code)
            if language is not None and get_language(language).commitment_cues.positions(folded(word_spans(piece, 0, len(piece))[0])):
                span = Skipped(span.start, span.end, "other language")
                found.setdefault(language, []).append(span)
        out.append(span)
    if not found:
        return skipped, ""
    parts = []
    for language, spans in found.items():
        lines = ", ".join(str(document.line_of(span.start)) for span in spans[:MIXED_RUNS_NAMED]) + (", …" if len(spans) > MIXED_RUNS_NAMED else "")
        parts.append(f"{len(spans)} {display_name(language)} " + (f"sentence (line {lines})" if len(spans) == 1 else f"sentences (lines {lines})"))
    one = sum(map(len, found.values())) == 1
    return out, (f"{' and '.join(parts)} between the {display_name(code)} ones "
                 + ("reads like a pledge and was set aside" if one else "read like pledges and were set aside")
                 + ": statediff reads one language per statement; compare the other language's text as a file of its own")


def _marked_heading(headings: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether text[start:end] lies inside a line the source marks as a heading."""
    k = bisect.bisect_right(headings, (start, float("inf"))) - 1
    return k >= 0 and headings[k][0] <= start and end <= headings[k][1]


def _within(runs: tuple[LanguageRun, ...], starts: list[int], offset: int) -> bool:
    run = runs[max(0, bisect.bisect_right(starts, offset) - 1)]
    return run.start <= offset < run.end


def _line_range(document: Document, run: LanguageRun) -> str:
    first, last = document.line_of(run.start), document.line_of(max(run.start, run.end - 1))
    return str(first) if first == last else f"{first}–{last}"


def _cut(document: Document, lang: Language, id_prefix: str, keep_uncued: bool = False,
         set_aside: tuple[LanguageRun, ...] = ()) -> tuple[list[Commitment], list[Skipped]]:
    """The commitments of ``document`` and the spans left out, each with its reason: the blocks
    are planned (``_block_plan``: which are list items), then each block's sentences are cut
    into pledges (``_cut_sentence``), and reports of another party's words are dropped last."""
    text = document.text
    commitments: list[Commitment] = []
    skipped: list[Skipped] = []
    found = _Provisional(text, lang)
    title = ""  # the document's first block, when a heading of TITLE_WORDS or more, as _title_key has it
    first_block = True
    plan = _block_plan(document, lang, set_aside, skipped)
    lead: tuple[int, int] | None = None  # the lead-in of the list being read
    cells = sorted(cell for row in document.table_rows for cell in row)
    cell_starts = [start for start, _ in cells]
    for number, (block, item, opens_list) in enumerate(plan):
        block_text = text[block.start:block.end]
        if opens_list:
            # Only the lead-in proper, the block's last sentence: "Neither country can meet these
            # challenges alone." before it is no part of the items (found in review).
            lead = _trim(text, block.end - len(_last_sentence(block_text)), block.end)
        elif not item and not (lead and is_list_item(block_text)):  # (a bulleted non-pledge, "- энергетика;", keeps the list's lead-in)
            lead = None
        if first_block and block.reason == "heading" and len(block_text.split()) >= TITLE_WORDS:
            title = _title_key(block_text)
        first_block = False
        # An action plan's measure in a table cell: an instruction ("Hold the next meeting …",
        # "Провести заседание …") carries the plan's predicate, as a list item its lead-in's; with
        # no full stop it looked like a heading (found in review).
        measure = bool(cells) and _in_cell(cells, cell_starts, block.start, block.end) and _opens_with_verb(block_text, lang)
        if block.reason and not item and not (measure and block.reason == "heading"):
            skipped.append(Skipped(block.start, block.end, block.reason))
            continue
        if opens_list and number + 1 < len(plan) and plan[number + 1][1] and (
                _bare_lead_in(_unmarked(block_text), lang)
                or (_last_sentence(unmarked := _unmarked(block_text)) == unmarked and _announces_items(unmarked, lang))):
            # Its predicate goes to the items below, which are the pledges; alone it says nothing
            # ("The Participants will cooperate in the following areas:" names no area).
            skipped.append(Skipped(block.start, block.end, "heading"))
            continue
        for a_start, a_end in artefacts(text, block.start, block.end):
            skipped.append(Skipped(a_start, a_end, "boilerplate"))
        for s_start, s_end in _body_spans(text, block.start, block.end):
            sentences = split_sentences(text, s_start, s_end, lang)
            quoted = _remark_sentences(text, sentences, lang) if lang.speech_verbs and _has_quotation(text, s_start, s_end, lang) else set()
            list_pledged = False  # the sentence that opened the inline list before this one held a pledge
            opener = (0, 0)  # that sentence
            opener_leads: dict[tuple[int, int], tuple[int, int] | None] = {}  # its lead-in, read once for all its items
            for k, sentence in enumerate(sentences):
                # "…, including by: 1) X; 2) targeting Y; 3) …": the sentence splitter cuts at an
                # inline item marker; such an item carries the predicate of the sentence before.
                inline_item = k > 0 and list_pledged and _continues_inline_list(text, sentences[k - 1], sentence, lang)
                if not inline_item:
                    list_pledged = False
                    opener = sentence
                if k in quoted:
                    skipped.append(Skipped(sentence[0], sentence[1], "quotation"))
                    continue
                if k and text[sentence[0]] == "[" and is_editorial(text[sentence[0]:sentence[1]], lang):
                    # a drafter's note after the paragraph's text ("… manganese. [CA: Canada to confirm the list]")
                    skipped.append(Skipped(sentence[0], sentence[1], "boilerplate"))
                    continue
                lede, title = bool(title) and _restates_title(_title_key(text[sentence[0]:sentence[1]]), title, lang), ""
                if lede or _closing_formula(text, sentence, lang) or (not opens_list and _opening_formula(text, sentence, lang)):
                    skipped.append(Skipped(sentence[0], sentence[1], "heading"))  # a lede, a closing dateline, an opening formula
                    continue
                kept = len(commitments)
                _cut_sentence(document, lang, sentence, commitments, skipped, id_prefix, found,
                              inherits=((item or measure) and k == 0) or inline_item, keep_uncued=keep_uncued,
                              lead=lead if item and k == 0 else (_opener_lead(text, opener, lang, opener_leads) if inline_item else None))
                list_pledged = inline_item or len(commitments) > kept
    spoken_only = found.spoken_only
    if found.reports:
        # (An actor the parties address is no party, though a cue followed its name: "Russia is committed …".)
        # (One word: "Korea" of "North Korea" may be a party's, "the Republic of Korea".)
        addressed = {key for key, names in found.addressed().names.items() if (key,) in names}
        parties = {word for word in found.parties if _name_key(word) not in addressed}
        commitments, spoken_only = _drop_other_reports(commitments, spoken_only, found.reports, parties, skipped, id_prefix)
    if spoken_only:
        commitments = _drop_spoken_edges(commitments, set(spoken_only), skipped, id_prefix)
    return commitments, skipped


def _block_plan(document: Document, lang: Language, set_aside: tuple[LanguageRun, ...],
                skipped: list[Skipped]) -> list[tuple[Block, bool, bool]]:
    """The document's blocks, each with whether it is a list item that inherits the lead-in's
    predicate and whether it opens such a list; a block in another language (``set_aside``) is
    added to ``skipped`` instead."""
    text = document.text
    lead_in = False  # the block before opened a list with a pledge ("The leaders agreed to:")
    lead_to_infinitive = False  # that lead-in ends on "to" ("… tasked officials to:"): its items are verbs, whatever they look like
    lead_announces_items = False  # that lead-in announces its items as pledges ("… will cooperate in the following areas:")
    after_lead_in = False  # the block before is that lead-in itself
    item_closer = ""  # the last character of the open list's first item
    previous_end = 0
    plan: list[tuple[Block, bool, bool]] = []  # (block, is an item that inherits, opens a list)
    aside_starts = [run.start for run in set_aside]
    headings = document.headings
    blocks = classify_blocks(text, split_blocks(text, lang.end_markers), lang)
    for number, block in enumerate(blocks):
        if aside_starts and _within(set_aside, aside_starts, block.start):
            skipped.append(Skipped(block.start, block.end, "other language"))
            continue
        if headings and block.reason != "heading" and _marked_heading(headings, block.start, block.end):
            block = replace(block, reason="heading")  # the source says so, whatever its words
        # An item of that list carries the lead-in's predicate ("- build a new railway link"); an
        # item without a marker is a line right below, closed like an item ("to open a consulate;").
        block_text = text[block.start:block.end]
        marked = is_list_item(block_text)
        # An unmarked item stands right below the lead-in or the item before (the first may stand
        # after a blank line: "…through the following actions:" / "" / "Expand our investment …").
        adjacent = "\n\n" not in text[previous_end:block.start].replace("\r", "")
        unmarked = not marked and block_text[-1:] in ";.," and (adjacent or after_lead_in)
        # A full-stop item goes on a full-stop list, and the first item may stand after a blank
        # line, only when it opens with a verb the language lists ("Enforce …", not "Mexico hosted …").
        loose = unmarked and (not adjacent or (block_text.endswith(".") and item_closer == "." and not after_lead_in))
        item = (lead_in and block.reason is None and (marked or unmarked)
                and (_verbal_item(block_text, lang) or (marked and lead_to_infinitive and _item_after_infinitive(block_text, lang))
                     or (marked and lead_announces_items))
                and (not loose or _opens_with_listed_verb(block_text, lang)))
        previous_end = block.end
        # A lead-in ends with ':', or stops mid-sentence right above a bulleted item ("…and decided to" / "– expand …");
        # not an item of the list already open, unclosed above its sibling ("• expand trade" / "• deepen ties": found in
        # review), while one above a deeper item is a sub-list's lead-in ("• Uzbekistan will not" / "  – impose …").
        below = (blocks[number + 1].start, blocks[number + 1].end) if number + 1 < len(blocks) else None
        # (The cue is looked for last: most blocks end with a full stop, and the test of their
        # words was a tenth of segmenting 5,000 pledges.)
        opens_list = block.reason in (None, "heading") and (
            block_text.endswith(":") or (block_text[-1:].isalpha() and not (item and marked and _same_level(text, block.start, below))
                                         and (bullet_below(text, (block.start, block.end), below) or _open_above_item(text, block.end, below, lang)))
        ) and (has_cue(last := _last_sentence(block_text), lang) or _hedged_lead_in(last, lang) or _subject_lead_in(last, lang))
        # An item closed by a full stop is the list's last ("to meet again in 2026."), unless the
        # list's first item was closed so too: a list of full-stop items ("Increase the number …." /
        # "Reduce impunity …."), which a paragraph after a blank line or a line that opens
        # otherwise still ends.
        if item and after_lead_in:
            item_closer = block_text[-1:]  # the first item's last character: "." for a full-stop list
        # (A bulleted item that is no pledge, "- energy;", keeps the list going: the items after it are the list's.)
        lead_in = opens_list or (lead_in and (item or (marked and block.reason is None)) and (marked or not block_text.endswith(".") or item_closer == "."))
        after_lead_in = opens_list
        if opens_list:
            lead_to_infinitive = _ends_on_infinitive_marker(block_text, lang)
            lead_announces_items = _announces_items(_last_sentence(block_text), lang)
        plan.append((block, item, opens_list))
    return plan


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
TITLE_WORDS = 8  # a first heading this long is the title, which the lede may restate (a shorter one is a name: "The United States and India")


def _title_key(span: str) -> str:
    """A heading or sentence as the title check compares them: lower case, single spaces, no
    closing punctuation."""
    return " ".join(span.lower().split()).rstrip(".:;!?")


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


def _restates_title(sentence: str, title: str, lang: Language) -> bool:
    """The first sentence after the title is its lede when it restates the title and goes on
    describing it: nothing more, or a relative pronoun next ("Gemensamt uttalande av … som
    fördömer …", "Joint Statement by … which reaffirms …"). Not a dateline heading followed by
    its story ("NEW DELHI, Sept 8 (Reuters) - India and …"), nor a name that opens a sentence of
    its own ("The United States and India, as the world's largest democracies, will …")."""
    if not sentence.startswith(title):
        return False
    rest = sentence[len(title):].lstrip()
    return not rest or rest.split(maxsplit=1)[0] in lang.relatives


def _closing_formula(text: str, sentence: tuple[int, int], lang: Language) -> bool:
    """The closing formula of a declaration ("ADOPTED in Phnom Penh, …, on the Twelfth day of
    November …"), with no pledge after it ("Adopted in Paris in 2015, the Agreement remains our
    compass, and we will submit …" is a pledge)."""
    for formula in lang.closing_formulas:
        found = formula.match(text, sentence[0], sentence[1])
        if found is not None:
            return not has_cue(text[found.end():sentence[1]], lang)
    return False


OPENING_FORMULA_TAIL = 100  # characters at a sentence's end that hold its opening formula ("… заявляют о следующем:")


def _opening_formula(text: str, sentence: tuple[int, int], lang: Language) -> bool:
    """The opening formula of a declaration whose paragraphs follow as sentences of their own
    ("The Heads of State … declare the following:", "Руководители государств-членов … заявляют о
    следующем."): it announces the pledges and is none, when no cue stands before it. Before a
    list whose items carry its predicate it is the items' lead-in, left to the list rules."""
    # The formulas are anchored at the sentence's end: only its last characters are searched.
    tail = max(sentence[0], sentence[1] - OPENING_FORMULA_TAIL)
    for formula in lang.opening_formulas:
        found = formula.search(text, tail, sentence[1])
        if found is not None:
            # Not after a pledge of the sentence: "Стороны договорились удвоить товарооборот … и заявили о следующем."
            return not has_cue(text[sentence[0]:found.start()], lang)
    return False


class _Provisional:
    """What one document's cut keeps provisionally, decided once the whole document is read:
    commitments kept only because the parties speak ("We …") or report a deed ("Mexico also
    joined …"), and the parties' names that such a report must name."""

    __slots__ = ("spoken_only", "reports", "parties", "names", "addressed")

    def __init__(self, text: str, lang: Language) -> None:
        self.spoken_only: list[int] = []  # indices of commitments with no cue of their own
        # "Mexico also joined …" counts only when a name of its subject is a party's: a subject of
        # a cue-bearing pledge of the document ("The United States and Mexico remain committed …"),
        # not "Russia invaded …", "Reuters reported …", "The Kremlin declined to comment".
        self.reports: list[tuple[int, frozenset[str]]] = []  # (index of the commitment, its subject's names)
        self.parties: set[str] = set()
        self.names: Callable[[], frozenset[str]] = cache(lambda: proper_names(text))  # at the first clause that needs them
        self.addressed: Callable[[], Addressees] = cache(lambda: addressees(text, lang))


def _drop_other_reports(
    commitments: list[Commitment], spoken_only: list[int], reports: list[tuple[int, frozenset[str]]], parties: set[str],
    skipped: list[Skipped], id_prefix: str,
) -> tuple[list[Commitment], list[int]]:
    """Reports of a deed whose subject names no party of the statement are not its pledges."""
    drop = {k for k, subject in reports if not subject & parties}
    if not drop:
        return commitments, spoken_only
    skipped.extend(Skipped(commitments[k].start, commitments[k].end, "not a commitment") for k in sorted(drop))
    keep = [k for k in range(len(commitments)) if k not in drop]
    renumbered = {old: new for new, old in enumerate(keep)}
    return numbered([commitments[k] for k in keep], id_prefix), [renumbered[k] for k in spoken_only if k in renumbered]


def _drop_spoken_edges(commitments: list[Commitment], spoken_only: set[int], skipped: list[Skipped], id_prefix: str) -> list[Commitment]:
    """"We …" sentences count only from the sentence of the statement's first cue-bearing pledge
    to that of its last: before or after them they are the page's ("We would love to hear from
    you", "We respect your privacy")."""
    anchors = [c for k, c in enumerate(commitments) if k not in spoken_only]
    if not anchors:
        body_start, body_end = 0, -1
    else:
        body_start, body_end = anchors[0].sentence_start, anchors[-1].sentence_end
    kept_from = next((k for k, c in enumerate(commitments) if c.sentence_end > body_start), len(commitments))
    kept_to = next((k + 1 for k in range(len(commitments) - 1, -1, -1) if commitments[k].sentence_start < body_end), 0)
    if kept_from == 0 and kept_to == len(commitments):
        return commitments
    skipped.extend(Skipped(c.start, c.end, "outside the statement") for c in commitments[:kept_from] + commitments[max(kept_from, kept_to):])
    return numbered(commitments[kept_from:kept_to], id_prefix)


# Spans read as no pledge that may still restate a pledge of the other statement (align.with_echoes):
# a clause without a cue ("The Joint Commission may meet …" after "… shall meet …") and, in the
# new statement, an account of what was done ("Nätverket … inrättades i maj 2024" after "Vi
# kommer att inrätta …"). In the old one, history is what came before: "Напомним, что в 2023 году
# Стороны открыли консульство" and "Стороны откроют консульство в 2026 году" are two events, and
# the new pledge is new (found in review: linked, it passed --fail-on new).
ECHO_REASONS = ("not a commitment", "background")
OLD_ECHO_REASONS = ("not a commitment",)
ECHO_MIN_WORDS = 4  # shorter spans are headings, labels and table cells


def unread_spans(seg: Segmentation, reasons: tuple[str, ...] = ECHO_REASONS) -> tuple[Commitment, ...]:
    """The spans of ``seg`` skipped for one of ``reasons``, of ECHO_MIN_WORDS words or more, each
    as a commitment, in text order, without an id (``with_pledges`` numbers the ones that
    ``align.with_echoes`` links)."""
    text = seg.document.text
    spans = [s for s in seg.skipped if s.reason in reasons and len(text[s.start:s.end].split()) >= ECHO_MIN_WORDS]
    if not spans:
        return ()
    lang = get_language(seg.language)
    return tuple(Commitment(id="", start=s.start, end=s.end, text=text[s.start:s.end], match_text=_match_text(text[s.start:s.end], lang),
                            sentence_start=s.start, sentence_end=s.end, line=seg.document.line_of(s.start),
                            place=place_at(text, s.start))
                 for s in spans)


def with_pledges(seg: Segmentation, spans: list[Commitment]) -> Segmentation:
    """``seg`` with ``spans`` (from ``unread_spans``) read as its pledges, in text order, all
    numbered again, and no longer among its skipped spans."""
    if not spans:
        return seg
    prefix = seg.commitments[0].id.rstrip("0123456789") if seg.commitments else ""
    commitments = tuple(numbered(sorted([*seg.commitments, *spans], key=lambda c: (c.start, c.end)), prefix))
    taken = {(c.start, c.end) for c in spans}
    return replace(seg, commitments=commitments, skipped=tuple(s for s in seg.skipped if (s.start, s.end) not in taken))


def numbered(commitments: list[Commitment], id_prefix: str) -> list[Commitment]:
    """The commitments with ids 1…n again after some were dropped (only those that moved are rebuilt)."""
    return [c if c.id == f"{id_prefix}{k + 1}" else replace(c, id=f"{id_prefix}{k + 1}") for k, c in enumerate(commitments)]


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


def _in_cell(cells: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether text[start:end] lies inside one table cell (``cells`` sorted, ``starts`` theirs)."""
    k = bisect.bisect_right(starts, start) - 1
    return k >= 0 and cells[k][1] >= end


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


def _body_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The block minus export artefacts ("[bookmark: _GoBack]")."""
    spans, cursor = [], start
    for a_start, a_end in artefacts(text, start, end):
        if a_start > cursor:
            spans.append((cursor, a_start))
        cursor = a_end
    if cursor < end:
        spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _cut_sentence(
    document: Document, lang: Language, sentence: tuple[int, int], commitments: list[Commitment], skipped: list[Skipped], id_prefix: str,
    found: _Provisional, inherits: bool = False, keep_uncued: bool = False, lead: tuple[int, int] | None = None,
) -> None:
    """Cut one sentence into clauses and keep those that carry a pledge; ``inherits``: the
    sentence is a list item whose lead-in holds the predicate, so its first clause needs no cue;
    ``keep_uncued``: a clause of UNCUED_MIN_WORDS words or more is kept without a cue too;
    ``lead``: the list's lead-in, whose predicate the sentence's first clause carries.
    Commitments kept only because the parties speak ("We …") or report what they did ("Mexico
    also joined …") are noted in ``found``, to be decided once the document is read."""
    text = document.text
    s_start, s_end = sentence
    marker = LIST_MARKER_RE.match(text, s_start, s_end) or (ARTICLE_MARKER_RE.match(text, s_start, s_end) if _opens_paragraph(text, s_start) else None)
    if marker is None and _opens_paragraph(text, s_start):
        paragraph = PARAGRAPH_NUMBER_RE.match(text, s_start, s_end)  # ("numbered" would shadow the function)
        marker = paragraph if paragraph and numbered_paragraph(paragraph.group(1), numbered_paragraphs(text)) else None
    if marker and marker.end() < s_end:
        skipped.append(Skipped(s_start, marker.end(), "list marker"))
        s_start = marker.end()
    # (Only where a paragraph opens: the text before is a line break or nothing.)
    if _opens_paragraph(text, s_start):
        dateline = DATELINE_RE.match(text, s_start, s_end) or TITLED_DATELINE_RE.match(text, s_start, s_end)
    else:  # "АСТАНА. KAZINFORM – …": the sentence splitter cut after the place, a heading of its own
        dateline = _AGENCY_RE.match(text, s_start, s_end) if _after_capital_place(text, s_start) else None
    if dateline and (dateline.groupdict().get("date") or dateline["agency"]) and dateline.end() < s_end:
        # (Every press release has a new one: inside the pledge it made each pair "modified".)
        skipped.append(Skipped(*_trim(text, s_start, dateline.end()), "heading"))
        s_start = dateline.end()
    texts, token_starts, token_ends = word_spans(text, s_start, s_end)
    words = folded(texts)
    cues = lang.commitment_cues.positions(words)
    if not lang.capitalised_nouns:
        cues = [k for k in cues if not _in_name(texts, words, k, lang)]
    pledge_at = _after_participants(text, texts, words, token_starts, token_ends, cues, lang)
    if pledge_at is not None:
        # "We, the Heads of State … of A, B, …, gathered in …, reiterate …": who speaks is no pledge.
        skipped.append(Skipped(*_trim(text, s_start, token_starts[pledge_at]), "participants"))
        s_start = token_starts[pledge_at]
        texts, token_starts, token_ends, words = texts[pledge_at:], token_starts[pledge_at:], token_ends[pledge_at:], words[pledge_at:]
        cues = [k - pledge_at for k in cues if k >= pledge_at]
    cue_starts = [token_starts[k] for k in cues]
    clauses = clause_spans(text, s_start, s_end, lang, words, token_starts, token_ends, cues)
    inline_lead = _inline_lead_in(text, clauses, lang)
    first_kept = False  # the first clause is a pledge
    for number, clause in enumerate(clauses):
        start, end = _trim(text, clause.start, clause.end)
        if start >= end:
            continue
        # An item of an inline list, "…; (b) increase …", "…; 2) увеличивать …": its marker is no word of the pledge.
        marker = _item_marker(text, start, end, lang) if number > 0 and clause.after_semicolon else None
        if marker and marker.end() < end:
            skipped.append(Skipped(start, marker.end(), "list marker"))
            start = marker.end()
        # Counted by bisection: a sentence may be a whole 5 MB line of many clauses.
        clause_has_cue = bisect.bisect_left(cue_starts, end) > bisect.bisect_left(cue_starts, start)
        first = bisect.bisect_left(token_starts, start)
        word_count = bisect.bisect_left(token_starts, end) - first
        if number > 0 and word_count and _attribution_after_quote(text, start, texts, words, first, first + word_count, cues, lang):
            skipped.append(Skipped(start, end, "quotation"))
            continue
        # A clause cut where a verb of the sentence's pledge opens it holds a pledge of its own
        # ("…, and build new ports", "…, to build new labs", "…, et soutenons …", a ';' item); a
        # named subject's predicate ("…, and Reuters called it …") or the main clause after a
        # leading participle ("Expressing condolences, the President called …") needs a cue.
        is_commitment = (clause_has_cue or (number > 0 and clause.opens_with_verb and bool(cue_starts)) or (inherits and number == 0)
                         # an item of an inline list whose first clause is a pledge without a cue word ("Стороны могут: а) …; б) …")
                         or (number > 0 and clause.after_semicolon and inline_lead is not None and first_kept)
                         or (keep_uncued and word_count >= UNCUED_MIN_WORDS) or _parties_act(words, first, first + word_count, lang)
                         or _named_parties_hedge(text, words, token_starts, first, first + word_count, lang, found.names)
                         or any(p.match(text, start, end) for p in lang.definition_patterns))
        reported: frozenset[str] = frozenset()
        spoken = not is_commitment and _spoken_by_parties(text, words, token_starts, first, first + word_count, lang)
        if not is_commitment and not spoken:
            reported = _party_reports_action(text, words, token_starts, first, first + word_count, lang, found.names)
            spoken = bool(reported)
        is_commitment = is_commitment or spoken
        if not is_commitment or word_count < 2:
            skipped.append(Skipped(start, end, "not a commitment"))
            continue
        aside = _set_aside(text, texts, words, token_starts, (start, end), (first, first + word_count), lang, cues, cue_starts, found.names,
                           found.addressed)
        if aside:
            skipped.append(Skipped(start, end, aside))
            continue
        # The sentence subject is not copied onto later clauses: measured, it made unrelated
        # pledges of one sentence ("Prime Minister Modi and President Biden …") look alike.
        ends_sentence = not any(ch.isalnum() for ch in text[end:s_end])
        relative = _trailing_relative(text, words, token_starts, first, first + word_count, lang, cues, ends_sentence)
        if relative is not None:  # what the pledge's object is, not the pledge (and never read back as one: no echo)
            comma = text.rindex(",", start, token_starts[relative])
            skipped.append(Skipped(*_trim(text, comma + 1, end), "aside"))
            end = _trim(text, start, comma)[1]
        match_text = _match_text(text[start:end], lang)
        if spoken and not reported:  # a party's deed is the statement's wherever it stands ("Mexico also joined …" last)
            found.spoken_only.append(len(commitments))
        if reported:
            found.reports.append((len(commitments), reported))
        elif clause_has_cue and lang.past_endings:
            found.parties.update(_cue_subject(text, words, token_starts, first, first + word_count, lang, cues))
        commitments.append(
            Commitment(
                id=f"{id_prefix}{len(commitments) + 1}",
                start=start,
                end=end,
                text=text[start:end],
                match_text=match_text,
                sentence_start=s_start,
                sentence_end=s_end,
                line=document.line_of(start),
                place=place_at(text, start),
                # A report in the past tense, not a hedged pledge ("Japan may provide …"), or "We" and a past verb.
                # A clause dated in the past whose verb is past is one too ("In 2022, Mexico made historic seizures …").
                deed=(bool(reported) and not any(words[k] in lang.party_modals for k in range(first, first + word_count))
                      or spoken and not reported and _speakers_did(text, words, token_starts, first, first + word_count, lang)
                      or _is_dated_account(text, start, end, lang, words, token_starts)),
                lead=lead if number == 0 else (inline_lead if clause.after_semicolon else None),
            )
        )
        first_kept = first_kept or number == 0


_ROW_NUMBER_RE = recache.compile(r"\s*(?:№\s*)?\d{1,3}[.)]?\s*")
ROW_CELL_LOOKBACK = 64  # cells looked back through for the one that holds a pledge (its row's cells before it, nested tables)
ROW_CELL_PARAGRAPHS = 3  # paragraphs a pledge's cell may hold ("Measure." + "Details …"); a layout cell holds a statement's
ROW_CELL_MAX_CHARS = 80  # a cell beside a pledge this short names its figure, date or body ("December 2026"); longer, it says more


def _with_row_cells(commitments: list[Commitment], text: str, rows: tuple[tuple[tuple[int, int], ...], ...]) -> list[Commitment]:
    """Each pledge in a table cell with the short cells beside it in its row (``Commitment.row_cells``):
    "The parties will open a consulate in Shymkent." | "2025" → "2027" is a changed deadline, not a
    persisted pledge (a deadline column's changes went unreported). The
    innermost cell holding the pledge counts (a layout table's outer cell holds whole tables), and
    only when it holds few paragraphs (a layout cell holds a statement's paragraphs: its sidebar's
    "12 May 2023" is no figure of theirs, found in review); a
    cell that holds a pledge of its own is no figure of this one, nor is the row's number in its
    first cell ("1", "12.": a row inserted above renumbers every row below)."""
    cells = sorted((start, end, r) for r, row in enumerate(rows) for start, end in row)
    starts = [start for start, _, _ in cells]
    pledged = set()
    home: dict[int, tuple[int, int, int]] = {}
    for k, c in enumerate(commitments):
        # Back from the last cell that starts at or before the pledge: the first that holds it is
        # the innermost (cells nest), and the cells of its row before it are few.
        at = bisect.bisect_right(starts, c.start) - 1
        stop = max(-1, at - ROW_CELL_LOOKBACK)
        while at > stop and cells[at][1] < c.end:
            at -= 1
        if at > stop:
            home[k] = cells[at]
            pledged.add(cells[at][:2])
    if not home:
        return commitments
    out = list(commitments)
    for k, (start, end, r) in home.items():
        if text.count("\n\n", start, end) >= ROW_CELL_PARAGRAPHS:
            continue  # a cell of many paragraphs is a page's layout (a statement beside a sidebar's date), not a table's row
        beside = tuple((a, b) for n, (a, b) in enumerate(rows[r]) if (a, b) != (start, end) and b - a <= ROW_CELL_MAX_CHARS
                       and (a, b) not in pledged and not (n == 0 and _ROW_NUMBER_RE.fullmatch(text, a, b)))
        if beside:
            out[k] = replace(commitments[k], row_cells=beside)
    return out


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


def _plays_a_role(
    text: str, words: list[str], token_starts: list[int], first: int, last: int, cue_starts: list[int], lang: Language
) -> bool:
    """"Quad partners' export credit agencies make an important contribution to the prosperity of
    the Indo-Pacific", "Industries of both countries continue to play a vital role …": what
    something is worth (``role_patterns``), its predicate, with no cue before it and neither the
    parties speaking nor a modal: a fact, not a pledge. Cues after it are its complement; "We will
    play a key role …" and "reaffirm the need to ensure that the Internet continues to play a
    positive role" stay pledges."""
    if not lang.role_patterns:
        return False
    start, end = token_starts[first], token_starts[last - 1] + len(words[last - 1])
    gate = _gate(lang.role_patterns)
    if gate is not None and gate.search(text, start, end) is None:  # most clauses hold no word the patterns need
        return False
    found = next((m for m in (p.search(text, start, end) for p in lang.role_patterns) if m), None)
    if found is None:
        return False
    # Anywhere in the clause: "As small businesses play a key role …, we will expand …" is a pledge (found in review).
    if any(words[k] in lang.speakers or words[k] in lang.pledge_modals for k in range(first, last)):
        return False
    return all(c >= found.start() for c in cue_starts[bisect.bisect_left(cue_starts, start):bisect.bisect_left(cue_starts, found.end())])


def _cues_only_fronted(text: str, words: list[str], token_starts: list[int], first: int, last: int, cues: list[int], lang: Language) -> bool:
    """"Through our close ties …, extensive links, and commitment to democracy …, the ROK and the
    U.S. are charting a path …": the clause opens with a ``fronting_prepositions`` word and its
    main clause, from the first comma followed by what opens a subject (a determiner, "we",
    "they", a capitalised word), holds no cue (three words or more): the cues all stand in the
    fronted phrase. "Through this partnership, we will strengthen …" and "With a shared
    commitment to …, they intend to …, and illegal immigration" keep their pledge."""
    if not lang.fronting_prepositions or words[first] not in lang.fronting_prepositions:
        return False
    openers = lang.subject_determiners | lang.speakers | lang.fillers
    main = next((j for j in range(first + 2, last) if "," in text[token_starts[j - 1]:token_starts[j]]
                 and (words[j] in openers or text[token_starts[j]].isupper())), None)
    if main is None or last - main < 3:
        return False
    # "…, we are publishing …", "…, the G7 is providing $50 billion …": the parties' own action
    # or a figure in the main clause is a pledge with no cue word (found in review).
    if _holds_figure(words, main, last) or any(words[k] in lang.speakers for k in range(main, last)):
        return False
    return not _cues_within(cues, main, last)


def _holds_figure(words: list[str], first: int, last: int) -> bool:
    """Whether a word of words[first:last] holds a digit ("$50 billion", "2,000 officers")."""
    return any(ch.isdigit() for k in range(first, last) for ch in words[k])


# An article's number opening a paragraph, before its first capital ("Madde 3 – Türkiye …", "MADDE
# 4 - Taraflar …", "Article 2. The Parties …", "Статья 3 – Стороны …"): renumbered articles made
# every pledge modified (found in review). Not "Article 5 of the Treaty …", a reference.
_PAGE = read_data("page.toml")


ARTICLE_MARKER_RE = recache.compile(
    rf"(?:(?i:{alternation(_PAGE['article_words'])})[ \t]+\d{{1,3}}(?:\.\d{{1,2}})?[ \t]*[.):][ \t]*"
    # a dash only after the words that head an article ("Madde 3 – Türkiye …"), see data/page.toml
    rf"|(?i:{alternation(_PAGE['article_dash_words'])})[ \t]+\d{{1,3}}[ \t]*[—–-][ \t]+)"
    rf"(?=[{UPPER_LETTERS}])")
# A paragraph's number of two levels or more ("2.1 The Contracting Parties shall …", "5.1.3."): kept,
# a renumbered draft made every pledge after it modified (found in review). A figure opens a
# sentence the same way ("1.5 Degrees Celsius …", "2.5 Mt of …"), so such a number is a marker
# only when a paragraph of the document opens with its neighbour ("2.1" beside "2.2"): ``places.numbered_paragraph``.
PARAGRAPH_NUMBER_RE = recache.compile(rf"(\d{{1,3}}(?:\.\d{{1,3}}){{1,3}})\.?[ \t]+(?=[{UPPER_LETTERS}])")


_AGENCY_RE = recache.compile(r"(?P<agency>[A-ZА-ЯЁ]{3,15})[ \t]*(?:—|–|--|-)[ \t]+")  # "KAZINFORM – "
_CAPITAL_PLACE_RE = recache.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+(?:[ -][A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+){0,3}\.[ \t]+")  # "АСТАНА. ", "NEW YORK. "
PLACE_CHARS = 40  # a dateline's place before its agency, at most


def _after_capital_place(text: str, at: int) -> bool:
    """Whether the paragraph opens, before ``at``, with a place in capitals and a full stop alone."""
    line_start = max(text.rfind("\n", max(0, at - PLACE_CHARS), at), text.rfind("\r", max(0, at - PLACE_CHARS), at)) + 1
    if line_start == 0 and at > PLACE_CHARS:
        return False
    found = _CAPITAL_PLACE_RE.match(text, line_start, at)
    return found is not None and found.end() == at


def _opens_paragraph(text: str, at: int) -> bool:
    """Whether only spaces or tabs stand between a line break (or the text's start) and ``at``:
    read backwards from ``at``, never a copy of the text before it (a 5 MB page has thousands of
    sentences)."""
    k = at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in "\n\r"


TRAILING_RELATIVE_MIN_WORDS = 4  # words of the pledge before the relative clause
_QUOTE_CLOSE = frozenset("”»\"'’")


def _trailing_relative(
    text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language, cues: list[int], ends_sentence: bool,
) -> int | None:
    """Where a relative clause after a comma (``trailing_relatives``: "which", "vilket") runs from,
    past the clause's last cue, to the end of its sentence, with no cue, modal, party, figure or
    coordinated continuation of its own: it tells what the pledge's object is ("… condemn Russia's
    withdrawal from the Black Sea Grain Initiative, which has been instrumental in reducing world
    food prices"), not what the parties pledge. Its word index, or None. Kept whole: ", which will
    …" (a cue: a pledge of its own, the clause splitter's), ", which may include a business forum"
    (a modal: a plan), ", which reduces duties to 5 percent by 2026" (a figure the report compares),
    "… in renewable energy, which creates jobs, and in grid infrastructure" (the pledge goes on),
    "… decide, at their next meeting, which sectors to prioritize" (a comma right after the cue:
    an aside before the object), a comma inside a quotation ("…, which …" before a
    closing quote), a clause that the sentence goes on after ("…, which takes an approach that is
    open to and will explore diplomacy …": the next clause's subject is the relative's)."""
    own = _cues_within(cues, first, last)
    if not own or not lang.trailing_relatives or not ends_sentence:
        return None
    if own[-1] + 1 < last and "," in text[token_starts[own[-1]]:token_starts[own[-1] + 1]]:
        return None  # an aside right after the verb: "… will decide, at their next meeting, which sectors …"
    k = next((q for q in range(own[-1] + 1, last) if words[q] in lang.trailing_relatives and "," in text[token_starts[q - 1]:token_starts[q]]), None)
    if k is None or k - first < TRAILING_RELATIVE_MIN_WORDS:
        return None
    if _QUOTE_CLOSE & set(text[token_starts[k - 1]:token_starts[k]]):
        return None
    if _holds_figure(words, k + 1, last):
        return None
    for q in range(k + 1, last):
        if words[q] in lang.party_words or words[q] in lang.pledge_modals:
            return None
        if words[q] in lang.coordinator_starts and "," in text[token_starts[q - 1]:token_starts[q]]:
            return None
    return k


def _set_aside(
    text: str, texts: list[str], words: list[str], token_starts: list[int], span: tuple[int, int], clause: tuple[int, int],
    lang: Language, cues: list[int], cue_starts: list[int], names: Callable[[], frozenset[str]],
    addressed: Callable[[], Addressees],
) -> str | None:
    """Why a clause that reads like a pledge is none, or None: "background" (a past narrative or
    account, a consequence, a statistic, a thing that acts, an actor the parties address acts,
    cues only in a fronted phrase, the statement reported adopted) or "courtesy" (thanks, congratulations). ``span``: its offsets in
    ``text``; ``clause``: its word indices."""
    (start, end), (first, last) = span, clause
    if (_is_past_narrative(text, start, end, lang, words, token_starts) or _is_perfect_account(text, start, end, lang, words, token_starts, cues)
            or _is_consequence(words, first, last, lang, cues)
            or _is_statistic(texts, words, first, last, lang, cues)
            or _thing_acts(text, words, token_starts, first, last, lang, cues, names)
            or _addressee_acts(text, words, token_starts, first, last, lang, cues, addressed)
            or _cues_only_purposes(words, first, last, lang, cues)
            or _cues_only_attributive(text, words, token_starts, first, last, lang, cues, names)
            or _cues_only_fronted(text, words, token_starts, first, last, cues, lang)
            or _plays_a_role(text, words, token_starts, first, last, cue_starts, lang)):
        return "background"
    if (_owns_cues(lang.adoption_patterns, text, start, end, cue_starts, token_starts, lead=0)
            and not any(words[k] in lang.speakers for k in range(first, min(first + SPEAKER_WINDOW, last)))):
        # The statement itself reported adopted, in the third person: news ("We signed a joint
        # declaration …" is the parties' own deed).
        return "background"
    if _owns_cues(lang.courtesy_patterns, text, start, end, cue_starts, token_starts):
        return "courtesy"
    if _commentary(words, first, last, lang):
        return "quotation"
    return None


COMMENTARY_FRONT = 3  # words before the commentators ("Some analysts", "Many Western experts", "Вместе с тем аналитики")


def _commentary(words: list[str], first: int, last: int, lang: Language) -> bool:
    """"Analysts said the two countries will likely sign …", "Critics warned that the plan will
    fail …", "Эксперты считают, что …": a news report's commentators (``commentators``) and their
    verb (``commentary_verbs``, ``speech_verbs``) open the clause: what follows is their view, not
    the parties' pledge (found by a new user's review)."""
    if not lang.commentators:
        return False
    for k in range(first, min(last - 1, first + COMMENTARY_FRONT + 1)):
        if words[k] in lang.commentators:
            verb = words[k + 1]
            return verb in lang.commentary_verbs or verb in lang.speech_verbs
    return False


PARTICIPANTS_MIN_WORDS = 6  # an apposition this long lists who speaks ("we, Prime Minister A and President B,"); not "We, the countries of the Quad,"


def _after_participants(
    text: str, texts: list[str], words: list[str], starts: list[int], ends: list[int], cues: list[int], lang: Language,
) -> int | None:
    """Where the pledge starts after the speakers' apposition that opens a sentence, or None:
    "Today, we – Prime Minister A of X, …, and President B of Y – convene in Tokyo to renew …"
    (after the closing spaced dash), "We, the Heads of State and Government of A, B, …, gathered
    in Los Angeles …, reiterate our will …" (at the first comma-separated item in lower case that
    holds a cue: a verb or a pledge, not a name of the list). The apposition runs
    PARTICIPANTS_MIN_WORDS words or more, names people or countries (``_names_speakers``) and
    holds a capitalised word, and a cue follows it; otherwise the sentence is left as it is."""
    k = 1 if len(words) > 2 and words[0] not in lang.speakers and "," in text[ends[0]:starts[1]] else 0  # an opening adverb: "Today, we …"
    if k + 1 >= len(words) or words[k] not in lang.speakers:
        return None
    opening = text[ends[k]:starts[k + 1]]
    if _DASH_GAP_RE.search(opening):
        pledge_at = next((j for j in range(k + 2, len(words)) if _DASH_GAP_RE.search(text[ends[j - 1]:starts[j]])), None)
        if pledge_at is None or not cues or cues[-1] < pledge_at:  # (cues are sorted)
            return None
    elif "," in opening:
        # The first comma-separated item after it that opens in lower case (a verb or a pledge's
        # words, not a name of the list) and holds a cue: "…, reiterate our will …", and in a
        # verb-final language "…, стратегиялық әріптестікке адалдығымызды растаймыз."
        items = [j for j in range(k + 2, len(words)) if "," in text[ends[j - 1]:starts[j]]] + [len(words)]
        pledge_at = next((j for j, stop in zip(items, items[1:], strict=False)
                          if texts[j][:1].islower() and bisect.bisect_left(cues, stop) > bisect.bisect_left(cues, j)), None)
        if pledge_at is None:
            return None
    else:
        return None
    if pledge_at - k - 1 < PARTICIPANTS_MIN_WORDS or pledge_at >= len(words) - 1 or not _names_speakers(texts, words, k + 1, lang):
        return None
    return pledge_at if any(texts[q][:1].isupper() for q in range(k + 1, pledge_at)) else None


def _names_speakers(texts: list[str], words: list[str], first: int, lang: Language) -> bool:
    """The apposition that starts at words[first] names people or countries: after an article
    (``subject_determiners``) a name or title ("the Heads of State", "Prime Minister A", "los
    Jefes de Estado"), or a word for the parties or their titles ("главы государств", "chefs
    d'État", "utrikesministrarna i …"). Not a participle, a preposition or a conjunction: "We,
    recognizing the importance of …", "We, together with our G7 partners, …", "We – and our
    partners – …" keep their words in the pledge."""
    k = first + 1 if words[first] in lang.subject_determiners and first + 1 < len(words) else first
    if texts[k][:1].isupper():
        return True
    heads = lang.subjects | lang.party_nouns | lang.person_titles
    return words[k] in heads or any(len(head) >= HEAD_SUFFIX_MIN and words[k].endswith(head) for head in heads)


HEAD_SUFFIX_MIN = 5  # a title this long may end a compound: "utrikesministrarna" ends with "ministrarna"
_DASH_GAP_RE = recache.compile(r"\s[–—-]\s")  # a dash with spaces around it: not "U.S.–Japan", "2025–2030"


def _in_name(texts: list[str], words: list[str], k: int, lang: Language) -> bool:
    """The word at k (``texts``: as written) is title-cased inside the sentence next to another
    title-cased word, or one function word from it: part of a name ("an ambitious Nationally
    Determined Contribution", "the Organization for Security and Cooperation in Europe"), not a
    predicate of the parties. The sentence's first word is no such neighbour ("The Parties may
    hold …", a treaty's defined term), and a word in capitals is no title ("THE LEADERS AGREED")."""

    def titled(q: int) -> bool:
        return 0 < q < len(texts) and texts[q][:1].isupper() and not texts[q].isupper()

    return titled(k) and any(titled(k + step) or (words[k + step] in lang.stopwords and titled(k + 2 * step))
                             for step in (-1, 1) if 0 < k + step < len(words))


def _thing_acts(
    text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language, cues: list[int],
    names: Callable[[], frozenset[str]],
) -> bool:
    """"Our extensive exchange programs promote common purpose", "our alliance has continued to
    evolve": a thing is the subject (opening with a determiner) and every cue of the clause only
    describes (``descriptive_cues``): a fact, not the parties' pledge. Kept: a party in the
    subject ("The United States and the ROK continue to …", "Both countries …", "We …", "The
    heads of state …"), a modal anywhere ("The Alliance will continue to …"), a cue that states a
    position ("Our commitment remains ironclad"), a subject of function words only ("The
    importance of …"). So is what a thing will bring about, its first cue a modal before a
    ``consequence_verbs`` word: "The diversity of this class will help to ensure our nations
    remain …" (the cues after "help" are what it helps to bring about)."""
    if not lang.party_nouns:
        return False
    own = _cues_within(cues, first, last)
    if not own:
        return False
    modal = next((k for k in own if words[k] in lang.pledge_modals), None)
    # (Not with a figure: "The new fund will contribute $500 million to …" is a donation.)
    consequence = modal is not None and _modal_consequence(words, modal, last, lang) and not _holds_figure(words, first, last)
    if consequence:
        verb = modal  # (cues before it are the subject's nouns, "This cooperation will help …")
    elif not all(lang.descriptive_cues.match_at(words, k) for k in own) or any(words[k] in lang.pledge_modals for k in range(first, last)):
        return False
    else:
        verb = own[0]
        if verb > first and words[verb - 1] in lang.subject_determiners:
            # A cue after a determiner is the subject's noun ("Our cooperation has soared to new
            # heights …"): the verb is the next cue, and with none the clause pledges nothing when
            # that noun names the parties' bond (found on a blind annotation).
            if len(own) == 1:
                return _relationship_subject(text, words, token_starts, verb - 1, verb + 1, lang)
            verb = own[1]
    subject = _subject_starts(text, token_starts, first, last)[-1]
    # (After a fronted phrase of any length: "Founded in our shared sacrifice and honed by our
    # deep security ties, the Alliance between … continues to evolve and expand".)
    after_comma = next((j for j in range(verb, first, -1) if "," in text[token_starts[j - 1]:token_starts[j]]), subject)
    # (From the clause's first word too, "People-to-people ties between Japan, the ROK, and the United States are
    # rapidly expanding" having a comma in its subject; not before a modal's consequence, "Partnerskapet ska bidra till
    # …" is a plan, nor when the parties follow the last comma: "Reflecting our strong partnership, the two countries
    # continue to …", found in review.)
    starts = {subject, after_comma}
    if not consequence and not any(_party_word_at(text, words, token_starts, k, lang) for k in range(after_comma, verb)):
        starts.add(first)
    if any(k < verb and _relationship_subject(text, words, token_starts, k, verb, lang) for k in starts):
        return True  # (however long the phrase that names the parties after it)
    if not subject < verb <= subject + (CONSEQUENCE_SUBJECT if consequence else REPORT_SUBJECT):
        return False
    # A subject without a determiner must be a plural common noun ("Firearms crossing our border
    # continue to …"): written in lower case elsewhere in the text, so not a name ("Philippines").
    # "This action was a result of collaboration between …": a word pointing back, then a past
    # copula, tells what something already said was; no pledge.
    pointing_back = words[subject] in lang.consequence_subjects and (consequence or any(words[k] in lang.past_copulas for k in range(subject + 1, verb)))
    bare = words[subject] not in lang.subject_determiners and not pointing_back
    # What a bare subject of several words will bring about needs no plural: "Förbättrade europeiska
    # asylförfaranden … kommer så småningom att leda till …" (Swedish plurals end in -er, -ar, -n).
    # One word may be a name ("Sverige kommer att bidra …"); the test below keeps capitalised words after the first.
    plural_test = not words[subject].endswith("s") or not _written_lower(text, words[subject])
    if bare and (words[subject] in lang.stopwords or (plural_test and not (consequence and verb - subject > 1))):
        return False
    content = False
    for k in range(subject, verb):
        word = words[k]
        if word in lang.party_words:
            return False
        if text[token_starts[k]].isupper() and (k > subject or word in names()):
            return False  # a name: a party, or another actor whose deed the statement reports
        content = content or (word not in lang.fillers and word not in lang.stopwords)
    return content


def _name_key(word: str) -> str:
    """A folded name without its possessive or genitive ending: "Russia's", "Russia’s", "Rysslands"
    and "Ryssland" are one actor (one final "s" goes on every name alike, "Philippines" too)."""
    word = word.replace("’", "'").removesuffix("'s").removesuffix("'")
    return word.removesuffix("s") if len(word) > 3 else word


ADDRESSEE_SKIP = 3  # fillers (a phrase counts as one) between the verb and the name ("condemn in the strongest terms the DPRK …")
ADDRESSER_WORDS = 12  # words before the verb read for who speaks ("Together, we reiterate our call on …")
ADDRESSEE_REACH = 4  # words before the name in its clause: "De senaste veckorna har Ryssland intensifierat …"
_SENTENCE_STOP_RE = recache.compile(r"(?<![A-ZА-ЯЁ])[.!?]|[;:\n]")  # not the dots of "U.S.", "D.P.R.K."
_NAME_SPAN = 200  # characters after the verb read for the name


class Addressees(NamedTuple):
    """The names of the actors a statement addresses, each a tuple of ``_name_key`` words, by its
    first word, and the length of the longest."""

    names: dict[str, set[tuple[str, ...]]]
    longest: int


def addressees(text: str, lang: Language) -> Addressees:
    """The actors the parties address jointly (``addressing_patterns`` after "we" or a party word:
    "We urge North Korea to …", "The leaders condemn Russia's …", "Vi uppmanar enträget Ryssland
    att …"), each named by the ``_name_key`` of its words: ("north", "korea"), so that "the
    Republic of Korea" is another actor, and ("european", "commission"), not the European Union.
    Not where one named party addresses another ("The United States urged Mexico to …": both are
    parties). A name ends at the sentence's end; a comma or a coordinator separates two actors
    ("Russia, Iran and North Korea"); a title is no part of it ("President Putin")."""
    found: dict[str, set[tuple[str, ...]]] = {}
    fillers = sorted((tuple(entry.split()) for entry in lang.addressing_fillers), key=len, reverse=True)
    pattern = _addressing_re(lang)
    if pattern is not None:
        for match in pattern.finditer(text):
            stop = _SENTENCE_STOP_RE.search(text, match.end(), min(len(text), match.end() + _NAME_SPAN))
            texts, starts, ends = word_spans(text, match.end(), stop.start() if stop else min(len(text), match.end() + _NAME_SPAN))
            skip = _after_fillers(texts, fillers)
            # (The parties after the verb too: "Därför uppmanar vi Ryssland att …".)
            if not (_parties_address(text, match.start(), lang) or any(fold(word) in lang.speakers for word in texts[:skip])):
                continue
            names: list[list[str]] = [[]]
            for k in range(skip, len(texts)):
                word, name = fold(texts[k]), names[-1]
                if k and name and "," in text[ends[k - 1]:starts[k]]:
                    name = []  # "Russia, Iran and North Korea": another actor, or the name's end
                    names.append(name)
                before_name = k + 1 < len(texts) and texts[k + 1][0].isupper()
                if texts[k][0].isupper():
                    if word not in lang.stopwords and word not in lang.person_titles:
                        name.append(_name_key(word))
                elif name and before_name and word in lang.addressing_links:
                    name.append(word)  # "Republic of Korea"
                elif name and before_name and (word,) in lang.coordinators:
                    names.append([])  # "Russia and Belarus": two actors
                else:
                    break
            for name in names:
                if name:
                    found.setdefault(name[0], set()).add(tuple(name))
    return Addressees(found, max((len(name) for names in found.values() for name in names), default=0))


@cache
def _addressing_re(lang: Language) -> re.Pattern[str] | None:
    """The language's ``addressing_patterns`` as one alternation: one pass over the text, not one per verb."""
    if not lang.addressing_patterns:
        return None
    return recache.compile("|".join(f"(?:{p.pattern.removeprefix('(?i)')})" for p in lang.addressing_patterns), re.IGNORECASE)


def _after_fillers(texts: list[str], fillers: list[tuple[str, ...]]) -> int:
    """How many words open ``texts`` that are fillers of ``addressing_fillers``, a phrase as one:
    "in the strongest possible terms", "å det starkaste" (at most ADDRESSEE_SKIP of them)."""
    at = 0
    for _ in range(ADDRESSEE_SKIP):
        if at >= len(texts) or not texts[at][0].islower():
            break
        found = next((len(phrase) for phrase in fillers if tuple(fold(word) for word in texts[at:at + len(phrase)]) == phrase), 0)
        if not found:
            break
        at += found
    return at


def _parties_address(text: str, at: int, lang: Language) -> bool:
    """Whether the parties jointly speak the verb of address at text[at]: its sentence holds, in the
    ADDRESSER_WORDS words before it, "we" (``speakers``) or a party word that is no part of a name
    ("the leaders", "Both Presidents"; not the "States" of "The United States urged Mexico")."""
    opening = max((m.end() for m in _SENTENCE_STOP_RE.finditer(text, max(0, at - 400), at)), default=max(0, at - 400))
    texts, starts, _ = word_spans(text, opening, at)
    texts, starts = texts[-ADDRESSER_WORDS:], starts[-ADDRESSER_WORDS:]
    words = folded(texts)
    for k, word in enumerate(words):
        if _party_word_at(text, words, starts, k, lang):
            return True
        # Two named parties speaking together: "Japan and the United States condemn …" (found in review).
        if (word,) in lang.coordinators and k > 0 and texts[k - 1][0].isupper() and any(w[0].isupper() for w in texts[k + 1:k + 3]):
            return True
    return False


def _addressee_acts(
    text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language, cues: list[int],
    addressed: Callable[[], Addressees],
) -> bool:
    """"To date, we have not seen evidence that Russia is committed to …", "De senaste veckorna har
    Ryssland intensifierat sina anfall …": an actor the parties address elsewhere in the statement
    (``addressees``) is the subject of the clause's first cue: its name opens that cue's subject
    (after a comma or a ``complementizers`` word, and a determiner), or follows an auxiliary put
    before it (``inverted_auxiliaries``, sv "har"), and is no part of a longer name ("South Sudan"
    is not "Sudan"): what that actor does, not the parties' pledge. Kept: a party word or "our"
    before the cue (after the last ``complementizers`` word: "the United States, Japan and the
    Republic of Korea continue …"), a modal there or as the cue ("Russia's war of aggression must
    end" is the parties' demand), a first cue that addresses someone ("… and Mexico urged the
    U.S. to …"), a name after the first cue ("We urge Russia …"), or inside a phrase before the
    subject ("Holding Russia accountable …", "Under Rysslands anfallskrig har Sverige …")."""
    if not lang.addressing_patterns or not addressed().names:
        return False
    own = _cues_within(cues, first, last)
    if not own:
        return False
    cue = own[0]
    subject = speaker = first
    for k in range(first + 1, cue + 1):
        if words[k - 1] in lang.complementizers:
            subject = speaker = k
        elif "," in text[token_starts[k - 1]:token_starts[k]]:
            subject = k
    if any(words[k] in lang.pledge_modals for k in range(speaker, cue + 1)):
        return False
    if any(words[k] in lang.party_words or words[k] in lang.speaker_possessives for k in range(speaker, cue)):
        return False
    pattern = _addressing_re(lang)
    if pattern is not None and pattern.match(text, token_starts[cue]):
        return False
    found = addressed()
    opening = subject
    while opening < cue and words[opening] in lang.noun_determiners:
        opening += 1
    starts = [opening] + [k + 1 for k in range(subject, min(cue - 1, subject + ADDRESSEE_REACH)) if words[k] in lang.inverted_auxiliaries]
    for k in starts:
        if k >= cue or not text[token_starts[k]].isupper():
            continue
        if k > subject and text[token_starts[k - 1]].isupper() and words[k - 1] not in lang.stopwords and words[k - 1] not in lang.inverted_auxiliaries:
            continue  # the end of a longer name ("South Sudan")
        names = found.names.get(_name_key(words[k]))
        if not names:
            continue
        # Each word's key once; the names under this first word tested by length, not one by one.
        keys = tuple(_name_key(words[q]) for q in range(k, min(cue, k + found.longest)))
        for length in range(len(keys), 0, -1):
            end = k + length
            if keys[:length] in names and not (end < cue and text[token_starts[end]].isupper() and words[end] not in lang.stopwords):
                return True
    return False


def _cues_only_purposes(words: list[str], first: int, last: int, lang: Language, cues: list[int]) -> bool:
    """"The HLED provides a flexible platform to foster …", "The passage of the CHIPS Act provides
    opportunities to enhance …": every cue of the clause is the purpose of a noun (a noun, a
    ``purpose_markers`` word, the cue), so the clause's own verb is no pledge: it describes what
    something is for. The clause opens with its subject's determiner ("the", "these"). Kept: a
    modal anywhere ("… will provide a platform to foster …"), the parties before the first cue
    ("We set up a task force to promote …", "Our ties propel us to explore ways to facilitate …")
    unless they are the purpose's own subject (``purpose_subjects``: "a platform for the United
    States and Mexico to advance …"), a cue of its own ("agreed to strengthen", "efforts to
    strengthen" when "efforts" is a cue)."""
    if not lang.purpose_markers:
        return False
    own = _cues_within(cues, first, last)
    if not own or own[0] - first < 3:
        return False
    if words[first] not in lang.subject_determiners and words[first] not in lang.consequence_subjects:
        return False  # a list item under a lead-in ("Improve access … to promote …"), a clause that goes on ("and exploring ways to …")
    verb = own[0]  # the cues after it are the purpose's own ("to foster X, expand Y and reduce Z")
    if not (words[verb - 1] in lang.purpose_markers and words[verb - 2] not in lang.stopwords):
        return False
    purpose_subject = next((k for k in range(verb - 2, max(first, verb - 2 - PURPOSE_SUBJECT), -1) if words[k] in lang.purpose_subjects), verb)
    parties = (k for k in range(first, purpose_subject) if words[k] in lang.party_words or words[k] in lang.party_objects)
    return not (any(words[k] in lang.pledge_modals for k in range(first, last)) or any(parties))


def _cues_only_attributive(
    text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language, cues: list[int],
    names: Callable[[], frozenset[str]],
) -> bool:
    """"The announcement of a joint military group … constitutes …", "Our commitments and actions
    pave the way …", "To deliver on a commitment by …, today Vice President Harris relaunched
    …": every cue of the clause follows an article or a determiner, so it is a noun or an
    adjective and the clause's verb is no cue: it describes something. Kept: a party before
    the last cue ("We renew the call on …", "The leaders reinforced their commitment to …",
    "Japan and the United States …", "Canada extends its support …": a party word or a
    capitalised word, the first too unless it is a function word), a
    present copula ("Our support for Ukraine is unwavering": a position), the parties' stance
    past the clause's first word ("Our recent joint exercises demonstrate our resolve to …":
    ``speaker_possessives``; "Our commitments … pave the way" opens with it),
    a clause that opens with a verb (an action item: "Prepare a collaborative report …")."""
    if not lang.noun_determiners:
        return False
    own = _cues_within(cues, first, last)
    if not own or any(k == first or words[k - 1] not in lang.noun_determiners for k in own):
        return False
    if lang.infinitive_predicates.match_at(words, first) or lang.gerund_predicates.match_at(words, first):
        return False
    if any(words[k] in lang.present_copulas for k in range(first, last)):
        return False
    if any(k - 1 > first and words[k - 1] in lang.speaker_possessives for k in own):
        return False  # the parties' stance past the clause's first word: "… demonstrate our resolve to …", "Det vittnar om vårt förtroende …"
    known = names()
    # (The last cue's first word too: "The Parties may hold …" is a cue of the parties. A capital
    # at the clause's start is a name unless a function word has it: "Canada extends its support …".)
    return not any(words[k] in lang.party_words or words[k] in known
                   or (text[token_starts[k]].isupper() and (k > first or (words[k] not in lang.stopwords and words[k] not in lang.noun_determiners)))
                   for k in range(first, own[-1] + 1))


PURPOSE_SUBJECT = 8  # words of "for the United States and Mexico" before "to advance"


def _modal_consequence(words: list[str], k: int, last: int, lang: Language) -> bool:
    """A modal at words[k] whose verb, perhaps after "also", says what the subject will bring
    about ("will help", "will also contribute"): a consequence, not an undertaking."""
    if not lang.consequence_verbs or words[k] not in lang.pledge_modals:
        return False
    verb = k + 1
    while verb < min(last, k + 1 + CONSEQUENCE_GAP) and (words[verb] in lang.fillers or words[verb] in lang.infinitive_markers
                                       or words[verb] in lang.consequence_adverbs):
        verb += 1  # "will also help", "kommer att bidra", "kommer så småningom att leda"
    # (What helps the parties is their undertaking: "En fördjupad dialog … kommer att hjälpa oss att hitta konkreta svar".)
    return verb < last and words[verb] in lang.consequence_verbs and not (verb + 1 < last and words[verb + 1] in lang.party_objects)


CONSEQUENCE_GAP = 4  # words between the modal and its verb: "kommer så småningom att leda"


def _relationship_subject(text: str, words: list[str], token_starts: list[int], subject: int, verb: int, lang: Language) -> bool:
    """Whether the subject words[subject:verb] is a relationship between the parties, not the
    parties: its head is a ``relationship_nouns`` word (a verb or a function word after it) with
    only a determiner, names and other modifiers before it ("the U.S.-Japan Alliance", "the Alliance between the Republic of Korea and
    the United States", "our partnership"), not "the leaders of the Alliance" or "the ROK and the
    U.S."."""
    for k in range(subject, verb):
        if words[k] in lang.relationship_nouns:
            # The head, not a modifier: "the Quad Standards Cooperation Network" is a body; so is a
            # capitalised one with a capitalised complement, "the Partnership for Global
            # Infrastructure and Investment" (found in review).
            if k + 1 == verb:
                return True
            named = (k > subject and text[token_starts[k]].isupper() and words[k + 1] in lang.name_links and k + 2 < verb
                     and text[token_starts[k + 2]].isupper())
            return words[k + 1] in lang.stopwords and not named
        if words[k] in lang.stopwords and words[k] not in lang.subject_determiners and not _in_compound(text, token_starts, k):
            return False
    return False


def _party_word_at(text: str, words: list[str], token_starts: list[int], k: int, lang: Language) -> bool:
    """words[k] names the parties ("we", "the two countries", "The Leaders"), not the end of a name
    ("the United States": a capitalised party word after a capitalised word that is no function word)."""
    if words[k] in lang.speakers:
        return True
    named = k > 0 and text[token_starts[k]].isupper() and text[token_starts[k - 1]].isupper() and words[k - 1] not in lang.stopwords
    return words[k] in lang.party_words and not named


def _in_compound(text: str, token_starts: list[int], k: int) -> bool:
    """Word k is joined to its neighbours by hyphens: the "to" of "People-to-people ties"."""
    return 0 < k < len(token_starts) - 1 and text[token_starts[k] - 1] == "-" and text[token_starts[k + 1] - 1] == "-"


def _written_lower(text: str, word: str) -> bool:
    """Whether the word (folded: lower case) stands so somewhere in the text, as a word of its
    own (a common noun, not a name)."""
    return word in _words_as_written(text)


@lru_cache(maxsize=2)
def _words_as_written(text: str) -> frozenset[str]:
    """The text's words as written, read once per document: a search of the whole text for each
    bare subject made a page of 4,000 such clauses take 46 s (found in review)."""
    return frozenset(WORD_RE.findall(text))


def _cues_within(cues: list[int], first: int, last: int) -> list[int]:
    """The cue positions (sorted) of the clause words[first:last], found by bisection: a one-line
    page of thousands of clauses is one sentence, and a scan of all its cues per clause made
    segmenting it quadratic (14 s at 380 KB)."""
    return cues[bisect.bisect_left(cues, first):bisect.bisect_left(cues, last)]


def _is_statistic(texts: list[str], words: list[str], first: int, last: int, lang: Language, cues: list[int]) -> bool:
    """"More than 10,000 U.S. and ROK citizens have participated in sponsored exchange programs":
    a clause that opens with a count (a ``quantity_openers`` phrase and a number) and whose cues
    only describe (``descriptive_cues``) counts something, a fact and no pledge. A modal ("About 40
    per cent of the fund will go to adaptation") or the parties as its subject ("More than 2 years
    into the war, we continue to …", "Some 50 countries have joined us in …", Swedish "Över 30 år
    efter murens fall fortsätter länderna att …", the subject after the verb) keep it; parties
    further on are the count's own ("…, including ROK political leaders")."""
    # Every clause passes here: the first word is compared before any slice is made.
    opener = next((o for o in lang.quantity_openers if o[0] == words[first] and tuple(words[first:first + len(o)]) == o), None) if first < last else None
    if opener is None or first + len(opener) >= last or not texts[first + len(opener)][:1].isdigit():
        return False
    own = _cues_within(cues, first, last)
    if not own or not all(lang.descriptive_cues.match_at(words, k) for k in own):
        return False
    # The subject stands before the first cue, or in a verb-second language right after it.
    subject = range(first, min(last, own[0] + STATISTIC_SUBJECT_AFTER + 1))
    return not (any(words[k] in lang.pledge_modals for k in range(first, last)) or any(words[k] in lang.party_words for k in subject))


STATISTIC_SUBJECT_AFTER = 2  # "… fortsätter länderna att …": the subject right after the verb


def _is_consequence(words: list[str], first: int, last: int, lang: Language, cues: list[int]) -> bool:
    """"These investments will create good jobs", "This will accelerate the procurement …", "It
    will also create jobs": what something already said will bring about, not a pledge. The
    clause opens with a word that points back (``consequence_subjects``), perhaps one noun after
    it, and its only cues are auxiliaries (cues that are stopwords: "will", "kommer att"), right
    after it. "This year we will …" (another subject), "These funds will be used to build ports"
    (a passive: a plan for them) and "This will support the fund" (a cue verb) stay pledges."""
    if not lang.consequence_subjects or first >= last or words[first] not in lang.consequence_subjects:
        return False
    if first + 1 < last and words[first + 1] in lang.instrument_nouns:
        return False  # "This Memorandum will come into effect on …": a provision on the instrument itself
    own = _cues_within(cues, first, last)
    if not own or own[0] - first > 2 or any(not _auxiliary(words, k, lang) or words[k] in lang.obligation_modals for k in own):
        return False  # (an obliging auxiliary states a goal: "Det ska vara enkelt att …", "It must be …")
    after = own[-1] + 1
    return not (after < last and words[after] in lang.passive_auxiliaries)


def _auxiliary(words: list[str], k: int, lang: Language) -> bool:
    """The cue at k is function words only ("will", "kommer att"), not a phrase that opens with
    one ("our responsibility": "It is our shared responsibility to …" is a pledge)."""
    return all(word in lang.stopwords for word in words[k:k + max(1, lang.commitment_cues.match_at(words, k))])


def _gate(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """``literals.gate`` of a language's patterns, worked out at their first use: most clauses
    hold no word any of them needs, and one search of the gate tells (not one search each).
    Kept by the tuple's identity (a language's tuples live as long as the process): hashing the
    patterns themselves on every clause cost a fifth of what the gate saves."""
    found = _GATES.get(id(patterns))
    if found is None:
        found = _GATES[id(patterns)] = (patterns, literal_gate(patterns) if patterns else None)
    return found[1]


_GATES: dict[int, tuple[tuple[re.Pattern[str], ...], re.Pattern[str] | None]] = {}


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


COURTESY_LEAD = 3  # "expresses his gratitude …": the courtesy's own verb a few words before it


def _owns_cues(
    patterns: tuple[re.Pattern[str], ...], text: str, start: int, end: int, cue_starts: list[int], token_starts: list[int],
    lead: int = COURTESY_LEAD,
) -> bool:
    """A clause that one of ``patterns`` matches and whose cues all belong to that match: a
    courtesy (``courtesy_patterns``: "expresses his gratitude for the warm hospitality"), or the
    statement itself reported adopted (``adoption_patterns``: "Лидеры … приняли декларацию по
    итогам саммита", "issued a joint statement"). A pledge beside it ("agreed to hold the next
    summit in India and thanked Japan for its hospitality") keeps the clause. ``lead``: words
    before the match whose cues belong to it ("expresses his gratitude …" before "hospitality";
    none for an adoption, whose verb opens the match: "We welcome that Ukraine signed the
    Declaration" is a pledge)."""
    if not patterns:
        return False
    gate = _gate(patterns)
    if gate is not None and gate.search(text, start, end) is None:  # one search proves that no pattern matches
        return False
    first = bisect.bisect_left(token_starts, start)
    cues = cue_starts[bisect.bisect_left(cue_starts, start):bisect.bisect_left(cue_starts, end)]
    for pattern in patterns:
        found = pattern.search(text, start, end)
        if found is not None:
            owned_from = token_starts[max(first, bisect.bisect_left(token_starts, found.start()) - lead)]
            if all(owned_from <= c < found.end() for c in cues):
                return True
    return False


SPEAKER_WINDOW = 3  # "Together, we can build …": a fronted phrase of at most two words


def _spoken_by_parties(text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language) -> bool:
    """A clause whose subject is the parties speaking ("We heed the lessons of past efforts",
    "Together, we can build …", "We worked together to reduce impunity") states their position
    or what they did, even without a cue word. The pronoun opens the clause, or follows a short
    fronted phrase and its comma, or a coordinator ("…, and we take a holistic view"); "The
    challenges we face" is not it; a word must follow."""
    for k in range(first, min(last - 1, first + SPEAKER_WINDOW)):
        if words[k] in lang.speakers:
            return k == first or (k == first + 1 and (words[first],) in lang.coordinators) or "," in text[token_starts[first]:token_starts[k]]
    return False


def _speakers_did(text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language) -> bool:
    """The parties' "we" tells what they did: a verb in the past tense follows it, perhaps after
    one adverb ("We implemented mirrored patrols", "we also launched"; not "We heed the lessons",
    "we can build")."""
    speaker = next((k for k in range(first, min(last - 1, first + SPEAKER_WINDOW)) if words[k] in lang.speakers), None)
    if speaker is None:
        return False
    verb = speaker + 1
    if verb + 1 < last and words[verb] in lang.fillers and not past_tense(lang, words[verb]):
        verb += 1
    return _past_verb(text, words, token_starts, verb, lang)


def _parties_act(words: list[str], first: int, last: int, lang: Language) -> bool:
    """The parties as subject and a verb in the present or future ("Стороны откроют
    консульство", "Стороны упростят визовый режим", "Каждая из Сторон принимает меры"), in a
    language whose verbs show it in their ending (``subject_verb_endings``; ``parties_verb``):
    their pledge without a cue word. Unlike the speakers' "we", "the parties" is never the page's
    own voice, so it counts anywhere in the text."""
    return parties_verb(lang, words, first, last) is not None


def _named_parties_hedge(
    text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language, names: Callable[[], frozenset[str]]
) -> bool:
    """"Sverige och Finland kan genomföra en gemensam övning", "Казахстан и Турция могли бы
    открыть …": two named parties or more (the document's proper names, joined by a coordinator)
    and a hedging modal (``subject_modals``) before a lower-case verb, a hedged pledge without a
    cue word, as the parties' own word for themselves makes one (``parties_act``). Not "Det kan
    bli svårt" (no name), "Finland kan drabbas …" (one name: a forecast), nor a verb of
    ``subject_modal_exceptions`` ("… kan vara nöjda", a passive "-s")."""
    if not lang.subject_modals:
        return False
    window = range(first + 1, min(last - 1, first + NAMED_SUBJECT_WORDS + 1))
    modal = next((k for k in window if words[k] in lang.subject_modals or f"{words[k]} {words[k + 1]}" in lang.subject_modals), None)
    if modal is None or not text[token_starts[first]].isupper():
        return False
    after = modal + (2 if f"{words[modal]} {words[modal + 1]}" in lang.subject_modals else 1)
    if after >= last or not text[token_starts[after]].islower() or lang.subject_modal_exceptions.matches_word(words[after]):
        return False
    if not any(words[k] in lang.coordinator_starts for k in range(first + 1, modal)):
        return False
    known = names()
    return all(words[k] in known or (k > first and words[k] in lang.coordinator_starts) for k in range(first, modal))


NAMED_SUBJECT_WORDS = 6  # "Sverige, Finland och Norge kan …": the names before the modal


# A capitalised word after a lower-case word (not after a sentence end): a name in the text.
_NAME_RE = recache.compile(rf"(?<=[a-zа-яё,;:] )([A-ZА-ЯЁ][\w{COMBINING_MARKS}.’'-]*)")
_LOWER_WORD_RE = recache.compile(rf"\b[a-zа-яё][\w{COMBINING_MARKS}’'-]*")
REPORT_FRONT = 6  # "In 2021, the United States prosecuted …": a fronted phrase of at most six words
REPORT_SUBJECT = 8  # "the U.S. Office of Foreign Asset Control issued …"
# A thing that will bring something about may be named at length ("Förbättrade europeiska
# asylförfaranden och en mer långtgående harmonisering av nationella regler kommer … att leda till"):
# no party and no name among its words, tested word by word.
CONSEQUENCE_SUBJECT = 14


def proper_names(text: str) -> frozenset[str]:
    """Words the text writes capitalised inside a sentence more often than in lower case
    ("Mexico", "U.S.", "ROK"; "States" of "United States" despite one "member states"), folded:
    its proper names, without a lexicon."""
    capitalised = Counter(word.lower().rstrip(".") for word in _NAME_RE.findall(text))
    lower = Counter(map(str.lower, _LOWER_WORD_RE.findall(text)))
    return frozenset(word for word, count in capitalised.items() if count > lower[word])


def _subject_starts(text: str, token_starts: list[int], first: int, last: int) -> list[int]:
    """Where a clause's subject may start: its first word, or after a fronted phrase of at most
    six words and its comma ("In 2021, the United States prosecuted …"; not the comma of a
    number: "Mexico seized 1,500 kilograms")."""
    for j in range(first + 1, min(last, first + REPORT_FRONT + 1)):
        gap = text[token_starts[j - 1]:token_starts[j]]
        if "," in gap and gap[-1].isspace():
            return [first, j]
    return [first]


_SUBJECT_LINKS = frozenset({"and", "of"})


def _cue_subject(text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language, cues: list[int]) -> set[str]:
    """The capitalised words of the subject of a cue-bearing clause ("The United States and
    Mexico remain committed", "The ROK and the U.S. are willing to …"): the statement's parties."""
    for k in _subject_starts(text, token_starts, first, last):
        subject, found = k, set()
        while k < last and k - subject < REPORT_SUBJECT and (words[k] in lang.fillers or words[k] in _SUBJECT_LINKS or text[token_starts[k]].isupper()):
            if words[k] not in lang.fillers and words[k] not in _SUBJECT_LINKS:
                found.add(words[k])
            k += 1
        next_cue = bisect.bisect_left(cues, k)  # (cues: the sentence's, sorted; it may be a 5 MB line)
        if found and next_cue < len(cues) and cues[next_cue] < min(last, k + 2):
            return found
    return set()


def _party_reports_action(
    text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language, names: Callable[[], frozenset[str]]
) -> frozenset[str]:
    """"Mexico also joined the Container Control Program", "In 2022, Mexico made historic
    seizures", "The United States invested $25.1 billion": a subject of the document's proper
    names and a verb in the past tense report a pledge carried out (tricky case: done, not
    dropped). So does a hedged pledge, the subject's modal before a verb ("Japan may provide
    $1 billion": ``party_modals``; not "May" the month). The subject's names, or none. Language
    data: ``past_endings``, ``past_forms``."""
    if not (lang.past_endings or lang.past_forms):
        return frozenset()

    def predicate(k: int) -> bool:
        if words[k] in lang.party_modals:  # then a verb the language lists: not "may face", "might be", "could not attend"
            return (k + 1 < last and text[token_starts[k]].islower()
                    and bool(lang.infinitive_predicates.match_at(words, k + 1) or lang.commitment_cues.match_at(words, k + 1)))
        return _past_verb(text, words, token_starts, k, lang)

    window = range(first + 1, min(last, first + REPORT_FRONT + REPORT_SUBJECT + 1))
    if not any(predicate(k) for k in window):
        return frozenset()  # no verb in the past tense: the document's names are not needed
    known = names()
    for k in _subject_starts(text, token_starts, first, last):
        subject, party = k, []
        while k < last and k - subject < REPORT_SUBJECT:
            word = words[k]
            if word in lang.person_titles:
                return frozenset()  # "President Tokayev received the delegation": a person's day
            if word in known:  # not the subject words: "The sides met" is an event, not a deed
                party.append(word)
            elif word not in lang.fillers and word not in _SUBJECT_LINKS:
                break
            k += 1
        if party and k < last and k > subject and predicate(k):
            return frozenset(party)  # (a capitalised word goes on the name: "Epsilon Advanced Materials")
    return frozenset()


def _past_verb(text: str, words: list[str], token_starts: list[int], k: int, lang: Language) -> bool:
    """A lower-case verb in the past tense at words[k]; not the end of a compound ("the
    U.S.-led coalition", whose "led" the tokenizer cuts off)."""
    at = token_starts[k]
    if not text[at].islower() or text[at - 1] in "-‐‑":
        return False
    return past_tense(lang, words[k])


def _is_past_narrative(text: str, start: int, end: int, lang: Language, words: list[str], token_starts: list[int]) -> bool:
    """A clause dated in the past ("The NNSC was established 65 years ago", "Over seventy years
    ago, the alliance was forged…") with no active pledge predicate: history, not a pledge.
    A passive ("was established") is not the parties' predicate; "We recognize the
    contributions made over the past 72 years" keeps its present-tense "recognize"."""
    gate = _gate(lang.past_anchors)
    if gate is not None and gate.search(text, start, end) is None:
        return False
    if not any(anchor.search(text, start, end) for anchor in lang.past_anchors):
        return False
    first, last = bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end)
    active = (k for k in range(first, last) if not _after_passive_auxiliary(words, first, k, lang))
    return not any(lang.clause_predicates.match_at(words, k) for k in active)


def _after_passive_auxiliary(words: list[str], first: int, k: int, lang: Language) -> bool:
    """words[k] follows a passive auxiliary, perhaps after adverbs ("were formally signed"), or is
    a passive past of its own (Swedish "bekräftades")."""
    if lang.passive_past_endings and words[k].endswith(lang.passive_past_endings):
        return True
    q = k - 1
    while q > first and (words[q].endswith("ly") or words[q] in lang.fillers):
        q -= 1
    return first <= q < k and words[q] in lang.passive_auxiliaries


def _is_dated_account(text: str, start: int, end: int, lang: Language, words: list[str], token_starts: list[int]) -> bool:
    """"In 2021 and 2022, Quad partners stepped up to help …", "At the 2021 Quad Leaders' Summit in
    Washington, we launched the Quad Fellowship", "To date, the partners have pledged …": a clause
    that opens with a date in the past (``dated_openers``) and whose first verb after it is in the
    past tense or the perfect tells what was done, whatever its cue: a deed, which counts only
    as the fulfilment of a pledge of the other statement. Stay pledges: a modal or a present verb
    first ("In 2027, we will host …", "Over the past year, the Quad remains determined …", "have
    to", "have a"), a past participle that is no verb ("the newly established Fund will …", "the
    expanded partnership will …", a participle opening the clause: "In 2024, guided by …, we
    will …") and a passive "was established" (left to ``past_anchors``)."""
    opener = next((m for m in (p.match(text, start, end) for p in lang.dated_openers) if m), None) if lang.dated_openers else None
    if opener is None:
        return False
    first, last = bisect.bisect_left(token_starts, opener.end()), bisect.bisect_left(token_starts, end)
    stop = min(last, first + DATED_VERB_WINDOW)
    for k in range(first, stop):
        word = words[k]
        if word in lang.pledge_modals or word in lang.passive_auxiliaries:
            return False
        if word in lang.perfect_auxiliaries:
            participle = next((q for q in range(k + 1, stop) if not (words[q].endswith("ly") or words[q] in lang.fillers)), stop)
            return participle < stop and _past_verb(text, words, token_starts, participle, lang)
        before = words[k - 1]
        if k > first and before not in lang.commitment_cues.attributive_words and not before.endswith("ly") and _past_verb(text, words, token_starts, k, lang):
            return True  # the verb, after its subject: not an adjective ("the expanded …", "newly established")
        if lang.commitment_cues.match_at(words, k) and not past_tense(lang, word):
            return False  # a present verb ("remains", "welcome") or a cue noun in the subject: not told as done
    return False


DATED_VERB_WINDOW = 10  # the subject between the date and its verb: "the U.S. Drug Enforcement Agency seized"


def _is_perfect_account(
    text: str, start: int, end: int, lang: Language, words: list[str], token_starts: list[int], cues: list[int]
) -> bool:
    """"Through our shared commitment, we have taken bold steps to bring the Alliance to new
    heights": the parties tell what they have done. The clause's first predicate is a perfect
    ("have taken") whose participle is no cue, and its cues stand only in a phrase fronted
    before a comma or after a purpose marker ("to bring"). "We have agreed to …", "have led
    and will continue to lead", "share the view that the Alliance has matured" and "concerned
    by the crisis, which has caused …" stay pledges."""
    if not lang.perfect_auxiliaries:
        return False
    first, last = bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end)
    aux = next((k for k in range(first, last - 1) if words[k] in lang.perfect_auxiliaries), None)
    if aux is None or aux == first or words[aux - 1] not in lang.fillers:
        return False  # the perfect's subject is the parties ("we", "the leaders"), not "which" or "the flow"
    participle = aux + 1
    while participle < last - 1 and words[participle] in lang.fillers:
        participle += 1
    own = _cues_within(cues, first, last)
    if participle in own:
        return False
    before = [k for k in own if k < aux]
    if before and "," not in text[token_starts[before[-1]]:token_starts[aux]]:
        return False  # a cue in the main clause before the perfect: "share the view that … has matured"
    purpose = next((k for k in range(participle, last) if words[k] in lang.purpose_markers), last)
    return all(k > purpose for k in own if k > aux)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge whitespace and separators, but keep a closing period and balanced quotes."""
    while start < end and text[start] in _EDGE_STRIP and text[start] not in _OPENING:
        start += 1
    while start < end and text[start] in _OPENING and not any(c in text[start + 1:end] for c in "\"»”'’)"):
        start += 1
    while end > start and text[end - 1] in " \t\r\n\u00a0\u200b,;:":
        end -= 1
    return start, end


def _match_text(clause: str, lang: Language) -> str:
    """The clause as matched: attribution tags of a news report removed (tricky case 1)."""
    out = clause
    for pattern in lang.attribution_patterns:
        candidate = pattern.sub(" ", out)
        # A tag is a few words; a pattern that removes most of a clause is wrong here.
        if len(candidate.strip()) >= 0.5 * len(out.strip()):
            out = candidate
    return " ".join(out.split())


def _fill_gaps(text: str, commitments: list[Commitment], skipped: list[Skipped]) -> list[Skipped]:
    """Everything not in a commitment or a skipped span is recorded too: nothing is lost silently."""
    spans = sorted([(c.start, c.end, None) for c in commitments] + [(s.start, s.end, s.reason) for s in skipped])
    out = [s for s in skipped]
    cursor = 0
    for start, end, _ in spans:
        if start > cursor and text[cursor:start].strip():
            g_start, g_end = _trim_ws(text, cursor, start)
            out.append(Skipped(g_start, g_end, "punctuation"))
        cursor = max(cursor, end)
    if cursor < len(text) and text[cursor:].strip():
        g_start, g_end = _trim_ws(text, cursor, len(text))
        out.append(Skipped(g_start, g_end, "punctuation"))
    return sorted(out, key=lambda s: (s.start, s.end))


def _trim_ws(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
