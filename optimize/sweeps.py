"""Sweeps that say how robust a funding decision is.

Budget frontier, weight robustness, Sobol indices and named-scenario comparison; each
returns tidy DataFrames and records its seed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from optimize.appraise import Appraisal, appraise
from optimize.case import Case
from optimize.compiled import SolverOptions
from optimize.model import project_table
from optimize.scenario import Scenario, apply, leaf_weights, level1_weights, priority_for
from optimize.sweep_engine import Point, run_points, summary, tidy

#: Core-index thresholds (Liesiö, Mild & Salo 2007, robust portfolio modelling).
ROBUSTLY_IN, ROBUSTLY_OUT = 0.95, 0.05


@dataclass(frozen=True)
class SweepResult:
    """Tidy results of a sweep.

    Attributes
    ----------
    points : pandas.DataFrame
        One row per point: status, objective [benefit units], budget and spent [1e8 CNY],
        plus the sweep's own columns.
    funding : pandas.DataFrame
        One row per point x project: amount [1e8 CNY] and funded flag.
    extra : mapping of str to pandas.DataFrame
        Sweep-specific tables (entries and exits, core index, Sobol indices, ...).
    seed : int or None
        Seed of the random sampling, if any.
    complete : bool
        False if the sweep was interrupted; the tables then hold the finished points.
    """

    points: pd.DataFrame
    funding: pd.DataFrame
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)
    seed: int | None = None
    complete: bool = True


def coefficient_for(projects: pd.DataFrame, priority: pd.Series) -> npt.NDArray[np.float64]:
    """Benefit coefficient a_p = pi_k(p) x fit x efficiency per project [-]."""
    cluster_priority = priority.loc[projects["cluster"]].to_numpy(float)
    coefficient: npt.NDArray[np.float64] = (
        cluster_priority * projects["fit"].to_numpy(float) * projects["efficiency"].to_numpy(float)
    )
    return coefficient


def budget_frontier(
    case: Case,
    budgets: list[float],
    options: SolverOptions | None = None,
    n_jobs: int = 1,
    scheduler: str | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> SweepResult:
    """Benefit and allocation over a budget grid [1e8 CNY].

    Returns
    -------
    SweepResult
        ``points`` adds ``marginal_benefit`` (benefit per extra 1e8 CNY between grid
        points) and ``dip`` (benefit lower than at a smaller budget: possible only when
        rules are shares of the budget, which tighten as it grows); ``extra["entries"]``
        gives per project the smallest budget at which it is funded and, if it drops out
        later, the budget at which it leaves (budgets without an allocation, such as
        infeasible ones, are left out).
    """
    appraisal = appraise(case)
    projects = project_table(case, appraisal)
    points = [Point(f"{b:g}", budget=b) for b in budgets]
    outcomes, complete = run_points(case, projects, points, options, n_jobs, scheduler, on_chunk)
    table = summary(outcomes)
    table["marginal_benefit"] = table["objective"].diff() / table["budget"].diff()
    table["dip"] = table["objective"] < table["objective"].cummax() - 1e-9
    funding = tidy(outcomes, projects)
    return SweepResult(
        table, funding, {"entries": entries_and_exits(funding, table)}, complete=complete
    )


def entries_and_exits(funding: pd.DataFrame, points: pd.DataFrame) -> pd.DataFrame:
    """Per project: the first budget at which it is funded and the first at which it leaves.

    Budgets without an allocation (infeasible, or no solution within the time limit) are
    left out: there nothing is funded because nothing was decided, not because a project
    dropped out.
    """
    solved = points[points["objective"].notna()]
    budget_of = dict(zip(solved["point"], solved["budget"], strict=True))
    decided = funding[funding["point"].isin(budget_of)]
    funded = (
        decided.assign(budget=decided["point"].map(budget_of))
        .pivot(index="budget", columns="project", values="funded")
        .reindex(columns=sorted(funding["project"].unique()), fill_value=False)
    )
    rows = []
    for project, flags in funded.items():
        on = flags[flags]
        enters = float(on.index.min()) if len(on) else float("nan")
        later = flags[(flags.index > enters) & ~flags] if len(on) else flags.iloc[:0]
        rows.append((project, enters, float(later.index.min()) if len(later) else float("nan")))
    return pd.DataFrame(rows, columns=["project", "enters_at", "leaves_at"]).set_index("project")


def sample_level1(base: pd.Series, samples: int, seed: int, concentration: float) -> np.ndarray:
    """Dirichlet samples around level-1 weights: alpha = concentration x weights."""
    rng = np.random.default_rng(seed)
    return rng.dirichlet(concentration * base.to_numpy(float), size=samples)


def robustness(
    case: Case,
    samples: int,
    seed: int,
    concentration: float = 100.0,
    options: SolverOptions | None = None,
    n_jobs: int = 1,
    scheduler: str | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> SweepResult:
    """How often each project is funded when the level-1 weights are uncertain.

    Level-1 weights are drawn from a Dirichlet distribution centred on the AHP weights
    (``alpha = concentration x w``; larger is tighter); for each draw the clusters are
    re-ranked (TOPSIS), priorities recomputed and the allocation re-solved.

    Returns
    -------
    SweepResult
        ``extra["core_index"]``: per project the share of samples in which it is funded and
        its class (``robustly in`` >= 0.95, ``robustly out`` <= 0.05, else ``borderline``);
        ``extra["cluster_spread"]``: per cluster mean, 5 % and 95 % quantiles of funding
        [1e8 CNY]; ``extra["weights"]``: the sampled level-1 weights.
    """
    appraisal = appraise(case)
    projects = project_table(case, appraisal)
    base = appraisal.local["goal"].weights
    draws = sample_level1(base, samples, seed, concentration)
    points = [
        Point(
            f"sample {k}",
            coefficient=coefficient_for(
                projects, weighted_priority(case, appraisal, pd.Series(w, index=base.index))
            ),
        )
        for k, w in enumerate(draws)
    ]
    outcomes, complete = run_points(case, projects, points, options, n_jobs, scheduler, on_chunk)
    funding = tidy(outcomes, projects)
    core = funding.groupby("project")["funded"].mean().rename("core_index").to_frame()
    core["class"] = np.select(
        [core["core_index"] >= ROBUSTLY_IN, core["core_index"] <= ROBUSTLY_OUT],
        ["robustly in", "robustly out"],
        "borderline",
    )
    per_cluster = funding.groupby(["point", "cluster"])["amount"].sum().unstack("cluster")
    spread = pd.DataFrame(
        {
            "mean": per_cluster.mean(),
            "q05": per_cluster.quantile(0.05),
            "q95": per_cluster.quantile(0.95),
        }
    )
    weights = pd.DataFrame(draws[: len(outcomes)], columns=base.index)
    return SweepResult(
        summary(outcomes),
        funding,
        {"core_index": core, "cluster_spread": spread, "weights": weights},
        seed=seed,
        complete=complete,
    )


def weighted_priority(case: Case, appraisal: Appraisal, level1: pd.Series) -> pd.Series:
    """Cluster priority under other level-1 weights, with the case's priority rule."""
    leaves = leaf_weights(case, appraisal, level1)
    return priority_for(case, leaves, appraisal.priority_rule, appraisal.blend)


def sobol(
    case: Case,
    samples: int,
    seed: int,
    spread: float = 0.5,
    budget_spread: float = 0.2,
    options: SolverOptions | None = None,
    n_jobs: int = 1,
    scheduler: str | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> SweepResult:
    """Sobol indices of each cluster's funding on the level-1 weights and the budget (SALib).

    Each level-1 weight varies uniformly within +-`spread` of its AHP value (then all are
    renormalised to sum 1) and the budget within +-`budget_spread`. Sampling and analysis
    are SALib's (Saltelli/Sobol' sequence; Sobol 2001, Saltelli et al. 2010):
    ``samples x (2 D + 2)`` solves for D factors.

    Returns
    -------
    SweepResult
        ``extra["indices"]``: per cluster x factor the first-order ``S1`` and total ``ST``
        indices with their 95 % confidence half-widths.
    """
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    appraisal = appraise(case)
    projects = project_table(case, appraisal)
    base = appraisal.local["goal"].weights
    names = [*map(str, base.index), "budget"]
    bounds = [[w * (1 - spread), w * (1 + spread)] for w in base] + [
        [case.budget * (1 - budget_spread), case.budget * (1 + budget_spread)]
    ]
    problem = {"num_vars": len(names), "names": names, "bounds": bounds}
    design = sobol_sample.sample(problem, samples, calc_second_order=True, seed=seed)
    points = []
    for k, row in enumerate(design):
        level1 = pd.Series(row[:-1], index=base.index)
        level1 = level1 / level1.sum()
        priority = weighted_priority(case, appraisal, level1)
        points.append(
            Point(
                f"design {k}",
                budget=float(row[-1]),
                coefficient=coefficient_for(projects, priority),
            )
        )
    outcomes, complete = run_points(case, projects, points, options, n_jobs, scheduler, on_chunk)
    funding = tidy(outcomes, projects)
    per_cluster = funding.groupby(["point", "cluster"], sort=False)["amount"].sum().unstack()
    per_cluster = per_cluster.loc[[o.label for o in outcomes]]
    records = []
    if complete:
        for cluster in per_cluster.columns:
            output = per_cluster[cluster].to_numpy(float)
            if np.ptp(output) == 0:  # funding never varies: no factor matters
                records += [(cluster, name, 0.0, 0.0, 0.0, 0.0) for name in names]
                continue
            result = sobol_analyze.analyze(problem, output, calc_second_order=True, seed=seed)
            for j, name in enumerate(names):
                records.append(
                    (
                        cluster,
                        name,
                        result["S1"][j],
                        result["S1_conf"][j],
                        result["ST"][j],
                        result["ST_conf"][j],
                    )
                )
    indices = pd.DataFrame(records, columns=["cluster", "factor", "S1", "S1_conf", "ST", "ST_conf"])
    return SweepResult(
        summary(outcomes), funding, {"indices": indices}, seed=seed, complete=complete
    )


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
    from optimize.solve import solve

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
            priority = priority_for(variant, leaves, rule, blend)
            appraisal = Appraisal(appraisal.local, leaves, appraisal.ranking, priority, rule, blend)
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
