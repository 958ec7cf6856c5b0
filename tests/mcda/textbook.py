"""Helpers to state textbook examples as labelled frames."""

from collections.abc import Sequence

import numpy as np
import pandas as pd


def problem_frames(
    rows: Sequence[Sequence[float]], types: Sequence[int], weights: Sequence[float]
) -> tuple[pd.DataFrame, pd.Series, dict[str, str]]:
    """Matrix A1..Am x c1..cn, weights and directions from a paper's table (1 = benefit)."""
    values = np.asarray(rows, dtype=float)
    criteria = [f"c{j + 1}" for j in range(values.shape[1])]
    matrix = pd.DataFrame(values, index=[f"A{i + 1}" for i in range(len(values))], columns=criteria)
    directions = {c: "benefit" if t == 1 else "cost" for c, t in zip(criteria, types, strict=True)}
    return matrix, pd.Series(weights, index=criteria), directions
