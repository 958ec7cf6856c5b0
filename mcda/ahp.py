"""Analytic Hierarchy Process: priorities and consistency of a pairwise-comparison matrix.

References
----------
.. [1] Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York.
.. [2] Saaty, T. L. (1977). A scaling method for priorities in hierarchical structures.
   *Journal of Mathematical Psychology* 15(3), 234-281.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import JudgmentError

#: Saaty's (1980) random consistency index RI(n) for n = 1..15 (ref. [1], table 1.7).
SAATY_RI: dict[int, float] = {
    1: 0.0,
    2: 0.0,
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
    11: 1.51,
    12: 1.48,
    13: 1.56,
    14: 1.57,
    15: 1.59,
}

#: Relative tolerance for a_ji * a_ij = 1 (judgments read from files as 1/3 = 0.333... pass).
RECIPROCAL_TOLERANCE = 1e-3

Method = Literal["eigenvector", "geometric_mean"]


@dataclass(frozen=True)
class AHPResult:
    """Priorities of one pairwise-comparison matrix and its consistency.

    Attributes
    ----------
    weights : pandas.Series
        Priority vector indexed by item label [-], sums to 1.
    lambda_max : float
        Principal eigenvalue of the matrix [-]; equals n for a consistent matrix.
    ci : float
        Consistency index (lambda_max - n) / (n - 1) [-].
    cr : float
        Consistency ratio CI / RI(n) [-]; 0 for n <= 2.
    ri : float
        Random index used [-].
    ri_table : str
        Name of the random-index table the CR was computed against.
    method : str
        How the weights were derived (``"eigenvector"`` or ``"geometric_mean"``).
    """

    weights: pd.Series
    lambda_max: float
    ci: float
    cr: float
    ri: float
    ri_table: str
    method: str

    @property
    def n(self) -> int:
        """Number of compared items [-]."""
        return len(self.weights)

    @property
    def acceptable(self) -> bool:
        """Whether CR is below Saaty's 0.1 threshold."""
        return self.cr < 0.1


def as_labelled_matrix(matrix: pd.DataFrame | npt.ArrayLike) -> pd.DataFrame:
    """Return `matrix` as a float DataFrame with identical row and column labels.

    Parameters
    ----------
    matrix : pandas.DataFrame or array_like
        Square pairwise-comparison matrix; an array gets labels ``0..n-1``.

    Returns
    -------
    pandas.DataFrame
        A new float matrix.

    Raises
    ------
    JudgmentError
        If the matrix is not square, its labels differ between rows and columns, or a value
        is not numeric.
    """
    frame = matrix.copy() if isinstance(matrix, pd.DataFrame) else pd.DataFrame(np.asarray(matrix))
    if frame.ndim != 2 or frame.shape[0] != frame.shape[1] or frame.shape[0] == 0:
        raise JudgmentError(
            f"pairwise matrix must be square and non-empty, got shape {frame.shape}"
        )
    if list(frame.index) != list(frame.columns):
        raise JudgmentError(
            f"row labels {list(frame.index)} differ from column labels {list(frame.columns)}"
        )
    try:
        return frame.astype(float)
    except (TypeError, ValueError) as exc:
        raise JudgmentError(f"pairwise matrix holds a non-numeric value: {exc}") from None


def check_reciprocal(matrix: pd.DataFrame, tolerance: float = RECIPROCAL_TOLERANCE) -> None:
    """Refuse a matrix that is not positive, has a diagonal other than 1, or is not reciprocal.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Square labelled float matrix.
    tolerance : float
        Largest accepted relative deviation of a_ij * a_ji from 1 [-].

    Raises
    ------
    JudgmentError
        Naming the first offending cell(s) by their labels.
    """
    values = matrix.to_numpy()
    labels = list(matrix.index)
    bad = np.argwhere(~np.isfinite(values) | (values <= 0))
    if bad.size:
        i, j = bad[0]
        raise JudgmentError(
            f"judgment ({labels[i]}, {labels[j]}) = {float(values[i, j])} must be a positive number"
        )
    off_diagonal = np.argwhere(np.abs(np.diag(values) - 1.0) > tolerance)
    if off_diagonal.size:
        i = off_diagonal[0][0]
        raise JudgmentError(f"diagonal judgment ({labels[i]}, {labels[i]}) must be 1")
    product = values * values.T
    bad = np.argwhere(np.triu(np.abs(product - 1.0) > tolerance, k=1))
    if bad.size:
        i, j = bad[0]
        raise JudgmentError(
            f"judgments ({labels[i]}, {labels[j]}) = {values[i, j]:g} and "
            f"({labels[j]}, {labels[i]}) = {values[j, i]:g} are not reciprocal"
        )


def random_index(n: int) -> float:
    """Saaty's random consistency index for an n x n matrix.

    Parameters
    ----------
    n : int
        Matrix order [-].

    Returns
    -------
    float
        RI(n) [-].

    Raises
    ------
    JudgmentError
        If Saaty's table does not cover n.
    """
    if n not in SAATY_RI:
        raise JudgmentError(f"Saaty's random-index table covers n = 1..15, not n = {n}")
    return SAATY_RI[n]


def principal_eigenvector(values: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64], float]:
    """Principal (Perron) eigenvector, normalised to sum 1, and its eigenvalue.

    Parameters
    ----------
    values : numpy.ndarray
        Positive square matrix.

    Returns
    -------
    tuple of numpy.ndarray and float
        The eigenvector [-] and lambda_max [-].
    """
    eigenvalues, eigenvectors = np.linalg.eig(values)
    k = int(np.argmax(eigenvalues.real))
    vector = np.abs(eigenvectors[:, k].real)
    return vector / vector.sum(), float(eigenvalues[k].real)


def priorities(matrix: pd.DataFrame | npt.ArrayLike, method: Method = "eigenvector") -> AHPResult:
    """Priorities and consistency of a reciprocal pairwise-comparison matrix.

    Parameters
    ----------
    matrix : pandas.DataFrame or array_like
        Square, positive, reciprocal matrix; a_ij says how much more item i matters than j.
    method : {"eigenvector", "geometric_mean"}
        Saaty's principal eigenvector [1]_ or the row geometric mean (Crawford & Williams 1985).

    Returns
    -------
    AHPResult
        Weights, lambda_max, CI and the CR against Saaty's random index.

    Raises
    ------
    JudgmentError
        If the matrix is not square, not positive or not reciprocal (naming the cells), or
        the method is unknown.

    Notes
    -----
    lambda_max is the principal eigenvalue whatever the method, so CI and CR do not depend on
    how the weights were derived. CI = (lambda_max - n)/(n - 1), CR = CI / RI(n).
    """
    frame = as_labelled_matrix(matrix)
    check_reciprocal(frame)
    values = frame.to_numpy()
    n = len(frame)
    vector, lambda_max = principal_eigenvector(values)
    if method == "geometric_mean":
        geometric = np.exp(np.log(values).mean(axis=1))
        vector = geometric / geometric.sum()
    elif method != "eigenvector":
        raise JudgmentError(
            f"unknown AHP method {method!r} (use 'eigenvector' or 'geometric_mean')"
        )
    ci = max(lambda_max - n, 0.0) / (n - 1) if n > 2 else 0.0
    ri = random_index(n)
    cr = ci / ri if ri > 0 else 0.0
    weights = pd.Series(vector, index=frame.index, name="weight")
    return AHPResult(weights, lambda_max, ci, cr, ri, "saaty1980", method)


def matrix_from_upper(items: list[str], judgments: dict[tuple[str, str], float]) -> pd.DataFrame:
    """Build a full reciprocal matrix from upper-triangle judgments.

    Parameters
    ----------
    items : list of str
        Item labels in matrix order.
    judgments : dict
        ``(row, col) -> value`` for each pair, in either orientation, exactly once.

    Returns
    -------
    pandas.DataFrame
        The full matrix with a_ji = 1 / a_ij and a unit diagonal.

    Raises
    ------
    JudgmentError
        If a pair is missing, given twice, or names an unknown item.
    """
    position = {item: k for k, item in enumerate(items)}
    values = np.ones((len(items), len(items)))
    seen: set[frozenset[str]] = set()
    for (row, col), value in judgments.items():
        for label in (row, col):
            if label not in position:
                raise JudgmentError(f"judgment ({row}, {col}) names unknown item {label!r}")
        if row == col:
            raise JudgmentError(f"judgment ({row}, {col}) compares an item with itself")
        pair = frozenset((row, col))
        if pair in seen:
            raise JudgmentError(f"judgment ({row}, {col}) is given twice")
        seen.add(pair)
        values[position[row], position[col]] = value
        values[position[col], position[row]] = 1.0 / value
    missing = [
        (a, b) for k, a in enumerate(items) for b in items[k + 1 :] if frozenset((a, b)) not in seen
    ]
    if missing:
        raise JudgmentError(f"judgment ({missing[0][0]}, {missing[0][1]}) is missing")
    return pd.DataFrame(values, index=items, columns=items)
