"""Required literals of a regular expression: cheap tests that a text cannot match it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from . import recache

_WORD_RUN = recache.compile(r"\w+")


def required_chunks(pattern: re.Pattern[str]) -> set[str] | None:
    """Runs of word characters one of which every match of ``pattern`` contains (each the
    longest word run of a literal the match must spell), or None when none can be told.

    Every match spells one of some literal strings (a literal run, or one per branch of a
    mandatory alternation); the longest run of word characters of each lies inside one word of
    the text."""
    try:
        required = _required_literals(_parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE))
    except Exception:  # an engine whose parse tree reads differently: no shortcut, the pattern is always tried
        return None
    if not required:
        return None
    chunks = set()
    for literal in required:
        runs = _WORD_RUN.findall(literal)
        if not runs:
            return None
        chunks.add(max(runs, key=len))
    return chunks


def gate(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """A pattern that finds a match in every text where one of ``patterns`` matches (one of
    their required chunks, in any case), or None when some pattern has no required chunk.
    ``gate.search(text, a, b) is None`` proves that none of them matches text[a:b]."""
    chunks: set[str] = set()
    for pattern in patterns:
        found = required_chunks(pattern)
        if found is None:
            return None
        chunks |= found
    if not chunks:
        return None
    # Sorted: the same pattern text in every process (the regex cache's key).
    return recache.compile("|".join(re.escape(c) for c in sorted(chunks, key=lambda c: (-len(c), c))), re.IGNORECASE)


def _weakest(literals: set[str]) -> int:
    """How selective a set of literals is as a gate: the length of its shortest word run (what
    the gate searches for), so "il y a " (a run "il") gives way to "ans|années|décennies"."""
    return min(max(map(len, _WORD_RUN.findall(literal)), default=0) for literal in literals)


def _required_literals(items: Any) -> set[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` contains, or None."""
    best: set[str] | None = None

    def consider(found: set[str] | None) -> None:
        nonlocal best
        if found and (best is None or _weakest(found) > _weakest(best)):
            best = found

    run: list[str] = []
    for op, av in items:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider({"".join(run)})
            run = []
        if op is _constants.BRANCH:
            branches = [_required_literals(branch) for branch in av[1]]
            if all(branches):
                consider(set().union(*branches))  # type: ignore[arg-type]
        elif op is _constants.SUBPATTERN:
            _, add_flags, del_flags, inner = av
            if not add_flags and not del_flags:  # a group changing the case rule is left alone
                consider(_required_literals(inner))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[0] >= 1:
            consider(_required_literals(av[2]))
    if run:
        consider({"".join(run)})
    return best
