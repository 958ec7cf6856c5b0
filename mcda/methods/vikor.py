"""VIKOR compromise ranking with the compromise set of Opricovic & Tzeng (2004).

pymcdm computes the group utility S and the individual regret R; it has no compromise-set
logic, and its Q divides 0 by 0 when all S (or all R) are equal (S* = S- or R* = R-).
Q is therefore formed here from pymcdm's S and R, with such a tied term counted as 0: when
every alternative has the same S, S separates none of them and Q is decided by R alone
(and the reverse); when both tie, every Q is 0 and all alternatives share rank 1. "Equal"
means equal to 12 decimals, so that floating-point noise in S or R cannot be stretched to
a full 0-to-1 term.

References
----------
.. [1] Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods: a
   comparative analysis of VIKOR and TOPSIS. *European Journal of Operational Research*
   156(2), 445-455 (Q: eq. 5; conditions C1 and C2 and the compromise set: p. 448).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.pymcdm_call import explained
from mcda.problem import Problem
from mcda.ranks import TIE_DECIMALS


def spread(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """``(x - min) / (max - min)``, or zeros when every value is the same [-].

    Values equal to :data:`mcda.ranks.TIE_DECIMALS` decimals count as the same: the 0 / 0
    of a tied S or R term is taken as 0, that term then separating no alternative.
    """
    low, high = float(values.min()), float(values.max())
    if round(high - low, TIE_DECIMALS) == 0:
        return np.zeros_like(values)
    scaled: npt.NDArray[np.float64] = (values - low) / (high - low)
    return scaled


def compromise_set(measures: pd.DataFrame) -> pd.Series:
    """Mark the VIKOR compromise solutions (Opricovic & Tzeng 2004, p. 448).

    With alternatives ordered by Q (a1 best, a2 second) and DQ = 1 / (m - 1):

    - C1 "acceptable advantage": Q(a2) - Q(a1) >= DQ;
    - C2 "acceptable stability": a1 is also best by S or by R.

    Both hold: {a1}. Only C2 fails: {a1, a2}. C1 fails: every a with Q(a) - Q(a1) < DQ.

    Parameters
    ----------
    measures : pandas.DataFrame
        Columns ``S``, ``R`` and ``Q`` per alternative [-]; at least two alternatives.

    Returns
    -------
    pandas.Series
        Boolean per alternative, named ``compromise``.
    """
    q = measures["Q"].to_numpy(dtype=float)
    order = np.argsort(q, kind="stable")
    first, second = order[0], order[1]
    advantage = 1.0 / (len(q) - 1)
    accepted_advantage = q[second] - q[first] >= advantage
    stable = bool(
        measures["S"].iloc[first] == measures["S"].min()
        or measures["R"].iloc[first] == measures["R"].min()
    )
    chosen = np.zeros(len(q), dtype=bool)
    if accepted_advantage:
        chosen[[first] if stable else [first, second]] = True
    else:
        chosen[q - q[first] < advantage] = True
    return pd.Series(chosen, index=measures.index, name="compromise")


def vikor(problem: Problem, v: float = 0.5) -> pd.DataFrame:
    """VIKOR measures, score and compromise set.

    Parameters
    ----------
    problem : Problem
        The decision problem.
    v : float
        Weight of the strategy of "the majority of criteria" (group utility S) against the
        individual regret R [-], in [0, 1]; 0.5 is the consensus value of [1]_.

    Returns
    -------
    pandas.DataFrame
        Columns ``score`` = 1 - Q (higher is better, so that ``rank`` 1 is the lowest Q),
        ``S``, ``R``, ``Q`` (lower is better) and boolean ``compromise``. Where all S (or
        all R) are equal, that term of Q is 0 (see the module notes).

    Raises
    ------
    MatrixError
        If `v` is outside [0, 1].
    """
    from pymcdm.methods import VIKOR  # here: importing pymcdm loads matplotlib

    if not 0.0 <= v <= 1.0:
        raise MatrixError(f"VIKOR v is {v}; it must lie in [0, 1]")

    # pymcdm also forms its own Q, which is 0 / 0 when all S or all R are equal; that Q is
    # discarded, so its warning is silenced.
    with np.errstate(divide="ignore", invalid="ignore"):
        tables = explained(VIKOR(v=v), problem)
    s, r = tables["s"], tables["r"]
    q = v * spread(s) + (1.0 - v) * spread(r)
    measures = pd.DataFrame({"S": s, "R": r, "Q": q}, index=problem.matrix.index)
    return pd.DataFrame({"score": 1.0 - q}, index=problem.matrix.index).join(
        [measures, compromise_set(measures)]
    )
