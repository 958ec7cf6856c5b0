"""Call a pymcdm method on a problem that :mod:`mcda` has already validated."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from mcda.errors import MatrixError
from mcda.problem import Problem


def preferences(method: Any, problem: Problem) -> npt.NDArray[np.float64]:
    """The preference vector a pymcdm method returns for `problem`.

    pymcdm's own validation is switched off: :func:`mcda.problem.build_problem` is stricter
    (it raises where pymcdm only warns, e.g. on weights that do not sum to 1), and pymcdm
    warns about dominated alternatives, which are valid clusters here.

    Parameters
    ----------
    method : pymcdm.methods.mcda_method.MCDA_method
        A configured pymcdm method object, used once.
    problem : Problem
        The validated decision problem.

    Returns
    -------
    numpy.ndarray
        One value per alternative, in pymcdm's orientation for that method.

    Raises
    ------
    MatrixError
        If pymcdm refuses the problem.
    """
    return np.asarray(_call(method, problem), dtype=float)


def explained(method: Any, problem: Problem) -> dict[str, npt.NDArray[np.float64]]:
    """Every intermediate table of a pymcdm method, by pymcdm's table label.

    Parameters
    ----------
    method : pymcdm.methods.mcda_method.MCDA_method
        A configured pymcdm method object, used once.
    problem : Problem
        The validated decision problem.

    Returns
    -------
    dict of str to numpy.ndarray
        E.g. ``"s"``, ``"r"`` and ``"q"`` for VIKOR.

    Raises
    ------
    MatrixError
        If pymcdm refuses the problem.
    """
    result = _call(method, problem, verbose=True)
    return {table.desc.label: np.asarray(table.data, dtype=float) for table in result.results}


def _call(method: Any, problem: Problem, **options: Any) -> Any:
    """`method` applied to `problem` without pymcdm's validation; a refusal as MatrixError."""
    try:
        return method(
            problem.values, problem.weight_vector, problem.types, validation=False, **options
        )
    except ValueError as exc:
        raise MatrixError(f"{type(method).__name__}: {exc}") from exc
