"""The Markdown report of a planning run: the same sections as the HTML report, as text."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from optimize.report.content import ReportContent, Section
from optimize.report.labels import Lang
from optimize.report.tables import _formatted

#: Folder of the chart PNGs inside a run's output folder.
CHARTS_FOLDER = "charts"

#: Markdown and HTML syntax characters, each written so that it shows as itself.
_ESCAPES = {
    "&": "&amp;",  # so that an entity typed in a name shows as typed
    "<": "&lt;",  # no raw HTML: Markdown passes tags through to the page
    "\\": "\\\\",
    **{c: "\\" + c for c in "`*_[]|#~$"},
}
#: Characters that end a line: in a table cell or heading they would end it.
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")


def escape_markdown(text: str) -> str:
    """`text` as Markdown that renders as exactly that text, on one line.

    Names come from case files and are data: HTML tags, emphasis, links, code spans and
    table pipes and ``$`` (math on some sites) in them are escaped, and line breaks become
    spaces.
    """
    one_line = _LINE_BREAKS.sub(" ", text)
    return "".join(_ESCAPES.get(c, c) for c in one_line)


def _markdown_table(frame: pd.DataFrame, digits: Callable[[str], int], lang: Lang) -> str:
    """Render a DataFrame as a GitHub-flavoured Markdown table (decimals per column)."""
    header, rows = _formatted(frame, digits, lang)
    lines = ["| " + " | ".join(map(escape_markdown, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(escape_markdown, row)) + " |" for row in rows]
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
    parts = [f"## {escape_markdown(section.title)}", escape_markdown(section.note)]
    if section.chart is not None:
        parts.append(f"![{escape_markdown(section.title)}]({CHARTS_FOLDER}/{section.chart}.png)")
    if section.table is not None:
        table = _tree_names(section.table) if section.kind == "tree" else section.table
        parts.append(_markdown_table(table, section.column_digits, lang))
    return "\n\n".join(parts)


def markdown_report(content: ReportContent) -> str:
    """The report: the provenance notice first, then the run's facts and every section."""
    notes = [content.notice, *content.warnings]
    parts = [
        f"# {escape_markdown(content.title)}",
        *(f"> **{escape_markdown(note)}**" for note in notes),
        *([f"> {escape_markdown(content.language_note)}"] if content.language_note else []),
        "\n".join(f"- {escape_markdown(fact)}" for fact in content.facts),
        *(_markdown_section(section, content.lang) for section in content.sections),
    ]
    return "\n\n".join(parts) + "\n"
