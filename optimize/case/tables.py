"""Validate each text table of a case (from CSV or a workbook) into labelled pandas objects.

Every loader takes the table as :func:`optimize.case.text_table.table_from_rows` returns it,
so that a CSV file and a worksheet go through the same checks and give the same errors.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from mcda import ROOT, CriteriaTree, JudgmentError
from mcda.ahp import SOLE_EXPERT, Judgment, judgment_matrices, parse_judgment
from optimize.case.schema import REQUIRED_COLUMNS
from optimize.case.text_table import (
    _parse_number,
    _require_choice,
    _require_unique,
    _require_values,
    with_columns,
)
from optimize.case.values import ValueRangeError, number_from_text
from optimize.errors import InputError

#: Names of report columns next to the instruments, so no type or instrument id.
RESERVED_IDS = ("total", "benefit")

PROVENANCE_PATTERN = re.compile(r"^(paper:P\d+|facts:[SN]\d+|illustrative|ratings|unknown)$")
#: Provenance forms that only cells of one status may have.
_STATUS_OF_PROVENANCE = {"ratings": "rated", "unknown": "unknown"}


def _load_clusters(raw: pd.DataFrame, label: str, types: list[str]) -> pd.DataFrame:
    """Clusters indexed by id, with a type of the case's `types` and a technology domain each."""
    required = REQUIRED_COLUMNS["clusters"]
    table = with_columns(raw, label, required)
    _require_values(table, label, list(required))
    _require_unique(table, label, ["id"])
    _require_choice(table, label, "cluster_type", types)
    if "alt_type" in table.columns:
        given = table[table["alt_type"] != ""]
        _require_choice(given, label, "alt_type", types)
    if table.empty:
        raise InputError(label, "no clusters listed")
    return table.set_index("id", drop=True)


def _load_criteria(raw: pd.DataFrame, label: str) -> CriteriaTree:
    """The criteria hierarchy; leaves carry a benefit/cost direction."""
    table = with_columns(raw, label, REQUIRED_COLUMNS["criteria"])
    _require_values(table, label, ["id", "name_en"])
    _require_unique(table, label, ["id"])
    if (table["id"] == ROOT).any():
        row = int(table.index[table["id"] == ROOT][0])
        raise InputError(
            label, f"{ROOT!r} is reserved for the top of the tree", row=row, field="id"
        )
    table["parent"] = table["parent"].where(table["parent"] != "", ROOT)
    known = {ROOT, *table["id"]}
    unknown = table.index[~table["parent"].isin(known)]
    if len(unknown):
        bad = int(unknown[0])
        raise InputError(label, f"unknown parent {table.at[str(bad), 'parent']!r}", bad, "parent")
    parent_of = dict(zip(table["id"], table["parent"], strict=True))
    for line, start in table["id"].items():
        seen, node = {start}, parent_of[start]
        while node != ROOT:
            if node in seen:
                raise InputError(label, "the parent chain loops back", int(str(line)), "parent")
            seen.add(node)
            node = parent_of[node]
    leaves = table.index[~table["id"].isin(set(table["parent"]))]
    _require_choice(table.loc[leaves], label, "direction", ["benefit", "cost"])
    return CriteriaTree(table.set_index("id", drop=True))


def _load_judgments(
    raw: pd.DataFrame, label: str, tree: CriteriaTree
) -> tuple[dict[str, dict[str, pd.DataFrame]], pd.DataFrame]:
    """Pairwise matrices per hierarchy node and expert from a long judgments table.

    Columns ``node,row,col,value,provenance`` and, optionally, ``expert``; without it the
    judgments are one expert's. A value is a number, a ratio like ``1/3`` or a verbal label
    (``strong``). Every expert judges each pair of children of every node once: a panel
    whose members skip nodes would silently weight some nodes by fewer people.

    Returns
    -------
    tuple
        Full reciprocal matrix per node and expert, and the table itself (for provenance).
    """
    required = REQUIRED_COLUMNS["judgments"]
    table = with_columns(raw, label, required)
    by_expert = "expert" in table.columns
    _require_values(table, label, [*required, *(["expert"] if by_expert else [])])
    _require_choice(table, label, "node", tree.nodes_with_children)
    records: dict[str, list[Judgment]] = {}
    for row, record in table.iterrows():
        line = int(str(row))
        items = tree.children(str(record["node"]))
        for column in ("row", "col"):
            if record[column] not in items:
                raise InputError(
                    label,
                    f"{record[column]!r} is not a sub-criterion of {record['node']!r} "
                    f"(expected one of {', '.join(items)})",
                    line,
                    column,
                )
        try:
            value = parse_judgment(str(record["value"]))
            if any(ch.isdigit() for ch in str(record["value"])):
                value = number_from_text(str(record["value"]))  # 1_000, magnitudes
        except JudgmentError as exc:
            raise InputError(label, exc.message, line, "value") from None
        except ValueRangeError as exc:
            raise InputError(label, str(exc), line, "value") from None
        expert = str(record["expert"]) if by_expert else SOLE_EXPERT
        records.setdefault(str(record["node"]), []).append(
            Judgment(str(record["row"]), str(record["col"]), value, expert, line)
        )
    everyone = list(dict.fromkeys(table["expert"])) if by_expert else [SOLE_EXPERT]
    matrices = {}
    for node in tree.nodes_with_children:
        try:
            matrices[node] = judgment_matrices(
                records.get(node, []),
                tree.children(node),
                file=label,
                node=node,
                experts=everyone,
                require_all=True,
            )
        except JudgmentError as exc:
            raise InputError(exc.file or label, exc.message, exc.row, exc.field) from None
    return matrices, table


def _first_gap(wide: pd.DataFrame) -> tuple[str, str] | None:
    """Row and column label of the first missing cell of a pivoted table, if any."""
    missing = np.argwhere(wide.isna().to_numpy())
    if not missing.size:
        return None
    i, j = missing[0]
    return str(wide.index[i]), str(wide.columns[j])


def _check_provenance(table: pd.DataFrame, label: str, sources: pd.Index) -> None:
    """Each value says where it comes from: a cited source id, or illustrative with a rule.

    Raises
    ------
    InputError
        On an unknown provenance form, an illustrative value without a rule, or a cited id
        missing from the case's sources table.
    """
    for row, record in table.iterrows():
        origin = str(record["provenance"])
        if not PROVENANCE_PATTERN.match(origin):
            raise InputError(
                label,
                f"provenance {origin!r} must be paper:P.., facts:S.. or illustrative (ratings "
                "or unknown for a rated or unknown cell)",
                int(str(row)),
                "provenance",
            )
        status = str(record.get("status", "point"))
        if _STATUS_OF_PROVENANCE.get(origin, status) != status:
            raise InputError(
                label,
                f"provenance {origin!r} is for {_STATUS_OF_PROVENANCE[origin]} cells, this one "
                f"is {status}",
                int(str(row)),
                "provenance",
            )
        if origin in ("illustrative", "unknown") and not record.get("rule", ""):
            needs = "its rule" if origin == "illustrative" else "its reason in rule"
            raise InputError(label, f"an {origin} value needs {needs}", int(str(row)), "rule")
        cited = origin.partition(":")[2]
        if cited and cited not in sources:
            raise InputError(
                label,
                f"cites {cited!r}, which the sources table lacks",
                int(str(row)),
                "provenance",
            )


def _load_named(raw: pd.DataFrame | None, label: str, key: str) -> pd.DataFrame:
    """A table of named ids (``types`` or ``instruments``) indexed by id; empty when absent.

    Numeric columns (an instrument's ``operating_years``) are checked but kept as text.
    """
    if raw is None:
        return pd.DataFrame(columns=list(REQUIRED_COLUMNS[key][1:]), index=pd.Index([], name="id"))
    required = REQUIRED_COLUMNS[key]
    table = with_columns(raw, label, required)
    _require_values(table, label, list(required))
    _require_unique(table, label, ["id"])
    _refuse_reserved(table, label, ["id"])
    if table.empty:
        raise InputError(label, f"no {key} listed")
    if "lumpiness" in table:
        _require_choice(table[table["lumpiness"] != ""], label, "lumpiness", ["fixed", "range"])
    if "operating_years" in table:
        _optional_number(table, label, "operating_years", 0.0)
    return table.set_index("id", drop=True)


def _refuse_reserved(table: pd.DataFrame, label: str, columns: list[str]) -> None:
    """Refuse a type or instrument id that a report uses as a column name."""
    for column in columns:
        taken = table.index[table[column].isin(RESERVED_IDS)]
        if len(taken):
            raise InputError(
                label,
                f"{', '.join(RESERVED_IDS)} are reserved for report columns",
                int(taken[0]),
                column,
            )


def _load_fit(
    raw: pd.DataFrame, label: str, types: list[str], instruments: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Type x instrument fit coefficients and eligibility; every combination must be present.

    Parameters
    ----------
    types, instruments : list of str
        Ids from the types and instruments tables; an empty list takes the ids from the fit
        table itself, in the order they first appear.

    Returns
    -------
    tuple of pandas.DataFrame
        Fit coefficients [-] and eligibility (bool), each types x instruments.
    """
    required = REQUIRED_COLUMNS["fit"]
    table = with_columns(raw, label, required)
    _require_values(table, label, list(required))
    _refuse_reserved(table, label, ["cluster_type", "instrument"])
    types = types or list(dict.fromkeys(table["cluster_type"]))
    instruments = instruments or list(dict.fromkeys(table["instrument"]))
    _require_choice(table, label, "cluster_type", types)
    _require_choice(table, label, "instrument", instruments)
    _require_unique(table, label, ["cluster_type", "instrument"])
    table["number"] = _parse_number(table, label, "coefficient", minimum=0.0)
    wide = table.pivot(index="cluster_type", columns="instrument", values="number")
    wide = wide.reindex(index=types, columns=instruments)
    gap = _first_gap(wide)
    if gap is not None:
        raise InputError(label, f"no fit coefficient for {gap[0]} x {gap[1]}")
    if "eligible" in table:
        _require_choice(table, label, "eligible", ["yes", "no", ""])
        table["allowed"] = table["eligible"] != "no"
    else:
        table["allowed"] = True
    eligible = table.pivot(index="cluster_type", columns="instrument", values="allowed")
    eligible = eligible.reindex(index=types, columns=instruments).astype(bool)
    return wide.astype(float), eligible


def _load_projects(
    raw: pd.DataFrame, label: str, clusters: pd.DataFrame, eligible: pd.DataFrame
) -> pd.DataFrame:
    """Candidate projects with minimum viable and maximum grants [1e8 CNY].

    A project whose cluster's type is not eligible for its instrument is refused.
    """
    required = REQUIRED_COLUMNS["projects"]
    table = with_columns(raw, label, required)
    _require_values(table, label, list(required))
    _require_unique(table, label, ["id"])
    _require_choice(table, label, "cluster", list(clusters.index))
    _require_choice(table, label, "instrument", list(eligible.columns))
    for row, record in table.iterrows():
        kind = str(clusters.at[record["cluster"], "cluster_type"])
        if not eligible.at[kind, record["instrument"]]:
            raise InputError(
                label,
                f"cluster {record['cluster']!r} is of type {kind!r}, which the fit table "
                f"makes not eligible for instrument {record['instrument']!r}",
                int(str(row)),
                "instrument",
            )
    low = _parse_number(table, label, "min_grant", minimum=0.0)
    high = _parse_number(table, label, "max_grant", strictly_positive=True)
    narrow = table.index[high <= low]
    if len(narrow):
        row = int(narrow[0])
        raise InputError(label, "max_grant must exceed min_grant", row, "max_grant")
    frame = pd.DataFrame(
        {
            "cluster": table["cluster"],
            "instrument": table["instrument"],
            "min_grant": low,
            "max_grant": high,
            "efficiency": _optional_number(table, label, "efficiency", 1.0, positive=True),
            "cofunding_ratio": _optional_number(table, label, "cofunding_ratio", 0.0),
            "start": _optional_number(table, label, "start", 0.0),
            **{column: _optional_text(table, column) for column in STOCK_LINK_COLUMNS},
        }
    )
    whole_years = frame["start"] == frame["start"].round()
    if not whole_years.all():
        row = int(str(frame.index[~whole_years][0]))
        raise InputError(label, "start must be a whole year", row, "start")
    frame.index = pd.Index(table["id"], name="project")
    return frame


#: Optional text columns of the projects table about the national stock.
STOCK_LINK_COLUMNS = ("domain", "complements", "stock_override")


def _optional_text(table: pd.DataFrame, column: str) -> pd.Series:
    """A text column that may be absent (then empty text)."""
    if column not in table:
        return pd.Series("", index=table.index, dtype=object)
    return table[column]


def _optional_number(
    table: pd.DataFrame, label: str, column: str, default: float, positive: bool = False
) -> pd.Series:
    """A numeric column that may be absent or blank (then `default`)."""
    if column not in table:
        return pd.Series(default, index=table.index, dtype=float)
    filled = table[column].where(table[column] != "", str(default))
    return _parse_number(filled.to_frame(), label, column, minimum=0.0, strictly_positive=positive)


def _load_sources(raw: pd.DataFrame | None, label: str) -> pd.DataFrame:
    """Cited facts indexed by fact id (empty when the case has no sources table)."""
    if raw is None:
        return pd.DataFrame(index=pd.Index([], name="fact_id"))
    table = with_columns(raw, label, REQUIRED_COLUMNS["sources"])
    _require_values(table, label, ["fact_id"])
    _require_unique(table, label, ["fact_id"])
    return table.set_index("fact_id", drop=True)
