"""Agreement between rankings of the same alternatives by different methods.

- Spearman's rank correlation, on average ranks (ties share the mean of the ranks they
  cover, which is what makes Spearman's formula exact with ties);
- the weighted Spearman r_w of Pinto da Costa & Soares (2005), which weighs a squared rank
  difference by (n - x + 1) + (n - y + 1), so disagreement at the top counts more
  (symmetric; pymcdm's ``weighted_spearman``);
- Kendall's τ_b, the share of concordant minus discordant pairs corrected for ties (Kendall
  1945). Computed here: pymcdm 1.4's ``kendall_tau`` is τ_a, which divides by all n(n-1)/2
  pairs, so two identical rankings with a tie score below 1;
- the WS coefficient of Sałabun & Urbaniak (2020), which weighs a disagreement by 2^-r at
  reference rank r, so swapping the two best alternatives costs more than swapping the two
  worst. WS is asymmetric: the first ranking of a pair is the reference.

References
----------
.. [1] Sałabun, W. & Urbaniak, K. (2020). A new coefficient of rankings similarity in
   decision-making problems. *Computational Science - ICCS 2020*, LNCS 12138, 632-645.
.. [2] Pinto da Costa, J. & Soares, C. (2005). A weighted rank measure of correlation.
   *Australian & New Zealand Journal of Statistics* 47(4), 515-529.
.. [3] Kendall, M. G. (1945). The treatment of ties in ranking problems. *Biometrika*
   33(3), 239-251.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError


def average_ranks(ranking: pd.DataFrame | pd.Series) -> pd.Series:
    """Average ranks (1 = best) from a :func:`mcda.rank` result or a Series of ranks."""
    ranks = ranking["rank"] if isinstance(ranking, pd.DataFrame) else ranking
    return ranks.astype(float).rank(method="average")


def kendall_tau_b(x: npt.NDArray[np.float64], y: npt.NDArray[np.float64]) -> float:
    """Kendall's τ_b of two rankings of the same items [-], in [-1, 1].

    τ_b = (C - D) / sqrt((P - T_x) (P - T_y)), with C and D the concordant and discordant
    pairs, P all pairs and T_x, T_y the pairs tied in x and in y; NaN when either ranking
    ties every pair.
    """
    upper = np.triu_indices(len(x), k=1)
    dx = np.sign(x[:, None] - x[None, :])[upper]
    dy = np.sign(y[:, None] - y[None, :])[upper]
    untied = float(np.count_nonzero(dx)) * float(np.count_nonzero(dy))
    return float(np.sum(dx * dy) / np.sqrt(untied)) if untied > 0 else float("nan")


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
        Indexed by (``reference``, ``compared``) method names, columns ``spearman``,
        ``weighted_spearman`` (r_w) and ``kendall`` (τ_b) in [-1, 1], and ``ws`` in [0, 1]
        (1 = identical). Use ``.unstack()`` for a matrix. The correlations are NaN where a
        ranking ties every alternative.

    Raises
    ------
    MatrixError
        On fewer than two rankings or rankings of different alternatives.
    """
    if len(rankings) < 2:
        raise MatrixError("comparing rankings needs at least two of them")
    # imported here: pymcdm loads matplotlib.pyplot
    from pymcdm.correlations import spearman, weighted_spearman, ws

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
                    "weighted_spearman": (
                        np.nan if tied else float(weighted_spearman(x.to_numpy(), y))
                    ),
                    "kendall": kendall_tau_b(x.to_numpy(), y),
                }
            )
    return pd.DataFrame(rows).set_index(["reference", "compared"])
