"""Allocate a budget across cluster S&T support instruments with Pyomo and HiGHS."""

from optimize.allocation import Allocation, SolveStatus
from optimize.appraise import Appraisal, appraise
from optimize.case import Case
from optimize.errors import InputError
from optimize.load import load_case
from optimize.solve import SolverOptions, solve

__all__ = [
    "Allocation",
    "Appraisal",
    "Case",
    "InputError",
    "SolveStatus",
    "SolverOptions",
    "appraise",
    "load_case",
    "solve",
]
