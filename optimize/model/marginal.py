"""What one more unit of budget, or of a relaxed rule, is worth.

A MILP has no duals. The marginal values here are the duals of the LP obtained by fixing
every build decision at its optimal value (labelled ``lp_dual_fixed_integer``); they are
local: valid while the funded set does not change. Each is cross-checked by re-solving that
LP with the row relaxed by a small step (``finite_difference``). The value of one more whole
unit (1e8 CNY, or one project for count rules) is measured by re-solving the MILP with the
row relaxed by that unit (``milp_plus_one``), which may fund a different set of projects.

Both models are built once and re-solved through HiGHS's persistent interface: a relaxed
row is swapped in, solved, and swapped back.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyomo.environ as pyo
from pyomo.contrib.appsi.solvers.highs import Highs

from optimize.appraisal.appraise import Appraisal
from optimize.case.case import Case
from optimize.model.allocation import Allocation
from optimize.model.compiled import SolverOptions
from optimize.model.formulation import build_model, project_table
from optimize.model.persistent import _make_solver
from optimize.model.rule_rows import RuleRow

#: Relative step of the finite-difference cross-check [-].
RELATIVE_STEP = 1e-3

MARGINAL_COLUMNS = [
    "rule",
    "key",
    "sense",
    "unit",
    "lp_dual_fixed_integer",
    "finite_difference",
    "milp_plus_one",
]


class _Resolver:
    """A built model with its persistent HiGHS solver, re-solved with one row relaxed.

    Parameters
    ----------
    model : pyomo.environ.ConcreteModel
        A model from :func:`optimize.model.formulation.build_model`.
    """

    def __init__(self, model: Any) -> None:
        self.model = model
        self.solver: Highs = _make_solver(SolverOptions())
        self.solver.set_instance(model)
        self.rows = {(row.rule, row.key): row for row in model.rows}

    def objective(self) -> float:
        """Optimal objective of the model as it stands (NaN without a solution)."""
        value = self.solver.solve(self.model).best_feasible_objective
        return float("nan") if value is None else float(value)

    def objective_relaxed(self, rule: str, key: str, step: float) -> float:
        """Optimal objective with row (rule, key) loosened by `step` in its own unit."""
        row = self.rows[(rule, key)]
        self.swap(row, step)
        try:
            return self.objective()
        finally:
            self.swap(row, 0.0)

    def swap(self, row: RuleRow, step: float) -> None:
        """Replace the row's constraint by its version loosened by `step`."""
        constraint = self.model.component(row.rule)[row.key]
        self.solver.remove_constraints([constraint])
        if row.sense == "<=":
            constraint.set_value(row.body <= row.rhs + step)
        else:
            constraint.set_value(row.body >= row.rhs - step)
        self.solver.add_constraints([constraint])


def _fixed_integer_lp(case: Case, projects: pd.DataFrame, funded: pd.Series) -> Any:
    """The allocation model with every build decision fixed and integrality dropped."""
    model = build_model(case, projects)
    for p in model.P:
        model.build[p].domain = pyo.Reals
        model.build[p].fix(1.0 if funded[p] else 0.0)
    return model


def marginal_values(
    case: Case, appraisal: Appraisal, allocation: Allocation, step: float | None = None
) -> pd.DataFrame:
    """Marginal value of relaxing each binding rule row, and of the budget.

    Parameters
    ----------
    case, appraisal, allocation
        A case, its appraisal and a solved allocation of it.
    step : float, optional
        Finite-difference step [unit of the row]; default 1e-3 x budget (1e-3 at a zero
        budget).

    Returns
    -------
    pandas.DataFrame
        One row per binding rule row plus ``budget_total`` (the budget parameter, which also
        moves share-based bounds): benefit gained per unit of relaxation [benefit units per
        1e8 CNY or per project] as ``lp_dual_fixed_integer`` and ``finite_difference``;
        ``milp_plus_one`` is the gain of relaxing by one whole unit with re-optimised
        decisions.
    """
    projects = project_table(case, appraisal)
    lp = _Resolver(_fixed_integer_lp(case, projects, allocation.projects["funded"]))
    milp = _Resolver(build_model(case, projects))
    base = lp.objective()
    duals = lp.solver.get_duals()
    # a zero budget still gets a positive step (the difference quotient divides by it)
    delta = step if step is not None else RELATIVE_STEP * (case.budget or 1.0)
    records = []
    for binding in allocation.binding.itertuples():
        rule, key = str(binding.rule), str(binding.key)
        sign = 1.0 if binding.sense == "<=" else -1.0
        dual = sign * float(duals[lp.model.component(rule)[key]])
        difference = (lp.objective_relaxed(rule, key, delta) - base) / delta
        gain = milp.objective_relaxed(rule, key, 1.0) - allocation.objective
        records.append((rule, key, binding.sense, binding.unit, dual, difference, gain))
    records.append(_budget_marginal(lp, milp, case.budget, base, delta, allocation.objective))
    return pd.DataFrame.from_records(records, columns=MARGINAL_COLUMNS)


def _budget_marginal(
    lp: _Resolver, milp: _Resolver, budget: float, base: float, delta: float, objective: float
) -> tuple[Any, ...]:
    """Value of more budget: fixed-integer LP difference and a whole-unit MILP re-solve."""
    values = []
    for resolver, step in ((lp, delta), (milp, 1.0)):
        resolver.model.budget_total.set_value(budget + step)
        values.append(resolver.objective())
        resolver.model.budget_total.set_value(budget)
    difference = (values[0] - base) / delta
    return (
        "budget_total",
        "total",
        "<=",
        "1e8 CNY",
        float("nan"),
        difference,
        values[1] - objective,
    )
