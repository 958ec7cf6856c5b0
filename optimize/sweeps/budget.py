"""Budget frontier: benefit and allocation as the budget varies, and when projects enter."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from optimize.appraisal.appraise import appraise
from optimize.case.case import Case
from optimize.model.compiled import SolverOptions
from optimize.model.formulation import project_table
from optimize.sweeps.engine import SweepResult, _funding_summary, _Point, _run_points, _tidy


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
    points = [_Point(f"{b:g}", budget=b) for b in budgets]
    outcomes, complete = _run_points(case, projects, points, options, n_jobs, scheduler, on_chunk)
    table = _funding_summary(outcomes)
    table["marginal_benefit"] = table["objective"].diff() / table["budget"].diff()
    table["dip"] = table["objective"] < table["objective"].cummax() - 1e-9
    funding = _tidy(outcomes, projects)
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
