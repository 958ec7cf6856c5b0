"""The Allocation value: what the solver funded, and views of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd


class SolveStatus(StrEnum):
    """Outcome of a solve, independent of the modelling layer's own status objects."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible_with_gap"
    INFEASIBLE = "infeasible"
    UNBOUNDED = "unbounded"
    TIME_LIMIT = "time_limit"
    #: The time limit stopped the solver before it (or the greedy start) found any plan.
    TIME_LIMIT_NO_SOLUTION = "time_limit_no_solution"
    ERROR = "error"

    @property
    def has_solution(self) -> bool:
        """Whether an allocation can be read (possibly not proven optimal)."""
        return self in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE, SolveStatus.TIME_LIMIT)


@dataclass(frozen=True)
class Allocation:
    """A solved allocation.

    Attributes
    ----------
    projects : pandas.DataFrame
        Indexed by project id: ``cluster``, ``instrument``, ``cluster_type``, ``region``,
        ``funded`` (bool), ``amount`` [1e8 CNY], ``benefit`` [benefit units].
    status : SolveStatus
        Outcome of the solve.
    objective : float
        Total benefit of the allocation [benefit units]; NaN without a solution.
    bound : float
        Best proven upper bound on the benefit [benefit units].
    mip_gap : float
        Relative gap ``(bound - objective) / |objective|`` [-].
    solve_seconds : float
        Wall time spent in the solver [s].
    budget : float
        Budget the allocation was solved for [1e8 CNY].
    priority_rule : str
        Cluster priority rule used.
    rules : pandas.DataFrame
        Every rule row with its activity, bound, slack and whether it binds; empty without
        a solution.
    spend : pandas.DataFrame or None
        Spending per project (rows) and plan year (columns) [1e8 CNY] for multi-period cases.
    types, instruments : tuple of str
        The case's cluster types and instruments, in its order: the rows and columns of the
        tables by type and instrument (empty: those of the funded projects, sorted).
    """

    projects: pd.DataFrame
    status: SolveStatus
    objective: float
    bound: float
    mip_gap: float
    solve_seconds: float
    budget: float
    priority_rule: str
    rules: pd.DataFrame = field(default_factory=pd.DataFrame)
    spend: pd.DataFrame | None = None
    types: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()

    @property
    def spent(self) -> float:
        """Total funding allocated [1e8 CNY]."""
        return float(self.projects["amount"].sum())

    def by_type_instrument(self) -> pd.DataFrame:
        """Funding [1e8 CNY] by cluster type (rows) and instrument (columns), with totals."""
        table = self._pivot("cluster_type")
        table = table.reindex(index=list(self.types) or sorted(table.index), fill_value=0.0)
        table["total"] = table.sum(axis=1)
        table.loc["total"] = table.sum(axis=0)
        return table

    @property
    def binding(self) -> pd.DataFrame:
        """The rule rows that bind at the solution."""
        if self.rules.empty:
            return self.rules
        return self.rules[self.rules["binding"]].reset_index(drop=True)

    @property
    def leverage(self) -> float:
        """Total funding (central + co-funding) per unit of central funding [-]."""
        spent = self.spent
        if spent <= 0 or "cofunding_ratio" not in self.projects:
            return float("nan")
        matched = float((self.projects["amount"] * self.projects["cofunding_ratio"]).sum())
        return (spent + matched) / spent

    def by_group(self, column: str) -> pd.DataFrame:
        """Funding [1e8 CNY], funded projects and benefit per value of `column`."""
        grouped = self.projects.groupby(column, sort=True)
        return pd.DataFrame(
            {
                "amount": grouped["amount"].sum(),
                "funded_projects": grouped["funded"].sum().astype(int),
                "benefit": grouped["benefit"].sum(),
            }
        )

    def by_period(self) -> pd.DataFrame:
        """Spending per plan year and cluster type [1e8 CNY] (empty for one-period cases)."""
        if self.spend is None:
            return pd.DataFrame()
        table = self.spend.groupby(self.projects["cluster_type"]).sum().T
        table["total"] = table.sum(axis=1)
        table.index.name = "year"
        return table

    def by_cluster(self) -> pd.DataFrame:
        """Funding [1e8 CNY] by cluster and instrument, with totals and benefit, largest first."""
        table = self._pivot("cluster")
        table["total"] = table.sum(axis=1)
        table["benefit"] = self.projects.groupby("cluster")["benefit"].sum()
        return table.sort_values("total", ascending=False, kind="stable")

    def _pivot(self, index: str) -> pd.DataFrame:
        """Funding [1e8 CNY] per value of `index` (rows) and instrument (columns, all of them)."""
        table = self.projects.pivot_table(
            index=index, columns="instrument", values="amount", aggfunc="sum", fill_value=0.0
        )
        order = list(self.instruments) or sorted(table.columns)
        return table.reindex(columns=order, fill_value=0.0)
