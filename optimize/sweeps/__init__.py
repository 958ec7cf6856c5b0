"""Many solves of one case: budget frontier, weight robustness, Sobol, scenarios."""

from optimize.sweeps.budget import budget_frontier, entries_and_exits
from optimize.sweeps.engine import SWEEP_OPTIONS, SweepResult
from optimize.sweeps.scenarios import compare_scenarios
from optimize.sweeps.weights import (
    ROBUSTLY_IN,
    ROBUSTLY_OUT,
    sample_level1,
    weight_robustness,
    weight_sobol,
)

__all__ = [
    "ROBUSTLY_IN",
    "ROBUSTLY_OUT",
    "SWEEP_OPTIONS",
    "SweepResult",
    "budget_frontier",
    "compare_scenarios",
    "entries_and_exits",
    "sample_level1",
    "weight_robustness",
    "weight_sobol",
]
