"""PROMETHEE II net outranking flow with a selectable preference function.

Five of Brans' six generalised criteria are available through pymcdm; the Gaussian (type VI)
is not, because pymcdm does not implement it. A pymcdm PROMETHEE object built with p or q
thresholds keeps them in a one-shot generator (a second call silently scores every pair
0), so a fresh object is built for every call.

References
----------
.. [1] Brans, J. P. & Vincke, Ph. (1985). A preference ranking organisation method (the
   PROMETHEE method for multiple criteria decision-making). *Management Science* 31(6),
   647-656.
.. [2] Brans, J. P., Vincke, Ph. & Mareschal, B. (1986). How to select and how to rank
   projects: the PROMETHEE method. *European Journal of Operational Research* 24(2),
   228-238.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.pymcdm_call import explained
from mcda.problem import Problem

Threshold = float | Mapping[str, float] | pd.Series | None


@dataclass(frozen=True)
class PreferenceFunction:
    """One of Brans' generalised criteria.

    Attributes
    ----------
    pymcdm_name : str
        Its name in pymcdm.
    thresholds : tuple of str
        Which of ``q`` (indifference) and ``p`` (strict preference) it needs.
    """

    pymcdm_name: str
    thresholds: tuple[str, ...]


#: Brans' names (type I to V) to pymcdm's implementation and the thresholds each needs.
PREFERENCE_FUNCTIONS: dict[str, PreferenceFunction] = {
    "usual": PreferenceFunction("usual", ()),
    "u-shape": PreferenceFunction("ushape", ("q",)),
    "v-shape": PreferenceFunction("vshape", ("p",)),
    "level": PreferenceFunction("level", ("q", "p")),
    "linear": PreferenceFunction("vshape_2", ("q", "p")),
}


def per_criterion(name: str, value: Threshold, criteria: pd.Index) -> pd.Series | None:
    """A threshold for every criterion, from one number or a mapping by criterion.

    Parameters
    ----------
    name : str
        ``"p"`` or ``"q"``, for messages.
    value : float, mapping, pandas.Series or None
        One threshold for all criteria or one per criterion, in each criterion's unit.
    criteria : pandas.Index
        Criteria of the problem.

    Returns
    -------
    pandas.Series or None
        Threshold per criterion, or None when not given.

    Raises
    ------
    MatrixError
        If a criterion has no threshold or a threshold is negative or not finite.
    """
    if value is None:
        return None
    if isinstance(value, int | float):
        series = pd.Series(float(value), index=criteria)
    else:
        given = value if isinstance(value, pd.Series) else pd.Series(dict(value))
        missing = [c for c in criteria if c not in given.index]
        if missing:
            raise MatrixError(f"PROMETHEE threshold {name} is missing for criteria {missing}")
        series = given.loc[criteria].astype(float)
    bad = series[~np.isfinite(series) | (series < 0)]
    if len(bad):
        raise MatrixError(
            f"PROMETHEE threshold {name} of {bad.index[0]!r} is {bad.iloc[0]}; it must be >= 0"
        )
    return series


def check_thresholds(
    preference: str, q: pd.Series | None, p: pd.Series | None
) -> PreferenceFunction:
    """The preference function named `preference`, once its thresholds are consistent.

    Raises
    ------
    MatrixError
        On an unknown function, a missing threshold, p = 0, or q >= p.
    """
    if preference not in PREFERENCE_FUNCTIONS:
        raise MatrixError(
            f"unknown preference function {preference!r}; use one of {sorted(PREFERENCE_FUNCTIONS)}"
        )
    function = PREFERENCE_FUNCTIONS[preference]
    given = {"q": q, "p": p}
    for name in function.thresholds:
        if given[name] is None:
            raise MatrixError(f"preference function {preference!r} needs threshold {name}")
    if p is not None and "p" in function.thresholds:
        if (p <= 0).any():
            raise MatrixError(f"threshold p must be > 0 for {preference!r}")
        if q is not None and "q" in function.thresholds and (q >= p).any():
            criterion = (q >= p).idxmax()
            raise MatrixError(f"threshold q must be below p; not so for {criterion!r}")
    return function


def promethee_ii(
    problem: Problem, preference: str = "usual", p: Threshold = None, q: Threshold = None
) -> pd.DataFrame:
    """PROMETHEE II net flows.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    preference : str
        Generalised criterion [2]_: ``"usual"`` (type I), ``"u-shape"`` (II, needs q),
        ``"v-shape"`` (III, needs p), ``"level"`` (IV, q and p) or ``"linear"`` (V, q and
        p), the same for every criterion.
    p : float or mapping, optional
        Strict-preference threshold [unit of each criterion], one value or one per
        criterion.
    q : float or mapping, optional
        Indifference threshold [unit of each criterion], one value or one per criterion.

    Returns
    -------
    pandas.DataFrame
        Columns ``score`` = net flow phi in [-1, 1] (higher is better), ``phi_plus`` and
        ``phi_minus`` (leaving and entering flows).
    """
    from pymcdm.methods import PROMETHEE_II  # here: importing pymcdm loads matplotlib

    criteria = problem.matrix.columns
    q_values, p_values = per_criterion("q", q, criteria), per_criterion("p", p, criteria)
    function = check_thresholds(preference, q_values, p_values)

    method = PROMETHEE_II(
        function.pymcdm_name,
        p=None if p_values is None or "p" not in function.thresholds else list(p_values),
        q=None if q_values is None or "q" not in function.thresholds else list(q_values),
    )
    tables = explained(method, problem)
    return pd.DataFrame(
        {
            "score": tables["net_flow"],
            "phi_plus": tables["pos_flow"],
            "phi_minus": tables["neg_flow"],
        },
        index=problem.matrix.index,
    )
