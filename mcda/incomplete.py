"""Complete a pairwise-comparison matrix with missing judgments.

Two optimal completions, each unique exactly when the comparison graph (items as vertices,
given judgments as edges) is connected [1]_:

- ``"lambda_max"``: the missing a_ij minimise the Perron root lambda_max, i.e. the completed
  matrix is as consistent as possible. With x = log of the missing entries, lambda_max is a
  convex function of x [1]_, so a quasi-Newton search from any start finds the optimum; the
  gradient is Harker's derivative of the Perron root [2]_.
- ``"llsm"``: logarithmic least squares over the given judgments, min sum (log a_ij - y_i +
  y_j)^2, and a_ij = exp(y_i - y_j) for the missing ones [1]_. Its row geometric means are the
  LLSM weights of the incomplete matrix.

References
----------
.. [1] Bozóki, S., Fülöp, J., & Rónyai, L. (2010). On optimal completion of incomplete pairwise
   comparison matrices. *Mathematical and Computer Modelling* 52(1-2), 318-333.
.. [2] Harker, P. T. (1987). Derivatives of the Perron root of a positive reciprocal matrix:
   with application to the analytic hierarchy process. *Applied Mathematics and Computation*
   22(2-3), 217-232.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import JudgmentError
from mcda.pairwise import FloatArray, Reciprocity, missing_pairs, pairwise_matrix

CompletionMethod = Literal["lambda_max", "llsm"]

#: Gradient norm at which the lambda_max search stops [-]; lambda_max is then optimal to
#: about the square of this.
GRADIENT_TOLERANCE = 1e-10


@dataclass(frozen=True)
class Completion:
    """A completed pairwise-comparison matrix and what was filled in.

    Attributes
    ----------
    matrix : pandas.DataFrame
        The full reciprocal matrix.
    filled : pandas.Series
        Filled value a_ij [-] per missing pair (i, j) of the upper triangle, indexed by
        ``(row, col)`` labels; empty when nothing was missing.
    method : str
        ``"lambda_max"`` or ``"llsm"``.
    """

    matrix: pd.DataFrame
    filled: pd.Series
    method: str

    @property
    def count(self) -> int:
        """Number of judgments filled in [-]."""
        return len(self.filled)


def complete(
    matrix: pd.DataFrame | npt.ArrayLike,
    method: CompletionMethod = "lambda_max",
    *,
    reciprocal: Reciprocity = "full",
) -> Completion:
    """Fill the missing judgments (NaN) of a pairwise-comparison matrix optimally.

    Parameters
    ----------
    matrix : pandas.DataFrame or array_like
        Square, positive, reciprocal matrix; NaN marks a missing judgment (both a_ij and a_ji).
    method : {"lambda_max", "llsm"}
        Bozóki, Fülöp & Rónyai's (2010) lambda_max-optimal completion, or the logarithmic
        least squares completion.
    reciprocal : {"full", "upper"}
        Check the whole matrix, or read only its upper triangle.

    Returns
    -------
    Completion
        A complete matrix (the input itself when nothing is missing).

    Raises
    ------
    JudgmentError
        On a malformed matrix, an unknown method, or a comparison graph that is not connected
        (naming the groups of items that are never compared with each other).
    """
    if method not in ("lambda_max", "llsm"):
        raise JudgmentError(f"unknown completion method {method!r} (use 'lambda_max' or 'llsm')")
    frame = pairwise_matrix(matrix, reciprocal=reciprocal, allow_missing=True)
    gaps = missing_pairs(frame)
    labels = list(frame.index)
    index = pd.MultiIndex.from_arrays(
        [[labels[i] for i, _ in gaps], [labels[j] for _, j in gaps]], names=["row", "col"]
    )
    if not gaps:
        return Completion(frame, pd.Series([], index=index, dtype=float, name="value"), method)
    check_connected(frame)
    values = frame.to_numpy()
    log_weights = llsm_log_weights(values)
    start = np.array([log_weights[i] - log_weights[j] for i, j in gaps])
    logs = start if method == "llsm" else lambda_max_optimum(values, gaps, start)
    full = filled_matrix(values, gaps, logs)
    completed = pd.DataFrame(full, index=frame.index, columns=frame.columns)
    return Completion(completed, pd.Series(np.exp(logs), index=index, name="value"), method)


def check_connected(frame: pd.DataFrame) -> None:
    """Refuse a comparison graph that is not connected (the completion would not be unique).

    Raises
    ------
    JudgmentError
        Naming each group of items compared among themselves but not with the others.
    """
    known = ~np.isnan(frame.to_numpy())
    labels = [str(label) for label in frame.index]
    unseen = set(range(len(labels)))
    groups = []
    while unseen:
        frontier = [min(unseen)]
        group = set(frontier)
        while frontier:
            item = frontier.pop()
            for neighbour in np.flatnonzero(known[item]):
                if int(neighbour) not in group:
                    group.add(int(neighbour))
                    frontier.append(int(neighbour))
        groups.append(sorted(group))
        unseen -= group
    if len(groups) > 1:
        described = " | ".join(", ".join(labels[k] for k in group) for group in groups)
        raise JudgmentError(
            f"the judgments split the items into {len(groups)} groups never compared with each "
            f"other: {described}; add a judgment linking them (the missing ones cannot be "
            "inferred otherwise)"
        )


def llsm_log_weights(values: FloatArray) -> FloatArray:
    """Log-weights y minimising sum over given a_ij of (log a_ij - y_i + y_j)^2, sum y = 0.

    The normal equations are L y = r with L the Laplacian of the comparison graph and
    r_i = sum_j log a_ij over the given judgments of row i; on a connected graph L has rank
    n - 1 and the least-norm solution is the one with sum y = 0.
    """
    known = ~np.isnan(values) & ~np.eye(len(values), dtype=bool)
    logs = np.where(known, np.log(np.where(known, values, 1.0)), 0.0)
    laplacian = np.diag(known.sum(axis=1).astype(float)) - known.astype(float)
    solution, *_ = np.linalg.lstsq(laplacian, logs.sum(axis=1), rcond=None)
    return np.asarray(solution, dtype=float)


def filled_matrix(values: FloatArray, gaps: list[tuple[int, int]], logs: FloatArray) -> FloatArray:
    """A copy of `values` with a_ij = exp(log) and a_ji = exp(-log) at each gap (i, j)."""
    full = values.copy()
    rows = np.array([i for i, _ in gaps])
    cols = np.array([j for _, j in gaps])
    full[rows, cols] = np.exp(logs)
    full[cols, rows] = np.exp(-logs)
    return full


def lambda_max_optimum(
    values: FloatArray, gaps: list[tuple[int, int]], start: FloatArray
) -> FloatArray:
    """Logs of the missing a_ij that minimise lambda_max, searched from `start` by BFGS."""
    # Imported here: scipy.optimize costs a noticeable share of a command's start-up, and
    # only incomplete matrices need it.
    from scipy.optimize import minimize

    def objective(logs: FloatArray) -> tuple[float, FloatArray]:
        full = filled_matrix(values, gaps, logs)
        right, left, root = perron_pair(full)
        # d lambda / d x_ij = (v_i a_ij w_j - v_j a_ji w_i) / (v . w)   (Harker 1987)
        gradient = np.array(
            [left[i] * full[i, j] * right[j] - left[j] * full[j, i] * right[i] for i, j in gaps]
        ) / float(left @ right)
        return root, gradient

    result = minimize(
        objective, start, jac=True, method="BFGS", options={"gtol": GRADIENT_TOLERANCE}
    )
    return np.asarray(result.x, dtype=float)


def perron_pair(values: FloatArray) -> tuple[FloatArray, FloatArray, float]:
    """Right and left Perron eigenvectors (positive, unnormalised) and the Perron root."""
    roots, right = np.linalg.eig(values)
    k = int(np.argmax(roots.real))
    left_roots, left = np.linalg.eig(values.T)
    m = int(np.argmax(left_roots.real))
    return np.abs(right[:, k].real), np.abs(left[:, m].real), float(roots[k].real)
