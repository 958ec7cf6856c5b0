"""Run results -> file contents (md, html, xlsx, csv, png, json); no disk I/O."""

from optimize.report.content import ReportContent, Section, report_content
from optimize.report.files import rank_files, run_files
from optimize.report.html import html_report
from optimize.report.markdown import markdown_report
from optimize.report.summary import illustrative_notice, run_summary, summarize

__all__ = [
    "ReportContent",
    "Section",
    "html_report",
    "illustrative_notice",
    "markdown_report",
    "rank_files",
    "report_content",
    "run_files",
    "run_summary",
    "summarize",
]
