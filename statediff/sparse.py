"""Vectorised candidate generation and scoring for large inputs (numpy/scipy, the `large` extra).

The same rules as the pure-Python path in align.py, computed with sparse matrices: each pledge's
RARE_TERMS_PER_ITEM rarest terms (posting lists of at most POSTING_CAP on the other side),
the CANDIDATES_PER_ITEM partners with most of that weight in common, from both sides; then the
three similarities of every candidate pair at once. Scores are rounded to 9 decimals in both
paths, so summation order cannot make them differ.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

from .align import SCORE_DECIMALS
from .frozen import frozen_dataclass

if TYPE_CHECKING:
    from .align import TermSets


def available() -> bool:
    """Whether numpy and scipy can be imported (pip install 'statediff[large]')."""
    try:
        import numpy  # noqa: F401
        import scipy.sparse  # noqa: F401
    except ImportError:
        return False
    return True


@frozen_dataclass
class SideMatrices:
    """One statement's vectors as CSR matrices over shared vocabularies, plus weight sums."""

    clause: Any  # scipy.sparse.csr_matrix, n × terms, IDF² weights
    sentence: Any
    chars: Any
    clause_total: Any  # numpy arrays
    sentence_total: Any
    chars_total: Any


def csr(rows: list[dict[str, float]], vocabulary: dict[str, int], weights: Any) -> Any:
    """The rows (their keys) as a CSR matrix with sorted indices, each term weighted by
    ``weights`` (an array by term id)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, rows), dtype=np.int64, count=len(rows)), out=indptr[1:])
    total = int(indptr[-1])
    indices = np.fromiter(map(vocabulary.__getitem__, chain.from_iterable(rows)), dtype=np.int64, count=total)
    data = weights[indices]
    matrix = csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))
    matrix.sort_indices()
    return matrix


def weighted_matrices(
    old: TermSets, new: TermSets, term_weight: dict[str, float], gram_weight: dict[str, float]
) -> tuple[SideMatrices, SideMatrices]:
    """Both statements as sparse matrices: the vectors align.py would weight from these term sets
    with these weights (whose keys are every term and every n-gram of both statements)."""
    import numpy as np

    terms = {term: index for index, term in enumerate(sorted(term_weight))}
    grams = {gram: index for index, gram in enumerate(sorted(gram_weight))}
    by_term = np.array(list(map(term_weight.__getitem__, terms)), dtype=np.float64)
    by_gram = np.array(list(map(gram_weight.__getitem__, grams)), dtype=np.float64)

    def totals(rows: list[dict[str, float]], weight: dict[str, float]) -> Any:
        # Summed in each row's own order, as align.Vectors sums them: the same floats.
        return np.array([sum(map(weight.__getitem__, row)) for row in rows], dtype=np.float64)

    def side(sets: TermSets) -> SideMatrices:
        return SideMatrices(csr(sets.clause, terms, by_term), csr(sets.sentence, terms, by_term), csr(sets.chars, grams, by_gram),
                            totals(sets.clause, term_weight), totals(sets.sentence, term_weight), totals(sets.chars, gram_weight))

    return side(old), side(new)


def _partners(queries: Any, others: Any, rare_terms: int, posting_cap: int, per_item: int) -> tuple[Any, Any]:
    """(query rows, other rows): each query's best partners by shared rare-term weight."""
    import numpy as np
    from scipy.sparse import csr_matrix

    binary = others.copy()
    binary.data[:] = 1.0
    df_other = np.bincount(others.indices, minlength=others.shape[1])  # canonical rows: one entry per term
    # Each query's rare_terms terms of largest (weight, term id) among those whose posting list
    # on the other side is not empty and at most posting_cap long (as heapq.nlargest in align.py).
    rows = np.repeat(np.arange(queries.shape[0], dtype=np.int64), np.diff(queries.indptr))
    df = df_other[queries.indices]
    keep = (df > 0) & (df <= posting_cap)
    rows, idx, w = rows[keep], queries.indices[keep], queries.data[keep]
    order = np.lexsort((idx, w, rows))
    rows, idx, w = rows[order], idx[order], w[order]
    ends = np.cumsum(np.bincount(rows, minlength=queries.shape[0]))
    last = (ends[rows] - np.arange(len(rows))) <= rare_terms
    selected = csr_matrix((w[last], (rows[last], idx[last])), shape=queries.shape)
    accumulated = (selected @ binary.T).tocsr()
    accumulated.data = np.round(accumulated.data, SCORE_DECIMALS)
    accumulated.sort_indices()
    # Each query's per_item partners with most weight, the lower index first on ties: a stable
    # sort by row, then weight descending, keeps the rows' ascending indices among equal weights.
    rows = np.repeat(np.arange(accumulated.shape[0], dtype=np.int64), np.diff(accumulated.indptr))
    # Weights rounded to SCORE_DECIMALS are whole numbers of 10**-SCORE_DECIMALS: as integers they
    # order the same, and one int64 key (row, weight) sorts far faster than np.lexsort's three.
    steps = np.rint(accumulated.data * 10.0**SCORE_DECIMALS).astype(np.int64)
    top = int(steps.max(initial=0)) + 1
    if accumulated.shape[0] * top < 2**62:
        order = np.argsort(rows * top + (top - 1 - steps), kind="stable")
    else:
        order = np.lexsort((accumulated.indices, -accumulated.data, rows))
    rows, partners = rows[order], accumulated.indices[order]
    rank = np.arange(len(rows)) - accumulated.indptr[rows]
    best = rank < per_item
    return rows[best], partners[best].astype(np.int64)


def candidate_pairs(
    old: SideMatrices, new: SideMatrices, rare_terms: int, posting_cap: int, per_item: int, twins: Sequence[tuple[int, int]] = ()
) -> tuple[Any, Any]:
    """The candidate pairs of the indexed path (see align.candidate_pairs), ``twins`` included,
    as two arrays of old and new indices, sorted by old index, then new."""
    import numpy as np

    old_rows, new_partners = _partners(old.clause, new.clause, rare_terms, posting_cap, per_item)
    new_rows, old_partners = _partners(new.clause, old.clause, rare_terms, posting_cap, per_item)
    width = max(1, new.clause.shape[0])
    twin_keys = np.array([i * width + j for i, j in twins], dtype=np.int64)
    keys = np.unique(np.concatenate([old_rows * width + new_partners, old_partners * width + new_rows, twin_keys]))
    return keys // width, keys % width


def score_pairs(
    old: SideMatrices,
    new: SideMatrices,
    pairs: tuple[Any, Any],
    weights: tuple[float, float, float],
    chunk: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[float]:
    """Similarity of each pair (``pairs``: arrays of old and new indices), as align.pair_score
    computes it. ``weights``: overlap, sentence, chars."""
    import numpy as np

    overlap_weight, sentence_weight, char_weight = weights
    out: list[float] = []
    count = len(pairs[0])
    for begin in range(0, count, chunk):
        i, j = pairs[0][begin:begin + chunk], pairs[1][begin:begin + chunk]
        clause = _blend(old.clause, new.clause, old.clause_total, new.clause_total, i, j, overlap_weight)
        sentence = _blend(old.sentence, new.sentence, old.sentence_total, new.sentence_total, i, j, overlap_weight)
        chars = _blend(old.chars, new.chars, old.chars_total, new.chars_total, i, j, 0.0)
        terms = (1 - sentence_weight) * clause + sentence_weight * np.maximum(clause, sentence)
        scores = (1 - char_weight) * terms + char_weight * chars
        out.extend(np.round(scores, SCORE_DECIMALS).tolist())
        if progress:
            progress(min(begin + chunk, count), count)
    return out


def _blend(a: Any, b: Any, a_total: Any, b_total: Any, i: Any, j: Any, overlap_weight: float) -> Any:
    """Cosine/overlap blend of rows a[i] and b[j]; both sides carry the same weight per term,
    so the shared weight is a[i] summed over the terms b[j] also has."""
    import numpy as np

    b_rows = b[j]
    b_rows.data[:] = 1.0
    shared = np.asarray(a[i].multiply(b_rows).sum(axis=1)).ravel()
    sa, sb = a_total[i], b_total[j]
    with np.errstate(divide="ignore", invalid="ignore"):
        cosine = np.where(shared > 0, shared / np.sqrt(sa * sb), 0.0)
        overlap = np.where(shared > 0, shared / np.minimum(sa, sb), 0.0)
    return (1 - overlap_weight) * cosine + overlap_weight * overlap
