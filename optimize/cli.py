"""The ``clusterplan`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from mcda.errors import MCDAError
from optimize import cli_rank  # noqa: F401  (its import registers the rank command)
from optimize.cli_allocate import allocate
from optimize.cli_common import (
    EXIT_BAD_INPUT,
    EXIT_INFEASIBLE,
    EXIT_INTERNAL,
    STATE,
    CaseArg,
    app,
    case_path,
    console,
    errors,
)
from optimize.cli_convert import convert, new
from optimize.cli_sweep import sweep_app
from optimize.cli_weights import weights
from optimize.errors import InfeasibleError, InputError


@app.callback()
def configure(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """Appraise cluster S&T support systems and allocate a budget across them."""
    STATE["debug"] = debug


@app.command()
def validate(case: CaseArg = None) -> None:
    """Check a case's files; print what was loaded or one line naming the bad input."""
    from optimize.load import load_case

    loaded = load_case(case_path(case))
    console.print(
        f"[green]ok[/green] {loaded.name}: {len(loaded.clusters)} clusters, "
        f"{len(loaded.criteria.leaves)} leaf criteria, {len(loaded.projects)} projects, "
        f"budget {loaded.budget:g}; illustrative scores {loaded.scores.illustrative_share:.0%}"
    )


@app.command()
def run(
    case: CaseArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing folder.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    lang: Annotated[str, typer.Option("--lang", help="Report language: en or zh.")] = "en",
    marginals: Annotated[
        bool, typer.Option("--marginals", help="Also compute marginal values (slower).")
    ] = False,
) -> None:
    """Appraise, rank and allocate; write tables, summary, reports (md, html) and results.xlsx."""
    from optimize.labels import LANGS
    from optimize.marginal import marginal_values
    from optimize.output import check_target, write_folder
    from optimize.pipeline import run_case_with_extras
    from optimize.report_tables import consistency_warnings
    from optimize.run_files import run_files

    if lang not in LANGS:
        raise InputError("--lang", f"unknown language {lang!r} (use {' or '.join(LANGS)})")
    check_target(out, force)
    loaded, appraisal, allocation, summary, extras = run_case_with_extras(case_path(case))
    values = marginal_values(loaded, appraisal, allocation) if marginals else None
    files = run_files(loaded, appraisal, allocation, summary, values, extras, lang=lang)
    write_folder(out, files, force=force)
    for line in consistency_warnings(appraisal):
        errors.print(f"warning: {line}", markup=False, highlight=False, soft_wrap=True)
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    else:
        print_summary(summary, out)


def print_summary(summary: dict[str, Any], out: Path) -> None:
    """A compact table of the run on the terminal."""
    console.print(f"[bold yellow]{summary['notice']}[/bold yellow]")
    ranking = Table(title="Support-system ranking (TOPSIS closeness), top clusters")
    for column in ("rank", "cluster", "closeness"):
        ranking.add_column(column)
    for row in summary["ranking"][:5]:
        ranking.add_row(str(row["rank"]), row["name_en"], f"{row['score']:.3f}")
    console.print(ranking)
    allocation = summary["allocation"]
    table = Table(title=f"Allocation (亿元), status {allocation['status']}")
    grid = allocation["by_type_instrument"]
    columns = list(next(iter(grid.values())))
    table.add_column("type")
    for column in columns:
        table.add_column(column, justify="right")
    for kind, row in grid.items():
        table.add_row(kind, *(f"{row[c]:.2f}" for c in columns))
    console.print(table)
    console.print(
        f"spent {allocation['spent']:.2f} of {allocation['budget']:g} on "
        f"{allocation['funded_projects']} projects in {allocation['funded_clusters']} clusters; "
        f"files in {out}"
    )


def main() -> None:
    """Entry point: run the CLI, turning bad input into one line and exit code 2."""
    try:
        app()
    except (InputError, MCDAError) as exc:
        if STATE["debug"]:
            raise
        errors.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(EXIT_BAD_INPUT)
    except InfeasibleError as exc:
        errors.print(str(exc), markup=False, highlight=False, soft_wrap=True)
        sys.exit(EXIT_INFEASIBLE)
    except Exception as exc:  # last resort: one line, not a traceback
        if STATE["debug"]:
            raise
        errors.print(
            f"internal error: {exc!r} (rerun with --debug for a traceback)",
            markup=False,
            soft_wrap=True,
        )
        sys.exit(EXIT_INTERNAL)


app.command()(allocate)
app.command()(weights)
app.add_typer(sweep_app, name="sweep")
app.command()(convert)
app.command()(new)
