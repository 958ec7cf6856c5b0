"""WASPAS: weighted aggregated sum product assessment (Zavadskas et al. 2012).

As defined: linear normalisation r = x / max for benefit and min / x for cost criteria, then
Q = λ Q1 + (1 - λ) Q2 with Q1 = sum_j w_j r_ij (WSM) and Q2 = prod_j r_ij^w_j (WPM). pymcdm
1.4 computes exactly this and is reused. pyDecision 5.1 instead rescales every column to
1 + min-max, which changes the WPM part and is not the published method.

References
----------
.. [1] Zavadskas, E. K., Turskis, Z., Antucheviciene, J. & Zakarevicius, A. (2012).
   Optimization of weighted aggregated sum product assessment. *Elektronika ir
   Elektrotechnika* 122(6), 3-6.
.. [2] Chakraborty, S., Zavadskas, E. K. & Antucheviciene, J. (2015). Applications of WASPAS
   method as a multi-criteria decision-making tool. *Economic Computation and Economic
   Cybernetics Studies and Research* 49(1), 5-22.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.pymcdm_call import explained
from mcda.normalization import normalization_function, normalize
from mcda.problem import Problem


def _check_lam(lam: float) -> None:
    if not 0.0 <= lam <= 1.0:
        raise MatrixError(f"WASPAS lam is {lam}; it must lie in [0, 1]")


def waspas(problem: Problem, lam: float = 0.5) -> pd.DataFrame:
    """WASPAS joint generalised criterion Q and its WSM and WPM parts.

    Parameters
    ----------
    problem : Problem
        The decision problem; every score must be positive.
    lam : float
        λ, the share of the weighted sum in Q [-], in [0, 1]; 0.5 as in [1]_. λ = 1 is the
        WSM and λ = 0 the WPM of the same linearly normalised scores.

    Returns
    -------
    pandas.DataFrame
        Columns ``score`` = Q [-] (higher is better), ``WSM`` = Q1 and ``WPM`` = Q2.

    Raises
    ------
    MatrixError
        On a score <= 0 or λ outside [0, 1].
    """
    _check_lam(lam)
    from pymcdm.methods import WASPAS  # imported here: pymcdm loads matplotlib.pyplot

    tables = explained(WASPAS(normalization_function(problem, "linear"), l=lam), problem)
    return pd.DataFrame(
        {"score": tables["pref"], "WSM": tables["wsm"], "WPM": tables["wpm"]},
        index=problem.matrix.index,
    )


def waspas_batch(
    problem: Problem, samples: npt.NDArray[np.float64], lam: float = 0.5
) -> npt.NDArray[np.float64]:
    """WASPAS Q of every alternative under each of many weight vectors.

    Parameters
    ----------
    problem : Problem
        The decision problem (its own weights are ignored); every score positive.
    samples : numpy.ndarray
        Weight vectors, samples x criteria [-].
    lam : float
        See :func:`waspas`.

    Returns
    -------
    numpy.ndarray
        Samples x alternatives Q [-].
    """
    _check_lam(lam)
    normalized = normalize(problem, "linear")
    weighted_sum = samples @ normalized.T
    weighted_product = np.exp(samples @ np.log(normalized).T)
    scores: npt.NDArray[np.float64] = lam * weighted_sum + (1.0 - lam) * weighted_product
    return scores
