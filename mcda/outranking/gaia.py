"""GAIA: the principal-component plane of the PROMETHEE net-flow profiles.

Each alternative is the vector of its unicriterion net flows phi_j(a); the plane of the
first two principal components of these vectors shows alternatives as points, each
criterion as the projection of its unit axis, and the weights as the decision stick pi
(the projected weight vector): alternatives far along pi have high net flows. delta is
the share of the profiles' variance the plane keeps; below about 0.6 the picture hides
much of the problem.

References
----------
.. [1] Mareschal, B. & Brans, J. P. (1988). Geometrical representations for MCDA.
   *European Journal of Operational Research* 34(1), 69-77.
.. [2] Brans, J. P. & Mareschal, B. (2005). PROMETHEE methods. In Figueira, Greco &
   Ehrgott (eds.), *Multiple Criteria Decision Analysis: State of the Art Surveys*,
   Springer, 163-195 (section 5, the GAIA plane).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.preference import Functions, Threshold
from mcda.methods.promethee import flows
from mcda.problem import build_problem

AXES = ["u", "v"]


@dataclass(frozen=True)
class Gaia:
    """The GAIA plane.

    Attributes
    ----------
    profiles : pandas.DataFrame
        Alternatives x criteria unicriterion net flows phi_j [-].
    alternatives : pandas.DataFrame
        Per alternative its coordinates ``u``, ``v`` in the plane [-].
    criteria : pandas.DataFrame
        Per criterion the projection ``u``, ``v`` of its unit axis [-].
    stick : pandas.Series
        The decision stick: the weight vector projected, ``u`` and ``v`` [-].
    delta : float
        Share of the profiles' variance kept by the plane [-], in (0, 1].
    """

    profiles: pd.DataFrame
    alternatives: pd.DataFrame
    criteria: pd.DataFrame
    stick: pd.Series
    delta: float


def gaia(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    preference: Functions = "usual",
    p: Threshold = None,
    q: Threshold = None,
    s: Threshold = None,
) -> Gaia:
    """The GAIA plane of a PROMETHEE problem.

    The profiles' columns already have mean 0 (every flow one alternative gains another
    loses), so the principal components are the right singular vectors of the profile
    matrix. Each component's sign is fixed so that its largest criterion loading is
    positive, so the same problem always gives the same picture.

    Parameters
    ----------
    matrix, weights, directions
        As for :func:`mcda.rank`.
    preference, p, q, s
        Preference function(s) and thresholds, as for PROMETHEE II.

    Returns
    -------
    Gaia

    Raises
    ------
    MatrixError
        With fewer than two criteria (no plane), or on bad input.
    """
    problem = build_problem(matrix, weights, directions)
    if problem.matrix.shape[1] < 2:
        raise MatrixError("GAIA needs at least two criteria")
    profiles = flows(problem, preference, p=p, q=q, s=s).profiles
    _, singular, rows = np.linalg.svd(profiles.to_numpy(), full_matrices=False)
    components = rows[:2].T
    strongest = np.argmax(np.abs(components), axis=0)
    components = components * np.sign(components[strongest, [0, 1]])
    variance = singular**2
    return Gaia(
        profiles,
        pd.DataFrame(profiles.to_numpy() @ components, index=profiles.index, columns=AXES),
        pd.DataFrame(components, index=profiles.columns, columns=AXES),
        pd.Series(problem.weight_vector @ components, index=AXES, name="stick"),
        float(variance[:2].sum() / variance.sum()),
    )
