"""TOPSIS (Hwang & Yoon 1981), vectorised over many weight vectors at once.

One kernel serves a single ranking and a Monte Carlo run of 100 000 weight samples, so the
two can never disagree. Because weights are non-negative, the weighted ideal of a column is
its weight times the unweighted ideal; the p-distance to it is then

    D_i = (sum_j w_j^p |r_ij - r*_j|^p)^(1/p),

a matrix product of ``W^p`` (samples x criteria) with ``|R - R*|^p`` (criteria x
alternatives). The Chebyshev distance (p = inf) has no such product and is computed in
chunks.

References
----------
.. [1] Hwang, C.-L. & Yoon, K. (1981). *Multiple Attribute Decision Making: Methods and
   Applications*. Springer, Berlin, pp. 128-134.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.normalization import normalize
from mcda.problem import Problem

#: Order p of the Minkowski distance to the ideal and anti-ideal points.
DISTANCES: dict[str, float] = {"euclidean": 2.0, "manhattan": 1.0, "chebyshev": np.inf}

#: Elements of one samples x alternatives x criteria block for the Chebyshev distance.
CHUNK_ELEMENTS = 4_000_000


def weighted_distance(
    gaps: npt.NDArray[np.float64], samples: npt.NDArray[np.float64], order: float
) -> npt.NDArray[np.float64]:
    """Weighted Minkowski distance of every alternative from a reference point.

    Parameters
    ----------
    gaps : numpy.ndarray
        ``|r_ij - reference_j|``, alternatives x criteria [-].
    samples : numpy.ndarray
        Weight vectors, samples x criteria [-].
    order : float
        Order p of the distance (``numpy.inf`` for Chebyshev).

    Returns
    -------
    numpy.ndarray
        Samples x alternatives [-].
    """
    if np.isinf(order):
        rows = max(1, CHUNK_ELEMENTS // gaps.size)
        return np.concatenate(
            [
                (chunk[:, np.newaxis, :] * gaps[np.newaxis]).max(axis=2)
                for chunk in np.array_split(samples, range(rows, len(samples), rows))
            ]
        )
    powered: npt.NDArray[np.float64] = (samples**order @ (gaps**order).T) ** (1.0 / order)
    return powered


def closeness(
    normalized: npt.NDArray[np.float64],
    samples: npt.NDArray[np.float64],
    distance: str = "euclidean",
) -> npt.NDArray[np.float64]:
    """Relative closeness to the ideal for many weight vectors.

    Parameters
    ----------
    normalized : numpy.ndarray
        Alternatives x criteria, every column "higher is better" [-].
    samples : numpy.ndarray
        Weight vectors, samples x criteria [-], each non-negative.
    distance : str
        A key of :data:`DISTANCES`.

    Returns
    -------
    numpy.ndarray
        Samples x alternatives, in [0, 1]; higher is better.

    Raises
    ------
    MatrixError
        On an unknown distance.
    """
    if distance not in DISTANCES:
        raise MatrixError(f"unknown distance {distance!r}; use one of {sorted(DISTANCES)}")
    # One product for both reference points: rows 0..m-1 are gaps to the ideal, m..2m-1 to
    # the anti-ideal.
    gaps = np.vstack([normalized.max(axis=0) - normalized, normalized - normalized.min(axis=0)])
    distances = weighted_distance(gaps, samples, DISTANCES[distance])
    to_ideal, to_anti_ideal = np.hsplit(distances, 2)
    # No zero denominator: every criterion with a positive weight spans a non-zero range
    # (constant columns are refused), so the two distances cannot both vanish.
    ratio: npt.NDArray[np.float64] = to_anti_ideal / (to_ideal + to_anti_ideal)
    return ratio


def topsis_batch(
    problem: Problem,
    samples: npt.NDArray[np.float64],
    normalization: str = "vector",
    distance: str = "euclidean",
) -> npt.NDArray[np.float64]:
    """TOPSIS closeness of every alternative under each of many weight vectors.

    Parameters
    ----------
    problem : Problem
        The decision problem (its own weights are ignored).
    samples : numpy.ndarray
        Weight vectors, samples x criteria [-].
    normalization : str
        A key of :data:`mcda.normalization.NORMALIZATIONS`; ``"vector"`` is the textbook
        choice [1]_ (pymcdm's own default, min-max, does not reproduce textbook values).
    distance : str
        ``"euclidean"`` (textbook), ``"manhattan"`` or ``"chebyshev"``.

    Returns
    -------
    numpy.ndarray
        Samples x alternatives closeness in [0, 1].
    """
    return closeness(normalize(problem, normalization), samples, distance)


def topsis(
    problem: Problem, normalization: str = "vector", distance: str = "euclidean"
) -> pd.DataFrame:
    """TOPSIS relative closeness of each alternative to the ideal solution.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    normalization : str
        See :func:`topsis_batch`.
    distance : str
        See :func:`topsis_batch`.

    Returns
    -------
    pandas.DataFrame
        Column ``score``: closeness in [0, 1], higher is better.
    """
    scores = topsis_batch(problem, problem.weight_vector[np.newaxis], normalization, distance)
    return pd.DataFrame({"score": scores[0]}, index=problem.matrix.index)
