"""HiGHS through Pyomo's persistent interface, for analyses that modify a built model.

Marginal values and infeasibility diagnosis swap single rows or fix variables and re-solve;
the persistent interface follows such edits. Plain solves use :mod:`optimize.model.compiled`.
"""

from __future__ import annotations

import highspy
from pyomo.contrib.appsi.solvers.highs import Highs

from optimize.model.compiled import SolverOptions


def _make_solver(options: SolverOptions) -> Highs:
    """A HiGHS persistent solver configured from `options`."""
    solver = Highs()
    solver.config.stream_solver = False
    solver.config.load_solution = False
    solver.config.mip_gap = options.mip_gap
    if options.time_limit is not None:
        solver.config.time_limit = options.time_limit
    if options.threads is not None:
        highspy.Highs.resetGlobalScheduler(True)  # see CompiledModel.configure
        solver.highs_options = {"threads": options.threads}
    return solver
