"""``clusterplan allocate``: solve the allocation of a case and explain the answer."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from optimize.cli.common import CaseArg, case_path, console


def allocate(
    case: CaseArg = None,
    budget: Annotated[
        float | None, typer.Option(help="Override the total budget [1e8 CNY].", min=0.0)
    ] = None,
    priority: Annotated[
        str | None, typer.Option(help="Cluster priority rule: merit, need or blend.")
    ] = None,
    time_limit: Annotated[
        float | None, typer.Option(help="HiGHS time limit in seconds.", min=0.0)
    ] = None,
    mip_gap: Annotated[float, typer.Option(help="Relative MIP gap [-].", min=0.0)] = 1e-6,
    threads: Annotated[int | None, typer.Option(help="HiGHS threads.", min=1)] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write CSV + JSON here.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing folder.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Allocate the budget; print binding rules and marginal values, or explain infeasibility."""
    from optimize.appraisal.appraise import appraise
    from optimize.case.case import PRIORITY_RULES
    from optimize.casefiles.load import load_case
    from optimize.cli.output import check_target, write_folder
    from optimize.errors import InfeasibleError, InputError
    from optimize.model.explain import describe, explain_infeasibility
    from optimize.model.marginal import marginal_values
    from optimize.model.solve import SolverOptions, solve
    from optimize.report.files import about_lines
    from optimize.report.results_workbook import results_workbook
    from optimize.report.summary import allocation_summary, optimality_note
    from optimize.report.tables import allocation_tables
    from optimize.spreadsheet import safe_csv

    if out is not None:
        check_target(out, force)
    if priority is not None and priority not in PRIORITY_RULES:
        raise InputError("--priority", f"unknown rule {priority!r} (use merit, need or blend)")
    loaded = load_case(case_path(case))
    if budget is not None:
        loaded = dataclasses.replace(loaded, budget=budget)
    appraisal = appraise(loaded, priority_rule=priority)  # type: ignore[arg-type]
    options = SolverOptions(time_limit=time_limit, mip_gap=mip_gap, threads=threads)
    allocation = solve(loaded, appraisal, options)
    if not allocation.status.has_solution:
        lines = describe(explain_infeasibility(loaded, appraisal, options))
        raise InfeasibleError(
            f"{allocation.status}: no allocation satisfies every rule. The smallest relaxation "
            "that would make it feasible:\n" + "\n".join(f"  - {line}" for line in lines)
        )
    marginals = marginal_values(loaded, appraisal, allocation)
    summary = allocation_summary(allocation, marginals)
    if out is not None:
        tables = allocation_tables(allocation, marginals)
        files: dict[str, str | bytes] = {f"{name}.csv": safe_csv(t) for name, t in tables.items()}
        facts = [f"Budget {allocation.budget:g}; priority rule {allocation.priority_rule}."]
        files["results.xlsx"] = results_workbook(tables, about_lines(loaded, facts))
        files["summary.json"] = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
        write_folder(out, files, force=force)
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        return
    grid = allocation.by_type_instrument()
    table = Table(
        title=f"Allocation (亿元), {allocation.status}, priority {allocation.priority_rule}"
    )
    table.add_column("type")
    for column in grid.columns:
        table.add_column(str(column), justify="right")
    for kind, row in grid.iterrows():
        table.add_row(str(kind), *(f"{v:.2f}" for v in row))
    console.print(table)
    values = Table(title="Binding rules: benefit gained per unit of relaxation")
    for column in ("rule", "key", "unit", "LP dual (integers fixed)", "finite diff.", "MILP +1"):
        values.add_column(column)
    measures = ["lp_dual_fixed_integer", "finite_difference", "milp_plus_one"]
    restricting = marginals[(marginals[measures].abs() > 1e-9).any(axis=1)]
    for r in restricting.itertuples():
        values.add_row(
            str(r.rule),
            str(r.key),
            str(r.unit),
            f"{r.lp_dual_fixed_integer:.4g}",
            f"{r.finite_difference:.4g}",
            f"{r.milp_plus_one:.4g}",
        )
    console.print(values)
    idle = len(marginals) - len(restricting)
    if idle:
        console.print(f"{idle} more rule rows are tight but relaxing them gains nothing.")
    console.print(
        f"spent {allocation.spent:.2f} of {allocation.budget:g}; "
        f"benefit {allocation.objective:.4f}; leverage {allocation.leverage:.2f}"
    )
    if note := optimality_note(summary):
        console.print(note)
