"""The Markdown report and CSV tables of a planning run."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from optimize.allocation import Allocation
from optimize.appraise import Appraisal
from optimize.case import Case
from optimize.summary import illustrative_notice


def markdown_table(frame: pd.DataFrame, digits: int = 3, index_label: str = "") -> str:
    """Render a DataFrame as a GitHub-flavoured Markdown table."""

    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:.{digits}f}"
        return str(value).replace("|", "\\|")

    header = [index_label or str(frame.index.name or ""), *map(str, frame.columns)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for label, row in frame.iterrows():
        lines.append("| " + " | ".join([cell(label), *map(cell, row.tolist())]) + " |")
    return "\n".join(lines)


def weights_table(case: Case, appraisal: Appraisal) -> pd.DataFrame:
    """Leaf criteria with group, names, direction and local and global weights [-]."""
    table = case.criteria.table.loc[case.criteria.leaves].copy()
    table["local_weight"] = [
        float(appraisal.local[str(parent)].weights.to_dict()[leaf])
        for leaf, parent in table["parent"].items()
    ]
    table["group_weight"] = [
        float(appraisal.local["goal"].weights[str(parent)]) for parent in table["parent"]
    ]
    table["global_weight"] = appraisal.weights.loc[table.index]
    table.index.name = "criterion"
    return table[
        [
            "parent",
            "name_en",
            "name_zh",
            "direction",
            "unit",
            "group_weight",
            "local_weight",
            "global_weight",
        ]
    ]


def ranking_table(case: Case, appraisal: Appraisal) -> pd.DataFrame:
    """Clusters by TOPSIS closeness with names, type, region and priority."""
    table = appraisal.ranking.join(case.clusters[["name_en", "name_zh", "cluster_type", "region"]])
    table["priority"] = appraisal.priority.loc[table.index]
    table.index.name = "cluster"
    return table[["rank", "name_en", "name_zh", "cluster_type", "region", "score", "priority"]]


def consistency_table(appraisal: Appraisal) -> pd.DataFrame:
    """lambda_max, CI, CR, table, threshold and verdict of every judgment matrix."""
    rows = {
        label: {
            "n": r.n,
            "lambda_max": r.lambda_max,
            "ci": r.ci,
            "cr": r.cr,
            "ri_table": r.ri_table,
            "threshold": r.threshold,
            "verdict": "ok" if r.acceptable else f"REVISE (CR > {r.threshold:.2f})",
        }
        for label, r in appraisal.matrices.items()
    }
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "matrix"
    return frame


def binding_table(allocation: Allocation) -> pd.DataFrame:
    """Binding rule rows with their activity and bound, indexed by rule."""
    table = allocation.binding[["rule", "key", "sense", "activity", "bound", "unit"]]
    return table.set_index("rule")


def groups_table(appraisal: Appraisal) -> pd.DataFrame:
    """Per node judged by several experts: aggregation, experts, consensus, compatibility."""
    rows = {
        node: {
            "aggregation": group.how.upper(),
            "experts": len(group.experts),
            "consensus": group.consensus,
            "worst_compatibility": float(group.compatibility.max()),
        }
        for node, group in appraisal.groups.items()
    }
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "node"
    return frame


def consistency_warnings(appraisal: Appraisal) -> list[str]:
    """One line per judgment matrix whose CR exceeds its threshold."""
    return [
        f"judgment matrix {label!r} is inconsistent: CR {r.cr:.3f} > {r.threshold:.2f} "
        f"({r.ri_table} random index); revise its judgments (clusterplan weights on the "
        "judgments file shows which)"
        for label, r in appraisal.matrices.items()
        if not r.acceptable
    ]


def consistency_section(appraisal: Appraisal) -> list[str]:
    """Markdown blocks on the judgments' consistency and, for expert panels, consensus."""
    blocks = [
        "### Consistency of each judgment matrix",
        "Thresholds follow Saaty's rule: CR <= 0.05 for 3 items, 0.08 for 4, 0.10 beyond.",
        markdown_table(consistency_table(appraisal)),
    ]
    if appraisal.groups:
        blocks += [
            "### Expert panels",
            "Consensus is Goepel's relative homogeneity (1 = identical priorities); "
            "compatibility is Saaty's index of each expert's matrix with the group weights "
            "(1 = perfect, above 1.1 = incompatible).",
            markdown_table(groups_table(appraisal)),
        ]
    return blocks


def robustness_section(robustness: Mapping[str, Any]) -> str:
    """Method agreement, ranks by method and rank acceptability, from the run summary."""
    reference = robustness["reference"]
    parts = [
        "## Robustness of the ranking",
        f"### Agreement of each method with {reference.upper()} (Spearman; WS of Sałabun & "
        "Urbaniak 2020, which weighs disagreement at the top more)",
        markdown_table(
            pd.DataFrame.from_dict(robustness["agreement"], orient="index"), index_label="method"
        ),
        "### Rank by method (1 = best)",
        markdown_table(
            pd.DataFrame.from_dict(robustness["ranks"], orient="index"), index_label="cluster"
        ),
        *(f"- {method} left out: {reason}" for method, reason in robustness["skipped"].items()),
    ]
    sampled = robustness["acceptability"]
    if sampled is not None:
        parts += [
            "### Rank acceptability under weight uncertainty",
            f"{sampled['samples']} weight vectors drawn from a Dirichlet distribution centred on "
            f"the AHP weights (concentration {sampled['concentration']:g}, seed "
            f"{sampled['seed']}), each ranked by {sampled['method'].upper()}: the share of samples "
            "placing a cluster first, in the top 3 and top 5, and its mean rank.",
            markdown_table(pd.DataFrame(sampled["clusters"]).set_index("cluster")),
        ]
    return "\n\n".join(parts)


def markdown_report(
    case: Case,
    appraisal: Appraisal,
    allocation: Allocation,
    robustness: Mapping[str, Any] | None = None,
) -> str:
    """The report: illustrative-data notice first, then weights, ranking, allocation.

    `robustness` is the ``robustness`` entry of the run summary; when given, its section
    follows the ranking.
    """
    by_cluster = allocation.by_cluster()
    by_cluster = by_cluster[by_cluster["total"] > 0]
    warnings = [f"> **WARNING: {line}**" for line in consistency_warnings(appraisal)]
    sections: Sequence[str] = [
        f"# {case.title}: planning run",
        f"> **{illustrative_notice(case)}**",
        *warnings,
        f"Case `{case.name}`. Money in 亿元 (1e8 CNY). Budget {case.budget:g}; cluster "
        f"priority rule **{appraisal.priority_rule}**"
        + (f" (merit weight {appraisal.blend:g})" if appraisal.priority_rule == "blend" else "")
        + f"; TOPSIS with {case.normalization} normalisation.",
        "## Criteria weights (AHP, principal eigenvector)",
        markdown_table(weights_table(case, appraisal).drop(columns=["name_zh"])),
        *consistency_section(appraisal),
        "## Ranking of cluster support systems (TOPSIS closeness)",
        markdown_table(ranking_table(case, appraisal)),
        *([robustness_section(robustness)] if robustness is not None else []),
        "## Allocation",
        f"Status **{allocation.status}**; benefit {allocation.objective:.4f} "
        f"(MIP gap {allocation.mip_gap:.2e}); spent {allocation.spent:.2f} of "
        f"{allocation.budget:g}; solved in {allocation.solve_seconds:.2f} s.",
        "### By cluster type and instrument (亿元)",
        markdown_table(allocation.by_type_instrument(), digits=2),
        "### By cluster (亿元)",
        markdown_table(by_cluster, digits=2),
        "### Binding rules",
        "Rules whose bound is met exactly at the optimum (`clusterplan allocate` gives what "
        "relaxing each is worth).",
        markdown_table(binding_table(allocation), digits=3),
        "## Provenance of settings",
        "\n".join(f"- **{key}**: {text or 'not stated'}" for key, text in case.provenance.items()),
    ]
    return "\n\n".join(sections) + "\n"


def output_files(
    case: Case, appraisal: Appraisal, allocation: Allocation, summary: dict[str, Any]
) -> dict[str, str]:
    """The five files of a run, by name."""
    return {
        "weights.csv": weights_table(case, appraisal).to_csv(),
        "ranking.csv": ranking_table(case, appraisal).to_csv(),
        "allocation.csv": allocation.projects.to_csv(index_label="project"),
        "summary.json": json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
        "report.md": markdown_report(case, appraisal, allocation, summary.get("robustness")),
    }
