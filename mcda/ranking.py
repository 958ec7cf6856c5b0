"""Rank alternatives with a named MCDA method from the registry.

Every method's ``score`` is "higher is better", also where the method's own measure is
"lower is better" (VIKOR's Q and SPOTIS's distance, which stay available as columns), so
``rank`` 1 is always the best alternative. Ties share the best rank they cover
(competition ranking): two alternatives tied for third both rank 3 and the next ranks 5;
scores equal to 12 decimals count as tied.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.registry import METHODS, lookup, methods
from mcda.normalization import NORMALIZATIONS
from mcda.problem import build_problem
from mcda.ranks import competition_ranks

__all__ = ["METHODS", "NORMALIZATIONS", "methods", "rank"]


def rank(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    method: str = "topsis",
    **options: Any,
) -> pd.DataFrame:
    """Score and rank alternatives with a registered method.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria, each column in its criterion's unit.
    weights : pandas.Series
        Weight per criterion [-], non-negative, summing to 1.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    method : str
        A name from :func:`methods`.
    **options
        Passed to the method, e.g. ``normalization="vector"`` and ``distance`` for TOPSIS,
        ``v`` for VIKOR, ``preference``, ``p``, ``q``, ``s`` for PROMETHEE II, ``bounds`` and
        ``esp`` (expected solution point) for SPOTIS, ``lam`` (λ) for WASPAS.

    Returns
    -------
    pandas.DataFrame
        Indexed by alternative, sorted by rank: ``score`` (higher is better), ``rank``
        (1 = best, ties share the best rank) and the method's own columns (e.g. ``S``,
        ``R``, ``Q``, ``compromise`` for VIKOR). ``attrs`` holds ``method`` and
        ``options``.

    Raises
    ------
    MatrixError
        On an unknown method or option, NaN or constant columns, bad weights or
        directions, or input the method cannot score.
    """
    spec = lookup(method)
    spec.check_options(options)
    problem = build_problem(matrix, weights, directions)
    result = spec.score(problem, **options)
    scores = result["score"].to_numpy(dtype=float)
    if not np.all(np.isfinite(scores)):
        bad = result.index[~np.isfinite(scores)][0]
        raise MatrixError(f"{method} gives no finite score for {bad!r}")
    result.insert(1, "rank", competition_ranks(scores))
    result = result.sort_values("rank", kind="stable")
    result.attrs = {"method": method, "options": dict(options)}
    return result
