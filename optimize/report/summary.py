"""A compact, JSON-ready summary of a planning run."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import pandas as pd

from optimize.appraisal.appraise import Appraisal
from optimize.appraisal.robustness import REFERENCE, Robustness, acceptability_table
from optimize.appraisal.uncertainty import Uncertainty
from optimize.case import sourced_note
from optimize.case.case import Case
from optimize.model.allocation import Allocation, SolveStatus
from optimize.pipeline import RunResult
from optimize.report.labels import Lang, _name, _text, _word

TOP_CLUSTERS = 10


def illustrative_notice(case: Case, lang: Lang = "en") -> str:
    """The notice that goes first in every report of a case, in `lang`.

    It says how many inputs are illustrative, or that every input cites a source, then the
    share of sourced score cells.
    """
    share = case.scores.illustrative_share
    cells = case.scores.values.size
    sourced = sourced_note(case.values, lang)
    if not case.illustrative:
        return _text(
            "notice.with_sourced", lang, notice=_text("notice.sourced", lang), sourced=sourced
        )
    count = round(share * cells)
    notice = (
        _text("notice.illustrative", lang, count=count, cells=cells, share=f"{share:.0%}")
        if count
        else _text("notice.illustrative_inputs", lang)
    )
    return _text("notice.with_sourced", lang, notice=notice, sourced=sourced)


def _finite(value: float) -> float | None:
    """JSON-safe float (NaN and infinities become null)."""
    return value if math.isfinite(value) else None


def solve_figures(allocation: Allocation) -> dict[str, Any]:
    """Status, budget [1e8 CNY], spend [1e8 CNY], objective, bound, gap and counts of one solve.

    ``proven_optimal`` is False for an allocation the solver stopped on (time limit) before
    proving it optimal within the MIP gap; ``bound`` and ``mip_gap`` then say how far from
    the best it may be.
    """
    return {
        "status": str(allocation.status),
        "proven_optimal": allocation.status is SolveStatus.OPTIMAL,
        "priority_rule": allocation.priority_rule,
        "budget": allocation.budget,
        "spent": allocation.spent,
        "objective": _finite(allocation.objective),
        "bound": _finite(allocation.bound),
        "mip_gap": _finite(allocation.mip_gap),
        "solve_seconds": allocation.solve_seconds,
        "funded_projects": int(allocation.projects["funded"].sum()),
    }


def optimality_note(figures: dict[str, Any], lang: Lang = "en") -> str | None:
    """One line on an allocation not proven optimal (None if proven), from its solve figures."""
    if figures["proven_optimal"] or figures["objective"] is None:
        return None
    bound, gap = figures["bound"], figures["mip_gap"]
    unknown = _word("unknown", lang)
    return _text(
        "optimality",
        lang,
        status=_name("solve_status", str(figures["status"]), lang),
        benefit=f"{figures['objective']:.4f}",
        bound=unknown if bound is None else f"{bound:.4f}",
        gap=unknown if gap is None else f"{gap:.2%}",
    )


def _robustness_summary(case: Case, robustness: Robustness) -> dict[str, Any]:
    """Method agreement, ranks by method and rank acceptability as plain Python values.

    Returns
    -------
    dict
        ``reference`` method; ``skipped`` methods with the reason; ``agreement`` per
        method with the reference (``spearman``, ``ws``);
        ``ranks`` per cluster and method; ``acceptability`` with its ``method``,
        ``samples``, ``seed``, ``concentration`` and a row per cluster (or None).
    """
    agreement = robustness.agreement
    sampled = robustness.acceptability
    return {
        "reference": REFERENCE,
        "skipped": {name: str(reason) for name, reason in robustness.skipped.items()},
        "agreement": {}
        if agreement is None or REFERENCE not in robustness.rankings
        else {
            str(method): {
                "spearman": _finite(float(row["spearman"])),
                "ws": _finite(float(row["ws"])),
            }
            for method, row in agreement.loc[REFERENCE].iterrows()
            if method != REFERENCE
        },
        "ranks": {
            str(cluster): {str(m): int(r) for m, r in row.items()}
            for cluster, row in robustness.ranks.iterrows()
        },
        "acceptability": None
        if sampled is None
        else {
            "method": sampled.method,
            "samples": sampled.samples,
            "seed": sampled.seed,
            "concentration": sampled.concentration,
            "clusters": [
                {
                    "cluster": str(cluster),
                    "name_en": str(case.clusters.at[cluster, "name_en"]),
                    "rank": int(row["rank"]),
                    **{
                        key: float(row[key])
                        for key in ("expected_rank", "p_first", "p_top3", "p_top5")
                    },
                }
                for cluster, row in acceptability_table(robustness).iterrows()
            ],
        },
    }


def tier_rule(confidence: float, lang: Lang = "en") -> str:
    """The tier rule in one sentence, at `confidence` [-], in `lang`."""
    return _text("note.tier_rule", lang, share=f"{confidence:.0%}", confidence=f"{confidence:g}")


def tier_phrase(tier: int, members: list[str], name: str, lang: Lang = "en") -> str:
    """``tier 1 (with X, Y)`` for `name` in a tier of `members`, or ``tier 1 (alone)``."""
    others = [member for member in members if member != name]
    if not others:
        return _text("tier.alone", lang, tier=tier)
    return _text("tier.with", lang, tier=tier, others=_text("tier.joiner", lang).join(others))


def _uncertainty_summary(case: Case, uncertainty: Uncertainty) -> dict[str, Any]:
    """Cell statuses, the SMAA-2 settings, the tiers and each cluster's rank interval."""
    settings = uncertainty.settings
    names = case.clusters["name_en"].astype(str).to_dict()
    return {
        "cell_status": {
            str(status): {"cells": int(row["cells"]), "illustrative": int(row["illustrative"])}
            for status, row in uncertainty.statuses.iterrows()
        },
        "samples": settings.samples,
        "seed": settings.seed,
        "weight_model": settings.weight_model,
        "weights": settings.describe(),
        "unknown": settings.unknown,
        "dropped_criteria": list(uncertainty.dropped),
        "confidence": settings.confidence,
        "rule": tier_rule(settings.confidence),
        "tiers": [[str(names[c]) for c in tier] for tier in uncertainty.smaa.tiers],
        "clusters": [
            {"cluster": str(cluster), "name_en": names[cluster]}
            | {key: int(row[key]) for key in ("tier", "rank_q05", "rank_q50", "rank_q95")}
            | {key: float(row[key]) for key in ("p_first", "holistic")}
            for cluster, row in uncertainty.rank_intervals.iterrows()
        ],
    }


def summarize(
    case: Case,
    appraisal: Appraisal,
    allocation: Allocation,
    robustness: Robustness | None = None,
    uncertainty: Uncertainty | None = None,
) -> dict[str, Any]:
    """Key results of a run as plain Python values.

    Returns
    -------
    dict
        ``case``, ``notice``, ``weights`` (level 1 and leaves), ``consistency`` per matrix,
        ``expert_panels`` (nodes judged by several experts), ``ranking`` (top clusters),
        ``allocation`` (status, totals, by type x instrument) and, when given,
        ``robustness`` (see :func:`robustness_summary`) and ``uncertainty`` (cell
        statuses, SMAA-2 settings, tiers and rank intervals). With uncertainty, each
        ranking row has its ``tier`` and ``tier_text`` (``tier 1 (with X, Y)``): a point
        rank is never shown without its tier.
    """
    level1 = {c: float(appraisal.local["goal"].weights[c]) for c in case.criteria.children()}
    by_type = allocation.by_type_instrument()
    top = appraisal.ranking.head(TOP_CLUSTERS)
    names = case.clusters["name_en"].astype(str).to_dict()
    tiers = {} if uncertainty is None else uncertainty.tier.to_dict()

    def tier_fields(cluster: Hashable) -> dict[str, Any]:
        if uncertainty is None:
            return {}
        tier = int(tiers[cluster])
        members = [names[c] for c in uncertainty.smaa.tiers[tier - 1]]
        return {"tier": tier, "tier_text": tier_phrase(tier, members, names[cluster])}

    return {
        "case": {"name": case.name, "title": case.title, "illustrative": case.illustrative},
        "notice": illustrative_notice(case),
        "weights": {
            "level1": level1,
            "leaves": {k: float(v) for k, v in appraisal.weights.items()},
        },
        "consistency": {
            label: {
                "cr": r.cr,
                "lambda_max": r.lambda_max,
                "ci": r.ci,
                "ri_table": r.ri_table,
                "threshold": r.threshold,
                "acceptable": r.acceptable,
            }
            for label, r in appraisal.matrices.items()
        },
        "expert_panels": {
            node: {
                "aggregation": group.how,
                "expert_weights": {str(k): float(v) for k, v in group.expert_weights.items()},
                "consensus": group.consensus,
                "compatibility": {str(k): float(v) for k, v in group.compatibility.items()},
            }
            for node, group in appraisal.groups.items()
        },
        "ranking": [
            {
                "rank": int(row["rank"]),
                "cluster": str(cluster),
                "name_en": str(case.clusters.at[cluster, "name_en"]),
                "score": float(row["score"]),
            }
            | tier_fields(cluster)
            for cluster, row in top.iterrows()
        ],
        "allocation": solve_figures(allocation)
        | {
            "funded_clusters": int(
                allocation.projects.loc[allocation.projects["funded"], "cluster"].nunique()
            ),
            "by_type_instrument": {
                str(kind): {str(k): float(v) for k, v in row.items()}
                for kind, row in by_type.iterrows()
            },
        },
    } | (
        ({} if robustness is None else {"robustness": _robustness_summary(case, robustness)})
        | ({} if uncertainty is None else {"uncertainty": _uncertainty_summary(case, uncertainty)})
    )


def allocation_summary(allocation: Allocation, marginals: pd.DataFrame) -> dict[str, Any]:
    """Status, totals, binding rules and marginal values as plain Python values."""
    binding = allocation.binding
    return solve_figures(allocation) | {
        "leverage": _finite(allocation.leverage),
        "binding_rules": [f"{r.rule}[{r.key}]" for r in binding.itertuples()],
        "marginal_values": [
            {key: _finite(value) if isinstance(value, float) else value for key, value in r.items()}
            for r in marginals.to_dict("records")
        ],
    }


def run_summary(run: RunResult) -> dict[str, Any]:
    """:func:`summarize` of a whole run, as ``summary.json`` holds it."""
    summary = summarize(run.case, run.appraisal, run.allocation, run.robustness, run.uncertainty)
    if run.funding_robustness is not None:
        core = run.funding_robustness.extra["core_index"]
        summary["funding_robustness"] = {
            "samples": len(run.funding_robustness.points),
            "seed": run.funding_robustness.seed,
            "classes": {str(k): int(v) for k, v in core["class"].value_counts().items()},
        }
    return summary
