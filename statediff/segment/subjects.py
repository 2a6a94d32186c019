"""Who a clause's subject is (the parties, a named party, a thing) and where it starts: shared by the rules that keep or set aside a clause."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from .. import recache
from ..languages import Language
from ..literals import gate as literal_gate
from .tokens import COMBINING_MARKS, WORD_RE


def _holds_figure(words: list[str], first: int, last: int) -> bool:
    """Whether a word of words[first:last] holds a digit ("$50 billion", "2,000 officers")."""
    return any(ch.isdigit() for k in range(first, last) for ch in words[k])


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

