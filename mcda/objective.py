"""Objective criterion weights from the spread of the scores themselves.

- ``entropy`` (Shannon entropy of each column's shares; Hwang & Yoon 1981, pp. 52-54):
  computed here with the convention 0 * ln 0 = 0. pymcdm 1.4.0 refuses any zero score (its
  sum normalisation raises), although a count of 0 is a valid score, and past that check
  it would set the entropy of a whole column with a zero share to 0. Directions do not
  matter: the information a column carries is the same whether more is better or worse.
- ``critic`` (Diakoulaki, Mavrotas & Papayannakis 1995): pymcdm's arithmetic, fed with the
  columns oriented by direction first. pymcdm min-max normalises every column as a benefit,
  so the correlation between a cost and a benefit criterion would come out with the wrong
  sign; Diakoulaki et al. normalise cost criteria as (max - x) / (max - min).
- ``std`` (standard-deviation method, e.g. Jahan & Edwards 2013): pymcdm's arithmetic on
  min-max normalised columns. pymcdm applies it to raw scores, so a column's weight would
  grow with its unit (yuan rather than 亿元 wins).
- ``merec`` (method based on the removal effects of criteria; Keshavarz-Ghorabaee et al.
  2021 [4]_): pymcdm's arithmetic, which reproduces the paper's example. It takes logarithms of
  min / x (benefit) and x / max (cost), so needs positive scores.
- ``gini`` (Gini coefficient of each column, ``G = sum_i sum_k |x_i - x_k| / (2 n^2 mean)``,
  normalised to sum to 1): pymcdm's ``gini_weights``. Like entropy it ignores directions
  and needs scores >= 0 (the Gini coefficient of a column with negative scores means
  nothing).

References
----------
.. [1] Hwang, C.-L. & Yoon, K. (1981). *Multiple Attribute Decision Making*. Springer.
.. [2] Diakoulaki, D., Mavrotas, G. & Papayannakis, L. (1995). Determining objective
   weights in multiple criteria problems: the CRITIC method. *Computers & Operations
   Research* 22(7), 763-770.
.. [3] Jahan, A. & Edwards, K. L. (2013). Weighting of dependent and target-based criteria
   for optimal decision-making in materials selection process: biomedical applications.
   *Materials & Design* 49, 1000-1008.
.. [4] Keshavarz-Ghorabaee, M., Amiri, M., Zavadskas, E. K., Turskis, Z. & Antucheviciene,
   J. (2021). Determination of objective weights using a new method based on the removal
   effects of criteria (MEREC). *Symmetry* 13(4), 525.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.decision import checked_scores
from mcda.errors import MatrixError

Matrix = npt.NDArray[np.float64]


def entropy(values: Matrix, types: npt.NDArray[np.int_]) -> Matrix:
    """Entropy weights: 1 - normalised Shannon entropy of each column's shares, rescaled.

    Parameters
    ----------
    values : numpy.ndarray
        Alternatives x criteria, non-negative.
    types : numpy.ndarray
        Unused (entropy does not depend on direction); kept for a uniform signature.

    Returns
    -------
    numpy.ndarray
        Weight per criterion [-], summing to 1.
    """
    shares = values / values.sum(axis=0)
    positive = np.where(shares > 0, shares, 1.0)  # 0 * ln 0 = 0: ln 1 contributes nothing
    information = 1.0 + (shares * np.log(positive)).sum(axis=0) / np.log(len(values))
    weights: Matrix = information / information.sum()
    return weights


def critic(values: Matrix, types: npt.NDArray[np.int_]) -> Matrix:
    """CRITIC weights of Diakoulaki et al. (1995) with direction-aware normalisation."""
    from pymcdm.weights import critic_weights  # imported here: pymcdm loads matplotlib.pyplot

    oriented = values * types  # min-max of -x is (max - x) / (max - min)
    return np.asarray(critic_weights(oriented), dtype=float)


def standard_deviation(values: Matrix, types: npt.NDArray[np.int_]) -> Matrix:
    """Standard-deviation weights of min-max normalised columns."""
    from pymcdm.helpers import normalize_matrix  # imported here: pymcdm loads matplotlib.pyplot
    from pymcdm.normalizations import minmax_normalization
    from pymcdm.weights import standard_deviation_weights

    normalized = normalize_matrix(values, minmax_normalization, types)
    return np.asarray(standard_deviation_weights(normalized), dtype=float)


def merec(values: Matrix, types: npt.NDArray[np.int_]) -> Matrix:
    """MEREC weights of Keshavarz-Ghorabaee et al. (2021); scores must be positive."""
    from pymcdm.weights import merec_weights  # imported here: pymcdm loads matplotlib.pyplot

    return np.asarray(merec_weights(values, types), dtype=float)


def gini(values: Matrix, types: npt.NDArray[np.int_]) -> Matrix:
    """Gini-coefficient weights; `types` unused (dispersion does not depend on direction)."""
    from pymcdm.weights import gini_weights  # imported here: pymcdm loads matplotlib.pyplot

    return np.asarray(gini_weights(values), dtype=float)


OBJECTIVE_METHODS: dict[str, Callable[[Matrix, npt.NDArray[np.int_]], Matrix]] = {
    "entropy": entropy,
    "critic": critic,
    "std": standard_deviation,
    "merec": merec,
    "gini": gini,
}

#: Methods that take shares of the scores (need scores >= 0) or their logarithms (> 0).
NON_NEGATIVE = frozenset({"entropy", "gini"})
POSITIVE = frozenset({"merec"})

SOURCES = {
    "entropy": "Shannon entropy; Hwang & Yoon (1981), Multiple Attribute Decision Making",
    "critic": "Diakoulaki, Mavrotas & Papayannakis (1995), Comput. Oper. Res. 22(7)",
    "std": "standard deviation of min-max normalised scores; Jahan & Edwards (2013)",
    "merec": "Keshavarz-Ghorabaee et al. (2021), Symmetry 13(4):525",
    "gini": "Gini coefficient of each criterion's scores, normalised (as pymcdm gini_weights)",
}


def objective_weights(
    matrix: pd.DataFrame,
    directions: pd.Series | Mapping[str, str],
    method: str = "entropy",
) -> pd.Series:
    """Criterion weights derived from the decision matrix alone.

    Parameters
    ----------
    matrix : pandas.DataFrame
        Alternatives x criteria scores.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    method : {"entropy", "critic", "std", "merec", "gini"}
        See the module docstring.

    Returns
    -------
    pandas.Series
        Weight per criterion [-], summing to 1, named ``weight``; ``attrs["source"]``
        cites the method.

    Raises
    ------
    MatrixError
        On an unknown method, NaN or constant columns, negative scores for entropy and
        Gini, or scores <= 0 for MEREC.
    """
    if method not in OBJECTIVE_METHODS:
        raise MatrixError(
            f"unknown objective weighting {method!r}; use one of {sorted(OBJECTIVE_METHODS)}"
        )
    values, aligned = checked_scores(matrix, directions)
    if method in NON_NEGATIVE and (values < 0).to_numpy().any():
        column = values.columns[(values < 0).any()][0]
        raise MatrixError(f"{method} weights need scores >= 0; {column!r} has a negative one")
    if method in POSITIVE and (values <= 0).to_numpy().any():
        column = values.columns[(values <= 0).any()][0]
        raise MatrixError(f"{method} weights need scores > 0; {column!r} has one <= 0")
    types = np.where(aligned.to_numpy() == "benefit", 1, -1)
    weights = OBJECTIVE_METHODS[method](values.to_numpy(), types)
    result = pd.Series(weights, index=values.columns, name="weight")
    result.attrs = {"method": method, "source": SOURCES[method]}
    return result
