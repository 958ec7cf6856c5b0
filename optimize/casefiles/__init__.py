"""The two forms of a case on disk, folder and workbook, each read and written here."""

from optimize.casefiles.folder_read import (
    load_scenarios,
    read_case_folder,
    read_table,
    table_paths,
)
from optimize.casefiles.folder_write import case_folder_files
from optimize.casefiles.load import load_case
from optimize.casefiles.template import blank_case, template_readme
from optimize.casefiles.workbook_layout import (
    GENERAL_INSTRUCTIONS,
    INSTRUCTIONS,
    REQUIRED_SHEETS,
    SHEET_ORDER,
    SHEET_PURPOSE,
    WORKBOOK_INSTRUCTIONS,
)
from optimize.casefiles.workbook_read import load_workbook_case, read_workbook
from optimize.casefiles.workbook_write import case_workbook

__all__ = [
    "GENERAL_INSTRUCTIONS",
    "INSTRUCTIONS",
    "REQUIRED_SHEETS",
    "SHEET_ORDER",
    "SHEET_PURPOSE",
    "WORKBOOK_INSTRUCTIONS",
    "blank_case",
    "case_folder_files",
    "case_workbook",
    "load_case",
    "load_scenarios",
    "load_workbook_case",
    "read_case_folder",
    "read_table",
    "read_workbook",
    "table_paths",
    "template_readme",
]
