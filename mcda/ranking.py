"""Rank alternatives with a named MCDA method; one registry for every method.

Ties share the best rank they cover (``method="min"``): two alternatives with equal scores
both rank 3 and the next one ranks 5.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from pymcdm import normalizations
from pymcdm.methods import TOPSIS

from mcda.decision import as_directions, check_scores
from mcda.errors import MatrixError

#: Tolerance on the sum of weights [-].
WEIGHT_SUM_TOLERANCE = 1e-6

NORMALIZATIONS: dict[str, Callable[..., Any]] = {
    "vector": normalizations.vector_normalization,
    "minmax": normalizations.minmax_normalization,
    "max": normalizations.max_normalization,
    "sum": normalizations.sum_normalization,
}

Scorer = Callable[..., npt.NDArray[np.float64]]


def check_weights(weights: pd.Series, criteria: pd.Index) -> npt.NDArray[np.float64]:
    """Validate weights against the criteria of a decision matrix.

    Parameters
    ----------
    weights : pandas.Series
        Weight per criterion [-]: non-negative, summing to 1.
    criteria : pandas.Index
        Criteria labels of the matrix.

    Returns
    -------
    numpy.ndarray
        Weights in the order of `criteria`.

    Raises
    ------
    MatrixError
        If a criterion has no weight, a weight is negative or not finite, or they do not
        sum to 1 within 1e-6.
    """
    missing = [c for c in criteria if c not in weights.index]
    if missing:
        raise MatrixError(f"no weight given for criteria {missing}")
    extra = [c for c in weights.index if c not in criteria]
    if extra:
        raise MatrixError(f"weights name criteria {extra} that the matrix does not have")
    values = weights.loc[criteria].to_numpy(dtype=float)
    if not np.all(np.isfinite(values)) or np.any(values < 0):
        k = int(np.argmax(~np.isfinite(values) | (values < 0)))
        raise MatrixError(f"weight of {criteria[k]!r} is {float(values[k])}; weights must be >= 0")
    if abs(values.sum() - 1.0) > WEIGHT_SUM_TOLERANCE:
        raise MatrixError(f"weights sum to {values.sum():.6g}, not 1")
    return values


def topsis_scores(
    values: npt.NDArray[np.float64],
    weights: npt.NDArray[np.float64],
    types: npt.NDArray[np.int_],
    normalization: str = "vector",
) -> npt.NDArray[np.float64]:
    """TOPSIS relative closeness through pymcdm with an explicit normalisation.

    Parameters
    ----------
    values : numpy.ndarray
        Alternatives x criteria.
    weights : numpy.ndarray
        Weight per criterion [-].
    types : numpy.ndarray
        1 for benefit, -1 for cost criteria.
    normalization : str
        Key of :data:`NORMALIZATIONS`; ``"vector"`` is Hwang & Yoon's (1981) textbook
        choice. pymcdm's own default is min-max, which does not reproduce textbook values.

    Returns
    -------
    numpy.ndarray
        Closeness coefficient per alternative in [0, 1]; higher is better.
    """
    if normalization not in NORMALIZATIONS:
        raise MatrixError(
            f"unknown normalization {normalization!r}; use one of {sorted(NORMALIZATIONS)}"
        )
    method = TOPSIS(normalization_function=NORMALIZATIONS[normalization])
    with warnings.catch_warnings():
        # pymcdm warns about dominated alternatives; a dominated cluster is a valid input here.
        warnings.filterwarnings("ignore", message="Alternatives with indices", category=UserWarning)
        return np.asarray(method(values, weights, types), dtype=float)


METHODS: dict[str, Scorer] = {"topsis": topsis_scores}


def methods() -> list[str]:
    """Names of the registered ranking methods."""
    return sorted(METHODS)


def rank(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    method: str = "topsis",
    **options: Any,
) -> pd.DataFrame:
    """Score and rank alternatives with a registered method.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria.
    weights : pandas.Series
        Weight per criterion [-], summing to 1.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    method : str
        A name from :func:`methods`.
    **options
        Passed to the method (e.g. ``normalization="vector"`` for TOPSIS).

    Returns
    -------
    pandas.DataFrame
        Indexed by alternative, columns ``score`` (higher is better) and ``rank``
        (1 = best, ties share the best rank), sorted by rank. ``attrs`` records the method
        and options.

    Raises
    ------
    MatrixError
        On an unknown method, NaN or constant columns, or bad weights or directions.
    """
    if method not in METHODS:
        raise MatrixError(f"unknown ranking method {method!r}; available: {methods()}")
    values = matrix.astype(float)
    check_scores(values)
    aligned = as_directions(directions, values.columns)
    w = check_weights(weights, values.columns)
    types = np.where(aligned.to_numpy() == "benefit", 1, -1)
    scores = METHODS[method](values.to_numpy(), w, types, **options)
    result = pd.DataFrame({"score": scores}, index=values.index)
    result["rank"] = result["score"].rank(ascending=False, method="min").astype(int)
    result = result.sort_values(["rank"], kind="stable")
    result.attrs = {"method": method, "options": dict(options)}
    return result
