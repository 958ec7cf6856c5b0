"""Every file a command writes, by name: CSV tables, summaries, reports, workbooks, charts.

This is the one place that turns results into file contents; every CSV goes through
:func:`optimize.spreadsheet.safe_csv`, so text that a spreadsheet program would run as a
formula (a cluster named ``=HYPERLINK(...)``) is neutralised in every export.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Sequence
from typing import Any, Literal

import pandas as pd

from mcda import plots
from mcda.sensitivity import stability_intervals
from optimize.appraisal.appraise import Appraisal
from optimize.appraisal.robustness import Robustness, acceptability_table, method_options
from optimize.appraisal.uncertainty import Uncertainty
from optimize.case.case import Case
from optimize.model.allocation import Allocation
from optimize.pipeline import RunResult
from optimize.report.charts import core_index_chart, frontier_chart, scenario_chart
from optimize.report.content import report_content
from optimize.report.html import html_report
from optimize.report.labels import Lang
from optimize.report.markdown import CHARTS_FOLDER, markdown_report
from optimize.report.registry import UNCERTAINTY_TABLES, Results, _built_tables
from optimize.report.results_workbook import results_workbook
from optimize.report.summary import allocation_summary, illustrative_notice, run_summary
from optimize.spreadsheet import safe_csv
from optimize.sweeps.engine import SweepResult

#: The sweeps of ``clusterplan sweep``.
SweepKind = Literal["budget", "robustness", "joint", "sobol", "scenarios"]


def _json_text(value: Any) -> str:
    """`value` as indented JSON text, non-ASCII kept readable."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _about_lines(case: Case, facts: Sequence[str]) -> list[str]:
    """First sheet of a results workbook: the notice, the run's facts, settings provenance."""
    return [
        f"{case.title} (case {case.name})",
        illustrative_notice(case),
        *facts,
        "Provenance of settings:",
        *(f"{key}: {text or 'not stated'}" for key, text in case.provenance.items()),
    ]


def run_files(run: RunResult, lang: Lang = "en") -> dict[str, str | bytes]:
    """The files of a run by name (relative to the output folder).

    Returns
    -------
    dict
        ``weights.csv``, ``ranking.csv``, ``allocation.csv``, ``summary.json``,
        ``report.md``, ``report.html``, ``results.xlsx`` and ``charts/*.png``.
    """
    content = report_content(
        run.case,
        run.appraisal,
        run.allocation,
        run.marginals,
        run.robustness,
        lang,
        uncertainty=run.uncertainty,
        funding_robustness=run.funding_robustness,
        questions=run.questions,
    )
    tables = _built_tables(Results.of_run(run))
    files: dict[str, str | bytes] = {
        f"{entry.name}.csv": safe_csv(table) for entry, table in tables if entry.run_csv
    }
    files |= {
        "summary.json": _json_text(run_summary(run)),
        "report.md": markdown_report(content),
        "report.html": html_report(content),
        "results.xlsx": results_workbook(tables, _about_lines(run.case, content.facts)),
    }
    files.update({f"{CHARTS_FOLDER}/{key}.png": png for key, png in content.charts.items()})
    return files


def allocate_files(
    case: Case, appraisal: Appraisal, allocation: Allocation, marginals: pd.DataFrame
) -> dict[str, str | bytes]:
    """The files of ``clusterplan allocate --out``, by name.

    Returns
    -------
    dict of str to str or bytes
        One CSV per allocation table (``allocation.csv``, ``rules.csv``,
        ``marginal_values.csv``, ...), the same tables in ``results.xlsx``, and
        ``summary.json``.
    """
    results = Results(case, appraisal, allocation, marginals)
    tables = _built_tables(results, frozenset({"allocation"}))
    files: dict[str, str | bytes] = {f"{entry.name}.csv": safe_csv(t) for entry, t in tables}
    facts = [f"Budget {allocation.budget:g}; priority rule {allocation.priority_rule}."]
    files["results.xlsx"] = results_workbook(tables, _about_lines(case, facts))
    files["summary.json"] = _json_text(allocation_summary(allocation, marginals))
    return files


def _shown_names(tables: Sequence[pd.DataFrame], note: Callable[[str], None]) -> list[pd.Series]:
    """Chinese names if a CJK font is found, else English (one `note` per fallback warning)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = [plots.display_names(table["name_zh"], table["name_en"]) for table in tables]
    for message in dict.fromkeys(str(warning.message) for warning in caught):
        note(message)
    return names


def _method_rankings_table(case: Case, robustness: Robustness) -> pd.DataFrame:
    """Clusters with names, then rank and score under every method."""
    columns = {
        f"{column}_{name}": result[column]
        for name, result in robustness.rankings.items()
        for column in ("rank", "score")
    }
    order = next(iter(robustness.rankings.values())).index
    table = case.clusters.loc[order, ["name_en", "name_zh"]].join(pd.DataFrame(columns))
    table.index.name = "cluster"
    return table


def rank_files(
    case: Case,
    weights: pd.Series,
    robustness: Robustness,
    note: Callable[[str], None],
    uncertainty: Uncertainty | None = None,
) -> dict[str, str | bytes]:
    """CSV tables and PNG charts of a ranking run, by file name.

    Parameters
    ----------
    case : Case
        The loaded case.
    weights : pandas.Series
        Global leaf weights used [-].
    robustness : Robustness
        Rankings by method, their agreement and (optionally) rank acceptability.
    note : callable
        Receives one-line notes for the user (e.g. the English-names fallback).
    uncertainty : Uncertainty, optional
        SMAA-2 result: adds ``cell_status.csv``, ``tiers.csv``, ``rank_intervals.csv`` and
        ``pairwise_winning.csv``.

    Returns
    -------
    dict of str to str or bytes
        ``rankings.csv``, ``stability.csv`` and the charts; ``agreement.csv`` with two or
        more methods; ``acceptability.csv``, ``acceptability_summary.csv`` and
        ``central_weights.csv`` when weights were sampled; the SMAA-2 tables when given.
    """
    first = next(iter(robustness.rankings))
    criteria = case.criteria.table.loc[weights.index]
    stability = stability_intervals(
        case.scores.values, weights, case.scores.directions, first, **method_options(case, first)
    )
    cluster_names, criterion_names = _shown_names([case.clusters, criteria], note)
    files: dict[str, str | bytes] = {
        "rankings.csv": safe_csv(_method_rankings_table(case, robustness)),
        "stability.csv": safe_csv(stability),
        "weights.png": plots.png_bytes(plots.weights_chart(weights, criterion_names)),
        "methods.png": plots.png_bytes(plots.methods_chart(robustness.ranks, cluster_names)),
        "stability.png": plots.png_bytes(plots.stability_chart(stability, criterion_names)),
    }
    if robustness.agreement is not None:
        files["agreement.csv"] = safe_csv(robustness.agreement)
    if uncertainty is not None:
        files |= {
            f"{name}.csv": safe_csv(build(uncertainty, case))
            for name, build in UNCERTAINTY_TABLES.items()
        }
    sampled = robustness.acceptability
    if sampled is not None:
        files |= {
            "acceptability.csv": safe_csv(sampled.acceptability, index_label="cluster"),
            "acceptability_summary.csv": safe_csv(
                acceptability_table(robustness), index_label="cluster"
            ),
            "central_weights.csv": safe_csv(sampled.central_weights, index_label="cluster"),
            "acceptability.png": plots.png_bytes(
                plots.acceptability_chart(sampled.acceptability, cluster_names)
            ),
        }
    return files


def _sweep_charts(result: SweepResult, kind: SweepKind) -> dict[str, bytes]:
    """The charts of a sweep by name: frontier, core index or scenarios (Sobol has none)."""
    if kind == "budget":
        return {"frontier": frontier_chart(result.points)}
    if kind == "robustness":
        return {"core_index": core_index_chart(result.extra["core_index"])}
    if kind == "joint":
        share = float(str(result.extra["settings"].loc["core_share", "value"]))
        title = "Funding robustness to scores and weights (illustrative data)"
        return {"core_index": core_index_chart(result.extra["core_index"], (share,), title)}
    if kind == "scenarios":
        return {"scenarios": scenario_chart(result.extra["by_cluster"])}
    return {}


def sweep_files(result: SweepResult, kind: SweepKind) -> dict[str, str | bytes]:
    """The files of ``clusterplan sweep KIND``, by name.

    Returns
    -------
    dict of str to str or bytes
        ``points.csv``, ``funding.csv``, one CSV per sweep-specific table, the sweep's
        charts (PNG) and ``sweep.json`` (seed, whether complete, number of points).
    """
    files: dict[str, str | bytes] = {
        "points.csv": safe_csv(result.points, index=False),
        "funding.csv": safe_csv(result.funding, index=False),
    }
    files |= {f"{name}.csv": safe_csv(table) for name, table in result.extra.items()}
    files |= {f"{name}.png": image for name, image in _sweep_charts(result, kind).items()}
    facts = {"seed": result.seed, "complete": result.complete, "points": len(result.points)}
    files["sweep.json"] = json.dumps(facts, indent=2) + "\n"
    return files
