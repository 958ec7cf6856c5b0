"""Allocate a budget across cluster S&T support instruments with Pyomo and HiGHS.

The package is organised by the stages of a planning run, each a subpackage that imports
only from the stages before it: :mod:`optimize.case` (what a case is) ->
:mod:`optimize.casefiles` (its folder and workbook forms) -> :mod:`optimize.appraisal`
(weights, ranking, priorities) -> :mod:`optimize.model` (the MILP and what its answer
means) -> :mod:`optimize.sweeps` -> :mod:`optimize.pipeline` -> :mod:`optimize.report` ->
:mod:`optimize.cli`. The names below are loaded on first use, so that importing one stage
does not load the solver stack.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from optimize.appraisal import Appraisal, appraise
    from optimize.case import Case, Rules, Scenario, demo_case, shipped_case
    from optimize.casefiles import load_case
    from optimize.errors import InfeasibleError, InputError
    from optimize.model import (
        Allocation,
        SolverOptions,
        SolveStatus,
        explain_infeasibility,
        marginal_values,
        solve,
    )
    from optimize.pipeline import RunResult, run_case

#: Public name -> the module that defines it.
_HOME = {
    "Appraisal": "optimize.appraisal",
    "appraise": "optimize.appraisal",
    "Case": "optimize.case",
    "Rules": "optimize.case",
    "Scenario": "optimize.case",
    "shipped_case": "optimize.case",
    "demo_case": "optimize.case",
    "load_case": "optimize.casefiles",
    "InfeasibleError": "optimize.errors",
    "InputError": "optimize.errors",
    "Allocation": "optimize.model",
    "SolveStatus": "optimize.model",
    "SolverOptions": "optimize.model",
    "explain_infeasibility": "optimize.model",
    "marginal_values": "optimize.model",
    "solve": "optimize.model",
    "RunResult": "optimize.pipeline",
    "run_case": "optimize.pipeline",
}

__all__ = [
    "Allocation",
    "Appraisal",
    "Case",
    "InfeasibleError",
    "InputError",
    "Rules",
    "RunResult",
    "Scenario",
    "SolveStatus",
    "SolverOptions",
    "appraise",
    "demo_case",
    "explain_infeasibility",
    "load_case",
    "marginal_values",
    "run_case",
    "shipped_case",
    "solve",
]


def _load_lazily(namespace: dict[str, Any], home: Mapping[str, str], name: str) -> Any:
    """Import the public name `name` of a lazily loaded package and keep it there.

    Parameters
    ----------
    namespace : dict
        The package's ``globals()``; the loaded value is stored in it, so the next access
        does not come back here.
    home : mapping of str to str
        Public name -> the module that defines it.
    name : str
        The name asked for.

    Raises
    ------
    AttributeError
        If `name` is not a public name of the package.
    """
    if name not in home:
        raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
    value = getattr(import_module(home[name]), name)
    namespace[name] = value
    return value


def __getattr__(name: str) -> Any:
    """Load a public name from its stage package on first access (PEP 562)."""
    return _load_lazily(globals(), _HOME, name)
