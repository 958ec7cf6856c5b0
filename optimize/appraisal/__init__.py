"""Case -> Appraisal: weights, ranking and priorities, and how sure the ranking is."""

from optimize.appraisal.appraise import Appraisal, appraise, cluster_priority, rank_clusters
from optimize.appraisal.reweight import leaf_weights, level1_weights, weighted_priority
from optimize.appraisal.robustness import (
    REFERENCE,
    RUN_SAMPLES,
    RUN_SEED,
    Robustness,
    acceptability_table,
    assess,
    method_options,
)
from optimize.appraisal.uncertainty import (
    CONFIDENCE,
    UNKNOWN_POLICIES,
    WEIGHT_MODELS,
    Uncertainty,
    UncertaintySettings,
    UnknownPolicy,
    WeightModel,
    assess_uncertainty,
    checked_values,
    read_values,
    status_counts,
    unknown_ranges,
    weight_samples,
)

__all__ = [
    "CONFIDENCE",
    "REFERENCE",
    "RUN_SAMPLES",
    "RUN_SEED",
    "UNKNOWN_POLICIES",
    "WEIGHT_MODELS",
    "Appraisal",
    "Robustness",
    "Uncertainty",
    "UncertaintySettings",
    "UnknownPolicy",
    "WeightModel",
    "acceptability_table",
    "appraise",
    "assess",
    "assess_uncertainty",
    "checked_values",
    "cluster_priority",
    "leaf_weights",
    "level1_weights",
    "method_options",
    "rank_clusters",
    "read_values",
    "status_counts",
    "unknown_ranges",
    "weight_samples",
    "weighted_priority",
]
