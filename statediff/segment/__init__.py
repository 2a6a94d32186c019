"""Segment stage: cut a document into commitments and account for every other span of text."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace
from functools import cache

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
)
from ..model import Commitment, Document, Segmentation, Skipped
from .accounts import (
    ACTION_DEED_SHARE,
    _action_deed,
    _is_dated_account,
    _named_parties_hedge,
    _parties_act,
    _party_reports_action,
    _speakers_did,
    _spoken_by_parties,
)
from .addressees import Addressees, _name_key, addressees
from .asides import _set_aside, _trailing_relative
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
from .clauses import clause_spans
from .lead_ins import (
    _announces_items,
    _bare_lead_in,
    _continues_inline_list,
    _ends_on_infinitive_marker,
    _hedged_lead_in,
    _inline_lead_in,
    _item_after_infinitive,
    _item_marker,
    _last_sentence,
    _open_above_item,
    _opener_lead,
    _opens_with_listed_verb,
    _opens_with_verb,
    _same_level,
    _subject_lead_in,
    _unmarked,
    _verbal_item,
)
from .places import numbered_paragraph, numbered_paragraphs, place_at
from .quotes import _attribution_after_quote, _has_quotation, _remark_sentences
from .sentences import split_sentences
from .subjects import _after_participants, _cue_subject, _in_name, proper_names
from .tokens import _trim, alternation, folded, word_spans

# An unsupported language's sentence without a known pledge verb is kept from this many words: a
# shorter one is a caption, a name or a date line.
UNCUED_MIN_WORDS = 5
MIXED_RUNS_NAMED = 3  # line ranges a notice names per set-aside language


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
    # The subjects of cue-bearing pledges, not of a deed told with a cue word; read only when a report
    # needs them (the addressees it leaves out are a search of the whole text).
    parties = _parties_of(found) if found.reports or found.action_deeds else set()
    if found.reports:
        # (as if every deed told with a cue word were a pledge: which reports are the parties' does not
        # wait on the statement's kind, read below from what is left)
        candidates = parties | {word for _, _, subject in found.action_deeds for word in subject}
        commitments, spoken_only = _drop_other_reports(commitments, spoken_only, found.reports, candidates, skipped, id_prefix)
    if spoken_only:
        commitments = _drop_spoken_edges(commitments, set(spoken_only), skipped, id_prefix)
    if found.action_deeds and sum((c.start, c.end) in found.told_done for c in commitments) >= ACTION_DEED_SHARE * len(commitments):
        # A statement that reports what was done (not a summit's recalled history: dated accounts do not
        # count) tells its deeds with cue words too ("We signed …").
        deeds = {span for span, names, _ in found.action_deeds if not names or names & parties}
        commitments = [replace(c, deed=True) if (c.start, c.end) in deeds else c for c in commitments]
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
TITLE_WORDS = 8  # a first heading this long is the title, which the lede may restate (a shorter one is a name: "The United States and India")


def _title_key(span: str) -> str:
    """A heading or sentence as the title check compares them: lower case, single spaces, no
    closing punctuation."""
    return " ".join(span.lower().split()).rstrip(".:;!?")


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
    joined …"), the parties' names that such a report must name, and the deeds told with a cue
    word ("We signed …"), which wait on the statement's kind (a review of what was done)."""

    __slots__ = ("spoken_only", "reports", "parties", "names", "addressed", "action_deeds", "told_done")

    def __init__(self, text: str, lang: Language) -> None:
        self.spoken_only: list[int] = []  # indices of commitments with no cue of their own
        # "Mexico also joined …" counts only when a name of its subject is a party's: a subject of
        # a cue-bearing pledge of the document ("The United States and Mexico remain committed …"),
        # not "Russia invaded …", "Reuters reported …", "The Kremlin declined to comment".
        self.reports: list[tuple[int, frozenset[str]]] = []  # (index of the commitment, its subject's names)
        self.parties: set[str] = set()
        self.names: Callable[[], frozenset[str]] = cache(lambda: proper_names(text))  # at the first clause that needs them
        self.addressed: Callable[[], Addressees] = cache(lambda: addressees(text, lang))
        # Cue-bearing clauses that tell an act in the past tense ("We signed …"): (span, the subject's
        # names, the words of its subject as a pledge's), and the spans of deeds told without a cue word.
        self.action_deeds: list[tuple[tuple[int, int], frozenset[str], frozenset[str]]] = []
        self.told_done: set[tuple[int, int]] = set()


def _parties_of(found: _Provisional) -> set[str]:
    """The parties' names of a document read: the subjects' names of its cue-bearing pledges,
    less an actor the parties address ("Russia is committed …" after "We urge Russia …"; one word:
    "Korea" of "North Korea" may be a party's, "the Republic of Korea")."""
    addressed = {key for key, names in found.addressed().names.items() if (key,) in names}
    return {word for word in found.parties if _name_key(word) not in addressed}


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


def _in_cell(cells: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether text[start:end] lies inside one table cell (``cells`` sorted, ``starts`` theirs)."""
    k = bisect.bisect_right(starts, start) - 1
    return k >= 0 and cells[k][1] >= end


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
        # A report in the past tense, not a hedged pledge ("Japan may provide …"), or "We" and a past verb:
        # what the statement's kind is read from (a review of what was done), unlike a dated account.
        told_done = (bool(reported) and not any(words[k] in lang.party_modals for k in range(first, first + word_count))
                     or spoken and not reported and _speakers_did(text, words, token_starts, first, first + word_count, lang))
        if told_done:
            found.told_done.add((start, end))
        if reported:
            found.reports.append((len(commitments), reported))
        elif clause_has_cue and lang.past_endings:
            subject = _cue_subject(text, words, token_starts, first, first + word_count, lang, cues)
            # "We signed a memorandum …": a deed if the statement reports what was done (decided in _cut)
            action = _action_deed(text, words, token_starts, first, first + word_count, lang, found.names)
            if action is None:
                found.parties.update(subject)
            else:  # (its subject names a party only if it stays a pledge: "The DPRK launched …" is none)
                found.action_deeds.append(((start, end), action, frozenset(subject)))
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
                # A clause dated in the past whose verb is past is one too ("In 2022, Mexico made historic seizures …").
                deed=told_done or _is_dated_account(text, start, end, lang, words, token_starts),
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
