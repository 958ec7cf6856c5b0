"""The scores table as cells (point, interval, triangular, rated, unknown, ...) and its point view.

The scores table holds one row per cluster and leaf criterion. Its optional ``status``,
``low``, ``high`` and ``mode`` columns say what is known of a cell (empty status: a point), so a
point-only table reads exactly as before. Every number passes the case's number check
(:mod:`optimize.case.values`); what the numbers of a status must be, and how rated cells come
from experts' ratings on rating scales, is :mod:`mcda.imprecise`'s (one cell parser for the
library and the case). The point-valued pipeline reads the matrix through :func:`point_scores`,
under the case's stated :class:`optimize.case.uncertainty.Uncertainty` choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import pandas as pd

from mcda import (
    Cell,
    CellError,
    DecisionMatrix,
    ImpreciseMatrix,
    JudgmentError,
    MatrixError,
    RatingScale,
    imprecise_from_rows,
    rated_cells,
    ratings_from_rows,
    resolve_unknown,
    scales_from_rows,
)
from optimize.case.schema import REQUIRED_COLUMNS, filled_columns
from optimize.case.settings import CASE_FILE
from optimize.case.tables import _check_provenance, _first_gap
from optimize.case.text_table import (
    _parse_number,
    _require_choice,
    _require_unique,
    _require_values,
    as_text_table,
    with_columns,
)
from optimize.case.uncertainty import Uncertainty
from optimize.errors import InputError, mcda_input_error, mcda_message, msg

#: Numeric columns of the scores table.
NUMBER_COLUMNS = ("value", "low", "high", "mode")

#: One cell per (cluster, criterion).
CellKey = tuple[str, str]

#: Columns of the ratings as :func:`mcda.ratings_from_rows` returns them (besides intensity, row).
RATING_COLUMNS = ("expert", "alternative", "criterion", "level")
#: Stands for an absent table.
_EMPTY = pd.DataFrame()

#: Kinds of provenance a scores cell may have, in the order counts list them.
PROVENANCE_KINDS = ("paper", "facts", "illustrative", "ratings", "unknown")


def _located(exc: CellError | JudgmentError, label: str) -> InputError:
    """An mcda error about a table as the case's one-line input error."""
    return mcda_input_error(exc, label)


def load_rated(
    tables: Mapping[str, pd.DataFrame],
    labels: Mapping[str, str],
    clusters: pd.Index,
    leaves: list[str],
    uncertainty: Uncertainty,
) -> tuple[dict[CellKey, Cell], pd.DataFrame]:
    """Rated cells from the optional ``rating_scales`` and ``ratings`` tables.

    Returns
    -------
    tuple
        Rated cell per (cluster, criterion), spread as ``uncertainty.rating_spread`` says,
        and the ratings (as :func:`mcda.imprecise.read_ratings` returns them; empty when the
        case has none).

    Raises
    ------
    InputError
        Naming the table, row and field: ratings without scales, a cluster or criterion the
        case lacks, a bad scale, a level off its criterion's scale, a cell rated twice by one
        expert.
    """
    given = {key for key in ("rating_scales", "ratings") if not tables.get(key, _EMPTY).empty}
    scales = (
        _load_scales(tables["rating_scales"], labels["rating_scales"], leaves)
        if "rating_scales" in given
        else {}
    )
    if "ratings" not in given:
        return {}, pd.DataFrame(columns=[*RATING_COLUMNS, "intensity", "row"])
    if not scales:
        raise InputError(
            CASE_FILE, msg("errors.scores.ratings_need_scales"), field="tables.ratings"
        )
    raw, label = tables["ratings"], labels["ratings"]
    table = with_columns(raw, label, REQUIRED_COLUMNS["ratings"])
    _require_values(table, label, filled_columns("ratings"))
    _require_choice(table, label, "cluster", list(clusters))
    _require_choice(table, label, "criterion", leaves)
    try:
        ratings = ratings_from_rows(as_text_table(table, label), scales, alternative="cluster")
    except CellError as exc:
        raise _located(exc, label) from None
    return rated_cells(ratings, uncertainty.rating_spread), ratings


def _load_scales(raw: pd.DataFrame, label: str, leaves: list[str]) -> dict[str, RatingScale]:
    """Rating scales per criterion, stated or from pairwise judgments on the levels."""
    table = with_columns(raw, label, REQUIRED_COLUMNS["rating_scales"])
    _require_values(table, label, filled_columns("rating_scales"))
    _require_choice(table, label, "criterion", leaves)
    if "intensity" in table:
        _as_checked_numbers(table, label, "intensity")
    try:
        return scales_from_rows(as_text_table(table, label))
    except (CellError, JudgmentError) as exc:
        raise _located(exc, label) from None


def load_score_cells(
    raw: pd.DataFrame,
    label: str,
    clusters: pd.Index,
    leaves: list[str],
    directions: pd.Series,
    sources: pd.Index,
    rated: Mapping[CellKey, Cell],
    uncertainty: Uncertainty,
) -> ImpreciseMatrix:
    """The scores table as an imprecise matrix, clusters x leaves in the case's order.

    Parameters
    ----------
    raw : pandas.DataFrame
        The scores table as text (:func:`optimize.case.text_table.table_from_rows`).
    label : str
        File or sheet name for messages.
    clusters, leaves, directions, sources
        The case's cluster ids, leaf criteria, their directions and cited fact ids.
    rated : mapping
        Rated cells from the ratings (:func:`load_rated`).
    uncertainty : Uncertainty
        The case's choices for unknown cells.

    Returns
    -------
    ImpreciseMatrix

    Raises
    ------
    InputError
        Naming the table, row and field of the first bad cell: numbers that do not fit the
        status, low > high, a mode or value outside [low, high], a rated row with neither
        numbers nor ratings, an unknown cell without a stated policy or (drawn) without a
        plausible range; or naming a missing cluster x criterion pair.
    """
    table = with_columns(raw, label, REQUIRED_COLUMNS["scores"])
    _require_values(table, label, filled_columns("scores"))
    _require_choice(table, label, "cluster", list(clusters))
    _require_choice(table, label, "criterion", leaves)
    _require_unique(table, label, ["cluster", "criterion"])
    status = table["status"].str.lower() if "status" in table else pd.Series("", table.index)
    table["status"] = status.where(status != "", "point")
    for column in NUMBER_COLUMNS:
        if column in table:
            _as_checked_numbers(table, label, column)
    _check_provenance(table, label, sources)
    present = table.pivot(index="cluster", columns="criterion", values="provenance")
    gap = _first_gap(present.reindex(index=clusters, columns=leaves))
    if gap is not None:
        raise InputError(label, msg("errors.scores.missing", cluster=gap[0], criterion=gap[1]))
    _check_unknown_policy(table, label, uncertainty)
    try:
        matrix = imprecise_from_rows(
            as_text_table(table, label), directions, alternative="cluster", rated=rated
        )
    except CellError as exc:
        raise _located(exc, label) from None
    cells = matrix.cells.reindex(index=clusters, columns=pd.Index(leaves, name="criterion"))
    return ImpreciseMatrix.build(cells, directions)


def check_ratings_used(
    values: ImpreciseMatrix, rated: Mapping[CellKey, Cell], ratings: pd.DataFrame, label: str
) -> None:
    """Refuse ratings of a cell whose scores row does not take its cell from them.

    Raises
    ------
    InputError
        Naming the first such row of the ratings table.
    """
    for line, cluster, criterion in ratings[["row", "alternative", "criterion"]].itertuples(
        index=False
    ):
        cell = values.cells.loc[cluster, criterion]
        if replace(cell, provenance="") != replace(rated[cluster, criterion], provenance=""):
            raise InputError(
                label,
                msg(
                    "errors.scores.rated_with_numbers"
                    if cell.status == "rated"
                    else "errors.scores.rated_status",
                    cluster=cluster,
                    criterion=criterion,
                    status=cell.status,
                ),
                int(line),
                "cluster",
            )


def _check_unknown_policy(table: pd.DataFrame, label: str, uncertainty: Uncertainty) -> None:
    """Each criterion with unknown cells needs a policy, and a range when drawn."""
    unknown = table[table["status"] == "unknown"]
    if unknown.empty:
        return
    for criterion, rows in unknown.groupby("criterion", sort=False):
        line = int(str(rows.index[0]))
        if uncertainty.unknown is None:
            raise InputError(
                label,
                msg("errors.scores.unknown_without_policy", criterion=criterion),
                line,
                "status",
            )
        if uncertainty.unknown == "draw" and criterion not in uncertainty.ranges:
            raise InputError(
                label,
                msg("errors.scores.unknown_without_range", criterion=criterion),
                line,
                "status",
            )


def _as_checked_numbers(table: pd.DataFrame, label: str, column: str) -> None:
    """Check the filled cells of a numeric column and write each as the float it is."""
    filled = table[column] != ""
    if filled.any():
        numbers = _parse_number(table.loc[filled], label, column, minimum=0.0)
        table.loc[filled, column] = [repr(float(x)) for x in numbers]


def point_scores(values: ImpreciseMatrix, uncertainty: Uncertainty) -> DecisionMatrix:
    """The point view of `values` that appraisal and allocation use.

    A point is its value; another cell its ``uncertainty.point`` number (see
    :mod:`optimize.case.uncertainty`); a drawn unknown cell the midpoint of its criterion's
    plausible range. Criteria whose unknown cells are dropped are left out.

    Returns
    -------
    DecisionMatrix
        Clusters x kept criteria [criterion units], with each cell's provenance.

    Raises
    ------
    InputError
        Naming ``uncertainty`` in ``case.toml`` when an observed range has no known cell to
        come from or every criterion is dropped.
    """
    try:
        dropped, plausible = resolve_unknown(values, uncertainty.unknown, uncertainty.ranges)
    except MatrixError as exc:
        raise InputError(CASE_FILE, mcda_message(exc), field="uncertainty") from None
    kept = pd.Index([c for c in values.criteria if c not in dropped], name="criterion")
    status = values.status
    value, low, high, mode = (values.number(name) for name in ("value", "low", "high", "mode"))
    middle = (low + high) / 2
    if uncertainty.point == "estimate":
        middle = value.fillna(mode).fillna(middle)
    numbers = middle.where(status != "point", value)
    for criterion, (lowest, highest) in plausible[["low", "high"]].iterrows():
        numbers.loc[status[criterion] == "unknown", criterion] = (lowest + highest) / 2
    numbers.columns.name = "criterion"
    directions = values.directions.loc[kept]
    return DecisionMatrix.build(numbers.loc[:, kept], directions, values.provenance)


def provenance_counts(values: ImpreciseMatrix) -> pd.Series:
    """How many cells have each kind of provenance (:data:`PROVENANCE_KINDS`), zeros listed.

    A kind is the provenance up to its colon (``facts:S12`` is ``facts``); a cell of another
    provenance (a matrix built outside a case) counts under its own text.
    """
    kinds = pd.Series(values.provenance.to_numpy().ravel()).map(lambda p: str(p).partition(":")[0])
    counts = kinds.value_counts()
    order = [*PROVENANCE_KINDS, *sorted(set(counts.index) - set(PROVENANCE_KINDS))]
    return counts.reindex(order, fill_value=0).rename("cells")
