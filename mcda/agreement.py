"""Agreement between rankings of the same alternatives by different methods.

- Spearman's rank correlation, on average ranks (ties share the mean of the ranks they
  cover, which is what makes Spearman's formula exact with ties);
- the WS coefficient of Sałabun & Urbaniak (2020), which weighs a disagreement by 2^-r at
  reference rank r, so swapping the two best alternatives costs more than swapping the two
  worst. WS is asymmetric: the first ranking of a pair is the reference.

References
----------
.. [1] Sałabun, W. & Urbaniak, K. (2020). A new coefficient of rankings similarity in
   decision-making problems. *Computational Science - ICCS 2020*, LNCS 12138, 632-645.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from mcda.errors import MatrixError


def average_ranks(ranking: pd.DataFrame | pd.Series) -> pd.Series:
    """Average ranks (1 = best) from a :func:`mcda.rank` result or a Series of ranks."""
    ranks = ranking["rank"] if isinstance(ranking, pd.DataFrame) else ranking
    return ranks.astype(float).rank(method="average")


def compare(rankings: Mapping[str, pd.DataFrame | pd.Series]) -> pd.DataFrame:
    """Rank agreement between every ordered pair of rankings.

    Parameters
    ----------
    rankings : mapping of str to pandas.DataFrame or pandas.Series
        Per method name, a :func:`mcda.rank` result (its ``rank`` column is used) or ranks
        indexed by alternative; all over the same alternatives.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``reference``, ``compared``) method names, columns ``spearman`` in
        [-1, 1] and ``ws`` in [0, 1] (1 = identical). Use ``.unstack()`` for a matrix.
        Spearman is NaN where a ranking ties every alternative.

    Raises
    ------
    MatrixError
        On fewer than two rankings or rankings of different alternatives.
    """
    if len(rankings) < 2:
        raise MatrixError("comparing rankings needs at least two of them")
    from pymcdm.correlations import spearman, ws  # imported here: pymcdm loads matplotlib.pyplot

    ranks = {name: average_ranks(ranking) for name, ranking in rankings.items()}
    first_name, first = next(iter(ranks.items()))
    for name, other in ranks.items():
        if set(other.index) != set(first.index):
            raise MatrixError(f"rankings {first_name!r} and {name!r} rank different alternatives")
    rows = []
    for reference, x in ranks.items():
        for compared, other in ranks.items():
            y = other.loc[x.index].to_numpy()
            tied = np.ptp(x.to_numpy()) == 0 or np.ptp(y) == 0
            rows.append(
                {
                    "reference": reference,
                    "compared": compared,
                    "spearman": np.nan if tied else float(spearman(x.to_numpy(), y)),
                    "ws": float(ws(x.to_numpy(), y)),
                }
            )
    return pd.DataFrame(rows).set_index(["reference", "compared"])
