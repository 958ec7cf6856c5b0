"""COPRAS: complex proportional assessment (Zavadskas, Kaklauskas & Šarka 1994).

Computed here, not by pymcdm: pymcdm 1.4.0 forms Q_i = S+_i + S-_i (its expression
min(S-) * S-_i / (S-_i * min(S-) / S-_i) reduces to S-_i), so a higher cost raises the
score. The published example of Kundakcı & Işık (2016) is reproduced by the formula below,
not by pymcdm 1.4.0.

References
----------
.. [1] Zavadskas, E. K., Kaklauskas, A. & Šarka, V. (1994). The new method of multicriteria
   complex proportional assessment of projects. *Technological and Economic Development of
   Economy* 1(3), 131-139.
.. [2] Kundakcı, N. & Işık, A. (2016). Integration of MACBETH and COPRAS methods to select
   air compressor for a textile company. *Decision Science Letters* 5(3), 381-394.
.. [3] Uysal, Ö. & İnan, T. (2022). Performance evaluation of research assistants by COPRAS
   method. *International Journal of Social Science and Economic Research*: a zero on a
   benefit criterion, which the method admits.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.problem import Problem


def _check_non_negative(problem: Problem) -> None:
    """Refuse a negative score: COPRAS reads each score as a share of its column's sum.

    A zero is a valid share (the column's sum is positive, since the column is non-negative
    and not constant), so a zero on a benefit criterion is admitted.
    """
    bad = np.argwhere(problem.values < 0)
    if bad.size:
        i, j = bad[0]
        raise MatrixError(
            f"COPRAS needs scores >= 0; {problem.matrix.index[i]!r} has "
            f"{problem.values[i, j]:g} on {problem.matrix.columns[j]!r}"
        )


def _check_cost_side(problem: Problem, loss: npt.NDArray[np.float64]) -> None:
    """Refuse an alternative whose weighted cost sum S- is 0 while others' are not.

    The cost term divides by S-_i.
    """
    if np.any(loss > 0) and np.any(loss <= 0):
        name = problem.matrix.index[int(np.argmax(loss <= 0))]
        raise MatrixError(
            f"COPRAS needs a positive weighted cost sum S- for every alternative; {name!r} "
            "scores 0 on every weighted cost criterion",
            key="matrix.copras_cost_sum",
            fields={"alternative": name},
        )


def copras(problem: Problem) -> pd.DataFrame:
    """COPRAS relative significance and utility degree.

    Q_i = S+_i + sum_k S-_k / (S-_i * sum_k 1 / S-_k), where S+ and S- are the weighted
    sum-normalised scores on benefit and on cost criteria; without (weighted) cost
    criteria Q_i = S+_i.

    Parameters
    ----------
    problem : Problem
        The decision problem; scores must be >= 0, and each alternative's weighted cost
        sum S- positive when any is (a zero on a benefit criterion is fine).

    Returns
    -------
    pandas.DataFrame
        Columns ``score`` = utility degree Q_i / max Q [-] in (0, 1], higher is better,
        and ``Q``.

    Raises
    ------
    MatrixError
        On a negative score, or an alternative whose weighted cost sum S- is 0.
    """
    _check_non_negative(problem)
    values = problem.values
    weighted = values / values.sum(axis=0) * problem.weight_vector
    cost = problem.types == -1
    gain = weighted[:, ~cost].sum(axis=1)
    loss = weighted[:, cost].sum(axis=1)
    _check_cost_side(problem, loss)
    # Without weighted cost criteria every S- is 0 and the cost term is dropped.
    q = gain + loss.sum() / (loss * np.sum(1.0 / loss)) if np.any(loss > 0) else gain
    return pd.DataFrame({"score": q / q.max(), "Q": q}, index=problem.matrix.index)
