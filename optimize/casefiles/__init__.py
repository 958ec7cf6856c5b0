"""The two forms of a case on disk, folder and workbook, each read and written here.

The names below are loaded on first use, so that reading a case folder does not load the
workbook library (openpyxl).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from optimize import _load_lazily

if TYPE_CHECKING:
    from optimize.casefiles.folder_read import (
        load_scenarios,
        read_case_folder,
        read_table,
        table_paths,
    )
    from optimize.casefiles.folder_write import case_folder_files, table_csv
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

#: Public name -> the module that defines it.
_HOME = {
    "GENERAL_INSTRUCTIONS": "optimize.casefiles.workbook_layout",
    "INSTRUCTIONS": "optimize.casefiles.workbook_layout",
    "REQUIRED_SHEETS": "optimize.casefiles.workbook_layout",
    "SHEET_ORDER": "optimize.casefiles.workbook_layout",
    "SHEET_PURPOSE": "optimize.casefiles.workbook_layout",
    "WORKBOOK_INSTRUCTIONS": "optimize.casefiles.workbook_layout",
    "read_table": "optimize.casefiles.folder_read",
    "table_paths": "optimize.casefiles.folder_read",
    "template_readme": "optimize.casefiles.template",
    "blank_case": "optimize.casefiles.template",
    "case_folder_files": "optimize.casefiles.folder_write",
    "table_csv": "optimize.casefiles.folder_write",
    "case_workbook": "optimize.casefiles.workbook_write",
    "load_case": "optimize.casefiles.load",
    "load_scenarios": "optimize.casefiles.folder_read",
    "load_workbook_case": "optimize.casefiles.workbook_read",
    "read_case_folder": "optimize.casefiles.folder_read",
    "read_workbook": "optimize.casefiles.workbook_read",
}

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
    "table_csv",
    "table_paths",
    "template_readme",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first access (PEP 562)."""
    return _load_lazily(globals(), _HOME, name)
