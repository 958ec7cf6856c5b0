"""What a case folder holds: every CSV column and every ``case.toml`` key, with types and units.

The loader takes the required columns of each table from :data:`TABLES`; the tests check that
the loader reads and validates every key of :data:`SETTINGS`, and that every rule of
:data:`optimize.case.rules.RULE_NAMES` has its settings here. The case-file reference of the
documentation is generated from this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MONEY = "1e8 CNY (亿元)"
SHARE = "share of the budget [-], 0-1"


@dataclass(frozen=True)
class Column:
    """One column of a case table.

    Attributes
    ----------
    name : str
        Header of the column.
    kind : str
        What a cell holds (``text``, ``number``, a choice, an id of another table, ...).
    unit : str
        Unit of a numeric cell; empty for text.
    required : bool
        Whether the header must be present.
    filled : bool
        Whether every cell must be non-empty.
    description : str
        What the column means and how it is checked.
    """

    name: str
    kind: str
    unit: str
    required: bool
    filled: bool
    description: str


def _column(name: str, kind: str, description: str, unit: str = "", filled: bool = True) -> Column:
    """A required column (``filled=False``: cells may be empty)."""
    return Column(name, kind, unit, True, filled, description)


def _extra(name: str, description: str, kind: str = "text", unit: str = "") -> Column:
    """An optional column: read if present, empty cells allowed."""
    return Column(name, kind, unit, False, False, description)


#: Columns of each table named under ``[tables]`` of ``case.toml``.
TABLES: dict[str, tuple[Column, ...]] = {
    "clusters": (
        _column("id", "identifier", "cluster id, unique; scores, projects and rules refer to it"),
        _column("name_zh", "text", "Chinese name (as in the source list)"),
        _column("name_en", "text", "English name, used in reports and plots"),
        _column("region", "text", "English region key; region_floor names it"),
        _column(
            "tech_domain", "text", "technology domain; no_duplicated_construction groups by it"
        ),
        _column(
            "cluster_type", "type id", "cluster type: an id of the types table (or the fit table)"
        ),
        _extra("city", "city or cities (joined with ';')"),
        _extra("province", "province"),
        _extra("region_zh", "region as the source list gives it"),
        _extra("domain", "industry in words"),
        _extra("type_reason", "why the cluster has its type"),
        _extra(
            "alt_type",
            "another type the cluster could plausibly have, empty if none; "
            "clusterplan sweep retype re-types each such cluster in turn",
            "basic | strategic | frontier",
        ),
    ),
    "criteria": (
        _column("id", "identifier", "criterion id, unique; 'goal' is reserved for the root"),
        _column(
            "parent",
            "criterion id",
            "parent criterion; empty for level 1 (under the goal)",
            "",
            False,
        ),
        _column("name_en", "text", "English name"),
        _column("name_zh", "text", "Chinese name", filled=False),
        _column(
            "direction",
            "benefit | cost",
            "on leaves: whether higher (benefit) or lower (cost) is better; empty on groups",
            filled=False,
        ),
        _column("unit", "text", "unit of the leaf's scores", filled=False),
        _extra("paper_basis", "the paper's sentence the criterion rests on"),
    ),
    "judgments": (
        _column("node", "'goal' or a criterion id", "hierarchy node whose children are compared"),
        _column("row", "criterion id", "child compared (a child of node)"),
        _column("col", "criterion id", "child it is compared with; each pair exactly once"),
        _column(
            "value",
            "number > 0 (e.g. 3 or 1/3)",
            "how much more row matters than col (Saaty 1-9 scale or any positive ratio)",
            "[-]",
        ),
        _column("provenance", "text", "why the judgment is what it is"),
    ),
    "scores": (
        _column("cluster", "cluster id", "cluster scored"),
        _column("criterion", "leaf criterion id", "leaf criterion; one row per cluster x leaf"),
        _column(
            "value",
            "number >= 0",
            "the score of a point; optional best estimate inside [low, high] of an interval, "
            "list, triangular or rated cell; empty for an unknown cell",
            "unit of the criterion",
            False,
        ),
        _column(
            "provenance",
            "paper:P.. | facts:S.. or N.. | illustrative | ratings | unknown",
            "where the cell comes from; a cited id must be in the sources table; ratings: the "
            "ratings table (rated cells only); unknown: no source gives it (unknown cells only)",
        ),
        _column(
            "rule",
            "text",
            "how the value was made, or why it is unknown; required for illustrative and "
            "unknown provenance",
            "",
            False,
        ),
        _extra(
            "status",
            "what is known of the cell; empty: point. A point needs value; interval (any "
            "number in [low, high]) and list (low: strict, high: broad reading of a national "
            "list) need low and high; triangular needs low, mode and high; rated takes its cell "
            "from the ratings table (numbers empty) or states low and high in rating "
            "intensities [-]; unknown holds no number (see [uncertainty])",
            "point | interval | list | triangular | rated | unknown",
        ),
        _extra("low", "lower bound of the cell", "number >= 0", "criterion unit"),
        _extra("high", "upper bound of the cell, >= low", "number >= 0", "criterion unit"),
        _extra("mode", "peak of a triangle, in [low, high]", "number >= 0", "criterion unit"),
    ),
    "rating_scales": (
        _column("criterion", "leaf criterion id", "criterion the scale rates"),
        _extra("level", "a level of the scale (stated form)"),
        _extra(
            "intensity",
            "idealised intensity of the level, in (0, 1], the top level 1 (stated form)",
            "number",
            "[-]",
        ),
        _extra("row", "level compared (pairwise form: AHP ratings mode, Saaty 1986)"),
        _extra("col", "level it is compared with (pairwise form)"),
        _extra(
            "value",
            "how many times row is preferred to col (pairwise form; 1/3 or a verbal label)",
            "number > 0",
            "[-]",
        ),
    ),
    "ratings": (
        _column("expert", "text", "who rates"),
        _column("cluster", "cluster id", "cluster rated"),
        _column("criterion", "leaf criterion id", "criterion rated; it needs a rating scale"),
        _column("level", "text", "a level of the criterion's rating scale"),
    ),
    "types": (
        _column("id", "identifier", "cluster type id, unique; clusters, fit and rules refer to it"),
        _column("name_en", "text", "English name, used in reports"),
        _column("name_zh", "text", "Chinese name, used in Chinese reports"),
        _extra("paper_section", "section of the paper that defines the type"),
        _extra("paper_quote", "the paper's sentence defining the type, verbatim"),
    ),
    "instruments": (
        _column("id", "identifier", "instrument id, unique; fit, projects and rules refer to it"),
        _column("name_en", "text", "English name, used in reports"),
        _column("name_zh", "text", "Chinese name, used in Chinese reports"),
        _extra("buys", "what a grant of the instrument pays for"),
        _extra("paper_path", "the paper's path the instrument implements, with its section"),
        _extra("paper_quote", "the paper's sentence the instrument rests on, verbatim"),
        _extra(
            "lumpiness",
            "fixed (one block of about min_grant) or range (any amount between min_grant and "
            "max_grant); descriptive: each project's own grants are what the model funds",
            "fixed | range",
        ),
        _extra("operating_years", "years a funded project runs", "number >= 0", "years"),
        _extra("provenance", "source of the row, or illustrative with its rule"),
    ),
    "fit": (
        _column("cluster_type", "type id", "cluster type"),
        _column("instrument", "instrument id", "funding instrument"),
        _column("coefficient", "number >= 0", "fit f of the instrument for the type", "[-]"),
        _extra(
            "eligible",
            "whether clusters of the type may receive the instrument (empty: yes); a project "
            "of a cluster whose type is not eligible for its instrument is refused",
            "yes | no",
        ),
        _extra("rating", "H / M / L reading of the paper"),
        _extra("provenance", "source of the rating and the coefficient"),
    ),
    "projects": (
        _column("id", "identifier", "project id, unique; rules refer to it"),
        _column("cluster", "cluster id", "cluster the project is in"),
        _column("instrument", "instrument id", "funding instrument"),
        _column("min_grant", "number >= 0", "minimum viable grant l_p", MONEY),
        _column("max_grant", "number > min_grant", "maximum grant u_p", MONEY),
        _extra("efficiency", "project efficiency e_p (> 0; empty: 1)", "number > 0", "[-]"),
        _extra(
            "cofunding_ratio",
            "co-funding raised per unit of central funding (empty: 0); used by cofunding",
            "number >= 0",
            "[-]",
        ),
        _extra(
            "start",
            "plan year in which spending starts (empty: the first plan year); used by periods",
            "whole year",
        ),
        _extra("provenance", "source or rule of the project's numbers"),
        _extra(
            "domain",
            "technology domain the project serves (empty: its cluster's tech_domain); a "
            "tech_domain of the clusters table or a domain of the stock table; "
            "no_duplicated_construction groups by it and compares it with the stock",
            "domain id",
        ),
        _extra(
            "complements",
            "id of the existing platform of the stock table that the project complements "
            "(empty: none stated); shown wherever the project's duplication check is",
            "stock id",
        ),
        _extra(
            "stock_override",
            "why the project may be funded although its domain's national centre exists "
            "elsewhere (empty: no override); a non-empty reason lifts the stock part of "
            "no_duplicated_construction for this project and is printed with it",
        ),
    ),
    "stock": (
        _column("id", "identifier", "existing platform id, unique; projects' complements names it"),
        _column("name_en", "text", "English name"),
        _column("name_zh", "text", "Chinese name, as the source gives it", filled=False),
        _column(
            "kind",
            "text",
            "programme and level, e.g. national_manufacturing_innovation_centre, "
            "national_technology_innovation_centre, provincial_manufacturing_innovation_centre; "
            "no_duplicated_construction.stock_kinds names the kinds that count",
        ),
        _column(
            "domain",
            "domain id",
            "technology domain the platform serves: a tech_domain of the clusters table or a "
            "domain of the projects table",
        ),
        _column("city", "text", "city where the platform sits"),
        _column("year", "whole year", "year it was approved or unveiled, as the source reports"),
        _column("source", "fact id", "row of the sources table that reports the platform"),
        _extra(
            "cluster",
            "cluster of the clusters table the platform sits in (empty: none of them)",
            "cluster id",
        ),
        _extra("note", "remarks (adjacent fields, co-founders, caveats of the source)"),
    ),
    "sources": (
        _column("fact_id", "identifier", "fact id (P.. from the paper, S.. or N.. public), unique"),
        _column("source", "text", "where the fact was published", filled=False),
        *(
            _extra(name, description)
            for name, description in (
                ("scope", "paper or public"),
                ("cluster_id", "cluster the fact is about (ALL25, NAT45 or empty for others)"),
                ("entity", "what the fact is about"),
                ("indicator", "what was measured"),
                ("value", "the number as published"),
                ("qualifier", "=, ~, >, >=, <, <= (about, more than, ...)"),
                ("unit", "unit of the value"),
                ("year", "year the value refers to"),
                ("criterion_link", "leaf criterion or use the fact serves"),
                ("source_date", "publication date"),
                ("quote", "the original wording"),
                ("reliability", "paper / high / medium / low"),
                ("notes", "remarks"),
            )
        ),
    ),
}

#: Tables that ``[tables]`` must name.
REQUIRED_TABLES = ("clusters", "criteria", "judgments", "scores", "fit", "projects")
#: Tables a case may leave out; an empty one is the same as none. Without ``types`` or
#: ``instruments`` the fit table alone names the cluster types and instruments; without
#: ``sources`` the case cites no facts; without ``stock`` it states no existing platforms.
OPTIONAL_TABLES: tuple[str, ...] = (
    "types",
    "instruments",
    "sources",
    "rating_scales",
    "ratings",
    "stock",
)


def required_columns(table: str) -> list[str]:
    """Headers that `table` must have."""
    return [c.name for c in TABLES[table] if c.required]


def filled_columns(table: str) -> list[str]:
    """Columns of `table` in which every cell must be non-empty."""
    return [c.name for c in TABLES[table] if c.filled]


@dataclass(frozen=True)
class Setting:
    """One key of ``case.toml``.

    Attributes
    ----------
    key : str
        Dotted key; ``<type>``, ``<instrument>``, ``<cluster>``, ``<region>``, ``<expert>``,
        ``<table>`` and ``<key>`` stand for a name of that kind (a type or instrument is
        one of the case's own ids).
    kind : str
        TOML type and allowed values.
    unit : str
        Unit of a number; empty otherwise.
    default : str
        Value when the key is absent (``required`` when it must be given).
    description : str
        What it sets.
    rule : str
        The rule of :data:`optimize.case.rules.RULE_NAMES` it belongs to; empty for other settings.
    value : str or int or float or bool, optional
        The default as a TOML value, given where it is one (the loader falls back to it and a
        blank case writes it out); None where the default is a description.
    """

    key: str
    kind: str
    unit: str
    default: str
    description: str
    rule: str = ""
    value: str | int | float | bool | None = None


def _defaulted(key: str, kind: str, unit: str, value: str | float, description: str) -> Setting:
    """A setting whose default is a value (shown as its text in the reference)."""
    return Setting(key, kind, unit, str(value), description, value=value)


def _provenance_of(prefix: str, rule: str = "") -> Setting:
    """The free-text provenance key of a section (shown in reports)."""
    return Setting(
        f"{prefix}.provenance", "string", "", "empty", "where the numbers come from", rule
    )


#: Every key the loader reads from ``case.toml``.
SETTINGS: tuple[Setting, ...] = (
    Setting("case.name", "string", "", "folder name", "short id of the case"),
    Setting("case.title", "string", "", "folder name", "human title, first line of reports"),
    Setting("case.<key>", "any", "", "-", "other metadata, kept as given (Case.meta)"),
    Setting("tables.<table>", "string", "", "required", "CSV file name inside the case folder"),
    Setting("tables.sources", "string", "", "no sources", "CSV of cited facts (optional)"),
    Setting(
        "tables.rating_scales",
        "string",
        "",
        "no scales",
        "CSV of rating scales, stated or by pairwise judgments on the levels (optional)",
    ),
    Setting(
        "tables.ratings",
        "string",
        "",
        "no ratings",
        "CSV of experts' ratings of rated cells (optional; needs tables.rating_scales)",
    ),
    Setting(
        "tables.stock",
        "string",
        "",
        "no stock",
        "CSV of existing national and provincial platforms (optional)",
    ),
    _defaulted(
        "appraisal.normalization",
        "vector | minmax | max | sum",
        "",
        "vector",
        "TOPSIS normalisation (vector is the textbook one)",
    ),
    _defaulted(
        "appraisal.priority_rule",
        "merit | need | blend",
        "",
        "merit",
        "cluster priority: strong support systems first, weak first, or a blend",
    ),
    _defaulted("appraisal.blend", "number in [0, 1]", "[-]", 0.5, "weight on merit in the blend"),
    _defaulted(
        "appraisal.group",
        "aij | aip",
        "",
        "aij",
        "several experts: aggregate their judgments (aij) or their priorities (aip)",
    ),
    Setting(
        "appraisal.expert_weights.<expert>",
        "number >= 0",
        "[-]",
        "equal",
        "weight of an expert of the judgments table; every expert or none",
    ),
    _defaulted(
        "benefit.objective",
        "cluster_returns | project_curve",
        "",
        "project_curve",
        "cluster_returns: a project's benefit is linear in its grant and a cluster's "
        "fit-weighted grant earns diminishing returns by blocks; project_curve: each "
        "project's benefit is concave in its own grant (a slope-1 minimum block, then "
        "decaying top-ups)",
    ),
    _defaulted(
        "benefit.cluster_block",
        "number > 0",
        MONEY,
        2.0,
        "cluster_returns: width of each block of a cluster's fit-weighted grant",
    ),
    _defaulted(
        "benefit.cluster_decay",
        "number in [0, 1]",
        "[-]",
        0.5,
        "cluster_returns: value of each block of a cluster's grant relative to the block before",
    ),
    _defaulted(
        "benefit.cluster_blocks",
        "integer >= 1",
        "[-]",
        4,
        "cluster_returns: number of blocks; the last has no upper end",
    ),
    _defaulted(
        "benefit.top_up_segments",
        "integer >= 1",
        "[-]",
        3,
        "project_curve: equal segments splitting max_grant - min_grant",
    ),
    _defaulted(
        "benefit.slope_decay",
        "number in [0, 1]",
        "[-]",
        0.6,
        "project_curve: marginal benefit of each segment relative to the previous one",
    ),
    _provenance_of("benefit"),
    Setting(
        "uncertainty.unknown",
        "draw | drop",
        "",
        "required when a cell is unknown",
        "modelling choice for unknown cells: drawn uniformly over the criterion's plausible "
        "range (draw), or the criterion is left out and the weights renormalised over the "
        "others (drop), on the point path as in sampling",
    ),
    Setting(
        "uncertainty.ranges.<criterion>",
        '[low, high] or "observed"',
        "unit of the criterion",
        "required for a drawn unknown cell",
        "plausible range of a criterion's unknown cells; observed: from the smallest to the "
        "largest number its known cells hold",
    ),
    _defaulted(
        "uncertainty.point",
        "estimate | midpoint",
        "",
        "estimate",
        "modelling choice: the number appraisal and allocation use for a cell that is not a "
        "point: its stated value, else its mode, else the midpoint of [low, high] (estimate), "
        "or always the midpoint; a drawn unknown cell: the midpoint of its plausible range",
    ),
    _defaulted(
        "uncertainty.rating_spread",
        "empirical | interval",
        "",
        "empirical",
        "several experts' ratings of one cell: each expert's intensity equally likely "
        "(empirical) or uniform over the interval they span; never their average",
    ),
    _provenance_of("uncertainty"),
    Setting(
        "budget.total",
        "number >= 0",
        MONEY,
        "sum of periods.budgets (required without [periods])",
        "total budget B",
        "budget",
    ),
    _provenance_of("budget", "budget"),
    Setting(
        "periods.years", "list of whole years, increasing", "", "-", "plan years", "period_budget"
    ),
    Setting(
        "periods.budgets",
        "list of numbers >= 0",
        MONEY,
        "-",
        "budget of each year",
        "period_budget",
    ),
    Setting(
        "periods.carry_over",
        "boolean",
        "",
        "false",
        "unspent budget of a year may be spent later",
        "period_budget",
    ),
    Setting(
        "periods.profiles.<instrument>",
        "list of shares summing to 1",
        "[-]",
        "[1.0]",
        "share of a project's funding spent in its 1st, 2nd, ... year; what would fall after "
        "the last plan year is charged to the last plan year",
        "period_budget",
    ),
    Setting(
        "rules.type_share.<type>.min", "number in [0, 1]", SHARE, "0", "lower bound", "type_share"
    ),
    Setting(
        "rules.type_share.<type>.max", "number in [0, 1]", SHARE, "1", "upper bound", "type_share"
    ),
    _provenance_of("rules.type_share", "type_share"),
    Setting(
        "rules.instrument_share.<instrument>.min",
        "number in [0, 1]",
        SHARE,
        "0",
        "lower bound",
        "instrument_share",
    ),
    Setting(
        "rules.instrument_share.<instrument>.max",
        "number in [0, 1]",
        SHARE,
        "1",
        "upper bound",
        "instrument_share",
    ),
    _provenance_of("rules.instrument_share", "instrument_share"),
    Setting(
        "rules.cluster_limits.<cluster>.floor",
        "number >= 0",
        MONEY,
        "0",
        "least funding of the cluster (absent: the default floor)",
        "cluster_limits",
    ),
    Setting(
        "rules.cluster_limits.<cluster>.cap",
        "number >= floor",
        MONEY,
        "no cap",
        "most funding of the cluster (absent: the default cap)",
        "cluster_limits",
    ),
    Setting(
        "rules.cluster_limits.default.floor",
        "number >= 0",
        MONEY,
        "0",
        "floor of every cluster that does not give its own (listed or not)",
        "cluster_limits",
    ),
    Setting(
        "rules.cluster_limits.default.cap",
        "number >= floor",
        MONEY,
        "no cap",
        "cap of every cluster that does not give its own (listed or not)",
        "cluster_limits",
    ),
    _provenance_of("rules.cluster_limits", "cluster_limits"),
    Setting(
        "rules.region_floor.<region>",
        "number in [0, 1]",
        SHARE,
        "-",
        "least share of the budget for the region",
        "region_floor",
    ),
    _provenance_of("rules.region_floor", "region_floor"),
    Setting(
        "rules.no_duplicated_construction.instruments",
        "list of instrument ids",
        "",
        "required",
        "instruments covered",
        "no_duplicated_construction",
    ),
    Setting(
        "rules.no_duplicated_construction.max_per_domain",
        "integer >= 0",
        "projects",
        "1",
        "funded projects allowed per technology domain and instrument",
        "no_duplicated_construction",
    ),
    Setting(
        "rules.no_duplicated_construction.stock_kinds",
        "list of kinds of the stock table",
        "",
        "[] (the stock is not counted)",
        "kinds of existing platform that are a domain's national centre: a project of the "
        "rule's instruments is not funded while such a centre of its domain sits outside "
        "its cluster and none inside it, unless the project states a stock_override",
        "no_duplicated_construction",
    ),
    _provenance_of("rules.no_duplicated_construction", "no_duplicated_construction"),
    Setting(
        "rules.basic_concentration.types",
        "list of type ids",
        "",
        "required",
        "cluster types held to few, large grants (the paper's basic clusters)",
        "basic_concentration",
    ),
    Setting(
        "rules.basic_concentration.max_projects",
        "integer >= 0",
        "projects",
        "1",
        "funded projects allowed per cluster of these types",
        "basic_concentration",
    ),
    Setting(
        "rules.basic_concentration.min_grant",
        "number >= 0",
        MONEY,
        "0",
        "smallest grant of a funded project in a cluster of these types",
        "basic_concentration",
    ),
    _provenance_of("rules.basic_concentration", "basic_concentration"),
    Setting(
        "rules.frontier_platform_research.types",
        "list of type ids",
        "",
        "required",
        "cluster types covered (the paper's frontier clusters)",
        "frontier_platform_research",
    ),
    Setting(
        "rules.frontier_platform_research.instruments",
        "list of instrument ids",
        "",
        "required",
        "instruments covered (the paper's frontier-technology platforms)",
        "frontier_platform_research",
    ),
    Setting(
        "rules.frontier_platform_research.criterion",
        "leaf criterion id",
        "",
        "required",
        "criterion measuring research-institution density",
        "frontier_platform_research",
    ),
    Setting(
        "rules.frontier_platform_research.min_score",
        "number",
        "unit of the criterion",
        "required",
        "score a cluster of these types needs for a project of these instruments",
        "frontier_platform_research",
    ),
    _provenance_of("rules.frontier_platform_research", "frontier_platform_research"),
    Setting(
        "rules.dependencies.pairs",
        "list of [project, needed project]",
        "",
        "[]",
        "a project is funded only if the project it needs is",
        "dependencies",
    ),
    Setting(
        "rules.dependencies.in_cluster",
        "list of [instrument id, needed instrument id]",
        "",
        "[]",
        "also: a project of the first instrument needs at least one funded project of the "
        "second in its cluster (none in its cluster: it is not funded)",
        "dependencies",
    ),
    _provenance_of("rules.dependencies", "dependencies"),
    Setting(
        "rules.exclusions.pairs",
        "list of [project, project]",
        "",
        "[]",
        "at most one project of each pair",
        "exclusions",
    ),
    _provenance_of("rules.exclusions", "exclusions"),
    Setting("rules.must_fund.projects", "list of project ids", "", "[]", "funded", "must_fund"),
    _provenance_of("rules.must_fund", "must_fund"),
    Setting(
        "rules.must_not_fund.projects",
        "list of project ids",
        "",
        "[]",
        "not funded",
        "must_not_fund",
    ),
    _provenance_of("rules.must_not_fund", "must_not_fund"),
    Setting(
        "rules.cofunding.min_leverage",
        "number >= 1",
        "[-]",
        "required",
        "least (central + co-funding) / central funding",
        "cofunding",
    ),
    _provenance_of("rules.cofunding", "cofunding"),
)


#: Sections of ``case.toml``, in the order a written file has them.
SECTIONS: tuple[str, ...] = tuple(dict.fromkeys(s.key.split(".")[0] for s in SETTINGS))
#: The section naming the tables; the reader of a folder takes it, the others never see it.
TABLES_SECTION = "tables"
#: The section whose sub-tables are the policy rules.
RULES_SECTION = "rules"

#: Default of each setting whose default is a value, by dotted key.
DEFAULTS: Mapping[str, Any] = {s.key: s.value for s in SETTINGS if s.value is not None}

#: Every table a case may have (the optional ones last).
CASE_TABLES: tuple[str, ...] = (*REQUIRED_TABLES, *OPTIONAL_TABLES)

#: Columns each table must have (from :data:`TABLES`).
REQUIRED_COLUMNS: Mapping[str, tuple[str, ...]] = {
    table: tuple(required_columns(table)) for table in CASE_TABLES
}

#: Columns a table may have besides the required ones (used by the blank template).
OPTIONAL_COLUMNS: Mapping[str, tuple[str, ...]] = {
    table: tuple(c.name for c in TABLES[table] if c.name not in REQUIRED_COLUMNS[table])
    for table in CASE_TABLES
}

#: Columns read as numbers; a workbook stores them as number cells.
NUMERIC_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "judgments": ("value",),
    "scores": ("value", "low", "high", "mode"),
    "fit": ("coefficient",),
    "rating_scales": ("intensity", "value"),
    "instruments": ("operating_years",),
    "projects": ("min_grant", "max_grant", "efficiency", "cofunding_ratio", "start"),
    "stock": ("year",),
}

#: What each table holds, for the workbook's instructions and the template README.
TABLE_PURPOSE: Mapping[str, str] = {
    "clusters": "one row per cluster: id, Chinese and English name, region key, technology "
    "domain (clusters sharing one count as duplicates), cluster_type (a type id)",
    "criteria": "the criteria tree: a level-1 criterion has an empty parent; leaves need a "
    "direction benefit|cost and a unit",
    "judgments": "AHP pairwise judgments, upper triangle: node (goal or a level-1 criterion), "
    "row, col, value on Saaty's 1-9 scale (1/3 allowed), provenance",
    "scores": "the decision matrix in long form: cluster, leaf criterion, value, provenance "
    "(paper:P.., facts:S.., illustrative, ratings or unknown) and the rule that set an "
    "illustrative value; optional status (point, interval, list, triangular, rated, unknown; "
    "empty: point) with low, high and mode for what is known only as a range",
    "rating_scales": "rating scales of rated criteria: criterion, level, intensity (0-1, top "
    "level 1), or criterion, row, col, value (pairwise judgments on the levels)",
    "ratings": "experts' ratings of rated cells: expert, cluster, criterion, level (one row "
    "per expert and cell; several experts make the cell's spread)",
    "types": "the cluster types: id, English and Chinese name, the paper section defining "
    "each (optional: without it the fit table names the types)",
    "instruments": "the funding instruments: id, English and Chinese name, what each buys, "
    "the paper path and sentence it rests on, lumpiness, operating years (optional: without "
    "it the fit table names the instruments)",
    "fit": "fit coefficient of each cluster type x instrument [-], and whether the type is "
    "eligible for the instrument",
    "projects": "candidate projects: id, cluster, instrument, min_grant and max_grant "
    "[1e8 CNY]; optional efficiency [-], cofunding_ratio [-], start year",
    "sources": "cited facts: fact_id (P.. or S..) and source; any further columns are kept",
    "stock": "existing national and provincial platforms: id, names, kind, technology domain, "
    "city, year and the sources row that reports it; no_duplicated_construction refuses a "
    "new national-level platform in a domain whose national centre sits elsewhere",
}
