"""SPOTIS: distance to the ideal point fixed by criterion bounds (Dezert et al. 2020).

SPOTIS is free of rank reversal only when the bounds are set by the decision maker,
independently of the alternatives; without bounds this module uses the observed range of
each criterion, which is convenient but gives that property up.

References
----------
.. [1] Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The SPOTIS rank reversal
   free method for multi-criteria decision-making support. *2020 IEEE 23rd International
   Conference on Information Fusion (FUSION)*, 1-8.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.pymcdm_call import preferences
from mcda.problem import Problem

Bounds = pd.DataFrame | Mapping[str, tuple[float, float]] | None


def check_bounds(problem: Problem, bounds: Bounds) -> pd.DataFrame:
    """Bounds per criterion that contain every score.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    bounds : pandas.DataFrame, mapping or None
        A frame indexed by criterion with columns ``min`` and ``max``, or a mapping of
        criterion to ``(min, max)`` [unit of each criterion]; None takes the observed
        range of each criterion.

    Returns
    -------
    pandas.DataFrame
        Columns ``min`` and ``max`` in criterion order.

    Raises
    ------
    MatrixError
        If a criterion has no bounds, min >= max, or a score lies outside its bounds.
    """
    criteria = problem.matrix.columns
    if bounds is None:
        return pd.DataFrame({"min": problem.matrix.min(), "max": problem.matrix.max()})
    frame = (
        bounds
        if isinstance(bounds, pd.DataFrame)
        else pd.DataFrame.from_dict(dict(bounds), orient="index", columns=["min", "max"])
    )
    missing = [c for c in criteria if c not in frame.index]
    if missing:
        raise MatrixError(f"SPOTIS bounds are missing for criteria {missing}")
    frame = frame.loc[criteria, ["min", "max"]].astype(float)
    empty = frame.index[~(frame["min"] < frame["max"])]
    if len(empty):
        raise MatrixError(f"SPOTIS bounds of {empty[0]!r} need min < max")
    low, high = frame["min"].to_numpy(), frame["max"].to_numpy()
    outside = np.argwhere((problem.values < low) | (problem.values > high))
    if outside.size:
        i, j = outside[0]
        raise MatrixError(
            f"score of {problem.matrix.index[i]!r} on {criteria[j]!r} lies outside the "
            f"SPOTIS bounds [{low[j]:g}, {high[j]:g}]"
        )
    return frame


def spotis(problem: Problem, bounds: Bounds = None) -> pd.DataFrame:
    """SPOTIS distance to the ideal solution point and score.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    bounds : pandas.DataFrame, mapping or None
        See :func:`check_bounds`.

    Returns
    -------
    pandas.DataFrame
        Columns ``score`` = 1 - distance (higher is better) and ``distance``: the weighted
        normalised distance to the ideal point in [0, 1] (lower is better).
    """
    from pymcdm.methods import SPOTIS  # here: importing pymcdm loads matplotlib

    frame = check_bounds(problem, bounds)

    distance = preferences(SPOTIS(frame.to_numpy()), problem)
    return pd.DataFrame(
        {"score": 1.0 - distance, "distance": distance}, index=problem.matrix.index
    ).astype(np.float64)
