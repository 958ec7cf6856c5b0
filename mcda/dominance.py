"""Pareto dominance between alternatives, before any weighting.

Alternative a dominates b when a is at least as good as b on every criterion (>= on a
benefit, <= on a cost criterion) and strictly better on at least one. Dominance is a strict
partial order (irreflexive, asymmetric, transitive), and no weights can rank a dominated
alternative above the one dominating it under a method that is monotone in every score
(e.g. WSM and TOPSIS with positive weights). Reports use it to say "X is dominated by Y on
every criterion" before any weight is chosen.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.decision import checked_scores
from mcda.errors import MatrixError


def dominance(matrix: pd.DataFrame, directions: pd.Series | Mapping[str, str]) -> pd.DataFrame:
    """Who dominates whom.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores, each column in its criterion's unit; constant
        columns are allowed (they tie every pair).
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.

    Returns
    -------
    pandas.DataFrame
        Boolean, alternatives x alternatives: ``table.at[a, b]`` is True when a dominates
        b. Rows are named ``dominates``, columns ``dominated``; ``table[b]`` marks who
        dominates b.

    Raises
    ------
    MatrixError
        On duplicated alternatives, a missing or non-finite score, or bad directions.
    """
    if matrix.index.has_duplicates:
        raise MatrixError(
            f"alternative {matrix.index[matrix.index.duplicated()][0]!r} appears twice"
        )
    values, aligned = checked_scores(matrix, directions, constant_ok=True)
    oriented = values.to_numpy() * np.where(aligned.to_numpy() == "benefit", 1.0, -1.0)
    at_least = np.all(oriented[:, None, :] >= oriented[None, :, :], axis=2)
    better = np.any(oriented[:, None, :] > oriented[None, :, :], axis=2)
    relation: npt.NDArray[np.bool_] = np.logical_and(at_least, better)
    table = pd.DataFrame(relation, index=values.index, columns=values.index)
    table.index.name, table.columns.name = "dominates", "dominated"
    return table


def non_dominated(matrix: pd.DataFrame, directions: pd.Series | Mapping[str, str]) -> pd.Index:
    """The alternatives that no other alternative dominates (the Pareto set).

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.

    Returns
    -------
    pandas.Index
        The non-dominated alternatives, in the matrix's order; never empty.

    Raises
    ------
    MatrixError
        As :func:`dominance`.
    """
    table = dominance(matrix, directions)
    return table.columns[~table.any(axis=0).to_numpy()]
