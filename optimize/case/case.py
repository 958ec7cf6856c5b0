"""The Case: everything a planning run needs, validated and immutable."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

import pandas as pd

from mcda import CriteriaTree, DecisionMatrix, ImpreciseMatrix
from mcda.ahp import GroupMethod
from optimize.case.rules import Rules
from optimize.case.uncertainty import Uncertainty
from optimize.errors import InputError, msg

#: Columns of :attr:`Case.stock` besides its id index.
STOCK_COLUMNS = (
    "name_en",
    "name_zh",
    "kind",
    "domain",
    "city",
    "year",
    "source",
    "cluster",
    "note",
)


def empty_stock() -> pd.DataFrame:
    """A stock table with its columns and no platform."""
    return pd.DataFrame(columns=list(STOCK_COLUMNS), index=pd.Index([], name="id"), dtype=object)


PRIORITY_RULES = ["merit", "need", "blend"]

PriorityRule = Literal["merit", "need", "blend"]


def check_priority_rule(value: object, file: str, field: str | None = None) -> PriorityRule:
    """`value` checked to be a priority rule (``merit``, ``need`` or ``blend``).

    Raises
    ------
    InputError
        Naming `file` and `field` when it is not one.
    """
    if value not in PRIORITY_RULES:
        raise InputError(
            file,
            msg(
                "errors.setting.unknown_priority_rule",
                rule=value,
                some=", ".join(PRIORITY_RULES[:-1]),
                last=PRIORITY_RULES[-1],
            ),
            field=field,
        )
    return cast(PriorityRule, value)


#: Benefit objectives a case may choose (``benefit.objective``).
BENEFIT_OBJECTIVES = ["cluster_returns", "project_curve"]

BenefitObjective = Literal["cluster_returns", "project_curve"]


@dataclass(frozen=True)
class BenefitCurve:
    """Shape of the benefit: per project, or with diminishing returns within a cluster.

    Attributes
    ----------
    top_up_segments : int
        Equal segments splitting ``max_grant - min_grant`` [-] (``project_curve`` only).
    slope_decay : float
        Marginal benefit of each segment relative to the previous one [-], in (0, 1];
        the minimum viable block has slope 1 (``project_curve`` only).
    objective : {"project_curve", "cluster_returns"}
        ``project_curve``: each project's benefit is concave in its own grant (a slope-1
        minimum block, then decaying top-ups). ``cluster_returns``: a project's benefit is
        linear in its grant (its minimum block earns no more per 1e8 CNY than its top-ups),
        and a cluster's fit-weighted grant earns diminishing returns by blocks.
    cluster_block : float
        Width of each block of a cluster's fit-weighted grant [1e8 CNY at full fit]
        (``cluster_returns``).
    cluster_decay : float
        Value of each block of a cluster's grant relative to the block before [-], in [0, 1]
        (``cluster_returns``).
    cluster_blocks : int
        Number of blocks [-]; the last one has no upper end (``cluster_returns``).
    """

    top_up_segments: int
    slope_decay: float
    objective: BenefitObjective = "project_curve"
    cluster_block: float = 2.0
    cluster_decay: float = 0.5
    cluster_blocks: int = 4

    @property
    def segments(self) -> int:
        """Top-up segments each project's range is split into [-] (1 under cluster returns)."""
        return self.top_up_segments if self.objective == "project_curve" else 1

    @property
    def decay(self) -> float:
        """Slope of each top-up segment relative to the one before [-] (1 under cluster returns)."""
        return self.slope_decay if self.objective == "project_curve" else 1.0

    @property
    def block_slopes(self) -> tuple[float, ...]:
        """Relative value of each block of a cluster's grant [-]; empty without cluster returns."""
        if self.objective != "cluster_returns":
            return ()
        return tuple(self.cluster_decay**j for j in range(self.cluster_blocks))


@dataclass(frozen=True)
class Case:
    """A validated planning case.

    Attributes
    ----------
    name, title : str
        Short id and human title of the case.
    folder : pathlib.Path or None
        Where the case was read from (a case folder or an ``.xlsx`` workbook).
    meta : mapping
        The ``[case]`` table of ``case.toml`` as given.
    clusters : pandas.DataFrame
        Indexed by cluster id; columns include ``cluster_type``, ``region``, ``tech_domain``,
        ``name_en``, ``name_zh``.
    criteria : mcda.hierarchy.CriteriaTree
        The criteria hierarchy.
    judgments : mapping of str to mapping of str to pandas.DataFrame
        Full reciprocal pairwise matrix per hierarchy node (``"goal"`` and each group) and
        expert; a judgments table without an ``expert`` column is one expert's,
        :data:`mcda.judgments.SOLE_EXPERT`.
    scores : mcda.decision.DecisionMatrix
        The point view of `values` that appraisal and allocation use: clusters x kept leaf
        criteria with provenance (a criterion whose unknown cells are dropped is left out;
        see :func:`optimize.case.score_cells.point_scores`).
    values : mcda.ImpreciseMatrix
        Every cell of the scores table, clusters x leaf criteria: point, interval, list,
        triangular, rated or unknown, with status and provenance; all points for a case
        whose scores are points.
    fit : pandas.DataFrame
        Type (index) x instrument (columns) fit coefficient [-]; its index and columns are
        the case's cluster types and instruments, in the case's order (see
        :attr:`type_ids` and :attr:`instrument_ids`).
    projects : pandas.DataFrame
        Indexed by project id; ``cluster``, ``instrument``, ``min_grant`` and ``max_grant``
        [1e8 CNY], ``efficiency`` [-]; from a case file also ``domain``, ``complements`` and
        ``stock_override`` as text (empty: not stated). Every candidate, including those
        eligible only under their cluster's ``alt_type``, which wait on a re-typing
        (:mod:`optimize.case.eligibility`).
    benefit : BenefitCurve
        Shape of the benefit curves.
    budget : float
        Total budget [1e8 CNY].
    rules : Rules
        Policy rules.
    normalization : str
        TOPSIS normalisation.
    priority_rule : str
        ``merit``, ``need`` or ``blend``.
    blend : float
        Weight on merit when ``priority_rule == "blend"`` [-].
    provenance : mapping of str to str
        Provenance text of each scalar setting (budget, benefit, each rule).
    sources : pandas.DataFrame
        Cited facts, indexed by fact id.
    group : {"aij", "aip"}
        How several experts' judgments of a node are aggregated: their matrices (AIJ) or
        their priorities (AIP), each by weighted geometric mean.
    expert_weights : mapping of str to float
        Weight of each expert [-] (any positive scale); empty for equal weights.
    uncertainty : Uncertainty
        The stated choices for cells that are not points (``[uncertainty]``).
    instruments : pandas.DataFrame
        The instruments table indexed by instrument id (``name_en``, ``name_zh``, what it
        buys, the paper path and sentence it rests on, ...); empty when the case has none,
        then the fit table alone names the instruments.
    types : pandas.DataFrame
        The cluster types table indexed by type id (``name_en``, ``name_zh``, paper
        section); empty when the case has none, then the fit table alone names the types.
    eligible : pandas.DataFrame
        Type (index) x instrument (columns): whether clusters of the type may receive the
        instrument (bool); empty means every pair is eligible.
    stock : pandas.DataFrame
        Existing national and provincial platforms indexed by id: ``name_en``, ``name_zh``,
        ``kind``, ``domain``, ``city``, ``year``, ``source``, ``cluster`` (empty: none),
        ``note`` (see :mod:`optimize.case.stock`); empty when the case states none.
    """

    name: str
    title: str
    folder: Path | None
    meta: Mapping[str, object]
    clusters: pd.DataFrame
    criteria: CriteriaTree
    judgments: Mapping[str, Mapping[str, pd.DataFrame]]
    scores: DecisionMatrix
    values: ImpreciseMatrix
    fit: pd.DataFrame
    projects: pd.DataFrame
    benefit: BenefitCurve
    budget: float
    rules: Rules
    normalization: str
    priority_rule: PriorityRule
    blend: float
    provenance: Mapping[str, str]
    sources: pd.DataFrame
    group: GroupMethod = "aij"
    expert_weights: Mapping[str, float] = field(default_factory=dict)
    uncertainty: Uncertainty = field(default_factory=Uncertainty)
    instruments: pd.DataFrame = field(default_factory=pd.DataFrame)
    types: pd.DataFrame = field(default_factory=pd.DataFrame)
    eligible: pd.DataFrame = field(default_factory=pd.DataFrame)
    stock: pd.DataFrame = field(default_factory=empty_stock)

    @property
    def dropped(self) -> list[str]:
        """Leaf criteria left out of the point view (unknown cells under ``drop``)."""
        return [c for c in self.values.criteria if c not in self.scores.values.columns]

    @property
    def type_ids(self) -> list[str]:
        """The case's cluster type ids, in its order."""
        return [str(t) for t in self.fit.index]

    @property
    def instrument_ids(self) -> list[str]:
        """The case's instrument ids, in its order."""
        return [str(i) for i in self.fit.columns]

    def is_eligible(self, cluster_type: str, instrument: str) -> bool:
        """Whether clusters of `cluster_type` may receive `instrument`."""
        if self.eligible.empty:
            return True
        return bool(self.eligible.at[cluster_type, instrument])

    def display_name(self, key: str, lang: str) -> str | None:
        """Name of a cluster type or instrument in `lang` (``en`` or ``zh``), or None.

        None when neither the types nor the instruments table names `key`.
        """
        column = "name_zh" if lang == "zh" else "name_en"
        for table in (self.types, self.instruments):
            if key in table.index and column in table.columns and table.at[key, column]:
                return str(table.at[key, column])
        return None

    @property
    def illustrative(self) -> bool:
        """Whether any input number is illustrative rather than sourced."""
        return self.scores.illustrative_share > 0 or any(
            text.startswith("illustrative") for text in self.provenance.values()
        )
