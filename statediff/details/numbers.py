"""Numbers in pledges: money, percentages, dates, years, deadlines, ordinals and counts, per data/numbers/."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from .. import recache
from ..frozen import frozen_dataclass
from ..segment.tokens import COMBINING_MARKS, CURRENCY_SIGNS, has_combining
from .patterns import MEMO_LIMIT, SENTENCE_END_MARKS, TOKEN_EDGES, PatternSet, WordClass, Words, cached_stemmer, fold, load_data, remember, words_of
from .types import FIGURE_KINDS, Number, NumberChanges, NumberPair

_DASH = r"\s*[-–—]\s*"
# Not inside a longer token ("COVID-19", "C\u201117" with a non-breaking hyphen, "26/11", "$4",
# "alert(1)").
# Nor a footnote mark glued to a word ("Alliance[1]", "Partnership.[2]"; found in review: read as a count of 1).
_BEFORE = rf"(?<![\w\-\u2010\u2011./+№,{CURRENCY_SIGNS}])(?<!\w\()(?<!\S\[)"
_AFTER = r"(?![\w%/+])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_BREAKS = recache.compile(r"[.;:!?]")
_DIGIT = recache.compile(r"\d")
_NUMBER_START = recache.compile(_BEFORE + r"\d")  # where the patterns opening with {_BEFORE} and a digit may match
# A whole number on its own: not part of "2803/2021", "1.5", "5%", "G20" or "COVID-19".
_REFERENCE_NUMBER = recache.compile(r"(?<![\w,/-])(?<!\d\.)\d+(?![\w%/-]|[.,]\d)")
_LEADING_WORD = recache.compile(r"\w+")
_RUNS = recache.compile(r"\w+")
UNIT_LOOKAHEAD = 2  # an ordinal or count names its unit within this many words ("fourth Quad meeting")
SPELLED_COUNT_MIN = 3  # a count spelled out without a scale ("six meetings") from three on: "two" and "one" name the parties
PARTY_COUNT_MAX = 4  # "the three countries", "the four leaders" (trilateral, Quad) name the parties; "twenty countries" is a figure


def _word(entry: str) -> str:
    """Regex of one data-file word: "prefix*", "abbr." (dot optional), or literal."""
    if entry.endswith("*"):
        return re.escape(entry[:-1]) + rf"[\w{COMBINING_MARKS}]*"  # letters with their combining marks
    if entry.endswith(".") and len(entry) > 1:
        return re.escape(entry[:-1]) + r"\.?"
    return re.escape(entry)


def _phrase(entry: str) -> str:
    body = r"\s+".join(_word(part) for part in entry.split())
    head = r"(?<!\w)" if entry[0].isalnum() else ""
    tail = r"(?!\w)" if entry.rstrip("*.")[-1:].isalnum() else ""
    return head + body + tail


def _alternation(entries: Iterable[str]) -> str:
    """Longest entries first, so "доллар* сша" wins over "доллар*"; an entry with a letter that
    decomposes ("ağustos", "май") also in decomposed form (NFD text: "g" + a combining breve)."""
    forms = set(entries)
    forms |= {unicodedata.normalize("NFD", e) for e in forms}
    ordered = sorted(forms, key=lambda e: (-len(e), e))
    return "(?:" + "|".join(_phrase(e) for e in ordered) + ")" if ordered else r"(?!x)x"


def _lookup(table: dict[str, Any], found: str) -> Any:
    """The value of the data-file entry that matched ``found`` (entries may be prefixes or phrases)."""
    words = fold(found).replace(".", " ").split()
    for entry in sorted(table, key=len, reverse=True):
        parts = fold(entry).replace(".", " ").split()
        if len(parts) == len(words) and all(
            w.startswith(p[:-1]) if p.endswith("*") else w == p for w, p in zip(words, parts, strict=True)
        ):
            return table[entry]
    return None


@frozen_dataclass
class Grammar:
    """The compiled number forms of one language (plus the shared symbols and codes)."""

    number: str  # regex of a written number
    decimal_comma: bool
    group_dots: bool  # "10.000": a dot groups thousands (with decimal_comma)
    scales: dict[str, int]
    scale_re: str
    currencies: dict[str, str]  # words, symbols and codes -> ISO code
    currency_before: str
    currency_after: str
    percent_after: str
    percent_before: str
    months: dict[str, int]
    month_re: str
    year_words: str
    date_links: str  # words between a day, its month and its year ("10 de junio de 2022"), or ""
    day_dot: bool  # a day may be written "10." ("10. Juni 2022")
    number_links: frozenset[str]  # words between a number and its currency or unit ("10 millones de dólares")
    number_link_re: str  # those words as a regex, each with the space after it, or ""
    range_link_re: str  # words between the two ends of an amount's range ("USD 300 to 400 billion"), or ""
    deadline_before: re.Pattern[str]
    deadline_after: re.Pattern[str]
    target_before: re.Pattern[str]
    bound_before: re.Pattern[str] | None  # "up to", "at least", "не менее": a bound makes another figure
    identifier_before: re.Pattern[str]
    ordinal_suffix_re: str
    anniversary_re: str
    ordinal_words: dict[str, int]
    ordinal_stems: tuple[tuple[str, int], ...]
    ordinal_endings: frozenset[str]
    units: PatternSet[str]
    reference_nouns: dict[str, str]  # "resolution": "resolution", "статьей": "article": the number after names a document
    reference_after: re.Pattern[str] | None  # "2803 sayılı": the word after the number says it is a document's
    year_after: re.Pattern[str] | None  # "2023 года", "2023 year": the number is a year, not a reference
    party_units: frozenset[str]  # "the three countries", "the four leaders": the parties, not a figure when spelled out
    event_units: frozenset[str]
    stem: Callable[[str], str]
    units_known: bool  # the language has a data file: the word after a number may name its unit
    # Words after a number that name no unit: function words ("6 of", "26 its", "752 som") and, where
    # the numbers file says so (``capital_names``), a capital word ("C-17 Globemaster").
    not_units: frozenset[str] = frozenset()
    # Verbs that make a spelled cardinal no number at all (Turkish "altı çizildi": six, but here
    # "its underside was drawn", underlined): a number is followed by no word that starts so.
    not_unit_prefixes: tuple[str, ...] = ()
    # Words that stand between a number and the noun it counts ("600 new agents", "80,000 seized
    # weapons", ``unit_modifiers`` and ``unit_modifier_endings`` of the numbers file): skipped.
    unit_modifiers: frozenset[str] = frozenset()
    unit_modifier_endings: tuple[str, ...] = ()
    capital_names: bool = False
    ordinal_memo: dict[str, int | None] = field(default_factory=dict)  # word -> its ordinal, filled as words are seen
    regexes: dict[str, tuple[tuple[re.Pattern[str], bool], ...]] = field(default_factory=dict)  # form -> its patterns, compiled once
    lookups: dict[tuple[str, str], Any] = field(default_factory=dict)  # (table, as found) -> _lookup's value
    classes: dict[str, Any] = field(default_factory=dict)  # "ordinal" -> the words that are ordinals, "gate:months" -> a _Gate, …
    language: str = ""
    # Cardinals written as words (``cardinals`` and ``amount_cardinals``), folded, with their values:
    # read as an amount's number before a scale and a currency, or before a percent word.
    amount_words: dict[str, float] = field(default_factory=dict)
    compound_teens: bool = False  # 11-19 are "ten" + a unit ("on iki", "он екі"), not words of their own
    # Capitalised nouns whose spelled cardinal names a group, not a count ("Group of Seven leaders",
    # "«Группы двадцати» будут"; ``name_heads``, words or two-word phrases, folded).
    name_heads: frozenset[str] = frozenset()


@cache
def grammar_for(language: str) -> Grammar:
    """Number forms for a language; one without a data file gets the shared symbols only."""
    common = load_data("numbers", "common") or {}
    raw = load_data("numbers", language) or {}
    # Most languages without a data file (sv, fr, de…) write "1,5" and "4 000 000".
    decimal_comma = raw.get("decimal_comma", True)
    # Thousands grouped by spaces ("4 000 000"), or also by dots where the language does ("10.000").
    group = (r"[ \u00a0\u202f.]" if raw.get("group_dots") else r"[ \u00a0\u202f]") if decimal_comma else ","
    decimal = "," if decimal_comma else r"\."
    number = rf"\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?|\d+(?:{decimal}\d+)?"
    if raw.get("group_dots"):  # also as the Americas write it: "10,000", "1.5"
        number = rf"\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+\.\d{{1,2}}(?![\d.])|{number}"
    elif decimal_comma:  # "2.5 млрд", "2.5%", as the English write them (not a time: "в 10.30")
        scale = _alternation(raw.get("scales", {})).replace(r"(?<!\w)", "")
        number = rf"\d+\.\d{{1,2}}(?![\d.])(?=\s?(?:%|{scale}))|{number}"
    symbols = dict(common.get("currency_symbols", {}))
    codes = {code: code for code in common.get("currency_codes", [])}
    words = dict(raw.get("currencies", {}))
    stemmer = cached_stemmer(language) if raw else (lambda w: w[:6])

    def cues(entries: list[str], before: bool) -> re.Pattern[str]:
        alternation = _alternation(entries)
        return recache.compile(alternation + r"\s*$" if before else r"(?:['’]\w+)?\s*" + alternation, re.IGNORECASE)

    return Grammar(
        number=number,
        decimal_comma=decimal_comma,
        group_dots=bool(decimal_comma and raw.get("group_dots")),
        scales=dict(raw.get("scales", {})),
        scale_re=_alternation(raw.get("scales", {})).replace(r"(?<!\w)", ""),  # "$200M": a scale may touch the number
        currencies={**symbols, **codes, **words},
        # Longest first; ties in a fixed order, so the pattern is the same text in every run (the regex cache's key).
        currency_before="(?:" + "|".join(re.escape(s) for s in sorted({*symbols, *codes}, key=lambda s: (-len(s), s))) + ")",
        currency_after=_alternation([*words, *codes]) if words or codes else r"(?!x)x",
        percent_after=_alternation([*common.get("percent_words", []), *raw.get("percent_words", [])]),
        percent_before=_alternation(raw.get("percent_before", [])),
        months=dict(raw.get("months", {})),
        month_re=_alternation(raw.get("months", {})),
        year_words=_alternation(raw.get("year_words", [])),
        date_links=_alternation(raw.get("date_links", [])) if raw.get("date_links") else "",
        day_dot=bool(raw.get("day_dot", False)),
        number_links=frozenset(fold(w) for w in raw.get("number_links", [])),
        # "de " with its space, "d'" (elided) touching the next word
        number_link_re="(?:" + "|".join(re.escape(w) + ("" if w.endswith("'") else r"\s+") for w in raw["number_links"]).replace("'", "['’]") + ")?"
        if raw.get("number_links") else "",
        range_link_re=_alternation(raw["range_links"]) if raw.get("range_links") else "",
        deadline_before=cues(raw.get("deadline_cues", []), before=True),
        deadline_after=cues(raw.get("deadline_after", []), before=False),
        target_before=cues(raw.get("target_cues", []), before=True),
        bound_before=cues(raw["bound_cues"], before=True) if raw.get("bound_cues") else None,
        identifier_before=recache.compile("(?:" + "|".join(re.escape(m) for m in common.get("identifier_marks", [])) + r")\s*$"),
        ordinal_suffix_re=_alternation(raw.get("ordinal_suffixes", [])).replace(r"(?<!\w)", ""),
        anniversary_re=_alternation(raw.get("anniversary_suffixes", [])).replace(r"(?<!\w)", ""),
        ordinal_words={fold(k): v for k, v in raw.get("ordinal_words", {}).items()},
        ordinal_stems=tuple(sorted(raw.get("ordinal_stems", {}).items(), key=lambda kv: -len(kv[0]))),
        ordinal_endings=frozenset(raw.get("ordinal_endings", [])),
        units=PatternSet(raw.get("units", {}).items()),
        reference_nouns={fold(k): v for k, v in raw.get("reference_nouns", {}).items()},
        reference_after=recache.compile(r"\s+(?:" + "|".join(map(re.escape, raw["reference_after"])) + r")(?!\w)", re.IGNORECASE)
        if raw.get("reference_after") else None,
        year_after=recache.compile(r"\s*(?:" + _alternation(raw["year_words"]) + ")", re.IGNORECASE) if raw.get("year_words") else None,
        party_units=frozenset(common.get("party_units", [])) | _party_stems(language, stemmer),
        event_units=frozenset(raw.get("event_units", [])),
        stem=stemmer,
        units_known=bool(raw),
        not_units=_function_words(language) if raw else frozenset(),
        not_unit_prefixes=tuple(fold(w.removesuffix("*")) for w in raw.get("not_unit_prefixes", [])),
        unit_modifiers=frozenset(fold(w) for w in raw.get("unit_modifiers", [])),
        unit_modifier_endings=tuple(raw.get("unit_modifier_endings", [])),
        capital_names=bool(raw.get("capital_names", False)),
        language=language,
        amount_words={fold(w): v for w, v in (*raw.get("cardinals", {}).items(), *raw.get("amount_cardinals", {}).items())},
        compound_teens=bool(raw.get("compound_teens", False)),
        name_heads=frozenset(fold(w) for w in raw.get("name_heads", [])),
    )


def _party_stems(language: str, stem: Callable[[str], str]) -> frozenset[str]:
    """Stems of the words that name the parties in a language ("leaders", "стороны", "taraflar")."""
    from ..languages import SUPPORTED, get_language

    if language not in SUPPORTED:
        return frozenset()
    lang = get_language(language)
    return frozenset(stem(fold(w)) for w in lang.subjects | lang.party_nouns | lang.speakers)


def _function_words(language: str) -> frozenset[str]:
    """Words after a number that name no unit: the language's function words and its modals (the
    strength file's ``binding_modals`` and ``hedge_modals``, whole words, and the language file's
    ``obligation_modals``): "Articles 1 to 14 shall apply" counts no "shall" (found in review)."""
    from ..languages import SUPPORTED, get_language

    if language not in SUPPORTED:
        return frozenset()
    lang = get_language(language)
    strength = load_data("strength", language) or {}
    modals = {w for key in ("binding_modals", "hedge_modals") for w in strength.get(key, []) if "*" not in w and " " not in w}
    return frozenset(map(fold, lang.stopwords | lang.obligation_modals | modals))


_SPACES = recache.compile(r"[ \u00a0\u202f]")
_SUFFIX = recache.compile(r"['’]\w+$")


def _lookup_in(grammar: Grammar, table: str, found: str) -> Any:
    """``_lookup`` of one of the grammar's tables (months, currencies, scales), memoised."""
    key = (table, found)
    if key not in grammar.lookups:
        grammar.lookups[key] = _lookup(getattr(grammar, table), found)
    return grammar.lookups[key]


def _quantity(grammar: Grammar, written: str, scale: str | None = None) -> int | float | None:
    digits = _SPACES.sub("", written)
    if grammar.group_dots and _AMERICAN_GROUPS.match(digits):
        digits = digits.replace(",", "")  # "10,000 millones" (Mexico, the US): commas group thousands
    elif grammar.group_dots and _AMERICAN_DECIMAL.match(digits):
        pass  # "1.5 millones": one or two digits after a dot are decimals, not a group of three
    else:
        if grammar.group_dots:  # "10.000,5": a dot groups thousands, a comma marks the decimals
            digits = digits.replace(".", "")
        digits = digits.replace(",", ".") if grammar.decimal_comma else digits.replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    if scale:
        value *= Decimal(_lookup_in(grammar, "scales", scale) or 1)
    return int(value) if value == value.to_integral_value() else float(value)


class _Scanner:
    """Finds numbers in text[start:end], each form claiming its span before the next form looks."""

    def __init__(self, text: str, grammar: Grammar, start: int, end: int, commitment_id: str) -> None:
        self.text, self.g, self.start, self.end, self.id = text, grammar, start, end, commitment_id
        self.claimed: list[tuple[int, int]] = []
        self.found: list[Number] = []
        self.digits: list[int] | None = None  # where a number may start

    def run(self) -> tuple[Number, ...]:
        forms = [self._restated, self._dates, self._money, self._percent, self._references, self._ordinals, self._word_ordinals, self._years,
                 self._counts, self._word_amounts]
        if not _DIGIT.search(self.text, self.start, self.end):
            forms = [self._word_ordinals, self._word_amounts]  # most pledges have no digit at all: skip the regular expressions
        for form in forms:
            for number in form():
                if not self._overlaps(number.start, number.end):
                    self.claimed.append((number.start, number.end))
                    self.found.append(number)
        return tuple(sorted(self.found, key=lambda n: n.start))

    def _overlaps(self, a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in self.claimed)

    def _finditer(self, form: str, build: Callable[[Grammar], Iterable[tuple[str, bool | str]]]) -> Iterator[re.Match[str]]:
        """Matches of each pattern of a form in turn (as ``finditer`` finds them); the patterns are
        built and compiled once per grammar."""
        patterns = self.g.regexes.get(form)
        if patterns is None:
            patterns = self.g.regexes[form] = tuple((recache.compile(p, re.IGNORECASE), how) for p, how in build(self.g))
        for pattern, how in patterns:
            if isinstance(how, str):  # the name of a table whose entries open every match
                gate = _gate(self.g, how)
                if gate is None or gate.passes(self.text, self.start, self.end):
                    yield from pattern.finditer(self.text, self.start, self.end)
                continue
            if not how:
                yield from pattern.finditer(self.text, self.start, self.end)
                continue
            # A match starts at a digit no word character precedes: try only there, left to right.
            after = self.start
            for at in self._number_starts():
                if at >= after:
                    m = pattern.match(self.text, at, self.end)
                    if m is not None:
                        yield m
                        after = m.end()

    def _number_starts(self) -> list[int]:
        if self.digits is None:
            self.digits = [m.start() for m in _NUMBER_START.finditer(self.text, self.start, self.end)]
        return self.digits

    def _number(self, kind: str, a: int, b: int, **fields: Any) -> Number:
        if "target" in fields and self.g.bound_before is not None:  # an amount: its bound, if any, is part of it
            bound = self._before(a, self.g.bound_before)
            if bound is not None and not self._overlaps(bound.start(), a):
                a, fields["bound"] = bound.start(), " ".join(fold(bound.group()).split())
        return Number(self.text[a:b], a, b, kind, id=self.id, **fields)

    def _before(self, a: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
        return pattern.search(self.text, max(self.start, a - 40), a)

    def _references(self) -> Iterator[Number]:
        """Numbers that name a document or a part of one: after a reference noun ("UNSC Resolution
        2593", "статьей 51", "l'article 5", "ст. 51"; ``reference_nouns``, whole word forms) or an
        identifier mark ("№2803", "No. 5"), or before a word that says so ("2803 sayılı";
        ``reference_after``): "Resolution 2593" → "Resolution 2720" is a changed reference, not a
        year or a count. Amounts, percents and dates have claimed their numbers already
        ("decision 2 million dollars", "decision 15 June 2024"), and a year word after the number
        makes it a year ("решение 2023 года")."""
        g = self.g
        for m in _REFERENCE_NUMBER.finditer(self.text, self.start, self.end):
            a, b = m.span()
            if self._overlaps(a, b) or (g.year_after is not None and g.year_after.match(self.text, b, self.end)):
                continue
            after = g.reference_after.match(self.text, b, self.end) if g.reference_after is not None else None
            if after is not None:
                yield self._number("reference", a, after.end(), quantity=int(m.group()), unit="№")
                continue
            mark = self._before(a, g.identifier_before)
            head = mark.start() if mark else a
            words = words_of(self.text, max(self.start, head - 40), head, memo=False)
            noun = None
            if words.texts and self.text[words.ends[-1]:head].strip() in ("", "."):  # the word right before ("ст. 51")
                unit = g.reference_nouns.get(words.folded[-1].rpartition("'")[2])  # "l'article" is "article"
                noun = (unit, words.starts[-1]) if unit else None
            if noun is None and mark is None:
                continue
            unit, start = noun if noun else ("№", head)  # "No. 5" and "№ 5" are one reference
            yield self._number("reference", start, b, quantity=int(m.group()), unit=unit)

    def _is_identifier(self, a: int) -> bool:
        return self._before(a, self.g.identifier_before) is not None

    # -- temporal -------------------------------------------------------------------------

    def _temporal(self, kind: str, a: int, b: int, when: str) -> Number:
        """A date or year; a deadline when a cue comes before ("by 2030", "до 2025 года") or after."""
        cue = self._before(a, self.g.deadline_before)
        if cue is not None:
            return self._number("deadline", cue.start(), b, when=when)
        after = self.g.deadline_after.match(self.text, b, self.end)
        if after is not None:
            return self._number("deadline", a, after.end(), when=when)
        return self._number(kind, a, b, when=when)

    def _dates(self) -> Iterator[Number]:
        g = self.g
        for m in self._finditer("dates", _date_forms):
            if self._overlaps(*m.span()):
                continue
            groups = m.groupdict()
            month = int(groups["mm"]) if groups.get("mm") else _lookup_in(g, "months", groups["m"])
            when = _iso(groups.get("y"), month, groups.get("d1"), groups.get("d2"))
            if when:  # run() claims the span before the next match is looked at
                yield self._temporal("date", m.start(), m.end(), when)

    def _years(self) -> Iterator[Number]:
        for m in self._finditer("years", _year_forms):
            if not self._is_identifier(m.start()):
                when = m["y"] + (f"/{m['y2']}" if m["y2"] else "")
                yield self._temporal("year", m.start(), self._trim_suffix(m.start(), m.end()), when)

    def _trim_suffix(self, a: int, b: int) -> int:
        # "2030'a kadar": the apostrophe suffix is not part of the year itself.
        span = self.text[a:b]
        cut = _SUFFIX.search(span)
        return a + cut.start() if cut else b

    # -- amounts --------------------------------------------------------------------------

    def _money(self) -> Iterator[Number]:
        """Amounts, and ranges of amounts with one scale and currency, "USD 300 to 400 billion",
        "$300-400 billion", "300 to 400 billion dollars" (``Number.upper``; found in review: read
        as "USD 300" and a target of "400 billion", a count)."""
        g = self.g
        for m in self._finditer("money", _money_forms):
            code = _lookup_in(g, "currencies", m["c"]) or g.currencies.get(m["c"]) or g.currencies.get(m["c"].upper())
            amount = _quantity(g, m["n"], m["s"])
            upper = _quantity(g, m["u"], m["s"]) if m["u"] else None
            if code and amount is not None and not self._is_identifier(m.start()):
                yield self._number("money", m.start(), m.end(), quantity=amount, unit=code, target=self._target(m.start()), upper=upper)

    def _percent(self) -> Iterator[Number]:
        g = self.g
        for m in self._finditer("percent", _percent_forms):
            value = _quantity(g, m["n"])
            if value is not None:
                yield self._number("percent", m.start(), m.end(), quantity=value, unit="%", target=self._target(m.start()))

    def _target(self, a: int) -> bool:
        return self._before(a, self.g.target_before) is not None

    # -- ordinals and counts --------------------------------------------------------------

    def _ordinals(self) -> Iterator[Number]:
        for m in self._finditer("ordinals", _ordinal_forms):
            if m.groupdict().get("a"):
                yield self._number("ordinal", m.start(), m.end(), quantity=int(m["n"]), unit="anniversary")
                continue
            unit, unit_end = self._unit_after(m.end(), any_word=True)
            if unit:
                yield self._number("ordinal", m.start(), unit_end, quantity=int(m["n"]), unit=unit)

    def _word_ordinals(self) -> Iterator[Number]:
        words = words_of(self.text, self.start, self.end)
        g = self.g
        for i in words.where(_ordinal_class(g)):
            n = _ordinal_word(g, words.folded[i])
            unit, unit_end = self._unit_after(words.ends[i], any_word=False)
            if unit in g.event_units:
                yield self._number("ordinal", words.starts[i], unit_end, quantity=n, unit=unit)

    def _restated(self) -> Iterator[Number]:
        """A figure spelled out and repeated in digits in brackets, as legal texts write it:
        "thirty (30) days" is one figure, 30 days (it was read as "30) days", the words apart).
        The words must say the digits' value; what follows the bracket is the figure's unit, a
        currency or a percent word ("ten (10) percent")."""
        g = self.g
        if not g.amount_words:
            return
        for m in _BRACKETED_DIGITS.finditer(self.text, self.start, self.end):
            value = _quantity(g, m["n"])
            words = words_of(self.text, max(self.start, m.start() - 80), m.start(), memo=False)
            last = len(words) - 1
            if value is None or last < 0 or self.text[words.ends[last]:m.start()].strip() or words.folded[last] not in g.amount_words:
                continue
            first = last
            while first > 0 and not words.breaks[first] and words.folded[first - 1] in g.amount_words:
                first -= 1
            spelled, after = _spelled_value(g, words, first)
            while after <= last:  # "ten five (5)": the run's last number is the one restated
                first = after
                spelled, after = _spelled_value(g, words, first)
            if spelled != value:
                continue
            a = words.starts[first]
            tail = _amount_tail(g).match(self.text, m.end(), self.end)
            if tail is not None and tail["c"]:
                code = _lookup_in(g, "currencies", tail["c"]) or g.currencies.get(tail["c"].upper())
                if code:
                    yield self._number("money", a, tail.end(), quantity=_scaled(g, value, tail["s"]), unit=code, target=self._target(a))
                continue
            if tail is not None:
                yield self._number("percent", a, tail.end(), quantity=value, unit="%", target=self._target(a))
                continue
            unit, unit_end = self._unit_after(m.end(), any_word=True)
            yield self._number("count", a, unit_end if unit else m.end(), quantity=value, unit=unit, target=self._target(a))

    def _word_amounts(self) -> Iterator[Number]:
        """Money and percentages whose number is spelled out: "до десяти миллиардов долларов",
        "ten billion dollars", "пяти процентов" (a cardinal alone, "three years", is no amount)."""
        g = self.g
        if not g.amount_words:
            return
        words = words_of(self.text, self.start, self.end)
        tail = _amount_tail(g)
        resume = 0
        for i in words.where(_amount_class(g)):
            if i < resume:
                continue
            value, j = _spelled_value(g, words, i)
            m = tail.match(self.text, words.ends[j - 1], self.end)
            if m is None:
                count = self._spelled_count(g, words, i, j, value)
                if count is not None:
                    resume = j
                    yield count
                continue
            resume = j
            a = words.starts[i]
            if m["c"]:
                code = _lookup_in(g, "currencies", m["c"]) or g.currencies.get(m["c"].upper())
                if code:
                    yield self._number("money", a, m.end(), quantity=_scaled(g, value, m["s"]), unit=code, target=self._target(a))
            else:
                yield self._number("percent", a, m.end(), quantity=_scaled(g, value, None), unit="%", target=self._target(a))

    def _spelled_count(self, g: Grammar, words: Words, i: int, j: int, value: float) -> Number | None:
        """A count spelled out, "one hundred million vaccine doses" (as "100 million vaccine
        doses"), "six meetings" (as "6 meetings"): its unit is the word after it."""
        scale = _scale_tail(g).match(self.text, words.ends[j - 1], self.end)
        if scale is None and (value < SPELLED_COUNT_MIN or (j < len(words) and words.folded[j] in g.amount_words)):
            return None  # "two leaders", "the two countries", Turkish "bir" (also "a"), "ten five …": no figure
        if scale is None and _names_group(g, words, i):
            return None  # "the Group of Seven leaders" (G7) counts no leaders (found in review)
        unit, unit_end = self._unit_after(scale.end() if scale else words.ends[j - 1], any_word=True)
        if not unit or (scale is None and value <= PARTY_COUNT_MAX and unit in g.party_units):
            return None  # "the three countries agreed": the parties of a trilateral statement; "twenty countries" is a figure
        a = words.starts[i]
        return self._number("count", a, unit_end, quantity=_scaled(g, value, scale["s"] if scale else None), unit=unit, target=self._target(a))

    def _counts(self) -> Iterator[Number]:
        g = self.g
        for m in self._finditer("counts", _count_forms):
            if self._is_identifier(m.start()) or self._is_clock_time(m.start()):
                continue
            unit, unit_end = self._unit_after(m.end(), any_word=True)
            # "6 of the 10 projects", "C-17 Globemaster": a figure all the same, its unit not named here
            unnamed = not unit and self._unnamed_unit(m.end())
            value = _quantity(g, m["n"], m["s"])
            upper = _quantity(g, m["u"], m["s"]) if m["u"] else None
            if (unit or unnamed) and value is not None:
                yield self._number("count", m.start(), unit_end, quantity=value, unit=unit, target=self._target(m.start()), upper=upper)

    def _is_clock_time(self, a: int) -> bool:
        """The minutes of a time of day ("10:02 am"), not a count of "am"."""
        return a >= 2 and self.text[a - 1] == ":" and self.text[a - 2].isdigit()

    def _unit_after(self, b: int, any_word: bool) -> tuple[str, int]:
        """The canonical unit named within UNIT_LOOKAHEAD words after ``b`` and the end of its word,
        so that the span reads "четвертому заседанию", "30 лет"; with ``any_word``, else the stem
        of the next word. Empty when the clause ends first."""
        words = words_of(self.text, b, min(self.end, b + 120), memo=False)
        if words.texts and words.folded[0] in self.g.number_links:  # "millones de personas"
            words = words.sub(1, len(words))
            any_word = False  # after "de" only a listed unit: "3 de los 5 proyectos" counts no "los"
        if not words.texts or _BREAKS.search(self.text, b, words.starts[0]):
            return "", b
        for i in range(min(UNIT_LOOKAHEAD, len(words))):
            if i and words.breaks[i]:
                break
            hit = self.g.units.match_at(words, i)
            if hit is not None:
                return hit.payload, words.ends[hit.end - 1]
        if any_word and self.g.units_known:
            words = self._past_modifiers(words)
            first = words.folded[0]
            if first.isalpha() and not self._names_no_unit(words):
                return self.g.stem(first), words.ends[0]
        return "", b

    def _past_modifiers(self, words: Words) -> Words:
        """``words`` from the noun a number counts, past up to two words that only describe it
        ("600 new agents", "80,000 seized weapons", "400 million safe and effective …": no unit
        named); as they are when the clause ends after them ("over 80,000 seized."). A capitalised
        word is part of a name, not a modifier ("5 United Nations agencies", "3 New Delhi offices")."""
        k = 0
        while k < min(2, len(words) - 1) and not words.breaks[k + 1] and not words.texts[k][:1].isupper() and self._modifies(words.folded[k]):
            k += 1
        return words.sub(k, len(words)) if k else words

    def _modifies(self, word: str) -> bool:
        g = self.g
        return word in g.unit_modifiers or (bool(g.unit_modifier_endings) and len(word) > MODIFIER_MIN_LETTERS and word.endswith(g.unit_modifier_endings))

    def _names_no_unit(self, words: Words) -> bool:
        """The word after a number is a function word, a letter or (``capital_names``) part of a
        name: it names no unit."""
        first = words.folded[0]
        return (len(first) < 2 or first in self.g.not_units or first.startswith(self.g.not_unit_prefixes)
                or (self.g.capital_names and words.texts[0][0].isupper()))

    def _unnamed_unit(self, b: int) -> bool:
        """A count's number is followed, in its clause, by a word that names no unit (see
        ``_names_no_unit``): still a figure, shown without a unit."""
        if not self.g.units_known:
            return False
        words = words_of(self.text, b, min(self.end, b + 60), memo=False)
        if not words.texts or _BREAKS.search(self.text, b, words.starts[0]) or words.folded[0] in self.g.number_links:
            return False
        words = self._past_modifiers(words)
        return words.folded[0].isalpha() and self._names_no_unit(words)


# Digits in brackets after a figure spelled out ("thirty (30) days", "one thousand (1,000)").
_BRACKETED_DIGITS = recache.compile(r"\(\s*(?P<n>\d{1,3}(?:[,.\s\u00a0\u202f]\d{3})+|\d+)\s*\)")
MODIFIER_MIN_LETTERS = 4  # "-ed" on a longer word: a participle ("seized"), not "red", "need", "bed"


def _ordinal_class(g: Grammar) -> WordClass:
    """The (folded) words that are ordinals."""
    word_class = g.classes.get("ordinal")
    if word_class is None:
        heads = tuple(stem for stem, _ in g.ordinal_stems)  # a word that is none of these and opens with none is no ordinal

        def ordinals(new: set[str]) -> set[str]:
            return {w for w in new if (w in g.ordinal_words or (heads and w.startswith(heads))) and _ordinal_word(g, w) is not None}

        word_class = g.classes["ordinal"] = WordClass(ordinals)
    return word_class


def _amount_class(g: Grammar) -> WordClass:
    """The (folded) words that are spelled cardinals."""
    word_class = g.classes.get("amount")
    if word_class is None:
        word_class = g.classes["amount"] = WordClass(lambda new: new & g.amount_words.keys())
    return word_class


def _amount_tail(g: Grammar) -> re.Pattern[str]:
    """What follows a spelled amount's number: a scale and a currency ("миллиардов долларов США"),
    a currency, or a percent word."""
    tail = g.classes.get("amount tail")
    if tail is None:
        scale = rf"(?:(?P<s>{g.scale_re})\s*)?"
        tail = g.classes["amount tail"] = recache.compile(
            rf"\s+(?:{scale}{g.number_link_re}(?P<c>{g.currency_after})|(?:{g.percent_after}))", re.IGNORECASE)
    return tail  # type: ignore[no-any-return]


def _scale_tail(g: Grammar) -> re.Pattern[str]:
    """A scale word right after a spelled number ("hundred million")."""
    tail = g.classes.get("scale tail")
    if tail is None:
        tail = g.classes["scale tail"] = recache.compile(rf"\s+(?P<s>{g.scale_re})(?!\w)", re.IGNORECASE)
    return tail  # type: ignore[no-any-return]


def _names_group(g: Grammar, words: Words, i: int) -> bool:
    """The spelled cardinal at words[i] is part of a group's name: a capitalised ``name_heads`` word
    or phrase right before it ("Group of Seven", "Группы двадцати"; not "a working group of seven
    experts")."""
    if i >= 1 and words.folded[i - 1] in g.name_heads:
        return words.texts[i - 1][:1].isupper()
    return i >= 2 and f"{words.folded[i - 2]} {words.folded[i - 1]}" in g.name_heads and words.texts[i - 2][:1].isupper()


def _spelled_value(g: Grammar, words: Words, i: int) -> tuple[float, int]:
    """The value of the run of cardinal words from word i ("twenty five", "two hundred") and the
    index after it. A word that cannot continue the number ("ten five") starts another."""
    total = last = g.amount_words[words.folded[i]]
    j = i + 1
    while j < len(words) and not words.breaks[j]:
        value = g.amount_words.get(words.folded[j])
        if value is None:
            break
        if value == 100 and 0 < last < 100:  # "two hundred"
            total += last * 99
            last *= 100
        elif ((last >= (10 if g.compound_teens else 20) and last % 10 == 0 and value < 10)
              or (last >= 100 and last % 100 == 0 and value < 100)):
            total += value  # "twenty five", "сто двадцать"
            last = value
        else:
            break
        j += 1
    return total, j


def _scaled(g: Grammar, value: float, scale: str | None) -> int | float:
    amount = Decimal(str(value)) * Decimal(_lookup_in(g, "scales", scale) or 1 if scale else 1)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _ordinal_word(g: Grammar, word: str) -> int | None:
    memo = g.ordinal_memo
    if word not in memo:
        memo[word] = g.ordinal_words.get(word)
        for stem, n in g.ordinal_stems:
            if memo[word] is None and word.startswith(stem) and word[len(stem):] in g.ordinal_endings:
                memo[word] = n
    return memo[word]


class _Gate:
    """A cheap test that text[start:end] may hold a match of a pattern that opens with one of a
    table's entries: a run of word characters that equals (or begins with) an entry's leading
    word characters, or a character an entry opens with. The tests use the same engine and case
    rule as the patterns, and only ever let through more text than the pattern matches in."""

    def __init__(self, exact: set[str], prefix: set[str], chars: set[str]) -> None:
        whole = recache.compile("(?:" + "|".join(sorted(map(re.escape, exact))) + ")", re.IGNORECASE) if exact else None
        start = recache.compile("(?:" + "|".join(sorted(map(re.escape, prefix))) + ")", re.IGNORECASE) if prefix else None

        def fits(run: str) -> bool:
            return bool((whole is not None and whole.fullmatch(run)) or (start is not None and start.match(run)))

        self.words = WordClass(lambda new: {w for w in new if any(fits(run) for run in _RUNS.findall(w))}) if exact or prefix else None
        self.chars = recache.compile("[" + "".join(sorted(map(re.escape, chars))) + "]", re.IGNORECASE) if chars else None

    def passes(self, text: str, start: int, end: int) -> bool:
        if self.words is not None and words_of(text, start, end).where(self.words, "texts"):
            return True
        return self.chars is not None and self.chars.search(text, start, end) is not None


def _gate(g: Grammar, name: str) -> _Gate | None:
    """The gate of a pattern opening with the ``months`` or ``percent_before`` alternation (data-file
    entries through _phrase, after a lookbehind for a word character) or with ``currency`` (the
    symbols and codes of currency_before, as written); None when it cannot be told."""
    key = "gate:" + name
    if key not in g.classes:
        exact: set[str] = set()
        prefix: set[str] = set()
        chars: set[str] = set()
        if name == "currency":
            raw = load_data("numbers", "common") or {}
            for entry in [*raw.get("currency_symbols", {}), *raw.get("currency_codes", [])]:
                lead = _LEADING_WORD.match(entry)
                if lead is not None:
                    prefix.add(lead.group())  # the number may follow without a space ("USD100")
                else:
                    chars.add(entry[0])
        else:
            for entry in list((load_data("numbers", g.language) or {}).get(name, {})):
                parts = entry.split()
                if not parts or not entry[0].isalnum():
                    g.classes[key] = None
                    return None
                first = parts[0]
                kind = "prefix" if first.endswith("*") else "abbr" if first.endswith(".") and len(first) > 1 else "literal"
                literal = first[:-1] if kind != "literal" else first
                lead = _LEADING_WORD.match(literal)
                if lead is None:
                    g.classes[key] = None
                    return None
                # After the whole first word comes a space, a dot or the tail's (?!\w): the run ends there.
                ends = len(parts) > 1 or entry.rstrip("*.")[-1:].isalnum()
                if lead.group() == literal and kind != "prefix" and ends:
                    exact.add(literal)
                else:
                    prefix.add(lead.group())
        g.classes[key] = _Gate(exact, prefix, chars)  # type: ignore[assignment]
    return g.classes[key]  # type: ignore[return-value]


# The forms' regular expressions, built from a language's grammar; each form's patterns are tried
# in order. With each pattern: True when it opens with _BEFORE and a digit, so that it is tried
# only where _NUMBER_START matches; False when it is tried everywhere; or the name of what opens it
# ("months": that table's alternation), so that it is tried only on text its _gate lets through.


@cache
def number_word(language: str) -> Callable[[str], bool]:
    """Whether a folded word of ``language`` names a figure or what one counts in: an ordinal
    ("fourth", "четвертому"), a scale ("billion", "млрд"), a month, a currency, or one of the
    data file's ``cardinals`` ("three") and ``figure_words`` ("double", "GW"); not one of its ``not_figures``
    ("may"). A word whose change changes a pledge's figures, as digits do (``classify``)."""
    g = grammar_for(language)
    raw = load_data("numbers", language) or {}
    exact = set(g.ordinal_words) | {fold(w) for w in raw.get("figure_words", [])} | {fold(w) for w in raw.get("cardinals", {})}
    prefixes: set[str] = set()
    plain = _not_figures(language)
    for table in (g.scales, g.months, g.currencies):
        for entry in table:
            parts = fold(entry).replace(".", " ").split()  # as _lookup reads an entry
            if len(parts) == 1:  # one word of a text is compared: "dollar*", not "us dollar*"
                (prefixes.add(parts[0][:-1]) if parts[0].endswith("*") else exact.add(parts[0]))
    starts = tuple(sorted(p for p in prefixes if p))
    heads = tuple(stem for stem, _ in g.ordinal_stems)
    memo: dict[str, bool] = {}

    def test(word: str) -> bool:
        known = memo.get(word)
        if known is None:
            bare = word.replace(".", "")
            known = remember(memo, word, bare not in plain and (bare in exact or bare.startswith(starts)
                                                                or (bool(heads) and word.startswith(heads) and _ordinal_word(g, word) is not None)))
        return known

    return test


@cache
def month_name(language: str) -> Callable[[str], bool]:
    """Whether a word as written is a month written as a name, capitalised: "May", "March" (which
    ``number_word`` leaves out as the plain words "may" and "march"). The caller rules out the
    first word of a sentence."""
    months = frozenset(fold(m) for m in grammar_for(language).months if " " not in m and not m.endswith("."))
    return lambda word: word[:1].isupper() and word[1:].islower() and fold(word) in months


@cache
def _not_figures(language: str) -> frozenset[str]:
    """The numbers file's ``not_figures``, folded: words of its tables as often plain words ("may", Turkish "altı")."""
    return frozenset(fold(w) for w in (load_data("numbers", language) or {}).get("not_figures", []))


@cache
def _plain_compounds(language: str) -> re.Pattern[str] | None:
    """The hyphenated words of the numbers file's ``not_figures`` ("third-countr*", "third-part*"), as one search."""
    entries = [w for w in (load_data("numbers", language) or {}).get("not_figures", []) if "-" in w]
    if not entries:
        return None
    body = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in sorted(entries, key=lambda w: (-len(w), w)))
    return recache.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def without_plain_compounds(text: str, language: str) -> str:
    """``text`` with its words of ``not_figures`` that are hyphenated compounds blanked out (the
    same length, so offsets hold): "third-country actors", "third-party" hold no ordinal figure
    "third" (found in review: "foreign actors" → "third-country actors" was "numbers: added third")."""
    pattern = _plain_compounds(language)
    if pattern is None or "-" not in text:
        return text
    return pattern.sub(lambda m: " " * len(m.group()), text)


@cache
def cardinal_value(language: str) -> Callable[[str], int | None]:
    """The value of a folded word that is a cardinal of ``language`` ("three" → 3), else None; not
    one of its ``not_figures`` ("altı": as often "underneath" as "six")."""
    plain = _not_figures(language)
    values = {fold(w): v for w, v in (load_data("numbers", language) or {}).get("cardinals", {}).items() if fold(w) not in plain}
    return values.get


class FigureWords:
    """Which words, as written, name a figure (``number_word``) and are not a cardinal (which
    counts as its digits): ``figure_words(language)(written)`` is the folded word or None. The
    details stage asks it of every word of every matched pledge, and words repeat, so answers are
    kept per written word; ``any_in`` answers for a whole pledge with one set difference once its
    words are known (most pledges name no figure in words)."""

    def __init__(self, language: str) -> None:
        self._is_number_word, self._value_of = number_word(language), cardinal_value(language)
        self._plain: set[str] = set()  # written words that name no figure
        self._named: dict[str, str] = {}  # written word -> the folded word, for those that do

    def __call__(self, written: str) -> str | None:
        named = self._named.get(written)
        if named is not None or written in self._plain:
            return named
        word = fold(written)
        if self._is_number_word(word) and self._value_of(word) is None:
            return remember(self._named, written, word)
        if len(self._plain) >= MEMO_LIMIT:  # bounded memory in long-lived processes
            self._plain.clear()
        self._plain.add(written)
        return None

    def any_in(self, words: list[str]) -> bool:
        """Whether one of ``words`` (as written) names a figure."""
        return any(self(word) is not None for word in set(words).difference(self._plain))


@cache
def figure_words(language: str) -> FigureWords:
    """The language's ``FigureWords``, one per run."""
    return FigureWords(language)


# Thousands separators ("2,000", "2 000", "1.500") and footnote marks ("[3]") are not figures of their own.
# Spanish and Portuguese of the Americas write numbers the English way; a group of exactly three
# digits after each comma, or one or two digits after a dot, can only be read so.
_AMERICAN_GROUPS = recache.compile(r"\d{1,3}(?:,\d{3})+$")
_AMERICAN_DECIMAL = recache.compile(r"\d+\.\d{1,2}$")
_THOUSANDS = recache.compile(r"(?<=\d)[,.\s\u00a0\u202f'’](?=\d{3}(?!\d))")
_FOOTNOTE = recache.compile(r"\[\d{1,3}\]")
_DIGITS = recache.compile(r"\d+")


def digit_runs(text: str) -> Counter[str]:
    """The runs of digits of ``text``, thousands separators and footnote marks left out."""
    if not _DIGITS.search(text):  # most pledges: no digit at all
        return Counter()
    return Counter(_DIGITS.findall(_THOUSANDS.sub("", _FOOTNOTE.sub(" ", text))))




def spelled_cardinals(text: str, value_of: Callable[[str], int | None]) -> Counter[int]:
    """The values of the cardinals a text spells out as words ("three times" → {3: 1}), the parts
    of a hyphenated word included ("ten-year" → {10: 1})."""
    tokens = text.lower().split()
    if _HYPHENS_RE.search(text):
        tokens = [part for token in tokens for part in _HYPHENS_RE.split(token)]
    values = (value_of(fold(token.strip(TOKEN_EDGES))) for token in tokens)
    return Counter(v for v in values if v is not None)


def figures_changed(old_text: str, new_text: str, is_number_word: Callable[[str], bool],
                    value_of: Callable[[str], int | None] | None = None,
                    is_month_name: Callable[[str], bool] | None = None) -> bool:
    """Whether the figures of two wordings differ, read from the text alone: their digits ("10"
    → "5", "2030" → "2035"; not "G7" → "G-7" or "2,000" → "2 000"), with each cardinal word
    (``value_of``: "three" → 3) counted as its digits ("three years" → "3 years" is the same
    figure, "three" → "five" is not), or another ``number_word`` in one and not the other
    ("double" → "triple"), or a month named in one and not the other (``is_month_name``: "in
    March" → "in May", words ``number_word`` cannot tell from the verbs). For wordings where the
    number parser read no figure (its values decide otherwise: ``annotate._changed_in_substance``).
    The words are compared as whitespace tokens: cheap, and a number word is a word of its own."""
    old_runs, new_runs = digit_runs(old_text), digit_runs(new_text)
    old_tokens, new_tokens = old_text.lower().split(), new_text.lower().split()
    if old_tokens == new_tokens:
        return False
    parts = changed_parts(old_text, new_text)
    if (any(is_number_word(fold(part)) or (value_of is not None and value_of(fold(part)) is not None) for part in parts)
            and not _same_values(old_text, new_text, parts, value_of)):
        return True  # "ten-year" → "five-year", "mid-2026" → "end-2026"; not "ten-year" → "10-year"
    changed = set(old_tokens).symmetric_difference(new_tokens)
    # A month name among the changed words, capitalised as written and not opening a sentence; the
    # changed words (lower case) are tried first, capitalised: most edits change no month at all.
    if (is_month_name is not None and any(is_month_name(token.strip(TOKEN_EDGES).capitalize()) for token in changed)
            and changed & (_month_names(old_text, is_month_name) | _month_names(new_text, is_month_name))):
        return True
    if value_of is None:
        return old_runs != new_runs or any(is_number_word(fold(token.strip(TOKEN_EDGES))) for token in changed)
    cardinals = {token: value_of(fold(token.strip(TOKEN_EDGES))) for token in changed}
    if old_runs != new_runs or any(v is not None for v in cardinals.values()):  # every cardinal word counts as its digits
        old_runs = old_runs + Counter(str(v) for v in spelled_cardinals(old_text, value_of).elements())
        new_runs = new_runs + Counter(str(v) for v in spelled_cardinals(new_text, value_of).elements())
    return old_runs != new_runs or any(cardinals[token] is None and is_number_word(fold(token.strip(TOKEN_EDGES))) for token in changed)


_HYPHENS_RE = recache.compile(r"[-‐‑–—]")
_HYPHEN_FIGURE_RE = recache.compile(r"[-‐‑–—]\d")  # "mid-2026": the only hyphen time_word_spans reads


def _same_values(old_text: str, new_text: str, parts: set[str], value_of: Callable[[str], int | None] | None) -> bool:
    """Whether the changed parts of hyphenated words are the same figures written another way:
    each a cardinal word or digits, with equal values on both sides ("ten-year" → "10-year")."""
    if value_of is None:
        return False
    lowered_old = {part for token in old_text.lower().split() for part in _HYPHENS_RE.split(token)}

    def value(part: str) -> int | None:
        return int(part) if part.isdigit() else value_of(fold(part))

    old_values = Counter(value(part) for part in parts if part in lowered_old)
    new_values = Counter(value(part) for part in parts if part not in lowered_old)
    return None not in old_values and old_values == new_values


def changed_parts(old_text: str, new_text: str) -> set[str]:
    """The parts of hyphenated words that one wording has and the other not: "ten-year" →
    "five-year" changes "ten" and "five", "mid-2026" → "end-2026" changes "mid" and "end"."""
    def parts(text: str) -> set[str]:
        return {part for token in text.lower().split() if _HYPHENS_RE.search(token) for part in _HYPHENS_RE.split(token) if part}
    old_parts, new_parts = parts(old_text), parts(new_text)
    return old_parts.symmetric_difference(new_parts) if old_parts or new_parts else set()


@cache
def unit_labels() -> frozenset[str]:
    """The units' names that the number files give (``units`` values: "meeting", "year", "km"):
    any other unit of a count is the stem of the word after it ("medlemm"), no word to show."""
    from ..languages import SUPPORTED

    return frozenset(value for language in SUPPORTED for value in ((load_data("numbers", language) or {}).get("units", {})).values())


@cache
def _time_sets(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    raw = load_data("numbers", language) or {}
    return tuple(frozenset(fold(w) for w in raw.get(key, [])) for key in ("time_words", "time_nouns", "time_links"))  # type: ignore[return-value]


@cache
def _time_words_before_and_alone(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """In a language whose words of time follow the time (``time_words_after``), the ones that
    stand before a time noun all the same (``time_words_before``: "bu yıl", "gelecek yıl",
    "келесі жылы") and the words that are a time alone (``time_words_alone``: "биыл", this year)."""
    raw = load_data("numbers", language) or {}
    return tuple(frozenset(fold(w) for w in raw.get(key, [])) for key in ("time_words_before", "time_words_alone"))  # type: ignore[return-value]


@cache
def _time_words_after(language: str) -> bool:
    """``time_words_after``: the language's words of time follow the time they name ("yıl sonunda")."""
    return bool((load_data("numbers", language) or {}).get("time_words_after", False))


@cache
def _forms(language: str, key: str) -> dict[str, str]:
    """A word -> the form it stands for, from the numbers file's table ``key``: ``time_word_forms``
    ("текущем" -> "этом", "sonunda" -> "son"), ``time_noun_forms`` ("yılın" -> "yıl")."""
    return {fold(word): fold(same) for word, same in ((load_data("numbers", language) or {}).get(key, {})).items()}


def time_words_in(text: str, language: str) -> Counter[str]:
    """The words of time (``time_words``: "next", "end", "конце", "slutet") that stand beside a
    time: before a time noun, counted with it, or before a figure, perhaps across a link word
    ("end of 2026"), or joined to a figure by a hyphen ("mid-2026"); in a language whose time
    words follow the time (``time_words_after``: "yıl sonundan", "жыл соңына"), after a time noun
    or a figure. "this year" → "next year" and "later this year" → "later this month" change
    them; "next summit" → "upcoming summit" and "to end the conflict" hold none."""
    return Counter(key for key, _, _ in time_word_spans(text, language))


_TOKEN_RE = recache.compile(r"\S+")
TIME_WORD_MEMO = 64  # texts: a change's pledges, read twice in a row


@lru_cache(maxsize=TIME_WORD_MEMO)
def time_word_spans(text: str, language: str) -> tuple[tuple[str, int, int], ...]:
    """``time_words_in`` with where each stands: (the words as counted, start, end) in ``text``,
    in reading order ("this year", from "this" to "year"). Kept for the last few texts: the
    details stage reads a matched pledge's figure words, then whether its time words changed."""
    words, nouns, links = _time_sets(language)
    if not words:
        return ()
    before_nouns, alone = _time_words_before_and_alone(language)
    if before_nouns or alone:
        words = words | before_nouns | alone
    # Lowered and folded as one text, which gives each word's fold unless a combining mark asks
    # for NFC (applied per word, as before: over the whole text it would also compose U+037E into
    # ";", an edge mark). Most pledges hold no time word and no hyphen before a digit: done after one set test.
    lowered = text.lower()
    combining = has_combining(lowered)
    if not combining:
        lowered = lowered.replace("ё", "е")
    hyphened = _HYPHEN_FIGURE_RE.search(text) is not None
    if not hyphened and words.isdisjoint(token.strip(TOKEN_EDGES) for token in lowered.split()):
        return ()
    # Spans of the text as written: lowering may lengthen a letter ("İ" → "i̇"), so each word is lowered alone.
    spans = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    raw = [text[a:b] for a, b in spans]
    lowered_words = (token.lower().strip(TOKEN_EDGES) for token in raw)
    tokens = [fold(token) for token in lowered_words] if combining else [token.replace("ё", "е") for token in lowered_words]

    def edges(k: int) -> tuple[int, int]:  # the token's span without its edge marks
        a, b = spans[k]
        lead = len(raw[k]) - len(raw[k].lstrip(TOKEN_EDGES))
        return a + lead, a + len(raw[k].rstrip(TOKEN_EDGES))

    found: list[tuple[str, int, int]] = []
    same = _forms(language, "time_word_forms")
    if hyphened:
        for k, token in enumerate(tokens):
            if _HYPHENS_RE.search(token):
                parts = _HYPHENS_RE.split(token)
                found.extend((same.get(a, a), *edges(k)) for a, b in zip(parts, parts[1:], strict=False) if a in words and b[:1].isdigit())
    # Only the time words' places are looked at ("this", one of them, stands in many pledges).
    after_noun = _time_words_after(language)
    for i in [k for k, token in enumerate(tokens) if token in words]:
        token = tokens[i]
        if token in alone:  # "биыл"
            found.append((token, *edges(i)))
            continue
        if after_noun and token not in before_nouns:  # "yıl sonundan", "2025 yılı sonuna": the time before the word
            before = tokens[i - 1] if i else ""
            year_before = i > 1 and tokens[i - 2][:1].isdigit()  # "2025 yılı sonuna" is "2025 sonuna"
            if before in nouns and not year_before:
                found.append((f"{_forms(language, 'time_noun_forms').get(before, before)} {same.get(token, token)}", edges(i - 1)[0], edges(i)[1]))
            elif before[:1].isdigit() or before in nouns:
                found.append((same.get(token, token), *edges(i)))
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        if following in nouns:
            found.append((f"{same.get(token, token)} {following}", edges(i)[0], edges(i + 1)[1]))
        elif token in before_nouns:
            continue  # "bu 10 projeyi": a determiner before a number, no time (found in review)
        elif following[:1].isdigit() or (following in links and after[:1].isdigit()):
            found.append((same.get(token, token), *edges(i)))
    return tuple(sorted(found, key=lambda f: (f[1], f[2])))


@cache
def _compound_parts(language: str) -> tuple[dict[str, int], tuple[str, ...], tuple[str, ...]]:
    """Of a language's numbers file: ``compound_prefixes`` (a cardinal as it opens a compound
    word: "десяти" → 10), ``compound_units`` (the unit after it: "летн", year), and the units a
    figure may be hyphened to: those and the ``units`` table's words ("year*", "month*"), as
    prefixes, longest first."""
    raw = load_data("numbers", language) or {}
    compound = {fold(u) for u in raw.get("compound_units", [])}
    hyphened = compound | {fold(u).rstrip("*") for u in raw.get("units", {}) if " " not in u}

    def longest_first(units: set[str]) -> tuple[str, ...]:
        return tuple(sorted(units, key=lambda u: (-len(u), u)))

    return {fold(p): v for p, v in raw.get("compound_prefixes", {}).items()}, longest_first(compound), longest_first(hyphened)


def figure_compounds(text: str, language: str) -> Counter[tuple[int, str]]:
    """Figures joined to a unit in one word, as (value, unit): "ten-year" and "10-year" are
    (10, "year"), "twenty-one" and "seventy-fifth" none (no unit of ``_compound_parts``); with the
    language's ``compound_prefixes``, "десятилетнюю" and "10-летнюю" are
    (10, "летн"). "a ten-year programme" → "a ten-month programme" and "десятилетнюю" →
    "пятилетнюю" change them; the number parser reads neither."""
    found: Counter[tuple[int, str]] = Counter()
    hyphened, joined = _compound_patterns(language)
    if hyphened is None or not (joined is not None or _HYPHENS_RE.search(text)):
        return found  # (most pledges: one search, no word loop; it runs on every changed pair)
    folded_text = fold(text)
    value_of = cardinal_value(language)
    for match in hyphened.finditer(folded_text):  # a unit the numbers file names: not "seventy-fifth", "10-point"
        value = int(match[1]) if match[1].isdigit() else value_of(match[1])
        if value is not None:
            found[(value, match[2])] += 1
    if joined is not None:
        prefixes = _compound_parts(language)[0]
        found.update((prefixes[match[1]], match[2]) for match in joined.finditer(folded_text))
    return found


@cache
def _compound_patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """figure_compounds' searches: a word, a hyphen and a unit (the figure and the unit are its
    groups); a ``compound_prefixes`` cardinal joined to a ``compound_units`` unit. None where the
    language has none of them."""
    prefixes, units, hyphened = _compound_parts(language)

    def alternation(words: Iterable[str]) -> str:
        return "|".join(map(re.escape, words))  # (longest first: the longest unit is the group)

    # (not the end of a decimal or a grouped figure: "2.5-year", "1,000-tonne")
    hyphen = recache.compile(rf"(?<![\w.,-])(\w+){_HYPHENS_RE.pattern}({alternation(hyphened)})\w*(?![\w-])") if hyphened else None
    longest = sorted(prefixes, key=lambda p: (-len(p), p))
    joined = recache.compile(rf"(?<![\w-])({alternation(longest)})({alternation(units)})\w*") if prefixes and units else None
    return hyphen, joined


def number_words_changed(old_text: str, new_text: str, is_number_word: Callable[[str], bool]) -> bool:
    """Whether a word that names a figure ("double" → "triple", "first quarter" → "third quarter",
    "ten-year" → "five-year") is in one wording and not the other."""
    changed = set(old_text.lower().split()).symmetric_difference(new_text.lower().split()) | changed_parts(old_text, new_text)
    return any(is_number_word(fold(token.strip(TOKEN_EDGES))) for token in changed)


def _month_names(text: str, is_month_name: Callable[[str], bool]) -> set[str]:
    """The lower-cased tokens of ``text`` that name a month, not as the first word of a sentence."""
    tokens = text.split()
    return {token.lower() for k, token in enumerate(tokens)
            if k > 0 and not tokens[k - 1].endswith(SENTENCE_END_MARKS) and is_month_name(token.strip(TOKEN_EDGES))}


def _date_forms(g: Grammar) -> tuple[tuple[str, bool], ...]:
    year = rf"(?P<y>{_YEAR})(?:\s*{g.year_words})?"
    # "10 de junio de 2022", "10 juin 2022", "10. Juni 2022": a link word where the language has one.
    link = rf"(?:{g.date_links}\s+)?" if g.date_links else ""
    day_dot = r"\.?" if g.day_dot else ""
    return (
        (rf"{_BEFORE}(?P<d1>\d{{1,2}})(?:{_DASH}(?P<d2>\d{{1,2}}))?{day_dot}\s+{link}(?P<m>{g.month_re})(?:,?\s+{link}{year})?{_AFTER}", True),
        (rf"(?<!\w)(?P<m>{g.month_re})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:{_DASH}(?P<d2>\d{{1,2}}))?(?:,?\s+{year})?{_AFTER}", "months"),
        (rf"(?<!\w)(?P<m>{g.month_re})\s+{link}{year}{_AFTER}", "months"),
        (rf"{_BEFORE}(?P<y>{_YEAR})-(?P<mm>\d\d)-(?P<d1>\d\d){_AFTER}", True),
        (rf"{_BEFORE}(?P<d1>\d{{1,2}})\.(?P<mm>\d{{1,2}})\.(?P<y>{_YEAR}){_AFTER}", True),
    )


def _year_forms(g: Grammar) -> tuple[tuple[str, bool], ...]:
    return ((rf"{_BEFORE}(?P<y>{_YEAR})(?:{_DASH}(?P<y2>{_YEAR}))?(?:\s*{g.year_words})?(?:['’]\w+)?(?![\w%/+])", True),
            # a year hyphened to a word of time ("end-2027", "mid-2026"; found in review: read as no figure)
            (rf"(?:(?<=\bend-)|(?<=\bmid-))(?P<y>{_YEAR})(?P<y2>)(?![\w%/+-])", False))


def _money_forms(g: Grammar) -> tuple[tuple[str, bool], ...]:
    scale = rf"(?:\s*(?P<s>{g.scale_re}))?"
    # A range's second end, perhaps with the currency again ("$300 to $400 billion"). Joined by a
    # word (``range_links``), the second end must carry the scale both share: "USD 300 to 400 billion".
    dash = rf"(?:\s?[-‐‑–—]\s?(?:{g.currency_before}\s?)?(?P<u>{g.number}))?"
    linked = (rf"\s+{g.range_link_re}\s+(?:{g.currency_before}\s?)?(?P<u>{g.number})(?=\s*(?:{g.scale_re})(?!\w))"
              if g.range_link_re else "")
    forms = [(rf"(?<![\w$])(?P<c>{g.currency_before})\s?(?P<n>{g.number}){linked}{scale}(?!\w)", "currency")] if linked else []
    forms += [(rf"(?<![\w$])(?P<c>{g.currency_before})\s?(?P<n>{g.number}){dash}{scale}(?!\w)", "currency")]
    if linked:
        forms += [(rf"{_BEFORE}(?P<n>{g.number}){linked}{scale}\s*{g.number_link_re}(?P<c>{g.currency_after}|{g.currency_before})", True)]
    forms += [(rf"{_BEFORE}(?P<n>{g.number}){dash}{scale}\s*{g.number_link_re}(?P<c>{g.currency_after}|{g.currency_before})", True)]
    return tuple(forms)


def _percent_forms(g: Grammar) -> tuple[tuple[str, bool], ...]:
    return (
        (rf"{_BEFORE}(?P<n>{g.number})\s?(?:{g.percent_after})", True),
        (rf"(?:{g.percent_before})\s?(?P<n>{g.number}){_AFTER}", "percent_before"),
    )


def _ordinal_forms(g: Grammar) -> tuple[tuple[str, bool], ...]:
    return (
        (rf"{_BEFORE}(?P<n>\d+)-(?P<a>{g.anniversary_re})(?!\w)", True),
        (rf"{_BEFORE}(?P<n>\d+)-?(?P<o>{g.ordinal_suffix_re})(?!\w)", True),
    )


# A range ("10-20 students", "3 – 5 teams", "100–150 стипендий") is one count with an upper end
# (``Number.upper``): read as its first number alone it hid the end from the comparison ("10-20"
# → "10-25" was no change). Its last number is no count of its own.
_RANGE_END = r"(?<!\d\s[-‐‑–—]\s)(?<!\d[-‐‑–—]\s)(?<!\d\s[-‐‑–—])"


def _count_forms(g: Grammar) -> tuple[tuple[str, bool], ...]:
    return ((rf"{_BEFORE}{_RANGE_END}(?P<n>{g.number})(?:\s?[-‐‑–—]\s?(?P<u>{g.number}))?(?:\s*(?P<s>{g.scale_re}))?{_AFTER}", True),)


def _iso(year: str | None, month: int | None, day: str | None, day2: str | None) -> str:
    if not month or not 1 <= month <= 12:
        return ""
    if day is None:
        return f"{year}-{month:02d}" if year else ""
    days = [int(d) for d in (day, day2) if d]
    if not all(1 <= d <= 31 for d in days):
        return ""
    prefix = f"{year}-{month:02d}" if year else f"--{month:02d}"
    return "/".join(f"{prefix}-{d:02d}" for d in days)


def extract_numbers(text: str, language: str, start: int = 0, end: int | None = None, commitment_id: str = "") -> tuple[Number, ...]:
    """The numbers of ``text[start:end]`` in reading order; offsets are absolute into ``text``."""
    end = len(text) if end is None else end
    return numbers_in(text, language, start, end, commitment_id, words_of(text, start, end))


def numbers_in(text: str, language: str, start: int, end: int, commitment_id: str, words: Words) -> tuple[Number, ...]:
    """extract_numbers of text[start:end], given its words."""
    grammar = grammar_for(language)
    if not _DIGIT.search(text, start, end) and not words.where(_ordinal_class(grammar)) and not words.where(_amount_class(grammar)):
        return ()  # most pledges have neither a digit nor an ordinal or cardinal word
    return _Scanner(text, grammar, start, end, commitment_id).run()


def _year_read_as_count(year: Number, count: Number) -> bool:
    """A count written with no separator, which reads as a year ("up to 2000 scholarships", "до
    2000 мест"), against the same count written with one ("2,000", "2 000"): the same figure
    (found in review: "gone до 2000")."""
    return (year.kind in ("year", "deadline") and count.kind == "count" and year.when.isdigit()
            and count.quantity == int(year.when) and not any(ch.isdigit() for ch in year.text.replace(year.when, "", 1)))


TEMPORAL_DATE_KINDS = frozenset({"date", "deadline"})


def _explicit_years(numbers: Iterable[Number]) -> dict[str, set[str]]:
    """The years a side writes for each day ("MM-DD") it dates with one."""
    years: dict[str, set[str]] = {}
    for number in numbers:
        if number.kind in TEMPORAL_DATE_KINDS:
            for day in number.when.split("/"):
                if len(day) == len("YYYY-MM-DD"):
                    years.setdefault(day[-5:], set()).add(day[:4])
    return years


def _same_date_but_year(a: Number, b: Number, a_years: dict[str, set[str]], b_years: dict[str, set[str]]) -> bool:
    """Two dates of one kind that are the same day, one written without its year: "7 oktober" →
    "7 oktober 2023" adds the year, not another date (found in review: reported as a changed
    figure). Two explicit years that differ are two dates, as ever, and so is a day without its
    year whose side writes that day elsewhere with a year the other side's is not (``a_years``,
    ``b_years``: ``_explicit_years`` of each side)."""
    if a.kind != b.kind or a.when == b.when or not a.when or not b.when:
        return False
    days_a, days_b = a.when.split("/"), b.when.split("/")
    if len(days_a) != len(days_b):
        return False
    for x, y in zip(days_a, days_b, strict=True):
        if len(x) < len("--MM-DD") or len(y) < len("--MM-DD") or x[-5:] != y[-5:]:
            return False  # (another day, or a year and month without a day: "2023-10")
        if x.startswith("--") == y.startswith("--"):
            return False  # both with a year (which differ), or both without
        bare, dated, years = (x, y, a_years) if x.startswith("--") else (y, x, b_years)
        if years.get(bare[-5:], {dated[:4]}) != {dated[:4]}:
            return False  # its side says that day with another year
    return True


def compare_numbers(old: Iterable[Number], new: Iterable[Number]) -> NumberChanges:
    """Equal values cancel out; the rest pair up in order within a kind and unit (a changed
    number), then a count of time with the same count of another time unit ("within six
    months" → "within six years": a changed period), and what is left over was removed or added."""
    removed: list[Number] = []
    added: list[Number] = []
    changed: list[NumberPair] = []
    old_left, new_left = list(old), list(new)
    old_years, new_years = _explicit_years(old_left), _explicit_years(new_left)
    for number in list(old_left):
        twin = next((n for n in new_left if n.same_value == number.same_value), None)
        if twin is None:
            twin = next((n for n in new_left if _year_read_as_count(number, n) or _year_read_as_count(n, number)), None)
        # (an event's date only: a deadline that gains its year, "by 30 June" → "by 30 June 2027", may have moved)
        if twin is None and number.kind == "date":
            twin = next((n for n in new_left if _same_date_but_year(number, n, old_years, new_years)), None)
        if twin is not None:
            old_left.remove(number)
            new_left.remove(twin)
    for number in old_left:
        partner = next((n for n in new_left if n.key == number.key), None)
        if partner is None:
            removed.append(number)
        else:
            new_left.remove(partner)
            changed.append(NumberPair(number, partner))
    for number in [n for n in removed if n.kind == "count" and n.unit in TIME_UNITS]:
        partner = next((n for n in new_left if n.kind == "count" and n.unit in TIME_UNITS and n.quantity == number.quantity), None)
        if partner is not None:
            removed.remove(number)
            new_left.remove(partner)
            changed.append(NumberPair(number, partner))
    added.extend(new_left)
    return NumberChanges(tuple(removed), tuple(added), tuple(changed))


TIME_UNITS = frozenset({"year", "month", "week", "day", "decade", "quarter"})  # units of a period: "six months" → "six years" changes it


class Counterparts:
    """The figures of one statement, for "does the other statement have this value anywhere"."""

    def __init__(self, numbers: Iterable[Number]) -> None:
        numbers = list(numbers)
        self.values = {n.same_value for n in numbers}
        self.loose = {(n.kind, n.quantity, n.when) for n in numbers}  # the same figure, its unit named differently

    def missing(self, numbers: Iterable[Number]) -> tuple[Number, ...]:
        """Figures (amounts, shares, counts, deadlines) whose value this statement does not have."""
        return tuple(
            n for n in numbers
            if n.kind in FIGURE_KINDS and n.same_value not in self.values and (n.kind, n.quantity, n.when) not in self.loose
        )


def without_counterpart(numbers: Iterable[Number], other_side: Iterable[Number]) -> tuple[Number, ...]:
    """Figures (amounts, shares, counts, deadlines) whose value occurs nowhere on the other side."""
    return Counterparts(other_side).missing(numbers)
