"""Appraise a case: AHP weights, TOPSIS ranking of clusters, cluster priorities."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from mcda import rank
from mcda.ahp import AHPResult, GroupResult, aggregate
from optimize.case.case import Case, PriorityRule


@dataclass(frozen=True)
class Appraisal:
    """How strong each cluster's S&T support system looks, and what priority follows.

    Attributes
    ----------
    local : mapping of str to mcda.group.GroupResult
        AHP result per hierarchy node (``"goal"`` and each criterion group): the group
        weights, each expert's result and, for AIJ, the group matrix's (one expert is a
        group of one).
    weights : pandas.Series
        Global weight per leaf criterion of the case's point view [-], summing to 1 (a
        dropped criterion's weight is spread over the others, see :func:`kept_weights`).
    ranking : pandas.DataFrame
        Per cluster: TOPSIS closeness ``score`` in [0, 1] and ``rank`` (1 = strongest).
    priority : pandas.Series
        Cluster priority pi_k in [0, 1] used by the allocation model [-].
    priority_rule : str
        ``merit`` (pi = closeness), ``need`` (pi = 1 - closeness) or ``blend``.
    blend : float
        Weight on merit in the blend [-].
    """

    local: Mapping[str, GroupResult]
    weights: pd.Series
    ranking: pd.DataFrame
    priority: pd.Series
    priority_rule: PriorityRule
    blend: float

    @property
    def matrices(self) -> dict[str, AHPResult]:
        """Every judgment matrix's result by a label for people.

        A node judged by one expert is labelled by the node; with several, each
        expert's matrix is ``"node / expert"`` and an AIJ group matrix ``"node / group (AIJ)"``.
        """
        labelled = {}
        for node, group in self.local.items():
            if len(group.experts) == 1:
                labelled[node] = next(iter(group.experts.values()))
                continue
            labelled |= {f"{node} / {name}": result for name, result in group.experts.items()}
            if group.aggregate is not None:
                labelled[f"{node} / group ({group.how.upper()})"] = group.aggregate
        return labelled

    @property
    def groups(self) -> dict[str, GroupResult]:
        """The nodes judged by more than one expert."""
        return {node: group for node, group in self.local.items() if len(group.experts) > 1}


def cluster_priority(closeness: pd.Series, rule: PriorityRule, blend: float) -> pd.Series:
    """Cluster priority from TOPSIS closeness under a stated rule.

    Parameters
    ----------
    closeness : pandas.Series
        TOPSIS closeness per cluster [-], in [0, 1].
    rule : {"merit", "need", "blend"}
        ``merit`` funds strong support systems first, ``need`` weak ones first, ``blend``
        mixes both as ``blend * merit + (1 - blend) * need``.
    blend : float
        Weight on merit [-], used by ``blend`` only.

    Returns
    -------
    pandas.Series
        Priority per cluster [-].
    """
    merit_weight = {"merit": 1.0, "need": 0.0, "blend": blend}[rule]
    return (merit_weight * closeness + (1.0 - merit_weight) * (1.0 - closeness)).rename("priority")


def _expert_weights_of(case: Case, experts: list[str]) -> dict[str, float] | None:
    """The case's weights of `experts` (those who judged one node); None for equal weights."""
    if not case.expert_weights:
        return None
    return {name: case.expert_weights[name] for name in experts}


def appraise(
    case: Case, priority_rule: PriorityRule | None = None, blend: float | None = None
) -> Appraisal:
    """Weights from the case's judgments, then rank clusters and set their priorities.

    Parameters
    ----------
    case : Case
        A loaded case.
    priority_rule : {"merit", "need", "blend"}, optional
        Overrides the case's rule.
    blend : float, optional
        Overrides the case's blend weight [-].

    Returns
    -------
    Appraisal
    """
    local = {
        node: aggregate(experts, _expert_weights_of(case, list(experts)), case.group)
        for node, experts in case.judgments.items()
    }
    weights = kept_weights(
        case, case.criteria.global_weights({node: r.weights for node, r in local.items()})
    )
    rule = priority_rule or case.priority_rule
    mix = case.blend if blend is None else blend
    ranking, priority = rank_clusters(case, weights, rule, mix)
    return Appraisal(local, weights, ranking, priority, rule, mix)


def kept_weights(case: Case, weights: pd.Series) -> pd.Series:
    """Leaf weights on the criteria of the case's point view, renormalised to sum to 1.

    A criterion whose unknown cells are dropped (``uncertainty.unknown = "drop"``) is not in
    the point view; the others keep their proportions (a modelling choice, as in sampling).
    Without dropped criteria the weights are returned unchanged.
    """
    if not case.dropped:
        return weights
    kept = weights.loc[case.scores.values.columns]
    return kept / kept.sum()


def rank_clusters(
    case: Case, weights: pd.Series, rule: PriorityRule, blend: float
) -> tuple[pd.DataFrame, pd.Series]:
    """TOPSIS ranking of the clusters under leaf `weights`, and the priority it gives.

    Parameters
    ----------
    case : Case
        Supplies the decision matrix, the normalisation and the cluster order.
    weights : pandas.Series
        Global weight per leaf criterion [-].
    rule : {"merit", "need", "blend"}
        Priority rule, as in :func:`cluster_priority`.
    blend : float
        Weight on merit [-], used by ``blend`` only.

    Returns
    -------
    ranking : pandas.DataFrame
        Per cluster: TOPSIS closeness ``score`` [-] and ``rank`` (1 = strongest).
    priority : pandas.Series
        Priority pi_k per cluster [-], in the case's cluster order.
    """
    ranking = rank(
        case.scores.values,
        kept_weights(case, weights),
        case.scores.directions,
        method="topsis",
        normalization=case.normalization,
    )
    return ranking, cluster_priority(ranking["score"], rule, blend).loc[case.clusters.index]
