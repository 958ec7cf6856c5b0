"""Priorities (weights) of one pairwise-comparison matrix, with its consistency.

References
----------
.. [1] Saaty, T. L. (1977). A scaling method for priorities in hierarchical structures.
   *Journal of Mathematical Psychology* 15(3), 234-281.
.. [2] Crawford, G., & Williams, C. (1985). A note on the analysis of subjective judgment
   matrices. *Journal of Mathematical Psychology* 29(4), 387-405.
.. [3] Bozóki, S., Fülöp, J., & Rónyai, L. (2010). On optimal completion of incomplete pairwise
   comparison matrices. *Mathematical and Computer Modelling* 52(1-2), 318-333.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.ahp.consistency import Consistency, consistency_of
from mcda.ahp.incomplete import Completion, CompletionMethod, complete
from mcda.ahp.pairwise import Reciprocity, pairwise_matrix, perron
from mcda.errors import JudgmentError

Method = Literal["eigenvector", "geometric_mean"]

#: Each weighting method completes a matrix with the completion optimal for it [3]_: the
#: eigenvector with the lambda_max-optimal one, the geometric mean (the LLSM solution) with
#: the logarithmic least squares one.
COMPLETION_FOR: dict[str, CompletionMethod] = {
    "eigenvector": "lambda_max",
    "geometric_mean": "llsm",
}


@dataclass(frozen=True)
class AHPResult:
    """Priorities of one pairwise-comparison matrix and its consistency.

    Attributes
    ----------
    weights : pandas.Series
        Priority vector indexed by item label [-], sums to 1.
    method : str
        How the weights were derived (``"eigenvector"`` or ``"geometric_mean"``).
    consistency : Consistency
        lambda_max, CI, CR, the random-index table and the threshold.
    completion : Completion or None
        What was filled in when the matrix had missing judgments; None when it had none.
    """

    weights: pd.Series
    method: str
    consistency: Consistency
    completion: Completion | None = None

    @property
    def n(self) -> int:
        """Number of compared items [-]."""
        return len(self.weights)

    @property
    def lambda_max(self) -> float:
        """Principal eigenvalue of the (completed) matrix [-]."""
        return self.consistency.lambda_max

    @property
    def ci(self) -> float:
        """Consistency index (lambda_max - n) / (n - 1) [-]."""
        return self.consistency.ci

    @property
    def cr(self) -> float:
        """Consistency ratio CI / RI(n) [-]."""
        return self.consistency.cr

    @property
    def ri(self) -> float:
        """Random index used [-]."""
        return self.consistency.ri

    @property
    def ri_table(self) -> str:
        """Name of the random-index table the CR was computed against."""
        return self.consistency.ri_table

    @property
    def threshold(self) -> float:
        """Largest acceptable CR [-]."""
        return self.consistency.threshold

    @property
    def acceptable(self) -> bool:
        """Whether CR does not exceed the threshold."""
        return self.consistency.acceptable

    @property
    def completed(self) -> bool:
        """Whether missing judgments were filled in before deriving the weights."""
        return self.completion is not None


def priorities(
    matrix: pd.DataFrame | npt.ArrayLike,
    method: Method = "eigenvector",
    ri: str = "saaty",
    *,
    reciprocal: Reciprocity = "full",
    threshold: float | None = None,
) -> AHPResult:
    """Priorities and consistency of a pairwise-comparison matrix.

    Parameters
    ----------
    matrix : pandas.DataFrame or array_like
        Square, positive, reciprocal matrix; a_ij says how much more item i matters than j.
        NaN marks a missing judgment: the matrix is completed first (the result says so).
    method : {"eigenvector", "geometric_mean"}
        Saaty's principal eigenvector (Saaty 1980) or the row geometric mean
        (Crawford & Williams 1985).
    ri : {"saaty", "saaty2005", "alonso_lamata", "tummala_ling", "donegan_dodd"}
        Random-index table for the CR (see :data:`mcda.ahp.consistency.RI_TABLES`).
    reciprocal : {"full", "upper"}
        Check the whole matrix, or read only its upper triangle.
    threshold : float, optional
        Largest acceptable CR [-]; Saaty's rule (0.05, 0.08, 0.1) when omitted.

    Returns
    -------
    AHPResult
        Weights, consistency and the completion (if any).

    Raises
    ------
    JudgmentError
        If the matrix is not square, not positive or not reciprocal (naming the cells), its
        missing judgments leave items unconnected, or the method or table is unknown.

    Notes
    -----
    lambda_max is the principal eigenvalue whatever the method, so CI and CR do not depend on
    how the weights were derived. CI = (lambda_max - n)/(n - 1), CR = CI / RI(n).
    """
    if method not in COMPLETION_FOR:
        raise JudgmentError(
            f"unknown AHP method {method!r} (use 'eigenvector' or 'geometric_mean')"
        )
    frame = pairwise_matrix(matrix, reciprocal=reciprocal, allow_missing=True)
    completion = complete(frame, COMPLETION_FOR[method])
    values = completion.matrix.to_numpy()
    vector, lambda_max = perron(values)
    if method == "geometric_mean":
        geometric = np.exp(np.log(values).mean(axis=1))
        vector = geometric / geometric.sum()
    weights = pd.Series(vector, index=frame.index, name="weight")
    return AHPResult(
        weights,
        method,
        consistency_of(lambda_max, len(frame), ri, threshold),
        completion if completion.count else None,
    )
