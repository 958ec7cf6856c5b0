"""The two forms of a case on disk, folder and workbook, each read and written here.

The names below are loaded on first use, so that reading a case folder does not load the
workbook library (openpyxl).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from optimize import _load_lazily

if TYPE_CHECKING:
    from optimize.casefiles.folder_read import load_scenarios, read_case_folder
    from optimize.casefiles.folder_write import case_folder_files
    from optimize.casefiles.load import load_case
    from optimize.casefiles.template import blank_case
    from optimize.casefiles.workbook_read import load_workbook_case, read_workbook
    from optimize.casefiles.workbook_write import case_workbook

#: Public name -> the module that defines it.
_HOME = {
    "blank_case": "optimize.casefiles.template",
    "case_folder_files": "optimize.casefiles.folder_write",
    "case_workbook": "optimize.casefiles.workbook_write",
    "load_case": "optimize.casefiles.load",
    "load_scenarios": "optimize.casefiles.folder_read",
    "load_workbook_case": "optimize.casefiles.workbook_read",
    "read_case_folder": "optimize.casefiles.folder_read",
    "read_workbook": "optimize.casefiles.workbook_read",
}

__all__ = [
    "blank_case",
    "case_folder_files",
    "case_workbook",
    "load_case",
    "load_scenarios",
    "load_workbook_case",
    "read_case_folder",
    "read_workbook",
]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first access (PEP 562)."""
    return _load_lazily(globals(), _HOME, name)
