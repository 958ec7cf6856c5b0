"""Rank-reversal check: whether removing or adding an alternative reorders the others.

Scenarios: remove each alternative in turn; add a copy of the best alternative; add an
alternative that is weakly dominated by every other (the worst observed score on each
criterion, which stays inside every criterion's observed range). A method free of rank
reversal keeps the relative order of the untouched alternatives in every scenario.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from mcda.decision import as_directions
from mcda.ranking import rank

COPY = "copy_of_best"
DOMINATED = "dominated"


def pair_changes(before: pd.Series, after: pd.Series) -> tuple[int, int]:
    """Pairs of alternatives present in both rankings whose relation changed.

    Parameters
    ----------
    before, after : pandas.Series
        Ranks by alternative.

    Returns
    -------
    tuple of int
        Pairs whose relation (better, tied, worse) differs, and among them the pairs whose
        strict order flipped.
    """
    common = before.index.intersection(after.index)
    x, y = before.loc[common].to_numpy(), after.loc[common].to_numpy()
    old = np.sign(x[:, None] - x[None, :])
    new = np.sign(y[:, None] - y[None, :])
    return int((old != new).sum() // 2), int((old * new < 0).sum() // 2)


def worst_profile(matrix: pd.DataFrame, directions: pd.Series) -> pd.Series:
    """The worst observed score on every criterion."""
    return matrix.min().where(directions == "benefit", matrix.max())


def rank_reversal(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    method: str = "topsis",
    **options: Any,
) -> pd.DataFrame:
    """Rank each modified matrix and count order changes among the original alternatives.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores (at least three alternatives, so that removing
        one leaves a ranking).
    weights : pandas.Series
        Weight per criterion [-], summing to 1.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    method : str
        A registered ranking method.
    **options
        The method's options.

    Returns
    -------
    pandas.DataFrame
        One row per scenario, indexed by ``scenario`` (``remove <alternative>``,
        ``add copy_of_best``, ``add dominated``): ``changed`` (bool),
        ``changed_pairs`` (pairs of original alternatives whose relation changed, ties
        included) and ``reversed_pairs`` (pairs whose strict order flipped).
    """
    base = rank(matrix, weights, directions, method, **options)["rank"]
    aligned = as_directions(directions, matrix.columns)
    added = {
        COPY: matrix.loc[base.index[:1]].set_axis([COPY]),  # rank() sorts the best first
        DOMINATED: worst_profile(matrix, aligned).to_frame(DOMINATED).T,
    }
    variants = {f"remove {a}": matrix.drop(index=a) for a in matrix.index}
    variants |= {f"add {label}": pd.concat([matrix, row]) for label, row in added.items()}
    rows = {}
    for scenario, variant in variants.items():
        after = rank(variant, weights, directions, method, **options)["rank"]
        changed, flipped = pair_changes(base, after)
        rows[scenario] = {
            "changed": changed > 0,
            "changed_pairs": changed,
            "reversed_pairs": flipped,
        }
    result = pd.DataFrame.from_dict(rows, orient="index")
    result.index.name = "scenario"
    result.attrs = {"method": method, "options": dict(options)}
    return result
