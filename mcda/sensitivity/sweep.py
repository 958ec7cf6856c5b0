"""One-at-a-time weight sensitivity: sweep each criterion's weight, rank at every step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.registry import scores_for_weights
from mcda.problem import build_problem
from mcda.ranks import competition_ranks
from mcda.sensitivity.reweight import reweighted

#: Default sweep: every criterion weight from 0 to 1 in steps of 0.05 [-].
DEFAULT_GRID = tuple(np.round(np.linspace(0.0, 1.0, 21), 10))


def one_at_a_time(
    matrix: pd.DataFrame,
    weights: pd.Series,
    directions: pd.Series | Mapping[str, str],
    method: str = "topsis",
    criteria: Sequence[str] | None = None,
    grid: Sequence[float] = DEFAULT_GRID,
    **options: Any,
) -> pd.DataFrame:
    """Ranks as each criterion's weight is swept, the others rescaled proportionally.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores.
    weights : pandas.Series
        Base weight per criterion [-], summing to 1.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    method : str
        A registered ranking method.
    criteria : sequence of str, optional
        Criteria to sweep; all by default.
    grid : sequence of float
        Weights the swept criterion takes [-], each in [0, 1].
    **options
        The method's options.

    Returns
    -------
    pandas.DataFrame
        Tidy: one row per (criterion, step, alternative) with columns ``criterion``,
        ``weight`` (the swept criterion's weight [-]), ``alternative``, ``score`` and
        ``rank`` (1 = best).
    """
    problem = build_problem(matrix, weights, directions)
    steps = np.asarray(grid, dtype=float)
    alternatives = problem.matrix.index
    frames = []
    columns = list(problem.matrix.columns)
    for criterion in criteria if criteria is not None else columns:
        if criterion not in columns:
            raise MatrixError(f"cannot sweep {criterion!r}: the matrix has no such criterion")
        samples = reweighted(problem.weight_vector, columns.index(criterion), steps)
        scores = scores_for_weights(problem, samples, method, **options)
        frames.append(
            pd.DataFrame(
                {
                    "criterion": criterion,
                    "weight": np.repeat(steps, len(alternatives)),
                    "alternative": np.tile(alternatives, len(steps)),
                    "score": scores.ravel(),
                    "rank": competition_ranks(scores).ravel(),
                }
            )
        )
    result = pd.concat(frames, ignore_index=True)
    result.attrs = {"method": method, "options": dict(options)}
    return result
