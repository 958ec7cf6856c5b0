"""Monte Carlo rank acceptability over uncertain weights (SMAA-2 style).

Weight vectors are drawn from a Dirichlet distribution centred on the given weights,
alpha_j = concentration * w_j, so E[w_j] = w_j and sd(w_j) = sqrt(w_j (1 - w_j) /
(concentration + 1)); ``concentration=None`` draws uniformly from the simplex (no weight
information). A criterion with weight 0 keeps weight 0. Samples are scored in chunks, so
memory holds the samples (n x criteria) and one chunk of scores and pairwise comparisons
(chunk x alternatives x alternatives), never all scores at once. TOPSIS is vectorised over
the samples; other methods loop over them.

References
----------
.. [1] Lahdelma, R. & Salminen, P. (2001). SMAA-2: Stochastic multicriteria acceptability
   analysis for group decision making. *Operations Research* 49(3), 444-454.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from threadpoolctl import threadpool_limits

from mcda.errors import MatrixError
from mcda.methods.registry import lookup, scores_for_weights
from mcda.problem import build_problem
from mcda.ranks import competition_ranks

#: Samples scored at once; bounds the chunk x alternatives^2 comparison block.
CHUNK = 10_000


@dataclass(frozen=True)
class RankAcceptability:
    """Probability of each alternative at each rank, and the weights that make it first.

    Attributes
    ----------
    acceptability : pandas.DataFrame
        Alternatives x ranks (1 = best): share of weight samples giving that rank [-];
        every row sums to 1.
    central_weights : pandas.DataFrame
        Alternatives x criteria: mean weight vector of the samples that rank the
        alternative first [-]; NaN for an alternative never ranked first.
    samples : int
        Number of weight samples.
    seed : int
        Seed of the random generator.
    concentration : float or None
        Dirichlet concentration (None: uniform over the simplex).
    method : str
        Ranking method.
    """

    acceptability: pd.DataFrame
    central_weights: pd.DataFrame
    samples: int
    seed: int
    concentration: float | None
    method: str


def dirichlet_weights(
    weights: npt.NDArray[np.float64], n: int, concentration: float | None, seed: int
) -> npt.NDArray[np.float64]:
    """Weight vectors drawn around `weights`.

    Parameters
    ----------
    weights : numpy.ndarray
        Centre [-], summing to 1.
    n : int
        Number of vectors.
    concentration : float or None
        Dirichlet concentration c > 0 (alpha = c * weights), or None for alpha = 1.
    seed : int
        Seed of numpy's default generator.

    Returns
    -------
    numpy.ndarray
        n x criteria, rows summing to 1.
    """
    alpha = np.ones_like(weights) if concentration is None else concentration * weights
    return np.random.default_rng(seed).dirichlet(alpha, size=n)


def rank_acceptability(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    n: int = 10_000,
    seed: int = 0,
    method: str = "topsis",
    concentration: float | None = 100.0,
    **options: Any,
) -> RankAcceptability:
    """Rank acceptability indices and central weights under weight uncertainty.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores.
    weights : pandas.Series
        Central weight per criterion [-], summing to 1 (e.g. the AHP weights).
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    n : int
        Number of weight samples.
    seed : int
        Seed; the same seed gives the same result.
    method : str
        A registered ranking method (TOPSIS is vectorised, others loop per sample).
    concentration : float or None
        Dirichlet concentration around `weights` [-]; larger is tighter.
    **options
        The method's options.

    Returns
    -------
    RankAcceptability

    Raises
    ------
    MatrixError
        On bad input, ``n < 1`` or a concentration that is not positive.
    """
    if n < 1:
        raise MatrixError(f"rank acceptability needs n >= 1 samples, not {n}")
    if concentration is not None and not concentration > 0:
        raise MatrixError(f"concentration must be > 0, not {concentration}")
    lookup(method).check_options(options)
    problem = build_problem(matrix, weights, directions)
    samples = dirichlet_weights(problem.weight_vector, n, concentration, seed)
    size = len(problem.matrix)
    counts = np.zeros(size * size, dtype=np.int64)
    first_counts = np.zeros(size, dtype=np.int64)
    first_weights = np.zeros((size, samples.shape[1]))
    offsets = np.arange(size) * size
    # The matrix products have an inner dimension of one criterion count (~18): too small
    # for threaded BLAS to pay, and on a busy 2-core machine its threads halve the speed.
    with threadpool_limits(limits=1, user_api="blas"):
        for start in range(0, n, CHUNK):
            block = samples[start : start + CHUNK]
            ranks = competition_ranks(scores_for_weights(problem, block, method, **options))
            counts += np.bincount((offsets + ranks - 1).ravel(), minlength=size * size)
            first = ranks == 1
            first_counts += first.sum(axis=0)
            first_weights += first.T.astype(float) @ block
    alternatives = problem.matrix.index
    acceptability = pd.DataFrame(
        counts.reshape(size, size) / n,
        index=alternatives,
        columns=pd.RangeIndex(1, size + 1, name="rank"),
    )
    # 0 / 0 for an alternative never ranked first: its central weights are NaN by design.
    with np.errstate(invalid="ignore", divide="ignore"):
        central = first_weights / first_counts[:, np.newaxis]
    return RankAcceptability(
        acceptability,
        pd.DataFrame(central, index=alternatives, columns=problem.matrix.columns),
        n,
        seed,
        concentration,
        method,
    )
