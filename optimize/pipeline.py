"""The whole planning run: load, appraise, allocate, summarise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from optimize.allocation import Allocation
from optimize.appraise import Appraisal, appraise
from optimize.case import Case
from optimize.load import load_case
from optimize.report_content import Extras
from optimize.robustness import assess
from optimize.solve import SolverOptions, solve
from optimize.summary import summarize


def run_case(
    path: Path, options: SolverOptions | None = None
) -> tuple[Case, Appraisal, Allocation, dict[str, Any]]:
    """Load the case at `path`, appraise it, check the ranking's robustness, allocate.

    Returns
    -------
    tuple
        The case, its appraisal, the allocation and the summary.
    """
    case, appraisal, allocation, summary, _ = run_case_with_extras(path, options)
    return case, appraisal, allocation, summary


def run_case_with_extras(
    path: Path, options: SolverOptions | None = None
) -> tuple[Case, Appraisal, Allocation, dict[str, Any], Extras]:
    """:func:`run_case`, plus the ranking's robustness as optional report sections."""
    case = load_case(path)
    appraisal = appraise(case)
    allocation = solve(case, appraisal, options)
    robustness = assess(case, appraisal.weights)
    extras = Extras(
        method_agreement=robustness.agreement,
        rank_acceptability=(
            None if robustness.acceptability is None else robustness.acceptability.acceptability
        ),
    )
    summary = summarize(case, appraisal, allocation, robustness)
    return case, appraisal, allocation, summary, extras
