"""The HTML report of a planning run: one self-contained file, no network needed.

Styles are inline and charts are base64 PNGs; the page is rendered from the Jinja2 template
shipped in ``optimize/report/templates``.
"""

from __future__ import annotations

import base64

import jinja2

from optimize.report.content import ReportContent, Section, map_cells
from optimize.report.tables import formatted

TEMPLATE = "report.html.j2"


def environment() -> jinja2.Environment:
    """The Jinja2 environment over the package's templates, escaping HTML."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("optimize.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def section_view(section: Section, lang: str) -> dict[str, object]:
    """What the template needs of one section: texts, formatted rows, map cells."""
    header, rows = (
        ([], []) if section.table is None else formatted(section.table, section.digits, lang)
    )
    levels = (
        [int(level) for level in section.table["level"]]
        if section.kind == "tree" and section.table is not None
        else []
    )
    return {
        "key": section.key,
        "title": section.title,
        "note": section.note,
        "kind": section.kind,
        "chart": section.chart,
        "header": header,
        "rows": rows,
        "levels": levels,
        "cells": map_cells(section) if section.kind == "map" else [],
    }


def html_report(content: ReportContent) -> str:
    """The report as one HTML document that needs no network to view."""
    images = {
        key: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        for key, png in content.charts.items()
    }
    return (
        environment()
        .get_template(TEMPLATE)
        .render(
            content=content,
            sections=[section_view(section, content.lang) for section in content.sections],
            images=images,
        )
    )
