"""Expert ratings by AHP absolute measurement: rating scales, ratings, and rated cells.

A rating scale lists a criterion's levels (e.g. excellent, good, fair, poor) with their
intensities. Saaty's ratings mode [1]_ [2]_ derives the intensities from pairwise judgments
on the levels: the principal eigenvector of their matrix (:func:`mcda.ahp.priorities`), then
*idealised*, divided by the top level's priority, so that the best level scores 1 and a
rating keeps its meaning however many levels the scale has. Each expert rates each
alternative on a criterion with one level; several experts' ratings of one cell become its
spread (:meth:`mcda.imprecise.cells.Cell.rated`), never their average.

File forms (CSV or a workbook sheet, values only):

- scales, direct: columns ``criterion``, ``level``, ``intensity`` (the top level of each
  criterion has intensity 1);
- scales, pairwise: columns ``criterion``, ``row``, ``col``, ``value``: how many times
  ``row`` is preferred to ``col`` (numbers, ratios like ``1/3`` or verbal labels, as in
  :func:`mcda.ahp.read_judgments`); levels in order of first appearance;
- ratings: columns ``expert``, ``alternative``, ``criterion``, ``level``.

References
----------
.. [1] Saaty, T. L. (1986). Absolute and relative measurement with the AHP: the most livable
   cities in the United States. *Socio-Economic Planning Sciences* 20(6), 327-331.
.. [2] Saaty, T. L. (2006). Rank from comparisons and from ratings in the analytic
   hierarchy/network processes. *European Journal of Operational Research* 168(2), 557-570.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from mcda.ahp.judgments import read_long
from mcda.ahp.priorities import AHPResult, Method, priorities
from mcda.errors import CellError, JudgmentError
from mcda.imprecise.cells import Cell, Spread
from mcda.imprecise.long_rows import long_rows
from mcda.imprecise.matrix import CellKey
from mcda.sheets import TextTable, read_rows

#: Columns of a ratings file.
RATING_COLUMNS = ("expert", "alternative", "criterion", "level")

#: Columns of a scale file with stated intensities.
INTENSITY_COLUMNS = ("criterion", "level", "intensity")

#: Columns of a scale file with pairwise judgments on the levels.
PAIRWISE_COLUMNS = ("criterion", "row", "col", "value")

#: How far the top intensity of a stated scale may be from 1 [-].
TOP_TOLERANCE = 1e-9


@dataclass(frozen=True)
class RatingScale:
    """The levels of one criterion's rating scale and their idealised intensities.

    Attributes
    ----------
    criterion : str
        The criterion the scale rates.
    intensities : pandas.Series
        Intensity per level [-], in the scale's order; the top level's is 1.
    judgments : AHPResult or None
        The priorities and consistency of the pairwise judgments the intensities come
        from; None when the intensities were stated.
    """

    criterion: str
    intensities: pd.Series
    judgments: AHPResult | None = None

    @property
    def levels(self) -> list[str]:
        """Level labels in the scale's order."""
        return [str(level) for level in self.intensities.index]


def scale_from_judgments(
    criterion: str, matrix: pd.DataFrame, method: Method = "eigenvector"
) -> RatingScale:
    """A rating scale whose intensities come from pairwise judgments on its levels.

    Parameters
    ----------
    criterion : str
        The criterion rated.
    matrix : pandas.DataFrame
        Reciprocal pairwise matrix on the levels: a_ij says how many times level i is
        preferred to level j (missing judgments are completed, as by :func:`priorities`).
    method : {"eigenvector", "geometric_mean"}
        How priorities are derived; Saaty's ratings use the eigenvector.

    Returns
    -------
    RatingScale
        Priorities divided by the largest one (the ideal mode of [2]_).

    Raises
    ------
    JudgmentError
        On a malformed matrix.
    """
    result = priorities(matrix, method)
    ideal = (result.weights / result.weights.max()).rename("intensity")
    ideal.index.name = "level"
    return RatingScale(criterion, ideal, result)


def scale_from_intensities(
    criterion: str, intensities: Mapping[str, float] | pd.Series
) -> RatingScale:
    """A rating scale with stated intensities.

    Parameters
    ----------
    criterion : str
        The criterion rated.
    intensities : mapping or pandas.Series
        Intensity per level [-], each in (0, 1], the top one 1.

    Returns
    -------
    RatingScale

    Raises
    ------
    CellError
        On no level, an intensity outside (0, 1] or not finite, or a top intensity not 1.
    """
    series = pd.Series(dict(intensities), dtype=float, name="intensity")
    series.index.name = "level"
    if series.empty:
        raise CellError(
            f"the rating scale of {criterion!r} has no level",
            key="rating.no_level",
            fields={"criterion": criterion},
        )
    for level, value in series.items():
        if not (math.isfinite(value) and 0 < value <= 1 + TOP_TOLERANCE):
            raise CellError(
                f"level {level!r} of {criterion!r} has intensity {value:g}; intensities are in "
                "(0, 1]",
                field="intensity",
                key="rating.intensity_range",
                fields={"level": level, "criterion": criterion, "value": f"{value:g}"},
            )
    if abs(series.max() - 1.0) > TOP_TOLERANCE:
        raise CellError(
            f"the top level of {criterion!r} has intensity {series.max():g}, not 1: rating "
            "intensities are idealised (divide each by the top level's)",
            field="intensity",
            key="rating.top_not_one",
            fields={"criterion": criterion, "value": f"{series.max():g}"},
        )
    return RatingScale(criterion, series)


def read_scales(
    path: str | Path, *, sheet: str | None = None, method: Method = "eigenvector"
) -> dict[str, RatingScale]:
    """Read rating scales, stated or by pairwise judgments, from a CSV file or a sheet.

    Parameters
    ----------
    path : str or pathlib.Path
        Columns ``criterion, level, intensity`` or ``criterion, row, col, value``.
    sheet : str, optional
        Workbook sheet; the first when omitted.
    method : {"eigenvector", "geometric_mean"}
        How priorities of pairwise judgments are derived (Saaty's ratings: eigenvector).

    Returns
    -------
    dict of str to RatingScale
        Scale per criterion, in order of first appearance.

    Raises
    ------
    CellError, JudgmentError or TableError
        One line naming the file, row and column of the first bad cell.
    """
    return scales_from_rows(read_rows(path, sheet=sheet), method=method)


def scales_from_rows(table: TextTable, *, method: Method = "eigenvector") -> dict[str, RatingScale]:
    """Rating scales from a table already read as text (see :func:`read_scales`).

    Parameters
    ----------
    table : TextTable
        Columns ``criterion, level, intensity`` or ``criterion, row, col, value``, with
        spreadsheet row numbers.
    method : {"eigenvector", "geometric_mean"}
        How priorities of pairwise judgments are derived.

    Returns
    -------
    dict of str to RatingScale

    Raises
    ------
    CellError or JudgmentError
        As :func:`read_scales`.
    """
    columns = [name.lower() for name in table.header]
    if all(name in columns for name in INTENSITY_COLUMNS):
        return _stated_scales(table)
    if all(name in columns for name in PAIRWISE_COLUMNS):
        return _judged_scales(table, columns, method)
    raise CellError(
        f"a scale file needs columns {', '.join(INTENSITY_COLUMNS)} or "
        f"{', '.join(PAIRWISE_COLUMNS)} (found: {', '.join(table.header)})",
        file=table.name,
        key="rating.scale_columns",
        fields={
            "direct": ", ".join(INTENSITY_COLUMNS),
            "pairwise": ", ".join(PAIRWISE_COLUMNS),
            "found": ", ".join(table.header),
        },
    )


def _stated_scales(table: TextTable) -> dict[str, RatingScale]:
    long = long_rows(table, INTENSITY_COLUMNS)
    levels: dict[str, dict[str, float]] = {}
    lines: dict[tuple[str, str], int] = {}
    for line, get in long.rows:
        criterion, level = get["criterion"], get["level"]
        if (criterion, level) in lines:
            raise long.error(
                f"level {level!r} of {criterion!r} is given twice (first in row "
                f"{lines[criterion, level]})",
                line,
                "level",
                key="rating.level_twice",
                fields={"level": level, "criterion": criterion, "first": lines[criterion, level]},
            )
        try:
            value = float(get["intensity"])
        except ValueError:
            raise long.error(
                f"{get['intensity']!r} is not a number",
                line,
                "intensity",
                key="rating.not_number",
                fields={"text": get["intensity"]},
            ) from None
        lines[criterion, level] = line
        levels.setdefault(criterion, {})[level] = value
    if not levels:
        raise CellError("holds no rating levels", file=table.name, key="rating.no_levels")
    scales = {}
    for criterion, stated in levels.items():
        try:
            scales[criterion] = scale_from_intensities(criterion, stated)
        except CellError as exc:
            # The worst level locates the message: the top one when the top is not 1.
            level = max(stated, key=stated.__getitem__)
            bad = [k for k, v in stated.items() if not (math.isfinite(v) and 0 < v <= 1)]
            line = lines[criterion, bad[0] if bad else level]
            raise exc.at(file=table.name, row=line, field=long.fields["intensity"]) from None
    return scales


def _judged_scales(table: TextTable, columns: list[str], method: Method) -> dict[str, RatingScale]:
    # The judgment reader groups by a "node" column: here, the criterion is the node.
    as_nodes = ["node" if name == "criterion" else name for name in columns]
    at = columns.index("criterion")
    for line, texts in table.rows:
        if not texts[at]:
            raise CellError(
                "criterion is empty",
                file=table.name,
                row=line,
                field=table.header[at],
                key="rating.criterion_empty",
            )
    matrices = read_long(table, as_nodes, "", strict_scale=False)
    scales = {}
    for criterion, by_expert in matrices.items():
        if len(by_expert) > 1:
            raise JudgmentError(
                f"the levels of {criterion!r} are judged by experts {', '.join(by_expert)}: a "
                "rating scale takes one set of judgments (aggregate them first)",
                file=table.name,
                key="rating.several_experts",
                fields={"criterion": criterion, "experts": ", ".join(by_expert)},
            )
        (matrix,) = by_expert.values()
        try:
            scales[criterion] = scale_from_judgments(criterion, matrix, method)
        except JudgmentError as exc:
            raise JudgmentError(
                f"levels of {criterion!r}: {exc.message}",
                file=table.name,
                key="rating.levels",
                fields={"criterion": criterion, "problem": exc},
            ) from None
    return scales


def read_ratings(
    path: str | Path, scales: Mapping[str, RatingScale], *, sheet: str | None = None
) -> pd.DataFrame:
    """Read experts' ratings from a CSV file or a sheet, checked against the scales.

    Parameters
    ----------
    path : str or pathlib.Path
        Columns ``expert, alternative, criterion, level``; one row per expert and cell.
    scales : mapping of str to RatingScale
        Rating scale per criterion.
    sheet : str, optional
        Workbook sheet; the first when omitted.

    Returns
    -------
    pandas.DataFrame
        Columns ``expert``, ``alternative``, ``criterion``, ``level``, ``intensity`` [-] and
        ``row`` (the spreadsheet row), in file order.

    Raises
    ------
    CellError or TableError
        One line naming the file, row and column: an empty cell, a criterion without a
        scale, a level off its scale, or an expert rating one cell twice.
    """
    return ratings_from_rows(read_rows(path, sheet=sheet), scales)


def ratings_from_rows(
    table: TextTable, scales: Mapping[str, RatingScale], *, alternative: str = "alternative"
) -> pd.DataFrame:
    """Experts' ratings from a table already read as text (see :func:`read_ratings`).

    Parameters
    ----------
    table : TextTable
        Columns ``expert``, `alternative`, ``criterion``, ``level``, with spreadsheet row
        numbers.
    scales : mapping of str to RatingScale
        Rating scale per criterion.
    alternative : str
        Lower-case name of the column holding the alternatives (e.g. ``"cluster"``).

    Returns
    -------
    pandas.DataFrame
        As :func:`read_ratings` (the alternatives' column is always ``alternative``).

    Raises
    ------
    CellError
        As :func:`read_ratings`.
    """
    long = long_rows(table, ("expert", alternative, "criterion", "level"))
    records = []
    first: dict[tuple[str, str, str], int] = {}
    for line, get in long.rows:
        scale = scales.get(get["criterion"])
        if scale is None:
            raise long.error(
                f"criterion {get['criterion']!r} has no rating scale (scales: "
                f"{', '.join(scales) or 'none'})",
                line,
                "criterion",
                key="rating.no_scale",
                fields={"criterion": get["criterion"], "scales": ", ".join(scales) or "none"},
            )
        if get["level"] not in scale.intensities.index:
            raise long.error(
                f"{get['level']!r} is not a level of the {scale.criterion!r} scale "
                f"({', '.join(scale.levels)})",
                line,
                "level",
                key="rating.not_a_level",
                fields={
                    "level": get["level"],
                    "criterion": scale.criterion,
                    "levels": ", ".join(scale.levels),
                },
            )
        key = (get["expert"], get[alternative], get["criterion"])
        if key in first:
            raise long.error(
                f"expert {key[0]!r} already rated {key[1]!r} on {key[2]!r} (row {first[key]})",
                line,
                "expert",
                key="rating.rated_twice",
                fields={
                    "expert": key[0],
                    "alternative": key[1],
                    "criterion": key[2],
                    "first": first[key],
                },
            )
        first[key] = line
        intensity = float(scale.intensities[get["level"]])
        records.append((*key, get["level"], intensity, line))
    if not records:
        raise CellError("holds no ratings", file=table.name, key="rating.none")
    return pd.DataFrame(records, columns=[*RATING_COLUMNS, "intensity", "row"])


def rated_cells(ratings: pd.DataFrame, spread: Spread) -> dict[CellKey, Cell]:
    """One rated cell per (alternative, criterion), spread over its experts' intensities.

    Parameters
    ----------
    ratings : pandas.DataFrame
        Columns ``expert``, ``alternative``, ``criterion``, ``intensity`` (as
        :func:`read_ratings` returns).
    spread : {"empirical", "interval"}
        Sample a cell as its experts' intensities, each expert equally likely, or uniformly
        over [min, max] of them (see :meth:`Cell.rated`).

    Returns
    -------
    dict of (str, str) to Cell
        Rated cells, in order of first rating; the provenance names the experts. Put them
        into a matrix with :meth:`mcda.imprecise.ImpreciseMatrix.with_cells`.
    """
    cells = {}
    grouped = ratings.groupby(["alternative", "criterion"], sort=False)
    for (alternative, criterion), group in grouped:
        experts = ", ".join(str(e) for e in group["expert"])
        cells[str(alternative), str(criterion)] = Cell.rated(
            group["intensity"].astype(float).tolist(), spread, f"ratings by {experts}"
        )
    return cells
