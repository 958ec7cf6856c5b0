"""Parse and validate each CSV table of a case into labelled pandas objects."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from mcda.ahp import matrix_from_upper
from mcda.hierarchy import ROOT, CriteriaTree
from optimize.case import CLUSTER_TYPES, INSTRUMENTS
from optimize.errors import InputError
from optimize.schema import filled_columns, required_columns
from optimize.tables import (
    parse_number,
    read_table,
    require_choice,
    require_unique,
    require_values,
)

PROVENANCE_PATTERN = re.compile(r"^(paper:P\d+|facts:S\d+|illustrative)$")


def load_clusters(path: Path, label: str) -> pd.DataFrame:
    """Clusters indexed by id, with a known type and a technology domain each."""
    table = read_table(path, label, required_columns("clusters"))
    require_values(table, label, filled_columns("clusters"))
    require_unique(table, label, ["id"])
    require_choice(table, label, "cluster_type", CLUSTER_TYPES)
    if table.empty:
        raise InputError(label, "no clusters listed")
    return table.set_index("id", drop=True)


def load_criteria(path: Path, label: str) -> CriteriaTree:
    """The criteria hierarchy; leaves carry a benefit/cost direction."""
    table = read_table(path, label, required_columns("criteria"))
    require_values(table, label, filled_columns("criteria"))
    require_unique(table, label, ["id"])
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
    require_choice(table.loc[leaves], label, "direction", ["benefit", "cost"])
    return CriteriaTree(table.set_index("id", drop=True))


def load_judgments(
    path: Path, label: str, tree: CriteriaTree
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Pairwise matrices per hierarchy node from a long ``node,row,col,value`` table.

    Returns
    -------
    tuple
        Full reciprocal matrix per node, and the table itself (for provenance).
    """
    table = read_table(path, label, required_columns("judgments"))
    require_values(table, label, filled_columns("judgments"))
    require_choice(table, label, "node", tree.nodes_with_children)
    values = parse_number(table, label, "value", strictly_positive=True).to_dict()
    matrices = {}
    for node in tree.nodes_with_children:
        items = tree.children(node)
        rows = table[table["node"] == node]
        judgments: dict[tuple[str, str], float] = {}
        seen: set[frozenset[str]] = set()
        for row, record in rows.iterrows():
            for column in ("row", "col"):
                if record[column] not in items:
                    raise InputError(
                        label,
                        f"{record[column]!r} is not a sub-criterion of {node!r} "
                        f"(expected one of {', '.join(items)})",
                        int(str(row)),
                        column,
                    )
            pair = frozenset((record["row"], record["col"]))
            if record["row"] == record["col"] or pair in seen:
                what = "compares an item with itself" if len(pair) == 1 else "repeats a pair"
                raise InputError(label, f"judgment {what}", int(str(row)), "col")
            seen.add(pair)
            judgments[(record["row"], record["col"])] = float(values[row])
        for k, first in enumerate(items):
            for second in items[k + 1 :]:
                if frozenset((first, second)) not in seen:
                    raise InputError(
                        label, f"no judgment for node {node!r} comparing {first} with {second}"
                    )
        matrices[node] = matrix_from_upper(items, judgments)
    return matrices, table


def load_scores(
    path: Path,
    label: str,
    clusters: pd.Index,
    leaves: list[str],
    sources: pd.Index,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Decision-matrix values and provenance from a long ``cluster,criterion,value`` table.

    Returns
    -------
    tuple of pandas.DataFrame
        Values and provenance, each clusters x leaves.
    """
    table = read_table(path, label, required_columns("scores"))
    require_values(table, label, filled_columns("scores"))
    require_choice(table, label, "cluster", list(clusters))
    require_choice(table, label, "criterion", leaves)
    require_unique(table, label, ["cluster", "criterion"])
    values = parse_number(table, label, "value", minimum=0.0)
    check_provenance(table, label, sources)
    table["number"] = values
    wide = table.pivot(index="cluster", columns="criterion", values="number")
    origin = table.pivot(index="cluster", columns="criterion", values="provenance")
    wide = wide.reindex(index=clusters, columns=leaves)
    gap = first_gap(wide)
    if gap is not None:
        raise InputError(label, f"no score for cluster {gap[0]!r} on criterion {gap[1]!r}")
    return wide.astype(float), origin.reindex(index=clusters, columns=leaves)


def first_gap(wide: pd.DataFrame) -> tuple[str, str] | None:
    """Row and column label of the first missing cell of a pivoted table, if any."""
    missing = np.argwhere(wide.isna().to_numpy())
    if not missing.size:
        return None
    i, j = missing[0]
    return str(wide.index[i]), str(wide.columns[j])


def check_provenance(table: pd.DataFrame, label: str, sources: pd.Index) -> None:
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
                f"provenance {origin!r} must be paper:P.., facts:S.. or illustrative",
                int(str(row)),
                "provenance",
            )
        if origin == "illustrative" and not record.get("rule", ""):
            raise InputError(label, "an illustrative value needs its rule", int(str(row)), "rule")
        cited = origin.partition(":")[2]
        if cited and cited not in sources:
            raise InputError(
                label,
                f"cites {cited!r}, which the sources table lacks",
                int(str(row)),
                "provenance",
            )


def load_fit(path: Path, label: str) -> pd.DataFrame:
    """Type x instrument fit coefficients; every combination must be present."""
    table = read_table(path, label, required_columns("fit"))
    require_values(table, label, filled_columns("fit"))
    require_choice(table, label, "cluster_type", CLUSTER_TYPES)
    require_choice(table, label, "instrument", INSTRUMENTS)
    require_unique(table, label, ["cluster_type", "instrument"])
    table["number"] = parse_number(table, label, "coefficient", minimum=0.0)
    wide = table.pivot(index="cluster_type", columns="instrument", values="number")
    wide = wide.reindex(index=CLUSTER_TYPES, columns=INSTRUMENTS)
    gap = first_gap(wide)
    if gap is not None:
        raise InputError(label, f"no fit coefficient for {gap[0]} x {gap[1]}")
    return wide.astype(float)


def load_projects(path: Path, label: str, clusters: pd.Index) -> pd.DataFrame:
    """Candidate projects with minimum viable and maximum grants [1e8 CNY]."""
    table = read_table(path, label, required_columns("projects"))
    require_values(table, label, filled_columns("projects"))
    require_unique(table, label, ["id"])
    require_choice(table, label, "cluster", list(clusters))
    require_choice(table, label, "instrument", INSTRUMENTS)
    low = parse_number(table, label, "min_grant", minimum=0.0)
    high = parse_number(table, label, "max_grant", strictly_positive=True)
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
            "efficiency": optional_number(table, label, "efficiency", 1.0, positive=True),
            "cofunding_ratio": optional_number(table, label, "cofunding_ratio", 0.0),
            "start": optional_number(table, label, "start", 0.0),
        }
    )
    whole_years = frame["start"] == frame["start"].round()
    if not whole_years.all():
        row = int(str(frame.index[~whole_years][0]))
        raise InputError(label, "start must be a whole year", row, "start")
    frame.index = pd.Index(table["id"], name="project")
    return frame


def optional_number(
    table: pd.DataFrame, label: str, column: str, default: float, positive: bool = False
) -> pd.Series:
    """A numeric column that may be absent or blank (then `default`)."""
    if column not in table:
        return pd.Series(default, index=table.index, dtype=float)
    filled = table[column].where(table[column] != "", str(default))
    return parse_number(filled.to_frame(), label, column, minimum=0.0, strictly_positive=positive)


def load_sources(path: Path | None, label: str) -> pd.DataFrame:
    """Cited facts indexed by fact id (empty when the case has no sources table)."""
    if path is None:
        return pd.DataFrame(index=pd.Index([], name="fact_id"))
    table = read_table(path, label, required_columns("sources"))
    require_values(table, label, filled_columns("sources"))
    require_unique(table, label, ["fact_id"])
    return table.set_index("fact_id", drop=True)


def settings_cited(provenance: Mapping[str, str]) -> list[str]:
    """Fact ids cited in free-text provenance (e.g. ``"illustrative, from S012"``)."""
    return sorted({m for text in provenance.values() for m in re.findall(r"\b[PS]\d{2,3}\b", text)})
