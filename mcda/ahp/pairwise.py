"""Pairwise-comparison matrices: validation, reading only the upper triangle, the Perron root.

A pairwise-comparison matrix A is square, positive and reciprocal (a_ji = 1 / a_ij, a_ii = 1);
a_ij says how many times more item i matters than item j. A missing judgment is NaN, in both
a_ij and a_ji.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.ahp.scale import check_on_scale
from mcda.errors import JudgmentError

#: Relative tolerance for a_ji * a_ij = 1 (judgments read from files as 1/3 = 0.333... pass).
RECIPROCAL_TOLERANCE = 1e-3

#: ``"full"`` checks that the lower triangle mirrors the upper one; ``"upper"`` reads only the
#: upper triangle and builds the lower one from it.
Reciprocity = Literal["full", "upper"]

FloatArray = npt.NDArray[np.float64]


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
    duplicated = frame.index[frame.index.duplicated()]
    if len(duplicated):
        raise JudgmentError(f"item {duplicated[0]!r} appears twice in the matrix")
    try:
        return frame.astype(float)
    except (TypeError, ValueError) as exc:
        raise JudgmentError(f"pairwise matrix holds a non-numeric value: {exc}") from None


def pairwise_matrix(
    matrix: pd.DataFrame | npt.ArrayLike,
    *,
    reciprocal: Reciprocity = "full",
    allow_missing: bool = False,
    strict_scale: bool = False,
    tolerance: float = RECIPROCAL_TOLERANCE,
) -> pd.DataFrame:
    """Validate a pairwise-comparison matrix and return it labelled, reciprocal and float.

    Parameters
    ----------
    matrix : pandas.DataFrame or array_like
        Square matrix of judgments; NaN marks a missing judgment.
    reciprocal : {"full", "upper"}
        ``"full"``: every cell is read and a_ij * a_ji must be 1 within `tolerance`.
        ``"upper"``: only the upper triangle is read; the diagonal becomes 1 and the lower
        triangle the reciprocals.
    allow_missing : bool
        Accept NaN judgments (off the diagonal, in both a_ij and a_ji).
    strict_scale : bool
        Refuse judgments off Saaty's 1/9..9 scale.
    tolerance : float
        Largest accepted relative deviation of a_ij * a_ji from 1 [-].

    Returns
    -------
    pandas.DataFrame
        A new validated matrix.

    Raises
    ------
    JudgmentError
        Naming the first offending cell by its row and column labels.
    """
    frame = as_labelled_matrix(matrix)
    if reciprocal == "upper":
        upper = np.triu(np.ones(frame.shape, dtype=bool), k=1)
        check_cells(frame, upper, allow_missing, strict_scale)
        return reciprocal_from_upper(frame)
    if reciprocal != "full":
        raise JudgmentError(f"unknown reciprocal mode {reciprocal!r} (use 'full' or 'upper')")
    off_diagonal = ~np.eye(len(frame), dtype=bool)
    check_cells(frame, off_diagonal, allow_missing, strict_scale)
    check_diagonal(frame)
    check_reciprocal(frame, tolerance)
    return frame


def check_cells(
    frame: pd.DataFrame, cells: npt.NDArray[np.bool_], allow_missing: bool, strict_scale: bool
) -> None:
    """Refuse a non-positive, infinite, missing (unless allowed) or off-scale judgment.

    Raises
    ------
    JudgmentError
        Naming the first offending cell in row-major order.
    """
    values = frame.to_numpy()
    labels = list(frame.index)
    missing = np.isnan(values)
    bad = cells & ~missing & ~((values > 0) & np.isfinite(values))
    if not allow_missing:
        bad |= cells & missing
    if bad.any():
        i, j = np.argwhere(bad)[0]
        if missing[i, j]:
            raise JudgmentError(
                f"judgment ({labels[i]}, {labels[j]}) is missing; this step needs every "
                "judgment (complete() fills gaps)"
            )
        raise JudgmentError(
            f"judgment ({labels[i]}, {labels[j]}) = {float(values[i, j])} must be a positive number"
        )
    if strict_scale:
        for i, j in np.argwhere(cells & ~missing):
            try:
                check_on_scale(float(values[i, j]))
            except JudgmentError as exc:
                raise JudgmentError(f"judgment ({labels[i]}, {labels[j]}): {exc}") from None


def check_diagonal(frame: pd.DataFrame) -> None:
    """Refuse a diagonal entry other than 1 (items compared with themselves are equal).

    Raises
    ------
    JudgmentError
        Naming the first offending diagonal cell.
    """
    diagonal = np.diag(frame.to_numpy())
    bad = np.argwhere(~(np.abs(diagonal - 1.0) <= RECIPROCAL_TOLERANCE))
    if bad.size:
        label = frame.index[bad[0][0]]
        raise JudgmentError(f"diagonal judgment ({label}, {label}) must be 1")


def check_reciprocal(frame: pd.DataFrame, tolerance: float = RECIPROCAL_TOLERANCE) -> None:
    """Refuse a_ij * a_ji != 1 and a judgment missing in one direction only.

    Parameters
    ----------
    frame : pandas.DataFrame
        Square labelled matrix with positive or NaN off-diagonal entries.
    tolerance : float
        Largest accepted relative deviation of a_ij * a_ji from 1 [-].

    Raises
    ------
    JudgmentError
        Naming the first offending pair, with a hint to read only the upper triangle.
    """
    values = frame.to_numpy()
    labels = list(frame.index)
    missing = np.isnan(values)
    one_sided = np.argwhere(np.triu(missing != missing.T, k=1))
    if one_sided.size:
        i, j = one_sided[0]
        given, absent = ((i, j), (j, i)) if missing[j, i] else ((j, i), (i, j))
        raise JudgmentError(
            f"judgment ({labels[absent[0]]}, {labels[absent[1]]}) is missing but "
            f"({labels[given[0]]}, {labels[given[1]]}) = {values[given]:g} is given; "
            "give both or neither (or read only the upper triangle)"
        )
    product = np.where(missing, 1.0, values * values.T)
    bad = np.argwhere(np.triu(np.abs(product - 1.0) > tolerance, k=1))
    if bad.size:
        i, j = bad[0]
        raise JudgmentError(
            f"judgments ({labels[i]}, {labels[j]}) = {values[i, j]:g} and "
            f"({labels[j]}, {labels[i]}) = {values[j, i]:g} are not reciprocal "
            "(read only the upper triangle to ignore the lower one)"
        )


def reciprocal_from_upper(frame: pd.DataFrame) -> pd.DataFrame:
    """A new matrix from the upper triangle of `frame`: unit diagonal, reciprocal lower half.

    The upper triangle must already be checked positive (or NaN).
    """
    upper = np.triu(frame.to_numpy(), k=1)
    values = np.eye(len(frame)) + upper
    rows, cols = np.triu_indices(len(frame), k=1)
    values[cols, rows] = 1.0 / upper[rows, cols]
    return pd.DataFrame(values, index=frame.index, columns=frame.columns)


def missing_pairs(frame: pd.DataFrame) -> list[tuple[int, int]]:
    """Positions (i, j), i < j, of the missing judgments of a validated matrix."""
    return [(int(i), int(j)) for i, j in np.argwhere(np.triu(np.isnan(frame.to_numpy()), k=1))]


def perron(values: FloatArray) -> tuple[FloatArray, float]:
    """Principal (Perron) right eigenvector, normalised to sum 1, and its eigenvalue.

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


def perron_roots(stack: FloatArray) -> FloatArray:
    """lambda_max of each positive matrix in a stack of shape (..., n, n) [-].

    For a positive matrix the Perron root is real and exceeds the real part of every other
    eigenvalue, so it is the largest real part.
    """
    return np.asarray(np.linalg.eigvals(stack).real.max(axis=-1), dtype=float)
