"""The result tables of a run, in one place: name, how to build it, how to show its numbers.

Each :class:`ResultTable` feeds the CSV files (:mod:`optimize.report.files`), the sheets of
``results.xlsx`` (:mod:`optimize.report.results_workbook`) and the report sections that
show it (:mod:`optimize.report.content`); a new table is added here once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from optimize.appraisal.appraise import Appraisal
from optimize.appraisal.robustness import Robustness
from optimize.appraisal.uncertainty import Uncertainty
from optimize.case.case import Case
from optimize.model.allocation import Allocation
from optimize.pipeline import RunResult
from optimize.report.tables import (
    _acceptability_of,
    consistency_table,
    rank_interval_table,
    ranking_table,
    tier_table,
    weights_table,
)
from optimize.sweeps.engine import SweepResult
from optimize.sweeps.questions import PlannerAnswers

#: What a column holds, which sets how its numbers are shown.
Kind = Literal["amount", "weight", "ratio", "count"]

#: Excel number format of each kind: money [1e8 CNY] with two decimals, weights and shares
#: [-] with four, other measures with three, counts as integers.
NUMBER_FORMATS: dict[Kind, str] = {
    "amount": "0.00",
    "weight": "0.0000",
    "ratio": "0.000",
    "count": "0",
}

#: Which results a table describes: ``clusterplan allocate`` writes the ``allocation`` ones.
Part = Literal["appraisal", "allocation", "robustness"]


@dataclass(frozen=True)
class Results:
    """What result tables are built from; a whole run or an allocation alone.

    Attributes
    ----------
    case, appraisal, allocation
        The case, its appraisal and the solved allocation.
    marginals : pandas.DataFrame, optional
        Marginal values of the budget and binding rules, when computed.
    robustness : Robustness, optional
        Rankings by method, their agreement and rank acceptability, when computed.
    uncertainty : Uncertainty, optional
        Cell statuses, SMAA-2 indices and tiers, when computed.
    funding_robustness : optimize.sweeps.SweepResult, optional
        Joint robustness of the funding (core index per project), when computed.
    questions : optimize.sweeps.PlannerAnswers, optional
        The planner's questions answered, when computed.
    """

    case: Case
    appraisal: Appraisal
    allocation: Allocation
    marginals: pd.DataFrame | None = None
    robustness: Robustness | None = None
    uncertainty: Uncertainty | None = None
    funding_robustness: SweepResult | None = None
    questions: PlannerAnswers | None = None

    @classmethod
    def of_run(cls, run: RunResult) -> Results:
        """The results of a whole planning run."""
        return cls(
            run.case,
            run.appraisal,
            run.allocation,
            run.marginals,
            run.robustness,
            run.uncertainty,
            run.funding_robustness,
            run.questions,
        )

    @property
    def tier(self) -> pd.Series | None:
        """Tier of each cluster, when the run has an SMAA-2 result."""
        return None if self.uncertainty is None else self.uncertainty.tier


@dataclass(frozen=True)
class ResultTable:
    """One result table.

    Attributes
    ----------
    name : str
        Sheet name in ``results.xlsx`` and CSV file stem.
    build : callable
        The table from the results, or None when the results lack it.
    part : {"appraisal", "allocation", "robustness"}
        Which results it describes.
    kinds : mapping of str to Kind
        Kind of the numeric columns that are not of the `default` kind.
    default : Kind
        Kind of the other numeric columns.
    run_csv : bool
        Whether ``clusterplan run`` also writes it as ``NAME.csv``.
    """

    name: str
    build: Callable[[Results], pd.DataFrame | None]
    part: Part
    kinds: Mapping[str, Kind] = field(default_factory=dict)
    default: Kind = "ratio"
    run_csv: bool = False

    def kind(self, column: str) -> Kind:
        """Kind of the numbers in `column`."""
        return self.kinds.get(column, self.default)

    def number_formats(self, columns: list[str]) -> dict[str, str]:
        """Excel number format of each of `columns`."""
        return {column: NUMBER_FORMATS[self.kind(column)] for column in columns}


def _decimals(kind: Kind) -> int:
    """Decimals shown for numbers of `kind` (as in their Excel number format)."""
    _, _, fraction = NUMBER_FORMATS[kind].partition(".")
    return len(fraction)


_WEIGHTS: dict[str, Kind] = {c: "weight" for c in ("group_weight", "local_weight", "global_weight")}
_RULE_AMOUNTS: dict[str, Kind] = {"activity": "amount", "bound": "amount", "slack": "amount"}
_BY_GROUP: dict[str, Kind] = {"amount": "amount", "funded_projects": "count"}
#: Tables by instrument: every column an amount (the instruments are the case's) but benefit.
_GRID: dict[str, Kind] = {"benefit": "ratio"}
_RANKS: dict[str, Kind] = {c: "count" for c in ("tier", "rank_q05", "rank_q50", "rank_q95")}
_CORE: dict[str, Kind] = {c: "amount" for c in ("q05", "q50", "q95")}


#: Tables of an SMAA-2 result, by name: build(uncertainty, case).
UNCERTAINTY_TABLES: dict[str, Callable[[Uncertainty, Case], pd.DataFrame]] = {
    "cell_status": lambda u, _: u.statuses,
    "tiers": lambda u, case: tier_table(case, u),
    "rank_intervals": lambda u, case: rank_interval_table(case, u),
    "pairwise_winning": lambda u, _: u.smaa.winning.rename_axis("cluster"),
}


def _uncertain(name: str) -> Callable[[Results], pd.DataFrame | None]:
    """Table `name` of :data:`UNCERTAINTY_TABLES` from a run (None without SMAA-2)."""
    build = UNCERTAINTY_TABLES[name]
    return lambda r: None if r.uncertainty is None else build(r.uncertainty, r.case)


#: Every result table, in sheet order.
RESULT_TABLES: tuple[ResultTable, ...] = (
    ResultTable(
        "cell_status",
        _uncertain("cell_status"),
        "robustness",
        default="count",
        run_csv=True,
    ),
    ResultTable(
        "tiers",
        _uncertain("tiers"),
        "robustness",
        default="count",
        run_csv=True,
    ),
    ResultTable(
        "rank_intervals",
        _uncertain("rank_intervals"),
        "robustness",
        _RANKS,
        run_csv=True,
    ),
    ResultTable(
        "pairwise_winning",
        _uncertain("pairwise_winning"),
        "robustness",
        run_csv=True,
    ),
    ResultTable(
        "core_index",
        lambda r: (
            None if r.funding_robustness is None else r.funding_robustness.extra["core_index"]
        ),
        "robustness",
        _CORE,
        run_csv=True,
    ),
    ResultTable(
        "weights", lambda r: weights_table(r.case, r.appraisal), "appraisal", _WEIGHTS, run_csv=True
    ),
    ResultTable(
        "consistency", lambda r: consistency_table(r.appraisal), "appraisal", {"n": "count"}
    ),
    ResultTable(
        "ranking",
        lambda r: ranking_table(r.case, r.appraisal, r.tier),
        "appraisal",
        {"rank": "count", "tier": "count", "priority": "weight"},
        run_csv=True,
    ),
    ResultTable(
        "allocation",
        lambda r: r.allocation.projects,
        "allocation",
        {c: "amount" for c in ("min_grant", "max_grant", "amount")},
        run_csv=True,
    ),
    ResultTable(
        "by_cluster_instrument",
        lambda r: r.allocation.by_cluster(),
        "allocation",
        _GRID,
        default="amount",
    ),
    ResultTable(
        "by_type_instrument",
        lambda r: r.allocation.by_type_instrument(),
        "allocation",
        _GRID,
        default="amount",
    ),
    ResultTable("by_region", lambda r: r.allocation.by_group("region"), "allocation", _BY_GROUP),
    ResultTable(
        "by_type", lambda r: r.allocation.by_group("cluster_type"), "allocation", _BY_GROUP
    ),
    ResultTable("rules", lambda r: r.allocation.rules, "allocation", _RULE_AMOUNTS),
    ResultTable("binding_rules", lambda r: r.allocation.binding, "allocation", _RULE_AMOUNTS),
    ResultTable("marginal_values", lambda r: r.marginals, "allocation"),
    ResultTable(
        "by_period",
        lambda r: None if r.allocation.spend is None else r.allocation.by_period(),
        "allocation",
        default="amount",
    ),
    ResultTable(
        "platform_entry",
        lambda r: None if r.questions is None else r.questions.entries,
        "allocation",
        {"enters_at": "amount", "leaves_at": "amount", "amount": "amount"},
        run_csv=True,
    ),
    ResultTable(
        "budget_cut",
        lambda r: None if r.questions is None else r.questions.cut,
        "allocation",
        default="amount",
        run_csv=True,
    ),
    ResultTable(
        "priority_rules",
        lambda r: None if r.questions is None else r.questions.rules,
        "allocation",
        default="amount",
        run_csv=True,
    ),
    ResultTable(
        "method_agreement",
        lambda r: None if r.robustness is None else r.robustness.agreement,
        "robustness",
    ),
    ResultTable(
        "rank_acceptability",
        lambda r: _acceptability_of(r.robustness),
        "robustness",
    ),
)

#: The result tables by name.
REGISTRY: dict[str, ResultTable] = {table.name: table for table in RESULT_TABLES}


def _built_tables(
    results: Results, parts: frozenset[Part] | None = None
) -> list[tuple[ResultTable, pd.DataFrame]]:
    """Each table the results provide (of `parts`, default all), in registry order."""
    pairs = [
        (table, table.build(results))
        for table in RESULT_TABLES
        if parts is None or table.part in parts
    ]
    return [(table, frame) for table, frame in pairs if frame is not None]
