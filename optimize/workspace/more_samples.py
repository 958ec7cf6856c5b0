"""SMAA-2 of the ranking with more samples, as background work.

The live ranking view draws the library's default number of samples (a few tens of
milliseconds); a planner may ask for more. SMAA-2 runs as one computation without steps, so
its progress shows only started and done, and cancelling stops the page waiting: the
computation finishes on its own and its result is dropped.
"""

from __future__ import annotations

import dataclasses

from optimize.appraisal import Uncertainty, assess_uncertainty
from optimize.case.limits import check_limit
from optimize.workspace.answer import Answer
from optimize.workspace.jobs import Job, Report
from optimize.workspace.settings import Settings


def smaa_job(current: Answer, samples: int) -> Job:
    """Start SMAA-2 of `current`'s case and appraisal with `samples` joint samples.

    The job's result is ``(settings, uncertainty)``: the settings it answers, so that a
    result arriving after a judgment change is not shown for the new judgments.

    Raises
    ------
    InputError
        When `samples` exceeds the ``samples`` limit.
    """
    check_limit("samples", samples, "SMAA-2 samples", "samples")
    settings = dataclasses.replace(current.uncertainty.settings, samples=samples)

    def work(report: Report) -> tuple[Settings, Uncertainty]:
        report(0, 1)
        result = assess_uncertainty(current.case, current.appraisal, None, settings)
        report(1, 1)
        return current.settings, result

    return Job("smaa", work)
