"""A blank case, as a folder or a workbook, for a planner to fill in."""

from __future__ import annotations

from typing import Any

from optimize.case.raw import RawCase
from optimize.case.schema import CASE_TABLES, DEFAULTS, REQUIRED_COLUMNS
from optimize.casefiles.workbook_layout import general_instructions, sheet_purpose
from optimize.casefiles.workbook_write import _blank_table
from optimize.messages import Lang, say

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


def template_readme(name: str, lang: Lang = "en") -> str:
    """README of a blank case folder in `lang`: the workbook's instructions, one file per table.

    Parameters
    ----------
    name : str
        The case's name (its folder's name).
    lang : Lang
        ``"en"`` or ``"zh"``.
    """
    purpose = sheet_purpose(lang)
    lines = [
        say("new.readme.title", lang, name=name),
        "",
        say("new.readme.intro", lang),
        "",
        *(f"- {line}" for line in general_instructions(lang)),
        "",
        say("new.readme.table_header", lang),
        "|---|---|---|",
        *(
            f"| `{key}.csv` | {purpose[key]} | {', '.join(REQUIRED_COLUMNS[key])} |"
            for key in CASE_TABLES
        ),
        "",
        say("new.readme.settings", lang),
    ]
    return "\n".join(lines) + "\n"
