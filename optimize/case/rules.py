"""Policy rules of the allocation model, each optional and each with a stable name.

The names (the keys of :data:`RULE_NAMES`) are used in ``case.toml`` under ``[rules]``, in
the model's constraint names, in binding-rule reports, marginal values and infeasibility
diagnoses.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

#: Every rule the model knows, with what it encodes and where it comes from.
RULE_NAMES: dict[str, str] = {
    "budget": "total funding <= budget [1e8 CNY] (modelling choice)",
    "period_budget": "spending per plan year <= that year's budget, optionally with carry-over",
    "type_share": "share of the budget per cluster type within [min, max] (modelling choice "
    "encoding paper §4 分类施策)",
    "instrument_share": "share of the budget per instrument within [min, max]",
    "cluster_limits": "funding per cluster within [floor, cap] [1e8 CNY]",
    "region_floor": "share of the budget per region >= floor (modelling choice; paper §3 only "
    "describes 'dense east, sparse west')",
    "no_duplicated_construction": "at most n funded projects per technology domain and "
    "instrument, and none in a domain whose national centre already sits elsewhere (the "
    "stock) (paper §3.1, §4.1 避免重复投资和建设, §3.3)",
    "basic_concentration": "clusters of the given types (basic): at most m funded projects "
    "each, each at least a minimum grant (paper §4.1 提高产业集中度)",
    "frontier_platform_research": "projects of the given instruments in clusters of the given "
    "types (frontier platforms) only where the criterion the case names for innovation-resource "
    "density reaches a threshold (paper §4.3 科技创新资源密集地区)",
    "dependencies": "a project is funded only if the project it needs is funded; optionally, "
    "a project of one instrument only if a project of another in its cluster is",
    "exclusions": "at most one project of each mutually exclusive pair",
    "must_fund": "these projects are funded",
    "must_not_fund": "these projects are not funded",
    "cofunding": "local/enterprise co-funding >= (leverage - 1) x central funding",
}


@dataclass(frozen=True)
class ShareBounds:
    """Lower and upper share of the total budget for one group [-]."""

    minimum: float = 0.0
    maximum: float = 1.0


@dataclass(frozen=True)
class AmountBounds:
    """Lower and upper funding for one group [1e8 CNY]."""

    minimum: float = 0.0
    maximum: float = math.inf


@dataclass(frozen=True)
class NoDuplication:
    """At most `max_per_domain` funded projects per technology domain and instrument.

    Attributes
    ----------
    instruments : tuple of str
        Instruments covered.
    max_per_domain : int
        Funded projects allowed per domain and instrument [-].
    stock_kinds : tuple of str
        Kinds of existing platform (the case's stock table) that are a domain's national
        centre: a covered project whose domain has one outside its cluster and none inside
        is not funded unless it states an override (see :mod:`optimize.case.stock`).
    """

    instruments: tuple[str, ...]
    max_per_domain: int
    stock_kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class BasicConcentration:
    """Few, large grants in clusters of the given types.

    Attributes
    ----------
    types : tuple of str
        Cluster types covered (the paper's basic clusters in the shipped case).
    max_projects : int
        Funded projects allowed per basic cluster [-].
    min_grant : float
        Smallest grant of a funded project in a basic cluster [1e8 CNY].
    """

    types: tuple[str, ...]
    max_projects: int
    min_grant: float


@dataclass(frozen=True)
class ResearchThreshold:
    """Some projects need an innovation-resource density score of at least `min_score`.

    Those of the given instruments in clusters of the given types.

    Attributes
    ----------
    types : tuple of str
        Cluster types covered (the paper's frontier clusters in the shipped case).
    instruments : tuple of str
        Instruments covered (its frontier-technology platforms in the shipped case).
    criterion : str
        Leaf criterion holding the innovation-resource density (C3.1, the city innovation
        index, in the shipped case).
    min_score : float
        Threshold in the criterion's unit.
    """

    types: tuple[str, ...]
    instruments: tuple[str, ...]
    criterion: str
    min_score: float


@dataclass(frozen=True)
class Periods:
    """Plan years, their budgets and each instrument's spend profile.

    Attributes
    ----------
    years : tuple of int
        Plan years in order.
    budgets : tuple of float
        Budget per year [1e8 CNY].
    carry_over : bool
        Unspent budget of a year may be spent later.
    profiles : mapping of str to tuple of float
        Per instrument, the share of a project's funding spent in its 1st, 2nd, ... year [-]
        (sums to 1).
    """

    years: tuple[int, ...]
    budgets: tuple[float, ...]
    carry_over: bool
    profiles: Mapping[str, tuple[float, ...]]


@dataclass(frozen=True)
class Rules:
    """The policy rules of a case; an empty, ``None`` or ``False`` rule is off."""

    type_share: Mapping[str, ShareBounds] = field(default_factory=dict)
    instrument_share: Mapping[str, ShareBounds] = field(default_factory=dict)
    cluster_limits: Mapping[str, AmountBounds] = field(default_factory=dict)
    region_floor: Mapping[str, float] = field(default_factory=dict)
    no_duplicated_construction: NoDuplication | None = None
    basic_concentration: BasicConcentration | None = None
    frontier_platform_research: ResearchThreshold | None = None
    dependencies: tuple[tuple[str, str], ...] = ()
    #: ``(instrument, needed instrument)``: a project of the first is funded only if a
    #: project of the second in its cluster is.
    in_cluster: tuple[tuple[str, str], ...] = ()
    exclusions: tuple[tuple[str, str], ...] = ()
    must_fund: tuple[str, ...] = ()
    must_not_fund: tuple[str, ...] = ()
    min_leverage: float | None = None
    periods: Periods | None = None

    def active(self) -> list[str]:
        """Names of the rules that are switched on (the budget always is)."""
        return ["budget"] + [
            name
            for name in RULE_NAMES
            if name != "budget"
            and any(getattr(self, f) not in (None, (), {}, False) for f in _fields_of(name))
        ]

    def without(self, names: tuple[str, ...]) -> Rules:
        """These rules with the named ones switched off."""
        off = Rules()
        return dataclasses.replace(
            self,
            **{f: getattr(off, f) for n in names if n != "budget" for f in _fields_of(n)},
        )


def _fields_of(rule: str) -> tuple[str, ...]:
    """The :class:`Rules` attributes holding a rule."""
    return {
        "period_budget": ("periods",),
        "cofunding": ("min_leverage",),
        "dependencies": ("dependencies", "in_cluster"),
    }.get(rule, (rule,))
