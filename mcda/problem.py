"""A validated decision problem: the one input every ranking method receives."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.decision import as_directions, check_scores
from mcda.errors import MatrixError

#: Tolerance on the sum of weights [-].
WEIGHT_SUM_TOLERANCE = 1e-6


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


@dataclass(frozen=True)
class Problem:
    """Scores, weights and directions checked against each other.

    Attributes
    ----------
    matrix : pandas.DataFrame
        Alternatives (index) x criteria (columns), finite floats, no constant column.
    weights : pandas.Series
        Weight per criterion [-] in column order, non-negative, summing to 1.
    directions : pandas.Series
        ``"benefit"`` or ``"cost"`` per criterion in column order.
    """

    matrix: pd.DataFrame
    weights: pd.Series
    directions: pd.Series

    @property
    def values(self) -> npt.NDArray[np.float64]:
        """Scores as an alternatives x criteria array."""
        return self.matrix.to_numpy(dtype=float)

    @property
    def weight_vector(self) -> npt.NDArray[np.float64]:
        """Weights as an array in column order [-]."""
        return self.weights.to_numpy(dtype=float)

    @property
    def types(self) -> npt.NDArray[np.int_]:
        """Criterion types as pymcdm wants them: 1 for benefit, -1 for cost."""
        return np.where(self.directions.to_numpy() == "benefit", 1, -1)

    def with_weights(self, weights: npt.NDArray[np.float64]) -> Problem:
        """The same problem under other weights (already known to be valid).

        Parameters
        ----------
        weights : numpy.ndarray
            Weight per criterion [-] in column order.

        Returns
        -------
        Problem
        """
        return Problem(self.matrix, pd.Series(weights, index=self.weights.index), self.directions)


def build_problem(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
) -> Problem:
    """Validate a decision problem once, for any method.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores, each column in its criterion's unit.
    weights : pandas.Series
        Weight per criterion [-], non-negative, summing to 1.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.

    Returns
    -------
    Problem

    Raises
    ------
    MatrixError
        On fewer than two alternatives, duplicated labels, NaN or constant columns, or bad
        weights or directions.
    """
    values = matrix.astype(float)
    if len(values) < 2:
        raise MatrixError("ranking needs at least two alternatives")
    for axis, labels in (("alternative", values.index), ("criterion", values.columns)):
        if labels.has_duplicates:
            raise MatrixError(f"{axis} {labels[labels.duplicated()][0]!r} appears twice")
    check_scores(values)
    aligned = as_directions(directions, values.columns)
    checked = pd.Series(check_weights(weights, values.columns), index=values.columns, name="weight")
    return Problem(values, checked, aligned)
