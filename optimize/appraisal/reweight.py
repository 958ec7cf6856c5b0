"""Re-weighting an appraisal: other level-1 weights, the leaf weights and priorities they give."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from optimize.appraisal.appraise import Appraisal, rank_clusters
from optimize.case.case import Case


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


def weighted_priority(case: Case, appraisal: Appraisal, level1: pd.Series) -> pd.Series:
    """Cluster priority under other level-1 weights, with the case's priority rule."""
    leaves = leaf_weights(case, appraisal, level1)
    return rank_clusters(case, leaves, appraisal.priority_rule, appraisal.blend)[1]
