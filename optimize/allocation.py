"""The Allocation value: what the solver funded, and views of it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from optimize.case import CLUSTER_TYPES, INSTRUMENTS


class SolveStatus(StrEnum):
    """Outcome of a solve, independent of the modelling layer's own status objects."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible_with_gap"
    INFEASIBLE = "infeasible"
    UNBOUNDED = "unbounded"
    TIME_LIMIT = "time_limit"
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
        Relative gap (bound - objective) / |objective| [-].
    solve_seconds : float
        Wall time spent in the solver [s].
    budget : float
        Budget the allocation was solved for [1e8 CNY].
    priority_rule : str
        Cluster priority rule used.
    """

    projects: pd.DataFrame
    status: SolveStatus
    objective: float
    bound: float
    mip_gap: float
    solve_seconds: float
    budget: float
    priority_rule: str

    @property
    def spent(self) -> float:
        """Total funding allocated [1e8 CNY]."""
        return float(self.projects["amount"].sum())

    def by_type_instrument(self) -> pd.DataFrame:
        """Funding [1e8 CNY] by cluster type (rows) and instrument (columns), with totals."""
        table = self.projects.pivot_table(
            index="cluster_type",
            columns="instrument",
            values="amount",
            aggfunc="sum",
            fill_value=0.0,
        ).reindex(index=CLUSTER_TYPES, columns=INSTRUMENTS, fill_value=0.0)
        table["total"] = table.sum(axis=1)
        table.loc["total"] = table.sum(axis=0)
        return table

    def by_cluster(self) -> pd.DataFrame:
        """Funding [1e8 CNY] by cluster and instrument, with totals and benefit, largest first."""
        table = self.projects.pivot_table(
            index="cluster",
            columns="instrument",
            values="amount",
            aggfunc="sum",
            fill_value=0.0,
        ).reindex(columns=INSTRUMENTS, fill_value=0.0)
        table["total"] = table.sum(axis=1)
        table["benefit"] = self.projects.groupby("cluster")["benefit"].sum()
        return table.sort_values("total", ascending=False, kind="stable")
