"""Combine subjective (e.g. AHP) and objective (e.g. entropy) criterion weights.

The multiplicative rule w_j = s_j o_j / sum_k s_k o_k is Hwang & Yoon's (1981, p. 54) way of
merging a priori weights with entropy weights: a criterion keeps weight only if experts find
it important *and* the data discriminate on it.

References
----------
.. [1] Hwang, C.-L. & Yoon, K. (1981). *Multiple Attribute Decision Making*. Springer,
   pp. 52-54.
"""

from __future__ import annotations

import pandas as pd

from mcda.errors import MatrixError
from mcda.problem import check_weights

SOURCE = "multiplicative synthesis, Hwang & Yoon (1981), Multiple Attribute Decision Making, p. 54"


def combine_weights(subjective: pd.Series, objective: pd.Series) -> pd.Series:
    """Multiplicative combination of two weight vectors, renormalised.

    Parameters
    ----------
    subjective : pandas.Series
        Weight per criterion from judgments (e.g. AHP) [-], summing to 1.
    objective : pandas.Series
        Weight per criterion from the data (e.g. entropy) [-], summing to 1, same criteria.

    Returns
    -------
    pandas.Series
        Combined weight per criterion [-], summing to 1, in the order of `subjective`;
        ``attrs["source"]`` cites the rule.

    Raises
    ------
    MatrixError
        If either vector is invalid, they name different criteria, or their product is
        zero everywhere.
    """
    criteria = subjective.index
    product = check_weights(subjective, criteria) * check_weights(objective, criteria)
    if product.sum() <= 0:
        raise MatrixError("subjective and objective weights share no criterion with weight > 0")
    result = pd.Series(product / product.sum(), index=criteria, name="weight")
    result.attrs = {"method": "multiplicative", "source": SOURCE}
    return result
