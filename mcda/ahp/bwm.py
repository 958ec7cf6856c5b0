"""The Best-Worst Method (BWM): weights from 2n - 3 comparisons instead of AHP's n(n - 1)/2.

The decision maker names the best (most important) and the worst (least important) of n
items, then says how many times the best matters more than each other item (best-to-others,
a_Bj) and how many times each item matters more than the worst (others-to-worst, a_jW). That
is 2n - 3 distinct judgments (a_BW is asked once): for 18 criteria, 33 comparisons where a
full AHP matrix asks 153 (:func:`question_counts`).

Two models turn the vectors into weights:

- ``"linear"`` (Rezaei 2016): min xi^L subject to ``|w_B - a_Bj w_j| <= xi^L`` and
  ``|w_j - a_jW w_W| <= xi^L``, sum w = 1, w >= 0. A linear programme with a unique solution;
  xi^L (in weight units) is itself a consistency indicator, close to 0 for consistent input.
- ``"nonlinear"`` (Rezaei 2015): min xi subject to ``|w_B / w_j - a_Bj| <= xi`` and
  ``|w_j / w_W - a_jW| <= xi``. Its optimum xi* is unique, its weights may not be: Rezaei 2016
  gives each weight's interval of optimal values and ranks by their centres.

Both are solved with SciPy's bundled HiGHS (:func:`scipy.optimize.linprog` with
``method="highs"``, imported inside the functions that use it), not :mod:`highspy`, which this
pure library does not import. For a fixed xi the nonlinear model's constraints are linear in
w, so xi* is found exactly (to 1e-10) by bisection on xi over feasibility LPs, and the weight
intervals by one LP per bound at xi*.

Consistency, reported for either model:

- the output-based consistency ratio CR = xi* / CI(a_BW) of Rezaei 2015, CI being the
  xi* of the worst case of one middle item, a_Bj = a_jW = a_BW (:data:`CONSISTENCY_INDEX`).
  With four or more items, contradictions on several items can push xi* past CI (best-to-
  others (1, 2, 1, 2) and others-to-worst (2, 1, 1, 2) give xi* = 0.5 > CI(2) = 0.44, so
  CR = 1.14); Ratandhara & Kumar (2025) find these CI values not well-defined;
- the input-based ratio ``CR^I = max_j |a_Bj a_jW - a_BW| / (a_BW^2 - a_BW)`` of Liang, Brunelli
  & Rezaei 2020, which needs no optimisation (0 when a_BW = 1). Its acceptance
  thresholds (which depend on n and a_BW) are not applied here.

References
----------
- Rezaei, J. (2015). Best-worst multi-criteria decision-making method. *Omega* 53, 49-57.
  doi:10.1016/j.omega.2014.11.009
- Rezaei, J. (2016). Best-worst multi-criteria decision-making method: Some properties
  and a linear model. *Omega* 64, 126-130. doi:10.1016/j.omega.2015.12.001
- Ratandhara, H. M., & Kumar, M. (2025). A generalized analytical framework for the
  nonlinear best-worst method. arXiv:2508.06048.
- Liang, F., Brunelli, M., & Rezaei, J. (2020). Consistency issues in the best worst
  method: Measurements and thresholds. *Omega* 96, 102175. doi:10.1016/j.omega.2019.102175
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import JudgmentError

Model = Literal["linear", "nonlinear"]
MODELS: tuple[Model, ...] = ("linear", "nonlinear")

#: Consistency index CI(a_BW) of the nonlinear model (Rezaei 2015, Table 5; repeated in
#: Rezaei 2016, Table 1): xi* of the worst case a_Bj = a_jW = a_BW for a best-to-worst
#: judgment a_BW on the 1..9 scale. Each is the root of
#: xi^2 - (1 + 2 a_BW) xi + (a_BW^2 - a_BW) = 0 rounded to two decimals;
#: :func:`consistency_index` uses that closed form off the integers.
CONSISTENCY_INDEX: dict[int, float] = {
    1: 0.00,
    2: 0.44,
    3: 1.00,
    4: 1.63,
    5: 2.30,
    6: 3.00,
    7: 3.73,
    8: 4.47,
    9: 5.23,
}

#: Bisection on xi stops when the bracket is this narrow, relative to xi [-]. HiGHS's own
#: feasibility tolerance (1e-7) limits xi*'s accuracy to about 1e-7 anyway.
XI_TOLERANCE = 1e-9

#: How far above xi* (relative) the weight intervals are taken [-], so that the solver finds
#: the optimal set non-empty; it widens them by about as much.
INTERVAL_SLACK = 1e-6

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class BWMResult:
    """Weights of a Best-Worst elicitation and its consistency.

    Attributes
    ----------
    weights : pandas.Series
        Weight per item [-], sums to 1: the linear model's unique solution, or for the
        nonlinear model the centres of the optimal intervals rescaled to sum to 1.
    model : str
        ``"linear"`` or ``"nonlinear"``.
    best, worst : str
        The items named best and worst.
    xi : float
        Optimum of the chosen model [-]: xi^L (weight units) or xi* (ratio units).
    xi_star : float
        Optimum xi* of the nonlinear model [-], whatever the model (the CR needs it).
    consistency_index : float
        CI(a_BW) [-].
    cr : float
        Output-based consistency ratio xi* / CI(a_BW) [-]; 0 when a_BW = 1. It can exceed 1
        for four or more items (see the module notes).
    cr_input : float
        Input-based consistency ratio of Liang et al. (2020) [-].
    intervals : pandas.DataFrame
        Columns ``low`` and ``high``: each weight's range over the nonlinear model's optimal
        solutions [-] (Rezaei 2016, Sec. 3).
    best_to_others, others_to_worst : pandas.Series
        The judgments as given.
    """

    weights: pd.Series
    model: str
    best: str
    worst: str
    xi: float
    xi_star: float
    consistency_index: float
    cr: float
    cr_input: float
    intervals: pd.DataFrame
    best_to_others: pd.Series
    others_to_worst: pd.Series

    @property
    def n(self) -> int:
        """Number of items [-]."""
        return len(self.weights)

    @property
    def a_bw(self) -> float:
        """How many times the best matters more than the worst [-]."""
        return float(self.best_to_others[self.worst])

    @property
    def comparisons(self) -> int:
        """Distinct judgments the elicitation asked for: 2n - 3 [-]."""
        return question_counts(self.n)[0]


def question_counts(n: int) -> tuple[int, int]:
    """Judgments asked for n items: (BWM's 2n - 3, a full AHP matrix's n(n - 1)/2).

    For 18 criteria: (33, 153). Both count distinct judgments (a_BW once, reciprocals not).
    """
    return max(2 * n - 3, 0), n * (n - 1) // 2


def consistency_index(a_bw: float) -> float:
    """CI(a_BW): the nonlinear model's xi* in Rezaei's worst case for this a_BW.

    The published two-decimal value (:data:`CONSISTENCY_INDEX`) for a_BW in 1..9, so that
    ratios match the literature; otherwise the root ((1 + 2a) - sqrt(1 + 8a)) / 2 of
    Rezaei's (2015) equation xi^2 - (1 + 2a) xi + (a^2 - a) = 0.
    """
    if float(a_bw).is_integer() and int(a_bw) in CONSISTENCY_INDEX:
        return CONSISTENCY_INDEX[int(a_bw)]
    return ((1 + 2 * a_bw) - math.sqrt(1 + 8 * a_bw)) / 2


def input_consistency_ratio(best_to_others: pd.Series, others_to_worst: pd.Series) -> float:
    """Liang, Brunelli & Rezaei's (2020) input-based consistency ratio.

    ``CR^I = max_j |a_Bj a_jW - a_BW| / (a_BW^2 - a_BW)``, 0 when a_BW = 1.

    Parameters
    ----------
    best_to_others, others_to_worst : pandas.Series
        Checked vectors on the same items (see :func:`bwm`); a_BW is their largest entry.
    """
    a_bw = float(best_to_others.max())
    if a_bw == 1.0:
        return 0.0
    products = best_to_others * others_to_worst.reindex(best_to_others.index)
    return float(((products - a_bw).abs() / (a_bw * a_bw - a_bw)).max())


def bwm(
    best_to_others: Mapping[str, float] | pd.Series,
    others_to_worst: Mapping[str, float] | pd.Series,
    *,
    best: str | None = None,
    worst: str | None = None,
    model: Model = "linear",
) -> BWMResult:
    """Weights from best-to-others and others-to-worst judgments (Rezaei 2015, 2016).

    Parameters
    ----------
    best_to_others : mapping or pandas.Series of str to float
        a_Bj [-] for every item j: how many times the best matters more than j (1 for the
        best itself), each >= 1.
    others_to_worst : mapping or pandas.Series of str to float
        a_jW [-] for the same items: how many times j matters more than the worst (1 for the
        worst itself), each >= 1. a_BW must be the same number in both vectors.
    best, worst : str, optional
        The best and worst items; when omitted, the only item with a 1 in its vector.
    model : {"linear", "nonlinear"}
        Which model gives the weights (see the module notes); xi*, the CR and the intervals
        are reported either way.

    Returns
    -------
    BWMResult

    Raises
    ------
    JudgmentError
        On fewer than two items, different items in the vectors, a judgment that is not a
        finite number >= 1 or that exceeds a_BW, an unclear or inconsistent best or worst,
        or a_BW differing between the vectors.

    Notes
    -----
    The LPs are solved with SciPy's bundled HiGHS (``scipy.optimize.linprog``,
    ``method="highs"``), imported here rather than at module level.
    """
    if model not in MODELS:
        raise JudgmentError(f"unknown BWM model {model!r} (use 'linear' or 'nonlinear')")
    to_others, to_worst = (
        _vector(best_to_others, "best-to-others"),
        _vector(others_to_worst, "others-to-worst"),
    )
    if set(to_others.index) != set(to_worst.index):
        raise JudgmentError(
            "best-to-others and others-to-worst judge different items: "
            f"{sorted(set(to_others.index) ^ set(to_worst.index))}"
        )
    to_worst = to_worst.reindex(to_others.index)
    best = _extreme(to_others, best, "best", "best-to-others")
    worst = _extreme(to_worst, worst, "worst", "others-to-worst")
    if best == worst:
        raise JudgmentError(f"{best!r} cannot be both the best and the worst item")
    if to_others[worst] != to_worst[best]:
        raise JudgmentError(
            f"the best {best!r} is {to_others[worst]:g} times the worst {worst!r} in "
            f"best-to-others but {to_worst[best]:g} in others-to-worst: give one a_BW"
        )
    a_bw = float(to_others[worst])
    for given, name in ((to_others, "best-to-others"), (to_worst, "others-to-worst")):
        if given.max() > a_bw:
            label = str(given.idxmax())
            raise JudgmentError(
                f"{name} judgment for {label!r} is {given.max():g}, more than the "
                f"{a_bw:g} between the best {best!r} and the worst {worst!r}: no item can "
                "be further from the best or the worst than they are from each other"
            )
    rows = _Comparisons(
        to_others.to_numpy(), to_worst.to_numpy(), _at(to_others, best), _at(to_others, worst)
    )
    xi_star = rows.xi_star()
    low, high = rows.intervals(xi_star)
    if model == "linear":
        vector, xi = rows.linear()
    else:
        centres = (low + high) / 2
        vector, xi = centres / centres.sum(), xi_star
    index = to_others.index
    ci = consistency_index(a_bw)
    return BWMResult(
        weights=pd.Series(vector, index=index, name="weight"),
        model=model,
        best=best,
        worst=worst,
        xi=float(xi),
        xi_star=float(xi_star),
        consistency_index=ci,
        cr=float(xi_star / ci) if ci > 0 else 0.0,
        cr_input=input_consistency_ratio(to_others, to_worst),
        intervals=pd.DataFrame({"low": low, "high": high}, index=index),
        best_to_others=to_others,
        others_to_worst=to_worst,
    )


def _vector(values: Mapping[str, float] | pd.Series, name: str) -> pd.Series:
    """One judgment vector as a float Series, each value a finite number >= 1."""
    series = pd.Series(values, dtype=float) if not isinstance(values, pd.Series) else values
    series = series.astype(float)
    series.index = [str(label) for label in series.index]
    if len(series) < 2:
        raise JudgmentError(f"{name} needs at least two items, got {len(series)}")
    if series.index.has_duplicates:
        raise JudgmentError(f"{name} names an item twice")
    bad = series[~np.isfinite(series.to_numpy()) | (series.to_numpy() < 1)]
    if len(bad):
        label = str(bad.index[0])
        raise JudgmentError(
            f"{name} judgment for {label!r} is {bad.iloc[0]:g}: BWM judgments are numbers "
            ">= 1 (1 = equally important)"
        )
    return series


def _extreme(vector: pd.Series, named: str | None, role: str, name: str) -> str:
    """The best (or worst) item: as named, with a 1 in its vector, or the only item with one."""
    ones = [str(label) for label in vector.index[vector == 1.0]]
    if named is None:
        if len(ones) != 1:
            raise JudgmentError(
                f"name the {role} item: {name} has a 1 for {', '.join(ones) if ones else 'no item'}"
            )
        return ones[0]
    if named not in vector.index:
        raise JudgmentError(f"the {role} item {named!r} is not one of the judged items")
    if vector[named] != 1.0:
        raise JudgmentError(
            f"the {role} item {named!r} has {vector[named]:g} in {name}; it must be 1 "
            "(an item equals itself)"
        )
    return named


def _at(series: pd.Series, label: str) -> int:
    """Position of `label` in `series`."""
    return list(series.index).index(label)


@dataclass(frozen=True)
class _Comparisons:
    """The 2n comparisons of one elicitation, as LP rows over w (and xi)."""

    to_others: FloatArray
    to_worst: FloatArray
    best: int
    worst: int

    def _differences(self) -> FloatArray:
        """Rows d with d @ w = w_B - a_Bj w_j (first n) and w_j - a_jW w_W (last n)."""
        n = len(self.to_others)
        rows = np.zeros((2 * n, n))
        for j in range(n):
            rows[j, self.best] += 1.0
            rows[j, j] -= self.to_others[j]
            rows[n + j, j] += 1.0
            rows[n + j, self.worst] -= self.to_worst[j]
        return rows

    def _solve(self, cost: FloatArray, upper: FloatArray, bound: FloatArray) -> Any:
        """Solve min cost @ x over x = [w, (xi)] with sum w = 1, w >= 0, upper @ x <= bound."""
        from scipy.optimize import linprog  # imported here: importing mcda stays light

        size = len(cost)
        n = len(self.to_others)
        equality = np.zeros((1, size))
        equality[0, :n] = 1.0
        return linprog(
            cost,
            A_ub=upper,
            b_ub=bound,
            A_eq=equality,
            b_eq=[1.0],
            bounds=[(0, None)] * size,
            method="highs",
        )

    def linear(self) -> tuple[FloatArray, float]:
        """Rezaei's (2016) linear model: weights and xi^L."""
        d = self._differences()
        xi_column = -np.ones((len(d), 1))
        upper = np.vstack([np.hstack([d, xi_column]), np.hstack([-d, xi_column])])
        cost = np.zeros(d.shape[1] + 1)
        cost[-1] = 1.0
        x = _solution(self._solve(cost, upper, np.zeros(len(upper))))
        return x[:-1], float(x[-1])

    def _ratio_rows(self, xi: float) -> FloatArray:
        """Rows A with A @ w <= 0 iff |w_B/w_j - a_Bj| <= xi and |w_j/w_W - a_jW| <= xi."""
        n = len(self.to_others)
        d = self._differences()
        scale = np.zeros((2 * n, n))
        for j in range(n):
            scale[j, j] = xi
            scale[n + j, self.worst] = xi
        return np.vstack([d - scale, -d - scale])

    def _feasible(self, xi: float) -> bool:
        """Whether some weights meet every ratio within xi."""
        rows = self._ratio_rows(xi)
        done = self._solve(np.zeros(rows.shape[1]), rows, np.zeros(len(rows)))
        return bool(done.status == 0)

    def xi_star(self) -> float:
        """The nonlinear model's optimum xi*, by bisection on feasibility."""
        if self._feasible(0.0):
            return 0.0
        low, high = 0.0, 1.0
        while not self._feasible(high):
            low, high = high, 2 * high
        while high - low > XI_TOLERANCE * max(1.0, high):
            middle = (low + high) / 2
            low, high = (low, middle) if self._feasible(middle) else (middle, high)
        return high

    def intervals(self, xi_star: float) -> tuple[FloatArray, FloatArray]:
        """Each weight's least and greatest value over the optimal solutions at xi*."""
        # A hair above xi*, where the set is not empty to the solver's tolerances either.
        rows = self._ratio_rows(xi_star * (1 + INTERVAL_SLACK) + INTERVAL_SLACK)
        n = rows.shape[1]
        low, high = np.empty(n), np.empty(n)
        for j in range(n):
            unit = np.zeros(n)
            unit[j] = 1.0
            low[j] = _solution(self._solve(unit, rows, np.zeros(len(rows))))[j]
            high[j] = _solution(self._solve(-unit, rows, np.zeros(len(rows))))[j]
        return low, high


def _solution(done: Any) -> FloatArray:
    """The optimal point of a linprog result; these LPs are feasible and bounded by design."""
    if done.status != 0:
        raise RuntimeError(f"BWM linear programme not solved: {done.message}")
    return np.asarray(done.x, dtype=float)
