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
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mcda.normalization import require_positive
from mcda.problem import Problem


def copras(problem: Problem) -> pd.DataFrame:
    """COPRAS relative significance and utility degree.

    Q_i = S+_i + sum_k S-_k / (S-_i * sum_k 1 / S-_k), where S+ and S- are the weighted
    sum-normalised scores on benefit and on cost criteria; without (weighted) cost
    criteria Q_i = S+_i.

    Parameters
    ----------
    problem : Problem
        The decision problem; every score must be positive.

    Returns
    -------
    pandas.DataFrame
        Columns ``score`` = utility degree Q_i / max Q [-] in (0, 1], higher is better,
        and ``Q``.
    """
    require_positive(problem, "COPRAS")
    values = problem.values
    weighted = values / values.sum(axis=0) * problem.weight_vector
    cost = problem.types == -1
    gain = weighted[:, ~cost].sum(axis=1)
    loss = weighted[:, cost].sum(axis=1)
    # Without weighted cost criteria every S- is 0 and the cost term is dropped.
    q = gain + loss.sum() / (loss * np.sum(1.0 / loss)) if np.any(loss > 0) else gain
    return pd.DataFrame({"score": q / q.max(), "Q": q}, index=problem.matrix.index)
