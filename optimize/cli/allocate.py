"""``clusterplan allocate``: solve the allocation of a case and explain the answer."""

from __future__ import annotations

import dataclasses
import json
import math
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from optimize.cli.common import (
    CaseArg,
    ForceOption,
    JsonOption,
    case_path,
    console,
    errors,
    print_stock_checks,
    priority_word,
    status_word,
    type_instrument_table,
)
from optimize.cli.lang import LangOption, checked_lang, current_lang, help_text, tell
from optimize.cli.option_checks import check_count, check_finite
from optimize.errors import msg


def allocate(
    case: CaseArg = None,
    budget: Annotated[float | None, typer.Option(help=help_text("budget"), min=0.0)] = None,
    priority: Annotated[str | None, typer.Option(help=help_text("priority"))] = None,
    time_limit: Annotated[float | None, typer.Option(help=help_text("time_limit"), min=0.0)] = None,
    mip_gap: Annotated[float, typer.Option(help=help_text("mip_gap"), min=0.0)] = 1e-6,
    threads: Annotated[int | None, typer.Option(help=help_text("threads"), min=1)] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help=help_text("allocate_out"))] = None,
    force: ForceOption = False,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Allocate the budget; print binding rules and marginal values, or explain infeasibility."""
    import pandas as pd

    from optimize.appraisal.appraise import appraise
    from optimize.case import check_priority_rule
    from optimize.casefiles.load import case_inputs, load_case
    from optimize.cli.infeasible import infeasible_error
    from optimize.cli.output import check_target, write_folder
    from optimize.model.allocation import SolveStatus
    from optimize.model.explain import unit_word
    from optimize.model.marginal import MARGINAL_COLUMNS, marginal_values
    from optimize.model.solve import SolverOptions, solve
    from optimize.report import allocate_files, allocation_summary, optimality_note

    checked_lang(lang)
    check_finite("--budget", budget, 0.0)
    check_finite("--time-limit", time_limit, positive=True)
    check_finite("--mip-gap", mip_gap, 0.0)
    check_count("--threads", threads, "threads", msg("errors.noun.threads"))
    path = case_path(case)
    if out is not None:
        check_target(out, force, case_inputs(path))
    rule = None if priority is None else check_priority_rule(priority, "--priority")
    loaded = load_case(path)
    if budget is not None:
        loaded = dataclasses.replace(loaded, budget=budget)
    appraisal = appraise(loaded, priority_rule=rule)
    options = SolverOptions(time_limit=time_limit, mip_gap=mip_gap, threads=threads)
    allocation = solve(loaded, appraisal, options)
    if not allocation.status.has_solution:
        raise infeasible_error(loaded, appraisal, allocation, options)
    if allocation.status is SolveStatus.TIME_LIMIT:
        # Marginal values re-solve the model several times without a limit: skipped.
        marginals = pd.DataFrame(columns=MARGINAL_COLUMNS)
        errors.print(
            tell("allocate.marginals_skipped"),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    else:
        marginals = marginal_values(loaded, appraisal, allocation)
    summary = allocation_summary(allocation, marginals)
    if out is not None:
        write_folder(out, allocate_files(loaded, appraisal, allocation, marginals), force=force)
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        return
    title = tell(
        "allocate.title",
        status=status_word(allocation.status),
        rule=priority_word(allocation.priority_rule),
    )
    console.print(type_instrument_table(loaded, allocation.by_type_instrument().T, title))
    values = Table(title=tell("allocate.binding"))
    for column in ("rule", "key", "unit", "lp_dual", "finite_difference", "milp_plus_one"):
        values.add_column(tell(f"column.{column}"))
    measures = ["lp_dual_fixed_integer", "finite_difference", "milp_plus_one"]
    restricting = marginals[(marginals[measures].abs() > 1e-9).any(axis=1)]
    for r in restricting.itertuples():
        values.add_row(
            str(r.rule),
            str(r.key),
            unit_word(str(r.unit), current_lang()),
            *(measure_text(getattr(r, measure)) for measure in measures),
        )
    console.print(values)
    print_stock_checks(loaded)
    idle = len(marginals) - len(restricting)
    if idle:
        console.print(tell("allocate.idle", count=idle))
    leverage = allocation.leverage
    # Leverage divides by the central funding: with nothing spent it has no value.
    shown = f"{leverage:.2f}" if math.isfinite(leverage) else tell("allocate.no_leverage")
    console.print(
        tell(
            "allocate.spent",
            spent=f"{allocation.spent:.2f}",
            budget=f"{allocation.budget:g}",
            benefit=f"{allocation.objective:.4f}",
            leverage=shown,
        )
    )
    if note := optimality_note(summary, current_lang()):
        console.print(note)


def measure_text(value: float) -> str:
    """A marginal value with four significant digits; ``-`` where the measure has none.

    The LP dual of the budget's pseudo-row ``budget_total`` is not defined (NaN).
    """
    return f"{value:.4g}" if math.isfinite(value) else "-"
