"""``clusterplan sweep``: budget frontier, weight robustness, Sobol indices, scenarios."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress

from optimize.cli.common import CaseArg, case_path, console, errors
from optimize.cli.option_checks import check_count, check_finite, check_power_of_two

if TYPE_CHECKING:
    from optimize.sweeps.engine import SweepResult

sweep_app = typer.Typer(no_args_is_help=True, help="Sweeps: how robust is the funding decision?")

OutOption = Annotated[Path, typer.Option("--out", "-o", help="Output folder.")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing folder.")]
JobsOption = Annotated[int, typer.Option("--jobs", min=1, help="Local worker processes.")]
SchedulerOption = Annotated[
    str | None, typer.Option("--scheduler", help="Address of an existing Dask scheduler.")
]


@contextmanager
def progress(total: int, what: str) -> Iterator[Callable[[int], None]]:
    """A rich progress bar advanced by the number of points each finished chunk holds."""
    with Progress(console=errors, transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda done: bar.advance(task, done)


def write(out: Path, force: bool, result: SweepResult, charts: dict[str, bytes]) -> None:
    """Write the sweep's tables (CSV), charts (PNG) and a JSON summary into `out`."""
    from optimize.cli.output import write_folder

    files: dict[str, str | bytes] = {
        "points.csv": result.points.to_csv(index=False),
        "funding.csv": result.funding.to_csv(index=False),
    }
    files |= {f"{name}.csv": table.to_csv() for name, table in result.extra.items()}
    files |= {f"{name}.png": image for name, image in charts.items()}
    files["sweep.json"] = (
        json.dumps(
            {"seed": result.seed, "complete": result.complete, "points": len(result.points)},
            indent=2,
        )
        + "\n"
    )
    write_folder(out, files, force=force)
    state = "" if result.complete else " (interrupted: finished points only)"
    console.print(f"{len(result.points)} points{state}; files in {out}")


@sweep_app.command("budget")
def budget_sweep(
    case: CaseArg = None,
    start: Annotated[float, typer.Option("--from", min=0.0, help="First budget [1e8 CNY].")] = 20.0,
    stop: Annotated[float, typer.Option("--to", min=0.0, help="Last budget [1e8 CNY].")] = 100.0,
    steps: Annotated[int, typer.Option("--steps", min=1, help="Grid points.")] = 41,
    out: OutOption = Path("sweep-budget"),
    force: ForceOption = False,
    jobs: JobsOption = 1,
    scheduler: SchedulerOption = None,
) -> None:
    """Benefit and allocation over a budget grid; where projects enter or leave."""
    import numpy as np

    from optimize.casefiles.load import load_case
    from optimize.cli.output import check_target
    from optimize.report.charts import frontier_chart
    from optimize.sweeps.budget import budget_frontier

    check_finite("--from", start, 0.0)
    check_finite("--to", stop, 0.0)
    check_count("--steps", steps, "steps", "grid points")
    check_count("--jobs", jobs, "jobs", "worker processes")
    check_target(out, force)
    loaded = load_case(case_path(case))
    grid = [float(b) for b in np.linspace(start, stop, steps)]
    with progress(len(grid), "budget frontier") as advance:
        result = budget_frontier(loaded, grid, n_jobs=jobs, scheduler=scheduler, on_chunk=advance)
    write(out, force, result, {"frontier": frontier_chart(result.points)})
    dips = result.points[result.points["dip"]]
    if len(dips):
        console.print(
            f"benefit dips at {len(dips)} budgets: share-based floors tighten as the "
            "budget grows (see points.csv, column dip)"
        )


@sweep_app.command("robustness")
def robustness_sweep(
    case: CaseArg = None,
    samples: Annotated[int, typer.Option("--samples", min=1, help="Weight samples.")] = 200,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (recorded).")] = 0,
    concentration: Annotated[
        float, typer.Option(min=0.0, help="Dirichlet concentration (larger = tighter).")
    ] = 100.0,
    out: OutOption = Path("sweep-robustness"),
    force: ForceOption = False,
    jobs: JobsOption = 1,
    scheduler: SchedulerOption = None,
) -> None:
    """How often each project is funded when the level-1 weights are uncertain."""
    from optimize.casefiles.load import load_case
    from optimize.cli.output import check_target
    from optimize.report.charts import core_index_chart
    from optimize.sweeps.weights import robustness

    check_count("--samples", samples, "samples", "weight samples")
    check_finite("--seed", seed, 0.0)
    check_finite("--concentration", concentration, positive=True)
    check_count("--jobs", jobs, "jobs", "worker processes")
    check_target(out, force)
    loaded = load_case(case_path(case))
    with progress(samples, "weight robustness") as advance:
        result = robustness(
            loaded, samples, seed, concentration, n_jobs=jobs, scheduler=scheduler, on_chunk=advance
        )
    write(out, force, result, {"core_index": core_index_chart(result.extra["core_index"])})
    counts = result.extra["core_index"]["class"].value_counts().to_dict()
    console.print(f"core index: {counts}")


@sweep_app.command("sobol")
def sobol_sweep(
    case: CaseArg = None,
    samples: Annotated[
        int, typer.Option("--samples", min=2, help="Base samples (power of 2).")
    ] = 64,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (recorded).")] = 0,
    out: OutOption = Path("sweep-sobol"),
    force: ForceOption = False,
    jobs: JobsOption = 1,
    scheduler: SchedulerOption = None,
) -> None:
    """Sobol indices of each cluster's funding on the level-1 weights and the budget."""
    from optimize.casefiles.load import load_case
    from optimize.cli.output import check_target
    from optimize.sweeps.weights import sobol

    check_count("--samples", samples, "sobol_samples", "base samples")
    check_power_of_two("--samples", samples)
    check_finite("--seed", seed, 0.0)
    check_count("--jobs", jobs, "jobs", "worker processes")
    check_target(out, force)
    loaded = load_case(case_path(case))
    total = samples * (2 * (len(loaded.criteria.children()) + 1) + 2)
    with progress(total, "Sobol design") as advance:
        result = sobol(loaded, samples, seed, n_jobs=jobs, scheduler=scheduler, on_chunk=advance)
    write(out, force, result, {})


@sweep_app.command("scenarios")
def scenarios_sweep(
    case: CaseArg = None,
    out: OutOption = Path("sweep-scenarios"),
    force: ForceOption = False,
) -> None:
    """The case's named scenarios (scenarios.toml) side by side with the base case."""
    from optimize.case.scenario import SCENARIO_FILE
    from optimize.casefiles.folder_read import load_scenarios
    from optimize.casefiles.load import load_case
    from optimize.cli.output import check_target
    from optimize.errors import InputError
    from optimize.report.charts import scenario_chart
    from optimize.sweeps.scenarios import compare_scenarios

    check_target(out, force)
    path = case_path(case)
    loaded = load_case(path)
    scenarios = load_scenarios(path if path.is_dir() else path.parent, loaded)
    if not scenarios:
        raise InputError(SCENARIO_FILE, "no scenarios found in the case folder")
    result = compare_scenarios(loaded, scenarios)
    write(out, force, result, {"scenarios": scenario_chart(result.extra["by_cluster"])})
    console.print(result.points.to_string(index=False))
