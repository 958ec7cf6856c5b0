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

#: Each normalisation by name, with the name of its function in ``pymcdm.normalizations``
#: (looked up on use, since importing pymcdm loads matplotlib.pyplot).
NORMALIZATIONS: dict[str, str] = {
    "vector": "vector_normalization",
    "minmax": "minmax_normalization",
    "max": "max_normalization",
    "sum": "sum_normalization",
    "linear": "linear_normalization",
}

#: Normalisations that divide by the scores or their sum, so need positive scores.
POSITIVE_ONLY = frozenset({"sum", "linear"})


def require_positive(problem: Problem, normalization: str) -> None:
    """Refuse zero or negative scores where a ratio of scores is taken.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    normalization : {"sum", "linear"}
        The normalisation that needs positive scores, for the message (its key names it).

    Raises
    ------
    MatrixError
        Naming the first alternative and criterion with a score <= 0.
    """
    bad = np.argwhere(problem.values <= 0)
    if bad.size:
        i, j = bad[0]
        alternative, criterion = problem.matrix.index[i], problem.matrix.columns[j]
        score = f"{problem.values[i, j]:g}"
        raise MatrixError(
            f"{normalization} normalization needs positive scores; {alternative!r} has {score} "
            f"on {criterion!r}",
            key=f"matrix.needs_positive_{normalization}",
            fields={"alternative": alternative, "score": score, "criterion": criterion},
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
        require_positive(problem, name)
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
