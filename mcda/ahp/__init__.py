"""The Analytic Hierarchy Process in one namespace.

Each concept lives in its own module; this one gathers the public API:

- :func:`priorities` (:mod:`mcda.ahp.priorities`): weights, lambda_max, CI and CR of one matrix,
  by eigenvector or geometric mean; incomplete matrices are completed first;
- :func:`consistency` (:mod:`mcda.ahp.consistency`): CR against a named random-index table
  (:data:`RI_TABLES`), with Saaty's threshold rule (:func:`saaty_threshold`);
- :func:`diagnose` (:mod:`mcda.ahp.diagnose`): which judgments to revise, toward what;
- :func:`complete` (:mod:`mcda.ahp.incomplete`): optimal completion of missing judgments;
- :func:`aggregate` (:mod:`mcda.ahp.group`): group judgments (AIJ, AIP) and the experts' consensus;
- :func:`read_judgments` (:mod:`mcda.ahp.judgments`): judgments from CSV or .xlsx files, as
  numbers, ratios like ``1/5`` or verbal labels (:mod:`mcda.ahp.scale`).
"""

from mcda.ahp.consistency import (
    RI_TABLES,
    Consistency,
    RandomIndexTable,
    consistency,
    random_index,
    ri_table,
    saaty_threshold,
)
from mcda.ahp.diagnose import METHOD as DIAGNOSIS_METHOD
from mcda.ahp.diagnose import Diagnosis, diagnose
from mcda.ahp.group import (
    COMPATIBILITY_THRESHOLD,
    GROUP_METHODS,
    GroupMethod,
    GroupResult,
    aggregate,
)
from mcda.ahp.incomplete import Completion, complete
from mcda.ahp.judgments import (
    SOLE_EXPERT,
    Judgment,
    judgment_matrices,
    matrix_from_upper,
    read_judgments,
)
from mcda.ahp.pairwise import RECIPROCAL_TOLERANCE, Reciprocity, pairwise_matrix
from mcda.ahp.priorities import COMPLETION_FOR, AHPResult, priorities
from mcda.ahp.priorities import Method as PriorityMethod
from mcda.ahp.scale import SAATY_SCALE, VERBAL_SCALE, parse_judgment, parse_ratio, scale_label

__all__ = [
    "COMPATIBILITY_THRESHOLD",
    "COMPLETION_FOR",
    "DIAGNOSIS_METHOD",
    "GROUP_METHODS",
    "RECIPROCAL_TOLERANCE",
    "RI_TABLES",
    "SAATY_SCALE",
    "SOLE_EXPERT",
    "VERBAL_SCALE",
    "AHPResult",
    "Completion",
    "Consistency",
    "Diagnosis",
    "GroupMethod",
    "GroupResult",
    "Judgment",
    "PriorityMethod",
    "RandomIndexTable",
    "Reciprocity",
    "aggregate",
    "complete",
    "consistency",
    "diagnose",
    "judgment_matrices",
    "matrix_from_upper",
    "pairwise_matrix",
    "parse_judgment",
    "parse_ratio",
    "priorities",
    "random_index",
    "read_judgments",
    "ri_table",
    "saaty_threshold",
    "scale_label",
]
