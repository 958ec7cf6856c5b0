"""The Markdown report of a planning run: the same sections as the HTML report, as text."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from optimize.report.content import ReportContent, Section
from optimize.report.labels import Lang
from optimize.report.tables import _formatted

#: Folder of the chart PNGs inside a run's output folder.
CHARTS_FOLDER = "charts"


def _markdown_table(frame: pd.DataFrame, digits: Callable[[str], int], lang: Lang) -> str:
    """Render a DataFrame as a GitHub-flavoured Markdown table (decimals per column)."""
    header, rows = _formatted(frame, digits, lang)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _tree_names(table: pd.DataFrame) -> pd.DataFrame:
    """A tree table with names indented by level (Markdown has no nesting in tables)."""
    indented = table.copy()
    indented["name"] = [
        "\u3000" * max(int(level) - 1, 0) + ("└ " if int(level) > 1 else "") + str(text)
        for text, level in zip(table["name"], table["level"], strict=True)
    ]
    return indented


def _markdown_section(section: Section, lang: Lang) -> str:
    """One section: heading, note, chart link, table."""
    parts = [f"## {section.title}", section.note]
    if section.chart is not None:
        parts.append(f"![{section.title}]({CHARTS_FOLDER}/{section.chart}.png)")
    if section.table is not None:
        table = _tree_names(section.table) if section.kind == "tree" else section.table
        parts.append(_markdown_table(table, section.column_digits, lang))
    return "\n\n".join(parts)


def markdown_report(content: ReportContent) -> str:
    """The report: the provenance notice first, then the run's facts and every section."""
    parts = [
        f"# {content.title}",
        f"> **{content.notice}**",
        *(f"> **{fact}**" for fact in content.facts if fact.startswith("WARNING")),
        "\n".join(f"- {fact}" for fact in content.facts if not fact.startswith("WARNING")),
        *(_markdown_section(section, content.lang) for section in content.sections),
    ]
    return "\n\n".join(parts) + "\n"
