"""The two forms of a case on disk, folder and workbook, each read and written here."""

from optimize.casefiles.folder_read import load_scenarios, read_case_folder
from optimize.casefiles.folder_write import case_folder_files
from optimize.casefiles.load import load_case
from optimize.casefiles.template import blank_case
from optimize.casefiles.workbook_read import load_workbook_case, read_workbook
from optimize.casefiles.workbook_write import case_workbook

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
