"""Synthetic statement pairs of any size, with their true pairs known by construction.

Real pledges (one clause each, taken from the English corpus statements with statediff's own
segmenter) are spliced (the head of one pledge joined to the tail of another, so that a few
hundred real pledges give tens of thousands of distinct ones), perturbed (adjacent words
swapped, words deleted, a word from another pledge inserted) and written one per line. The newer statement keeps most lines, perturbed
again, drops some, adds some and reorders them in blocks, as real successive statements do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIRS = [ROOT / "benchmarks" / "corpus", ROOT.parent / "shared" / "corpus"]
KEEP, DROP = 0.8, 0.1  # share of old lines kept (perturbed) and dropped; the rest of new is new


@dataclass(frozen=True)
class SyntheticPair:
    """Two statements and the (old line, new line) pairs that are the same pledge."""

    old_text: str
    new_text: str
    true_pairs: frozenset[tuple[int, int]]  # 0-based line numbers


def pledge_pool() -> list[str]:
    """Single-clause English pledges from the corpus statements."""
    from statediff.load import load
    from statediff.segment import segment

    pool: list[str] = []
    seen: set[str] = set()
    for folder in CORPUS_DIRS:
        for path in sorted(folder.glob("en_*/*.txt")):
            seg = segment(load(str(path)), "en")
            for c in seg.commitments:
                text = " ".join(c.text.split())
                if 8 <= len(text.split()) <= 60 and text not in seen and ";" not in text:
                    seen.add(text)
                    pool.append(text.rstrip(".") + ".")
    if not pool:
        raise SystemExit("no corpus statements found under benchmarks/corpus or ../shared/corpus")
    return pool


def _perturb(text: str, rng: random.Random, pool: list[str]) -> str:
    words = text.rstrip(".").split()
    for _ in range(rng.randint(1, 3)):
        action = rng.random()
        if action < 0.4 and len(words) > 3:
            k = rng.randrange(len(words) - 1)
            words[k], words[k + 1] = words[k + 1], words[k]
        elif action < 0.7 and len(words) > 6:
            del words[rng.randrange(len(words))]
        else:
            donor = rng.choice(pool).rstrip(".").split()
            words.insert(rng.randrange(len(words) + 1), rng.choice(donor))
    sentence = " ".join(words)
    return sentence[:1].upper() + sentence[1:] + "."


def _splice(rng: random.Random, pool: list[str]) -> str:
    head = rng.choice(pool).rstrip(".").split()
    tail = rng.choice(pool).rstrip(".").split()
    return " ".join(head[: max(4, len(head) // 2)] + tail[len(tail) // 2:]) + "."


def make_pair(size: int, seed: int = 7, pool: list[str] | None = None) -> SyntheticPair:
    """An old statement of ``size`` pledges and a new one of about the same size."""
    rng = random.Random(seed)
    pool = pool or pledge_pool()
    old_lines = [_perturb(_splice(rng, pool), rng, pool) for _ in range(size)]
    kept = [k for k in range(size) if rng.random() < KEEP / (KEEP + DROP)]
    new_entries: list[tuple[int | None, str]] = [(k, _perturb(old_lines[k], rng, pool)) for k in kept]
    new_entries += [(None, _perturb(_splice(rng, pool), rng, pool)) for _ in range(size - len(kept))]
    # Reorder in blocks of up to 12 lines: sections move, lines within them mostly stay.
    blocks = [new_entries[k:k + 12] for k in range(0, len(new_entries), 12)]
    rng.shuffle(blocks)
    new_entries = [entry for block in blocks for entry in block]
    true_pairs = frozenset((old, n) for n, (old, _) in enumerate(new_entries) if old is not None)
    return SyntheticPair("\n".join(old_lines) + "\n", "\n".join(text for _, text in new_entries) + "\n", true_pairs)
