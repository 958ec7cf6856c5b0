"""Consistency of a pairwise-comparison matrix against a named random-index table.

CI = (lambda_max - n) / (n - 1) and CR = CI / RI(n), where RI(n) is the mean CI of random
reciprocal matrices on Saaty's scale. RI depends on the simulation behind it, so near the
threshold the table decides pass or fail: every result names its table.

References
----------
.. [1] Saaty, T. L. (1980). *The Analytic Hierarchy Process*. McGraw-Hill, New York.
.. [2] Saaty, T. L. (2005). *Theory and Applications of the Analytic Network Process*.
   RWS Publications, Pittsburgh, p. 31.
.. [3] Alonso, J. A., & Lamata, M. T. (2006). Consistency in the analytic hierarchy process:
   a new approach. *Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems* 14(4),
   445-459.
.. [4] Tummala, V. M. R., & Ling, H. (1998). A note on the computation of the mean random
   consistency index of the analytic hierarchy process (AHP). *Theory and Decision* 44(3),
   221-230.
.. [5] Donegan, H. A., & Dodd, F. J. (1991). A note on Saaty's random indexes.
   *Mathematical and Computer Modelling* 15(10), 135-137.
.. [6] Saaty, T. L. (1994). *Fundamentals of Decision Making and Priority Theory with the
   Analytic Hierarchy Process*. RWS Publications, Pittsburgh.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.ahp.incomplete import complete
from mcda.ahp.pairwise import Reciprocity, pairwise_matrix, perron
from mcda.errors import JudgmentError

#: Largest matrix order any table here covers.
LARGEST_N = 100


def alonso_lamata_fit(n: int) -> float:
    """RI(n) from Alonso & Lamata's linear fit of the random lambda_max [3]_.

    Their fit of the mean Perron root of random matrices is lambda_max(n) = 2.7699 n - 4.3513,
    so RI(n) = (lambda_max(n) - n) / (n - 1) = (1.7699 n - 4.3513) / (n - 1).
    """
    return (1.7699 * n - 4.3513) / (n - 1)


@dataclass(frozen=True)
class RandomIndexTable:
    """A published random-index table RI(n).

    Attributes
    ----------
    name : str
        Key used by ``ri=...`` (e.g. ``"saaty"``).
    source : str
        Short citation of where the numbers come from.
    values : mapping of int to float
        Tabulated RI(n) [-] for n >= 3 (RI is 0 for n <= 2: such matrices are consistent).
    interpolate : bool
        Interpolate linearly between tabulated orders.
    fit : callable, optional
        Formula giving RI(n) beyond the tabulated orders, up to :data:`LARGEST_N`.
    """

    name: str
    source: str
    values: Mapping[int, float]
    interpolate: bool = False
    fit: Callable[[int], float] | None = None

    @property
    def largest_n(self) -> int:
        """The largest matrix order this table answers for."""
        return LARGEST_N if self.fit is not None else max(self.values)

    def covers_order(self, n: int) -> bool:
        """Whether the table gives RI(n), directly, by interpolation or by its fit."""
        orders = sorted(self.values)
        return (
            n <= 2
            or n in self.values
            or (self.interpolate and orders[0] < n < orders[-1])
            or (self.fit is not None and n <= LARGEST_N)
        )

    def ri(self, n: int) -> float:
        """RI(n) [-].

        Raises
        ------
        JudgmentError
            If the table does not cover n, naming the tables that do.
        """
        if not self.covers_order(n):
            others = [t.name for t in RI_TABLES.values() if t is not self and t.covers_order(n)]
            advice = f"; choose one that does ({', '.join(others)})" if others else ""
            raise JudgmentError(
                f"random-index table {self.name!r} covers n = 1..{self.largest_n}, "
                f"not n = {n}{advice}"
            )
        if n <= 2:
            return 0.0
        if n in self.values:
            return self.values[n]
        if self.fit is not None and n > max(self.values):
            return self.fit(n)
        # Covered, not tabulated, not beyond the table: an interpolating table's gap.
        orders = sorted(self.values)
        return float(np.interp(n, orders, [self.values[k] for k in orders]))


def orders_from(first: int, values: list[float]) -> dict[int, float]:
    """Tabulated RI values for consecutive orders starting at `first`."""
    return dict(enumerate(values, start=first))


RI_TABLES: dict[str, RandomIndexTable] = {
    table.name: table
    for table in (
        RandomIndexTable(
            "saaty",
            "Saaty (1980), The Analytic Hierarchy Process",
            orders_from(
                3, [0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]
            ),
        ),
        RandomIndexTable(
            "saaty2005",
            "Saaty (2005), Theory and Applications of the Analytic Network Process, p. 31",
            orders_from(
                3, [0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]
            ),
        ),
        RandomIndexTable(
            "alonso_lamata",
            "Alonso & Lamata (2006): simulated RI for n = 3..15, their linear fit "
            "RI = (1.7699 n - 4.3513) / (n - 1) beyond",
            orders_from(
                3,
                [
                    0.5247,
                    0.8816,
                    1.1086,
                    1.2479,
                    1.3417,
                    1.4057,
                    1.4499,
                    1.4854,
                    1.5140,
                    1.5365,
                    1.5551,
                    1.5713,
                    1.5838,
                ],
            ),
            fit=alonso_lamata_fit,
        ),
        RandomIndexTable(
            "tummala_ling",
            "Tummala & Ling (1998)",
            orders_from(
                3,
                [
                    0.5799,
                    0.8921,
                    1.1159,
                    1.2358,
                    1.3322,
                    1.3952,
                    1.4537,
                    1.4882,
                    1.5117,
                    1.5356,
                    1.5571,
                    1.5714,
                    1.5831,
                ],
            ),
        ),
        RandomIndexTable(
            "donegan_dodd",
            "Donegan & Dodd (1991), interpolated linearly between tabulated orders",
            {
                3: 0.4914,
                4: 0.8286,
                5: 1.0591,
                6: 1.1797,
                7: 1.2519,
                8: 1.3171,
                9: 1.3733,
                10: 1.4055,
                11: 1.4213,
                12: 1.4497,
                13: 1.4643,
                14: 1.4822,
                15: 1.4969,
                16: 1.5078,
                17: 1.5153,
                18: 1.5262,
                19: 1.5313,
                20: 1.5371,
                25: 1.5619,
                30: 1.5772,
                40: 1.5976,
                50: 1.6102,
                60: 1.6178,
                70: 1.6237,
                80: 1.6277,
                # 90 < 80 as tabulated: simulation noise in the source, kept as published.
                90: 1.6213,
                100: 1.6339,
            },
            interpolate=True,
        ),
    )
}


def random_index(n: int, table: str = "saaty") -> float:
    """RI(n) from a named table [-].

    Parameters
    ----------
    n : int
        Matrix order [-].
    table : str
        A key of :data:`RI_TABLES`.

    Raises
    ------
    JudgmentError
        If the table is unknown or does not cover n.
    """
    return ri_table(table).ri(n)


def ri_table(name: str) -> RandomIndexTable:
    """The random-index table called `name`.

    Raises
    ------
    JudgmentError
        If there is no such table.
    """
    if name not in RI_TABLES:
        raise JudgmentError(f"unknown random-index table {name!r} (known: {', '.join(RI_TABLES)})")
    return RI_TABLES[name]


def saaty_threshold(n: int) -> float:
    """Saaty's acceptable CR for an n x n matrix: 0.05 (n = 3), 0.08 (n = 4), else 0.1 [6]_."""
    return {3: 0.05, 4: 0.08}.get(n, 0.1)


@dataclass(frozen=True)
class Consistency:
    """How consistent one pairwise-comparison matrix is.

    Attributes
    ----------
    n : int
        Matrix order [-].
    lambda_max : float
        Principal eigenvalue [-]; n for a consistent matrix, larger otherwise.
    ci : float
        Consistency index (lambda_max - n) / (n - 1) [-].
    ri : float
        Random index RI(n) of the table [-].
    cr : float
        Consistency ratio CI / RI [-]; 0 for n <= 2.
    ri_table : str
        Name of the random-index table (a key of :data:`RI_TABLES`).
    threshold : float
        Largest acceptable CR [-].
    """

    n: int
    lambda_max: float
    ci: float
    ri: float
    cr: float
    ri_table: str
    threshold: float

    @property
    def acceptable(self) -> bool:
        """Whether CR does not exceed the threshold."""
        return self.cr <= self.threshold

    @property
    def verdict(self) -> str:
        """One line for people: acceptable, or how far above the threshold CR is."""
        comparison = "<=" if self.acceptable else ">"
        word = "acceptable" if self.acceptable else "REVISE"
        return f"{word}: CR {self.cr:.3f} {comparison} {self.threshold:.2f} ({self.ri_table} RI)"


def consistency_of(
    lambda_max: float, n: int, ri: str = "saaty", threshold: float | None = None
) -> Consistency:
    """CI and CR of a matrix of order `n` with principal eigenvalue `lambda_max`.

    Parameters
    ----------
    lambda_max : float
        Principal eigenvalue [-].
    n : int
        Matrix order [-].
    ri : str
        Random-index table, a key of :data:`RI_TABLES`.
    threshold : float, optional
        Largest acceptable CR [-]; Saaty's rule (:func:`saaty_threshold`) when omitted.

    Returns
    -------
    Consistency
    """
    table = ri_table(ri)
    random = table.ri(n)
    # lambda_max >= n holds exactly; clipping removes round-off below it.
    ci = max(lambda_max - n, 0.0) / (n - 1) if n > 2 else 0.0
    cr = ci / random if random > 0 else 0.0
    limit = saaty_threshold(n) if threshold is None else threshold
    return Consistency(n, lambda_max, ci, random, cr, table.name, limit)


def consistency(
    matrix: pd.DataFrame | npt.ArrayLike,
    ri: str = "saaty",
    threshold: float | None = None,
    *,
    reciprocal: Reciprocity = "full",
) -> Consistency:
    """Consistency of a pairwise-comparison matrix against a named random-index table.

    Parameters
    ----------
    matrix : pandas.DataFrame or array_like
        Square, positive, reciprocal matrix. Missing judgments (NaN) are filled by the
        lambda_max-optimal completion first, whose inconsistency Bozóki et al. (2010) define
        as that of the incomplete matrix.
    ri : {"saaty", "saaty2005", "alonso_lamata", "tummala_ling", "donegan_dodd"}
        Random-index table (see :data:`RI_TABLES` for each one's source and range).
    threshold : float, optional
        Largest acceptable CR [-]; Saaty's rule (0.05 for n = 3, 0.08 for n = 4, else 0.1)
        when omitted.
    reciprocal : {"full", "upper"}
        Check the whole matrix, or read only its upper triangle.

    Returns
    -------
    Consistency

    Raises
    ------
    JudgmentError
        On a malformed matrix (naming the cell), an unknown table or one not covering n.
    """
    frame = pairwise_matrix(matrix, reciprocal=reciprocal, allow_missing=True)
    filled = complete(frame).matrix
    _, lambda_max = perron(filled.to_numpy())
    return consistency_of(lambda_max, len(filled), ri, threshold)
