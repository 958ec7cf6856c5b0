"""Read a solved model's variable values into the tidy allocation table."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyomo.environ as pyo

from optimize.case.case import BenefitCurve, Case
from optimize.model.allocation import Allocation, SolveStatus
from optimize.model.rule_rows import _spend_shares

#: Project attributes carried into the allocation table.
SOLUTION_COLUMNS = [
    "cluster",
    "instrument",
    "cluster_type",
    "region",
    "tech_domain",
    "min_grant",
    "max_grant",
    "cofunding_ratio",
    "start",
    "coefficient",
]

#: Funding below this is read as zero [1e8 CNY] (solver tolerance).
AMOUNT_TOLERANCE = 1e-7


def _read_solution(
    model: pyo.ConcreteModel, projects: pd.DataFrame, curve: BenefitCurve
) -> pd.DataFrame:
    """Funded flag, amount and benefit per project from the loaded variable values.

    Under cluster returns a project's benefit is net of what its money counted in its
    cluster's later blocks loses, so the projects' benefits sum to the objective.
    """
    ids = list(projects.index)
    built = pd.Series({p: round(pyo.value(model.build[p])) for p in ids}, dtype=float)
    top_up = {p: [max(pyo.value(model.top_up[p, s]), 0.0) for s in model.S] for p in ids}
    amount = built * projects["min_grant"] + pd.Series({p: sum(v) for p, v in top_up.items()})
    amount = amount.where(amount > AMOUNT_TOLERANCE, 0.0)
    decay = curve.decay
    weighted = pd.Series(
        {p: sum(decay ** (k + 1) * v for k, v in enumerate(top_up[p])) for p in ids}
    )
    benefit = projects["coefficient"] * (built * projects["min_grant"] + weighted)
    excess = model.component("excess")
    if excess is not None:
        # A cluster's lost benefit, shared by its projects in proportion to their weighted grant.
        slopes = curve.block_slopes
        lost = {
            k: sum((1.0 - slopes[j - 1]) * max(pyo.value(excess[k, j]), 0.0) for j in model.J)
            for k in model.K
        }
        used = projects["fit"] * projects["efficiency"] * amount
        total = used.groupby(projects["cluster"]).transform("sum")
        share = (used / total.where(total > 0.0)).fillna(0.0)
        benefit -= projects["priority"] * projects["cluster"].map(lost) * share
    table = projects[SOLUTION_COLUMNS].copy()
    table["funded"] = built.astype(bool)
    table["amount"] = amount
    table["benefit"] = benefit
    return table


def _empty_allocation(
    case: Case,
    projects: pd.DataFrame,
    status: SolveStatus,
    budget: float,
    rule: str,
    seconds: float,
) -> Allocation:
    """An allocation without a solution: nothing funded, objective NaN."""
    table = projects[SOLUTION_COLUMNS].copy()
    table["funded"] = False
    table["amount"] = 0.0
    table["benefit"] = 0.0
    nan = float("nan")
    return Allocation(
        table,
        status,
        nan,
        nan,
        nan,
        seconds,
        budget,
        rule,
        types=tuple(case.type_ids),
        instruments=tuple(case.instrument_ids),
    )


def _spend_for(case: Case, projects: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame | None:
    """Spending per project and plan year [1e8 CNY]; None for one-period cases."""
    if case.rules.periods is None:
        return None
    return _spend_shares(case, projects).mul(table["amount"], axis=0)


#: A row whose slack is within this of zero binds [unit of the row].
BINDING_TOLERANCE = 1e-6

RULE_COLUMNS = ["rule", "key", "sense", "unit", "activity", "bound", "slack", "binding"]


def _rule_activity(model: Any) -> pd.DataFrame:
    """Activity, bound and slack of every rule row at the loaded solution.

    Parameters
    ----------
    model : pyomo.environ.ConcreteModel
        A model from :func:`optimize.model.formulation.build_model` with variable values loaded.

    Returns
    -------
    pandas.DataFrame
        One row per rule row: ``rule``, ``key``, ``sense``, ``unit``, ``activity`` (the
        left-hand side), ``bound`` (the right-hand side), ``slack`` (>= 0 when the row
        holds, in the row's unit) and ``binding`` (slack within 1e-6).
    """
    records = []
    for row in model.rows:
        activity = float(pyo.value(row.body))
        bound = float(pyo.value(row.rhs))
        slack = bound - activity if row.sense == "<=" else activity - bound
        records.append(
            (
                row.rule,
                row.key,
                row.sense,
                row.unit,
                activity,
                bound,
                slack,
                abs(slack) <= BINDING_TOLERANCE * max(1.0, abs(bound)),
            )
        )
    return pd.DataFrame.from_records(records, columns=RULE_COLUMNS)
