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

Distillation variant: within each extracted class the cut level keeps falling, step by
step down to 0, and the class is narrowed at every step, with s(lambda) = 0.3 - 0.15
lambda and strict comparisons, as in [2]_. Implementations that stop narrowing a class
earlier (py-mcda's ``Electre3``, for one) agree on the credibility matrix but can return
coarser classes; the tests show such a case.
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


def _thresholds(
    criteria: pd.Index, q: Threshold, p: Threshold, v: Threshold
) -> tuple[Array, Array, Array]:
    """q, p and v per criterion, checked: q <= p < v; v infinite where not given."""
    q_s, p_s, v_s = (
        per_criterion(name, value, criteria, "ELECTRE III")
        for name, value in (("q", q), ("p", p), ("v", v))
    )
    for name, series in (("q", q_s), ("p", p_s)):
        if series.isna().any():
            missing = list(criteria[series.isna()])
            raise MatrixError(f"ELECTRE III threshold {name} is missing for criteria {missing}")
    if (q_s > p_s).any():
        raise MatrixError(f"threshold q must not exceed p; not so for {(q_s > p_s).idxmax()!r}")
    if (v_s <= p_s).any():
        raise MatrixError(f"threshold v must exceed p; not so for {(v_s <= p_s).idxmax()!r}")
    return q_s.to_numpy(), p_s.to_numpy(), v_s.fillna(np.inf).to_numpy()


def _credibility(concordance: Array, discordance: Array) -> Array:
    """Roy's credibility: concordance weakened by every discordance above it."""
    c = concordance[:, :, None]
    strong = discordance > c
    factors = np.ones_like(discordance)
    np.divide(1.0 - discordance, 1.0 - c, out=factors, where=strong)
    credibility: Array = concordance * factors.prod(axis=-1)
    return credibility


def _discrimination(level: Array | float) -> Array:
    """Roy's discrimination threshold s(lambda) [-]."""
    return np.asarray(ALPHA + BETA * np.asarray(level), dtype=float)


def _distil(credibility: Array, descending: bool) -> list[list[int]]:
    """Classes of a distillation, in the order they are extracted.

    Descending extracts the best class first (highest qualification), ascending the worst
    (lowest). Within the remaining set the cut level lambda falls step by step: the next
    level is the largest credibility below lambda - s(lambda); a T b at that level when
    S(a, b) exceeds it and S(a, b) - S(b, a) > s(S(a, b)).
    """
    remaining = list(range(len(credibility)))
    classes: list[list[int]] = []
    while remaining:
        group = remaining
        level = _off_diagonal(credibility, group).max(initial=0.0)
        while len(group) > 1:
            values = _off_diagonal(credibility, group)
            below = values[_exceeds(level - _discrimination(level), values)]
            cut = float(below.max(initial=0.0))
            sub = credibility[np.ix_(group, group)]
            beats = _exceeds(sub, cut) & _exceeds(sub - sub.T, _discrimination(sub))
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
) -> ElectreIII:
    """ELECTRE III outranking, distillations and final partial pre-order.

    On criterion j, with b's advantage over a d = g_j(b) - g_j(a) (oriented so that
    larger is better): concordance c_j = 1 for d <= q_j, 0 for d >= p_j, linear between;
    discordance d_j = 0 for d <= p_j, 1 for d >= v_j, linear between. C = sum_j w_j c_j;
    credibility S = C * prod over {j: d_j > C} of (1 - d_j) / (1 - C).

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
        or one per criterion.
    v : float or mapping, optional
        Veto threshold [unit of each criterion], above p; criteria left out have no veto.

    Returns
    -------
    ElectreIII

    Raises
    ------
    MatrixError
        On bad scores, weights or directions, or missing or inconsistent thresholds.
    """
    problem = build_problem(matrix, weights, directions)
    q_j, p_j, v_j = _thresholds(problem.matrix.columns, q, p, v)
    oriented = problem.values * problem.types
    # gain[a, b, j]: how much better b is than a on criterion j.
    gain = oriented[None, :, :] - oriented[:, None, :]
    span = np.where(p_j > q_j, p_j - q_j, 1.0)
    partial = np.where(p_j > q_j, np.clip((p_j - gain) / span, 0.0, 1.0), gain <= q_j)
    concordance = partial @ problem.weight_vector
    discordance = np.clip((gain - p_j) / (v_j - p_j), 0.0, 1.0)
    credibility = _credibility(concordance, discordance)
    index = problem.matrix.index
    size = len(index)
    descending = np.empty(size, dtype=int)
    for k, group in enumerate(_distil(credibility, descending=True)):
        descending[group] = k + 1
    ascending_classes = _distil(credibility, descending=False)
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
