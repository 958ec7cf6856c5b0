"""What every ``clusterplan`` command shares: consoles, exit codes, the case argument."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

# Names from case files are data: no rich markup ("[/bold]") or emoji codes (":x:") in them.
console = Console(markup=False, emoji=False)
errors = Console(stderr=True, markup=False, emoji=False)

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1
EXIT_INFEASIBLE = 3
STATE = {"debug": False}

CaseArg = Annotated[
    Path | None,
    typer.Argument(
        help="Case folder (with case.toml) or .xlsx workbook. Default: the shipped case miit2021."
    ),
]


def case_path(case: Path | None) -> Path:
    """The given case path, or the shipped default case."""
    from optimize.case.shipped import shipped_case

    return case if case is not None else shipped_case()
