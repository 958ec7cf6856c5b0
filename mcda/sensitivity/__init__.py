"""How sure is a ranking: weight sweeps, stability intervals, Monte Carlo, SMAA-2, Sobol."""

from mcda.sensitivity.acceptability import RankAcceptability, rank_acceptability
from mcda.sensitivity.reversal import rank_reversal
from mcda.sensitivity.samplers import dirichlet_weights, hit_and_run, uniform_simplex
from mcda.sensitivity.smaa import SMAAResult, smaa, smaa_weights
from mcda.sensitivity.sobol_indices import sobol
from mcda.sensitivity.stability import stability_intervals
from mcda.sensitivity.sweep import one_at_a_time
from mcda.sensitivity.tiers import beats, tiers
from mcda.sensitivity.weight_constraints import (
    WeightConstraint,
    at_least,
    ratio_at_most,
    total_order,
    within,
)

__all__ = [
    "RankAcceptability",
    "SMAAResult",
    "WeightConstraint",
    "at_least",
    "beats",
    "dirichlet_weights",
    "hit_and_run",
    "one_at_a_time",
    "rank_acceptability",
    "rank_reversal",
    "ratio_at_most",
    "smaa",
    "smaa_weights",
    "sobol",
    "stability_intervals",
    "tiers",
    "total_order",
    "uniform_simplex",
    "within",
]
