"""Align stage: score old×new pledge pairs and choose one-to-one links plus star-shaped groups."""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .features import concept_terms, featurizer_for
from .frozen import frozen_dataclass
from .languages import across_languages
from .model import LINKED_BY_NAMED_BODY, LINKED_BY_SCORE, LINKED_STANDING_OUT, Alignment, Candidate, Commitment, Link, Segmentation, Skipped
from .segment import OLD_ECHO_REASONS, numbered, unread_spans, with_pledges
from .segment.tokens import WORD_RE

if TYPE_CHECKING:
    from .sparse import SideMatrices

# Chosen on eight gold files (the three in benchmarks/gold and five private annotations of
# corpus pairs): link F1 peaks at 0.22-0.24 (0.589 mean at 0.23 against 0.583 at 0.25) and
# status accuracy rises as the threshold falls (0.757 against 0.738); see docs/benchmarks.md.
DEFAULT_THRESHOLD = 0.23
# Score of a pair = blend of three similarities, each in [0, 1] (weights measured on the seed
# and English gold pairs; see docs/benchmarks.md):
#  - term similarity: IDF²-weighted stems/aliases, a blend of cosine and overlap coefficient
#    (the overlap term lets a short pledge match a long sentence that contains it);
#  - the same over the parent sentences: a clause cut from a long sentence keeps its topic;
#  - character 5-gram cosine over content words: compounds and derivations stems keep apart.
# rapidfuzz token_set_ratio / token_sort_ratio in place of the n-grams scored lower on all
# three gold pairs (token_set_ratio rates any subset as 100).
OVERLAP_WEIGHT = 0.3
IDF_POWER = 2.0
SENTENCE_WEIGHT = 0.25
CHAR_WEIGHT = 0.5  # character n-grams of CHAR_N letters (statediff/features.py)
# A pledge joins an existing group (merge or split) only when it scores this share of the threshold.
GROUP_FACTOR = 1.0
# Statements in two languages: a pair scoring from CROSS_LANGUAGE_FACTOR × the threshold links
# when it beats both pledges' runners-up by STANDOUT (measured on the Los Angeles Declaration's
# language versions against unrelated statements in other languages; see docs/benchmarks.md).
CROSS_LANGUAGE_FACTOR = 0.35
STANDOUT = 1.2
# An unlinked pair of mutual best partners from this share of the threshold (across languages:
# from the link floor) links when both name one body, programme or process of the gazetteer
# that neither statement names in more than NAMED_BODY_MAX_SHARE of its pledges
# (_with_named_bodies). At 0.25 the 8th JSPG statement linked two pledges of an unrelated one
# (0.105, 0.109: "the Middle Corridor", "the OTS"); the gold links it finds score 0.17 in one
# language, 0.089 across two.
# A one-to-one link scoring under threshold + TOPIC_MARGIN whose two pledges each have a topic of
# their own (details/topics.py, the default topic aside) and share none is no link (_apart_by_topic).
TOPIC_MARGIN = 0.12
NAMED_BODY_FACTOR = 0.5
NAMED_BODY_MAX_SHARE = 0.2
NAMED_BODY_KINDS = frozenset({"organisation", "programme", "process"})
FULL_MATCH = 0.9  # a link this similar is one pledge in both statements: no third pledge joins its group …
SPLIT_REST_MIN = 0.5  # … but one this close to it that holds the words its twin lacks (the rest of a split)
# Candidate generation (see candidate_pairs): exhaustive below this many old × new pairs.
EXHAUSTIVE_MAX_PAIRS = 40_000
CANDIDATES_PER_ITEM = 10
RARE_TERMS_PER_ITEM = 8
POSTING_CAP = 300  # a term in more pledges than this says nothing about which pair is right
SCORE_CHUNK = 20_000
# From this many old × new pairs on, numpy/scipy (if installed) pay back their ~0.3 s import.
SPARSE_MIN_PAIRS = 1_000_000
SCORE_DECIMALS = 9  # scores are rounded so that both scoring paths (here and statediff/sparse.py) agree exactly
PARALLEL_MIN_PAIRS = 40_000  # fewer pairs are scored faster than worker processes start

WeightedTerms = dict[str, float]


@frozen_dataclass
class Vectors:
    """IDF-weighted term sets of each pledge: its clause, its sentence, its character n-grams,
    each with the sum of its weights (precomputed: pairs are scored by the hundred thousand)."""

    clause: list[WeightedTerms]
    sentence: list[WeightedTerms]
    chars: list[WeightedTerms]
    clause_total: list[float]
    sentence_total: list[float]
    chars_total: list[float]

    @classmethod
    def build(cls, clause: list[WeightedTerms], sentence: list[WeightedTerms], chars: list[WeightedTerms]) -> Vectors:
        return cls(clause, sentence, chars, _totals(clause), _totals(sentence), _totals(chars))


def _totals(vectors: list[WeightedTerms]) -> list[float]:
    return [sum(vec.values()) for vec in vectors]


def align(
    old: Segmentation,
    new: Segmentation,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Callable[[int, int], None] | None = None,
    workers: int = 1,
    exhaustive: bool | None = None,
) -> Alignment:
    """Link old and new pledges by lexical similarity, order-free.

    ``workers`` processes score candidate pairs in parallel; ``exhaustive`` forces (True) or
    disables (False) scoring every pair that shares a term, instead of deciding by size."""
    across = across_languages(old.language, new.language)
    old_sets, new_sets = _remembered_sets(old, across), _remembered_sets(new, across)
    pairs = len(old.commitments) * len(new.commitments)
    if exhaustive is None:
        exhaustive = pairs <= EXHAUSTIVE_MAX_PAIRS
    texts = (_wordings(old), _wordings(new))
    twins = () if exhaustive else twin_pairs(old_sets, new_sets, texts)
    if not exhaustive and pairs >= SPARSE_MIN_PAIRS and _sparse_available():
        scores = _score_sets_sparse(old_sets, new_sets, progress, twins)
    else:
        scores = _score_candidates(*_weighted(old_sets, new_sets), progress, workers, exhaustive, twins)
    # Two languages share few words: a translation scores far below the threshold (0.17 for the
    # median pledge of the Los Angeles Declaration's English and Spanish versions, against 0.04 for
    # the 95th percentile of unrelated pairs), but it stands out from its runners-up.
    standout = link_floor(threshold, old.language, new.language)
    alignment = _assign(scores, len(old.commitments), len(new.commitments), threshold, standout, (old_sets.clause, new_sets.clause), texts)
    if not across:
        alignment = _apart_by_topic(alignment, old, new, threshold + TOPIC_MARGIN, scores)
    # Across languages the link floor is already low (unrelated pairs reach 0.04-0.05): a named
    # body lets a pair from it link without standing out, no lower.
    return _with_named_bodies(alignment, old, new, standout if across else threshold * NAMED_BODY_FACTOR)


def _with_named_bodies(alignment: Alignment, old: Segmentation, new: Segmentation, floor: float) -> Alignment:
    """``alignment`` plus a one-to-one link for each pair of unlinked pledges that are each
    other's best partner, score from ``floor`` up, and name the same body, programme or process
    of the gazetteer (NAMED_BODY_KINDS): "… fortsätta vidta åtgärder … vid Internationella
    domstolen i Haag" ↔ "vår fortsatta strävan efter rättvisa vid Internationella domstolen",
    "… государства-основатели СВМДА" ↔ "… CICA'nın kurucu …". Not a body that either statement
    names in more than a NAMED_BODY_MAX_SHARE of its pledges (the Quad in the Quad's statements,
    the issuing body: it says nothing about which pledge), nor a country or place: the parties and
    the places of a statement are named in pledges of every kind ("консультации по Афганистану"
    ↔ "обсудили ситуацию в Афганистане"). Measured over every gold file: of the unlinked
    mutual-best pairs from 0.05 to the threshold, 5 named one body, 4 of them gold links and one
    unjudged, against 21 gold links and 43 wrong pairs for the band as a whole."""
    linked_new = {j for link in alignment.links for j in link.new}
    pairs = [(i, candidate.index, candidate.score) for i, candidate in alignment.nearest_old.items()
             if candidate.score >= floor and candidate.index not in linked_new
             and (back := alignment.nearest_new.get(candidate.index)) is not None and back.index == i]
    if not pairs:
        return alignment
    from .details.entities import gazetteer, gazetteer_mentions  # only when a pair may need it

    kinds = {key: entry.kind for key, entry in gazetteer().items()}

    def bodies(seg: Segmentation, k: int) -> dict[str, str]:
        """The named bodies of pledge k: key → the words that name it."""
        c = seg.commitments[k]
        text = seg.document.text
        return {key: text[a:b] for key, a, b in gazetteer_mentions(text, seg.language, c.start, c.end) if kinds[key] in NAMED_BODY_KINDS}

    counted: dict[tuple[int, str], bool] = {}  # (side, words): a name met in many pairs is counted once

    def rare(seg: Segmentation, words: str) -> bool:
        # Counted by the words as written: a lower bound where a name is inflected, and no second reading of every pledge.
        key = (id(seg), words)
        if key not in counted:
            named = sum(words in c.text for c in seg.commitments)
            counted[key] = named <= max(1.0, NAMED_BODY_MAX_SHARE * len(seg.commitments))
        return counted[key]

    added = []
    for i, j, score in pairs:
        old_bodies, new_bodies = bodies(old, i), bodies(new, j)
        if any(rare(old, old_bodies[key]) and rare(new, new_bodies[key]) for key in old_bodies.keys() & new_bodies.keys()):
            added.append(Link((i, ), (j, ), round(score, 4), LINKED_BY_NAMED_BODY))
    if not added:
        return alignment
    found_old, found_new = {link.old[0] for link in added}, {link.new[0] for link in added}
    return replace(
        alignment,
        links=tuple(sorted((*alignment.links, *added), key=lambda link: (link.old[0], link.new[0]))),
        nearest_old={i: c for i, c in alignment.nearest_old.items() if i not in found_old},
        nearest_new={j: c for j, c in alignment.nearest_new.items() if j not in found_new},
    )


def _apart_by_topic(alignment: Alignment, old: Segmentation, new: Segmentation, ceiling: float,
                    scores: Mapping[tuple[int, int], float]) -> Alignment:
    """``alignment`` without its pairs scoring under ``ceiling`` whose two pledges each have a
    topic of their own and share none: "This Partnership will further strengthen our
    collaboration to effectively respond to disasters" ↔ "… we will strengthen our coordination
    and collaboration in support of health security" shares only stock words. A one-to-one link
    is undone; a merge or split loses the member (the pledge on the group's larger side) that
    shares no topic with the pledge at its centre: the members differ in topic among themselves
    by nature ("… in energy" + "… in agriculture"), but each shares one with the pledge they
    were merged into. Each undone pair keeps its other pledge as its nearest candidate, marked
    ``topics_apart``. Measured over every gold file (seed, US–India, US–Japan and three blind
    pairs): of the one-to-one links under 0.35, the nine with disjoint topics were all wrong, and
    none of the 80 right links had disjoint topics; no right member of a group had them, and the
    three members of the unannotated corpus pairs under 0.35 that had them were all wrong (Quad:
    disasters ↔ health security; US–ROK: climate ↔ a COVID-19 summit, multilateralism ↔ IPEF).
    Not across languages (each language's keyword
    list finds different topics in a translation). The freed pledges are not offered to other
    partners: their runners-up scored lower still."""
    band = [link for link in alignment.links if min(scores.get(pair, 0.0) for pair in _pairs(link)) < ceiling]
    if not band:
        return alignment
    from .details.topics import taxonomy, topics_of  # only when a link may need it

    default = taxonomy().default
    cache: dict[tuple[int, int], frozenset[str]] = {}

    def own_topics(side: int, k: int) -> frozenset[str]:
        if (side, k) not in cache:
            seg = new if side else old
            c = seg.commitments[k]
            cache[side, k] = frozenset(topics_of(seg.document.text, seg.language, c.start, c.end)) - {default}
        return cache[side, k]

    def apart(i: int, j: int) -> bool:
        if scores.get((i, j), 0.0) >= ceiling:
            return False
        old_topics, new_topics = own_topics(0, i), own_topics(1, j)
        return bool(old_topics and new_topics and not old_topics & new_topics)

    undone: dict[Link, Link | None] = {}  # a link → what is left of it (None: nothing)
    nearest_old, nearest_new = dict(alignment.nearest_old), dict(alignment.nearest_new)
    for link in band:
        kept = [(i, j) for i, j in _pairs(link) if not apart(i, j)]
        if len(kept) == len(link.old) * len(link.new):
            continue
        for i, j in _pairs(link):
            if (i, j) not in kept:
                if not any(i == a for a, _ in kept):
                    nearest_old[i] = Candidate(j, scores.get((i, j), 0.0), True)
                if not any(j == b for _, b in kept):
                    nearest_new[j] = Candidate(i, scores.get((i, j), 0.0), True)
        undone[link] = replace(link, old=tuple(sorted({i for i, _ in kept})), new=tuple(sorted({j for _, j in kept})),
                               score=round(sum(scores[pair] for pair in kept) / len(kept), 4)) if kept else None
    if not undone:
        return alignment
    links = (undone.get(link, link) for link in alignment.links)
    return replace(alignment, links=tuple(link for link in links if link is not None), nearest_old=nearest_old, nearest_new=nearest_new)


def _pairs(link: Link) -> list[tuple[int, int]]:
    """The (old, new) pairs of a link: its one pair, or each member of a merge or split with the
    pledge at the group's centre (groups are star-shaped)."""
    return [(i, j) for i in link.old for j in link.new]


def link_floor(threshold: float, old_language: str, new_language: str) -> float:
    """The lowest score at which two pledges may link: the threshold, or for statements in two
    languages CROSS_LANGUAGE_FACTOR × it (a pair that stands out from its runners-up)."""
    return threshold * CROSS_LANGUAGE_FACTOR if across_languages(old_language, new_language) else threshold


def twin_pairs(old: TermSets, new: TermSets, texts: tuple[Sequence[str], Sequence[str]] | None = None) -> list[tuple[int, int]]:
    """Pairs of pledges with the same terms in the same order (a pledge repeated on both sides:
    a page that holds the article twice, a clause a long text repeats, pledges that differ only in
    a figure), sorted. Always candidates: the rare-term index ranks a short pledge of common terms
    ("and to enhance supply chain resilience") level with hundreds of others and could leave its
    twin out. With ``texts`` (each side's wordings as ``same_wording`` gives them), a copy worded
    the same on both sides is paired with its own first, k-th with k-th, so that an unchanged
    pledge always meets its copy; the other copies (all of them without ``texts``) are paired k-th
    old with up to CANDIDATES_PER_ITEM of the other side's from the k-th on, so that they can pair
    off one to one."""
    copies: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, terms in enumerate(new.clause):
        if terms:
            copies[tuple(terms)].append(j)
    pairs = set()
    rest_old: dict[tuple[str, ...], list[int]] = defaultdict(list)
    if texts is None:
        rest_new = copies
        for i, terms in enumerate(old.clause):
            if tuple(terms) in copies:
                rest_old[tuple(terms)].append(i)
    else:
        # Per group of twins: the same wording paired off first, the rest left to the rotation below.
        worded: dict[tuple[tuple[str, ...], str], list[int]] = defaultdict(list)
        for key, found in copies.items():
            for j in found:
                worded[key, texts[1][j]].append(j)
        paired_new: set[int] = set()
        for i, terms in enumerate(old.clause):
            key = tuple(terms)
            if key not in copies:
                continue
            same = worded.get((key, texts[0][i]))
            if same:
                j = same.pop(0)
                pairs.add((i, j))
                paired_new.add(j)
            else:
                rest_old[key].append(i)
        rest_new = {key: [j for j in found if j not in paired_new] for key, found in copies.items()}
    for key, olds in rest_old.items():
        found = rest_new[key]
        for rank, i in enumerate(olds):
            pairs.update((i, found[(rank + t) % len(found)]) for t in range(min(len(found), CANDIDATES_PER_ITEM)))
    return sorted(pairs)


def same_wording(text: str) -> str:
    """A pledge's text with its white space made single spaces: two pledges worded the same
    however their lines were wrapped."""
    return " ".join(text.split())


def _wordings(seg: Segmentation) -> list[str]:
    """Each pledge's ``same_wording``, with the table cells beside it: a measure a plan repeats
    for 2024, 2025 and 2026 meets the copy of its own row first (with its 2025 row deleted, the
    2025 copy went to the 2026 row, "2025 → 2026" modified and the 2026 row dropped: found in review)."""
    text = seg.document.text
    return [same_wording(c.text) + (f" | {c.row_text(text)}" if c.row_cells else "") for c in seg.commitments]


def build_vectors(old: Segmentation, new: Segmentation) -> tuple[Vectors, Vectors]:
    """Matching vectors of both statements, weighted by IDF over the two together."""
    across = across_languages(old.language, new.language)
    return _weighted(term_sets(old, across), term_sets(new, across))


def _weighted(old_sets: TermSets, new_sets: TermSets) -> tuple[Vectors, Vectors]:
    term_weight, gram_weight = weights(old_sets, new_sets)
    old_vec = Vectors.build(_vectors(old_sets.clause, term_weight), _vectors(old_sets.sentence, term_weight), _vectors(old_sets.chars, gram_weight))
    new_vec = Vectors.build(_vectors(new_sets.clause, term_weight), _vectors(new_sets.sentence, term_weight), _vectors(new_sets.chars, gram_weight))
    return old_vec, new_vec


def weights(old_sets: TermSets, new_sets: TermSets) -> tuple[dict[str, float], dict[str, float]]:
    """IDF² of every term (clauses and sentences) and of every character n-gram of both statements."""
    idf = _idf(old_sets.clause + new_sets.clause, old_sets.sentence + new_sets.sentence)
    char_idf = _idf(old_sets.chars + new_sets.chars, [])
    return _powered(idf), _powered(char_idf)


@frozen_dataclass
class TermSets:
    """One statement's unweighted term sets (dicts of term → 1.0, in order of first appearance):
    of each pledge's clause, of its parent sentence, and the character n-grams of its content words."""

    clause: list[WeightedTerms]
    sentence: list[WeightedTerms]
    chars: list[WeightedTerms]


def term_sets(seg: Segmentation, latin_grams: bool = False) -> TermSets:
    """The term sets of every pledge of ``seg`` (each pledge's words are read once); with
    ``latin_grams`` (statements in two languages), its character n-grams are of Latin skeletons
    of its words."""
    featurizer = featurizer_for(seg.language)
    text = seg.document.text
    words = [WORD_RE.findall(c.match_text) for c in seg.commitments]
    # Across languages the words of data/concepts.toml read as their concept ("торговля", "ticaret": ~trade).
    concepts = concept_terms(seg.language) if latin_grams else None

    def terms(found: list[str]) -> WeightedTerms:
        return dict.fromkeys(found if concepts is None else [concepts.get(t, t) for t in found], 1.0)

    clause_terms = [terms(featurizer.terms_of_words(raw)) for raw in words]
    # Character n-grams of each pledge's content words: catch compounds and derivations that
    # stems keep apart ("counterterrorism"/"terrorism", "государства-основатели"), and across
    # languages cognates and names ("strategic"/"стратегический").
    chars = list(map(featurizer.cross_grams if latin_grams else featurizer.char_grams, words))
    clauses_per_sentence = Counter((c.sentence_start, c.sentence_end) for c in seg.commitments)
    sentence_cache: dict[tuple[int, int], WeightedTerms] = {}
    sentence_terms = []
    for c, own in zip(seg.commitments, clause_terms, strict=True):
        key = (c.sentence_start, c.sentence_end)
        if clauses_per_sentence[key] == 1:
            sentence_terms.append(own)  # the pledge is its whole sentence
            continue
        if key not in sentence_cache:
            sentence_cache[key] = terms(featurizer.terms(text[c.sentence_start:c.sentence_end]))
        sentence_terms.append(sentence_cache[key])
    return TermSets(clause_terms, sentence_terms, chars)


# The term sets of the statements last aligned, for ``with_echoes``, which scores more of their
# pairs (featurizing 5,000 pledges a side again cost 0.3 s). Each entry holds its Segmentation,
# so that its id is not reused while the entry lives.
_REMEMBERED: dict[tuple[int, bool], tuple[Segmentation, TermSets]] = {}
_REMEMBERED_MAX = 4


def _remembered_sets(seg: Segmentation, latin_grams: bool) -> TermSets:
    """``term_sets(seg, latin_grams)``, computed once for the statements of a comparison."""
    key = (id(seg), latin_grams)
    hit = _REMEMBERED.get(key)
    if hit is not None and hit[0] is seg:
        return hit[1]
    sets = term_sets(seg, latin_grams)
    if len(_REMEMBERED) >= _REMEMBERED_MAX:
        _REMEMBERED.clear()
    _REMEMBERED[key] = (seg, sets)
    return sets


def _idf(units: list[WeightedTerms], extra: list[WeightedTerms]) -> dict[str, float]:
    """IDF over the pledges of both statements; terms seen only in ``extra`` count as rare."""
    df: Counter[str] = Counter()
    for terms in units:
        df.update(terms.keys())
    for terms in extra:
        for term in terms:
            df.setdefault(term, 1)
    n = max(1, len(units))
    return {term: math.log(1 + n / count) for term, count in df.items()}


def _powered(idf: dict[str, float]) -> dict[str, float]:
    return {term: value ** IDF_POWER for term, value in idf.items()}  # one power per term, not per use


def _vectors(term_sets: list[WeightedTerms], weight: dict[str, float]) -> list[WeightedTerms]:
    return [dict(zip(terms, map(weight.__getitem__, terms), strict=True)) for terms in term_sets]


def _cosine(a: WeightedTerms, b: WeightedTerms, sa: float, sb: float, overlap_weight: float = OVERLAP_WEIGHT) -> float:
    """Blend of weighted cosine and overlap coefficient over two term sets whose weight sums
    are ``sa`` and ``sb``. Both sets are weighted by the same IDF table, so a shared term has
    the same weight on both sides."""
    if not sa or not sb:
        return 0.0
    shared = sum(map(a.__getitem__, a.keys() & b.keys()))
    if not shared:
        return 0.0
    cosine = shared / math.sqrt(sa * sb)
    overlap = shared / min(sa, sb)
    return (1 - overlap_weight) * cosine + overlap_weight * overlap


def candidate_pairs(
    old: Vectors, new: Vectors, exhaustive: bool | None = None, twins: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """The pairs worth scoring, sorted.

    Small inputs: every pair that shares a term (exactly the pairs with a non-zero term score).
    Large inputs (more than EXHAUSTIVE_MAX_PAIRS pairs, or ``exhaustive=False``): each pledge
    keeps the CANDIDATES_PER_ITEM partners with the most rare-term weight in common, found
    through an inverted index over its RARE_TERMS_PER_ITEM rarest terms, in both directions,
    and ``twins`` (``twin_pairs``) are added. The cost then grows with the number of
    candidates, not with old × new."""
    if exhaustive is None:
        exhaustive = len(old.clause) * len(new.clause) <= EXHAUSTIVE_MAX_PAIRS
    new_postings = _postings(new.clause)
    if exhaustive:
        pairs: set[tuple[int, int]] = set()
        for i, vec in enumerate(old.clause):
            for term in vec:
                pairs.update((i, j) for j in new_postings.get(term, ()))
        return sorted(pairs)
    old_postings = _postings(old.clause)
    pairs = set(twins)
    for i, vec in enumerate(old.clause):
        pairs.update((i, j) for j in _top_partners(vec, new_postings))
    for j, vec in enumerate(new.clause):
        pairs.update((i, j) for i in _top_partners(vec, old_postings))
    return sorted(pairs)


def _postings(vectors: list[WeightedTerms]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vec in enumerate(vectors):
        for term in vec:
            postings[term].append(index)
    return postings


def _top_partners(vec: WeightedTerms, postings: dict[str, list[int]]) -> list[int]:
    rare = heapq.nlargest(RARE_TERMS_PER_ITEM, ((w, t) for t, w in vec.items() if 0 < len(postings.get(t, ())) <= POSTING_CAP))
    accumulated: dict[int, float] = defaultdict(float)
    for weight, term in rare:
        for index in postings[term]:
            accumulated[index] += weight
    # Rounded like the vectorised path (statediff/sparse.py), so both rank ties alike.
    best = heapq.nsmallest(CANDIDATES_PER_ITEM, [(-round(weight, SCORE_DECIMALS), index) for index, weight in accumulated.items()])
    return [index for _, index in best]


def pair_score(old: Vectors, new: Vectors, i: int, j: int) -> float:
    """The similarity of old pledge i and new pledge j, in [0, 1]."""
    clause = _cosine(old.clause[i], new.clause[j], old.clause_total[i], new.clause_total[j])
    sentence = _cosine(old.sentence[i], new.sentence[j], old.sentence_total[i], new.sentence_total[j])
    terms = (1 - SENTENCE_WEIGHT) * clause + SENTENCE_WEIGHT * max(clause, sentence)
    chars = _cosine(old.chars[i], new.chars[j], old.chars_total[i], new.chars_total[j], overlap_weight=0.0)
    return round((1 - CHAR_WEIGHT) * terms + CHAR_WEIGHT * chars, SCORE_DECIMALS)


# Worker processes read the vectors from here (inherited by fork), not through pickling.
_SHARED: tuple[Vectors, Vectors] | None = None


def _ignore_interrupts() -> None:
    """In a scoring worker: Ctrl-C is the main process's to handle (no traceback per worker), and
    SIGTERM, which the pool sends to end it, ends it at once (not the console script's handler)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _score_chunk(pairs: list[tuple[int, int]]) -> list[float]:
    assert _SHARED is not None
    old, new = _SHARED
    return [pair_score(old, new, i, j) for i, j in pairs]


def _score_candidates(
    old: Vectors, new: Vectors, progress: Callable[[int, int], None] | None, workers: int = 1, exhaustive: bool | None = None,
    twins: Sequence[tuple[int, int]] = (),
) -> dict[tuple[int, int], float]:
    """Scores of the candidate pairs; all other pairs score 0. The result does not depend on
    ``workers``: chunks are scored independently and reassembled in order."""
    global _SHARED
    if exhaustive is None:
        exhaustive = len(old.clause) * len(new.clause) <= EXHAUSTIVE_MAX_PAIRS
    pairs = candidate_pairs(old, new, exhaustive, twins)
    chunks = [pairs[k:k + SCORE_CHUNK] for k in range(0, len(pairs), SCORE_CHUNK)]
    results: list[list[float]] = []
    if workers > 1 and len(pairs) >= PARALLEL_MIN_PAIRS:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _SHARED = (old, new)
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupts) as pool:
                for done, result in enumerate(pool.map(_score_chunk, chunks), 1):
                    results.append(result)
                    if progress:
                        progress(done * SCORE_CHUNK, len(pairs))
        finally:
            _SHARED = None
    else:
        for done, chunk in enumerate(chunks, 1):
            results.append([pair_score(old, new, i, j) for i, j in chunk])
            if progress:
                progress(done * SCORE_CHUNK, len(pairs))
    return {pair: score for chunk, values in zip(chunks, results, strict=True) for pair, score in zip(chunk, values, strict=True)}


def _sparse_available() -> bool:
    from . import sparse  # imported only for inputs this large: small runs never need it

    return sparse.available()


def _score_sets_sparse(
    old: TermSets, new: TermSets, progress: Callable[[int, int], None] | None, twins: Sequence[tuple[int, int]] = ()
) -> dict[tuple[int, int], float]:
    """The indexed path with numpy/scipy (the same candidates and scores as ``_score_candidates``,
    computed as matrices), the term sets weighted straight into the matrices."""
    from . import sparse

    return _score_matrices(*sparse.weighted_matrices(old, new, *weights(old, new)), progress, twins)


def _score_matrices(
    old_m: SideMatrices, new_m: SideMatrices, progress: Callable[[int, int], None] | None, twins: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    from . import sparse

    pairs = sparse.candidate_pairs(old_m, new_m, RARE_TERMS_PER_ITEM, POSTING_CAP, CANDIDATES_PER_ITEM, twins)
    values = sparse.score_pairs(old_m, new_m, pairs, (OVERLAP_WEIGHT, SENTENCE_WEIGHT, CHAR_WEIGHT), SCORE_CHUNK * 5, progress)
    return dict(zip(zip(pairs[0].tolist(), pairs[1].tolist(), strict=True), values, strict=True))


def _assign(scores: dict[tuple[int, int], float], n_old: int, n_new: int, threshold: float, standout: float | None = None,
            terms: tuple[list[WeightedTerms], list[WeightedTerms]] | None = None,
            texts: tuple[Sequence[str], Sequence[str]] | None = None) -> Alignment:
    """Best-first one-to-one links, then star-shaped groups for merged or split pledges. A pair
    below ``threshold`` but from ``standout`` up links when it scores STANDOUT times both
    pledges' runners-up (statements in two languages). Merges and splits need the threshold: from the
    lower floor they joined headings and other pledges to a translation's links (found in review).
    ``terms``: each pledge's clause terms (old, new), which let a split join a near-identical link
    (``_attach``); ``texts``: their wordings (``same_wording``), which break ties (``_ranked``)."""
    standout = threshold if standout is None else standout
    ranked = _ranked(scores, texts)
    # Each pledge's best partners, best first (for a fixed old pledge, ranked order is by score,
    # then the same wording, then new index; for a fixed new pledge, by score, the same wording, old index).
    old_top: dict[int, list[tuple[int, float]]] = {}
    new_top: dict[int, list[tuple[int, float]]] = {}
    kept = max(RANKED_K, 2)
    for (i, j), s in ranked:
        top = old_top.get(i)
        if top is None:
            old_top[i] = [(j, s)]
        elif len(top) < kept:
            top.append((j, s))
        top = new_top.get(j)
        if top is None:
            new_top[j] = [(i, s)]
        elif len(top) < kept:
            top.append((i, s))
    best_new = {i: top[0] for i, top in old_top.items()}
    best_old = {j: top[0] for j, top in new_top.items()}
    old_group: dict[int, int] = {}  # old index -> group id
    new_group: dict[int, int] = {}
    groups: list[tuple[list[int], list[int], list[float]]] = []
    for (i, j), s in ranked:
        if s < standout:
            break
        if i in old_group or j in new_group:
            continue
        if s < threshold and s < STANDOUT * max(_runner_up(old_top[i], j), _runner_up(new_top[j], i)):
            continue
        old_group[i] = new_group[j] = len(groups)
        groups.append(([i], [j], [s]))
    # Merges and splits: an unlinked pledge whose best partner is already linked joins that
    # partner's group if it is also among the partner's two best, keeping groups star-shaped.
    _attach(0, n_old, best_new, old_group, new_group, _top_indices(new_top, 2), groups, threshold, terms)
    _attach(1, n_new, best_old, new_group, old_group, _top_indices(old_top, 2), groups, threshold, None if terms is None else terms[::-1])
    links = tuple(  # (a group's first pair is its one-to-one link: under the threshold, it stood out)
        Link(tuple(sorted(olds)), tuple(sorted(news)), round(sum(ss) / len(ss), 4), LINKED_STANDING_OUT if ss[0] < threshold else LINKED_BY_SCORE)
        for olds, news, ss in groups
    )
    nearest_old = {i: Candidate(*best_new[i]) for i in range(n_old) if i not in old_group and i in best_new}
    nearest_new = {j: Candidate(*best_old[j]) for j in range(n_new) if j not in new_group and j in best_old}
    return Alignment(
        links=tuple(sorted(links, key=lambda link: (link.old[0], link.new[0]))),
        nearest_old=nearest_old,
        nearest_new=nearest_new,
        candidates_scored=len(scores),
        ranked_old=_ranked_candidates(old_top),
        ranked_new=_ranked_candidates(new_top),
    )


def _ranked(scores: dict[tuple[int, int], float], texts: tuple[Sequence[str], Sequence[str]] | None) -> list[tuple[tuple[int, int], float]]:
    """The scored pairs, best first; among pairs of equal score, a pair worded the same on both
    sides (``texts``: the wordings as ``same_wording`` gives them) first, then the lower
    indices. Pledges that differ only in a figure have the same terms and score alike: "allocate
    100 million …" and "allocate 200 million …" tie with a new "allocate 200 million …", and the
    unchanged copy must win whatever the order of the old statement (found by a new user's
    review). Only the same wording goes first: ordering all tied pairs by how alike they are broke
    the k-th-with-k-th pairing of ``twin_pairs`` on the candidate index, and copies were left
    with no free candidate (found in review)."""
    # By score alone first (a C-level key), then each run of equal scores in its own order: ties
    # are few (scores are rounded to SCORE_DECIMALS: equal only for the same weighted terms).
    ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)
    counts = Counter(scores.values())
    if len(counts) == len(scores):
        return ranked
    if texts is None:
        tie_order: Callable[[tuple[tuple[int, int], float]], tuple[Any, ...]] = itemgetter(0)
    else:
        old_texts, new_texts = texts

        def tie_order(kv: tuple[tuple[int, int], float]) -> tuple[bool, tuple[int, int]]:
            (i, j), _ = kv
            return old_texts[i] != new_texts[j], (i, j)

    for score, count in counts.items():
        if count > 1:
            lo = bisect.bisect_left(ranked, -score, key=_negated_score)
            hi = bisect.bisect_right(ranked, -score, lo=lo, key=_negated_score)
            ranked[lo:hi] = sorted(ranked[lo:hi], key=tie_order)
    return ranked


def _negated_score(kv: tuple[tuple[int, int], float]) -> float:
    """The bisection key of ``_ranked``'s list, which is in descending order of score."""
    return -kv[1]


def _runner_up(top: list[tuple[int, float]], partner: int) -> float:
    """The best score of a pledge with anyone but ``partner`` (0 when it has no other)."""
    return next((score for other, score in top if other != partner), 0.0)


def _attach(
    side: int,
    count: int,
    best_partner: dict[int, tuple[int, float]],
    own_group: dict[int, int],
    partner_group: dict[int, int],
    partner_top2: dict[int, tuple[int, ...]],
    groups: list[tuple[list[int], list[int], list[float]]],
    threshold: float,
    terms: tuple[list[WeightedTerms], list[WeightedTerms]] | None = None,
) -> None:
    """Let unlinked pledges of one side (0 old, 1 new) join the group of their best partner,
    when they are among that partner's two best and the group has one pledge on the partner's
    side, so that groups stay star-shaped. ``terms``: the clause terms of this side's pledges and
    of the partner's side."""
    for x in range(count):
        if x in own_group or x not in best_partner:
            continue
        y, score = best_partner[x]
        g = partner_group.get(y)
        if not (g is not None and score >= threshold * GROUP_FACTOR and x in partner_top2.get(y, ())
                and len(groups[g][1 - side]) == 1):
            continue
        # A partner linked to its twin (near-identical, score ≥ FULL_MATCH) says nothing more,
        # unless this pledge is close to it too (SPLIT_REST_MIN) and holds words of the partner's
        # that the twin lacks: "cooperation in energy" + "… in agriculture" → "cooperation in
        # energy" drops the second, while "… образования и науки" → "… образования" + "… науки" is
        # a split (found by a helper's audit).
        if max(groups[g][2]) >= FULL_MATCH and not (
                score >= SPLIT_REST_MIN and terms is not None and _covers_the_rest(terms, x, y, groups[g][side])):
            continue
        groups[g][side].append(x)
        groups[g][2].append(score)
        own_group[x] = g


def _covers_the_rest(terms: tuple[list[WeightedTerms], list[WeightedTerms]], x: int, y: int, twins: list[int]) -> bool:
    """Whether pledge x is the rest of a split pledge y (on the other side): every term of x is
    y's, and x holds one that none of y's linked pledges on x's side (``twins``) holds. Not a
    pledge that brings terms of its own ("… cooperation in agriculture" beside "… in energy",
    when the twin only lost an adverb)."""
    own, partner = terms
    return all(term in partner[y] for term in own[x]) and any(
        term in own[x] for term in partner[y] if all(term not in own[k] for k in twins))


def _top_indices(tops: dict[int, list[tuple[int, float]]], k: int) -> dict[int, tuple[int, ...]]:
    """For each pledge on one side, its k best partners on the other side."""
    return {key: tuple(index for index, _ in top[:k]) for key, top in tops.items()}


RANKED_K = 3  # candidates kept per pledge: enough for a runner-up besides the partners it is linked to


def _ranked_candidates(tops: dict[int, list[tuple[int, float]]]) -> dict[int, tuple[Candidate, ...]]:
    """Each pledge's RANKED_K best partners on the other side, best first, linked or not
    (the details stage names the runner-up of an uncertain match from these)."""
    return {key: tuple(Candidate(index, score) for index, score in top[:RANKED_K]) for key, top in tops.items()}


ECHO_MIN_SCORE = 0.5
# An old span echoes a new pledge only when nearly the same words: history told without a marker
# ("In 2023 a consulate was opened in Almaty") shares a pledge's words at 0.5-0.65 ("… agreed to
# open a consulate in Shymkent in 2026": a new pledge, found in review); "may meet" → "shall meet"
# scores 0.85 and more.
OLD_ECHO_MIN_SCORE = 0.75


def with_echoes(old: Segmentation, new: Segmentation, alignment: Alignment,
                threshold: float = DEFAULT_THRESHOLD) -> tuple[Segmentation, Segmentation, Alignment]:
    """The statements and alignment with the echoes linked: a span read as no pledge
    (``segment.unread_spans``) that restates a pledge of the other statement left unmatched, the
    two scoring at least ECHO_MIN_SCORE (and the threshold) and each other's best partner among
    such pledges and spans, is read as a pledge and linked to it.

    Segmentation reads a pledge by its words, and an edit can take them away: "The Joint
    Commission shall meet twice a year" → "… may meet twice a year" (no cue is left), "Vi kommer
    att inrätta ett nätverk …" → "Nätverket … inrättades i maj 2024" (done, an account). Unread,
    the old pledge was dropped and --fail-on weakened passed. Measured over every gold file, such
    pairs from 0.5 up are all gold links; below 0.4 most are headings, history and other pledges.
    The other links stay as they are (indices moved past the spans read)."""
    linked_old = {i for link in alignment.links for i in link.old}
    linked_new = {j for link in alignment.links for j in link.new}
    lone_old = [i for i in range(len(old.commitments)) if i not in linked_old]
    lone_new = [j for j in range(len(new.commitments)) if j not in linked_new]
    unread_old = unread_spans(old, OLD_ECHO_REASONS) if lone_new else ()
    unread_new = unread_spans(new) if lone_old else ()
    if not (lone_old and unread_new) and not (lone_new and unread_old):
        return old, new, alignment
    n_old, n_new = len(old.commitments), len(new.commitments)
    # Weighted by IDF over the pledges and the spans of both statements, as if segmentation had read the spans
    across = across_languages(old.language, new.language)
    old_sets = _joined(_remembered_sets(old, across), term_sets(replace(old, commitments=tuple(unread_old)), across))
    new_sets = _joined(_remembered_sets(new, across), term_sets(replace(new, commitments=tuple(unread_new)), across))
    term_weight, gram_weight = weights(old_sets, new_sets)
    floor = max(ECHO_MIN_SCORE, threshold)
    spans_of_new, spans_of_old = list(range(n_new, n_new + len(unread_new))), list(range(n_old, n_old + len(unread_old)))
    # (pledge, span, score) on each side: an old pledge and a new span, a new pledge and an old span
    of_old = _mutual_best(_vectors_of(old_sets, lone_old, term_weight, gram_weight), _vectors_of(new_sets, spans_of_new, term_weight, gram_weight),
                          lone_old, spans_of_new, floor)
    of_new = _mutual_best(_vectors_of(new_sets, lone_new, term_weight, gram_weight), _vectors_of(old_sets, spans_of_old, term_weight, gram_weight),
                          lone_new, spans_of_old, max(OLD_ECHO_MIN_SCORE, threshold), flipped=True)
    if not of_old and not of_new:
        return old, new, alignment
    old_read = with_pledges(old, [unread_old[k - n_old] for _, k, _ in of_new])
    new_read = with_pledges(new, [unread_new[k - n_new] for _, k, _ in of_old])
    old_at, new_at = _positions_of(old.commitments, old_read), _positions_of(new.commitments, new_read)
    spans_old, spans_new = _positions_of(unread_old, old_read), _positions_of(unread_new, new_read)
    added = [Link((old_at[i],), (spans_new[k - n_new],), score) for i, k, score in of_old]
    added += [Link((spans_old[k - n_old],), (new_at[j],), score) for j, k, score in of_new]
    now_old = {i for i, _, _ in of_old}
    now_new = {j for j, _, _ in of_new}

    def nearest(found: Mapping[int, Candidate], now: set[int], own: list[int], other: list[int]) -> dict[int, Candidate]:
        return {own[k]: replace(c, index=other[c.index]) for k, c in found.items() if k not in now}  # (topics_apart kept)

    def ranked(found: Mapping[int, tuple[Candidate, ...]], own: list[int], other: list[int]) -> dict[int, tuple[Candidate, ...]]:
        return {own[k]: tuple(Candidate(other[c.index], c.score) for c in candidates) for k, candidates in found.items()}

    moved = [Link(tuple(old_at[i] for i in link.old), tuple(new_at[j] for j in link.new), link.score, link.rule) for link in alignment.links]
    return old_read, new_read, Alignment(
        links=tuple(sorted((*moved, *added), key=lambda link: (link.old[0], link.new[0]))),
        nearest_old=nearest(alignment.nearest_old, now_old, old_at, new_at),
        nearest_new=nearest(alignment.nearest_new, now_new, new_at, old_at),
        candidates_scored=alignment.candidates_scored,
        ranked_old=ranked(alignment.ranked_old, old_at, new_at),
        ranked_new=ranked(alignment.ranked_new, new_at, old_at),
    )


def _positions_of(commitments: Sequence[Commitment], read: Segmentation) -> list[int]:
    """Where each of ``commitments`` stands in ``read`` (their statement with more pledges read)."""
    at = {(c.start, c.end): k for k, c in enumerate(read.commitments)}
    return [at.get((c.start, c.end), -1) for c in commitments]


def _joined(first: TermSets, second: TermSets) -> TermSets:
    return TermSets(first.clause + second.clause, first.sentence + second.sentence, first.chars + second.chars)


def _vectors_of(sets: TermSets, at: list[int], term_weight: dict[str, float], gram_weight: dict[str, float]) -> Vectors:
    """The weighted vectors of the units of ``sets`` at ``at``, in that order."""
    return Vectors.build(_vectors([sets.clause[k] for k in at], term_weight), _vectors([sets.sentence[k] for k in at], term_weight),
                         _vectors([sets.chars[k] for k in at], gram_weight))


def _mutual_best(sub_rows: Vectors, sub_cols: Vectors, rows: list[int], cols: list[int], floor: float,
                 flipped: bool = False) -> list[tuple[int, int, float]]:
    """(row, col, score) for each of ``cols`` (``sub_cols``: their vectors) that is the best
    partner of one of ``rows`` and has it as its best, scoring ``floor`` or more (candidates as
    ``candidate_pairs`` finds them, so that a large statement is not scored pair by pair; ties go
    to the lower index). ``flipped``: the rows are new pledges."""
    if not rows or not cols:
        return []
    best_row: dict[int, tuple[float, int]] = {}
    best_col: dict[int, tuple[float, int]] = {}
    for r, c in candidate_pairs(sub_rows, sub_cols):
        score = pair_score(sub_cols, sub_rows, c, r) if flipped else pair_score(sub_rows, sub_cols, r, c)
        if score > best_row.get(r, (0.0, -1))[0]:
            best_row[r] = (score, c)
        if score > best_col.get(c, (0.0, -1))[0]:
            best_col[c] = (score, r)
    return [(rows[r], cols[c], score) for r, (score, c) in sorted(best_row.items()) if score >= floor and best_col[c][1] == r]


def without_unmatched_deeds(
    old: Segmentation, new: Segmentation, alignment: Alignment
) -> tuple[Segmentation, Segmentation, Alignment, tuple[int, ...], tuple[int, ...]]:
    """The statements and alignment without the deeds that link to nothing, and the indices of
    the commitments kept on each side. A deed ("Mexico doubled cocaine seizures", ``Commitment.deed``)
    is a pledge of the comparison only as the fulfilment of one the other statement holds (tricky
    case: done, not dropped); alone it is a report of what was done, neither a new pledge nor a
    dropped one, and is skipped as ``deed``. A statement of deeds only keeps them all."""
    linked_old = {i for link in alignment.links for i in link.old}
    linked_new = {j for link in alignment.links for j in link.new}
    keep_old, keep_new = _kept_pledges(old, linked_old), _kept_pledges(new, linked_new)
    if len(keep_old) == len(old.commitments) and len(keep_new) == len(new.commitments):
        return old, new, alignment, keep_old, keep_new
    old_at = {k: n for n, k in enumerate(keep_old)}
    new_at = {k: n for n, k in enumerate(keep_new)}

    def nearest(found: Mapping[int, Candidate], ranked: Mapping[int, tuple[Candidate, ...]], own: dict[int, int],
                other: dict[int, int]) -> dict[int, Candidate]:
        # A nearest partner that was set aside gives way to the best one kept (ranked best first).
        out = {}
        for k, candidate in found.items():
            if k not in own:
                continue
            pool = (candidate,) if candidate.index in other else ranked.get(k, ())
            best = next((c for c in pool if c.index in other), None)
            if best is not None:
                out[own[k]] = moved(best, other)
        return out

    def moved(candidate: Candidate, other: dict[int, int]) -> Candidate:  # (most indices before the first set aside stay)
        index = other[candidate.index]
        return candidate if index == candidate.index else replace(candidate, index=index)

    def ranked(found: Mapping[int, tuple[Candidate, ...]], own: dict[int, int], other: dict[int, int]) -> dict[int, tuple[Candidate, ...]]:
        return {own[k]: tuple(moved(c, other) for c in candidates if c.index in other) for k, candidates in found.items() if k in own}

    remapped = Alignment(
        links=tuple(Link(tuple(old_at[i] for i in link.old), tuple(new_at[j] for j in link.new), link.score, link.rule)
                    for link in alignment.links),
        nearest_old=nearest(alignment.nearest_old, alignment.ranked_old, old_at, new_at),
        nearest_new=nearest(alignment.nearest_new, alignment.ranked_new, new_at, old_at),
        candidates_scored=alignment.candidates_scored,
        ranked_old=ranked(alignment.ranked_old, old_at, new_at),
        ranked_new=ranked(alignment.ranked_new, new_at, old_at),
    )
    return _kept_only(old, keep_old), _kept_only(new, keep_new), remapped, keep_old, keep_new


def _kept_pledges(seg: Segmentation, linked: set[int]) -> tuple[int, ...]:
    if all(c.deed for c in seg.commitments):  # a statement of deeds only: they are all it says
        return tuple(range(len(seg.commitments)))
    return tuple(k for k, c in enumerate(seg.commitments) if not c.deed or k in linked)


def _kept_only(seg: Segmentation, keep: tuple[int, ...]) -> Segmentation:
    """``seg`` with only the commitments at ``keep``, numbered 1… again; the others skipped as deeds."""
    if len(keep) == len(seg.commitments):
        return seg
    kept = set(keep)
    prefix = seg.commitments[0].id.rstrip("0123456789")
    commitments = tuple(numbered([seg.commitments[k] for k in keep], prefix))
    deeds = [Skipped(c.start, c.end, "deed") for k, c in enumerate(seg.commitments) if k not in kept]
    skipped = tuple(sorted((*seg.skipped, *deeds), key=lambda s: (s.start, s.end)))
    return replace(seg, commitments=commitments, skipped=skipped)
