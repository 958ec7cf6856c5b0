"""Linear constraints on criterion weights: ordinal, interval and ratio statements.

Each constraint reads ``sum_j a_j w_j <= b`` over named criteria. Together with ``w >= 0``
and ``sum_j w_j = 1`` they cut a convex polytope out of the weight simplex; the
hit-and-run sampler (:func:`mcda.sensitivity.samplers.hit_and_run`) draws uniformly from it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mcda.errors import MatrixError


@dataclass(frozen=True)
class WeightConstraint:
    """One linear inequality ``sum_j a_j w_j <= bound`` on the weights.

    Attributes
    ----------
    coefficients : tuple of (str, float)
        Criterion and its coefficient a_j [-]; criteria not named have a_j = 0.
    bound : float
        Right-hand side b [-].
    text : str
        The statement as a reader wrote it, e.g. ``"w[cost] >= w[time]"``, for messages.
    """

    coefficients: tuple[tuple[str, float], ...]
    bound: float
    text: str


def at_least(higher: str, lower: str) -> WeightConstraint:
    """``w[higher] >= w[lower]``: the ordinal content of one judgment."""
    return WeightConstraint(((lower, 1.0), (higher, -1.0)), 0.0, f"w[{higher}] >= w[{lower}]")


def total_order(criteria: Sequence[str]) -> tuple[WeightConstraint, ...]:
    """``w[c1] >= w[c2] >= ...`` for criteria listed from most to least important."""
    return tuple(at_least(a, b) for a, b in itertools.pairwise(criteria))


def within(criterion: str, low: float, high: float) -> tuple[WeightConstraint, ...]:
    """``low <= w[criterion] <= high`` [-] (e.g. the range of a panel's weights).

    Raises
    ------
    MatrixError
        If ``low > high``.
    """
    if low > high:
        raise MatrixError(f"weight interval of {criterion!r} has low {low} > high {high}")
    return (
        WeightConstraint(((criterion, -1.0),), -low, f"w[{criterion}] >= {low:g}"),
        WeightConstraint(((criterion, 1.0),), high, f"w[{criterion}] <= {high:g}"),
    )


def ratio_at_most(numerator: str, denominator: str, k: float) -> WeightConstraint:
    """``w[numerator] <= k * w[denominator]`` with k > 0 [-].

    Raises
    ------
    MatrixError
        If k is not positive.
    """
    if not k > 0:
        raise MatrixError(f"weight ratio bound must be > 0, not {k}")
    return WeightConstraint(
        ((numerator, 1.0), (denominator, -k)),
        0.0,
        f"w[{numerator}] <= {k:g} * w[{denominator}]",
    )


def inequalities(
    constraints: Iterable[WeightConstraint], criteria: Sequence[str]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], list[str]]:
    """The constraints as ``A w <= b`` in the order of `criteria`, non-negativity first.

    Parameters
    ----------
    constraints : iterable of WeightConstraint
        The caller's constraints.
    criteria : sequence of str
        Criterion labels, fixing the column order.

    Returns
    -------
    A : numpy.ndarray
        Rows x criteria; the first ``len(criteria)`` rows are ``-w_j <= 0``.
    b : numpy.ndarray
        Right-hand sides [-].
    texts : list of str
        One statement per row.

    Raises
    ------
    MatrixError
        If a constraint names a criterion not in `criteria`.
    """
    position = {c: j for j, c in enumerate(criteria)}
    rows = [-np.eye(len(criteria))]
    bounds = [np.zeros(len(criteria))]
    texts = [f"w[{c}] >= 0" for c in criteria]
    for constraint in constraints:
        row = np.zeros(len(criteria))
        for criterion, a in constraint.coefficients:
            if criterion not in position:
                raise MatrixError(
                    f"weight constraint {constraint.text!r} names {criterion!r}, "
                    f"not one of the criteria {list(criteria)}"
                )
            row[position[criterion]] += a
        rows.append(row[np.newaxis])
        bounds.append(np.array([constraint.bound]))
        texts.append(constraint.text)
    return np.vstack(rows), np.concatenate(bounds), texts
