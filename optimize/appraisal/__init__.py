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

__all__ = [
    "REFERENCE",
    "RUN_SAMPLES",
    "RUN_SEED",
    "Appraisal",
    "Robustness",
    "acceptability_table",
    "appraise",
    "assess",
    "cluster_priority",
    "leaf_weights",
    "level1_weights",
    "method_options",
    "rank_clusters",
    "weighted_priority",
]
