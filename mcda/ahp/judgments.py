"""Judgments from tables and files: records of (row, col, value[, expert]) into matrices.

Two file layouts are read, from CSV or from a sheet of an .xlsx workbook:

- a full matrix: the header row lists the items (its first cell is free, e.g. ``item``), each
  further row starts with an item label, in the same order, followed by its judgments; an
  empty cell is a missing judgment;
- a long table with columns ``row``, ``col`` and ``value`` and, optionally, ``expert`` (several
  experts' judgments in one file) and ``node`` (several matrices, e.g. a case's
  ``judgments.csv``); other columns such as ``provenance`` are ignored. Each row judges how
  many times more ``row`` matters than ``col``; each pair once per expert and node, in
  either orientation.

A value is a number, a ratio like ``1/5`` or a verbal label (:data:`mcda.ahp.scale.VERBAL_SCALE`).
A workbook cell must hold the value itself: formulas are refused (:func:`mcda.sheets.sheet_values`).

A third layout holds Best-Worst Method judgments (:mod:`mcda.ahp.bwm`), read by
:func:`read_bwm`: a long table with columns ``best``, ``worst``, ``item``, ``best_to_item``
and ``item_to_worst`` and, optionally, ``node``. Each row gives one item of a node: how many
times the node's best item matters more than it, and how many times it matters more than the
worst. ``best`` and ``worst`` name the node's best and worst items; they may be left empty
after a node's first row. The best item's ``best_to_item`` and the worst item's
``item_to_worst`` may be left empty (they are 1). :func:`judgments_form` tells the layouts
apart by the header.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from mcda.ahp.pairwise import FloatArray, Reciprocity, pairwise_matrix
from mcda.ahp.scale import check_on_scale, parse_judgment
from mcda.errors import JudgmentError
from mcda.sheets import TextTable, read_rows

#: Expert name of judgments that do not say whose they are.
SOLE_EXPERT = "expert"

#: Columns that make a table a long table of judgments.
LONG_COLUMNS = ("row", "col", "value")

#: Columns that make a table a long table of Best-Worst Method judgments.
BWM_COLUMNS = ("best", "worst", "item", "best_to_item", "item_to_worst")

#: The two forms a judgments file can take.
JudgmentsForm = Literal["pairwise", "bwm"]


@dataclass(frozen=True)
class Judgment:
    """One pairwise judgment: `row` matters `value` times as much as `col`.

    Attributes
    ----------
    row, col : str
        Item labels.
    value : float
        The judgment [-], > 0.
    expert : str
        Whose judgment it is.
    line : int, optional
        Spreadsheet row it was read from, for messages.
    """

    row: str
    col: str
    value: float
    expert: str = SOLE_EXPERT
    line: int | None = None


def judgment_matrices(
    judgments: Iterable[Judgment],
    items: Sequence[str] | None = None,
    *,
    file: str | None = None,
    node: str | None = None,
    experts: Sequence[str] = (),
    require_all: bool = False,
) -> dict[str, pd.DataFrame]:
    """Build one reciprocal matrix per expert from judgment records.

    Parameters
    ----------
    judgments : iterable of Judgment
        Each pair at most once per expert, in either orientation.
    items : sequence of str, optional
        Item labels in matrix order; the order of first appearance when omitted.
    file : str, optional
        File name for messages.
    node : str, optional
        Name of the compared set (e.g. a hierarchy node), for messages.
    experts : sequence of str
        Experts who get a matrix even without any judgment here (so that `require_all`
        holds them to it), before those met in `judgments`.
    require_all : bool
        Refuse a missing pair instead of leaving it NaN.

    Returns
    -------
    dict of str to pandas.DataFrame
        Matrix per expert, experts in order of first appearance; a_ji = 1 / a_ij, unit
        diagonal, NaN where a pair was not judged.

    Raises
    ------
    JudgmentError
        On an unknown item, a self-comparison, a repeated pair or (with `require_all`) a
        missing one, located by file and row when known.
    """
    records = list(judgments)
    order = (
        list(items) if items is not None else unique([x for r in records for x in (r.row, r.col)])
    )
    position = {item: k for k, item in enumerate(order)}
    by_expert: dict[str, dict[frozenset[str], Judgment]] = {name: {} for name in experts}
    for record in records:
        for field, label in (("row", record.row), ("col", record.col)):
            if label not in position:
                raise JudgmentError(
                    f"{label!r} is not one of the compared items ({', '.join(order)})",
                    key="judgment.not_item",
                    fields={"label": label, "items": ", ".join(order)},
                    file=file,
                    row=record.line,
                    field=field,
                )
        if record.row == record.col:
            raise JudgmentError(
                f"judgment compares {record.row!r} with itself",
                key="judgment.self",
                fields={"item": record.row},
                file=file,
                row=record.line,
                field="col",
            )
        pair = frozenset((record.row, record.col))
        seen = by_expert.setdefault(record.expert, {})
        if pair in seen:
            first = seen[pair].line
            where = f" (first given in row {first})" if first is not None else ""
            raise JudgmentError(
                f"judgment ({record.row}, {record.col}) repeats a pair{where}",
                key="judgment.repeated" + ("_at" if first is not None else ""),
                fields={"row": record.row, "col": record.col, "first": first},
                file=file,
                row=record.line,
                field="col",
            )
        seen[pair] = record
    matrices = {}
    for expert, given in by_expert.items():
        values = np.full((len(order), len(order)), np.nan)
        np.fill_diagonal(values, 1.0)
        for record in given.values():
            values[position[record.row], position[record.col]] = record.value
            values[position[record.col], position[record.row]] = 1.0 / record.value
        if require_all:
            check_all_judged(values, order, file, node, None if expert == SOLE_EXPERT else expert)
        matrices[expert] = pd.DataFrame(values, index=order, columns=order)
    return matrices


def check_all_judged(
    values: FloatArray, items: list[str], file: str | None, node: str | None, expert: str | None
) -> None:
    """Refuse a matrix with a missing judgment, naming the pair (and node and expert).

    Raises
    ------
    JudgmentError
        Naming the first missing pair.
    """
    gaps = np.argwhere(np.triu(np.isnan(values), k=1))
    if gaps.size:
        i, j = gaps[0]
        for_node = f" for node {node!r}" if node is not None else ""
        by_expert = f" from expert {expert!r}" if expert is not None else ""
        variant = ("_node" if node is not None else "") + ("_expert" if expert is not None else "")
        raise JudgmentError(
            f"no judgment{for_node} comparing {items[i]} with {items[j]}{by_expert}",
            file=file,
            key=f"judgment.missing{variant}",
            fields={"node": node, "row": items[i], "col": items[j], "expert": expert},
        )


def matrix_from_upper(items: list[str], judgments: Mapping[tuple[str, str], float]) -> pd.DataFrame:
    """Build a full reciprocal matrix from one judgment per pair.

    Parameters
    ----------
    items : list of str
        Item labels in matrix order.
    judgments : mapping of (str, str) to float
        ``(row, col) -> value`` for each pair, in either orientation, exactly once.

    Returns
    -------
    pandas.DataFrame
        The full matrix with a_ji = 1 / a_ij and a unit diagonal.

    Raises
    ------
    JudgmentError
        If a pair is missing, given twice, or names an unknown item.
    """
    records = [Judgment(row, col, value) for (row, col), value in judgments.items()]
    return judgment_matrices(records, items, require_all=True)[SOLE_EXPERT]


def unique(labels: Iterable[str]) -> list[str]:
    """`labels` without repeats, in order of first appearance."""
    return list(dict.fromkeys(labels))


def read_judgments(
    path: str | Path,
    *,
    sheet: str | None = None,
    reciprocal: Reciprocity = "full",
    strict_scale: bool = False,
) -> dict[str, dict[str, pd.DataFrame]]:
    """Read pairwise judgments from a CSV file or an .xlsx sheet.

    Parameters
    ----------
    path : str or pathlib.Path
        A full matrix or a long table (see the module notes).
    sheet : str, optional
        Workbook sheet; the first when omitted.
    reciprocal : {"full", "upper"}
        For a full matrix: check the whole matrix, or read only its upper triangle.
    strict_scale : bool
        Refuse judgments off Saaty's 1/9..9 scale.

    Returns
    -------
    dict of str to dict of str to pandas.DataFrame
        Matrix per node and expert. A file without a ``node`` column is one node named after
        the file (its stem); without an ``expert`` column, one expert, :data:`SOLE_EXPERT`.
        Missing judgments are NaN.

    Raises
    ------
    JudgmentError or TableError
        One line naming the file, row and column of the first bad cell.
    """
    table = read_rows(path, sheet=sheet)
    columns = [name.lower() for name in table.header]
    stem = Path(path).stem
    if table_form(columns) == "bwm":
        raise JudgmentError(
            "holds Best-Worst Method judgments (columns best, worst, item, best_to_item, "
            "item_to_worst): read it with read_bwm",
            file=table.name,
            key="judgment.is_bwm",
        )
    if all(name in columns for name in LONG_COLUMNS):
        return read_long(table, columns, stem, strict_scale)
    return {stem: {SOLE_EXPERT: read_matrix(table, reciprocal, strict_scale)}}


def located_judgment(
    text: str, table: TextTable, line: int, field: str, strict_scale: bool
) -> float:
    """One cell parsed as a judgment; errors name the file, row and column."""
    try:
        value = parse_judgment(text)
        if strict_scale:
            check_on_scale(value)
    except JudgmentError as exc:
        raise exc.at(file=table.name, row=line, field=field) from None
    return value


def read_long(
    table: TextTable, columns: list[str], default_node: str, strict_scale: bool
) -> dict[str, dict[str, pd.DataFrame]]:
    """Matrices per node and expert from a long table (columns lower-cased in `columns`)."""
    at = {name: columns.index(name) for name in columns}
    field = {name: table.header[k] for name, k in at.items()}
    records: dict[str, list[Judgment]] = {}
    for line, cells in table.rows:
        for name in LONG_COLUMNS:
            if not cells[at[name]]:
                raise JudgmentError(
                    "value is empty",
                    file=table.name,
                    row=line,
                    field=field[name],
                    key="judgment.value_empty",
                )
        value = located_judgment(cells[at["value"]], table, line, field["value"], strict_scale)
        expert = cells[at["expert"]] if "expert" in at and cells[at["expert"]] else SOLE_EXPERT
        node = cells[at["node"]] if "node" in at and cells[at["node"]] else default_node
        records.setdefault(node, []).append(
            Judgment(cells[at["row"]], cells[at["col"]], value, expert, line)
        )
    if not records:
        raise JudgmentError("holds no judgments", file=table.name, key="judgment.none")
    return {
        node: judgment_matrices(judged, file=table.name, node=node)
        for node, judged in records.items()
    }


def read_matrix(table: TextTable, reciprocal: Reciprocity, strict_scale: bool) -> pd.DataFrame:
    """A full matrix: header and first column list the items in the same order."""
    items = list(table.header[1:])
    if not items or len(table.rows) != len(items):
        raise JudgmentError(
            f"a full matrix needs one row per item: {len(items)} items in the header, "
            f"{len(table.rows)} rows (a long table needs columns row, col and value)",
            file=table.name,
            key="judgment.matrix_rows",
            fields={"items": len(items), "rows": len(table.rows)},
        )
    values = np.full((len(items), len(items)), np.nan)
    for i, (line, cells) in enumerate(table.rows):
        if cells[0] != items[i]:
            raise JudgmentError(
                f"row is labelled {cells[0]!r} but column {i + 2} is {items[i]!r}: rows and "
                "columns must list the items in the same order",
                file=table.name,
                key="judgment.matrix_order",
                fields={"label": cells[0], "column": i + 2, "item": items[i]},
                row=line,
                field=table.header[0] or None,
            )
        for j, text in enumerate(cells[1:]):
            ignored = reciprocal == "upper" and j <= i
            if text and not ignored:
                values[i, j] = located_judgment(text, table, line, items[j], strict_scale)
    if reciprocal == "full":
        # An empty diagonal cell means the item equals itself, as it must.
        np.fill_diagonal(values, np.where(np.isnan(np.diag(values)), 1.0, np.diag(values)))
    frame = pd.DataFrame(values, index=items, columns=items)
    try:
        return pairwise_matrix(frame, reciprocal=reciprocal, allow_missing=True)
    except JudgmentError as exc:
        raise exc.at(file=table.name) from None


def table_form(columns: Sequence[str]) -> JudgmentsForm:
    """``"bwm"`` if the lower-cased `columns` hold every BWM column, else ``"pairwise"``."""
    return "bwm" if all(name in columns for name in BWM_COLUMNS) else "pairwise"


def judgments_form(path: str | Path, *, sheet: str | None = None) -> JudgmentsForm:
    """Whether a judgments file holds pairwise (AHP) or Best-Worst Method judgments.

    Raises
    ------
    TableError
        If the file or sheet cannot be read as a table.
    """
    table = read_rows(path, sheet=sheet)
    return table_form([name.lower() for name in table.header])


@dataclass(frozen=True)
class BWMJudgments:
    """One node's Best-Worst Method judgments, as read from a file.

    Attributes
    ----------
    best, worst : str
        The best and worst items.
    best_to_others : pandas.Series
        a_Bj per item [-], 1 for the best.
    others_to_worst : pandas.Series
        a_jW per item [-], 1 for the worst.
    """

    best: str
    worst: str
    best_to_others: pd.Series
    others_to_worst: pd.Series


def read_bwm(
    path: str | Path, *, sheet: str | None = None, strict_scale: bool = False
) -> dict[str, BWMJudgments]:
    """Read Best-Worst Method judgments from a CSV file or an .xlsx sheet.

    Parameters
    ----------
    path : str or pathlib.Path
        A long table with columns ``best``, ``worst``, ``item``, ``best_to_item``,
        ``item_to_worst`` and optionally ``node`` (see the module notes).
    sheet : str, optional
        Workbook sheet; the first when omitted.
    strict_scale : bool
        Refuse judgments off Saaty's 1..9 scale.

    Returns
    -------
    dict of str to BWMJudgments
        Judgments per node, nodes in order of first appearance; a file without a ``node``
        column is one node named after the file (its stem). Pass them to
        :func:`mcda.ahp.bwm.bwm`, which checks them.

    Raises
    ------
    JudgmentError or TableError
        One line naming the file, row and column of the first bad cell: a missing column,
        an empty cell, a judgment that is not a number, a node whose rows name different
        best or worst items, or an item given twice in a node.
    """
    table = read_rows(path, sheet=sheet)
    columns = [name.lower() for name in table.header]
    missing = [name for name in BWM_COLUMNS if name not in columns]
    if missing:
        raise JudgmentError(
            f"a BWM judgments table needs columns {', '.join(BWM_COLUMNS)}; "
            f"missing {', '.join(missing)}",
            file=table.name,
            key="judgment.bwm_columns",
            fields={"columns": ", ".join(BWM_COLUMNS), "missing": ", ".join(missing)},
        )
    at = {name: columns.index(name) for name in columns}
    field = {name: table.header[k] for name, k in at.items()}
    if "expert" in at and any(cells[at["expert"]] for _, cells in table.rows):
        raise JudgmentError(
            "BWM judgments of several experts are not aggregated: give one file per expert",
            file=table.name,
            key="judgment.bwm_experts",
            field=field["expert"],
        )
    nodes: dict[str, _BWMNode] = {}
    for line, cells in table.rows:
        name = cells[at["node"]] if "node" in at and cells[at["node"]] else Path(path).stem
        node = nodes.setdefault(name, _BWMNode())
        for role in ("best", "worst"):
            node.name_extreme(role, cells[at[role]], table.name, line, field[role])
        item = cells[at["item"]]
        if not item:
            raise JudgmentError(
                "item is empty",
                file=table.name,
                row=line,
                field=field["item"],
                key="judgment.item_empty",
            )
        if item in node.lines:
            raise JudgmentError(
                f"item {item!r} is given twice in node {name!r} (first in row {node.lines[item]})",
                file=table.name,
                key="judgment.item_twice",
                fields={"item": item, "node": name, "first": node.lines[item]},
                row=line,
                field=field["item"],
            )
        node.lines[item] = line
        for column, target in (("best_to_item", node.to_others), ("item_to_worst", node.to_worst)):
            text = cells[at[column]]
            target[item] = (
                located_judgment(text, table, line, field[column], strict_scale) if text else None
            )
    if not nodes:
        raise JudgmentError("holds no judgments", file=table.name, key="judgment.none")
    return {name: node.judgments(name, table.name, field) for name, node in nodes.items()}


@dataclass
class _BWMNode:
    """One node's rows while a BWM table is read."""

    best: str = ""
    worst: str = ""

    def __post_init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.to_others: dict[str, float | None] = {}
        self.to_worst: dict[str, float | None] = {}

    def name_extreme(self, role: str, label: str, file: str, line: int, field: str) -> None:
        """Record the node's best or worst item, refusing a row that names another."""
        known = getattr(self, role)
        if label and known and label != known:
            raise JudgmentError(
                f"names {label!r} as the {role} item, an earlier row of this node {known!r}",
                file=file,
                key=f"judgment.{role}_differs",
                fields={"label": label, "known": known},
                row=line,
                field=field,
            )
        if label:
            setattr(self, role, label)

    def judgments(self, name: str, file: str, field: Mapping[str, str]) -> BWMJudgments:
        """The node's vectors, empty cells of the best and worst items read as 1."""
        for role in ("best", "worst"):
            label = getattr(self, role)
            if not label:
                raise JudgmentError(
                    f"node {name!r} names no {role} item",
                    file=file,
                    key=f"judgment.no_{role}",
                    fields={"node": name},
                )
            if label not in self.lines:
                raise JudgmentError(
                    f"the {role} item {label!r} of node {name!r} has no row of its own",
                    file=file,
                    key=f"judgment.{role}_without_row",
                    fields={"label": label, "node": name},
                )
        vectors = []
        for column, target, own in (
            ("best_to_item", self.to_others, self.best),
            ("item_to_worst", self.to_worst, self.worst),
        ):
            values = {}
            for item, value in target.items():
                if value is None and item != own:
                    raise JudgmentError(
                        "value is empty",
                        file=file,
                        row=self.lines[item],
                        field=field[column],
                        key="judgment.value_empty",
                    )
                values[item] = 1.0 if value is None else value
            vectors.append(pd.Series(values, dtype=float, name=column))
        return BWMJudgments(self.best, self.worst, vectors[0], vectors[1])
