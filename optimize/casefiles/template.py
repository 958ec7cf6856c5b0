"""A blank case, as a folder or a workbook, for a planner to fill in."""

from __future__ import annotations

from typing import Any

from optimize.case.raw import RawCase
from optimize.case.schema import CASE_TABLES, REQUIRED_COLUMNS
from optimize.casefiles.workbook_layout import GENERAL_INSTRUCTIONS, SHEET_PURPOSE
from optimize.casefiles.workbook_write import blank_table

#: Settings of a new case: the defaults spelled out, provenance left for the planner.
BLANK_SETTINGS: dict[str, Any] = {
    "case": {"name": "new_case", "title": "New case"},
    "appraisal": {"normalization": "vector", "priority_rule": "merit", "blend": 0.5},
    "benefit": {"top_up_segments": 3, "slope_decay": 0.6, "provenance": ""},
    "budget": {"total": 0.0, "provenance": ""},
}


def blank_case(name: str) -> RawCase:
    """A case with default settings and every table empty (header only)."""
    settings = {**BLANK_SETTINGS, "case": {"name": name, "title": name}}
    tables = {key: blank_table(key) for key in CASE_TABLES}
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
