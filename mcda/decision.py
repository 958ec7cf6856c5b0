"""A labelled decision matrix: alternatives x criteria with directions and provenance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mcda.errors import MatrixError

DIRECTIONS = ("benefit", "cost")


def as_directions(directions: pd.Series | Mapping[str, str], criteria: pd.Index) -> pd.Series:
    """Validate per-criterion directions and align them to `criteria`.

    Parameters
    ----------
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    criteria : pandas.Index
        Criteria labels of the decision matrix.

    Returns
    -------
    pandas.Series
        Directions in the order of `criteria`.

    Raises
    ------
    MatrixError
        If a criterion has no direction or an unknown one.
    """
    series = pd.Series(dict(directions)) if not isinstance(directions, pd.Series) else directions
    missing = [c for c in criteria if c not in series.index]
    if missing:
        raise MatrixError(f"no direction given for criteria {missing}")
    aligned = series.loc[criteria].astype(str)
    unknown = aligned[~aligned.isin(DIRECTIONS)]
    if len(unknown):
        raise MatrixError(
            f"criterion {unknown.index[0]!r} has direction {unknown.iloc[0]!r}; "
            "use 'benefit' or 'cost'"
        )
    return aligned.rename("direction")


def check_finite(values: pd.DataFrame) -> None:
    """Refuse a missing or non-finite score in `values` (alternatives x criteria).

    Raises
    ------
    MatrixError
        Naming the alternative and criterion of the first bad cell.
    """
    numeric = values.to_numpy(dtype=float)
    bad = np.argwhere(~np.isfinite(numeric))
    if bad.size:
        i, j = bad[0]
        raise MatrixError(
            f"score of {values.index[i]!r} on {values.columns[j]!r} is {float(numeric[i, j])}, "
            "not a finite number"
        )


def check_scores(values: pd.DataFrame) -> None:
    """Refuse a decision matrix with missing, non-finite or constant criterion columns.

    Parameters
    ----------
    values : pandas.DataFrame
        Alternatives x criteria, numeric.

    Raises
    ------
    MatrixError
        Naming the alternative and criterion of the first bad cell, or the constant column.
    """
    check_finite(values)
    numeric = values.to_numpy(dtype=float)
    if len(values) > 1:
        constant = [c for c, col in zip(values.columns, numeric.T, strict=True) if np.ptp(col) == 0]
        if constant:
            raise MatrixError(
                f"criterion {constant[0]!r} has the same score for every alternative; "
                "it cannot discriminate (drop it or fix the data)"
            )


def checked_scores(
    matrix: pd.DataFrame,
    directions: pd.Series | Mapping[str, str],
    *,
    constant_ok: bool = False,
) -> tuple[pd.DataFrame, pd.Series]:
    """Scores as floats, checked, and directions aligned to their criteria.

    Parameters
    ----------
    matrix, directions
        Alternatives x criteria scores, and ``"benefit"`` or ``"cost"`` per criterion.
    constant_ok : bool
        Allow a constant criterion column (only finiteness is checked then).

    Returns
    -------
    tuple of pandas.DataFrame and pandas.Series
        The float scores and the directions in the order of their columns.

    Raises
    ------
    MatrixError
        As :func:`check_finite` (or :func:`check_scores`) and :func:`as_directions`.
    """
    values = matrix.astype(float)
    if constant_ok:
        check_finite(values)
    else:
        check_scores(values)
    return values, as_directions(directions, values.columns)


@dataclass(frozen=True)
class DecisionMatrix:
    """Scores of alternatives on leaf criteria.

    Attributes
    ----------
    values : pandas.DataFrame
        Alternatives (index) x criteria (columns), each in its criterion's unit.
    directions : pandas.Series
        ``"benefit"`` or ``"cost"`` per criterion.
    provenance : pandas.DataFrame
        Same shape as `values`: where each number comes from (``paper:P..``,
        ``facts:S..`` or ``illustrative``).
    """

    values: pd.DataFrame
    directions: pd.Series
    provenance: pd.DataFrame

    @classmethod
    def build(
        cls,
        values: pd.DataFrame,
        directions: pd.Series | Mapping[str, str],
        provenance: pd.DataFrame | None = None,
    ) -> DecisionMatrix:
        """Validate and copy the inputs into a new decision matrix.

        Parameters
        ----------
        values : pandas.DataFrame
            Alternatives x criteria scores.
        directions : pandas.Series or mapping
            ``"benefit"`` or ``"cost"`` per criterion.
        provenance : pandas.DataFrame, optional
            Provenance per cell; ``"unspecified"`` everywhere when omitted.

        Returns
        -------
        DecisionMatrix
        """
        frame, aligned = checked_scores(values, directions)
        origin = (
            pd.DataFrame("unspecified", index=frame.index, columns=frame.columns)
            if provenance is None
            else provenance.loc[frame.index, frame.columns].copy()
        )
        return cls(frame, aligned, origin)

    @property
    def illustrative_share(self) -> float:
        """Share of cells whose provenance is illustrative [-]."""
        return float((self.provenance == "illustrative").to_numpy().mean())
