"""Named scenarios of a case solved side by side with the base case."""

from __future__ import annotations

import pandas as pd

from optimize.appraisal.appraise import Appraisal, appraise, rank_clusters
from optimize.appraisal.reweight import leaf_weights, level1_weights
from optimize.case.case import Case
from optimize.case.scenario import Scenario, apply, retype_scenarios
from optimize.model.compiled import SolverOptions
from optimize.sweeps.engine import SweepResult


def compare_scenarios(
    case: Case,
    scenarios: list[Scenario],
    options: SolverOptions | None = None,
    closest: bool = False,
) -> SweepResult:
    """Named scenarios side by side with the base case.

    Parameters
    ----------
    case : Case
        The base case.
    scenarios : list of Scenario
        Overrides, each solved on its own.
    options : SolverOptions, optional
        HiGHS options.
    closest : bool
        Report, of each scenario's optimal plans, the one closest to the base plan
        (:func:`~optimize.model.closest.closest_optimum`), so that ties between equal projects
        do not show as changes.

    Returns
    -------
    SweepResult
        ``points`` per scenario; ``extra["by_cluster"]``: funding per cluster (rows) and
        scenario (columns) [1e8 CNY]; ``extra["changes"]``: per scenario the projects whose
        funding moved against the base by more than 0.01 [1e8 CNY], with the amounts.
    """
    from optimize.model.closest import closest_optimum
    from optimize.model.formulation import project_table
    from optimize.model.solve import solve

    base_appraisal = appraise(case)
    rows: list[dict[str, object]] = []
    tables: dict[str, pd.Series] = {}
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
        if closest and tables:
            projects = project_table(variant, appraisal)
            allocation = closest_optimum(variant, projects, allocation, tables["base"], options)
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
    # A project that waits on a re-typing in one point and not another is funded 0 there.
    taking_part = set().union(*(table.index for table in tables.values()))
    ids = [p for p in case.projects.index if p in taking_part]
    amounts = pd.DataFrame({k: t.reindex(ids, fill_value=0.0) for k, t in tables.items()})
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


def retype_clusters(case: Case, options: SolverOptions | None = None) -> SweepResult:
    """Type uncertainty: each cluster with an ``alt_type`` re-typed in turn, and solved.

    A cluster's type sets its fit coefficients and the type-based rules that reach it; each
    point re-types one cluster and keeps the others as given.

    Returns
    -------
    SweepResult
        As :func:`compare_scenarios`, one point ``retype:<cluster>`` per re-typed cluster:
        ``extra["changes"]`` lists the projects whose funding moves against the base, each
        re-typed case's plan being its optimal plan closest to the base plan.
    """
    return compare_scenarios(case, retype_scenarios(case), options, closest=True)
