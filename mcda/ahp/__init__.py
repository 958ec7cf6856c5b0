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
  numbers, ratios like ``1/5`` or verbal labels (:mod:`mcda.ahp.scale`);
- :func:`bwm` (:mod:`mcda.ahp.bwm`): the Best-Worst Method, 2n - 3 judgments instead of
  n(n - 1)/2, with xi*, its consistency ratio and the input-based one; :func:`read_bwm` reads
  them from a file (:func:`judgments_form` tells the two kinds of file apart);
- :func:`synthesize` (:mod:`mcda.ahp.synthesis`): a hierarchy down to the alternatives, whose
  leaves are pairwise judgments, measured values or ratings, in distributive or ideal mode.
"""

from mcda.ahp.bwm import (
    CONSISTENCY_INDEX as BWM_CONSISTENCY_INDEX,
)
from mcda.ahp.bwm import (
    BWMResult,
    bwm,
    input_consistency_ratio,
    question_counts,
)
from mcda.ahp.bwm import consistency_index as bwm_consistency_index
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
    BWMJudgments,
    Judgment,
    JudgmentsForm,
    judgment_matrices,
    judgments_form,
    matrix_from_upper,
    read_bwm,
    read_judgments,
)
from mcda.ahp.pairwise import RECIPROCAL_TOLERANCE, Reciprocity, pairwise_matrix
from mcda.ahp.priorities import COMPLETION_FOR, AHPResult, priorities
from mcda.ahp.priorities import Method as PriorityMethod
from mcda.ahp.scale import (
    MAX_JUDGMENT,
    SAATY_SCALE,
    VERBAL_SCALE,
    parse_judgment,
    parse_ratio,
    scale_label,
)
from mcda.ahp.synthesis import (
    Measured,
    Pairwise,
    Rated,
    RatingScale,
    Synthesis,
    synthesize,
)
from mcda.ahp.synthesis import Mode as SynthesisMode

__all__ = [
    "BWM_CONSISTENCY_INDEX",
    "COMPATIBILITY_THRESHOLD",
    "COMPLETION_FOR",
    "DIAGNOSIS_METHOD",
    "GROUP_METHODS",
    "MAX_JUDGMENT",
    "RECIPROCAL_TOLERANCE",
    "RI_TABLES",
    "SAATY_SCALE",
    "SOLE_EXPERT",
    "VERBAL_SCALE",
    "AHPResult",
    "BWMJudgments",
    "BWMResult",
    "Completion",
    "Consistency",
    "Diagnosis",
    "GroupMethod",
    "GroupResult",
    "Judgment",
    "JudgmentsForm",
    "Measured",
    "Pairwise",
    "PriorityMethod",
    "RandomIndexTable",
    "Rated",
    "RatingScale",
    "Reciprocity",
    "Synthesis",
    "SynthesisMode",
    "aggregate",
    "bwm",
    "bwm_consistency_index",
    "complete",
    "consistency",
    "diagnose",
    "input_consistency_ratio",
    "judgment_matrices",
    "judgments_form",
    "matrix_from_upper",
    "pairwise_matrix",
    "parse_judgment",
    "parse_ratio",
    "priorities",
    "question_counts",
    "random_index",
    "read_bwm",
    "read_judgments",
    "ri_table",
    "saaty_threshold",
    "scale_label",
    "synthesize",
]
