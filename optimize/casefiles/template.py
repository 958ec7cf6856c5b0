"""A blank case, as a folder or a workbook, for a planner to fill in."""

from __future__ import annotations

from typing import Any

from optimize.case.raw import RawCase
from optimize.case.schema import CASE_TABLES, DEFAULTS, REQUIRED_COLUMNS
from optimize.casefiles.workbook_layout import GENERAL_INSTRUCTIONS, SHEET_PURPOSE
from optimize.casefiles.workbook_write import _blank_table

#: What the planner must fill in besides the defaults: the budget and where numbers come from.
_PLACEHOLDERS = {"benefit.provenance": "", "budget.total": 0.0, "budget.provenance": ""}


def blank_case(name: str) -> RawCase:
    """A case with the schema's defaults spelled out and every table empty (header only)."""
    settings: dict[str, dict[str, Any]] = {"case": {"name": name, "title": name}}
    for key, value in {**DEFAULTS, **_PLACEHOLDERS}.items():
        section, field = key.split(".")
        settings.setdefault(section, {})[field] = value
    tables = {key: _blank_table(key) for key in CASE_TABLES}
    return RawCase(name, settings, tables, {key: key for key in tables})


def template_readme(name: str) -> str:
    """README of a blank case folder: the workbook's instructions, one file per table."""
    lines = [
        f"# Case `{name}`",
        "",
        "A blank clusterplan case. Fill in the CSV tables (UTF-8, header in row 1) and the "
        "settings in `case.toml`; then `clusterplan validate` this folder.",
        "",
        *(f"- {line}" for line in GENERAL_INSTRUCTIONS),
        "",
        "| file | what it holds | required columns |",
        "|---|---|---|",
        *(
            f"| `{key}.csv` | {SHEET_PURPOSE[key]} | {', '.join(REQUIRED_COLUMNS[key])} |"
            for key in CASE_TABLES
        ),
        "",
        "`case.toml` holds the settings: `[case]`, `[appraisal]`, `[benefit]`, `[budget]` "
        "(total in 亿元 and its provenance) and policy rules under `[rules.NAME]` (see the "
        "shipped case `miit2021` for every rule).",
    ]
    return "\n".join(lines) + "\n"
