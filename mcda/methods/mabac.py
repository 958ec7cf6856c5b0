"""MABAC: distance from the border approximation area (Pamučar & Ćirović 2015).

References
----------
.. [1] Pamučar, D. & Ćirović, G. (2015). The selection of transport and handling resources
   in logistics centers using Multi-Attributive Border Approximation area Comparison
   (MABAC). *Expert Systems with Applications* 42(6), 3016-3028.
"""

from __future__ import annotations

import pandas as pd

from mcda.methods.pymcdm_call import preferences
from mcda.normalization import normalization_function
from mcda.problem import Problem


def mabac(problem: Problem, normalization: str = "minmax") -> pd.DataFrame:
    """Sum of distances from the border approximation area.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    normalization : str
        A key of :data:`mcda.normalization.NORMALIZATIONS`; ``"minmax"`` is the method's
        own [1]_.

    Returns
    -------
    pandas.DataFrame
        Column ``score``: S_i [-], positive above the border area; higher is better.
    """
    from pymcdm.methods import MABAC  # here: importing pymcdm loads matplotlib

    scores = preferences(MABAC(normalization_function(problem, normalization)), problem)
    return pd.DataFrame({"score": scores}, index=problem.matrix.index)
