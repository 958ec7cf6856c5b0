"""Every file a planning run writes: CSV tables, summary, reports, results workbook, charts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pandas as pd

from optimize.allocation import Allocation
from optimize.allocation_report import allocation_tables
from optimize.appraise import Appraisal
from optimize.case import Case
from optimize.html_report import html_report
from optimize.report import CHARTS_FOLDER, markdown_report
from optimize.report_content import Extras, report_content
from optimize.report_tables import consistency_table, ranking_table, weights_table
from optimize.results_workbook import results_workbook
from optimize.spreadsheet import safe_csv
from optimize.summary import illustrative_notice


def about_lines(case: Case, facts: Sequence[str]) -> list[str]:
    """First sheet of a results workbook: the notice, the run's facts, settings provenance."""
    return [
        f"{case.title} (case {case.name})",
        illustrative_notice(case),
        *facts,
        "Provenance of settings:",
        *(f"{key}: {text or 'not stated'}" for key, text in case.provenance.items()),
    ]


def result_tables(
    case: Case,
    appraisal: Appraisal,
    allocation: Allocation,
    marginals: pd.DataFrame | None,
    extras: Extras,
) -> dict[str, pd.DataFrame]:
    """The run's tables by sheet name."""
    tables = {
        "weights": weights_table(case, appraisal),
        "consistency": consistency_table(appraisal),
        "ranking": ranking_table(case, appraisal),
        **allocation_tables(allocation, marginals),
    }
    optional = {
        "method_agreement": extras.method_agreement,
        "rank_acceptability": extras.rank_acceptability,
        "frontier": extras.frontier,
        "robustness": None if extras.robustness is None else extras.robustness.to_frame(),
    }
    tables.update({key: table for key, table in optional.items() if table is not None})
    return tables


def run_files(
    case: Case,
    appraisal: Appraisal,
    allocation: Allocation,
    summary: dict[str, Any],
    marginals: pd.DataFrame | None = None,
    extras: Extras | None = None,
    lang: str = "en",
) -> dict[str, str | bytes]:
    """The files of a run by name (relative to the output folder).

    Returns
    -------
    dict
        ``weights.csv``, ``ranking.csv``, ``allocation.csv``, ``summary.json``,
        ``report.md``, ``report.html``, ``results.xlsx`` and ``charts/*.png``.
    """
    more = extras or Extras()
    content = report_content(case, appraisal, allocation, marginals, more, lang)
    tables = result_tables(case, appraisal, allocation, marginals, more)
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
