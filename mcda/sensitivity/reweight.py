"""Move one criterion's weight and rescale the others proportionally."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from mcda.errors import MatrixError


def reweighted(
    weights: npt.NDArray[np.float64], criterion: int, values: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Weight vectors with criterion `criterion` set to each of `values`.

    The other weights keep their proportions: w_k' = w_k (1 - t) / (1 - w_j), so every
    vector still sums to 1.

    Parameters
    ----------
    weights : numpy.ndarray
        Base weights [-], summing to 1.
    criterion : int
        Position j of the criterion whose weight moves.
    values : numpy.ndarray
        New weights t of that criterion [-], each in [0, 1].

    Returns
    -------
    numpy.ndarray
        ``len(values)`` x criteria.

    Raises
    ------
    MatrixError
        If the criterion holds all the weight (nothing to rescale) or a value is outside
        [0, 1].
    """
    rest = 1.0 - weights[criterion]
    if rest <= 0:
        raise MatrixError("one criterion holds all the weight; the others cannot be rescaled")
    if np.any((values < 0) | (values > 1)):
        raise MatrixError("swept weights must lie in [0, 1]")
    result = np.outer(1.0 - values, weights / rest)
    result[:, criterion] = values
    return result
