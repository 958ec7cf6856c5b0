"""Decision analysis for cluster S&T support systems: weights, ranking methods, robustness.

This package is pure decision analysis: it never imports :mod:`optimize` or Pyomo. Plots
live in :mod:`mcda.plots` and sensitivity analyses in :mod:`mcda.sensitivity`, imported on
demand. Outranking methods that admit incomparability (PROMETHEE I, ELECTRE III) and the
GAIA plane live in :mod:`mcda.outranking`. Importing :mod:`mcda` loads numpy and pandas
only: pymcdm (which loads matplotlib.pyplot), scipy and SALib are imported by the
functions that need them.
"""

from mcda.agreement import compare
from mcda.ahp import (
    AHPResult,
    BWMResult,
    GroupResult,
    Synthesis,
    aggregate,
    bwm,
    complete,
    consistency,
    diagnose,
    priorities,
    read_bwm,
    read_judgments,
    synthesize,
)
from mcda.combined_weights import combine_weights
from mcda.decision import DecisionMatrix
from mcda.dominance import dominance, non_dominated
from mcda.errors import CellError, JudgmentError, MatrixError, MCDAError, TableError
from mcda.hierarchy import ROOT, CriteriaTree
from mcda.imprecise import POLICIES as UNKNOWN_POLICIES
from mcda.imprecise import STATUSES as CELL_STATUSES
from mcda.imprecise import (
    Cell,
    ImpreciseMatrix,
    Range,
    Ranges,
    RatingScale,
    Spread,
    UnknownChoice,
    UnknownPolicy,
    ValueSamples,
    imprecise_from_rows,
    imprecise_table,
    rated_cells,
    ratings_from_rows,
    read_imprecise,
    read_ratings,
    read_scales,
    resolve_unknown,
    scales_from_rows,
)
from mcda.objective import objective_weights
from mcda.outranking import electre_iii, gaia, promethee_i
from mcda.problem import Problem, build_problem
from mcda.ranking import NORMALIZATIONS, methods, rank
from mcda.ranks import competition_ranks
from mcda.sheets import CellValue, TextTable, cell_text, sheet_values

__all__ = [
    "CELL_STATUSES",
    "NORMALIZATIONS",
    "ROOT",
    "UNKNOWN_POLICIES",
    "AHPResult",
    "BWMResult",
    "Cell",
    "CellError",
    "CellValue",
    "CriteriaTree",
    "DecisionMatrix",
    "GroupResult",
    "ImpreciseMatrix",
    "JudgmentError",
    "MCDAError",
    "MatrixError",
    "Problem",
    "Range",
    "Ranges",
    "RatingScale",
    "Spread",
    "Synthesis",
    "TableError",
    "TextTable",
    "UnknownChoice",
    "UnknownPolicy",
    "ValueSamples",
    "aggregate",
    "build_problem",
    "bwm",
    "cell_text",
    "combine_weights",
    "compare",
    "competition_ranks",
    "complete",
    "consistency",
    "diagnose",
    "dominance",
    "electre_iii",
    "gaia",
    "imprecise_from_rows",
    "imprecise_table",
    "methods",
    "non_dominated",
    "objective_weights",
    "priorities",
    "promethee_i",
    "rank",
    "rated_cells",
    "ratings_from_rows",
    "read_bwm",
    "read_imprecise",
    "read_judgments",
    "read_ratings",
    "read_scales",
    "resolve_unknown",
    "scales_from_rows",
    "sheet_values",
    "synthesize",
]
