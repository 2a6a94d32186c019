"""Actors the parties address ("We urge Russia to …"): what such an actor does in a later clause is no pledge of the parties."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from .. import recache
from ..languages import Language
from .subjects import _cues_within, _party_word_at
from .tokens import fold, folded, word_spans


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

