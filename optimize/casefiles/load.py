"""Load a case (a folder of ``case.toml`` + CSV tables, or a workbook) into a validated Case."""

from __future__ import annotations

from pathlib import Path

from mcda import MCDAError
from optimize.case.assemble import assemble
from optimize.case.case import Case
from optimize.case.scenario import SCENARIO_FILE
from optimize.case.settings import CASE_FILE
from optimize.casefiles.file_limits import read_toml
from optimize.casefiles.folder_read import read_case_folder
from optimize.errors import InputError, mcda_input_error


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
        raise mcda_input_error(exc, CASE_FILE) from None


def case_inputs(path: str | Path) -> tuple[Path, ...]:
    """Every file and folder a case is read from, for keeping outputs away from them.

    Parameters
    ----------
    path : str or pathlib.Path
        As for :func:`load_case`.

    Returns
    -------
    tuple of pathlib.Path
        The workbook; or the case folder, its ``case.toml``, ``scenarios.toml`` and every
        table file named (as written, unresolved). Names that cannot be read are left out:
        :func:`load_case` refuses them.
    """
    location = Path(path)
    if location.suffix.lower() == ".xlsx":
        return (location,)
    folder = location.parent if location.suffix == ".toml" else location
    toml_path = location if location.suffix == ".toml" else location / CASE_FILE
    found = [folder, toml_path, folder / SCENARIO_FILE]
    try:  # is_file first: reading a FIFO would wait forever
        doc = read_toml(toml_path, CASE_FILE) if toml_path.is_file() else {}
    except (OSError, InputError):  # load_case names the fault
        doc = {}
    tables = doc.get("tables", {})
    # Tables lie inside the folder (read_case_folder refuses others); listed all the same so
    # that the inputs stay complete whatever that rule becomes.
    if isinstance(tables, dict):
        found += [folder / n for n in tables.values() if isinstance(n, str) and n and "\0" not in n]
    return tuple(found)
