"""Decision analysis for cluster S&T support systems: AHP weights and ranking methods.

This package is pure decision analysis: it never imports :mod:`optimize` or Pyomo.
"""

from mcda.ahp import (
    AHPResult,
    GroupResult,
    aggregate,
    complete,
    consistency,
    diagnose,
    priorities,
    read_judgments,
)
from mcda.decision import DecisionMatrix
from mcda.errors import JudgmentError, MatrixError
from mcda.hierarchy import CriteriaTree
from mcda.ranking import methods, rank

__all__ = [
    "AHPResult",
    "CriteriaTree",
    "DecisionMatrix",
    "GroupResult",
    "JudgmentError",
    "MatrixError",
    "aggregate",
    "complete",
    "consistency",
    "diagnose",
    "methods",
    "priorities",
    "rank",
    "read_judgments",
]
