"""What every ``clusterplan`` command shares: consoles, exit codes, the case argument."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from optimize.case.case import Case

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


def print_stock_checks(case: Case) -> None:
    """One line per candidate whose domain's national centre sits elsewhere (the stock).

    A refused candidate is not fundable under ``no_duplicated_construction``; an overridden
    one is, and its line carries the stated reason.
    """
    from optimize.case.stock import stock_conflicts

    for row in stock_conflicts(case).itertuples():
        verdict = "allowed by override" if row.override else "not fundable"
        console.print(
            f"{verdict} (no_duplicated_construction, stock): {row.reason}",
            soft_wrap=True,
            highlight=False,
        )
