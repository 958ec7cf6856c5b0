"""Each policy rule as named linear rows over the model's variables.

A builder takes the model (with ``build[p]``, ``funding[p]`` and ``budget_total``), the
case and the project table, and returns :class:`RuleRow` values. The model adds them as hard
constraints, or with slack variables for the infeasibility diagnosis; reports read them back
to say which rules bind and what relaxing them is worth.

A row over no project (a floor for a type nobody applies in, a plan year in which nobody
spends) is dropped when it holds at every budget; otherwise (a floor above zero over an empty
group) it is kept over a column fixed at zero, so that it makes the case infeasible, the
diagnosis can name and relax it, and a budget sweep still moves its bound.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyomo.environ as pyo
from pyomo.core.expr.visitor import identify_variables

from optimize.case.case import Case
from optimize.case.stock import refused_by_stock

AMOUNT = "1e8 CNY"
COUNT = "projects"


@dataclass(frozen=True)
class RuleRow:
    """One linear row ``body (<= | >=) rhs`` of a named rule.

    Attributes
    ----------
    rule : str
        Rule name from :data:`optimize.case.rules.RULE_NAMES`.
    key : str
        Which instance of the rule (a type, cluster, region, project, ...).
    body : Any
        Pyomo linear expression in the model's variables.
    sense : str
        ``"<="`` or ``">="``.
    rhs : Any
        Number or expression in mutable parameters.
    unit : str
        Unit of the row: ``"1e8 CNY"`` or ``"projects"``.
    """

    rule: str
    key: str
    body: Any
    sense: str
    rhs: Any
    unit: str


Builder = Callable[[Any, Case, pd.DataFrame], list[RuleRow]]


def _total(m: Any, members: list[str]) -> Any:
    """Funding of `members` [1e8 CNY]."""
    return pyo.quicksum(m.funding[p] for p in members)


def _count(m: Any, members: list[str]) -> Any:
    """Number of funded `members`."""
    return pyo.quicksum(m.build[p] for p in members)


def _build(m: Any, project: str) -> Any:
    """The build decision of `project`, or 0 when it is not in the model (it waits)."""
    return _count(m, [project] if project in m.P else [])


def _members_by(projects: pd.DataFrame, column: str) -> dict[str, list[str]]:
    """Project ids grouped by the values of `column`."""
    return {str(k): list(g.index) for k, g in projects.groupby(column, sort=False)}


def _budget_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Total funding within the budget."""
    return [
        RuleRow("budget", "total", _total(m, list(projects.index)), "<=", m.budget_total, AMOUNT)
    ]


def _share_rows(rule: str, m: Any, groups: dict[str, list[str]], bounds: Any) -> list[RuleRow]:
    """Funding of each bounded group within [min, max] shares of the budget."""
    rows = []
    for group, share in bounds.items():
        spent = _total(m, groups.get(group, []))
        if share.minimum > 0:
            rows.append(
                RuleRow(rule, f"{group}:min", spent, ">=", share.minimum * m.budget_total, AMOUNT)
            )
        if share.maximum < 1:
            rows.append(
                RuleRow(rule, f"{group}:max", spent, "<=", share.maximum * m.budget_total, AMOUNT)
            )
    return rows


def _type_share_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Share of the budget per cluster type."""
    return _share_rows(
        "type_share", m, _members_by(projects, "cluster_type"), case.rules.type_share
    )


def _instrument_share_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Share of the budget per instrument."""
    groups = _members_by(projects, "instrument")
    return _share_rows("instrument_share", m, groups, case.rules.instrument_share)


def _cluster_limit_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Per-cluster floors and caps [1e8 CNY]."""
    groups = _members_by(projects, "cluster")
    rows = []
    for cluster, limits in case.rules.cluster_limits.items():
        spent = _total(m, groups.get(cluster, []))
        if limits.minimum > 0:
            rows.append(
                RuleRow("cluster_limits", f"{cluster}:floor", spent, ">=", limits.minimum, AMOUNT)
            )
        if limits.maximum < float("inf"):
            rows.append(
                RuleRow("cluster_limits", f"{cluster}:cap", spent, "<=", limits.maximum, AMOUNT)
            )
    return rows


def _region_floor_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Minimum share of the budget per region."""
    groups = _members_by(projects, "region")
    return [
        RuleRow(
            "region_floor",
            region,
            _total(m, groups.get(region, [])),
            ">=",
            floor * m.budget_total,
            AMOUNT,
        )
        for region, floor in case.rules.region_floor.items()
        if floor > 0
    ]


def _no_duplication_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """At most n funded projects per technology domain and instrument; none refused by stock.

    A project is refused by the stock when its domain's national centre sits outside its
    cluster and it states no override (:func:`optimize.case.stock.refused_by_stock`).
    """
    rule = case.rules.no_duplicated_construction
    if rule is None:
        return []
    covered = projects[projects["instrument"].isin(rule.instruments)]
    rows = [
        RuleRow("no_duplicated_construction", f"{p}:stock", m.build[p], "<=", 0.0, COUNT)
        for p in refused_by_stock(case)["project"]
        if p in projects.index
    ]
    for (domain, instrument), group in covered.groupby(["domain", "instrument"], sort=False):
        if len(group) > rule.max_per_domain:
            rows.append(
                RuleRow(
                    "no_duplicated_construction",
                    f"{domain}/{instrument}",
                    _count(m, list(group.index)),
                    "<=",
                    rule.max_per_domain,
                    COUNT,
                )
            )
    return rows


def _basic_concentration_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Few funded projects per cluster of the rule's types, each at least a minimum grant."""
    rule = case.rules.basic_concentration
    if rule is None:
        return []
    basic = projects[projects["cluster_type"].isin(rule.types)]
    rows = [
        RuleRow(
            "basic_concentration",
            f"{cluster}:count",
            _count(m, list(group.index)),
            "<=",
            rule.max_projects,
            COUNT,
        )
        for cluster, group in basic.groupby("cluster", sort=False)
        if len(group) > rule.max_projects
    ]
    rows += [
        RuleRow(
            "basic_concentration",
            f"{p}:min_grant",
            m.funding[p] - rule.min_grant * m.build[p],
            ">=",
            0.0,
            AMOUNT,
        )
        for p in basic.index[basic["min_grant"] < rule.min_grant]
    ]
    return rows


def _frontier_research_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """No project of the rule's instruments and types where research is sparse.

    Sparse: the research-institution score is below the threshold.
    """
    rule = case.rules.frontier_platform_research
    if rule is None:
        return []
    score = case.scores.values[rule.criterion]
    sparse = projects[
        projects["cluster_type"].isin(rule.types)
        & projects["instrument"].isin(rule.instruments)
        & (score.loc[projects["cluster"]].to_numpy() < rule.min_score)
    ]
    return [
        RuleRow("frontier_platform_research", str(p), m.build[p], "<=", 0.0, COUNT)
        for p in sparse.index
    ]


def _dependency_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """A project is funded only if the project it needs is funded.

    With ``in_cluster`` pairs ``(a, b)``, a project of instrument ``a`` is funded only if at
    least one project of instrument ``b`` in its cluster is (none when the cluster has no
    candidate of ``b``), whatever the order of the project rows.
    """
    # A pair whose dependent waits on a re-typing holds trivially; one whose prerequisite
    # waits leaves the dependent unfundable.
    rows = [
        RuleRow("dependencies", f"{p}->{q}", m.build[p] - _build(m, q), "<=", 0.0, COUNT)
        for p, q in case.rules.dependencies
        if p in projects.index
    ]
    for instrument, needed in case.rules.in_cluster:
        providers = _members_by(projects[projects["instrument"] == needed], "cluster")
        rows += [
            RuleRow(
                "dependencies",
                f"{d}->{needed}",
                m.build[d] - _count(m, providers.get(str(projects.at[d, "cluster"]), [])),
                "<=",
                0.0,
                COUNT,
            )
            for d in projects.index[projects["instrument"] == instrument]
        ]
    return rows


def _exclusion_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """At most one project of each mutually exclusive pair."""
    return [
        RuleRow("exclusions", f"{p}|{q}", m.build[p] + m.build[q], "<=", 1.0, COUNT)
        for p, q in case.rules.exclusions
        if p in projects.index and q in projects.index
    ]


def _must_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Must-fund and must-not-fund projects.

    A must-not-fund project that waits on a re-typing needs no row; a waiting must-fund
    project is refused when the case or scenario is read (:mod:`optimize.case.eligibility`).
    """
    rows = [RuleRow("must_fund", p, m.build[p], ">=", 1.0, COUNT) for p in case.rules.must_fund]
    rows += [
        RuleRow("must_not_fund", p, m.build[p], "<=", 0.0, COUNT)
        for p in case.rules.must_not_fund
        if p in projects.index
    ]
    return rows


def _cofunding_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Co-funding raised at least (leverage - 1) times the central funding."""
    if case.rules.min_leverage is None:
        return []
    surplus = projects["cofunding_ratio"] - (case.rules.min_leverage - 1.0)
    body = pyo.quicksum(float(surplus[p]) * m.funding[p] for p in surplus.index[surplus != 0])
    return [RuleRow("cofunding", "leverage", body, ">=", 0.0, AMOUNT)]


def _period_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Spending per plan year within that year's budget (cumulative with carry-over)."""
    periods = case.rules.periods
    if periods is None:
        return []
    shares = _spend_shares(case, projects)
    rows = []
    for t, year in enumerate(periods.years):
        window = periods.years[: t + 1] if periods.carry_over else (year,)
        weights = shares[list(window)].sum(axis=1)
        active = weights[weights > 0]
        if active.empty:
            continue  # nothing can be spent this year: its budget binds nothing
        spent = pyo.quicksum(float(active[p]) * m.funding[p] for p in active.index)
        available = sum(
            b for y, b in zip(periods.years, periods.budgets, strict=True) if y in window
        )
        rows.append(RuleRow("period_budget", str(year), spent, "<=", available, AMOUNT))
    return rows


def _spend_shares(case: Case, projects: pd.DataFrame) -> pd.DataFrame:
    """Share of each project's funding spent in each plan year [-] (projects x years).

    A project spends its instrument's profile from its start year (default: the first plan
    year); spending that would fall after the plan is counted in the last plan year.
    """
    periods = case.rules.periods
    assert periods is not None
    years = list(periods.years)
    shares = np.zeros((len(projects), len(years)))
    starts = projects["start"].astype(int).tolist()
    instruments = projects["instrument"].astype(str).tolist()
    for k, (start, instrument) in enumerate(zip(starts, instruments, strict=True)):
        offset = years.index(start) if start in years else 0
        for step, share in enumerate(periods.profiles[instrument]):
            shares[k, min(offset + step, len(years) - 1)] += share
    return pd.DataFrame(shares, index=projects.index, columns=years)


BUILDERS: tuple[Builder, ...] = (
    _budget_rows,
    _period_rows,
    _type_share_rows,
    _instrument_share_rows,
    _cluster_limit_rows,
    _region_floor_rows,
    _no_duplication_rows,
    _basic_concentration_rows,
    _frontier_research_rows,
    _dependency_rows,
    _exclusion_rows,
    _must_rows,
    _cofunding_rows,
)


def _rule_rows(m: Any, case: Case, projects: pd.DataFrame) -> list[RuleRow]:
    """Every row of every active rule, budget first; rows over no project settled."""
    rows = []
    for row in (row for build in BUILDERS for row in build(m, case, projects)):
        if not _over_nothing(row.body):
            rows.append(row)
        elif not _always_holds(row):
            rows.append(dataclasses.replace(row, body=_nothing(m)))
    return rows


def _over_nothing(body: Any) -> bool:
    """Whether a row's body is a constant (an empty sum: the rule's group has no project)."""
    return next(identify_variables(body, include_fixed=True), None) is None


def _always_holds(row: RuleRow) -> bool:
    """Whether ``0 (<= | >=) rhs`` holds at every budget >= 0.

    Bounds that move with the budget are non-negative shares of it: a cap over nothing
    always holds, a floor over nothing only at a zero budget.
    """
    if not isinstance(row.rhs, int | float):
        return row.sense == "<="
    return row.rhs >= 0 if row.sense == "<=" else row.rhs <= 0


def _nothing(m: Any) -> Any:
    """A column fixed at zero that stands for an empty sum, so the row stays a row."""
    if m.component("empty_sum") is None:
        m.empty_sum = pyo.Var(bounds=(0.0, 0.0), doc="an empty sum (a rule over no project)")
    return m.empty_sum
