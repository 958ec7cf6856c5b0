"""(Case, Appraisal) -> Pyomo model -> Allocation, and what the answer means."""

# First (import order is sorted so): the imports below load scipy, and Pyomo's hook on it
# must be gone by then.
from optimize.model import pyomo_hooks  # noqa: F401
from optimize.model.allocation import Allocation, SolveStatus
from optimize.model.closest import closest_optimum
from optimize.model.compiled import CompiledModel, SolverOptions
from optimize.model.explain import describe, explain_infeasibility, row_reasons
from optimize.model.formulation import benefit_coefficients, build_model, project_table
from optimize.model.greedy import FEASIBILITY_TOLERANCE, benefit_bound, greedy_plan, violation
from optimize.model.marginal import marginal_values
from optimize.model.rule_rows import RuleRow
from optimize.model.solve import solve

__all__ = [
    "FEASIBILITY_TOLERANCE",
    "Allocation",
    "CompiledModel",
    "RuleRow",
    "SolveStatus",
    "SolverOptions",
    "benefit_bound",
    "benefit_coefficients",
    "build_model",
    "closest_optimum",
    "describe",
    "explain_infeasibility",
    "greedy_plan",
    "marginal_values",
    "project_table",
    "row_reasons",
    "solve",
    "violation",
]
