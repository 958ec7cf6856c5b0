"""PROMETHEE I: the partial ranking that keeps incomparability.

Not a ranking-registry method: :func:`mcda.rank` and the sensitivity tools need a total
order (a score per alternative), and PROMETHEE I refuses to give one where its leaving and
entering flows disagree. Its net flow is PROMETHEE II, which is registered as
``"promethee_ii"``.

References
----------
.. [1] Brans, J. P., Vincke, Ph. & Mareschal, B. (1986). How to select and how to rank
   projects: the PROMETHEE method. *European Journal of Operational Research* 24(2),
   228-238.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from mcda.methods.preference import Functions, Threshold
from mcda.methods.promethee import flows
from mcda.outranking.relations import intersection, pairs
from mcda.problem import build_problem


@dataclass(frozen=True)
class PrometheeI:
    """PROMETHEE I result.

    Attributes
    ----------
    flows : pandas.DataFrame
        Per alternative: ``phi_plus``, ``phi_minus`` and ``phi`` (net, PROMETHEE II) [-].
    relation : pandas.DataFrame
        Alternatives x alternatives: ``"P"`` (row preferred to column), ``"P-"`` (row
        outranked by column), ``"I"`` (indifferent) or ``"R"`` (incomparable).
    """

    flows: pd.DataFrame
    relation: pd.DataFrame

    def pairs(self) -> pd.DataFrame:
        """The relation as a tidy table ``a``, ``relation``, ``b``."""
        return pairs(self.relation)


def promethee_i(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    preference: Functions = "usual",
    p: Threshold = None,
    q: Threshold = None,
    s: Threshold = None,
) -> PrometheeI:
    """PROMETHEE I partial ranking.

    a P b when phi+(a) >= phi+(b) and phi-(a) <= phi-(b) with at least one strict; a I b
    when both flows are equal; a R b (incomparable) when the flows disagree.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria, each column in its criterion's unit.
    weights : pandas.Series
        Weight per criterion [-], non-negative, summing to 1.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    preference : str or mapping
        Preference function, one for all criteria or one per criterion (see
        :func:`mcda.methods.preference.preferences`).
    p, q, s : float or mapping, optional
        Strict-preference, indifference and Gaussian thresholds [unit of each criterion].

    Returns
    -------
    PrometheeI

    Raises
    ------
    MatrixError
        On bad scores, weights, directions, functions or thresholds.
    """
    result = flows(build_problem(matrix, weights, directions), preference, p=p, q=q, s=s)
    table = pd.DataFrame(
        {"phi_plus": result.phi_plus, "phi_minus": result.phi_minus, "phi": result.phi}
    )
    return PrometheeI(table, intersection(result.phi_plus, -result.phi_minus))
