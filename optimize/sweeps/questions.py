"""A provincial planner's three questions, answered from a budget frontier and scenarios.

Which platforms first (the budget at which each project enters), what each cluster loses
when the budget is cut, and how the allocation shifts with the priority rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from optimize.case.case import Case, PriorityRule
from optimize.case.limits import check_limit
from optimize.case.scenario import Scenario
from optimize.model.compiled import SolverOptions
from optimize.sweeps.budget import budget_frontier
from optimize.sweeps.scenarios import compare_scenarios

#: The priority rules compared, in the order the table shows them.
PRIORITY_RULES: tuple[PriorityRule, ...] = ("merit", "need", "blend")
#: Default share of the budget cut [-] (the national case's budget_cut_20pct scenario).
CUT_SHARE = 0.2
#: Default number of budget steps of the entry order (10 %, 20 %, ... of the budget).
ENTRY_STEPS = 10


@dataclass(frozen=True)
class PlannerAnswers:
    """Answers to the planner's questions of one case.

    Attributes
    ----------
    entries : pandas.DataFrame
        Per project (index): cluster, instrument, ``enters_at`` (smallest budget of the grid
        at which it is funded [1e8 CNY]; NaN: not funded up to the case's budget) and
        ``amount`` at the case's budget [1e8 CNY], first entrants first.
    cut : pandas.DataFrame
        Per cluster (index): ``base`` and ``cut`` funding [1e8 CNY] and ``loss`` = base - cut
        (NaN where the cut budget admits no plan).
    rules : pandas.DataFrame
        Funding per cluster (index) under each priority rule (columns) [1e8 CNY]; NaN
        where a rule admits no plan.
    cut_share : float
        Share of the budget cut [-].
    steps : int
        Budget steps of the entry order.
    """

    entries: pd.DataFrame
    cut: pd.DataFrame
    rules: pd.DataFrame
    cut_share: float
    steps: int


def planner_answers(
    case: Case,
    options: SolverOptions | None = None,
    *,
    cut_share: float = CUT_SHARE,
    steps: int = ENTRY_STEPS,
) -> PlannerAnswers:
    """Answer the planner's three questions for `case` (about steps + 9 solves).

    Parameters
    ----------
    case : Case
        The case, with its own budget, priority rule and rules.
    options : SolverOptions, optional
        HiGHS options of every solve.
    cut_share : float
        Share of the budget cut for the loss question [-], in (0, 1).
    steps : int
        Budget grid of the entry order: budget x k / steps for k = 1 ... steps.

    Returns
    -------
    PlannerAnswers
        Entry order, losses under the cut and funding under each priority rule. Scenario
        plans are the optimal plans closest to the base plan, so that ties between equal
        projects do not show as losses or shifts.
    """
    check_limit("steps", steps, "budget steps", "planner_answers", "steps")
    budgets = [case.budget * k / steps for k in range(1, steps + 1)]
    frontier = budget_frontier(case, budgets, options)
    entries = frontier.extra["entries"]
    full = frontier.funding[frontier.funding["point"] == f"{budgets[-1]:g}"]
    amounts = full.set_index("project")["amount"]
    table = case.projects[["cluster", "instrument"]].join(entries)
    table["amount"] = amounts.reindex(table.index).fillna(0.0)
    table = table.sort_values(["enters_at", "amount"], ascending=[True, False], na_position="last")
    scenarios = [Scenario("cut", budget=(1.0 - cut_share) * case.budget)]
    scenarios += [Scenario(rule, priority_rule=rule) for rule in PRIORITY_RULES]
    compared = compare_scenarios(case, scenarios, options, closest=True)
    by_cluster = compared.extra["by_cluster"].reindex(case.clusters.index, fill_value=0.0)
    # A scenario without a plan (infeasible under the cut, say) funds nothing: no numbers.
    unsolved = compared.points.loc[compared.points["objective"].isna(), "point"]
    by_cluster = by_cluster.astype(float).rename_axis("cluster")
    by_cluster.loc[:, list(unsolved)] = float("nan")
    cut = by_cluster[["base", "cut"]].assign(loss=lambda t: t["base"] - t["cut"])
    cut = cut.sort_values("loss", ascending=False)
    return PlannerAnswers(table, cut, by_cluster[list(PRIORITY_RULES)], cut_share, steps)
