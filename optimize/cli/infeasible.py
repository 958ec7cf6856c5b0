"""An allocation without a solution, explained: the error every command exits 3 with."""

from __future__ import annotations

from optimize.appraisal.appraise import Appraisal
from optimize.case.case import Case
from optimize.cli.common import status_word
from optimize.cli.lang import current_lang, tell
from optimize.errors import InfeasibleError
from optimize.model.allocation import Allocation, SolveStatus
from optimize.model.compiled import SolverOptions
from optimize.model.explain import describe, explain_infeasibility


def infeasible_error(
    case: Case, appraisal: Appraisal, allocation: Allocation, options: SolverOptions | None = None
) -> InfeasibleError:
    """The error naming the smallest relaxation of the rules that would make `case` feasible.

    When the time limit stopped the solver before any plan was found, the error says so
    instead (the case may well be feasible) and suggests a larger time limit.

    Parameters
    ----------
    case, appraisal : Case, Appraisal
        The case and its appraisal.
    allocation : Allocation
        Its allocation, which has no solution.
    options : SolverOptions, optional
        HiGHS options for the diagnosis.
    """
    if allocation.status is SolveStatus.TIME_LIMIT_NO_SOLUTION:
        # Not a proof of infeasibility: the diagnosis (an unlimited solve) is not run.
        seconds = None if options is None else options.time_limit
        limit = "" if seconds is None else tell("infeasible.seconds", seconds=f"{seconds:g}")
        return InfeasibleError(
            tell("infeasible.time_limit", status=status_word(allocation.status), limit=limit)
        )
    lines = describe(explain_infeasibility(case, appraisal, options), case, current_lang())
    return InfeasibleError(
        tell("infeasible.rules", status=status_word(allocation.status))
        + "".join(f"\n  - {line}" for line in lines)
    )
