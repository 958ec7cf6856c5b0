"""Sobol indices of each alternative's score (or rank) on the level-1 (group) weights.

Each group weight g_k is drawn uniformly in [g_k (1 - spread), g_k (1 + spread)] by
SALib's Saltelli/Sobol' sampler, the draws are renormalised to sum to 1, and every leaf keeps
its share of its group (w_leaf = g_k' * w_leaf / g_k). The renormalisation couples the
inputs, so the indices describe this sampling scheme rather than independent factors; they
still rank which group's weight moves a score most.

References
----------
.. [1] Saltelli, A. et al. (2010). Variance based sensitivity analysis of model output.
   *Computer Physics Communications* 181(2), 259-270.
.. [2] Herman, J. & Usher, W. (2017). SALib: an open-source Python library for sensitivity
   analysis. *Journal of Open Source Software* 2(9), 97.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.registry import lookup, scores_for_weights
from mcda.problem import Problem, build_problem
from mcda.ranks import competition_ranks

OUTPUTS = ("score", "rank")

#: Relative range below which an output counts as constant [-].
CONSTANT = 1e-12


def group_shares(problem: Problem, groups: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Group weights and each leaf's share of its group.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    groups : pandas.Series
        Group label per criterion.

    Returns
    -------
    tuple of pandas.Series
        Weight per group [-] (in order of first appearance), share of each criterion within
        its group [-].

    Raises
    ------
    MatrixError
        If a criterion has no group or a group has weight 0.
    """
    missing = [c for c in problem.matrix.columns if c not in groups.index]
    if missing:
        raise MatrixError(f"no group given for criteria {missing}")
    membership = groups.loc[problem.matrix.columns].astype(str)
    group_weights = problem.weights.groupby(membership, sort=False).sum()
    if (group_weights <= 0).any():
        raise MatrixError(f"group {group_weights.idxmin()!r} has weight 0; it cannot be varied")
    return group_weights, problem.weights / group_weights.loc[membership].to_numpy()


def leaf_weights(
    group_samples: npt.NDArray[np.float64],
    group_weights: pd.Series,
    shares: pd.Series,
    membership: pd.Series,
) -> npt.NDArray[np.float64]:
    """Leaf weight vectors from sampled group weights, renormalised to sum to 1."""
    normalised = group_samples / group_samples.sum(axis=1, keepdims=True)
    columns = [group_weights.index.get_loc(g) for g in membership]
    leaves: npt.NDArray[np.float64] = normalised[:, columns] * shares.to_numpy()
    return leaves


def sobol(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    groups: pd.Series | Mapping[str, str],
    method: str = "topsis",
    n: int = 1024,
    seed: int = 0,
    spread: float = 0.5,
    output: str = "score",
    **options: Any,
) -> pd.DataFrame:
    """First-order and total Sobol indices of each alternative on the group weights.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores.
    weights : pandas.Series
        Leaf weight per criterion [-], summing to 1.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    groups : pandas.Series or mapping
        Level-1 group of each criterion (e.g. ``C1`` for ``C1.3``).
    method : str
        A registered ranking method.
    n : int
        SALib base sample size, a power of 2; n * (groups + 2) evaluations.
    seed : int
        Seed of the sampler and of the bootstrap confidence intervals.
    spread : float
        Relative half-width of each group weight's range [-], in (0, 1).
    output : {"score", "rank"}
        Analyse the score or the rank of each alternative.
    **options
        The method's options.

    Returns
    -------
    pandas.DataFrame
        Tidy: ``alternative``, ``group``, ``S1``, ``S1_conf``, ``ST``, ``ST_conf``
        (95 % bootstrap half-widths). An output that never varies gets indices 0.

    Raises
    ------
    MatrixError
        On bad input, n not a power of 2, spread outside (0, 1) or an unknown output.
    """
    if n < 2 or n & (n - 1):
        raise MatrixError(f"Sobol sample size n must be a power of 2, not {n}")
    if not 0 < spread < 1:
        raise MatrixError(f"spread must lie in (0, 1), not {spread}")
    if output not in OUTPUTS:
        raise MatrixError(f"output must be one of {OUTPUTS}, not {output!r}")
    lookup(method).check_options(options)
    # imported here: SALib loads scipy.stats and more than the rest of mcda together
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    problem = build_problem(matrix, weights, directions)
    membership = pd.Series(dict(groups)) if not isinstance(groups, pd.Series) else groups
    group_weights, shares = group_shares(problem, membership)
    names = [str(g) for g in group_weights.index]
    salib_problem = {
        "num_vars": len(names),
        "names": names,
        "bounds": [[g * (1 - spread), g * (1 + spread)] for g in group_weights],
    }
    draws = sobol_sample.sample(salib_problem, n, calc_second_order=False, seed=seed)
    leaves = leaf_weights(
        draws, group_weights, shares, membership.loc[problem.matrix.columns].astype(str)
    )
    scores = scores_for_weights(problem, leaves, method, **options)
    outputs = scores if output == "score" else competition_ranks(scores).astype(float)
    rows = []
    for position, alternative in enumerate(problem.matrix.index):
        y = outputs[:, position]
        # Nothing to apportion (constant up to rounding); SALib would divide by ~0 variance.
        if np.ptp(y) <= CONSTANT * max(1.0, float(np.abs(y).max())):
            indices = {key: np.zeros(len(names)) for key in ("S1", "S1_conf", "ST", "ST_conf")}
        else:
            indices = sobol_analyze.analyze(
                salib_problem, y, calc_second_order=False, seed=seed, print_to_console=False
            )
        for k, group in enumerate(names):
            rows.append(
                {
                    "alternative": alternative,
                    "group": group,
                    **{key: float(indices[key][k]) for key in ("S1", "S1_conf", "ST", "ST_conf")},
                }
            )
    result = pd.DataFrame(rows)
    result.attrs = {"method": method, "n": n, "seed": seed, "spread": spread, "output": output}
    return result
