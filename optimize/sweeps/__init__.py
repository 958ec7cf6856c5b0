"""Many solves of one case: budget frontier, weight and joint robustness, Sobol, scenarios."""

from optimize.sweeps.budget import budget_frontier, entries_and_exits
from optimize.sweeps.engine import SWEEP_OPTIONS, SweepResult
from optimize.sweeps.joint import CORE_SHARE, joint_robustness
from optimize.sweeps.questions import PlannerAnswers, planner_answers
from optimize.sweeps.scenarios import compare_scenarios, retype_clusters
from optimize.sweeps.weights import (
    ROBUSTLY_IN,
    ROBUSTLY_OUT,
    sample_level1,
    weight_robustness,
    weight_sobol,
)

__all__ = [
    "CORE_SHARE",
    "ROBUSTLY_IN",
    "ROBUSTLY_OUT",
    "SWEEP_OPTIONS",
    "PlannerAnswers",
    "SweepResult",
    "budget_frontier",
    "compare_scenarios",
    "entries_and_exits",
    "joint_robustness",
    "planner_answers",
    "retype_clusters",
    "sample_level1",
    "weight_robustness",
    "weight_sobol",
]
