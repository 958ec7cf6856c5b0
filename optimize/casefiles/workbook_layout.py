"""The sheets of a case workbook and the instructions shown on its first sheet."""

from __future__ import annotations

from optimize.case.schema import REQUIRED_TABLES, TABLE_PURPOSE
from optimize.casefiles.settings_rows import SETTING_COLUMNS
from optimize.messages import Lang, say

ABOUT_SHEET = "about"
RULES_SHEET = "rules"
BUDGET_SHEET = "budget"
SCENARIOS_SHEET = "scenarios"

#: Every sheet in the order a workbook shows them.
SHEET_ORDER: tuple[str, ...] = (
    ABOUT_SHEET,
    "clusters",
    "criteria",
    "judgments",
    "scores",
    "rating_scales",
    "ratings",
    "types",
    "instruments",
    "fit",
    "projects",
    BUDGET_SHEET,
    RULES_SHEET,
    SCENARIOS_SHEET,
    "sources",
    "stock",
)

#: Sheets a case workbook must have (``about``, ``scenarios`` and the optional tables'
#: sheets may be absent).
REQUIRED_SHEETS: tuple[str, ...] = (*REQUIRED_TABLES, BUDGET_SHEET, RULES_SHEET)

#: Columns of the scenarios sheet: named overrides of settings (read by later commands).
SCENARIO_COLUMNS: tuple[str, ...] = ("scenario", "description", *SETTING_COLUMNS[:4])

#: Keys of the ``new`` catalogue table: what holds for a case in either form (folder or
#: workbook), and what only a workbook needs to be told.
_GENERAL = ("rows", "money", "provenance", "uncertainty")
_WORKBOOK = ("values", "lists", "commands")
#: Sheets whose purpose the instructions state, in the order they list them.
_EXPLAINED = (*TABLE_PURPOSE, BUDGET_SHEET, RULES_SHEET, SCENARIOS_SHEET)


def sheet_purpose(lang: Lang) -> dict[str, str]:
    """What each sheet (or a folder's table) holds, in `lang`."""
    return {sheet: say(f"new.sheet.{sheet}", lang) for sheet in _EXPLAINED}


def general_instructions(lang: Lang) -> tuple[str, ...]:
    """What holds for a case in either form, in `lang`."""
    return tuple(say(f"new.general.{key}", lang) for key in _GENERAL)


def workbook_instructions(lang: Lang) -> tuple[str, ...]:
    """What only a workbook needs to be told, in `lang`."""
    return tuple(say(f"new.workbook.{key}", lang) for key in _WORKBOOK)


def instructions(lang: Lang) -> tuple[str, ...]:
    """The lines of a workbook's ``about`` sheet after its title, in `lang`."""
    purposes = sheet_purpose(lang)
    return (
        say("new.heading", lang),
        *general_instructions(lang),
        *workbook_instructions(lang),
        *(
            say("new.sheet_line", lang, sheet=sheet, purpose=purposes[sheet])
            for sheet in SHEET_ORDER
            if sheet in purposes
        ),
    )


SHEET_PURPOSE = sheet_purpose("en")
GENERAL_INSTRUCTIONS = general_instructions("en")
WORKBOOK_INSTRUCTIONS = workbook_instructions("en")
INSTRUCTIONS = instructions("en")
