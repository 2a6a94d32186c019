"""Per-language data (cue lists, stopwords, abbreviations) read from data files, and language detection."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import field
from functools import cache, lru_cache
from itertools import compress
from typing import NamedTuple

from . import recache
from .data import read as read_data
from .frozen import frozen_dataclass

SUPPORTED = ("ru", "en", "kk", "tr", "sv", "fr", "es", "pt", "de")
NEUTRAL = "xx"  # language-neutral rules for anything else

# Letters only Kazakh uses among the Cyrillic languages here ("і" is Ukrainian and Belarusian too),
# and the letters that tell Ukrainian and Belarusian (unsupported) from Russian.
_KAZAKH_LETTERS = "әғқңөұүһӘҒҚҢӨҰҮҺ"
_UKRAINIAN_LETTERS = "їєґЇЄҐ"
_BELARUSIAN_LETTERS = "ўЎ"
# Letters are counted by script with these classes (C speed; a statement has tens of thousands).
_CYRILLIC_RE = recache.compile("[\u0400-\u04ff]")
_LATIN_RE = recache.compile("[\x00-\x7f\u00c0-\u024f]")
_KAZAKH_RE = recache.compile(f"[{_KAZAKH_LETTERS}]")
_UKRAINIAN_RE = recache.compile(f"[{_UKRAINIAN_LETTERS}]")
_BELARUSIAN_RE = recache.compile(f"[{_BELARUSIAN_LETTERS}]")
_RUSSIAN_ONLY_RE = recache.compile("[ыэъёЫЭЪЁ]")


# Kazakh text holds several kinds of the Kazakh letters, at least this share of its Cyrillic ones
# (8.8–10.4 % in the translated and held-out Kazakh texts, 3.2 % or more in each of their lines);
# a Russian text naming "Қасым-Жомарт Тоқаев" or "Ақорда" in Kazakh spelling holds one kind.
KAZAKH_SHARE = 0.03
KAZAKH_KINDS = 2


def _kazakh_letters(letters: str, cyrillic: int) -> bool:
    kazakh = _KAZAKH_RE.findall(letters)
    return len(kazakh) >= KAZAKH_SHARE * cyrillic and len(set("".join(kazakh).lower())) >= KAZAKH_KINDS


def _marked(count: int, cyrillic: int) -> bool:
    """A language's own letters, not a name quoted in another ("Київ"): two or more, and one in 500."""
    return count >= 2 and count > 0.002 * cyrillic
SUFFIX_STEM = 3  # letters a word needs before a cue ending ("firm|arán"; not "s|erá")
GAP = "..."  # in a phrase entry: up to GAP_WORDS words of the clause ("kommer ... att")
GAP_WORDS = 3

_WORD = recache.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def read_language_file(code: str) -> dict:
    """The parsed ``data/languages/CODE.toml`` (shared: not to be changed)."""
    return read_data(f"languages/{code}.toml")


@frozen_dataclass
class CueSet:
    """Word cues: whole words/phrases, word prefixes (entries ending in ``*``) and word endings
    (entries starting with ``*``: "*arán", a future tense, on a word at least SUFFIX_STEM letters longer).
    A phrase may hold ``...``: up to GAP_WORDS words between its neighbours ("kommer ... att":
    "kommer vi inte att"), as in the details stage's patterns. An entry that starts with ``!``
    blocks every cue at the words it matches ("!kommer från": "Pengarna kommer från Världsbanken
    för att …" is no "kommer ... att")."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]  # multi-word cues, each word possibly a prefix
    # First words of the phrases, so that most words skip the phrase loop.
    phrase_first_words: frozenset[str] = frozenset()
    phrase_first_prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    blocked: tuple[tuple[str, ...], ...] = ()  # "!" entries: phrases inside which no cue starts
    blocked_span: int = 1  # words of the longest "!" entry without a gap: how far back one may cover a word
    # A one-word cue with one of these endings right after one of these words is an adjective,
    # not a predicate: "our shared values", "forged by shared history", "the agreed framework".
    attributive_words: frozenset[str] = frozenset()
    attributive_endings: tuple[str, ...] = ()
    # word → matches_word(word): the same words recur in every sentence of a statement.
    _seen: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)
    # word → whether a cue may start at it (a cue word, or the first word of a phrase).
    _opens: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)
    # word → the phrases (and "!" entries) whose first word fits it, in order: a common first word
    # ("in", "we", "kommer") is then not tried against every phrase at each of its occurrences.
    _phrases_at: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _blocked_at: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def from_entries(cls, entries: list[str], attributive_words: Sequence[str] = (), attributive_endings: Sequence[str] = ()) -> CueSet:
        words: set[str] = set()
        prefixes: list[str] = []
        phrases: list[tuple[str, ...]] = []
        suffixes: list[str] = []
        blocked: list[tuple[str, ...]] = []
        for entry in entries:
            entry = entry.lower().strip()
            if entry.startswith("!"):
                blocked.append(tuple(entry[1:].split()))
            elif " " in entry:
                phrase = tuple(entry.split())
                if GAP in (phrase[0], phrase[-1]):
                    raise ValueError(f"cue {entry!r}: a phrase cannot open or close with {GAP}")
                phrases.append(phrase)
            elif entry.endswith("*"):
                prefixes.append(entry[:-1])
            elif entry.startswith("*"):
                suffixes.append(entry[1:])
            else:
                words.add(entry)
        firsts = [p[0] for p in phrases]
        return cls(
            frozenset(words),
            tuple(sorted(prefixes, key=len, reverse=True)),
            tuple(phrases),
            frozenset(f for f in firsts if not f.endswith("*")),
            tuple(f[:-1] for f in firsts if f.endswith("*")),
            suffixes=tuple(sorted(suffixes, key=len, reverse=True)),
            blocked=tuple(blocked),
            blocked_span=max((len(b) for b in blocked if GAP not in b), default=1),
            attributive_words=frozenset(w.lower() for w in attributive_words),
            attributive_endings=tuple(attributive_endings),
        )

    def matches_word(self, word: str) -> bool:
        known = self._seen.get(word)
        if known is None:
            known = self._seen[word] = (word in self.words or word.startswith(self.prefixes)
                                        or any(word.endswith(s) and len(word) - len(s) >= SUFFIX_STEM for s in self.suffixes))
        return known

    def positions(self, words: list[str]) -> list[int]:
        """Indices i of ``words`` where ``match_at(words, i)`` finds a cue."""
        opens = self._opens
        for word in set(words).difference(opens):
            opens[word] = (word in self.phrase_first_words or bool(self.phrase_first_prefixes and word.startswith(self.phrase_first_prefixes))
                           or self.matches_word(word))
        return [i for i in compress(range(len(words)), map(opens.__getitem__, words)) if self.match_at(words, i)]

    def match_at(self, words: list[str], i: int) -> int:
        """Number of words of a cue starting at words[i] (0 when none)."""
        first = words[i]
        if self.blocked and (any(_phrase_end(words, i + 1, b, 1) for b in _starting_with(first, self.blocked, self._blocked_at))
                             or any(_phrase_end(words, i - back + 1, b, 1) > i for back in range(1, min(i, self.blocked_span - 1) + 1)
                                    for b in _starting_with(words[i - back], self.blocked, self._blocked_at) if len(b) > back)):
            return 0  # a cue inside a "!" entry too: "!how important" leaves "how important" no cue
        if first in self.phrase_first_words or (self.phrase_first_prefixes and first.startswith(self.phrase_first_prefixes)):
            for phrase in _starting_with(first, self.phrases, self._phrases_at):
                end = _phrase_end(words, i + 1, phrase, 1)
                if end:
                    return end - i
        if not self.matches_word(first):
            return 0
        return 0 if i and self.attributive_words and words[i - 1] in self.attributive_words and first.endswith(self.attributive_endings) else 1


def parties_act(language: Language, subject: str, verb: str, following: str = "") -> bool:
    """The parties as subject ("стороны") and a verb whose ending says present or future
    ("откроют"), or a hedging modal (``subject_modals``: "Parterna kan", "Стороны могли бы", with
    ``following``, the word after the verb): their pledge without a cue word. Words folded;
    ``verb`` is the word after the subject, or in a verb-final language the clause's last word
    ("Тараптар … кеңейтеді")."""
    if f"{verb} {following}" in language.subject_modals or verb in language.subject_modals:
        return subject in language.subjects  # "Стороны имеют право": a permission, though "имеют" alone is a fact
    if verb in language.stative_verbs and following not in language.stative_exceptions:
        return False
    return subject in language.subjects and (
        bool(language.subject_verb_endings) and verb.endswith(language.subject_verb_endings))


SUBJECT_ADVERBS = 4  # words of a subject phrase and adverbs before the parties' verb ("Ни одна из Сторон не разглашает")


def parties_verb(language: Language, words: Sequence[str], first: int, last: int) -> int | None:
    """The index of the parties' own verb when the clause ``words[first:last]`` (folded) opens
    with them as subject (perhaps after one word, "Казахстанская сторона", or as a phrase of
    ``subject_phrases``, "Каждая из Сторон") and perhaps ``subject_adverbs`` ("не",
    "незамедлительно"), and the verb says present or future or is a hedging modal
    (``parties_act``); in a verb-final language the clause's last word. Else None. The segmenter
    reads such a clause as a pledge without a cue word, the details stage its verb as its predicate."""
    if last - first > 3 and words[first] not in language.subjects and words[first + 1] in language.subjects:
        first += 1  # one word before the subject: "Казахстанская сторона обеспечит", "Қазақстан тарапы … бөледі"
    if last - first <= 2 or words[first + 1] in language.not_subject_next:
        return None
    if language.verb_final:
        return last - 1 if parties_act(language, words[first], words[last - 1]) else None
    # "Каждая из Сторон принимает …": a treaty's subject of several words, its verb after it
    phrase = next((p for p in language.subject_phrases if tuple(words[first:first + len(p)]) == p), None)
    verb = first + len(phrase) if phrase else first + 1
    while verb < last - 1 and verb - first <= SUBJECT_ADVERBS and words[verb] in language.subject_adverbs:
        verb += 1  # "Стороны не передают …" (a prohibition is the parties' pledge too), "Стороны незамедлительно уведомляют …"
    if verb + 1 >= last:
        return None
    if phrase:
        if f"{words[verb]} {words[verb + 1]}" in language.subject_modals or words[verb] in language.permission_modals:
            return verb  # "Каждая из Сторон имеет право …", "A Party may restrict …": a treaty's permission
        stative = words[verb] in language.stative_verbs and not _right_follows(language, words, verb)
        return verb if words[verb].endswith(language.subject_verb_endings) and not stative else None
    if words[verb] in language.stative_verbs and _right_follows(language, words, verb):
        return verb  # "Стороны имеют исключительное право на …": a right, a provision
    return verb if parties_act(language, words[first], words[verb], words[verb + 1]) else None


STATIVE_EXCEPTION_WORDS = 2  # words after a verb of having that may name a right ("имеют исключительное право")


def _right_follows(language: Language, words: Sequence[str], verb: int) -> bool:
    """A right, a duty or a possibility right after a verb of having: a provision, not a fact."""
    return any(word in language.stative_exceptions for word in words[verb + 1:verb + 1 + STATIVE_EXCEPTION_WORDS])


def past_tense(language: Language, word: str) -> bool:
    """A word in the past tense, by the language's ``past_forms`` and ``past_endings`` ("joined",
    "made"; not ``not_past`` such as "united", "needed"). ``word`` folded, lower case."""
    return word in language.past_forms or (word.endswith(language.past_endings) and len(word) > 4 and word not in language.not_past)


def _starting_with(word: str, phrases: tuple[tuple[str, ...], ...], memo: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[tuple[str, ...], ...]:
    """The phrases whose first word fits ``word``, in order (memoised per word in ``memo``)."""
    found = memo.get(word)
    if found is None:
        found = memo[word] = tuple(p for p in phrases if _word_fits(word, p[0]))
    return found


def _phrase_end(words: list[str], i: int, phrase: tuple[str, ...], p: int) -> int:
    """Where ``phrase[p:]`` ends when it matches from words[i] on (0 when it does not); a gap
    takes as few words as it can."""
    while p < len(phrase):
        part = phrase[p]
        if part == GAP:
            for skip in range(GAP_WORDS + 1):
                end = _phrase_end(words, i + skip, phrase, p + 1)
                if end:
                    return end
            return 0
        if i >= len(words) or not _word_fits(words[i], part):
            return 0
        i += 1
        p += 1
    return i


def _word_fits(word: str, pattern: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


class Respelling(NamedTuple):  # internal record, read from a language file's [spelling] table
    """One spelling of words written two ways: whole-word prefixes ("labour…" → "labor…") and
    suffixes ("…isation" → "…ization") rewritten, except the ``keep`` words, whose ending is no
    such suffix ("promise", "exercise")."""

    prefixes: tuple[tuple[str, str], ...]
    suffixes: tuple[tuple[str, str], ...]  # longest first
    keep: frozenset[str]
    prefix_starts: tuple[str, ...]  # for one C-speed str.startswith test
    suffix_ends: tuple[str, ...]

    @classmethod
    def from_raw(cls, raw: dict) -> Respelling:
        prefixes = tuple(sorted(raw.get("prefixes", {}).items(), key=lambda kv: -len(kv[0])))
        suffixes = tuple(sorted(raw.get("suffixes", {}).items(), key=lambda kv: -len(kv[0])))
        return cls(prefixes, suffixes, frozenset(raw.get("keep", [])), tuple(b for b, _ in prefixes), tuple(b for b, _ in suffixes))

    def respell(self, word: str) -> str:
        """``word`` (lower case) in the one spelling; a possessive "'s" is kept."""
        if word.endswith("'s"):
            return self.respell(word[:-2]) + "'s"
        if word.startswith(self.prefix_starts):
            for written, one in self.prefixes:
                rest = word[len(written):]
                # "centres", "labourers"; not "centred" or "programmed", whose "e" is gone or doubled.
                if word.startswith(written) and (not written.endswith("e") or rest in ("", "s")):
                    return one + rest
        if word.endswith(self.suffix_ends) and word not in self.keep and not word.endswith("wise"):
            for written, one in self.suffixes:
                base = word[:-len(written)]
                # A base of three letters or more ending in a consonant: "realise", not "raise".
                if word.endswith(written) and len(base) >= 3 and base[-1] not in "aeiouy" and base + written[:2] + "e" not in self.keep:
                    return base + one
        return word


@frozen_dataclass
class Language:
    """Everything the pipeline knows about one language, from ``data/languages/CODE.toml``."""

    code: str
    name: str
    stemmer: str
    commitment_cues: CueSet
    clause_predicates: CueSet
    participle_predicates: CueSet
    infinitive_predicates: CueSet
    gerund_predicates: CueSet
    preamble_pledges: CueSet
    coordinators: tuple[tuple[str, ...], ...]
    coordinator_starts: frozenset[str]
    fillers: frozenset[str]
    background_markers: tuple[str, ...]
    attribution_patterns: tuple[re.Pattern[str], ...]
    boilerplate_phrases: tuple[str, ...]
    abbreviations: frozenset[str]
    prefix_abbreviations: frozenset[str]
    final_abbreviations: frozenset[str]  # abbreviations that are no prefix: they may end a sentence ("D.C.", "etc.")
    stopwords: frozenset[str]
    stock_words: frozenset[str]
    # A clause that dates itself in the past ("65 years ago") and has no active pledge
    # predicate is background, not a pledge (tricky case: narrative openings).
    past_anchors: tuple[re.Pattern[str], ...] = ()
    # A clause that opens with a date in the past ("In 2021 and 2022, …", "To date, …") and whose
    # first verb is past or perfect tells what was done: a deed (segment.accounts._is_dated_account).
    dated_openers: tuple[re.Pattern[str], ...] = ()
    # Courtesies of a visit ("expressed his gratitude for the warm hospitality", "is honored to
    # welcome President X to Washington"): a clause one matches is no pledge.
    courtesy_patterns: tuple[re.Pattern[str], ...] = ()
    adoption_patterns: tuple[re.Pattern[str], ...] = ()
    # The closing formula of a declaration or treaty ("Adopted in Phnom Penh, … on the Twelfth
    # day of November …", "Done at Geneva …"): a sentence that one matches at its start
    # (``Pattern.match``) is its dateline, not a pledge, whatever cue ("adopted", "signed") it holds.
    closing_formulas: tuple[re.Pattern[str], ...] = ()
    # A treaty's definition ("\"investment\" means …", "Термин «инвестор» означает …"), matched at a
    # clause's start: a provision of the treaty, whose change a reader must see, though no cue word is in it.
    definition_patterns: tuple[re.Pattern[str], ...] = ()
    # "«…», – отметили в пресс-службе.": the end of a sentence that only says who reported it, no clause of its own
    attribution_tails: tuple[re.Pattern[str], ...] = ()
    # "… declare the following:" at a sentence's end: a declaration's opening formula, no pledge
    opening_formulas: tuple[re.Pattern[str], ...] = ()
    # Words that point back to something said ("this", "these", "it", "detta"): as a clause's
    # subject with only an auxiliary cue, the clause tells a consequence, not a pledge.
    consequence_subjects: frozenset[str] = frozenset()
    instrument_nouns: frozenset[str] = frozenset()  # "This Memorandum will …": the instrument itself, no word pointing back
    past_copulas: frozenset[str] = frozenset()
    # Articles and possessives, after which a cue is a noun or an adjective ("a commitment", "a
    # shared study", "our resolve"); present copulas: "Our support … is unwavering" states a position.
    noun_determiners: frozenset[str] = frozenset()
    speaker_possessives: frozenset[str] = frozenset()  # "our": "… demonstrate our resolve to …" is the parties' stance
    present_copulas: frozenset[str] = frozenset()
    # Words that open a count ("more than", "över"): a clause opening with one and a number
    # counts something ("More than 10,000 citizens have participated in exchange programs").
    quantity_openers: tuple[tuple[str, ...], ...] = ()
    obligation_modals: frozenset[str] = frozenset()  # "It must be easy to …": a goal, not a consequence
    # "… tekrarladığı aktarılan bildiride, … altı çizildi": where a news report's frame ("in the
    # statement") closes one reported pledge of a verb-final language and a comma opens the next.
    report_frames: frozenset[str] = frozenset()
    # "Президенты, руководствуясь положениями Договора …, подтверждая приверженность …": a preamble's
    # gerund that pledges nothing, but after which a participle's pledge is a clause of its own.
    preamble_gerunds: frozenset[str] = frozenset()
    reported_verb_endings: tuple[str, ...] = ()  # "tekrarladığı", "edildiği": the reported pledge's verb before the frame
    # Every noun starts with a capital (de): a list item in title case is no section name, and a
    # cue word beside a capitalised word is no part of a name (segment.subjects._in_name).
    capitalised_nouns: bool = False
    # Relative pronouns ("which", "som", "который"): after the restated title, they make a
    # sentence the page's lede ("Joint Statement of …, which condemns …").
    relatives: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    # A passive past written as one word (Swedish "bekräftades"): no active predicate.
    passive_past_endings: tuple[str, ...] = ()
    # "we have taken bold steps to …": a perfect auxiliary whose participle pledges nothing, the
    # clause's cues only in a fronted phrase or after a purpose marker: an account, not a pledge.
    perfect_auxiliaries: frozenset[str] = frozenset()
    purpose_markers: frozenset[str] = frozenset()
    # Before the parties, the subject of a purpose ("a platform for the United States and Mexico to …").
    purpose_subjects: frozenset[str] = frozenset()
    # The parties as an object ("ties propel us to explore …"): they still act in the clause.
    party_objects: frozenset[str] = frozenset()
    # Words that open a pledge as its subject ("We", "Стороны", "Vi"): an unclosed line that
    # starts so and holds a cue is a pledge that lost its full stop, not a heading.
    subjects: frozenset[str] = frozenset()
    # The parties speaking ("We", "Мы", "Vi"): a clause that opens with them states their own
    # position or action ("We heed the lessons of past efforts", "We worked together to …").
    speakers: frozenset[str] = frozenset()
    # "Mexico also joined …", "The United States invested …": a party (a proper name of the
    # document, or a subject word) and a verb in the past tense report a pledge carried out.
    past_endings: tuple[str, ...] = ()
    past_forms: frozenset[str] = frozenset()
    not_past: frozenset[str] = frozenset()
    # Past forms that state a position or a decision, not a deed ("we reaffirmed", "we agreed to", "we
    # directed"), and the words that put an act on the statement's own day ("Today we launched …"):
    # "We signed a memorandum …" reports what was done; these do not (segment.accounts._action_deed).
    stance_past: CueSet = field(default_factory=lambda: CueSet.from_entries([]))
    statement_day: CueSet = field(default_factory=lambda: CueSet.from_entries([]))
    party_modals: frozenset[str] = frozenset()  # "Japan may provide …": a party's hedged pledge, reported like a deed
    not_infinitive_endings: tuple[str, ...] = ()  # nouns that end like an infinitive ("деятельность", "часть")
    # A verb-final language's action-plan measure ends with a verbal noun or infinitive ("… Fonu'nun
    # kurulması", "… қорды құру"): the endings of that last word.
    measure_endings: tuple[str, ...] = ()
    lead_in_modals: frozenset[str] = frozenset()  # "The Parties can:", "Стороны вправе:": a list's lead-in whose predicate is a hedge
    person_titles: frozenset[str] = frozenset()  # "President Tokayev received …" reports a person's day, not a party's deed
    # A list item carries its lead-in's predicate only when it opens with a verb ("- build a
    # railway", "1. Провести заседание"): an infinitive ending where the language marks one, no
    # infinitive marker ("to", "att") counted, and not a noun phrase ("Memorandum of …").
    infinitive_endings: tuple[str, ...] = ()
    infinitive_markers: frozenset[str] = frozenset()
    noun_phrase_links: frozenset[str] = frozenset()
    # A clause that only repeats the predicate before it ("…, and will continue to do so", "…, och
    # kommer att fortsätta att göra det") ends with one of these: no pledge of its own.
    proform_tails: tuple[tuple[str, ...], ...] = ()
    # A verb of the infinitive list followed by one of these is a noun ("…, and exchange of
    # information"), not a pledge's verb after ", and".
    noun_markers: frozenset[str] = frozenset()
    # Words of means that end an inline list's lead-in before its colon ("путем:"): its marked items
    # are actions whatever their form ("а) проведения …; б) создания …; в) обмена …"); Russian only
    # (after English "through:" or "by:" the items are as often things or agents)
    means_markers: frozenset[str] = frozenset()
    # A past participle after a comma followed by one of these and closed by a comma within a
    # few words is an apposition ("the Partnership, launched in 2021, …"), not a second pledge.
    participle_links: frozenset[str] = frozenset()
    # Links that make such an apposition only before a date ("…, announced on April 3, 2023, …";
    # "…, agreed on a roadmap" is a pledge): en.
    participle_date_links: frozenset[str] = frozenset()
    # Predicates that open a new pledge after a coordinator but, after a bare comma, usually
    # continue a relative clause ("…, which will …", "…, которые будут …").
    not_after_comma: frozenset[str] = frozenset()
    # Words that make a following -ing form a predicate ("committed to streamlining", "are
    # deepening") rather than a noun ("the importance of promoting"; en).
    gerund_governors: frozenset[str] = frozenset()
    # Endings of a verb in the present or future after the parties as subject ("Стороны
    # откроют"): such a clause is their pledge without a cue word (ru).
    subject_verb_endings: tuple[str, ...] = ()
    # Subjects of more than one word that end with a party ("каждая из сторон", "ни одна из
    # сторон": a treaty's "Each Party"), and the words that may stand between the subject and its
    # verb, a negation or an adverb ("Стороны не передают …", "Стороны незамедлительно
    # уведомляют …"): still the parties' pledge without a cue word (ru).
    subject_phrases: tuple[tuple[str, ...], ...] = ()
    subject_adverbs: frozenset[str] = frozenset()
    # Verbs of having, knowing and consisting that end like the parties' present ("Стороны не
    # располагают данными", "имеют общую границу"): a fact about them, no pledge (ru).
    stative_verbs: frozenset[str] = frozenset()
    # After a subject phrase of one party, a modal that grants a treaty's permission ("A Party may …";
    # not "could" or "might": "No party could have foreseen …") (en).
    permission_modals: frozenset[str] = frozenset()
    # Words after such a verb that make it a provision ("имеют право", "не имеют права", "обязанности").
    stative_exceptions: frozenset[str] = frozenset()
    # Hedging modals right after the parties as subject, one word or two ("Parterna kan hålla …",
    # "Стороны могли бы …"): a hedged pledge without a cue word, as ``subject_verb_endings`` make
    # one (ru, sv).
    subject_modals: frozenset[str] = frozenset()
    # Words after such a modal that make no pledge of named parties ("vara", "bli"; "*s": a passive)
    subject_modal_exceptions: CueSet = field(default_factory=lambda: CueSet.from_entries([]))
    # "6. Toplantısı", "die 3. Sitzung": a number of one to three digits and a dot before a word is
    # an ordinal, not a sentence end (tr, de).
    ordinal_dot: bool = False
    # The verb ends the clause (tr, kk): where ``parties_act`` looks for it.
    verb_final: bool = False
    # Verb-final languages (tr, kk): finite verbs that close a clause ("karşıladı", "келісті").
    # "A karşıladı ve B mutabık kaldı" is two pledges: a coordinator right after one of them,
    # with another later in the sentence, starts a clause (segment/clauses.py). Tested one word
    # at a time (a phrase entry never matches); an ending entry needs SUFFIX_STEM letters before it.
    finite_predicates: CueSet = field(default_factory=lambda: CueSet.from_entries([]))
    not_finite: frozenset[str] = frozenset()
    # Converb endings that chain a clause's action to the next ("талқылап, … келісті"): after a
    # comma a cue verb in this form closes a pledge of its own.
    converb_endings: tuple[str, ...] = ()
    light_verbs: frozenset[str] = frozenset()  # converbs of "do"/"make" after a cue noun: "teyit etmiş"
    noun_coordinators: frozenset[str] = frozenset()  # coordinators that join nouns only ("ile")
    # Words after a subject word that make it no subject ("Тараптар арасындағы …": between the parties).
    not_subject_next: frozenset[str] = frozenset()
    # Lines that end the article on a scraped page: everything after them is furniture ("Yorumlar",
    # "Commentaires (2)"); Russian and English ones are known in every language (segment/blocks.py).
    end_markers: tuple[str, ...] = ()
    # Verbs that introduce an official's quoted remark ("said", "remarked", "сказал"): a sentence
    # whose only pledge cues are these and the quoted words is a quotation (segment/__init__.py).
    speech_verbs: frozenset[str] = frozenset()
    # A thing as a clause's subject and only these cues as its verbs ("Our exchange programs
    # promote common purpose", "our alliance has continued to evolve"): a fact about the world,
    # not the parties' pledge. Not with a party in the subject (a name of
    # the document, ``subjects``, ``party_nouns``) nor with a modal anywhere in the clause
    # ("The Alliance will continue to …"): see segment/__init__.py, _thing_acts.
    descriptive_cues: CueSet = field(default_factory=lambda: CueSet.from_entries([]))
    party_nouns: frozenset[str] = frozenset()
    # The parties as words (subjects, speakers, party_nouns), joined once: the subject rules read
    # them for every clause.
    party_words: frozenset[str] = frozenset()
    # The parties' bond as a subject ("the Alliance", "our partnership", "samarbetet"): a thing,
    # even written as a name and with the parties named after it ("the Alliance between A and B").
    relationship_nouns: frozenset[str] = frozenset()
    # A thing's modal and one of these verbs say what it will bring about ("This class will help to
    # ensure …"): a consequence, not a pledge (segment/__init__.py, _thing_acts).
    consequence_verbs: frozenset[str] = frozenset()
    # Adverbs that may stand between that modal and its verb ("will eventually lead", "kommer så
    # småningom att leda").
    consequence_adverbs: frozenset[str] = frozenset()
    # A clause opening with one of these whose main clause, from the first comma before a subject,
    # holds no cue, no figure and not the parties speaking ("Through our close ties … and commitment
    # to democracy, the two countries are charting …") is no pledge.
    fronting_prepositions: frozenset[str] = frozenset()
    # What something is worth as a clause's predicate ("… make an important contribution to …",
    # "… continue to play a vital role …"): a fact, not a pledge (segment/__init__.py, _plays_a_role).
    role_patterns: tuple[re.Pattern[str], ...] = ()
    # Verbs by which the parties address another actor ("We urge North Korea to …", "condemn
    # Russia's …", "Vi uppmanar Ryssland att …"), the words that may stand before its name
    # ("the", "strongly", "enträget") and inside it ("Republic of Korea"; a coordinator joins two
    # actors, "Russia and Belarus"), and the words that
    # open a subordinate clause ("that", "att"): a clause whose subject is that actor reports
    # what it does, not the parties' pledge (segment/__init__.py, _addressee_acts).
    addressing_patterns: tuple[re.Pattern[str], ...] = ()
    addressing_fillers: frozenset[str] = frozenset()
    addressing_links: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    # Relative pronouns that, after a comma, open what the pledge's object is ("…, which has been
    # instrumental in …", "…, vilket har gett goda resultat"): cut off the pledge as an aside when
    # no cue, modal, party or figure follows (segment/__init__.py, _trailing_relative). Not sv "som"
    # (after a comma it may close an aside), ru "который", es/fr "que"/"dont": there the clause goes
    # on with the pledge ("…, которое пройдёт в Астане, а также организацию …") or is restrictive.
    trailing_relatives: frozenset[str] = frozenset()
    # Auxiliaries a verb-second language puts before the subject ("De senaste veckorna har Ryssland
    # intensifierat …"): the addressed actor may follow one (segment/__init__.py, _addressee_acts).
    inverted_auxiliaries: frozenset[str] = frozenset()
    # A news report's commentators and their verbs ("Analysts said …", "Эксперты считают …"): their
    # view, not the parties' pledge (segment/__init__.py, _commentary).
    commentators: frozenset[str] = frozenset()
    commentary_verbs: frozenset[str] = frozenset()
    # Verbs of the third person that are as often plural nouns ("pledges", "calls"), read as a
    # predicate only right after a named subject ("…, and the ROK pledges $200M …": segment/clauses.py).
    named_subject_verbs: frozenset[str] = frozenset()
    # Words that join a body's name to its complement ("Partnership for Global Infrastructure"):
    # such a capitalised relationship noun is a body, not the parties' bond (_relationship_subject).
    name_links: frozenset[str] = frozenset()
    subject_determiners: frozenset[str] = frozenset()  # the subject opens with one: a noun phrase, not a verb ("Prepare a report")
    pledge_modals: frozenset[str] = frozenset()
    # "The Participants will cooperate in the following areas:": a lead-in with one of these and a
    # pledge modal announces items that are pledges even as noun phrases ("(c) the recovery of …")
    following_words: frozenset[str] = frozenset()
    # British and American spellings of one word ("defence"/"defense", "organise"/"organize"):
    # written one way before stemming, or the same pledge in two spellings shares no term.
    spelling: Respelling | None = None


@cache
def get_language(code: str) -> Language:
    """The language data for a code; the neutral language merges all cue lists."""
    if code == NEUTRAL:
        return _neutral()
    return _build(code, read_language_file(code))


def _lowered(raw: dict, key: str) -> frozenset[str]:
    """The entries of a word list of a language file, in lower case (an absent list is empty)."""
    return frozenset(w.lower() for w in raw.get(key, []))


def _build(code: str, raw: dict) -> Language:
    return Language(
        code=code,
        name=raw["name"],
        stemmer=raw.get("stemmer", ""),
        commitment_cues=CueSet.from_entries(raw["commitment_cues"], raw.get("attributive_words", []), raw.get("attributive_endings", [])),
        clause_predicates=CueSet.from_entries(raw["clause_predicates"]),
        participle_predicates=CueSet.from_entries(raw.get("participle_predicates", [])),
        infinitive_predicates=CueSet.from_entries(raw.get("infinitive_predicates", [])),
        gerund_predicates=CueSet.from_entries(raw.get("gerund_predicates", [])),
        preamble_pledges=CueSet.from_entries(raw.get("preamble_pledges", [])),
        coordinators=tuple(tuple(c.lower().split()) for c in raw["coordinators"]),
        coordinator_starts=frozenset(c.lower().split()[0] for c in raw["coordinators"]),
        fillers=_lowered(raw, "fillers"),
        background_markers=tuple(raw.get("background_markers", [])),
        attribution_patterns=tuple(recache.compile(p, re.IGNORECASE) for p in raw.get("attribution_patterns", [])),
        boilerplate_phrases=tuple(raw.get("boilerplate_phrases", [])),
        abbreviations=_lowered(raw, "abbreviations"),
        prefix_abbreviations=_lowered(raw, "prefix_abbreviations"),
        final_abbreviations=_lowered(raw, "abbreviations") - _lowered(raw, "prefix_abbreviations"),
        stopwords=_lowered(raw, "stopwords"),
        stock_words=_lowered(raw, "stock_words"),
        past_anchors=tuple(recache.compile(any_space(p), re.IGNORECASE) for p in raw.get("past_anchors", [])),
        dated_openers=tuple(recache.compile(any_space(p)) for p in raw.get("dated_openers", [])),
        courtesy_patterns=tuple(recache.compile(any_space(p)) for p in raw.get("courtesy_patterns", [])),
        adoption_patterns=tuple(recache.compile(any_space(p)) for p in raw.get("adoption_patterns", [])),
        closing_formulas=tuple(recache.compile(any_space(p)) for p in raw.get("closing_formulas", [])),
        definition_patterns=tuple(recache.compile(any_space(p)) for p in raw.get("definition_patterns", [])),
        opening_formulas=tuple(recache.compile(any_space(p), re.IGNORECASE) for p in raw.get("opening_formulas", [])),
        attribution_tails=tuple(recache.compile(any_space(p), re.IGNORECASE) for p in raw.get("attribution_tails", [])),
        relatives=_lowered(raw, "relatives"),
        capitalised_nouns=bool(raw.get("capitalised_nouns", False)),
        consequence_subjects=_lowered(raw, "consequence_subjects"),
        instrument_nouns=_lowered(raw, "instrument_nouns"),
        past_copulas=_lowered(raw, "past_copulas"),
        noun_determiners=_lowered(raw, "noun_determiners"),
        speaker_possessives=_lowered(raw, "speaker_possessives"),
        present_copulas=_lowered(raw, "present_copulas"),
        quantity_openers=tuple(tuple(opener.lower().split()) for opener in raw.get("quantity_openers", [])),
        obligation_modals=_lowered(raw, "obligation_modals"),
        report_frames=_lowered(raw, "report_frames"),
        preamble_gerunds=_lowered(raw, "preamble_gerunds"),
        reported_verb_endings=tuple(raw.get("reported_verb_endings", [])),
        passive_auxiliaries=_lowered(raw, "passive_auxiliaries"),
        passive_past_endings=tuple(raw.get("passive_past_endings", [])),
        perfect_auxiliaries=_lowered(raw, "perfect_auxiliaries"),
        purpose_markers=_lowered(raw, "purpose_markers"),
        purpose_subjects=_lowered(raw, "purpose_subjects"),
        party_objects=_lowered(raw, "party_objects"),
        subjects=_lowered(raw, "subjects"),
        speakers=_lowered(raw, "speakers"),
        past_endings=tuple(raw.get("past_endings", [])),
        past_forms=_lowered(raw, "past_forms"),
        not_past=_lowered(raw, "not_past"),
        stance_past=CueSet.from_entries(raw.get("stance_past", [])),
        statement_day=CueSet.from_entries(raw.get("statement_day", [])),
        person_titles=_lowered(raw, "person_titles"),
        party_modals=_lowered(raw, "party_modals"),
        lead_in_modals=_lowered(raw, "lead_in_modals"),
        not_infinitive_endings=tuple(w.lower() for w in raw.get("not_infinitive_endings", [])),
        measure_endings=tuple(w.lower() for w in raw.get("measure_endings", [])),
        infinitive_endings=tuple(raw.get("infinitive_endings", [])),
        infinitive_markers=_lowered(raw, "infinitive_markers"),
        noun_phrase_links=_lowered(raw, "noun_phrase_links"),
        proform_tails=tuple(tuple(t.lower().split()) for t in raw.get("proform_tails", [])),
        noun_markers=_lowered(raw, "noun_markers"),
        means_markers=_lowered(raw, "means_markers"),
        participle_links=_lowered(raw, "participle_links"),
        not_after_comma=_lowered(raw, "not_after_comma"),
        participle_date_links=_lowered(raw, "participle_date_links"),
        gerund_governors=_lowered(raw, "gerund_governors"),
        subject_verb_endings=tuple(raw.get("subject_verb_endings", [])),
        subject_phrases=tuple(tuple(p.lower().split()) for p in raw.get("subject_phrases", [])),
        subject_adverbs=_lowered(raw, "subject_adverbs"),
        stative_verbs=_lowered(raw, "stative_verbs"),
        permission_modals=_lowered(raw, "permission_modals"),
        stative_exceptions=_lowered(raw, "stative_exceptions"),
        subject_modals=_lowered(raw, "subject_modals"),
        subject_modal_exceptions=CueSet.from_entries(raw.get("subject_modal_exceptions", [])),
        ordinal_dot=bool(raw.get("ordinal_dot", False)),
        verb_final=bool(raw.get("verb_final", False)),
        finite_predicates=CueSet.from_entries(raw.get("finite_predicates", [])),
        not_finite=_lowered(raw, "not_finite"),
        converb_endings=tuple(raw.get("converb_endings", [])),
        light_verbs=_lowered(raw, "light_verbs"),
        noun_coordinators=_lowered(raw, "noun_coordinators"),
        not_subject_next=_lowered(raw, "not_subject_next"),
        end_markers=tuple(w.lower() for w in raw.get("end_markers", [])),
        speech_verbs=_lowered(raw, "speech_verbs"),
        descriptive_cues=CueSet.from_entries(raw.get("descriptive_cues", [])),
        party_nouns=_lowered(raw, "party_nouns"),
        party_words=_lowered(raw, "subjects") | _lowered(raw, "speakers") | _lowered(raw, "party_nouns"),
        relationship_nouns=_lowered(raw, "relationship_nouns"),
        consequence_verbs=_lowered(raw, "consequence_verbs"),
        consequence_adverbs=_lowered(raw, "consequence_adverbs"),
        fronting_prepositions=_lowered(raw, "fronting_prepositions"),
        role_patterns=tuple(recache.compile(any_space(p)) for p in raw.get("role_patterns", [])),
        addressing_patterns=tuple(recache.compile(any_space(p)) for p in raw.get("addressing_patterns", [])),
        addressing_fillers=_lowered(raw, "addressing_fillers"),
        addressing_links=_lowered(raw, "addressing_links"),
        complementizers=_lowered(raw, "complementizers"),
        trailing_relatives=_lowered(raw, "trailing_relatives"),
        inverted_auxiliaries=_lowered(raw, "inverted_auxiliaries"),
        commentators=_lowered(raw, "commentators"),
        named_subject_verbs=_lowered(raw, "named_subject_verbs"),
        name_links=_lowered(raw, "name_links"),
        commentary_verbs=_lowered(raw, "commentary_verbs"),
        subject_determiners=_lowered(raw, "subject_determiners"),
        pledge_modals=_lowered(raw, "pledge_modals"),
        following_words=_lowered(raw, "following_words"),
        spelling=Respelling.from_raw(raw["spelling"]) if "spelling" in raw else None,
    )


def any_space(pattern: str) -> str:
    """A data file's regex with each space outside a character class matching any run of white
    space: in hard-wrapped text ("…President Joseph R. Biden to the \nRepublic of Korea") a line
    break, perhaps after a trailing space, stands where the pattern's author wrote a space."""
    out, in_class, escaped = [], False, False
    for n, ch in enumerate(pattern):
        next_char = pattern[n + 1:n + 2] or "."
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif ch == " " and not in_class:
            # A run of white space; a space that a quantifier follows ("a ?b", "a +b") stays one
            # white-space character, so that no quantifier is nested in another.
            out.append("\\s" if next_char in "?*+{" else "(?:\\s+)")
            continue
        out.append(ch)
    return "".join(out)


# The lists of every language the neutral rules accept: cues and predicates of all kinds, not
# stopwords or stock words (a word that is noise in one language is content in another).
NEUTRAL_MERGED_KEYS = (
    "commitment_cues", "clause_predicates", "participle_predicates", "infinitive_predicates", "gerund_predicates",
    "preamble_pledges", "coordinators", "boilerplate_phrases", "abbreviations", "past_anchors", "dated_openers", "passive_auxiliaries",
    "courtesy_patterns", "adoption_patterns", "closing_formulas", "opening_formulas", "definition_patterns", "noun_markers", "end_markers",
    "not_after_comma", "gerund_governors", "means_markers",
)


def _neutral() -> Language:
    # Unknown language: accept the cues of every supported language, stem nothing.
    merged: dict[str, list[str]] = {key: [] for key in NEUTRAL_MERGED_KEYS}
    for code in SUPPORTED:
        raw = read_language_file(code)
        for key in merged:
            # Not a language's word endings ("*era" is a French future, an Italian noun).
            merged[key].extend(e for e in raw.get(key, []) if not (isinstance(e, str) and e.startswith("*")))
    merged_raw = {"name": "language-neutral", "stemmer": "", **merged}
    return _build(NEUTRAL, merged_raw)


def across_languages(old: str, new: str) -> bool:
    """Two statements read in two supported languages: matched by names, figures and related
    words (align.py), shown side by side. Not when a side has the language-neutral rules: the
    other may well be in the same language (``--lang-old xx``, two unsupported languages)."""
    return old != new and NEUTRAL not in (old, new)


@cache
def stemmer_for(code: str) -> Callable[[str], str]:
    """A word → stem function; languages without a Snowball stemmer cut words to 6 letters.

    PyStemmer runs the Snowball algorithms in C: the same stems as the pure-Python
    snowballstemmer package, about 300 times faster, which matters for large inputs."""
    language = get_language(code)
    if language.stemmer:
        import Stemmer

        stem: Callable[[str], str] = Stemmer.Stemmer(language.stemmer).stemWord
    else:
        def stem(word: str) -> str:
            return word[:6]
    if language.spelling is None:
        return stem
    respell, base_stem = language.spelling.respell, stem
    return lambda word: base_stem(respell(word))


KAZAKH_LATIN = "kk-latn"  # recognised (data/languages/unsupported.toml), read with the language-neutral rules


def detect_language(text: str) -> str:
    """Guess the language of a statement: script first, then a function-word profile."""
    sample = text[:20000]
    letters = "".join(filter(str.isalpha, sample))
    if not letters:
        return NEUTRAL
    cyrillic = len(_CYRILLIC_RE.findall(letters))
    latin = len(_LATIN_RE.findall(letters))
    if cyrillic >= latin:
        if _kazakh_letters(letters, cyrillic):
            return "kk"
        # Unsupported: their own code, so that segment says so and reads them with neutral rules.
        if _marked(len(_BELARUSIAN_RE.findall(letters)), cyrillic):
            return "be"
        # Ukrainian by its own letters, or by "і" in a text without the Russian-only ы, э, ъ, ё.
        ukrainian = len(_UKRAINIAN_RE.findall(letters))
        if (_marked(ukrainian, cyrillic) and len(_RUSSIAN_ONLY_RE.findall(letters)) < ukrainian) or (
                letters.count("і") + letters.count("І") > 0.01 * cyrillic and not _RUSSIAN_ONLY_RE.search(letters)):
            return "uk"
        return "ru"
    if latin < 0.5 * len(letters):
        return NEUTRAL
    # Dotless ı and ğ are Turkish letters (Azerbaijani also has ə, which Turkish does not), and
    # agglutinated Turkish words match few function words: the letters decide first.
    turkish = sum(map(letters.count, "ığİ"))  # (not "ş": Turkmen has it, and "Şimşek" named in English would count)
    if turkish >= 2 and turkish > 0.005 * latin and "ə" not in letters:
        # Kazakh in Latin letters has ı and ğ too, and "q", which Turkish does not write ("Qazaqstan",
        # "qoldaıdy"): recognised, not read with Turkish rules (found in review).
        q = letters.count("q") + letters.count("Q")
        return KAZAKH_LATIN if q >= 2 and q > 0.005 * latin else "tr"
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return NEUTRAL
    best, best_share = NEUTRAL, 0.0
    for code, profile in _latin_profiles():
        share = sum(1 for w in words if w in profile) / len(words)
        if share > best_share:  # strictly: a tie keeps the earlier, supported language
            best, best_share = code, share
    return best if best_share >= 0.08 else NEUTRAL


# A document holds a second language when the lines in it hold at least this share of its letters
# (a Russian page with the Kazakh version below it), not a quoted sentence or a foreign name.
MIXED_MIN_SHARE = 0.15
# ...and at least this many letters: a line or two that reads like another language (a short
# Kazakh sentence with one kind of Kazakh letter, a Swedish one that looks Turkish) is the text's
# own language misread, not a translation; a page's part in another language runs to paragraphs.
MIXED_MIN_LETTERS = 400
# A line with fewer letters (a heading, a date, a name) takes the language of the lines around it.
LINE_MIN_LETTERS = 40
# Stretches of the text probed before the line-by-line pass, which only a mixed document needs.
MIX_PROBES = 24
PROBE_CHARS = 2000  # of each, enough to tell a language (detect_language reads up to 20,000)
_LINES_RE = recache.compile(r"[^\n]+")


@frozen_dataclass
class LanguageRun:
    """A stretch of a document in one language: ``text[start:end]``, whole lines, ``letters`` letters."""

    start: int
    end: int
    code: str
    letters: int


@lru_cache(maxsize=4)
def language_runs(text: str) -> tuple[LanguageRun, ...]:
    """The stretches of ``text`` in each language, line by line, when it holds a second language
    (MIXED_MIN_SHARE of its letters or more); empty for a text in one language, as most are.

    Few texts mix languages, so stretches of the text are probed first (MIX_PROBES of them) and
    the lines are read one by one only when two probes disagree."""
    if not _probes_disagree(text):
        return ()
    lines: list[tuple[int, int, str | None, int]] = []
    for match in _LINES_RE.finditer(text):
        line = match.group()
        letters = sum(map(str.isalpha, line))
        code = detect_language(line) if letters >= LINE_MIN_LETTERS else None
        lines.append((match.start(), match.end(), None if code == NEUTRAL else code, letters))
    known = [code for _, _, code, _ in lines if code]
    if not known:
        return ()
    runs: list[LanguageRun] = []
    current = known[0]  # a short line takes the language of the line before it (the first known, at the top)
    for start, end, code, letters in lines:
        current = code or current
        if runs and runs[-1].code == current:
            runs[-1] = LanguageRun(runs[-1].start, end, current, runs[-1].letters + letters)
        else:
            runs.append(LanguageRun(start, end, current, letters))
    total = sum(run.letters for run in runs) or 1
    shares = language_shares(runs)
    main = next(iter(shares))
    minor = {code for code, letters in shares.items() if code != main and letters < max(MIXED_MIN_LETTERS, MIXED_MIN_SHARE * total)}
    if len(shares) - len(minor) < 2:
        return ()
    if minor:  # misread stretches: the main language's, merged into the runs around them
        merged: list[LanguageRun] = []
        for run in runs:
            code = main if run.code in minor else run.code
            if merged and merged[-1].code == code:
                merged[-1] = LanguageRun(merged[-1].start, run.end, code, merged[-1].letters + run.letters)
            else:
                merged.append(LanguageRun(run.start, run.end, code, run.letters))
        runs = merged
    return tuple(runs)


def language_shares(runs: tuple[LanguageRun, ...] | list[LanguageRun]) -> dict[str, int]:
    """Letters per language over ``runs``, the language with most letters first."""
    letters: dict[str, int] = {}
    for run in runs:
        letters[run.code] = letters.get(run.code, 0) + run.letters
    return dict(sorted(letters.items(), key=lambda item: -item[1]))


def _probes_disagree(text: str) -> bool:
    """Whether two of MIX_PROBES stretches of ``text`` (cut at line ends) look like different languages."""
    size = max(len(text) // MIX_PROBES, 1)
    seen: set[str] = set()
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end
        code = detect_language(text[start:min(end, start + PROBE_CHARS)])
        if code != NEUTRAL:
            seen.add(code)
            if len(seen) > 1:
                return True
        start = end + 1
    return False


@cache
def _latin_profiles() -> tuple[tuple[str, frozenset[str]], ...]:
    """(code, profile) of every Latin-script language detection knows: the supported ones first,
    then those statediff only recognises (data/languages/unsupported.toml)."""
    supported = tuple((code, profile) for code in SUPPORTED for script, profile in [_profile(code)] if script == "latin")
    others = read_data("languages/unsupported.toml")
    return supported + tuple((code, frozenset(w.lower() for w in table["profile"])) for code, table in others.items())


@cache
def _profile(code: str) -> tuple[str, frozenset[str]]:
    """A language's script and detection profile, read from its data file only: detection need
    not build the whole language (its cue sets and patterns) for every candidate of an English statement."""
    raw = read_language_file(code)
    return raw["script"], _lowered(raw, "profile")


def script_of(code: str) -> str:
    """A supported language's script, "cyrillic" or "latin", from its data file."""
    return _profile(code)[0]


FOREIGN_MIN_LETTERS = 20  # a sentence this long in the other script is told apart by detect_language


def foreign_sentence(sentence: str, code: str) -> str | None:
    """The supported language that a sentence of a statement in ``code`` (a supported language)
    is plainly in instead, else None: wholly in the other script (FOREIGN_MIN_LETTERS letters or
    more: Latin in a Russian or Kazakh statement, Cyrillic in the others), or, between the two
    Cyrillic languages, with Kazakh letters in a Russian statement, or with Russian-only letters
    (ы, э, ъ, ё) and no Kazakh ones in a Kazakh statement. ``detect_language`` names it."""
    cyrillic = len(_CYRILLIC_RE.findall(sentence))
    other = sum(map(str.isalpha, sentence)) - cyrillic  # letters of other scripts: Latin, in practice
    if script_of(code) == "cyrillic":
        plain = ((cyrillic == 0 and other >= FOREIGN_MIN_LETTERS)
                 or (code == "ru" and _KAZAKH_RE.search(sentence) is not None)
                 or (code == "kk" and _RUSSIAN_ONLY_RE.search(sentence) is not None and _KAZAKH_RE.search(sentence) is None))
    else:
        plain = other == 0 and cyrillic >= FOREIGN_MIN_LETTERS
    if not plain:
        return None
    found = detect_language(sentence)
    return found if found in SUPPORTED and found != code else None


def language_name(code: str) -> str:
    return get_language(code).name


def display_name(code: str) -> str:
    """A language's name for a message: a supported or recognised one's name, else its code."""
    if code in SUPPORTED:
        return language_name(code)
    table = read_data("languages/unsupported.toml").get(code)
    return str(table["name"]) if table and "name" in table else f"'{code}'"


def named_code(code: str) -> str:
    """A language for a message that names it and its code: "Italian ('it')", or "'xy'" when unknown."""
    name = display_name(code)
    return name if name == f"'{code}'" else f"{name} ('{code}')"
