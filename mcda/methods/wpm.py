"""Weighted product model.

With a normalisation that only rescales each column (``"linear"`` or ``"sum"``), the ratio
of two alternatives' products equals Bridgman's (1922) and Miller & Starr's (1969) ratio
prod_j (a_Kj / a_Lj)^w_j, which does not depend on units.

References
----------
.. [1] Triantaphyllou, E. (2000). *Multi-Criteria Decision Making Methods: A Comparative
   Study*. Kluwer, Dordrecht, section 2.2.2.
"""

from __future__ import annotations

import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.pymcdm_call import preferences
from mcda.normalization import normalization_function
from mcda.problem import Problem

#: Normalisations that keep WPM's ratios unit-free (pure column rescaling of x or 1/x).
RATIO_SCALE = ("linear", "sum")


def wpm(problem: Problem, normalization: str = "linear") -> pd.DataFrame:
    """Weighted product of normalised scores.

    Parameters
    ----------
    problem : Problem
        The decision problem; every score must be positive.
    normalization : str
        ``"linear"`` (x / max, min / x) or ``"sum"``; both need positive scores.

    Returns
    -------
    pandas.DataFrame
        Column ``score``: prod_j r_ij^w_j [-], higher is better.

    Raises
    ------
    MatrixError
        On a score <= 0 or a normalisation that is not a pure rescaling.
    """
    from pymcdm.methods import WPM  # here: importing pymcdm loads matplotlib

    if normalization not in RATIO_SCALE:
        raise MatrixError(f"WPM normalization must be one of {RATIO_SCALE}, not {normalization!r}")

    scores = preferences(WPM(normalization_function(problem, normalization)), problem)
    return pd.DataFrame({"score": scores}, index=problem.matrix.index)
