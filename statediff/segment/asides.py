"""Clauses that hold a cue word but pledge nothing (a thing, an addressee, a statistic, a consequence, commentary), and trailing asides."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ..languages import Language
from .accounts import SPEAKER_WINDOW, _is_past_narrative, _is_perfect_account
from .addressees import Addressees, _addressee_acts
from .subjects import (
    CONSEQUENCE_SUBJECT,
    REPORT_SUBJECT,
    _auxiliary,
    _cues_within,
    _gate,
    _holds_figure,
    _modal_consequence,
    _party_word_at,
    _relationship_subject,
    _subject_starts,
    _written_lower,
)


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

