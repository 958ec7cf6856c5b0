"""Evaluate many scenario points: one compiled model per worker, re-solved per point.

Points are split into chunks; each chunk is solved by one worker that builds and compiles the
model once and then only changes the budget's row bounds or the benefit coefficients between
points. Workers are processes (joblib's loky backend; Pyomo and HiGHS are not thread-safe and
a fork after a solve can deadlock), or the workers of an existing Dask cluster.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from optimize.case.case import Case
from optimize.model.compiled import CompiledModel, SolverOptions

#: Points per chunk beyond one chunk per worker (progress granularity vs model builds).
POINTS_PER_CHUNK = 50

#: How long to wait for a Dask scheduler to answer [s] (Dask's default is 30).
SCHEDULER_TIMEOUT = 10

#: Sweeps stop at HiGHS's default 1e-4 relative MIP gap: answers within it are ties. One
#: HiGHS thread per solve: the sweep's parallelism is its workers, and HiGHS's own thread
#: pool per worker oversubscribes the cores (shipped case, 2 cores, 200 joint samples:
#: serial 20 -> 28 samples/s, 2 processes 13 -> 26 samples/s).
SWEEP_OPTIONS = SolverOptions(mip_gap=1e-4, threads=1)


@dataclass(frozen=True)
class _Point:
    """One scenario to solve.

    Attributes
    ----------
    label : str
        Name of the point (scenario name, budget level, sample number).
    budget : float, optional
        Budget [1e8 CNY]; the case's when None.
    coefficient : numpy.ndarray, optional
        Benefit coefficient a_p per project [-] in the project table's order.
    """

    label: str
    budget: float | None = None
    coefficient: npt.NDArray[np.float64] | None = None


@dataclass(frozen=True)
class _Outcome:
    """What one point's solve gave: status, benefit, spending and funding per project."""

    label: str
    status: str
    objective: float
    budget: float
    spent: float
    amount: npt.NDArray[np.float64] = field(repr=False)


def _evaluate_chunk(
    case: Case, projects: pd.DataFrame, points: Sequence[_Point], options: SolverOptions
) -> list[_Outcome]:
    """Solve every point of a chunk on one model built and compiled once."""
    return _solve_points(CompiledModel(case, projects, options), case, projects, points)


def _solve_points(
    model: CompiledModel, case: Case, projects: pd.DataFrame, points: Sequence[_Point]
) -> list[_Outcome]:
    """Solve points one after another on a compiled model, changing only its parameters."""
    outcomes = []
    for point in points:
        model.set_budget(case.budget if point.budget is None else point.budget)
        if point.coefficient is not None:
            model.set_coefficients(pd.Series(point.coefficient, index=projects.index))
        status, objective, values = model.run()
        amount = model.amounts(values) if values is not None else np.zeros(len(projects))
        budget = case.budget if point.budget is None else point.budget
        outcomes.append(
            _Outcome(point.label, str(status), objective, budget, float(amount.sum()), amount)
        )
    return outcomes


def _chunked(points: Sequence[_Point], chunks: int) -> list[list[_Point]]:
    """Split points into at most `chunks` contiguous, nearly equal chunks."""
    bounds = np.linspace(0, len(points), max(1, min(chunks, len(points))) + 1).astype(int)
    return [list(points[a:b]) for a, b in itertools.pairwise(bounds) if b > a]


def _run_points(
    case: Case,
    projects: pd.DataFrame,
    points: Sequence[_Point],
    options: SolverOptions | None = None,
    n_jobs: int = 1,
    scheduler: str | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> tuple[list[_Outcome], bool]:
    """Solve all points serially, in local processes, or on a Dask cluster.

    Parameters
    ----------
    case, projects
        The case and its project table (coefficients of the base appraisal).
    points : sequence of Point
        What to solve.
    options : SolverOptions, optional
        HiGHS options.
    n_jobs : int
        Local worker processes (1 = in this process).
    scheduler : str, optional
        Address of an existing Dask scheduler (``tcp://host:port``); overrides `n_jobs`.
    on_chunk : callable, optional
        Called with the number of points finished after each chunk (progress).

    Returns
    -------
    tuple
        Outcomes in the order of `points` (only finished ones if interrupted) and whether
        the run was complete (False after Ctrl-C).
    """
    options = options or SWEEP_OPTIONS
    workers = n_jobs if scheduler is None else 8
    # Each chunk builds and compiles the model once: keep chunks large enough (about 50
    # points or more) that the build is a small part of a worker's time.
    chunks = _chunked(points, max(workers, len(points) // POINTS_PER_CHUNK))
    finished: dict[int, list[_Outcome]] = {}
    complete = True
    try:
        with closing(_results(case, projects, chunks, options, n_jobs, scheduler)) as done:
            for index, outcomes in done:
                finished[index] = outcomes
                if on_chunk is not None:
                    on_chunk(len(outcomes))
    except KeyboardInterrupt:
        complete = False
    ordered = [o for i in sorted(finished) for o in finished[i]]
    return ordered, complete and len(ordered) == len(points)


def _results(
    case: Case,
    projects: pd.DataFrame,
    chunks: list[list[_Point]],
    options: SolverOptions,
    n_jobs: int,
    scheduler: str | None,
) -> Generator[tuple[int, list[_Outcome]]]:
    """Yield (chunk index, outcomes) as chunks finish."""
    if scheduler is not None:
        yield from _dask_results(case, projects, chunks, options, scheduler)
    elif n_jobs == 1:
        model = CompiledModel(case, projects, options)
        for index, chunk in enumerate(chunks):
            yield index, _solve_points(model, case, projects, chunk)
    else:
        from joblib import Parallel, delayed

        parallel = Parallel(n_jobs=n_jobs, backend="loky", return_as="generator")
        tasks = (delayed(_evaluate_chunk)(case, projects, chunk, options) for chunk in chunks)
        outputs = parallel(tasks)
        try:
            yield from enumerate(outputs)
        finally:
            # Closed early (an interrupt, an error), joblib kills its workers now rather than
            # whenever the garbage collector gets to the generator.
            outputs.close()


def _dask_results(
    case: Case,
    projects: pd.DataFrame,
    chunks: list[list[_Point]],
    options: SolverOptions,
    scheduler: str,
) -> Iterator[tuple[int, list[_Outcome]]]:
    """Run the chunks on an existing Dask cluster."""
    from dask.distributed import Client, as_completed

    with Client(scheduler, timeout=SCHEDULER_TIMEOUT) as client:
        shared_case, shared_projects = client.scatter([case, projects], broadcast=True)
        futures = [
            client.submit(_evaluate_chunk, shared_case, shared_projects, chunk, options, pure=False)
            for chunk in chunks
        ]
        position = {future.key: k for k, future in enumerate(futures)}
        for future in as_completed(futures):
            yield position[future.key], future.result()


def _tidy(
    outcomes: list[_Outcome], projects: pd.DataFrame, tolerance: float = 1e-7
) -> pd.DataFrame:
    """One row per point x project: amount [1e8 CNY] and funded flag."""
    if not outcomes:
        return pd.DataFrame(columns=["point", "project", "cluster", "amount", "funded"])
    amounts = np.vstack([o.amount for o in outcomes])
    frame = pd.DataFrame(amounts, index=[o.label for o in outcomes], columns=projects.index)
    long = frame.stack().reset_index()
    long.columns = pd.Index(["point", "project", "amount"])
    long["cluster"] = projects["cluster"].loc[long["project"]].to_numpy()
    long["funded"] = long["amount"] > tolerance
    return long[["point", "project", "cluster", "amount", "funded"]]


def _funding_summary(outcomes: list[_Outcome]) -> pd.DataFrame:
    """One row per point: status, benefit, budget and spending."""
    return pd.DataFrame(
        [
            {
                "point": o.label,
                "status": o.status,
                "objective": o.objective,
                "budget": o.budget,
                "spent": o.spent,
            }
            for o in outcomes
        ]
    )


@dataclass(frozen=True)
class SweepResult:
    """Tidy results of a sweep.

    Attributes
    ----------
    points : pandas.DataFrame
        One row per point: status, objective [benefit units], budget and spent [1e8 CNY],
        plus the sweep's own columns.
    funding : pandas.DataFrame
        One row per point x project: amount [1e8 CNY] and funded flag.
    extra : mapping of str to pandas.DataFrame
        Sweep-specific tables (entries and exits, core index, Sobol indices, ...).
    seed : int or None
        Seed of the random sampling, if any.
    complete : bool
        False if the sweep was interrupted; the tables then hold the finished points.
    """

    points: pd.DataFrame
    funding: pd.DataFrame
    extra: dict[str, pd.DataFrame] = field(default_factory=dict)
    seed: int | None = None
    complete: bool = True
