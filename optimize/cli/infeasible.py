"""An allocation without a solution, explained: the error every command exits 3 with."""

from __future__ import annotations

from optimize.appraisal.appraise import Appraisal
from optimize.case.case import Case
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
        limit = (
            "" if options is None or options.time_limit is None else f" ({options.time_limit:g} s)"
        )
        return InfeasibleError(
            f"{allocation.status}: the time limit{limit} stopped the solver before it found "
            "any feasible allocation; nothing to report. Rerun with a larger --time-limit."
        )
    lines = describe(explain_infeasibility(case, appraisal, options), case)
    return InfeasibleError(
        f"{allocation.status}: no allocation satisfies every rule. The smallest relaxation "
        "that would make it feasible:\n" + "\n".join(f"  - {line}" for line in lines)
    )
