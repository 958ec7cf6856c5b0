"""Imprecise decision matrices: points, intervals, triangular cells, expert ratings, unknowns.

- :class:`Cell` (:mod:`mcda.imprecise.cells`): what is known of one score, its status and
  provenance;
- :class:`ImpreciseMatrix` (:mod:`mcda.imprecise.matrix`): alternatives x criteria of cells; a
  point :class:`~mcda.decision.DecisionMatrix` is the case where every cell is a point;
- :func:`sample` (:mod:`mcda.imprecise.sampling`): samples x alternatives x criteria, with a
  stated policy for unknown cells;
- :func:`read_imprecise` (:mod:`mcda.imprecise.table`): the long table form, CSV or .xlsx;
- :func:`read_scales`, :func:`read_ratings`, :func:`rated_cells` (:mod:`mcda.imprecise.ratings`):
  expert ratings by AHP absolute measurement.
"""

from mcda.imprecise.cells import STATUSES, Cell, Spread, Status
from mcda.imprecise.matrix import ImpreciseMatrix
from mcda.imprecise.ratings import (
    RatingScale,
    rated_cells,
    ratings_from_rows,
    read_ratings,
    read_scales,
    scale_from_intensities,
    scale_from_judgments,
    scales_from_rows,
)
from mcda.imprecise.sampling import (
    POLICIES,
    Range,
    Ranges,
    UnknownChoice,
    UnknownPolicy,
    ValueSamples,
    resolve_unknown,
    sample,
    sample_chunks,
)
from mcda.imprecise.table import (
    imprecise_from_rows,
    imprecise_from_table,
    imprecise_table,
    read_imprecise,
)

__all__ = [
    "POLICIES",
    "STATUSES",
    "Cell",
    "ImpreciseMatrix",
    "Range",
    "Ranges",
    "RatingScale",
    "Spread",
    "Status",
    "UnknownChoice",
    "UnknownPolicy",
    "ValueSamples",
    "imprecise_from_rows",
    "imprecise_from_table",
    "imprecise_table",
    "rated_cells",
    "ratings_from_rows",
    "read_imprecise",
    "read_ratings",
    "read_scales",
    "resolve_unknown",
    "sample",
    "sample_chunks",
    "scale_from_intensities",
    "scale_from_judgments",
    "scales_from_rows",
]
