"""Brans' six generalised criteria: the preference degree of a difference on one criterion.

A preference function maps the advantage d of a over b on one criterion (in that criterion's
unit, already oriented so that larger is better) to a preference degree in [0, 1]. Each
criterion may have its own function and its own thresholds: q (indifference), p (strict
preference) and s (the Gaussian's inflection point).

References
----------
.. [1] Brans, J. P., Vincke, Ph. & Mareschal, B. (1986). How to select and how to rank
   projects: the PROMETHEE method. *European Journal of Operational Research* 24(2),
   228-238 (the six generalised criteria, Table 1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError

Threshold = float | Mapping[str, float] | pd.Series | None
Functions = str | Mapping[str, str] | pd.Series

#: Brans' names (type I to VI) and the thresholds each needs.
PREFERENCE_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "usual": (),
    "u-shape": ("q",),
    "v-shape": ("p",),
    "level": ("q", "p"),
    "linear": ("q", "p"),
    "gaussian": ("s",),
}


@dataclass(frozen=True)
class Preferences:
    """A preference function and its thresholds for every criterion.

    Attributes
    ----------
    functions : pandas.Series
        Name from :data:`PREFERENCE_FUNCTIONS` per criterion.
    thresholds : pandas.DataFrame
        Criteria x ``q``, ``p``, ``s`` [unit of each criterion]; NaN where the criterion's
        function does not use the threshold.
    """

    functions: pd.Series
    thresholds: pd.DataFrame

    def degrees(self, advantages: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Preference degree [-] of every advantage, criterion by criterion.

        Parameters
        ----------
        advantages : numpy.ndarray
            Shape ``(..., criteria)``: advantage d of one alternative over another on each
            criterion, oriented so that larger is better [unit of each criterion].

        Returns
        -------
        numpy.ndarray
            Same shape, each value in [0, 1]; 0 wherever d <= 0.
        """
        out = np.zeros_like(advantages, dtype=float)
        limits = self.thresholds[["q", "p", "s"]].to_numpy(dtype=float)
        for j, name in enumerate(self.functions):
            q, p, s = (float(x) for x in limits[j])
            out[..., j] = _degree(str(name), advantages[..., j], q, p, s)
        return out


def _degree(
    name: str, d: npt.NDArray[np.float64], q: float, p: float, s: float
) -> npt.NDArray[np.float64]:
    """Brans' generalised criterion `name` applied to the advantages `d`."""
    if name == "usual":
        return (d > 0).astype(float)
    if name == "u-shape":
        return (d > q).astype(float)
    if name == "v-shape":
        return np.clip(d / p, 0.0, 1.0)
    if name == "level":
        return np.where(d > p, 1.0, np.where(d > q, 0.5, 0.0))
    if name == "linear":
        return np.clip((d - q) / (p - q), 0.0, 1.0)
    positive = np.maximum(d, 0.0)
    return 1.0 - np.exp(-(positive**2) / (2.0 * s**2))


def per_criterion(
    name: str, value: Threshold, criteria: pd.Index, method: str = "PROMETHEE"
) -> pd.Series:
    """One threshold per criterion from one number or a mapping by criterion.

    Parameters
    ----------
    name : str
        The threshold's name (``"q"``, ``"p"``...), for messages.
    value : float, mapping, pandas.Series or None
        One threshold for all criteria or one per criterion [unit of each criterion].
    criteria : pandas.Index
        Criteria of the problem.
    method : str
        The method's name, for messages.

    Returns
    -------
    pandas.Series
        Threshold per criterion, NaN where not given.

    Raises
    ------
    MatrixError
        If a mapping names an unknown criterion or a threshold is negative or infinite.
    """
    if value is None:
        return pd.Series(np.nan, index=criteria, dtype=float)
    if isinstance(value, int | float):
        series = pd.Series(float(value), index=criteria)
    else:
        given = value if isinstance(value, pd.Series) else pd.Series(dict(value), dtype=float)
        unknown = [c for c in given.index if c not in criteria]
        if unknown:
            raise MatrixError(f"{method} threshold {name} names unknown criteria {unknown}")
        series = given.reindex(criteria).astype(float)
    bad = series[series.notna() & (~np.isfinite(series) | (series < 0))]
    if len(bad):
        raise MatrixError(
            f"{method} threshold {name} of {bad.index[0]!r} is {bad.iloc[0]}; it must be >= 0"
        )
    return series


def preferences(
    functions: Functions,
    criteria: pd.Index,
    p: Threshold = None,
    q: Threshold = None,
    s: Threshold = None,
) -> Preferences:
    """Check and align preference functions and thresholds with the criteria.

    Parameters
    ----------
    functions : str or mapping
        One name from :data:`PREFERENCE_FUNCTIONS` for every criterion, or one per
        criterion: ``"usual"`` (type I), ``"u-shape"`` (II, q), ``"v-shape"`` (III, p),
        ``"level"`` (IV, q and p), ``"linear"`` (V, q and p), ``"gaussian"`` (VI, s).
    criteria : pandas.Index
        Criteria of the problem.
    p, q, s : float or mapping, optional
        Strict-preference, indifference and Gaussian thresholds [unit of each criterion],
        one value for all criteria or one per criterion; a mapping may leave out criteria
        whose function does not use that threshold.

    Returns
    -------
    Preferences

    Raises
    ------
    MatrixError
        On an unknown function or criterion, a missing threshold, a negative one, p or
        s = 0, or q >= p.
    """
    if isinstance(functions, str):
        names = pd.Series(functions, index=criteria)
    else:
        given = functions if isinstance(functions, pd.Series) else pd.Series(dict(functions))
        missing = [c for c in criteria if c not in given.index]
        unknown = [c for c in given.index if c not in criteria]
        if missing or unknown:
            problem = f"is missing for {missing}" if missing else f"names unknown {unknown}"
            raise MatrixError(f"PROMETHEE preference function {problem}")
        names = given.loc[criteria].astype(str)
    wrong = [n for n in names if n not in PREFERENCE_FUNCTIONS]
    if wrong:
        raise MatrixError(
            f"unknown preference function {wrong[0]!r}; use one of {sorted(PREFERENCE_FUNCTIONS)}"
        )
    table = pd.DataFrame(
        {k: per_criterion(k, v, criteria) for k, v in (("q", q), ("p", p), ("s", s))}
    )
    for key in ("q", "p", "s"):
        needs = names.map(lambda n, key=key: key in PREFERENCE_FUNCTIONS[n])
        lacking = list(criteria[needs & table[key].isna()])
        if lacking:
            kinds = sorted(set(names[lacking]))
            raise MatrixError(
                f"preference function {kinds[0]!r} needs threshold {key}; "
                f"PROMETHEE threshold {key} is missing for criteria {lacking}"
            )
        table.loc[~needs, key] = np.nan
        zero = table[key] <= 0
        if key in ("p", "s") and zero.any():
            raise MatrixError(f"threshold {key} must be > 0; not so for {zero.idxmax()!r}")
    crossed = table["q"] >= table["p"]
    if crossed.any():
        raise MatrixError(f"threshold q must be below p; not so for {crossed.idxmax()!r}")
    return Preferences(names.rename("function"), table)
