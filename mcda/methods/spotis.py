"""SPOTIS: distance to the ideal point fixed by criterion bounds (Dezert et al. 2020).

The reference point is the ideal solution point (the best bound of each criterion) or, when
the decision maker names one, an expected solution point (ESP) inside the bounds: the
distance is then ``|x - ESP| / (max - min)``, so scores beyond the ESP count as a shortfall, as
in pymcdm's ``SPOTIS(bounds, esp)``.

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
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.pymcdm_call import preferences
from mcda.problem import Problem

Bounds = pd.DataFrame | Mapping[str, tuple[float, float]] | None
Point = pd.Series | Mapping[str, float] | None


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


def check_esp(
    problem: Problem, frame: pd.DataFrame, esp: pd.Series | Mapping[str, float]
) -> npt.NDArray[np.float64]:
    """An expected solution point with a value per criterion inside its bounds.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    frame : pandas.DataFrame
        Checked bounds (see :func:`check_bounds`).
    esp : pandas.Series or mapping
        Expected value per criterion [unit of each criterion].

    Returns
    -------
    numpy.ndarray
        The ESP in criterion order.

    Raises
    ------
    MatrixError
        If a criterion has no finite expected value or it lies outside the bounds.
    """
    point = pd.Series(dict(esp), dtype=float)
    criteria = problem.matrix.columns
    missing = [c for c in criteria if c not in point.index or not np.isfinite(point[c])]
    if missing:
        raise MatrixError(f"SPOTIS expected solution point has no value for criteria {missing}")
    values: npt.NDArray[np.float64] = np.asarray(point.loc[criteria], dtype=np.float64)
    low, high = frame["min"].to_numpy(), frame["max"].to_numpy()
    outside = np.flatnonzero((values < low) | (values > high))
    if outside.size:
        j = outside[0]
        raise MatrixError(
            f"SPOTIS expected solution point of {criteria[j]!r} is {values[j]:g}, outside "
            f"the bounds [{low[j]:g}, {high[j]:g}]"
        )
    return values


def spotis(problem: Problem, bounds: Bounds = None, esp: Point = None) -> pd.DataFrame:
    """SPOTIS distance to the ideal (or an expected) solution point and score.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    bounds : pandas.DataFrame, mapping or None
        See :func:`check_bounds`.
    esp : pandas.Series, mapping or None
        Expected solution point, a value per criterion inside the bounds [unit of each
        criterion]; None takes the ideal point (each criterion's best bound).

    Returns
    -------
    pandas.DataFrame
        Columns ``score`` = 1 - distance (higher is better) and ``distance``: the weighted
        normalised distance to the reference point in [0, 1] (lower is better).
    """
    from pymcdm.methods import SPOTIS  # here: importing pymcdm loads matplotlib

    frame = check_bounds(problem, bounds)
    point = None if esp is None else check_esp(problem, frame, esp)

    distance = preferences(SPOTIS(frame.to_numpy(), point), problem)
    return pd.DataFrame(
        {"score": 1.0 - distance, "distance": distance}, index=problem.matrix.index
    ).astype(np.float64)
