"""Deeds and reports: clauses kept because the parties speak, report what was done or pledge without a cue, and past accounts that pledge nothing."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from ..languages import Language, parties_verb, past_tense
from .subjects import _SUBJECT_LINKS, REPORT_FRONT, REPORT_SUBJECT, _cues_within, _gate, _subject_starts

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
    verb = _speaker_verb(words, first, last, lang)
    return verb is not None and _past_verb(text, words, token_starts, verb, lang)


def _speaker_verb(words: list[str], first: int, last: int, lang: Language) -> int | None:
    """Where the verb after the parties' "we" stands (one adverb skipped: "we also launched"), or None without a "we"."""
    speaker = next((k for k in range(first, min(last - 1, first + SPEAKER_WINDOW)) if words[k] in lang.speakers), None)
    if speaker is None:
        return None
    verb = speaker + 1
    if verb + 1 < last and words[verb] in lang.fillers and not past_tense(lang, words[verb]):
        verb += 1
    return verb


def _named_subject(words: list[str], k: int, last: int, lang: Language, known: frozenset[str],
                   party_words: frozenset[str] = frozenset()) -> tuple[int, list[str], bool] | None:
    """The subject that starts at words[k], read as the document's names (``known``), fillers and
    links ("the United States and Mexico"), and ``party_words``: where it ends (its verb's index),
    its names, and whether a party word was among them; None at a person's title ("President
    Tokayev received …": a person's day). At most REPORT_SUBJECT words."""
    subject, found, party = k, [], False
    while k < last and k - subject < REPORT_SUBJECT:
        word = words[k]
        if word in lang.person_titles:
            return None
        if word in known:  # not the subject words: "The sides met" is an event, not a deed
            found.append(word)
        elif word in party_words:
            party = True
        elif word not in lang.fillers and word not in _SUBJECT_LINKS:
            break
        k += 1
    return k, found, party


def _action_deed(
    text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language, names: Callable[[], frozenset[str]]
) -> frozenset[str] | None:
    """"We signed a memorandum of understanding …", "Both governments launched complementary
    education campaigns …", "Mexico extended its surveillance watchlist …": the parties ("we" as
    the subject, their words, or the document's names) and a verb of action in the past tense tell
    what was done, though that verb is a cue word elsewhere ("will sign", "agreed to establish").
    The subject's names (empty for "we" and the parties' words), or None: a past form that states
    a position or a decision (``stance_past``: "We reaffirmed …", "we adopted …", "The leaders
    hailed …"), a participle after a comma ("The Framework, launched by …"), a person's day
    (``person_titles``), a verb with what was said after it ("… that …"), a clause that goes on
    to pledge ("… and will host …": a modal anywhere in it) or names the statement's own day
    (``statement_day``: "Today we launched …", "At this Summit, we …"). A candidate only: the cut
    keeps it a deed when the statement reports what was done (``ACTION_DEED_SHARE``) and its names
    are a party's."""
    if not (lang.stance_past.words or lang.stance_past.prefixes):
        return None
    window = range(first + 1, min(last, first + REPORT_FRONT + REPORT_SUBJECT + 1))
    if not any(past_tense(lang, words[k]) for k in window):
        return None  # most clauses: no verb in the past tense where a subject's verb can stand
    found = _acting_subject(text, words, token_starts, first, last, lang, names)
    if found is None or any(words[k] in lang.pledge_modals for k in range(first, last)) or lang.statement_day.positions(words[first:last]):
        return None
    return found


def _acting_subject(
    text: str, words: list[str], token_starts: list[int], first: int, last: int, lang: Language, names: Callable[[], frozenset[str]]
) -> frozenset[str] | None:
    """The names of the subject of a verb of action in the past tense that ``_action_deed`` reads
    (empty for "we" and the parties' words), or None when there is none."""
    if _spoken_by_parties(text, words, token_starts, first, last, lang):  # "we" opens the clause, or follows a short fronted phrase
        verb = _speaker_verb(words, first, last, lang)
        return frozenset() if verb is not None and _action_verb(text, words, token_starts, verb, last, lang) else None
    known = names()
    for k in _subject_starts(text, token_starts, first, last):
        subject = _named_subject(words, k, last, lang, known, lang.party_words)
        if subject is None:
            return None
        end, found, party = subject
        if (party or found) and k < end and _action_verb(text, words, token_starts, end, last, lang):
            return frozenset(found)
    return None


def _action_verb(text: str, words: list[str], token_starts: list[int], k: int, last: int, lang: Language) -> bool:
    """words[k] is a verb of action in the past tense: no ``stance_past`` form, no participle after a
    comma, no "that" in the words after it."""
    return (k < last - 1 and _past_verb(text, words, token_starts, k, lang) and not lang.stance_past.match_at(words, k)
            and "," not in text[token_starts[k - 1]:token_starts[k]]
            and lang.complementizers.isdisjoint(words[k + 1:min(last, k + COMPLEMENT_REACH)]))


COMPLEMENT_REACH = 5  # words after a past verb read for "that": "We reassured President Zelenskyy that …"
# A statement reports what was done (a review of a year's work) when at least this share of its
# pledges are deeds told without a cue word ("We implemented mirrored patrols", "Mexico doubled
# cocaine seizures"): only then is a cue word of action in the past tense a deed too. In a summit
# statement "We launched …", "We formalized …" announce what the summit decided (found in review).
ACTION_DEED_SHARE = 0.1


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
        subject = _named_subject(words, k, last, lang, known)
        if subject is None:
            return frozenset()  # "President Tokayev received the delegation": a person's day
        end, party, _ = subject
        if party and end < last and end > k and predicate(end):
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

