"""Weight stability intervals: how far one weight may move before the ranking changes.

For each criterion j the others are rescaled proportionally (see
:func:`mcda.sensitivity.reweight.reweighted`) and the interval [lower, upper] around the
base weight w_j is found inside which the ranking (or only its top k) stays as it is. The
ranking is evaluated on a grid of step ``1 / steps`` outward from w_j; the first change on
each side is then located by bisection to within ``tolerance``. The boundaries are exact to
that tolerance for the first change met; a change that appears and reverts again between
two neighbouring grid points (narrower than one step) can be missed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.registry import scores_for_weights
from mcda.problem import Problem, build_problem
from mcda.ranks import competition_ranks
from mcda.sensitivity.reweight import reweighted

Unchanged = Callable[[npt.NDArray[np.float64]], npt.NDArray[np.bool_]]


def same_order(
    ranks: npt.NDArray[np.int64], base: npt.NDArray[np.int64], top_k: int
) -> npt.NDArray[np.bool_]:
    """Whether each row of `ranks` keeps the top `top_k` of `base` exactly.

    The alternatives ranked <= top_k at base keep their ranks and no other alternative
    enters the top k; with ``top_k`` = number of alternatives, the whole ranking is kept.
    """
    top = base <= top_k
    kept: npt.NDArray[np.bool_] = (ranks[:, top] == base[top]).all(axis=1)
    return kept & (ranks[:, ~top] > top_k).all(axis=1)


def boundary(unchanged: Unchanged, inside: float, outside: float, tolerance: float) -> float:
    """Last weight still unchanged between `inside` (unchanged) and `outside` (changed)."""
    while abs(outside - inside) > tolerance:
        middle = 0.5 * (inside + outside)
        if unchanged(np.array([middle]))[0]:
            inside = middle
        else:
            outside = middle
    return inside


def scan(base: float, end: float, step: float) -> npt.NDArray[np.float64]:
    """Weights from `base` (excluded) to `end` (included) in steps of `step` [-]."""
    distance = abs(end - base)
    count = int(np.ceil(distance / step))
    offsets = np.minimum(step * np.arange(1, count + 1), distance)
    grid: npt.NDArray[np.float64] = base + np.sign(end - base) * offsets
    return grid


def interval(
    unchanged: Unchanged, base: float, steps: int, tolerance: float
) -> tuple[float, float]:
    """Stability interval [lower, upper] of one weight around `base` [-]."""
    ends = []
    for end in (0.0, 1.0):
        grid = scan(base, end, 1.0 / steps)
        kept = unchanged(grid) if len(grid) else np.ones(0, dtype=bool)
        if kept.all():
            ends.append(end)
            continue
        first = int(np.argmin(kept))
        inside = base if first == 0 else float(grid[first - 1])
        ends.append(boundary(unchanged, inside, float(grid[first]), tolerance))
    return ends[0], ends[1]


def unchanged_for(
    problem: Problem, criterion: int, top_k: int, method: str, options: Mapping[str, Any]
) -> Unchanged:
    """Predicate telling whether this criterion's weight set to t keeps the base order."""
    base = competition_ranks(
        scores_for_weights(problem, problem.weight_vector[np.newaxis], method, **options)
    )[0]

    def unchanged(values: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        samples = reweighted(problem.weight_vector, criterion, values)
        ranks = competition_ranks(scores_for_weights(problem, samples, method, **options))
        return same_order(ranks, base, top_k)

    return unchanged


def stability_intervals(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    method: str = "topsis",
    top_k: int | None = None,
    steps: int = 100,
    tolerance: float = 1e-6,
    **options: Any,
) -> pd.DataFrame:
    """Per criterion, the weight interval inside which the ranking does not change.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores.
    weights : pandas.Series
        Base weight per criterion [-], summing to 1.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    method : str
        A registered ranking method.
    top_k : int, optional
        Only the first k places must stay; the whole ranking by default.
    steps : int
        Grid intervals over [0, 1] for the outward scan [-].
    tolerance : float
        Bisection tolerance on a boundary [-].
    **options
        The method's options.

    Returns
    -------
    pandas.DataFrame
        Indexed by criterion: ``weight`` (base) and ``lower`` <= weight <= ``upper`` [-],
        the other weights rescaled proportionally. 0 or 1 means no change up to that end.
    """
    problem = build_problem(matrix, weights, directions)
    keep = len(problem.matrix) if top_k is None else top_k
    if not 1 <= keep <= len(problem.matrix):
        raise MatrixError(f"top_k is {top_k}; it must lie in 1..{len(problem.matrix)}")
    if steps < 1 or tolerance <= 0:
        raise MatrixError("steps must be >= 1 and tolerance > 0")
    rows = {}
    for position, criterion in enumerate(problem.matrix.columns):
        base = float(problem.weight_vector[position])
        unchanged = unchanged_for(problem, position, keep, method, options)
        lower, upper = interval(unchanged, base, steps, tolerance)
        rows[criterion] = {"weight": base, "lower": lower, "upper": upper}
    result = pd.DataFrame.from_dict(rows, orient="index")
    result.index.name = "criterion"
    result.attrs = {
        "method": method,
        "options": dict(options),
        "top_k": keep,
        "steps": steps,
        "tolerance": tolerance,
    }
    return result
