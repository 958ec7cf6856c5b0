"""Which judgments make a pairwise-comparison matrix inconsistent, and what to revise them to.

Method: single-judgment revision on the scale, evaluated exactly. For every judgment a_ij
(i < j) and every one of the 17 values s of Saaty's scale, set a_ij = s and a_ji = 1/s, keep all
other judgments, and recompute lambda_max; the judgment's suggestion is the s with the lowest
lambda_max (ties go to the value nearest the current one). Judgments are ranked by the CR their
best revision leaves, lowest first: the first row is the one change that helps most. Harker
[1]_ ranks judgments by the derivative of lambda_max instead, which is exact only for small
changes; Saaty [2]_ points at the largest ratio e_ij = a_ij w_j / w_i, reported here as
``deviation`` next to the weights' own ratio w_i / w_j.

References
----------
.. [1] Harker, P. T. (1987). Derivatives of the Perron root of a positive reciprocal matrix:
   with application to the analytic hierarchy process. *Applied Mathematics and Computation*
   22(2-3), 217-232.
.. [2] Saaty, T. L. (2003). Decision-making with the AHP: why is the principal eigenvector
   necessary. *European Journal of Operational Research* 145(1), 85-91.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.ahp.consistency import Consistency, consistency_of
from mcda.ahp.pairwise import Reciprocity, pairwise_matrix, perron, perron_roots
from mcda.ahp.scale import SAATY_SCALE

METHOD = "single-judgment revision on Saaty's scale, each candidate re-evaluated exactly"

COLUMNS = [
    "row",
    "col",
    "judgment",
    "consistent_value",
    "deviation",
    "suggested",
    "lambda_max_after",
    "cr_after",
]


@dataclass(frozen=True)
class Diagnosis:
    """The judgments of a matrix ranked by how much revising each one would help.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per judgment a_ij (i < j), best revision first. Columns: ``row``, ``col``
        (item labels), ``judgment`` (a_ij as given) [-], ``consistent_value`` (w_i / w_j, the
        ratio the weights imply) [-], ``deviation`` (max(e, 1/e) with e = a_ij w_j / w_i;
        1 when the judgment agrees with the weights) [-], ``suggested`` (the scale value that
        minimises lambda_max) [-], ``lambda_max_after`` and ``cr_after`` (with that value) [-].
    consistency : Consistency
        The matrix as given.
    method : str
        How suggestions were found.
    """

    table: pd.DataFrame
    consistency: Consistency
    method: str = METHOD

    def top(self, count: int = 3) -> pd.DataFrame:
        """The `count` judgments whose revision lowers CR most (only those that lower it)."""
        helpful = self.table[self.table["cr_after"] < self.consistency.cr]
        return helpful.head(count)


def diagnose(
    matrix: pd.DataFrame | npt.ArrayLike,
    ri: str = "saaty",
    *,
    reciprocal: Reciprocity = "full",
    threshold: float | None = None,
) -> Diagnosis:
    """Rank the judgments of a complete matrix by the CR their best revision would give.

    Parameters
    ----------
    matrix : pandas.DataFrame or array_like
        Square, positive, reciprocal matrix without missing judgments.
    ri : str
        Random-index table for the CR (see :data:`mcda.ahp.consistency.RI_TABLES`).
    reciprocal : {"full", "upper"}
        Check the whole matrix, or read only its upper triangle.
    threshold : float, optional
        Largest acceptable CR [-]; Saaty's rule when omitted.

    Returns
    -------
    Diagnosis

    Raises
    ------
    JudgmentError
        On a malformed matrix or a missing judgment (complete the matrix first).

    Notes
    -----
    Costs 17 eigenvalue computations per judgment, n (n - 1) / 2 judgments.
    """
    frame = pairwise_matrix(matrix, reciprocal=reciprocal)
    values = frame.to_numpy()
    n = len(frame)
    weights, lambda_max = perron(values)
    scale = np.asarray(SAATY_SCALE)
    rows = []
    upper_rows, upper_cols = np.triu_indices(n, k=1)
    for i, j in zip(upper_rows.tolist(), upper_cols.tolist(), strict=True):
        candidates = np.repeat(values[np.newaxis], len(scale), axis=0)
        candidates[:, i, j] = scale
        candidates[:, j, i] = 1.0 / scale
        roots = perron_roots(candidates)
        # Lowest lambda_max first; among equal ones (to round-off) the smallest revision.
        best = int(np.lexsort((np.abs(np.log(scale / values[i, j])), np.round(roots, 10)))[0])
        ratio = values[i, j] * weights[j] / weights[i]
        rows.append(
            {
                "row": frame.index[i],
                "col": frame.columns[j],
                "judgment": values[i, j],
                "consistent_value": weights[i] / weights[j],
                "deviation": max(ratio, 1.0 / ratio),
                "suggested": scale[best],
                "lambda_max_after": roots[best],
                "cr_after": consistency_of(roots[best], n, ri, threshold).cr,
            }
        )
    table = pd.DataFrame(rows, columns=COLUMNS)
    table = table.sort_values(["cr_after", "deviation"], ascending=[True, False], kind="stable")
    return Diagnosis(table.reset_index(drop=True), consistency_of(lambda_max, n, ri, threshold))
