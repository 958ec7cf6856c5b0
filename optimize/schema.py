"""The tables of a case: their names, columns and which columns hold numbers.

One place for what the CSV loader, the workbook loader, the workbook writer and the blank
template all need to agree on.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Tables a case must have, in the order they are read and written.
REQUIRED_TABLES: tuple[str, ...] = (
    "clusters",
    "criteria",
    "judgments",
    "scores",
    "fit",
    "projects",
)

#: Every table a case may have (``sources`` is optional: a case may cite no facts).
CASE_TABLES: tuple[str, ...] = (*REQUIRED_TABLES, "sources")

#: Columns each table must have.
REQUIRED_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "clusters": ("id", "name_zh", "name_en", "region", "tech_domain", "cluster_type"),
    "criteria": ("id", "parent", "name_en", "name_zh", "direction", "unit"),
    "judgments": ("node", "row", "col", "value", "provenance"),
    "scores": ("cluster", "criterion", "value", "provenance", "rule"),
    "fit": ("cluster_type", "instrument", "coefficient"),
    "projects": ("id", "cluster", "instrument", "min_grant", "max_grant"),
    "sources": ("fact_id", "source"),
}

#: Columns a table may have besides the required ones (used by the blank template).
OPTIONAL_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "clusters": ("region_zh",),
    "criteria": (),
    "judgments": (),
    "scores": (),
    "fit": ("provenance",),
    "projects": ("efficiency", "cofunding_ratio", "start", "provenance"),
    "sources": (),
}

#: Columns read as numbers; a workbook stores them as number cells.
NUMERIC_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "judgments": ("value",),
    "scores": ("value",),
    "fit": ("coefficient",),
    "projects": ("min_grant", "max_grant", "efficiency", "cofunding_ratio", "start"),
}

#: What each table holds, for the workbook's instructions and the template README.
TABLE_PURPOSE: Mapping[str, str] = {
    "clusters": "one row per cluster: id, Chinese and English name, region key, technology "
    "domain (clusters sharing one count as duplicates), cluster_type basic|strategic|frontier",
    "criteria": "the criteria tree: a level-1 criterion has an empty parent; leaves need a "
    "direction benefit|cost and a unit",
    "judgments": "AHP pairwise judgments, upper triangle: node (goal or a level-1 criterion), "
    "row, col, value on Saaty's 1-9 scale (1/3 allowed), provenance",
    "scores": "the decision matrix in long form: cluster, leaf criterion, value, provenance "
    "(paper:P.., facts:S.. or illustrative) and the rule that set an illustrative value",
    "fit": "fit coefficient of each cluster type x instrument (platform, pilot_base, "
    "demonstration) [-]",
    "projects": "candidate projects: id, cluster, instrument, min_grant and max_grant "
    "[1e8 CNY]; optional efficiency [-], cofunding_ratio [-], start year",
    "sources": "cited facts: fact_id (P.. or S..) and source; any further columns are kept",
}
