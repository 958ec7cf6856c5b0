"""The HTML report of a planning run: one self-contained file, no network needed.

Styles are inline and charts are base64 PNGs; the page is rendered from the Jinja2 template
shipped in ``optimize/report/templates``.
"""

from __future__ import annotations

import base64

import jinja2
import pandas as pd

from optimize.report.content import ReportContent, Section
from optimize.report.labels import Lang, _text
from optimize.report.tables import _formatted

TEMPLATE = "report.html.j2"

#: Where each region sits on the map-like table (row, column): west to east, north to south.
REGION_GRID: dict[str, tuple[int, int]] = {
    "bohai_rim": (1, 3),
    "western": (2, 1),
    "central": (2, 2),
    "yangtze_delta": (2, 3),
    "pearl_delta": (3, 3),
}


def _environment() -> jinja2.Environment:
    """The Jinja2 environment over the package's templates, escaping HTML."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("optimize.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _section_view(section: Section, lang: Lang) -> dict[str, object]:
    """What the template needs of one section: texts, formatted rows, map cells."""
    header, rows = (
        ([], [])
        if section.table is None
        else _formatted(section.table, section.column_digits, lang)
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
        "cells": _map_cells(section, lang) if section.kind == "map" else [],
        "legend": _text("note.region_map", lang) if section.kind == "map" else "",
    }


def html_report(content: ReportContent) -> str:
    """The report as one HTML document that needs no network to view."""
    images = {
        key: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        for key, png in content.charts.items()
    }
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            content=content,
            sections=[_section_view(section, content.lang) for section in content.sections],
            images=images,
        )
    )


def _map_cells(section: Section, lang: Lang) -> list[tuple[int, int, str, list[str]]]:
    """Placement of each region of a ``map`` section: (row, column, region, lines).

    Regions without a place on :data:`REGION_GRID` go in a row below the map, in order.
    """
    assert section.table is not None
    spare = max(row for row, _ in REGION_GRID.values()) + 1
    cells = []
    extra = 0
    for region, record in section.table.iterrows():
        place = REGION_GRID.get(str(region))
        if place is None:
            extra += 1
            place = (spare, extra)
        share = f"{record['share']:.1%}" if pd.notna(record["share"]) else ""
        lines = [
            _text("note.region_amount", lang, amount=f"{record['amount']:.2f}", share=share),
            f"{int(record['funded_projects'])} / {int(record['clusters'])}",
        ]
        cells.append((place[0], place[1], str(record["name"]), lines))
    return cells
