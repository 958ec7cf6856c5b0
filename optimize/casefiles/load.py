"""Load a case (a folder of ``case.toml`` + CSV tables, or a workbook) into a validated Case."""

from __future__ import annotations

from pathlib import Path

from mcda import MCDAError
from optimize.case.assemble import assemble
from optimize.case.case import Case
from optimize.case.settings import CASE_FILE
from optimize.casefiles.folder_read import read_case_folder
from optimize.errors import InputError


def load_case(path: str | Path) -> Case:
    """Read and validate a case from a folder or a workbook.

    Parameters
    ----------
    path : str or pathlib.Path
        A case folder holding ``case.toml``, the ``case.toml`` file itself, or an ``.xlsx``
        workbook (see :mod:`optimize.casefiles.workbook_read`).

    Returns
    -------
    Case
        The validated case.

    Raises
    ------
    InputError
        On any bad input, naming the file (or sheet and cell), row and field.
    """
    location = Path(path)
    if location.suffix.lower() == ".xlsx":
        from optimize.casefiles.workbook_read import load_workbook_case

        return load_workbook_case(location)
    raw = read_case_folder(location)
    folder = location.parent if location.suffix == ".toml" else location
    try:
        return assemble(raw, folder)
    except MCDAError as exc:
        raise InputError(CASE_FILE, str(exc)) from None
