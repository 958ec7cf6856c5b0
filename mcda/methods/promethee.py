"""PROMETHEE outranking flows with a preference function per criterion; PROMETHEE II.

The flows are computed here rather than by pymcdm: pymcdm applies one preference function
to every criterion and has no Gaussian (type VI); its five functions agree with these to
machine precision (a test checks it).

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

from dataclasses import dataclass

import pandas as pd

from mcda.methods.preference import Functions, Threshold, preferences
from mcda.problem import Problem


@dataclass(frozen=True)
class Flows:
    """Outranking flows of every alternative.

    Attributes
    ----------
    phi_plus : pandas.Series
        Leaving (positive) flow [-] in [0, 1]: how strongly it outranks the others.
    phi_minus : pandas.Series
        Entering (negative) flow [-] in [0, 1]: how strongly the others outrank it.
    profiles : pandas.DataFrame
        Alternatives x criteria unicriterion net flows phi_j [-] in [-1, 1]; the net flow
        is their weighted sum.
    """

    phi_plus: pd.Series
    phi_minus: pd.Series
    profiles: pd.DataFrame

    @property
    def phi(self) -> pd.Series:
        """Net flow phi = phi_plus - phi_minus [-] in [-1, 1]."""
        return (self.phi_plus - self.phi_minus).rename("phi")


def flows(
    problem: Problem,
    preference: Functions = "usual",
    p: Threshold = None,
    q: Threshold = None,
    s: Threshold = None,
) -> Flows:
    """PROMETHEE flows of a problem.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    preference, p, q, s
        Preference function(s) and thresholds, see
        :func:`mcda.methods.preference.preferences`.

    Returns
    -------
    Flows
    """
    criteria = problem.matrix.columns
    spec = preferences(preference, criteria, p=p, q=q, s=s)
    oriented = problem.values * problem.types
    # advantages[a, b, j]: how much better a is than b on criterion j.
    advantages = oriented[:, None, :] - oriented[None, :, :]
    degrees = spec.degrees(advantages)
    others = len(oriented) - 1
    index = problem.matrix.index
    pi = degrees @ problem.weight_vector
    profiles = (degrees.sum(axis=1) - degrees.sum(axis=0)) / others
    return Flows(
        pd.Series(pi.sum(axis=1) / others, index=index, name="phi_plus"),
        pd.Series(pi.sum(axis=0) / others, index=index, name="phi_minus"),
        pd.DataFrame(profiles, index=index, columns=criteria),
    )


def promethee_ii(
    problem: Problem,
    preference: Functions = "usual",
    p: Threshold = None,
    q: Threshold = None,
    s: Threshold = None,
) -> pd.DataFrame:
    """PROMETHEE II net flows.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    preference : str or mapping
        Generalised criterion [2]_, one for all criteria or one per criterion:
        ``"usual"`` (type I), ``"u-shape"`` (II, needs q), ``"v-shape"`` (III, needs p),
        ``"level"`` (IV, q and p), ``"linear"`` (V, q and p) or ``"gaussian"`` (VI, s).
    p : float or mapping, optional
        Strict-preference threshold [unit of each criterion], one value or one per
        criterion.
    q : float or mapping, optional
        Indifference threshold [unit of each criterion], one value or one per criterion.
    s : float or mapping, optional
        Gaussian threshold (inflection point) [unit of each criterion].

    Returns
    -------
    pandas.DataFrame
        Columns ``score`` = net flow phi in [-1, 1] (higher is better), ``phi_plus`` and
        ``phi_minus`` (leaving and entering flows).
    """
    result = flows(problem, preference, p=p, q=q, s=s)
    return pd.DataFrame(
        {"score": result.phi, "phi_plus": result.phi_plus, "phi_minus": result.phi_minus}
    )
