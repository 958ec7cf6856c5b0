"""Run results -> file contents (md, html, xlsx, csv, png, json); no disk I/O."""

from optimize.report.charts import core_index_chart, frontier_chart, scenario_chart
from optimize.report.content import ReportContent, Section, report_content
from optimize.report.files import rank_files, run_files
from optimize.report.html import html_report
from optimize.report.markdown import markdown_report
from optimize.report.summary import illustrative_notice, run_summary, summarize
from optimize.report.tables import cell_text, consistency_table, weights_table

__all__ = [
    "ReportContent",
    "Section",
    "cell_text",
    "consistency_table",
    "core_index_chart",
    "frontier_chart",
    "html_report",
    "illustrative_notice",
    "markdown_report",
    "rank_files",
    "report_content",
    "run_files",
    "run_summary",
    "scenario_chart",
    "summarize",
    "weights_table",
]
