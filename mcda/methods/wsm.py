"""Weighted sum model (simple additive weighting).

References
----------
.. [1] Triantaphyllou, E. (2000). *Multi-Criteria Decision Making Methods: A Comparative
   Study*. Kluwer, Dordrecht, section 2.2.1.
"""

from __future__ import annotations

import pandas as pd

from mcda.methods.pymcdm_call import preferences
from mcda.normalization import normalization_function
from mcda.problem import Problem


def wsm(problem: Problem, normalization: str = "linear") -> pd.DataFrame:
    """Weighted sum of normalised scores.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    normalization : str
        A key of :data:`mcda.normalization.NORMALIZATIONS`. The default ``"linear"``
        (x / max for benefit, min / x for cost) is the textbook linear scale
        transformation; pymcdm's default is ``"sum"``.

    Returns
    -------
    pandas.DataFrame
        Column ``score``: the weighted sum [-], higher is better.
    """
    from pymcdm.methods import WSM  # here: importing pymcdm loads matplotlib

    scores = preferences(WSM(normalization_function(problem, normalization)), problem)
    return pd.DataFrame({"score": scores}, index=problem.matrix.index)
