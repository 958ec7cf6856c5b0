"""Named scenarios of a case solved side by side with the base case."""

from __future__ import annotations

import pandas as pd

from optimize.appraisal.appraise import Appraisal, appraise, rank_clusters
from optimize.appraisal.reweight import leaf_weights, level1_weights
from optimize.case.case import Case
from optimize.case.scenario import Scenario, apply
from optimize.model.compiled import SolverOptions
from optimize.sweeps.engine import SweepResult


def compare_scenarios(
    case: Case,
    scenarios: list[Scenario],
    options: SolverOptions | None = None,
) -> SweepResult:
    """Named scenarios side by side with the base case.

    Returns
    -------
    SweepResult
        ``points`` per scenario; ``extra["by_cluster"]``: funding per cluster (rows) and
        scenario (columns) [1e8 CNY]; ``extra["changes"]``: per scenario the projects whose
        funding moved against the base by more than 0.01 [1e8 CNY], with the amounts.
    """
    from optimize.model.solve import solve

    base_appraisal = appraise(case)
    rows, tables = [], {}
    for scenario in [Scenario("base"), *scenarios]:
        variant = apply(case, scenario)
        rule = scenario.priority_rule or case.priority_rule
        blend = case.blend if scenario.blend is None else scenario.blend
        appraisal = appraise(variant, priority_rule=rule, blend=blend)
        if scenario.weights:
            level1 = level1_weights(base_appraisal.local["goal"].weights, scenario.weights)
            leaves = leaf_weights(variant, appraisal, level1)
            ranking, priority = rank_clusters(variant, leaves, rule, blend)
            appraisal = Appraisal(appraisal.local, leaves, ranking, priority, rule, blend)
        allocation = solve(variant, appraisal, options)
        rows.append(
            {
                "point": scenario.name,
                "status": str(allocation.status),
                "objective": allocation.objective,
                "budget": allocation.budget,
                "spent": allocation.spent,
                "description": scenario.description,
            }
        )
        tables[scenario.name] = allocation.projects["amount"]
    amounts = pd.DataFrame(tables)
    clusters = case.projects["cluster"].loc[amounts.index]
    by_cluster = amounts.groupby(clusters).sum()
    changes = []
    for name in amounts.columns[1:]:
        moved = (amounts[name] - amounts["base"]).abs() > 0.01
        for project in amounts.index[moved]:
            changes.append((name, project, amounts.at[project, "base"], amounts.at[project, name]))
    funding = amounts.stack().reset_index()
    funding.columns = pd.Index(["project", "point", "amount"])
    return SweepResult(
        pd.DataFrame(rows),
        funding,
        {
            "by_cluster": by_cluster,
            "changes": pd.DataFrame(changes, columns=["scenario", "project", "base", "amount"]),
        },
    )
