"""Every file a planning run writes: CSV tables, summary, reports, results workbook, charts."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Sequence

import pandas as pd

from mcda import plots
from mcda.sensitivity import stability_intervals
from optimize.appraisal.robustness import Robustness, acceptability_table, method_options
from optimize.case.case import Case
from optimize.pipeline import RunResult
from optimize.report.content import acceptability_of, report_content
from optimize.report.html import html_report
from optimize.report.markdown import CHARTS_FOLDER, markdown_report
from optimize.report.results_workbook import results_workbook
from optimize.report.summary import illustrative_notice, run_summary
from optimize.report.tables import (
    allocation_tables,
    consistency_table,
    ranking_table,
    weights_table,
)
from optimize.spreadsheet import safe_csv


def about_lines(case: Case, facts: Sequence[str]) -> list[str]:
    """First sheet of a results workbook: the notice, the run's facts, settings provenance."""
    return [
        f"{case.title} (case {case.name})",
        illustrative_notice(case),
        *facts,
        "Provenance of settings:",
        *(f"{key}: {text or 'not stated'}" for key, text in case.provenance.items()),
    ]


def result_tables(run: RunResult) -> dict[str, pd.DataFrame]:
    """The run's tables by sheet name."""
    tables = {
        "weights": weights_table(run.case, run.appraisal),
        "consistency": consistency_table(run.appraisal),
        "ranking": ranking_table(run.case, run.appraisal),
        **allocation_tables(run.allocation, run.marginals),
    }
    optional = {
        "method_agreement": run.robustness.agreement,
        "rank_acceptability": acceptability_of(run.robustness),
    }
    tables.update({key: table for key, table in optional.items() if table is not None})
    return tables


def run_files(run: RunResult, lang: str = "en") -> dict[str, str | bytes]:
    """The files of a run by name (relative to the output folder).

    Returns
    -------
    dict
        ``weights.csv``, ``ranking.csv``, ``allocation.csv``, ``summary.json``,
        ``report.md``, ``report.html``, ``results.xlsx`` and ``charts/*.png``.
    """
    case, allocation = run.case, run.allocation
    content = report_content(case, run.appraisal, allocation, run.marginals, run.robustness, lang)
    tables = result_tables(run)
    summary = run_summary(run)
    files: dict[str, str | bytes] = {
        "weights.csv": safe_csv(tables["weights"]),
        "ranking.csv": safe_csv(tables["ranking"]),
        "allocation.csv": safe_csv(allocation.projects, index_label="project"),
        "summary.json": json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
        "report.md": markdown_report(content),
        "report.html": html_report(content),
        "results.xlsx": results_workbook(tables, about_lines(case, content.facts)),
    }
    files.update({f"{CHARTS_FOLDER}/{key}.png": png for key, png in content.charts.items()})
    return files


def shown_names(tables: Sequence[pd.DataFrame], note: Callable[[str], None]) -> list[pd.Series]:
    """Chinese names if a CJK font is found, else English (one `note` per fallback warning)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = [plots.display_names(table["name_zh"], table["name_en"]) for table in tables]
    for message in dict.fromkeys(str(warning.message) for warning in caught):
        note(message)
    return names


def method_rankings_table(case: Case, robustness: Robustness) -> pd.DataFrame:
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
    case: Case, weights: pd.Series, robustness: Robustness, note: Callable[[str], None]
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

    Returns
    -------
    dict of str to str or bytes
        ``rankings.csv``, ``stability.csv`` and the charts; ``agreement.csv`` with two or
        more methods; ``acceptability.csv``, ``acceptability_summary.csv`` and
        ``central_weights.csv`` when weights were sampled.
    """
    first = next(iter(robustness.rankings))
    criteria = case.criteria.table.loc[weights.index]
    stability = stability_intervals(
        case.scores.values, weights, case.scores.directions, first, **method_options(case, first)
    )
    cluster_names, criterion_names = shown_names([case.clusters, criteria], note)
    files: dict[str, str | bytes] = {
        "rankings.csv": method_rankings_table(case, robustness).to_csv(),
        "stability.csv": stability.to_csv(),
        "weights.png": plots.png_bytes(plots.weights_chart(weights, criterion_names)),
        "methods.png": plots.png_bytes(plots.methods_chart(robustness.ranks, cluster_names)),
        "stability.png": plots.png_bytes(plots.stability_chart(stability, criterion_names)),
    }
    if robustness.agreement is not None:
        files["agreement.csv"] = robustness.agreement.to_csv()
    sampled = robustness.acceptability
    if sampled is not None:
        files |= {
            "acceptability.csv": sampled.acceptability.to_csv(index_label="cluster"),
            "acceptability_summary.csv": acceptability_table(robustness).to_csv(
                index_label="cluster"
            ),
            "central_weights.csv": sampled.central_weights.to_csv(index_label="cluster"),
            "acceptability.png": plots.png_bytes(
                plots.acceptability_chart(sampled.acceptability, cluster_names)
            ),
        }
    return files
