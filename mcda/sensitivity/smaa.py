"""SMAA-2 for any registered ranking method, over caller-drawn or generated samples.

Definitions (Lahdelma & Salminen 2001 [1]_), for n samples k = 1..n of values X_k
(alternatives x criteria) and weights w_k:

- rank acceptability b_i^r: share of samples in which alternative i takes rank r;
- holistic acceptability a_i^h = sum_r alpha_r b_i^r, with meta-weights alpha_r; the
  default is linear, alpha_r = (m - r) / (m - 1) (alpha_1 = 1, alpha_m = 0);
- central weight vector w_i^c: mean of the weights of the samples in which i ranks first;
- confidence factor p_i^c: share of the value samples X_k in which i ranks first under
  w_i^c (NaN when i never ranks first; 0 or 1 when the values are a point matrix);
- pairwise winning index P(i > j): share of samples in which i scores strictly above j.

Ties (scores equal to :data:`mcda.ranks.TIE_DECIMALS` decimals) are shared: a group of g
alternatives tied over ranks r..r+g-1 gives each member 1/g of each of those ranks, so
every row *and* every column of the acceptability matrix sums to 1 even with ties. The
same 1/g share counts toward "ranks first" in central weights and confidence factors. A tie
counts in neither P(i > j) nor P(j > i), so P(i > j) + P(j > i) = 1 - P(tie). Without ties
b_i^r equals :func:`mcda.sensitivity.rank_acceptability`'s on the same samples.

Samples are scored in chunks: memory holds a few chunks of values and scores, never all of
them (the caller's values may be a ``numpy.memmap``). TOPSIS is vectorised over joint
samples (:mod:`mcda.methods.joint`) and, for a point matrix, over weights; other methods
call the method once per sample (and once per sample and alternative for the confidence
factors). Joint TOPSIS chunks are scored on several threads (numpy releases the GIL in its
array loops); each chunk's counts are added to the totals in chunk order, so the result is
the same, to the last bit, whatever the number of threads.

References
----------
.. [1] Lahdelma, R. & Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability
   analysis for group decision making. *Operations Research* 49(3), 444-454.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd
from threadpoolctl import threadpool_limits

from mcda.decision import as_directions
from mcda.errors import MatrixError
from mcda.methods.joint import TopsisSamples
from mcda.methods.registry import lookup, scores_for_weights
from mcda.problem import WEIGHT_SUM_TOLERANCE, Problem, build_problem
from mcda.ranks import TIE_DECIMALS
from mcda.sensitivity.acceptability import dirichlet_weights
from mcda.sensitivity.samplers import hit_and_run, uniform_simplex
from mcda.sensitivity.tiers import beats, tiers
from mcda.sensitivity.weight_constraints import WeightConstraint

Array = npt.NDArray[np.float64]

#: Values (samples x alternatives x criteria cells) scored at once [-]: 222 samples of
#: 25 x 18, whose temporaries (a few MiB) stay within :data:`HEAP_HINT`.
CHUNK_CELLS = 100_000

#: Size of one block allocated and freed before scoring [B]. glibc's malloc then serves
#: blocks up to this size from its heap and keeps up to twice it there, instead of mapping
#: fresh pages from the system for every chunk's temporaries and returning them after: those
#: page faults cost more than the arithmetic (1e5 samples of 25 x 18: 2.2 s CPU without the
#: hint, 1.0 s with it). Other allocators ignore it.
HEAP_HINT = 16 * 2**20

#: Weight samples scored at once on a point matrix [-].
WEIGHT_CHUNK = 2_500

#: Default confidence of the tiers [-].
CONFIDENCE = 0.9

#: Threads scoring joint TOPSIS chunks: one per core, at most 4 (memory holds two chunks
#: per thread).
WORKERS = min(4, os.cpu_count() or 1)

Result = TypeVar("Result")


@dataclass(frozen=True)
class SMAAResult:
    """SMAA-2 indices, labelled by alternative, rank and criterion.

    Attributes
    ----------
    acceptability : pandas.DataFrame
        Rank acceptability b_i^r, alternatives x ranks 1..m [-]; rows and columns sum to 1.
    meta_weights : pandas.Series
        alpha_r per rank [-] used for the holistic index.
    holistic : pandas.Series
        Holistic acceptability a_i^h [-].
    central_weights : pandas.DataFrame
        w_i^c, alternatives x criteria [-]; NaN rows for alternatives never first.
    confidence_factors : pandas.Series
        p_i^c [-]; NaN for alternatives never first.
    winning : pandas.DataFrame
        P(row > column) [-]; zero diagonal.
    beats : pandas.DataFrame
        True where P(row > column) >= `confidence` (see :mod:`mcda.sensitivity.tiers`).
    tiers : tuple of tuple of str
        Ordered tiers of alternatives the data cannot separate at `confidence`.
    confidence : float
        Confidence c of `beats` and `tiers` [-].
    samples : int
        Number of samples n.
    method : str
        Ranking method.
    weight_model : str
        How the weights were drawn (``"caller"`` when the caller supplied them).
    """

    acceptability: pd.DataFrame
    meta_weights: pd.Series
    holistic: pd.Series
    central_weights: pd.DataFrame
    confidence_factors: pd.Series
    winning: pd.DataFrame
    beats: pd.DataFrame
    tiers: tuple[tuple[str, ...], ...]
    confidence: float
    samples: int
    method: str
    weight_model: str


def linear_meta_weights(m: int) -> Array:
    """alpha_r = (m - r) / (m - 1) for ranks r = 1..m [-] (Lahdelma & Salminen 2001)."""
    return (m - np.arange(1, m + 1)) / (m - 1)


@dataclass(frozen=True)
class _Counts:
    """One chunk's contribution to the SMAA-2 sums, added in this order."""

    ranks: tuple[Array, ...]
    first_weights: Array
    wins: npt.NDArray[np.int64]


def _count(scores: Array, weights: Array) -> _Counts:
    """Count one chunk of samples x alternatives scores and their weights."""
    rounded = np.round(scores, TIE_DECIMALS)
    m = rounded.shape[1]
    # above[s, i, j]: i scores strictly above j. One comparison block gives the wins,
    # the first rank of each tie group (1 + number above) and its size.
    above = rounded[:, :, np.newaxis] > rounded[:, np.newaxis, :]
    count = np.int16 if m < 2**15 else np.int64
    start = above.sum(axis=1, dtype=count)
    size = m - start - above.sum(axis=2, dtype=count)
    wins = above.reshape(len(above), m * m).sum(axis=0).reshape(m, m)
    offsets = np.arange(m) * m
    ranks: tuple[Array, ...]
    if size.max() == 1:
        ranks = (np.bincount((offsets + start).ravel(), minlength=m * m).astype(float),)
    else:
        share = 1.0 / size
        ranks = tuple(
            np.asarray(
                np.bincount(
                    (offsets + start + d)[size > d], weights=share[size > d], minlength=m * m
                ),
                dtype=float,
            )
            for d in range(int(size.max()))
        )
    return _Counts(ranks, ((start == 0) / size).T @ weights, wins)


@dataclass
class _Tally:
    """Running sums of one SMAA-2 pass (mutable on purpose: it only lives inside `smaa`)."""

    ranks: Array
    first_weights: Array
    wins: npt.NDArray[np.int64]

    def add(self, counts: _Counts) -> None:
        """Add one chunk's counts."""
        for increment in counts.ranks:
            self.ranks += increment
        self.first_weights += counts.first_weights
        self.wins += counts.wins


def _keep_temporaries_on_heap() -> None:
    """Allocate and free one :data:`HEAP_HINT` block (untouched, so no page is mapped)."""
    np.empty(HEAP_HINT, dtype=np.uint8)


def _in_order(task: Callable[[int], Result], starts: range, workers: int) -> Iterator[Result]:
    """``task(start)`` for each start, run on `workers` threads, yielded in order.

    Unstarted tasks are cancelled when the consumer stops (e.g. on a task's error).
    """
    if workers <= 1:
        yield from map(task, starts)
        return
    pool = ThreadPoolExecutor(workers)
    try:
        yield from pool.map(task, starts)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _first_share(scores: Array, alternatives: npt.NDArray[np.int64]) -> Array:
    """Per alternative q: summed share of ranking first in ``scores[:, :, q]`` as itself.

    `scores` is samples x all alternatives x the k alternatives in `alternatives`.
    """
    rounded = np.round(scores, TIE_DECIMALS)
    # Loops over the alternatives' slices: numpy reduces a middle axis slowly.
    best = rounded[:, 0].copy()
    for i in range(1, rounded.shape[1]):
        np.maximum(best, rounded[:, i], out=best)
    tied = np.zeros(best.shape, dtype=np.int64)
    for i in range(rounded.shape[1]):
        tied += rounded[:, i] == best
    q = np.arange(len(alternatives))
    own_best = rounded[:, alternatives, q] == best
    first: Array = (own_best / tied).sum(axis=0)
    return first


# A chunk scorer: (start, stop) -> samples x alternatives scores under the samples' weights;
# a central scorer: (start, stop, k x criteria weights, the k alternatives) -> the summed
# share of samples in which each of the k ranks first under its own weights.
ChunkScorer = Callable[[int, int], Array]
CentralScorer = Callable[[int, int, Array, npt.NDArray[np.int64]], Array]


def _run(
    scorer: ChunkScorer,
    central_scorer: CentralScorer,
    weights: Array,
    labels: tuple[pd.Index, pd.Index],
    chunk: int,
    confidence: float,
    meta_weights: Array | None,
    method: str,
    weight_model: str,
    workers: int = 1,
) -> SMAAResult:
    """Both SMAA-2 passes over n samples in chunks on `workers` threads, and the result."""
    alternatives, criteria = labels
    n, m = len(weights), len(alternatives)
    alpha = linear_meta_weights(m) if meta_weights is None else np.asarray(meta_weights)
    if alpha.shape != (m,):
        raise MatrixError(f"need {m} meta-weights, one per rank, not {alpha.shape}")
    tally = _Tally(np.zeros(m * m), np.zeros((m, len(criteria))), np.zeros((m, m), np.int64))
    # Inner dimensions are one criterion count (~18): threaded BLAS does not pay.
    starts = range(0, n, chunk)
    _keep_temporaries_on_heap()

    def counted(start: int) -> _Counts:
        stop = min(start + chunk, n)
        return _count(scorer(start, stop), weights[start:stop])

    with threadpool_limits(limits=1, user_api="blas"):
        for counts in _in_order(counted, starts, workers):
            tally.add(counts)
        acceptability = tally.ranks.reshape(m, m) / n
        first = acceptability[:, 0] * n
        with np.errstate(invalid="ignore", divide="ignore"):
            central = tally.first_weights / first[:, np.newaxis]
        ever_first = np.flatnonzero(first > 0)
        confident = np.full(m, np.nan)
        if ever_first.size:
            shared = central[ever_first]

            def hit(start: int) -> Array:
                return central_scorer(start, min(start + chunk, n), shared, ever_first)

            hits = np.zeros(ever_first.size)
            for share in _in_order(hit, starts, workers):
                hits += share
            confident[ever_first] = hits / n
    ranks = pd.RangeIndex(1, m + 1, name="rank")
    winning = pd.DataFrame(tally.wins / n, index=alternatives, columns=alternatives)
    relation = beats(winning, confidence)
    return SMAAResult(
        acceptability=pd.DataFrame(acceptability, index=alternatives, columns=ranks),
        meta_weights=pd.Series(alpha, index=ranks, name="meta_weight"),
        holistic=pd.Series(acceptability @ alpha, index=alternatives, name="holistic"),
        central_weights=pd.DataFrame(central, index=alternatives, columns=criteria),
        confidence_factors=pd.Series(confident, index=alternatives, name="confidence"),
        winning=winning,
        beats=relation,
        tiers=tiers(relation),
        confidence=confidence,
        samples=n,
        method=method,
        weight_model=weight_model,
    )


def _check_weights(weights: Array, criteria: int) -> None:
    """Refuse weight samples of the wrong shape, negative, or not summing to 1."""
    if weights.ndim != 2 or weights.shape[1] != criteria or len(weights) < 1:
        raise MatrixError(f"weights must be samples x {criteria} criteria, not {weights.shape}")
    bad = ~np.isfinite(weights).all(axis=1) | (weights < 0).any(axis=1)
    bad |= np.abs(weights.sum(axis=1) - 1.0) > WEIGHT_SUM_TOLERANCE
    if bad.any():
        k = int(np.argmax(bad))
        raise MatrixError(f"weight sample {k} is not >= 0 summing to 1: {weights[k].tolist()}")


def _loop_scorer(
    values: Array, weights: Array, template: Problem, method: str, options: Mapping[str, Any]
) -> tuple[ChunkScorer, CentralScorer]:
    """Scorers that call the method once per sample (once per sample and weight vector)."""
    score = lookup(method).score

    def one(matrix: Array, w: Array) -> Array:
        problem = Problem(
            pd.DataFrame(matrix, index=template.matrix.index, columns=template.matrix.columns),
            pd.Series(w, index=template.weights.index),
            template.directions,
        )
        return np.asarray(score(problem, **options)["score"].to_numpy(dtype=float))

    def chunk(start: int, stop: int) -> Array:
        return np.array([one(values[k], weights[k]) for k in range(start, stop)])

    def central(start: int, stop: int, shared: Array, alternatives: npt.NDArray[np.int64]) -> Array:
        scores = [[one(values[k], w) for w in shared] for k in range(start, stop)]
        return _first_share(np.array(scores).transpose(0, 2, 1), alternatives)

    return chunk, central


def _topsis_scorers(
    block: ChunkScorer, weights: Array, benefit: npt.NDArray[np.bool_], options: Mapping[str, Any]
) -> tuple[ChunkScorer, CentralScorer]:
    """Scorers that run TOPSIS vectorised over a chunk of joint samples."""

    def chunk(start: int, stop: int) -> Array:
        prepared = TopsisSamples.prepare(block(start, stop), benefit, **options)
        return prepared.per_sample(weights[start:stop])

    def central(start: int, stop: int, shared: Array, alternatives: npt.NDArray[np.int64]) -> Array:
        prepared = TopsisSamples.prepare(block(start, stop), benefit, **options)
        return prepared.first_share(shared, alternatives)

    return chunk, central


def smaa(
    values: Array,
    weights: Array,
    alternatives: Sequence[str],
    criteria: Sequence[str],
    directions: pd.Series | Mapping[str, str] | None = None,
    method: str = "topsis",
    confidence: float = CONFIDENCE,
    meta_weights: Array | None = None,
    chunk: int | None = None,
    workers: int = WORKERS,
    **options: Any,
) -> SMAAResult:
    """SMAA-2 on samples the caller drew (as R smaa's ``smaa(meas, pref)``).

    Parameters
    ----------
    values : numpy.ndarray
        Samples x alternatives x criteria, each sample a decision matrix on the method's
        input scale (a value scale: then all criteria are benefits); may be a memmap.
    weights : numpy.ndarray
        Samples x criteria [-], each row >= 0 summing to 1; row k goes with ``values[k]``.
    alternatives, criteria : sequence of str
        Labels of axes 1 and 2 of `values`.
    directions : pandas.Series or mapping, optional
        ``"benefit"`` or ``"cost"`` per criterion; default all benefit.
    method : str
        A registered ranking method.
    confidence : float
        c in (0.5, 1] for the "beats" relation and the tiers [-].
    meta_weights : numpy.ndarray, optional
        alpha_r per rank for the holistic index; default linear.
    chunk : int, optional
        Samples scored at once; default :data:`CHUNK_CELLS` cells.
    workers : int
        Threads scoring TOPSIS chunks (other methods run on one); the result does not
        depend on it.
    **options
        The method's options.

    Returns
    -------
    SMAAResult

    Raises
    ------
    MatrixError
        On mismatched shapes or labels, bad weights or values, a confidence outside
        (0.5, 1], or options the method does not take.
    """
    values = np.asarray(values) if not isinstance(values, np.ndarray) else values
    if values.ndim != 3 or values.shape[1:] != (len(alternatives), len(criteria)):
        raise MatrixError(
            f"values must be samples x {len(alternatives)} alternatives x {len(criteria)} "
            f"criteria, not {values.shape}"
        )
    if len(values) != len(weights):
        raise MatrixError(f"{len(values)} value samples but {len(weights)} weight samples")
    weights = np.asarray(weights, dtype=float)
    _check_weights(weights, len(criteria))
    lookup(method).check_options(options)
    beats(pd.DataFrame([[0.0]]), confidence)  # refuse a bad confidence before the work
    labels = (pd.Index(alternatives), pd.Index(criteria))
    if chunk is None:
        chunk = max(1, CHUNK_CELLS // (len(alternatives) * len(criteria)))
    if chunk < 1 or workers < 1:
        raise MatrixError(f"chunk and workers must be >= 1, not {chunk} and {workers}")
    aligned = as_directions(
        {c: "benefit" for c in criteria} if directions is None else directions, labels[1]
    )
    benefit = (aligned == "benefit").to_numpy()

    def block(start: int, stop: int) -> Array:
        chunk_values = np.asarray(values[start:stop], dtype=float)
        if not np.isfinite(chunk_values).all():
            k = start + int(np.argmax(~np.isfinite(chunk_values).all(axis=(1, 2))))
            raise MatrixError(f"value sample {k} holds a value that is not finite")
        return chunk_values

    if method == "topsis":
        scorer, central = _topsis_scorers(block, weights, benefit, options)
    else:
        workers = 1  # per-sample calls hold the GIL: threads would only contend
        template = Problem(
            pd.DataFrame(np.zeros((len(alternatives), len(criteria))), *labels),
            pd.Series(np.full(len(criteria), 1.0 / len(criteria)), index=labels[1]),
            aligned,
        )
        scorer, central = _loop_scorer(values, weights, template, method, options)
    return _run(
        scorer, central, weights, labels, chunk, confidence, meta_weights, method, "caller", workers
    )


def smaa_weights(
    matrix: pd.DataFrame,
    directions: pd.Series | Mapping[str, str],
    n: int = 10_000,
    seed: int = 0,
    method: str = "topsis",
    weights: pd.Series | None = None,
    concentration: float | None = None,
    constraints: Iterable[WeightConstraint] = (),
    confidence: float = CONFIDENCE,
    meta_weights: Array | None = None,
    **options: Any,
) -> SMAAResult:
    """SMAA-2 on a point matrix, with weights drawn here.

    The weight model is one of: uniform over the simplex (the default, no weight
    information); Dirichlet around `weights` with `concentration` (see
    :func:`mcda.sensitivity.acceptability.dirichlet_weights`); uniform over the polytope of
    `constraints` by hit-and-run (:func:`mcda.sensitivity.samplers.hit_and_run`).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    n : int
        Number of weight samples.
    seed : int
        Seed of the weight sampler.
    method : str
        A registered ranking method (its batch scorer is used where it has one).
    weights : pandas.Series, optional
        Centre of the Dirichlet model [-] (e.g. AHP weights).
    concentration : float, optional
        Dirichlet concentration; needs `weights`.
    constraints : iterable of WeightConstraint
        Linear weight constraints for hit-and-run; not with `weights`.
    confidence, meta_weights, **options
        As in :func:`smaa`.

    Returns
    -------
    SMAAResult
        ``weight_model`` names the model, e.g. ``"dirichlet(concentration=100)"``.

    Raises
    ------
    MatrixError
        On bad input, n < 1, or both `weights` and `constraints`.
    """
    criteria = [str(c) for c in matrix.columns]
    constraints = tuple(constraints)
    if n < 1:
        raise MatrixError(f"SMAA needs n >= 1 samples, not {n}")
    if weights is not None and constraints:
        raise MatrixError("give Dirichlet weights or weight constraints, not both")
    if weights is None and concentration is not None:
        raise MatrixError("a Dirichlet concentration needs the weights it centres on")
    centre = pd.Series(np.full(len(criteria), 1.0 / len(criteria)), index=matrix.columns)
    problem = build_problem(matrix, centre if weights is None else weights, directions)
    lookup(method).check_options(options)
    if constraints:
        samples = hit_and_run(criteria, constraints, n, seed)
        model = f"hit-and-run over {len(constraints)} constraints"
    elif weights is not None:
        if concentration is not None and not concentration > 0:
            raise MatrixError(f"concentration must be > 0, not {concentration}")
        samples = dirichlet_weights(problem.weight_vector, n, concentration, seed)
        model = f"dirichlet(concentration={concentration})"
    else:
        samples = uniform_simplex(len(criteria), n, seed)
        model = "uniform simplex"

    def scorer(start: int, stop: int) -> Array:
        return scores_for_weights(problem, samples[start:stop], method, **options)

    def central(start: int, stop: int, shared: Array, alternatives: npt.NDArray[np.int64]) -> Array:
        # One matrix: p_i^c is the same for every sample, so score it once and count it.
        once = scores_for_weights(problem, shared, method, **options).T
        return (stop - start) * _first_share(once[np.newaxis], alternatives)

    labels = (problem.matrix.index, problem.matrix.columns)
    return _run(
        scorer, central, samples, labels, WEIGHT_CHUNK, confidence, meta_weights, method, model
    )
