"""Column normalisations (from pymcdm) that turn every criterion into "higher is better".

After normalisation a cost criterion is reversed (e.g. ``1 - x / ||x||`` for the vector
normalisation), so the ideal of every column is its maximum.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from mcda.errors import MatrixError
from mcda.problem import Problem

#: Name -> the function of ``pymcdm.normalizations`` it stands for, looked up when used
#: (importing pymcdm loads matplotlib's pyplot, which checking a name does not need).
NORMALIZATIONS: dict[str, str] = {
    "vector": "vector_normalization",
    "minmax": "minmax_normalization",
    "max": "max_normalization",
    "sum": "sum_normalization",
    "linear": "linear_normalization",
}

#: Normalisations that divide by the scores or their sum, so need positive scores.
POSITIVE_ONLY = frozenset({"sum", "linear"})


def require_positive(problem: Problem, purpose: str) -> None:
    """Refuse zero or negative scores where a ratio of scores is taken.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    purpose : str
        What needs positive scores, for the message (e.g. ``"WPM"``).

    Raises
    ------
    MatrixError
        Naming the first alternative and criterion with a score <= 0.
    """
    bad = np.argwhere(problem.values <= 0)
    if bad.size:
        i, j = bad[0]
        raise MatrixError(
            f"{purpose} needs positive scores; {problem.matrix.index[i]!r} has "
            f"{problem.values[i, j]:g} on {problem.matrix.columns[j]!r}"
        )


def normalization_function(problem: Problem, name: str) -> Callable[..., Any]:
    """The pymcdm normalisation named `name`, once it is known to suit `problem`.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    name : str
        A key of :data:`NORMALIZATIONS`.

    Returns
    -------
    callable
        pymcdm's ``f(x, cost)``.

    Raises
    ------
    MatrixError
        On an unknown name, or non-positive scores for ``"sum"`` and ``"linear"``.
    """
    if name not in NORMALIZATIONS:
        raise MatrixError(f"unknown normalization {name!r}; use one of {sorted(NORMALIZATIONS)}")
    if name in POSITIVE_ONLY:
        require_positive(problem, f"{name} normalization")
    from pymcdm import normalizations

    function: Callable[..., Any] = getattr(normalizations, NORMALIZATIONS[name])
    return function


def normalize(problem: Problem, name: str) -> npt.NDArray[np.float64]:
    """Normalise every column of a problem so that higher is better.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    name : str
        A key of :data:`NORMALIZATIONS`.

    Returns
    -------
    numpy.ndarray
        Alternatives x criteria, dimensionless [-].
    """
    from pymcdm.helpers import normalize_matrix

    function = normalization_function(problem, name)
    return np.asarray(normalize_matrix(problem.values, function, problem.types), dtype=float)
