"""What every ``clusterplan`` command shares: consoles, exit codes, the case argument."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from optimize.cli.lang import current_lang, help_text, tell
from optimize.messages import say

#: The label of a grid's total row and column (reserved: optimize.case.tables.RESERVED_IDS).
TOTAL = "total"

if TYPE_CHECKING:
    import pandas as pd

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
    typer.Argument(help=help_text("case"), show_default=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help=help_text("force"))]
JsonOption = Annotated[bool, typer.Option("--json", help=help_text("json"))]
OutHelp = help_text("out")


def cluster_names(clusters: pd.DataFrame) -> pd.Series:
    """Each cluster's name in the command's language (the case's Chinese name under zh)."""
    column = "name_zh" if current_lang() == "zh" and "name_zh" in clusters else "name_en"
    names: pd.Series = clusters[column]
    return names


def cells_line(counts: Iterable[tuple[str, int, int]], zeros: bool = False) -> str:
    """``cells: 20 point, 5 interval (3 illustrative)`` from (status, cells, illustrative).

    Statuses without cells are left out unless `zeros`.
    """
    parts = [
        tell("cells.part", count=cells, status=tell(f"cells.status.{status}"))
        + (tell("cells.illustrative", count=illustrative) if illustrative else "")
        for status, cells, illustrative in counts
        if cells or zeros
    ]
    return tell("cells.line", parts=tell("list_separator").join(parts))


def total_word(label: str) -> str:
    """A grid's ``total`` row or column label in the command's language; others as given."""
    return say("common.total", current_lang()) if label == TOTAL else label


def group_word(case: Case, label: str) -> str:
    """A cluster type or instrument id as a grid labels it, in the command's language.

    Chinese: the case's ``name_zh`` of the type or instrument (the id when it gives none);
    English keeps the id, the word the command-line options and case files use.
    """
    if current_lang() == "zh" and (name := case.display_name(label, "zh")):
        return name
    return total_word(label)


def type_instrument_table(case: Case, amounts: pd.DataFrame, title: str) -> Table:
    """The allocation by instrument (rows) and cluster type (columns) [1e8 CNY].

    `amounts` has one row per instrument (and ``total``) and one column per type (and
    ``total``): ``Allocation.by_type_instrument`` transposed. Instruments run down the rows
    because a programme has more of them than types: eleven columns of instruments did not
    fit a terminal's 80 characters.
    """
    table = Table(title=title)
    # Names are case data: Text, never markup; long names wrap rather than being cut.
    table.add_column(Text(tell("column.instrument")), overflow="fold")
    for kind in amounts.columns:
        table.add_column(Text(group_word(case, str(kind))), justify="right", overflow="fold")
    for instrument, row in amounts.iterrows():
        table.add_row(Text(group_word(case, str(instrument))), *(f"{v:.2f}" for v in row))
    return table


def priority_word(rule: str) -> str:
    """A cluster priority rule (``merit``, ``need``, ``blend``) in the command's language."""
    return say(f"report_names.priority.{rule}", current_lang())


def status_word(status: object) -> str:
    """A solver status (``optimal``, ``time_limit``, …) in the command's language."""
    return tell(f"status.{status}")


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
    from optimize.messages.stock import stock_reason

    for _, row in stock_conflicts(case).iterrows():
        verdict = "stock.overridden" if row["override"] else "stock.refused"
        reason = stock_reason(row, case.stock, current_lang())
        console.print(
            tell(verdict, reason=reason),
            soft_wrap=True,
            highlight=False,
        )
