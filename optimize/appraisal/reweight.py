"""TODO docstring for appraisal.reweight."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from optimize.appraisal.appraise import Appraisal, cluster_priority
from optimize.case.case import Case, PriorityRule


def level1_weights(base: pd.Series, overrides: Mapping[str, float]) -> pd.Series:
    """Level-1 weights with `overrides` set and the rest rescaled to keep their proportions."""
    if not overrides:
        return base
    fixed = pd.Series(overrides, dtype=float)
    rest = base.drop(fixed.index)
    scale = (1.0 - fixed.sum()) / rest.sum() if rest.sum() > 0 else 0.0
    combined: pd.Series = pd.concat([fixed, rest * scale]).loc[base.index]
    return combined


def leaf_weights(case: Case, appraisal: Appraisal, level1: pd.Series) -> pd.Series:
    """Global leaf weights with other level-1 weights [-].

    A leaf's global weight is the product of local weights along its path, so changing the
    level-1 weights only rescales each leaf by new / old weight of its level-1 ancestor.
    """
    top = pd.Series({leaf: case.criteria.path(leaf)[0] for leaf in appraisal.weights.index})
    old = appraisal.local["goal"].weights
    factor = level1.loc[top].to_numpy(float) / old.loc[top].to_numpy(float)
    rescaled: pd.Series = appraisal.weights * factor
    return rescaled


def priority_for(case: Case, leaves: pd.Series, rule: PriorityRule, blend: float) -> pd.Series:
    """Cluster priority after re-ranking the clusters with other leaf weights [-]."""
    from mcda import rank

    ranking = rank(
        case.scores.values,
        leaves,
        case.scores.directions,
        method="topsis",
        normalization=case.normalization,
    )
    return cluster_priority(ranking["score"], rule, blend).loc[case.clusters.index]


def weighted_priority(case: Case, appraisal: Appraisal, level1: pd.Series) -> pd.Series:
    """Cluster priority under other level-1 weights, with the case's priority rule."""
    leaves = leaf_weights(case, appraisal, level1)
    return priority_for(case, leaves, appraisal.priority_rule, appraisal.blend)
