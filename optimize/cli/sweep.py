"""``clusterplan sweep``: how robust funding is to budget, weights, scenarios and types."""

from __future__ import annotations

import os
import socket
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress

from optimize.cli.common import (
    CaseArg,
    ForceOption,
    OutHelp,
    case_path,
    console,
    errors,
    status_word,
)
from optimize.cli.lang import LangOption, checked_lang, current_lang, help_text, tell
from optimize.cli.option_checks import check_count, check_finite, check_power_of_two
from optimize.cli.uncertainty_options import UnknownOption, ValuesOption, check_unknown
from optimize.errors import Message, msg
from optimize.messages import say

if TYPE_CHECKING:
    import pandas as pd

    from optimize.case import Case
    from optimize.report import SweepKind
    from optimize.sweeps.engine import SweepResult

sweep_app = typer.Typer(no_args_is_help=True, help=help_text("sweep"))

OutOption = Annotated[Path, typer.Option("--out", "-o", help=OutHelp)]
#: Environment variable that raises the limit on --jobs.
JOBS_LIMIT_VARIABLE = "CLUSTERPLAN_MAX_JOBS"

#: How long to wait for a Dask scheduler's port to accept a connection [s].
SCHEDULER_PROBE_TIMEOUT = 3.0


def jobs_limit() -> int:
    """Most local worker processes allowed: 4 per CPU, or the environment's own limit."""
    from optimize.errors import InputError

    text = os.environ.get(JOBS_LIMIT_VARIABLE, "")
    if not text:
        return 4 * (os.cpu_count() or 1)
    if not text.isdigit() or int(text) < 1:
        raise InputError(JOBS_LIMIT_VARIABLE, msg("errors.option.jobs_variable", value=text))
    return int(text)


def check_jobs(jobs: int) -> int:
    """Refuse more worker processes than :func:`jobs_limit` (each holds a model in memory)."""
    from optimize.errors import InputError

    limit = jobs_limit()
    if jobs > limit:
        raise InputError(
            "--jobs",
            msg("errors.option.jobs", jobs=jobs, limit=limit, variable=JOBS_LIMIT_VARIABLE),
        )
    return jobs


def check_scheduler(address: str | None) -> str | None:
    """Refuse a Dask scheduler address whose port does not accept a connection.

    Waits :data:`SCHEDULER_PROBE_TIMEOUT`; Dask itself would wait 30 s, then fail.
    """
    from optimize.errors import InputError

    if address is None:
        return None
    scheme, _, rest = address.rpartition("://")
    if scheme not in ("", "tcp", "tls"):
        return address  # other transports (inproc, ucx) are left to Dask
    host, _, port = rest.rpartition(":")
    if not host or not port.isdigit():
        raise InputError("--scheduler", msg("errors.option.scheduler_form", address=address))
    try:
        socket.create_connection((host.strip("[]"), int(port)), SCHEDULER_PROBE_TIMEOUT).close()
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise InputError(
            "--scheduler", msg("errors.option.scheduler_silent", address=address, reason=reason)
        ) from None
    return address


JobsOption = Annotated[
    int, typer.Option("--jobs", min=1, callback=check_jobs, help=help_text("jobs"))
]
SchedulerOption = Annotated[
    str | None,
    typer.Option("--scheduler", callback=check_scheduler, help=help_text("scheduler")),
]

SweepSeedOption = Annotated[int, typer.Option("--seed", help=help_text("sweep_seed"))]


@contextmanager
def progress(total: int, what: str) -> Iterator[Callable[[int], None]]:
    """A rich progress bar advanced by the number of points each finished chunk holds."""
    with Progress(console=errors, transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda done: bar.advance(task, done)


def write(out: Path, force: bool, result: SweepResult, kind: SweepKind) -> None:
    """Write the sweep's tables (CSV), charts (PNG) and a JSON summary into `out`."""
    from optimize.cli.output import write_folder
    from optimize.report import sweep_files

    files = sweep_files(result, kind)
    write_folder(out, files, force=force)
    state = "" if result.complete else tell("sweep.interrupted")
    console.print(tell("sweep.written", points=len(result.points), state=state, out=out))


def _run_sweep(
    case: Path | None,
    out: Path,
    force: bool,
    what: str,
    points: Callable[[Case], int],
    sweep: Callable[..., SweepResult],
    kind: SweepKind,
    inputs: tuple[Path, ...] = (),
) -> SweepResult:
    """Run one sampling sweep from the command line and write its files into `out`.

    Parameters
    ----------
    case : pathlib.Path, optional
        Case folder or workbook (default: the shipped case).
    out : pathlib.Path
        Output folder, refused before any work if it overlaps an input, or exists and `force`
        is false.
    force : bool
        Replace an existing `out`.
    what : str
        Label of the progress bar.
    points : callable
        Number of points the sweep of a case solves (the length of the progress bar).
    sweep : callable
        ``sweep(case, on_chunk=advance)`` runs the sweep, calling ``advance(n)`` as chunks of
        ``n`` points finish.
    kind : SweepKind
        Which sweep, for its files.
    inputs : tuple of pathlib.Path
        Files the sweep reads besides the case (e.g. ``--values``); `out` may not overlap them.

    Returns
    -------
    SweepResult
        What the sweep found, for the command's closing line.
    """
    from optimize.casefiles.load import case_inputs, load_case
    from optimize.cli.output import check_target

    path = case_path(case)
    check_target(out, force, (*case_inputs(path), *inputs))
    loaded = load_case(path)
    with progress(points(loaded), what) as advance:
        result = sweep(loaded, on_chunk=advance)
    write(out, force, result, kind)
    return result


def _check_sampling(
    samples: int, seed: int, concentration: float, jobs: int, what: Message
) -> None:
    """Refuse bad ``--samples``, ``--seed``, ``--concentration`` or ``--jobs`` values."""
    check_count("--samples", samples, "samples", what)
    check_finite("--seed", seed, 0.0)
    check_finite("--concentration", concentration, positive=True)
    check_count("--jobs", jobs, "jobs", msg("errors.noun.workers"))


def _print_classes(result: SweepResult) -> None:
    """How many projects fall in each core-index class."""
    counts = result.extra["core_index"]["class"].value_counts()
    lang = current_lang()
    parts = (
        tell("sweep.class_count", name=say(f"report_names.project_class.{name}", lang), count=n)
        for name, n in counts.items()
    )
    console.print(tell("sweep.core_index", counts=tell("list_separator").join(parts)))


def scenario_table(points: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """`columns` of a scenario sweep's points, headed and worded in the command's language.

    The base case's row and the solver statuses are words; scenario names and descriptions
    are the case's own.
    """
    table = points[columns].copy()
    table["point"] = table["point"].replace({"base": tell("sweep.base")})
    table["status"] = table["status"].map(status_word)
    return table.rename(columns={column: tell(f"column.{column}") for column in columns})


@sweep_app.command("budget", help=help_text("cmd.budget"))
def budget_sweep(
    case: CaseArg = None,
    start: Annotated[float, typer.Option("--from", min=0.0, help=help_text("from"))] = 20.0,
    stop: Annotated[float, typer.Option("--to", min=0.0, help=help_text("to"))] = 100.0,
    steps: Annotated[int, typer.Option("--steps", min=1, help=help_text("steps"))] = 41,
    out: OutOption = Path("sweep-budget"),
    force: ForceOption = False,
    jobs: JobsOption = 1,
    scheduler: SchedulerOption = None,
    lang: LangOption = None,
) -> None:
    """Benefit and allocation over a budget grid; where projects enter or leave."""
    import numpy as np

    from optimize.sweeps import budget_frontier

    checked_lang(lang)
    check_finite("--from", start, 0.0)
    check_finite("--to", stop, 0.0)
    check_count("--steps", steps, "steps", msg("errors.noun.grid_points"))
    check_count("--jobs", jobs, "jobs", msg("errors.noun.workers"))
    grid = [float(b) for b in np.linspace(start, stop, steps)]
    result = _run_sweep(
        case,
        out,
        force,
        tell("sweep.progress.budget"),
        points=lambda _: len(grid),
        sweep=partial(budget_frontier, budgets=grid, n_jobs=jobs, scheduler=scheduler),
        kind="budget",
    )
    dips = result.points[result.points["dip"]]
    if len(dips):
        console.print(tell("sweep.dips", count=len(dips)))


@sweep_app.command("robustness", help=help_text("cmd.robustness"))
def robustness_sweep(
    case: CaseArg = None,
    samples: Annotated[
        int, typer.Option("--samples", min=1, help=help_text("weight_samples"))
    ] = 200,
    seed: SweepSeedOption = 0,
    concentration: Annotated[
        float, typer.Option(min=0.0, help=help_text("concentration_short"))
    ] = 100.0,
    out: OutOption = Path("sweep-robustness"),
    force: ForceOption = False,
    jobs: JobsOption = 1,
    scheduler: SchedulerOption = None,
    lang: LangOption = None,
) -> None:
    """How often each project is funded when the level-1 weights are uncertain."""
    from optimize.sweeps import weight_robustness

    checked_lang(lang)
    _check_sampling(samples, seed, concentration, jobs, msg("errors.noun.weight_samples"))
    result = _run_sweep(
        case,
        out,
        force,
        tell("sweep.progress.robustness"),
        points=lambda _: samples,
        sweep=partial(
            weight_robustness,
            samples=samples,
            seed=seed,
            concentration=concentration,
            n_jobs=jobs,
            scheduler=scheduler,
        ),
        kind="robustness",
    )
    _print_classes(result)


@sweep_app.command("joint", help=help_text("cmd.joint"))
def joint_sweep(
    case: CaseArg = None,
    samples: Annotated[
        int, typer.Option("--samples", min=1, help=help_text("joint_samples"))
    ] = 200,
    seed: SweepSeedOption = 0,
    concentration: Annotated[
        float, typer.Option(min=0.0, help=help_text("concentration_leaf"))
    ] = 100.0,
    core_share: Annotated[float, typer.Option("--core-share", help=help_text("core_share"))] = 0.8,
    values: ValuesOption = None,
    unknown: UnknownOption = None,
    out: OutOption = Path("sweep-joint"),
    force: ForceOption = False,
    jobs: JobsOption = 1,
    scheduler: SchedulerOption = None,
    lang: LangOption = None,
) -> None:
    """How often each project is funded when scores and leaf weights are both uncertain."""
    from optimize.appraisal import read_values, unknown_ranges
    from optimize.sweeps import joint_robustness

    checked_lang(lang)
    _check_sampling(samples, seed, concentration, jobs, msg("errors.noun.joint_samples"))
    check_finite("--core-share", core_share, 0.0, 1.0, positive=True)
    policy = check_unknown(unknown)

    def sweep(loaded: Case, on_chunk: Callable[[int], None]) -> SweepResult:
        matrix = None if values is None else read_values(values, loaded)
        chosen, ranges = unknown_ranges(loaded, policy)
        return joint_robustness(
            loaded,
            samples,
            seed,
            values=matrix,
            concentration=concentration,
            unknown=chosen,
            ranges=ranges,
            core_share=core_share,
            n_jobs=jobs,
            scheduler=scheduler,
            on_chunk=on_chunk,
        )

    result = _run_sweep(
        case,
        out,
        force,
        tell("sweep.progress.joint"),
        points=lambda _: samples,
        sweep=sweep,
        kind="joint",
        inputs=() if values is None else (values,),
    )
    _print_classes(result)


@sweep_app.command("sobol", help=help_text("cmd.sobol"))
def sobol_sweep(
    case: CaseArg = None,
    samples: Annotated[int, typer.Option("--samples", min=2, help=help_text("base_samples"))] = 64,
    seed: SweepSeedOption = 0,
    out: OutOption = Path("sweep-sobol"),
    force: ForceOption = False,
    jobs: JobsOption = 1,
    scheduler: SchedulerOption = None,
    lang: LangOption = None,
) -> None:
    """Sobol indices of each cluster's funding on the level-1 weights and the budget."""
    checked_lang(lang)
    check_count("--samples", samples, "sobol_samples", msg("errors.noun.base_samples"))
    check_power_of_two("--samples", samples)
    check_finite("--seed", seed, 0.0)
    check_count("--jobs", jobs, "jobs", msg("errors.noun.workers"))
    with warnings.catch_warnings(record=True) as caught:
        # SALib warns in English, once per index and cluster: said once, in the command's
        # language, with SALib's own words as its original text.
        warnings.filterwarnings("always", category=UserWarning, module=r"SALib\.")
        _sobol(case, samples, seed, out, force, jobs, scheduler)
    for text in dict.fromkeys(str(w.message) for w in caught if w.category is UserWarning):
        errors.print(tell("note", line=tell("sweep.salib", text=text)), markup=False)


def _sobol(
    case: Path | None,
    samples: int,
    seed: int,
    out: Path,
    force: bool,
    jobs: int,
    scheduler: str | None,
) -> None:
    """Run the Sobol design of :func:`sobol_sweep` and write its files."""
    from optimize.sweeps import weight_sobol

    _run_sweep(
        case,
        out,
        force,
        tell("sweep.progress.sobol"),
        # Saltelli's design with second-order terms: N (2 D + 2) points, D = level-1 weights
        # plus the budget.
        points=lambda loaded: samples * (2 * (len(loaded.criteria.children()) + 1) + 2),
        sweep=partial(weight_sobol, samples=samples, seed=seed, n_jobs=jobs, scheduler=scheduler),
        kind="sobol",
    )


@sweep_app.command("scenarios", help=help_text("cmd.scenarios"))
def scenarios_sweep(
    case: CaseArg = None,
    out: OutOption = Path("sweep-scenarios"),
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """The case's named scenarios (scenarios.toml) side by side with the base case."""
    from optimize.case.scenario import SCENARIO_FILE
    from optimize.casefiles.folder_read import load_scenarios
    from optimize.casefiles.load import case_inputs, load_case
    from optimize.cli.output import check_target
    from optimize.errors import InputError
    from optimize.sweeps.scenarios import compare_scenarios

    checked_lang(lang)
    path = case_path(case)
    check_target(out, force, case_inputs(path))
    loaded = load_case(path)
    scenarios = load_scenarios(path if path.is_dir() else path.parent, loaded)
    if not scenarios:
        raise InputError(SCENARIO_FILE, msg("errors.option.no_scenarios"))
    result = compare_scenarios(loaded, scenarios)
    write(out, force, result, "scenarios")
    console.print(scenario_table(result.points, list(result.points.columns)).to_string(index=False))


@sweep_app.command("retype", help=help_text("cmd.retype"))
def retype_sweep(
    case: CaseArg = None,
    out: OutOption = Path("sweep-retype"),
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Re-type each cluster with an alt_type (clusters table) in turn: which funding changes."""
    from optimize.casefiles.load import case_inputs, load_case
    from optimize.cli.output import check_target
    from optimize.errors import InputError
    from optimize.sweeps.scenarios import retype_clusters

    checked_lang(lang)
    path = case_path(case)
    check_target(out, force, case_inputs(path))
    loaded = load_case(path)
    result = retype_clusters(loaded)
    if len(result.points) < 2:
        raise InputError("clusters", msg("errors.option.no_alt_type"), field="alt_type")
    write(out, force, result, "scenarios")
    changes = result.extra["changes"]
    points = result.points["point"]
    table = scenario_table(result.points, ["point", "status", "objective"])
    for label, picked in (
        (tell("column.funded_here"), changes["base"] <= 0.0),
        (tell("column.funded_in_base"), changes["amount"] <= 0.0),
    ):
        listed = changes[picked].groupby("scenario")["project"].apply(lambda p: " ".join(p))
        table[label] = [listed.get(point, "") for point in points]
    resized = changes[(changes["base"] > 0.0) & (changes["amount"] > 0.0)]
    counts = resized.groupby("scenario").size()
    table[tell("column.amount_moved")] = [int(counts.get(point, 0)) for point in points]
    console.print(table.to_string(index=False), markup=False)
