"""The workspace's answer to its settings: appraisal, how sure, allocation, explanation.

:class:`Solver` keeps one compiled allocation model per set of rules switched off, so that a
budget, judgment or priority change only moves row bounds or column costs in HiGHS
(:class:`optimize.model.CompiledModel`); a rule toggle compiles the model once for that set.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from optimize.appraisal import Appraisal, Uncertainty, UncertaintySettings, appraise
from optimize.appraisal import assess_uncertainty as smaa_of
from optimize.case import Case
from optimize.model import (
    Allocation,
    CompiledModel,
    SolverOptions,
    explain_infeasibility,
    project_table,
)
from optimize.workspace.settings import Settings, variant

#: HiGHS options of the workspace's solves: one thread (sessions share the cores), the
#: library's default gap.
WORKSPACE_OPTIONS = SolverOptions(threads=1)


@dataclass(frozen=True)
class Answer:
    """What the settings give.

    Attributes
    ----------
    settings : Settings
        The settings answered.
    case : Case
        The loaded case under the settings.
    appraisal : Appraisal
        Weights, ranking and priorities.
    uncertainty : Uncertainty
        SMAA-2 of the ranking (tiers, rank intervals, pairwise winning).
    allocation : Allocation
        The allocation [1e8 CNY].
    relaxations : pandas.DataFrame or None
        The smallest relaxation of the rules when the settings are infeasible.
    """

    settings: Settings
    case: Case
    appraisal: Appraisal
    uncertainty: Uncertainty
    allocation: Allocation
    relaxations: pd.DataFrame | None = None


#: What fixes a compiled model's rows: the rules switched off and the edited rule numbers.
ModelKey = tuple[frozenset[str], frozenset[tuple[tuple[str, str], float]]]

#: Compiled models a session keeps (one per rule setting tried), the oldest dropped first.
MAX_MODELS = 8


class Solver:
    """Compiled allocation models of one case, one per rule setting (rules off, bounds)."""

    def __init__(self, options: SolverOptions = WORKSPACE_OPTIONS) -> None:
        self.options = options
        self.models: dict[ModelKey, CompiledModel] = {}

    def allocate(self, case: Case, appraisal: Appraisal, settings: Settings) -> Allocation:
        """Solve `case` (the variant of `settings`) with the priorities of `appraisal`."""
        projects = project_table(case, appraisal)
        key: ModelKey = (settings.dropped, frozenset(settings.bounds.items()))
        model = self.models.pop(key, None)
        if model is None or not _same_support(model.projects, projects):
            model = CompiledModel(case, projects, self.options)
        else:
            model.set_coefficients(projects["coefficient"])
        self.models[key] = model  # the most recently used last
        while len(self.models) > MAX_MODELS:
            self.models.pop(next(iter(self.models)))
        model.set_budget(case.budget)
        return model.solve(appraisal.priority_rule)


def _same_support(compiled: pd.DataFrame, projects: pd.DataFrame) -> bool:
    """Whether the projects with a zero benefit coefficient are the same in both tables.

    A compiled model rescales each project's costs by new / compiled coefficient, which
    cannot bring a zero coefficient back (a cluster of closeness 0 under ``merit`` has one).
    """
    before = compiled["coefficient"].to_numpy(float) == 0
    after = projects["coefficient"].loc[compiled.index].to_numpy(float) == 0
    return bool(np.array_equal(before, after))


def answer(
    loaded: Case,
    settings: Settings,
    solver: Solver,
    previous: Answer | None = None,
    smaa: UncertaintySettings | None = None,
) -> Answer:
    """The answer to `settings`, reusing what `previous` computed that they leave unchanged.

    Parameters
    ----------
    loaded : Case
        The case as loaded (with the settings' rule numbers already written in, see
        :func:`optimize.workspace.settings.with_bounds`).
    settings : Settings
        The planner's settings.
    solver : Solver
        The session's compiled models.
    previous : Answer, optional
        The answer before this change: its appraisal and SMAA-2 are kept when neither the
        judgments nor the priority rule changed (a budget or rule change).
    smaa : UncertaintySettings, optional
        Samples and seed of the SMAA-2 run (the library's defaults when None).
    """
    case = variant(loaded, settings)
    same_judgments = previous is not None and previous.settings.judgments == settings.judgments
    same_priority = (
        same_judgments
        and previous is not None
        and (
            previous.settings.priority_rule,
            previous.settings.blend,
        )
        == (settings.priority_rule, settings.blend)
    )
    appraisal = previous.appraisal if previous is not None and same_priority else appraise(case)
    if previous is not None and same_judgments:
        uncertainty = previous.uncertainty
    else:
        uncertainty = smaa_of(case, appraisal, None, smaa)
    allocation = solver.allocate(case, appraisal, settings)
    relaxations = None
    if not allocation.status.has_solution:
        relaxations = explain_infeasibility(case, appraisal, solver.options)
    return Answer(settings, case, appraisal, uncertainty, allocation, relaxations)
