"""How sure is a ranking: weight sweeps, stability intervals, Monte Carlo, Sobol, reversal."""

from mcda.sensitivity.acceptability import RankAcceptability, rank_acceptability
from mcda.sensitivity.reversal import rank_reversal
from mcda.sensitivity.sobol_indices import sobol
from mcda.sensitivity.stability import stability_intervals
from mcda.sensitivity.sweep import one_at_a_time

__all__ = [
    "RankAcceptability",
    "one_at_a_time",
    "rank_acceptability",
    "rank_reversal",
    "sobol",
    "stability_intervals",
]
