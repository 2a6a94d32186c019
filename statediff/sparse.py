"""Vectorised candidate generation and scoring for large inputs (numpy/scipy, the `large` extra).

The same rules as the pure-Python path in align.py, computed with sparse matrices: each pledge's
RARE_TERMS_PER_ITEM rarest terms (posting lists of at most POSTING_CAP on the other side),
the CANDIDATES_PER_ITEM partners with most of that weight in common, from both sides; then the
three similarities of every candidate pair at once. Scores are rounded to 9 decimals in both
paths, so summation order cannot make them differ.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .align import SCORE_DECIMALS

if TYPE_CHECKING:
    from .align import Vectors


def available() -> bool:
    """Whether numpy and scipy can be imported (pip install 'statediff[large]')."""
    try:
        import numpy  # noqa: F401
        import scipy.sparse  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass(frozen=True)
class SideMatrices:
    """One statement's vectors as CSR matrices over shared vocabularies, plus weight sums."""

    clause: Any  # scipy.sparse.csr_matrix, n × terms, IDF² weights
    sentence: Any
    chars: Any
    clause_total: Any  # numpy arrays
    sentence_total: Any
    chars_total: Any


def _vocabulary(*vector_lists: list[dict[str, float]]) -> dict[str, int]:
    # Ids in string order, so that ties between equal weights break as in the pure path.
    terms = sorted({term for vectors in vector_lists for vec in vectors for term in vec})
    return {term: index for index, term in enumerate(terms)}


def _csr(vectors: list[dict[str, float]], vocabulary: dict[str, int]) -> Any:
    import numpy as np
    from scipy.sparse import csr_matrix

    indptr = np.zeros(len(vectors) + 1, dtype=np.int64)
    indices: list[int] = []
    data: list[float] = []
    for row, vec in enumerate(vectors):
        indices.extend(vocabulary[t] for t in vec)
        data.extend(vec.values())
        indptr[row + 1] = len(indices)
    matrix = csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), indptr),
                        shape=(len(vectors), len(vocabulary)))
    matrix.sort_indices()
    return matrix


def matrices(old: Vectors, new: Vectors) -> tuple[SideMatrices, SideMatrices]:
    """Both statements as sparse matrices (term and sentence vocabularies shared, chars apart)."""
    import numpy as np

    terms = _vocabulary(old.clause, new.clause, old.sentence, new.sentence)
    grams = _vocabulary(old.chars, new.chars)

    def side(v: Vectors) -> SideMatrices:
        return SideMatrices(_csr(v.clause, terms), _csr(v.sentence, terms), _csr(v.chars, grams),
                            np.array(v.clause_total), np.array(v.sentence_total), np.array(v.chars_total))

    return side(old), side(new)


def _partners(queries: Any, others: Any, rare_terms: int, posting_cap: int, per_item: int) -> list[tuple[int, int]]:
    """(query row, other row) pairs: each query's best partners by shared rare-term weight."""
    import numpy as np
    from scipy.sparse import csr_matrix

    binary = others.copy()
    binary.data[:] = 1.0
    df_other = np.asarray(binary.sum(axis=0)).ravel()
    rows, cols, vals = [], [], []
    indptr, indices, data = queries.indptr, queries.indices, queries.data
    for row in range(queries.shape[0]):
        idx = indices[indptr[row]:indptr[row + 1]]
        w = data[indptr[row]:indptr[row + 1]]
        keep = (df_other[idx] > 0) & (df_other[idx] <= posting_cap)
        idx, w = idx[keep], w[keep]
        if len(idx) > rare_terms:
            order = np.lexsort((idx, w))[-rare_terms:]  # largest (weight, term) last, as heapq.nlargest
            idx, w = idx[order], w[order]
        rows.extend([row] * len(idx))
        cols.extend(idx.tolist())
        vals.extend(w.tolist())
    selected = csr_matrix((vals, (rows, cols)), shape=queries.shape)
    accumulated = (selected @ binary.T).tocsr()
    accumulated.data = np.round(accumulated.data, SCORE_DECIMALS)
    pairs: list[tuple[int, int]] = []
    for row in range(accumulated.shape[0]):
        start, stop = accumulated.indptr[row], accumulated.indptr[row + 1]
        if start == stop:
            continue
        partner = accumulated.indices[start:stop]
        weight = accumulated.data[start:stop]
        order = np.lexsort((partner, -weight))[:per_item]  # most weight first, lower index on ties
        pairs.extend((row, int(p)) for p in partner[order])
    return pairs


def candidate_pairs(old: SideMatrices, new: SideMatrices, rare_terms: int, posting_cap: int, per_item: int) -> list[tuple[int, int]]:
    """The candidate pairs of the indexed path, sorted (see align.candidate_pairs)."""
    pairs = set(_partners(old.clause, new.clause, rare_terms, posting_cap, per_item))
    pairs.update((i, j) for j, i in _partners(new.clause, old.clause, rare_terms, posting_cap, per_item))
    return sorted(pairs)


def score_pairs(
    old: SideMatrices,
    new: SideMatrices,
    pairs: list[tuple[int, int]],
    weights: tuple[float, float, float],
    chunk: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[float]:
    """Similarity of each pair, as align.pair_score computes it. ``weights``: overlap, sentence, chars."""
    import numpy as np

    overlap_weight, sentence_weight, char_weight = weights
    out: list[float] = []
    for begin in range(0, len(pairs), chunk):
        part = np.array(pairs[begin:begin + chunk], dtype=np.int64).reshape(-1, 2)
        i, j = part[:, 0], part[:, 1]
        clause = _blend(old.clause, new.clause, old.clause_total, new.clause_total, i, j, overlap_weight)
        sentence = _blend(old.sentence, new.sentence, old.sentence_total, new.sentence_total, i, j, overlap_weight)
        chars = _blend(old.chars, new.chars, old.chars_total, new.chars_total, i, j, 0.0)
        terms = (1 - sentence_weight) * clause + sentence_weight * np.maximum(clause, sentence)
        scores = (1 - char_weight) * terms + char_weight * chars
        out.extend(np.round(scores, SCORE_DECIMALS).tolist())
        if progress:
            progress(min(begin + chunk, len(pairs)), len(pairs))
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
