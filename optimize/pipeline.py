"""The whole planning run: load, appraise, check the ranking, allocate; one value out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from mcda import ImpreciseMatrix
from optimize.appraisal import (
    Appraisal,
    Robustness,
    Uncertainty,
    UncertaintySettings,
    appraise,
    assess,
    assess_uncertainty,
    read_values,
    unknown_ranges,
    weight_samples,
)
from optimize.case import Case
from optimize.case.limits import check_limit
from optimize.casefiles import load_case
from optimize.model import Allocation, SolverOptions, SolveStatus, marginal_values, solve

if TYPE_CHECKING:
    from optimize.sweeps import PlannerAnswers, SweepResult


@dataclass(frozen=True)
class RunResult:
    """What one planning run found, from the validated case to the allocation.

    Attributes
    ----------
    case : Case
        The validated case.
    appraisal : Appraisal
        Weights, ranking and cluster priorities.
    allocation : Allocation
        The solved allocation [1e8 CNY].
    robustness : Robustness
        Rankings by every method, their agreement and the rank acceptability.
    marginals : pandas.DataFrame, optional
        Marginal values of the budget and of each binding rule, when asked for.
    uncertainty : Uncertainty, optional
        How sure the ranking is: cell statuses of the values, SMAA-2 indices and the tiers
        of clusters the data cannot separate.
    funding_robustness : optimize.sweeps.SweepResult, optional
        Joint robustness of the funding (core index per project), when asked for.
    questions : optimize.sweeps.PlannerAnswers, optional
        The planner's questions (entry order, losses under a cut, priority rules), when
        asked for.
    """

    case: Case
    appraisal: Appraisal
    allocation: Allocation
    robustness: Robustness
    marginals: pd.DataFrame | None = None
    uncertainty: Uncertainty | None = None
    funding_robustness: SweepResult | None = None
    questions: PlannerAnswers | None = None


def run_case(
    path: Path,
    options: SolverOptions | None = None,
    *,
    marginals: bool = False,
    values: Path | None = None,
    uncertainty: UncertaintySettings | None = None,
    robust_samples: int = 0,
    questions: bool = False,
) -> RunResult:
    """Load the case at `path`, appraise it, say how sure the ranking is, allocate.

    Parameters
    ----------
    path : pathlib.Path
        Case folder or workbook.
    options : SolverOptions, optional
        HiGHS options.
    marginals : bool
        Also compute marginal values (several re-solves) when the allocation has a solution
        and the time limit did not stop its solve.
    values : pathlib.Path, optional
        Long table of imprecise scores (default: the case's own values).
    uncertainty : UncertaintySettings, optional
        Samples, seed, weight model, unknown-cell policy and confidence of the SMAA-2 run
        (default settings when None).
    robust_samples : int
        Joint samples of the funding robustness (one re-solve each; 0 skips it). They use
        the SMAA-2 run's seed, weight model and unknown-cell policy.
    questions : bool
        Also answer the planner's questions (:func:`optimize.sweeps.planner_answers`, about
        20 re-solves) when the allocation has a solution.

    Raises
    ------
    InputError
        On a bad case, values file or sample count.
    """
    if robust_samples:
        check_limit("samples", robust_samples, "joint samples", "--robust-samples")
    case = load_case(path)
    settings = uncertainty or UncertaintySettings()
    matrix = None if values is None else read_values(values, case)
    appraisal = appraise(case)
    sure = assess_uncertainty(case, appraisal, matrix, settings)
    allocation = solve(case, appraisal, options)
    robustness = assess(case, appraisal.weights)
    # After a time-limit stop, marginal values (several unlimited re-solves) are skipped.
    solved = marginals and allocation.status.has_solution
    solved = solved and allocation.status is not SolveStatus.TIME_LIMIT
    margins = marginal_values(case, appraisal, allocation) if solved else None
    funding = (
        _funding_robustness(case, appraisal, matrix, settings, robust_samples)
        if robust_samples and allocation.status.has_solution
        else None
    )
    answers = None
    if questions and allocation.status.has_solution:
        from optimize.sweeps import planner_answers  # only runs that ask for it load the sweeps

        answers = planner_answers(case, options)
    return RunResult(case, appraisal, allocation, robustness, margins, sure, funding, answers)


def _funding_robustness(
    case: Case,
    appraisal: Appraisal,
    matrix: ImpreciseMatrix | None,
    settings: UncertaintySettings,
    samples: int,
) -> SweepResult:
    """Core index of each project over `samples` joint draws of values and weights."""
    from optimize.sweeps import joint_robustness  # only runs that ask for it load the sweeps

    _, weight_seed = np.random.SeedSequence(settings.seed).spawn(2)
    policy, ranges = unknown_ranges(case, settings.unknown)
    return joint_robustness(
        case,
        samples,
        settings.seed,
        values=matrix,
        weights=weight_samples(case, appraisal, settings, samples, weight_seed),
        unknown=policy,
        ranges=ranges,
    )
