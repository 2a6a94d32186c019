"""Word-level diff of an old and a new pledge text, for display only (the match itself comes from the Report)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz.distance import Indel

from ..frozen import frozen_dataclass
from ..segment.tokens import COMBINING_MARKS, plain_marks

PieceKind = Literal["equal", "removed", "added"]

# Words (keeping in-word hyphens, apostrophes and dots: 3-4, U.S.) and single punctuation marks,
# so "security." and "security" share their word and differ only in the full stop.
_TOKEN_RE = re.compile(rf"[\w{COMBINING_MARKS}]+(?:[-‐‑'’.][\w{COMBINING_MARKS}]+)*|[^\w\s]")  # letters with their combining marks


@frozen_dataclass
class Token:
    """A word or punctuation mark and whether whitespace preceded it in its text."""

    text: str
    spaced: bool


@frozen_dataclass
class Piece:
    """A run of tokens that both texts share, or that only the old / only the new text has."""

    kind: PieceKind
    text: str  # the run as it reads, spacing kept from its source text
    spaced: bool = True  # whitespace before the run


@dataclass
class _Run:
    old: list[Token] = field(default_factory=list)
    new: list[Token] = field(default_factory=list)
    equal: bool = False


def tokens(text: str) -> list[Token]:
    """The diff tokens of ``text``."""
    return [Token(m.group(), m.start() == 0 or text[m.start() - 1].isspace()) for m in _TOKEN_RE.finditer(text)]


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """Diff over words and punctuation (like ``git diff --word-diff``), removals before additions."""
    old_tokens, new_tokens = tokens(old), tokens(new)
    runs: list[_Run] = []
    # Compared with typographic marks made plain ("People's" = "People’s"), shown as written.
    for op in Indel.opcodes([plain_marks(t.text) for t in old_tokens], [plain_marks(t.text) for t in new_tokens]):
        equal = op.tag == "equal"
        if equal or not runs or runs[-1].equal:
            runs.append(_Run(equal=equal))
        runs[-1].old.extend(old_tokens[op.src_start:op.src_end])
        runs[-1].new.extend(new_tokens[op.dest_start:op.dest_end])
    return tuple(_pieces(_absorb_stray_matches(runs)))


def _absorb_stray_matches(runs: list[_Run]) -> list[_Run]:
    # A shared function word or mark ("и", "в", "the", ",") between two changes splits one rewrite into confetti;
    # folding it into the change reads better, as diff-match-patch's semantic cleanup does.
    merged: list[_Run] = []
    for run in runs:
        if not run.equal and len(merged) >= 2 and _is_stray(merged[-1]) and not merged[-2].equal:
            stray = merged.pop()
            merged[-1].old.extend(stray.old + run.old)
            merged[-1].new.extend(stray.new + run.new)
            continue
        merged.append(run)
    return merged


def _is_stray(run: _Run) -> bool:
    # Content words stay: a kept "security" between two edits is worth seeing.
    return run.equal and len(run.new) <= 2 and all(len(t.text) <= 3 for t in run.new)


def _pieces(runs: list[_Run]) -> list[Piece]:
    pieces: list[Piece] = []
    for run in runs:
        if run.equal:
            pieces.append(Piece("equal", _join(run.new), run.new[0].spaced))
            continue
        if run.old:
            pieces.append(Piece("removed", _join(run.old), run.old[0].spaced))
        if run.new:
            pieces.append(Piece("added", _join(run.new), run.new[0].spaced))
    return pieces


def _join(run: list[Token]) -> str:
    return "".join((" " if n and token.spaced else "") + token.text for n, token in enumerate(run))
