"""Run results -> file contents (md, html, xlsx, csv, png, json); no disk I/O."""

from optimize.report.charts import (
    FontFallbackWarning,
    chart_language,
    core_index_chart,
    frontier_chart,
    horizontal_bars,
    rank_interval_chart,
    scenario_chart,
)
from optimize.report.content import ReportContent, Section, report_content
from optimize.report.files import SweepKind, allocate_files, rank_files, run_files, sweep_files
from optimize.report.html import html_report
from optimize.report.labels import LANGS, Lang, is_lang
from optimize.report.markdown import escape_markdown, markdown_report
from optimize.report.registry import RESULT_TABLES, Results, ResultTable
from optimize.report.results_workbook import results_workbook
from optimize.report.summary import (
    allocation_summary,
    illustrative_notice,
    optimality_note,
    run_summary,
    solve_figures,
    summarize,
)
from optimize.report.tables import (
    consistency_table,
    consistency_warnings,
    display_text,
    ranking_table,
    weights_table,
)

__all__ = [
    "LANGS",
    "RESULT_TABLES",
    "FontFallbackWarning",
    "Lang",
    "ReportContent",
    "ResultTable",
    "Results",
    "Section",
    "SweepKind",
    "allocate_files",
    "allocation_summary",
    "chart_language",
    "consistency_table",
    "consistency_warnings",
    "core_index_chart",
    "display_text",
    "escape_markdown",
    "frontier_chart",
    "horizontal_bars",
    "html_report",
    "illustrative_notice",
    "is_lang",
    "markdown_report",
    "optimality_note",
    "rank_files",
    "rank_interval_chart",
    "ranking_table",
    "report_content",
    "results_workbook",
    "run_files",
    "run_summary",
    "scenario_chart",
    "solve_figures",
    "summarize",
    "sweep_files",
    "weights_table",
]
