"""Clause splitting: cut a sentence that states several pledges into one span per pledge.

Each rule looks at the gap before a word and says whether a new pledge starts there. A cut
is only made when the part before it already has its own predicate, so noun coordination
("trade, investment and culture") is never split.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cache

from .. import recache
from ..data import read as read_data
from ..frozen import frozen_dataclass
from ..languages import Language
from .tokens import Token, fold, tokenize

MIN_CLAUSE_WORDS = 3
SUBJECT_WORDS = 4  # a named subject after a coordinator: "and President Joseph R. Biden affirms"
SERIES_ITEM_WORDS = 12  # how far back the item before ", and <verb>" is looked for
# The word of an inline list's item marker: "b" of "(b)", "2" of "2)", "ii" of "(ii)", "б" of "б)".
MARKER_WORD = r"(?:\d{1,2}|[a-zа-яё]|[ivx]{1,4})"
# An item marker right before a word: "…; and 4) promoting", "…; (b) targeting".
_ITEM_MARKER_BEFORE_RE = recache.compile(rf"\(?{MARKER_WORD}\)\s*$")  # (also "(ii)": a Roman item glued to the one before, found in review)


@frozen_dataclass
class Clause:
    """A span of a sentence holding (at most) one pledge."""

    start: int
    end: int
    after_semicolon: bool  # cut at ';': a list item that inherits the sentence's predicate
    # The cut opens the clause with a verb of the sentence's pledge ("…, and build new ports",
    # "…, to build new labs", "…, et soutenons …", a ';' item): it needs no cue word of its own.
    # Not a named subject's own predicate ("…, and Reuters called it …"), the main clause after a
    # leading participle ("Expressing condolences, the President called …") or "…, and we …".
    opens_with_verb: bool = False


def split_clauses(text: str, start: int, end: int, language: Language, tokens: list[Token] | None = None) -> list[Clause]:
    """Clauses of the sentence ``text[start:end]`` (``tokens``: its words, if already cut);
    the clauses tile the sentence without gaps."""
    tokens = tokenize(text, start, end) if tokens is None else tokens
    return clause_spans(text, start, end, language, [fold(t.text) for t in tokens], [t.start for t in tokens], [t.end for t in tokens])


class _Sentence:
    """One sentence's folded ``words`` with their offsets in ``text``, and the questions the cut
    rules ask about it. Answers that cost a scan are worked out when first asked, then kept (a
    plain attribute: functools.cache costs more to make than most sentences use)."""

    def __init__(self, text: str, words: list[str], starts: list[int], ends: list[int], language: Language) -> None:
        self.text, self.words, self.starts, self.ends, self.language = text, words, starts, ends, language
        self.last_cut = 0  # token index where the current clause starts
        self._closings: tuple[list[int], list[int]] | None = None
        self._last_finite: int | None = None
        self._governed: int | None = None
        # Both answers hold for a whole series, so each is kept for every item it walked over: a
        # sentence of thousands of items (a scraped page on one line) is walked once, not per item.
        self._head_of: dict[int, bool] = {}
        self._closed_at: dict[int, bool] = {}
        self._first_marker: int | None = None

    def first_marker(self) -> int:
        """Where the sentence's first item marker ("(a) ", "a) ", "2) ") starts, or -1."""
        if self._first_marker is None:
            found = _EARLIER_MARKER_RE.search(self.text, self.starts[0], self.ends[-1])
            self._first_marker = found.start() if found else -1
        return self._first_marker

    def gap(self, i: int) -> str:
        """The text between words[i - 1] and words[i]."""
        return self.text[self.ends[i - 1]:self.starts[i]]

    def closings(self) -> tuple[list[int], list[int]]:
        """Where each infinitive that closes a phrase and each ';' stands (``_closing_infinitives``)."""
        if self._closings is None:
            self._closings = _closing_infinitives(self.text, self.words, self.starts, self.ends, self.language)
        return self._closings

    def last_finite(self) -> int:
        """Index of the sentence's last finite verb (verb-final languages), -1 if none."""
        if self._last_finite is None:
            self._last_finite = max((k for k in range(len(self.words)) if _is_finite(self.words[k], self.language)), default=-1)
        return self._last_finite

    def governed_before(self, i: int) -> bool:
        """An -ing predicate in the part before words[i], for parallel gerunds."""
        if self._governed is None:
            self._governed = _first_governed_gerund(self.words, self.language)
        return self._governed <= i - MIN_CLAUSE_WORDS

    def closes_phrase(self, k: int) -> bool:
        """words[k] is the sentence's last word, or a comma or ';' follows it."""
        return k == len(self.words) - 1 or any(mark in self.gap(k + 1) for mark in ",;")

    def comma_within(self, i: int, n: int) -> bool:
        """A comma after one of the n words from words[i]."""
        return any("," in self.gap(k + 1) for k in range(i, min(i + n, len(self.words) - 1)))

    def gerund_at(self, k: int) -> bool:
        """An -ing predicate at words[k], or after one adverb there."""
        words, language = self.words, self.language
        if k + 1 < len(words) and (words[k].endswith("ly") or words[k] in language.fillers):
            k += 1
        return bool(language.gerund_predicates.match_at(words, k))

    def parallel_gerund(self, i: int) -> bool:
        """An -ing form at words[i] parallel to an -ing predicate before it: the series it goes on
        opens with one ("our commitment to enhancing X, deepening Y"; not "by sharing X,
        identifying Y", nor "in addition to promoting X, fostering Y")."""
        if not self.governed_before(i):
            return False
        known = self._head_of.get(i)
        if known is None:
            walked: list[int] = []
            known = _series_head_governed(self.text, self.words, self.starts, self.ends, i, self.language, walked, self._head_of)
            for k in walked:
                self._head_of[k] = known
            self._head_of[i] = known
        return known

    def series_closed(self, i: int) -> bool:
        """The items from words[i] on open with -ing forms up to a ", and <-ing>"."""
        known = self._closed_at.get(i)
        if known is not None:
            return known
        walked = [i]
        known = False
        for k in range(i + 1, len(self.words)):
            gap = self.gap(k)
            if ";" in gap:
                break
            if "," in gap or _dash(gap):
                after = _after_coordinators(self.words, k, self.language)
                if after:
                    known = any(a < len(self.words) and self.gerund_at(a) for a in after)
                    break
                if not self.gerund_at(k):
                    break
                walked.append(k)
        for k in walked:
            self._closed_at[k] = known
        return known

    def capitalised(self, k: int) -> bool:
        """words[k] is written with a capital (words are folded; the text keeps the case)."""
        return self.text[self.starts[k]].isupper()

    def previous_item(self, i: int) -> int | None:
        """The first word of the comma-separated item before words[i], within the current clause."""
        for p in range(i - 1, max(self.last_cut, i - SERIES_ITEM_WORDS), -1):
            if "," in self.gap(p):
                return p
        return None

    def after_infinitive_item(self, item: int) -> bool:
        """The comma-separated item before words[item] opens with an infinitive marker and a word
        ("to cease violence, release …"): words[item] opens the next bare verb of that series. Not an
        aside that opens otherwise ("to enhance investments, particularly in …, and facilitate …")."""
        opener = self.words[item]
        if (opener in self.language.stopwords or opener.endswith(("ly", "ing")) or not opener.isalpha()
                or not self.text[self.starts[item]].islower() or self.language.clause_predicates.match_at(self.words, item)):
            return False  # not an aside ("particularly in …"), nor the parties' next predicate ("…, remain united …")
        for p in range(item - 1, max(self.last_cut, item - SERIES_ITEM_WORDS), -1):
            if "," in self.gap(p + 1) and p + 1 < item:
                return False
            if self.words[p] in self.language.infinitive_markers:
                verb = p + 1  # a verb after it, not a name: "training to Ukrainian pilots" is no infinitive
                return (verb < item and self.words[verb] not in self.language.stopwords and self.words[verb].isalpha()
                        and self.text[self.starts[verb]].islower())
        return False


def clause_spans(
    text: str, start: int, end: int, language: Language, words: list[str], starts: list[int], ends: list[int], cues: list[int] | None = None
) -> list[Clause]:
    """``split_clauses`` of a sentence whose words are already cut: ``words`` folded, with their
    ``starts`` and ``ends``; ``cues``, when given, the indices where a commitment cue starts."""
    if len(words) < 2 * MIN_CLAUSE_WORDS:
        return [Clause(start, end, False)]
    cue_at = frozenset(language.commitment_cues.positions(words) if cues is None else cues)
    coordinator_starts = language.coordinator_starts
    sentence = _Sentence(text, words, starts, ends, language)
    cuts: list[tuple[int, bool, bool]] = []  # (token index where a clause starts, after ';', opens with a verb)
    has_predicate = 0 in cue_at
    after_preamble = words[0] in language.preamble_gerunds  # a gerund of a preamble that pledges nothing was read
    leading_participle = bool(language.preamble_pledges.match_at(words, 0))
    i = 1
    while i < len(words):
        gap = sentence.gap(i)
        last_cut = sentence.last_cut
        cut = None
        if ";" in gap:
            cut = (i, True, True) if _predicate_before_semicolon(words, i, text, starts, ends, language) else None
        elif ("," in gap or words[i] in coordinator_starts) and _marked_comma_item(words, i, text, starts, ends, language, sentence.first_marker):
            cut = (i, True, True)  # "will (a) hold X, (b) expand Y, and (c) open Z": an item of an inline list
        elif leading_participle and last_cut == 0 and "," in gap and i >= MIN_CLAUSE_WORDS:
            cut = _after_leading_participle(words, i, language)
            leading_participle = cut is None and not any(language.clause_predicates.match_at(words, k) for k in range(1, i + 1))
        elif (after_preamble and not has_predicate and i - last_cut >= MIN_CLAUSE_WORDS and "," in gap
              and language.participle_predicates.match_at(words, i)):
            # "Президенты, руководствуясь положениями Договора …, подтверждая приверженность …": after
            # a preamble gerund only a participle's pledge is cut off ("Стороны, учитывая X,
            # договорились Y" stays whole: its subject and predicate are one pledge)
            cut = (i, False, True)
        elif (not has_predicate and i - last_cut >= MIN_CLAUSE_WORDS and "," in gap and words[i] in coordinator_starts
              and _speaker_after_coordinator(words, i, language)):
            # "Det lidande som Ryssland har åsamkat … saknar motstycke, och vi välkomnar …": a statement of
            # fact, then the parties' own clause (found on a blind statement: the fact was reported in the pledge)
            cut = (i, False, False)
        elif has_predicate and i - last_cut >= MIN_CLAUSE_WORDS and ("," in gap or words[i] in coordinator_starts or _dash(gap)):
            # (each rule needs a comma before the word or a coordinator at it; a dash serves the gerund series)
            cut = (
                _finite_clause_before(words, i, gap, language, sentence.last_finite)
                or _coordinated_predicate(words, i, gap, language, sentence.capitalised, sentence.closes_phrase,
                                          i == 1 or "," in sentence.gap(i - 1), last_cut)
                or _comma_predicate(words, i, gap, language, sentence.comma_within)
                or _coordinated_infinitive(words, i, gap, language, sentence.previous_item, sentence.after_infinitive_item, sentence.parallel_gerund,
                                           sentence.series_closed, last_cut > 0 and _marked_infinitive(words, last_cut, language))
                or _repeated_infinitive(words, i, gap, language, last_cut, sentence.closings)
            )
        if (cut is not None and len(words) - cut[0] >= MIN_CLAUSE_WORDS and cut[0] - last_cut >= MIN_CLAUSE_WORDS
                and not _attribution_tail(text, starts[cut[0]], end, language) and not _proform_tail(words, cut[0], language)):
            cuts.append(cut)
            sentence.last_cut = cut[0]
            has_predicate = not cut[1]  # a coordinator or comma cut is followed by its predicate
            i = cut[0] + 1
            continue
        if not has_predicate and (i in cue_at or _perfect_predicate(words, i, language)) and not (
                "," in gap and _apposition_at(words, i, language, sentence.comma_within)):
            # (not a participle in an apposition of the subject: "The Framework, launched by our
            # governments at the 2021 Dialogue, established …" is one pledge, its verb after it)
            has_predicate = True
        after_preamble = after_preamble or words[i] in language.preamble_gerunds
        i += 1
    return _tile(text, start, end, starts, cuts)


def _speaker_after_coordinator(words: list[str], i: int, language: Language) -> bool:
    """words[i] is a coordinator followed by the parties' "we" and a predicate of theirs ("…, and we
    welcome …", "…, och vi välkomnar …"), perhaps after a present copula or a filler ("…, and we
    are ready to …", "…, och vi är redo att …")."""
    for after in _after_coordinators(words, i, language):
        if after + 1 < len(words) and words[after] in language.speakers:
            k = after + 1
            while k + 1 < len(words) and k - after <= 2 and (words[k] in language.present_copulas or words[k] in language.fillers):
                k += 1
            if any(language.clause_predicates.match_at(words, at) or language.commitment_cues.match_at(words, at) for at in {after + 1, k}):
                return True
    return False


PROFORM_CLAUSE_WORDS = 8  # "and will continue to do so": a short clause, the sentence's last
PROFORM_LEAD_WORDS = 3  # before the tail: the coordinator and at most two words ("and will", "och kommer att")


def _proform_tail(words: list[str], cut: int, language: Language) -> bool:
    """The clause from words[cut] to the sentence's end only repeats the predicate before it
    ("The Nordic and Baltic states support Ukraine fully, and will continue to do so"; Swedish
    "…, och kommer att fortsätta att göra det"; found on a blind statement): one pledge. Not a
    call on others to do the same ("…, and urged them to continue to do so": a verb and its
    object before the tail)."""
    if not language.proform_tails:
        return False
    end = len(words)
    while end > cut and not words[end - 1].isalnum():
        end -= 1  # (a stop folded as a word of its own)
    if end - cut > PROFORM_CLAUSE_WORDS:  # (checked first: this runs at every cut, a slice of the rest each time was quadratic)
        return False
    return any(end - len(tail) - cut <= PROFORM_LEAD_WORDS and tuple(words[end - len(tail):end]) == tail for tail in language.proform_tails)


def _perfect_predicate(words: list[str], i: int, language: Language) -> bool:
    """words[i] is the object of a perfect tense ("The United States has submitted its …"): a
    predicate of its own, a deed and no pledge, so that ", and welcomes …" after it opens a pledge
    of its own. A participle right before a coordinator shares the object with the next verb:
    "have led and will continue to lead global efforts" is one pledge."""
    return (i >= 2 and words[i - 2] in language.perfect_auxiliaries
            and (words[i - 1] not in language.stopwords or words[i - 1] in language.passive_auxiliaries)  # "have been allies"
            and words[i] not in language.coordinator_starts
            # "India has offered to host …" is an offer, not a deed; "has contributed to the Fund" is one
            and not (words[i] in language.purpose_markers and i + 1 < len(words) and words[i + 1] not in language.stopwords)
            and (i < 3 or words[i - 3] not in language.relatives))  # "The partners that have joined …": in the subject


def _coordinated_predicate(
    words: list[str], i: int, gap: str, language: Language, capitalised: Callable[[int], bool],
    closes_phrase: Callable[[int], bool], verb_opens: bool = False, clause_start: int = 0,
) -> tuple[int, bool, bool] | None:
    """'…, и договорились …', '… and committed to …': a coordinator, fillers, then a predicate;
    after a comma, a coordinator, a named subject and its predicate ('…, and President Biden
    affirms …', '…, and the ROK commits …'; without the comma it is one subject: 'President
    Biden and President Moon commit'); or, after a comma too, a coordinator and the parties
    speaking ('…, and we take …'; not 'the challenges that our partners and we face').
    Not between two verbs of the parties that share one object ('we commend and acknowledge X',
    'The leaders welcomed and supported Y'; nor when the first verb opens its clause, as a
    Swedish verb does before its subject: 'Slutligen, lovordar och erkänner vi X' (``verb_opens``:
    the sentence's first word, or a comma before it); but 'the report the Commission adopted and
    call on …' and '… the ministers agreed, and we reaffirm …' are two clauses). A one-word
    predicate that closes its phrase (a comma, ';' or the end right after it) is a noun: "to reduce
    harm and demand, educate …"."""
    if "," not in gap and i and words[i - 1] in language.noun_phrase_links:
        return None  # "the supply of and demand for minerals": the coordinator joins two nouns' heads, not two clauses
    before = words[i - 2] if i >= 2 else ""
    if ("," not in gap and (verb_opens or before in language.subjects or before in language.speakers or before in language.fillers
                            or (i >= 2 and capitalised(i - 2) and i + 1 < len(words) and words[i - 1][-1] == words[i + 1][-1]
                                and not any(language.clause_predicates.match_at(words, k) for k in range(clause_start, i - 1))))
            and language.clause_predicates.match_at(words, i - 1) == 1):
        # (after a named subject, two verbs of one form share the object when the first is the clause's
        # first predicate: "The United States welcomes and supports X", found on a blind pair; "the report
        # the Commission adopted and call on …" and "welcomed the plan that NATO adopted and reaffirmed …" are two clauses)
        return None
    for after in _after_coordinators(words, i, language):
        if "," in gap and after + 1 < len(words) and words[after] in language.speakers:
            return (i, False, False)  # the parties' "we": a clause of their own (``_spoken_by_parties``)
        k = after
        while k < len(words) and words[k] in language.fillers and k - after < 3:
            k += 1
        if k + 1 < len(words) and k - after >= 2 and words[k] in language.party_nouns and language.clause_predicates.match_at(words, k + 1):
            # the parties named with a number or "both" ("… and the two governments reiterate …", found on a blind pair;
            # not "the work of the ministries and the commission established in 2020 …", a list of nouns)
            k += 1
        # (A predicate of several words may open with a filler: "… and hereby establish …", not a bare
        # "establish"; not a one-word predicate that is a filler too, Spanish "… y nos preocupan …".)
        if k < len(words) and (length := language.clause_predicates.match_at(words, k) or _filler_led_predicate(words, after, k, language)):
            if length == 1 and closes_phrase(k):
                return None
            return (i, False, True)
        if "," not in gap:
            continue
        named = k
        while named < len(words) and capitalised(named) and named - k < SUBJECT_WORDS:
            named += 1
        # (A verb that is as often a noun only as a predicate, not an object: "North Korea's launches of
        # ballistic missiles" has "of" after it.)
        if k < named < len(words) and (language.clause_predicates.match_at(words, named) or (
                words[named] in language.named_subject_verbs and (named + 1 == len(words) or words[named + 1] not in ("of", "s")))):
            return (i, False, False)  # a named subject's own predicate: a pledge only with a cue
    return None


def _filler_led_predicate(words: list[str], after: int, k: int, language: Language) -> int:
    """The length of a predicate of two words or more that starts among the fillers words[after:k]
    and runs past them ("and hereby establish", "and we hereby establish"), or 0."""
    for at in range(after, k):
        length = language.clause_predicates.match_at(words, at)
        if length >= 2 and at + length > k:
            return length
    return 0


def _finite_clause_before(
    words: list[str], i: int, gap: str, language: Language, last_finite: Callable[[], int]
) -> tuple[int, bool, bool] | None:
    """Verb-final languages (``finite_predicates``): 'X'i memnuniyetle karşıladı ve Y konusunda
    mutabık kaldı', '…құптады және … келісті': a coordinator right after a finite verb, with
    another finite verb later in the sentence, joins two clauses, each with its own predicate.
    So does a comma after a converb that chains the actions ('…талқылап, … келісті', '…ele
    almış, … mutabık kalmıştır'; ``converb_endings``), or after a finite cue verb ('…
    değiştirilmesi kararlaştırıldı, … Vizyonu kabul edildi'), or after a news report's frame that
    closes a reported pledge ('… tekrarladığı aktarılan bildiride, … altı çizildi';
    ``report_frames``)."""
    finite = language.finite_predicates
    if not (finite.words or finite.prefixes or finite.suffixes):
        return None
    before = words[i - 1]
    if words[i] in language.coordinator_starts and words[i] not in language.noun_coordinators:
        # "…hazırlıklarını değerlendirmiş ve … kararlaştırmıştır": a cue verb's converb chains too
        if not (_is_finite(before, language) or (before.endswith(language.converb_endings) and _cue_ends_at(words, i, language))):
            return None
    elif "," not in gap:
        return None
    else:
        verb_closes = (before.endswith(language.converb_endings) or _is_finite(before, language)) and _cue_ends_at(words, i, language)
        if not (verb_closes or _report_frame_closes(words, i, language)):
            return None
    return (i, False, True) if last_finite() > i else None  # worked out once per sentence: no scan per comma


_QUOTE_CLOSED_RE = recache.compile(r"[»”\"][ \t]*,?[ \t]*[–—-][ \t]*$|[»”\"],[ \t]*$")


def _attribution_tail(text: str, start: int, end: int, language: Language) -> bool:
    """The rest of the sentence from ``start``, after a closing quotation ("«…», – "), only says
    who reported it ("отметили в пресс-службе."): no clause of its own (``attribution_tails``).
    Without the quotation it is the parties' next pledge ("…, подчеркнули в Кремле важность …")."""
    if not language.attribution_tails or _QUOTE_CLOSED_RE.search(text, max(0, start - 6), start) is None:
        return False
    return any(tail.match(text, start, end) for tail in language.attribution_tails)


REPORTED_VERB_WINDOW = 3  # words before a report frame in which the reported pledge's verb stands


def _report_frame_closes(words: list[str], i: int, language: Language) -> bool:
    """A news report's frame right before words[i] ("… tekrarladığı aktarılan bildiride,") closes
    the pledge it reports: the reported verb ("tekrarladığı", ``reported_verb_endings``) stands
    just before the frame; "… önemine dair yapılan açıklamada," (in the statement made) reports none."""
    if words[i - 1] not in language.report_frames:
        return False
    return any(words[k].endswith(language.reported_verb_endings) for k in range(max(0, i - 1 - REPORTED_VERB_WINDOW), i - 1))


def _cue_ends_at(words: list[str], i: int, language: Language) -> bool:
    """A commitment cue of one or two words ends just before words[i] ("талқылап", "ele almış"),
    or before the light verb there ("teyit etmiş": the cue is the noun, the verb only carries it)."""
    end = i - 1 if words[i - 1] in language.light_verbs else i
    return any(language.commitment_cues.match_at(words, k) == end - k for k in (end - 1, end - 2) if k >= 0)


def _is_finite(word: str, language: Language) -> bool:
    return language.finite_predicates.matches_word(word) and word not in language.not_finite


def _after_coordinators(words: list[str], i: int, language: Language) -> list[int]:
    """Indices just past each coordinator that starts at words[i] ("и", "а также", "as well as")."""
    if words[i] not in language.coordinator_starts:
        return []
    return [i + len(c) for c in language.coordinators if tuple(words[i:i + len(c)]) == c]


def _predicate_before_semicolon(words: list[str], i: int, text: str, starts: list[int], ends: list[int], language: Language) -> bool:
    """A ';' starts a new pledge only when the part after it has a predicate of its own;
    otherwise it separates the items of a noun list ("X; Y; and Z")."""
    for k in range(i, len(words)):
        if k > i and ";" in text[ends[k - 1]:starts[k]]:
            return False
        if language.clause_predicates.match_at(words, k):
            return True
        # "…will seek to: promote X; strengthen Y; and enhance Z": items that open with a verb.
        if k - i < 3 and language.infinitive_predicates.match_at(words, k) and not _noun_use(words, k, language):
            return True
        # "…including by: 1) targeting X; and 2) promoting Y": an -ing item of a numbered list (not
        # "priorities including trade; maritime cooperation; supporting small enterprises; …",
        # whose -ing items are topics, as they may be in any list without numbers).
        if k - i < 3 and language.gerund_predicates.match_at(words, k) and not _noun_use(words, k, language):
            return bool(_ITEM_MARKER_BEFORE_RE.search(text, ends[i - 1], starts[k]))
        # "…: а) проводить …; б) наращивать …": an infinitive, by its ending, of a marked item
        if (k - i < 3 and language.infinitive_endings and words[k].endswith(language.infinitive_endings)
                and words[k] not in language.stopwords and _ITEM_MARKER_BEFORE_RE.search(text, ends[i - 1], starts[k])):
            return True
        # "…, в том числе путем: а) проведения …; б) создания …": a marked item of a list of means
        if k - i < 3 and language.means_markers and _ITEM_MARKER_BEFORE_RE.search(text, ends[i - 1], starts[k]):
            return _lists_means(words, text, starts, ends, language)
    return False


def _lists_means(words: list[str], text: str, starts: list[int], ends: list[int], language: Language) -> bool:
    """The sentence's first item marker follows a word of means (``means_markers``) and a colon
    ("путем: а) …"): its items are actions, each a pledge of the lead-in's predicate (noun items
    of any other list share one: "а) энергетики; б) транспорта")."""
    first = _EARLIER_MARKER_RE.search(text, starts[0], ends[-1])
    if first is None:
        return False
    head = text[starts[0]:first.start()].rstrip().removesuffix("(").rstrip()
    if not head.endswith(":"):
        return False
    last = next((k for k in range(len(words) - 1, -1, -1) if ends[k] <= len(head) + starts[0]), None)
    return last is not None and words[last] in language.means_markers


def _after_leading_participle(words: list[str], i: int, language: Language) -> tuple[int, bool, bool] | None:
    """'Reaffirming X, the leaders welcomed Y': a sentence-initial gerund phrase is a pledge of its
    own when a finite predicate follows the comma within a few words (its subject in between)."""
    for k in range(i, min(len(words), i + 8)):
        if language.clause_predicates.match_at(words, k):
            return (i, False, False)  # the main clause: a pledge only with a cue ("the leaders welcomed")
    return None


def _coordinated_infinitive(
    words: list[str], i: int, gap: str, language: Language, previous_item: Callable[[int], int | None],
    after_infinitive_item: Callable[[int], bool], parallel_gerund: Callable[[int], bool], series_closed: Callable[[int], bool],
    in_marked_series: bool = False,
) -> tuple[int, bool, bool] | None:
    """'committed to enhance X, and (to) facilitate Y', 'committed to streamlining X, and
    (aggressively) addressing Y': a comma, a coordinator, then a verb or its -ing form. Not the
    last verb of a series ('to prevent, detect, and respond to outbreaks', 'drive down costs,
    accelerate decarbonization, and deliver benefits'): its item before is one word or opens
    with a bare verb too (``previous_item(i)``: where the comma-separated item before starts).
    Without the comma, only "and to <-ing form>" (``_marked_gerund``), or the marked item that
    closes a series of them (``in_marked_series``: the clause before opened with "to <verb>" after
    a comma; Swedish puts no comma there, "…, att öka X och att bygga ut Y")."""
    if not language.infinitive_predicates.words:
        return None
    comma = "," in gap
    if (comma or _dash(gap)) and words[i] not in language.coordinator_starts:
        return _series_gerund(words, i, language, previous_item, parallel_gerund, series_closed)
    for k in _after_coordinators(words, i, language):
        marked = k < len(words) and words[k] in language.infinitive_markers  # "and to", "samt att"
        if not comma and not (marked and (in_marked_series or _marked_gerund(words, k + 1, language))):
            continue
        if marked:
            k += 1
            if k + 1 < len(words) and _adverb_filler(words[k], language):
                k += 1  # "and to jointly develop", "och att ytterligare bygga ut"
        if k < len(words) and language.infinitive_predicates.match_at(words, k) and (marked or not _noun_use(words, k, language)):
            item = None if marked else previous_item(i)
            if item is not None and (i - item == 1 or language.infinitive_predicates.match_at(words, item) or after_infinitive_item(item)):
                return None  # a series of verbs under one predicate ("called on the regime to cease X, release Y, and support Z")
            return (i, False, True)
        if words[i] == "while":
            continue  # "while ensuring X": a condition on the pledge, not a second one
        if k + 1 < len(words) and (words[k].endswith("ly") or words[k] in language.fillers):
            k += 1  # one adverb: "and aggressively addressing", "and further expanding"
        if k < len(words) and language.gerund_predicates.match_at(words, k) and (
            (marked and _marked_gerund(words, k, language)) or parallel_gerund(i)
        ):
            return (i, False, True)
    return None


def _series_head_governed(
    text: str, words: list[str], starts: list[int], ends: list[int], i: int, language: Language, walked: list[int],
    known: dict[int, bool],
) -> bool:
    """Scanning back from words[i] over the series' items: its first -ing form follows a word that
    makes it a predicate ("committed to enhancing", "are deepening"), not "by", "of" or "while"
    (a list of means or of aims stays one pledge), and a "to" follows a commitment cue ("our
    commitment to enhancing"; not "in addition to", "with a view to"). The items passed on the
    way are added to ``walked``: they share the answer, and an item in ``known`` ends the walk."""
    for k in range(i - 1, 0, -1):
        if not words[k].endswith("ing"):  # any -ing form, as _first_governed_gerund reads them ("streamlining")
            continue
        q = k - 1
        while q > 0 and words[q] != "to" and (words[q].endswith("ly") or words[q] in language.fillers):
            q -= 1  # "and further expanding", "are now deepening"
        gap = text[ends[q]:starts[q + 1]]
        if "," in gap or _dash(gap) or words[q] in language.coordinator_starts:
            if k in known:
                return known[k]  # an item already traced back to its head
            walked.append(k)
            continue  # an item of the series: its head is further back
        if words[q] not in language.gerund_governors:
            return False
        return words[q] != "to" or (q > 0 and language.commitment_cues.matches_word(words[q - 1]))
    return False


def _dash(gap: str) -> bool:  # a dash that closes an aside: "to enhancing X—girded by Y—deepening Z"
    return "—" in gap or "–" in gap


def _series_gerund(
    words: list[str], i: int, language: Language, previous_item: Callable[[int], int | None], parallel_gerund: Callable[[int], bool],
    series_closed: Callable[[int], bool],
) -> tuple[int, bool, bool] | None:
    """'commitment to enhancing X, deepening Y, increasing Z, and expanding W': after a comma (or
    a dash that closes an aside), an -ing predicate parallel to one before it is a pledge of its
    own, as the last item after ", and" is, when the series goes on to such a last item
    (``series_closed(i)``): not '…by sharing X, identifying Y, and aligning Z, leveraging W' (an
    adjunct after the series) nor 'with the goal of promoting X, sharing Y' (no ", and <-ing>").
    Not a series of verbs that share their object ('to promoting, protecting, and fulfilling
    rights': the item before is one word)."""
    k = i + 1 if i + 1 < len(words) and words[i].endswith("ly") else i  # "…, further expanding"
    if not (language.gerund_predicates.match_at(words, k) and parallel_gerund(i)):
        return None
    item = previous_item(i)
    if item is not None and i - item == 1:
        return None
    return (i, False, True) if series_closed(i) else None


def _noun_use(words: list[str], k: int, language: Language) -> bool:
    """words[k], a verb of the infinitive list, is a noun here: "…, and exchange of information"."""
    return k + 1 < len(words) and words[k + 1] in language.noun_markers


def _marked_gerund(words: list[str], verb: int, language: Language) -> bool:
    """A coordinator and "to" start a pledge before an -ing form with an object of its own ("our
    commitment to a secure cyberspace and to fostering a digital economy": a function word
    follows it). Not before an -ing adjective ("assistance to Ukraine and to developing
    countries"), nor, without a comma, before a bare verb: "measures to reduce the risk and to
    prevent conflict" is one pledge in every gold file."""
    return (verb + 1 < len(words) and bool(language.gerund_predicates.match_at(words, verb))
            and words[verb + 1] in language.stopwords)


def _repeated_infinitive(
    words: list[str], i: int, gap: str, language: Language, last_cut: int,
    closings: Callable[[], tuple[list[int], list[int]]],
) -> tuple[int, bool, bool] | None:
    """'pledge to expand training, to pursue extraditions, and to stand up labs': a list of
    infinitives, each a pledge. A comma and "to <verb>" start one only inside such a list: the
    clause opened with "to <verb>" and a coordinated "and to <verb>" closes the list later on,
    before the next ';' (``closings()``: where each such closing and each ';' stands); "agree to
    deepen cooperation in other domains, to ensure a joint response" is a purpose."""
    if ("," not in gap and not _dash(gap)) or not _marked_infinitive(words, i, language):
        return None  # (a dash serves as a comma: "… – att fördjupa …")
    closing_at, semicolon_at = closings()
    after = bisect.bisect_right(closing_at, i + 1)
    if after == len(closing_at):
        return None
    next_semicolon = bisect.bisect_right(semicolon_at, i)
    if next_semicolon < len(semicolon_at) and semicolon_at[next_semicolon] <= closing_at[after]:
        return None  # the closing belongs to a later ';' item
    # Stops at the clause's first "to <verb>", so repeated calls stay cheap.
    opened = any(_marked_infinitive(words, p, language) for p in range(last_cut, i - 1))
    return (i, False, True) if opened else None


def _closing_infinitives(
    text: str, words: list[str], starts: list[int], ends: list[int], language: Language
) -> tuple[list[int], list[int]]:
    """Indices of the sentence's coordinated "to <verb>" ("and to stand up", a whole coordinator:
    not "so as to protect"), and of the words that follow a ';', both in order."""
    closing_at = [
        k for k in range(1, len(words) - 1)
        if _marked_infinitive(words, k, language) and any(k >= len(c) and tuple(words[k - len(c):k]) == c for c in language.coordinators)
    ]
    semicolon_at = [k for k in range(1, len(words)) if ";" in text[ends[k - 1]:starts[k]]]
    return closing_at, semicolon_at


def _marked_infinitive(words: list[str], i: int, language: Language) -> bool:
    """An infinitive marker and a verb that opens a pledge at words[i] ("to pursue"), perhaps
    after one adverb ("to jointly develop", "att ytterligare bygga ut")."""
    if words[i] not in language.infinitive_markers or i + 1 >= len(words):
        return False
    verb = i + 2 if _adverb_filler(words[i + 1], language) and i + 2 < len(words) else i + 1
    return bool(language.infinitive_predicates.match_at(words, verb))


def _adverb_filler(word: str, language: Language) -> bool:
    """A filler that may stand between an infinitive marker and its verb: not a function word,
    so not "the" ("and to the increase in trade" is a noun phrase, not "and to increase")."""
    return word in language.fillers and word not in language.stopwords


def _first_governed_gerund(words: list[str], language: Language) -> int:
    """Index of the sentence's first -ing form used as a predicate ("committed to streamlining",
    "are deepening"), or len(words) when none: parallel gerunds after ", and" need one before
    them. (Found once per sentence: a scan back from each ", and <-ing>" was quadratic.)"""
    for p in range(1, len(words)):
        if words[p].endswith("ing"):
            q = p - 1
            while q > 0 and (words[q] in language.fillers or words[q].endswith("ly")) and words[q] != "to":
                q -= 1
            if words[q] in language.gerund_governors:
                return p
    return len(words)


# "the Partnership, launched in 2021 by the two leaders, …": words up to its closing comma
# ("…, adopted by the Leaders of ASEAN and the United States in Washington, D.C. …" needs eleven)
APPOSITIVE_WORDS = 12


def _comma_predicate(
    words: list[str], i: int, gap: str, language: Language, comma_within: Callable[[int, int], bool]
) -> tuple[int, bool, bool] | None:
    """'…reaffirmed X, welcomed Y' and '…, подтвердив важность …': a comma, then a predicate.
    Not a participle between commas that a ``participle_links`` word follows ("the
    Partnership, launched in 2021, strives to …"): an apposition of the noun before it."""
    if "," not in gap:
        return None
    if language.participle_predicates.match_at(words, i):
        return (i, False, True)
    cue = language.clause_predicates.match_at(words, i)
    # (a word of ``not_after_comma`` opens a clause in a phrase of its own: "…, called for …", not "…, called the move …")
    if cue and (words[i] not in language.not_after_comma or cue > 1):
        if _apposition_at(words, i, language, comma_within):
            return None
        return (i, False, True)
    return None


def _apposition_at(words: list[str], i: int, language: Language, comma_within: Callable[[int, int], bool]) -> bool:
    """words[i], after a comma, is a participle that opens an apposition of the noun before it:
    a ``participle_links`` word or a date follows, and a comma closes it soon (or the sentence
    ends on a date): "the Partnership, launched in 2021, strives to …"."""
    return (i + 1 < len(words) and (words[i + 1] in language.participle_links or _dated(words, i + 1, language))
            and (comma_within(i, APPOSITIVE_WORDS) or _date_only_after(words, i + 1, language)))


def _dated(words: list[str], link: int, language: Language) -> bool:
    """A ``participle_date_links`` word before a date, a month and a day: "…, announced on April 3,
    2023, …", "on 3 April", "on March 3rd" (not "…, agreed on a roadmap", "on 12 priority projects")."""
    if words[link] not in language.participle_date_links or link + 2 >= len(words):
        return False
    months = _months(language.code)
    first, second = words[link + 1], words[link + 2]
    return (first in months and _DAY_RE.fullmatch(second) is not None) or (second in months and _DAY_RE.fullmatch(first) is not None)


_DAY_RE = recache.compile(r"\d{1,2}(?:st|nd|rd|th)?")
DATE_TAIL_WORDS = 4  # "on April 3rd, 2023": at most a month, a day and a year


def _date_only_after(words: list[str], link: int, language: Language) -> bool:
    """The sentence ends on a date after the link word: "…the Strategic Trade Dialogue, launched
    in June 2023." names when the thing began, an apposition with no closing comma, no pledge."""
    if not 0 < len(words) - link - 1 <= DATE_TAIL_WORDS:
        return False  # (checked before slicing: a one-line page is one sentence, cut at many commas)
    tail = words[link + 1:]
    months = _months(language.code)
    return any(_YEAR_RE.fullmatch(word) for word in tail) and all(word in months or word.isdigit() or _DAY_RE.fullmatch(word) for word in tail)


_YEAR_RE = recache.compile(r"(?:19|20)\d\d")  # as the year of blocks.py and past_anchors


@cache
def _months(code: str) -> frozenset[str]:
    """The language's month names, folded, from its numbers data (data/numbers/CODE.toml)."""
    try:
        table = read_data(f"numbers/{code}.toml").get("months", {})
    except FileNotFoundError:
        return frozenset()
    return frozenset(name.rstrip(".").lower() for name in table)


_OPENERS = "([{«“„"  # an opening bracket or quote right before a clause's first word is the clause's: "…; (b) increase …"


def _marked_comma_item(
    words: list[str], i: int, text: str, starts: list[int], ends: list[int], language: Language, first_marker: Callable[[], int]
) -> bool:
    """A ',' that opens the next item of a marked inline list: a bracketed marker, perhaps after a
    coordinator, and a verb ("…, (b) expand Y, and (c) open Z", "…, б) открыть …"), after an
    earlier marker of the sentence. Noun items ("(a) trade, (b) energy") share one predicate and
    stay whole; "(see annex 2)" is no marker."""
    k = i + 1 if words[i] in language.coordinator_starts else i
    if k + 1 >= len(words) or text[ends[k]:ends[k] + 1] != ")" or not _MARKER_WORD_RE.fullmatch(words[k]):
        return False
    verb = k + 1
    # An infinitive by its ending only where the language lists the nouns that end alike (ru:
    # "б) безопасность и оборона" is a noun item; French "culture", Spanish "mujer" are too: found in review).
    if not (language.clause_predicates.match_at(words, verb)
            or (language.infinitive_predicates.match_at(words, verb) and not _noun_use(words, verb, language))
            or (language.gerund_predicates.match_at(words, verb) and not _noun_use(words, verb, language))
            or (language.not_infinitive_endings and words[verb].endswith(language.infinitive_endings)
                and not words[verb].endswith(language.not_infinitive_endings) and words[verb] not in language.stopwords)):
        return False
    # (the sentence's first marker, found once: a line of thousands of items was rescanned per item, found in review)
    return 0 <= first_marker() < starts[k]


_MARKER_WORD_RE = recache.compile(MARKER_WORD)
_EARLIER_MARKER_RE = recache.compile(rf"(?<!\w){MARKER_WORD}\)\s")  # "(a) ", "a) ", "2) "


def _tile(text: str, start: int, end: int, starts: list[int], cuts: list[tuple[int, bool, bool]]) -> list[Clause]:
    clauses: list[Clause] = []
    begin, after_semicolon, opens = start, False, False
    for index, semicolon, opens_next in cuts:
        cut_at = starts[index]
        while cut_at > begin and text[cut_at - 1] in _OPENERS:
            cut_at -= 1
        clauses.append(Clause(begin, cut_at, after_semicolon, opens))
        begin, after_semicolon, opens = cut_at, semicolon, opens_next
    clauses.append(Clause(begin, end, after_semicolon, opens))
    return clauses
