"""The sheets of a case workbook and the instructions shown on its first sheet."""

from __future__ import annotations

from optimize.case.schema import REQUIRED_TABLES, TABLE_PURPOSE
from optimize.casefiles.settings_rows import SETTING_COLUMNS

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

SHEET_PURPOSE = {
    **TABLE_PURPOSE,
    BUDGET_SHEET: "the [budget] and [periods] settings, one row each: rule, key, field, value, "
    "provenance (e.g. budget | | total | 60 | where the number comes from)",
    RULES_SHEET: "every other setting of case.toml ([case], [appraisal], [benefit], "
    "[uncertainty] and each policy rule under [rules]), one row each: rule, key, field, "
    "value, provenance (e.g. type_share | basic | min | 0.05 | ...)",
    SCENARIOS_SHEET: "named scenarios: each row overrides one setting (empty for now)",
}

#: What holds for a case in either form (folder or workbook).
GENERAL_INSTRUCTIONS: tuple[str, ...] = (
    "Each table keeps its column names in row 1 and one item per row below it, with no "
    "empty rows in between.",
    "Money is in 亿元 (1e8 CNY).",
    "Every number says where it comes from: scores have a provenance (paper:P.., facts:S.. "
    "for a row of the sources table, or illustrative plus the rule that set it); settings "
    "have a provenance text. Reports say on their first screen when any input is "
    "illustrative.",
    "What no source gives exactly is not made up: give a score a status (interval or list "
    "with low and high, triangular with low, mode and high, rated with experts' ratings on "
    "the rating_scales and ratings sheets, or unknown with its reason in rule) instead of "
    "a value. The [uncertainty] settings say what to do with unknown cells (draw over "
    "uncertainty.ranges, or drop the criterion) and which number appraisal and allocation "
    "use for a cell that is not a point.",
)

#: What only a workbook needs to be told.
WORKBOOK_INSTRUCTIONS: tuple[str, ...] = (
    "Type values, not formulas (clusterplan reads what a cell holds, not what it computes); "
    "do not merge cells; keep fractions such as 1/3 as text (type '1/3 so that the "
    "spreadsheet does not turn it into a date).",
    "On the rules and budget sheets a value in square brackets is a list, e.g. "
    '["platform"] or [2021, 2022].',
    "Check the case with: clusterplan validate BOOK.xlsx; run it with: clusterplan run "
    "BOOK.xlsx --out DIR; turn it into a case folder with: clusterplan convert BOOK.xlsx DIR.",
)

INSTRUCTIONS: tuple[str, ...] = (
    "How to fill in this case",
    *GENERAL_INSTRUCTIONS,
    *WORKBOOK_INSTRUCTIONS,
    *(f"{sheet}: {SHEET_PURPOSE[sheet]}" for sheet in SHEET_ORDER if sheet in SHEET_PURPOSE),
)
