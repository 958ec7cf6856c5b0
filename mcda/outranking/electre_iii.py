"""ELECTRE III: a fuzzy outranking relation with veto, exploited by two distillations.

Not a ranking-registry method: its result is a partial pre-order in which two
alternatives may be incomparable, so it gives no score that :func:`mcda.rank` and the
sensitivity tools could sort. The rank of each alternative in the descending and the
ascending distillation is reported, labelled as such, for readers who want one.

References
----------
.. [1] Roy, B. (1978). ELECTRE III : un algorithme de classements fondé sur une
   représentation floue des préférences en présence de critères multiples. *Cahiers du
   CERO* 20(1), 3-24.
.. [2] Figueira, J., Mousseau, V. & Roy, B. (2005). ELECTRE methods. In Figueira, Greco &
   Ehrgott (eds.), *Multiple Criteria Decision Analysis: State of the Art Surveys*,
   Springer, 133-153 (the formulas and the distillation used here).
.. [3] Wang, X. & Triantaphyllou, E. (2008). Ranking irregularities when evaluating
   alternatives by using some ELECTRE methods. *Omega* 36(1), 45-63 (section 3.2: the
   published example the tests reproduce).

Distillation variant: within each extracted class the cut level keeps falling, step by
step down to 0, and the class is narrowed at every step, with s(lambda) = alpha + beta
lambda (0.3 - 0.15 lambda unless told otherwise) evaluated at S(a, b) and strict
comparisons, as in [2]_. Implementations that stop narrowing a class earlier (py-mcda's
``Electre3``, for one) agree on the credibility matrix but can return coarser classes; the
tests show such a case.

Thresholds may be affine in the score, t_j(a) = t_j + slope_j g_j(a) ("10 % of the
value"), as the method allows [1]_, [2]_; they are read at the score of a when testing "a
outranks b" (direct thresholds), the convention of the example in [3]_.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.preference import Threshold, per_criterion
from mcda.outranking.relations import intersection, pairs
from mcda.problem import build_problem
from mcda.ranks import TIE_DECIMALS

Array = npt.NDArray[np.float64]

#: Roy's discrimination threshold s(lambda) = alpha + beta * lambda [-].
ALPHA, BETA = 0.3, -0.15


@dataclass(frozen=True)
class ElectreIII:
    """ELECTRE III result.

    Attributes
    ----------
    concordance : pandas.DataFrame
        Alternatives x alternatives comprehensive concordance C(a, b) [-] in [0, 1].
    credibility : pandas.DataFrame
        Alternatives x alternatives credibility of "a outranks b" [-] in [0, 1], 1 on the
        diagonal.
    ranks : pandas.DataFrame
        Per alternative, its class in the ``descending`` and the ``ascending``
        distillation (1 = best class). Each is a complete pre-order; the method's answer
        is their intersection, :attr:`relation`.
    relation : pandas.DataFrame
        Alternatives x alternatives: ``"P"``, ``"P-"``, ``"I"`` or ``"R"``.
    """

    concordance: pd.DataFrame
    credibility: pd.DataFrame
    ranks: pd.DataFrame
    relation: pd.DataFrame

    def pairs(self) -> pd.DataFrame:
        """The relation as a tidy table ``a``, ``relation``, ``b``."""
        return pairs(self.relation)


def _threshold(name: str, constant: Threshold, slope: Threshold, scores: pd.DataFrame) -> Array:
    """Threshold `name` at each alternative's own score: constant + slope * g_j(a).

    Alternatives x criteria [unit of each criterion]; NaN on a criterion that neither the
    constant part nor the slope names.
    """
    criteria = scores.columns
    beta = per_criterion(name, constant, criteria, "ELECTRE III")
    alpha = per_criterion(f"{name}_slope", slope, criteria, "ELECTRE III")
    values: Array = beta.fillna(0.0).to_numpy() + alpha.fillna(0.0).to_numpy() * scores.to_numpy()
    values[:, (beta.isna() & alpha.isna()).to_numpy()] = np.nan
    if (values < 0).any():
        row, col = (int(k) for k in np.argwhere(values < 0)[0])
        raise MatrixError(
            f"ELECTRE III threshold {name} of {criteria[col]!r} is {values[row, col]:.6g} at "
            f"{scores.index[row]!r}; it must be >= 0"
        )
    return values


def _thresholds(
    scores: pd.DataFrame, given: dict[str, tuple[Threshold, Threshold]]
) -> tuple[Array, Array, Array]:
    """q, p and v at each alternative's score, checked: q <= p < v; v infinite where not given.

    `given` maps ``"q"``, ``"p"`` and ``"v"`` to their (constant, slope) parts.
    """
    q, p, v = (_threshold(name, *given[name], scores) for name in ("q", "p", "v"))
    criteria = scores.columns
    for name, values in (("q", q), ("p", p)):
        missing = list(criteria[np.flatnonzero(np.isnan(values).any(axis=0))])
        if missing:
            raise MatrixError(f"ELECTRE III threshold {name} is missing for criteria {missing}")
    v = np.where(np.isnan(v), np.inf, v)
    for message, bad in (
        ("threshold q must not exceed p", q > p),
        ("threshold v must exceed p", v <= p),
    ):
        if bad.any():
            raise MatrixError(f"{message}; not so for {criteria[int(bad.any(axis=0).argmax())]!r}")
    return q, p, v


def _credibility(concordance: Array, discordance: Array) -> Array:
    """Roy's credibility: concordance weakened by every discordance above it."""
    c = concordance[:, :, None]
    strong = discordance > c
    factors = np.ones_like(discordance)
    np.divide(1.0 - discordance, 1.0 - c, out=factors, where=strong)
    credibility: Array = concordance * factors.prod(axis=-1)
    return credibility


def _discrimination(level: Array | float, alpha: float, beta: float) -> Array:
    """Roy's discrimination threshold s(lambda) = alpha + beta lambda [-]."""
    return np.asarray(alpha + beta * np.asarray(level), dtype=float)


def _distil(credibility: Array, descending: bool, alpha: float, beta: float) -> list[list[int]]:
    """Classes of a distillation, in the order they are extracted.

    Descending extracts the best class first (highest qualification), ascending the worst
    (lowest). Within the remaining set the cut level lambda falls step by step: the next
    level is the largest credibility below lambda - s(lambda); a T b at that level when
    S(a, b) exceeds it and S(a, b) - S(b, a) > s(S(a, b)), with s(lambda) = alpha + beta
    lambda.
    """
    remaining = list(range(len(credibility)))
    classes: list[list[int]] = []
    while remaining:
        group = remaining
        level = _off_diagonal(credibility, group).max(initial=0.0)
        while len(group) > 1:
            values = _off_diagonal(credibility, group)
            below = values[_exceeds(level - _discrimination(level, alpha, beta), values)]
            cut = float(below.max(initial=0.0))
            sub = credibility[np.ix_(group, group)]
            beats = _exceeds(sub, cut) & _exceeds(sub - sub.T, _discrimination(sub, alpha, beta))
            np.fill_diagonal(beats, False)
            qualification = beats.sum(axis=1) - beats.sum(axis=0)
            target = qualification.max() if descending else qualification.min()
            group = [g for g, value in zip(group, qualification, strict=True) if value == target]
            if cut == 0.0:
                break
            level = cut
        classes.append(group)
        remaining = [r for r in remaining if r not in group]
    return classes


def _exceeds(left: Array | float, right: Array | float) -> npt.NDArray[np.bool_]:
    """Whether left > right, equality to 12 decimals counting as a tie.

    Sums of weights carry float noise that must not decide a comparison the arithmetic
    says is a tie.
    """
    return np.asarray(np.round(np.subtract(left, right), TIE_DECIMALS) > 0)


def _off_diagonal(matrix: Array, group: list[int]) -> Array:
    """Entries of `matrix` between distinct members of `group`."""
    sub = matrix[np.ix_(group, group)]
    return sub[~np.eye(len(group), dtype=bool)]


def electre_iii(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    q: Threshold,
    p: Threshold,
    v: Threshold = None,
    *,
    q_slope: Threshold = None,
    p_slope: Threshold = None,
    v_slope: Threshold = None,
    alpha: float = ALPHA,
    beta: float = BETA,
) -> ElectreIII:
    """ELECTRE III outranking, distillations and final partial pre-order.

    On criterion j, with b's advantage over a d = g_j(b) - g_j(a) (oriented so that
    larger is better): concordance c_j = 1 for d <= q_j, 0 for d >= p_j, linear between;
    discordance d_j = 0 for d <= p_j, 1 for d >= v_j, linear between. C = sum_j w_j c_j;
    credibility S = C * prod over {j: d_j > C} of (1 - d_j) / (1 - C). Each threshold is
    t_j + slope_j g_j(a), read at the score of a (direct thresholds); without slopes it is
    constant.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria, each column in its criterion's unit.
    weights : pandas.Series
        Weight per criterion [-], non-negative, summing to 1.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    q, p : float or mapping
        Indifference and preference thresholds [unit of each criterion], q <= p, one value
        or one per criterion; a criterion given only a slope has 0 here.
    v : float or mapping, optional
        Veto threshold [unit of each criterion], above p; criteria named neither here nor
        in `v_slope` have no veto.
    q_slope, p_slope, v_slope : float or mapping, optional
        The part of each threshold proportional to the score of a [-] (0.1: "10 % of the
        value"), one value or one per criterion; criteria left out have none.
    alpha, beta : float
        Roy's discrimination threshold s(lambda) = alpha + beta lambda of the
        distillations [-]; 0.3 and -0.15 by default.

    Returns
    -------
    ElectreIII

    Raises
    ------
    MatrixError
        On bad scores, weights or directions, or missing, negative or inconsistent
        thresholds.
    """
    problem = build_problem(matrix, weights, directions)
    thresholds = _thresholds(
        problem.matrix, {"q": (q, q_slope), "p": (p, p_slope), "v": (v, v_slope)}
    )
    # Thresholds of a, the alternative tested as outranking: one row per a.
    q_a, p_a, v_a = (t[:, None, :] for t in thresholds)
    oriented = problem.values * problem.types
    # gain[a, b, j]: how much better b is than a on criterion j.
    gain = oriented[None, :, :] - oriented[:, None, :]
    span = np.where(p_a > q_a, p_a - q_a, 1.0)
    partial = np.where(p_a > q_a, np.clip((p_a - gain) / span, 0.0, 1.0), gain <= q_a)
    concordance = partial @ problem.weight_vector
    discordance = np.clip((gain - p_a) / (v_a - p_a), 0.0, 1.0)
    credibility = _credibility(concordance, discordance)
    index = problem.matrix.index
    size = len(index)
    descending = np.empty(size, dtype=int)
    for k, group in enumerate(_distil(credibility, True, alpha, beta)):
        descending[group] = k + 1
    ascending_classes = _distil(credibility, False, alpha, beta)
    ascending = np.empty(size, dtype=int)
    for k, group in enumerate(ascending_classes):
        ascending[group] = len(ascending_classes) - k
    ranks = pd.DataFrame({"descending": descending, "ascending": ascending}, index=index)
    return ElectreIII(
        pd.DataFrame(concordance, index=index, columns=index),
        pd.DataFrame(credibility, index=index, columns=index),
        ranks,
        intersection(-ranks["descending"], -ranks["ascending"]),
    )
