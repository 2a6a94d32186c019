"""Topics of a pledge: keyword stems per language (data/topics/) plus the topics of the names it mentions."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from .entities import Spans, gazetteer, gazetteer_mentions
from .patterns import PatternSet, Words, attributions_of, load_data, words_of


class Taxonomy(NamedTuple):  # internal record: a NamedTuple costs a third of a frozen dataclass to define
    """The topic keys in table order, their labels, and the default for a pledge matching nothing."""

    keys: tuple[str, ...]
    labels: dict[str, str]
    default: str


@cache
def taxonomy() -> Taxonomy:
    raw = load_data("topics", "taxonomy")
    assert raw is not None, "statediff/data/topics/taxonomy.toml is missing"
    return Taxonomy(tuple(t["key"] for t in raw["topic"]), {t["key"]: t["label"] for t in raw["topic"]}, raw["default"])


@cache
def _claims(language: str) -> PatternSet[tuple[str, ...]] | None:
    """Phrases that decide the topics of their own words ("energy security" → energy only)."""
    raw = load_data("topics", language)
    if raw is None or not raw.get("claims"):
        return None
    return PatternSet((phrase, tuple(topics)) for phrase, topics in raw["claims"].items())


@cache
def _keywords(language: str) -> PatternSet[str] | None:
    """All keywords of a language, each with its topic; every match counts, so a phrase of one
    topic never hides a word of another ("clean energy")."""
    raw = load_data("topics", language)
    if raw is None:
        return None
    unknown = (set(raw["keywords"]) | {t for topics in raw.get("claims", {}).values() for t in topics}) - set(taxonomy().keys)
    if unknown:
        raise ValueError(f"data/topics/{language}.toml: unknown topics {sorted(unknown)}")
    return PatternSet((word, topic) for topic, words in raw["keywords"].items() for word in words)


def topics_of(text: str, language: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> tuple[str, ...]:
    """Topics of text[start:end] in taxonomy order.

    Named bodies and places give their gazetteer topics, and their words match no keyword
    ("Организация экономического сотрудничества" is not about trade). A clause that matches
    nothing takes the topics of its ``sentence`` ("…и выразили намерение углублять его" after
    "…сотрудничество в сфере здравоохранения"); then, for a language with a topic file, the
    default topic."""
    return topics_in(text, language, start, end, words_of(text, start, end), gazetteer_mentions(text, language, start, end),
                     attributions_of(text, language, start, end), sentence)


def topics_in(
    text: str,
    language: str,
    start: int,
    end: int,
    words: Words,
    mentions: Sequence[tuple[str, int, int]],
    attributions: Sequence[tuple[int, int]],
    sentence: tuple[int, int] | None = None,
) -> tuple[str, ...]:
    """topics_of text[start:end], given its words, gazetteer mentions and attribution spans."""
    found = _matched(language, words, mentions, attributions)
    if not found and sentence is not None and sentence != (start, end):
        a, b = sentence
        found = _matched(language, words_of(text, a, b), gazetteer_mentions(text, language, a, b), attributions_of(text, language, a, b))
    if not found and _keywords(language) is not None:
        found = {taxonomy().default}
    return in_table_order(frozenset(found))


@lru_cache(maxsize=4096)
def in_table_order(topics: frozenset[str]) -> tuple[str, ...]:
    """Topic keys in taxonomy order."""
    return tuple(key for key in taxonomy().keys if key in topics)


def _matched(
    language: str, words: Words, mentions: Sequence[tuple[str, int, int]], attributions: Sequence[tuple[int, int]]
) -> set[str]:
    found: set[str] = set()
    entries = gazetteer()
    for key, _, _ in mentions:
        found.update(entries[key].topics)
    keywords = _keywords(language)
    if keywords is None:
        return found
    # Words of a name speak through its gazetteer topics; words of an attribution tag
    # ("сообщает МИД") are the reporter's.
    skip = [(a, b) for _, a, b in mentions]
    skip.extend(attributions)
    claims = _claims(language)
    for hit in claims.find_all(words) if claims is not None else ():
        found.update(hit.payload)
        skip.append(words.span(hit.start, hit.end))
    starts = words.starts
    # Sorted and joined once: a scan of every skipped span for each keyword made a sentence of
    # thousands of names and keywords (a page on one line) quadratic (found in review).
    skipped = Spans(skip)
    for i in keywords.starts(words):  # no keyword can match at any other word
        if not skipped.holds(starts[i]):
            found |= keywords.payloads_at(words, i)
    return found
