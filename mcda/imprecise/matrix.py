"""An imprecise decision matrix: alternatives x criteria of cells, each with status and provenance.

A point :class:`~mcda.decision.DecisionMatrix` is the special case where every cell is a point
(:meth:`ImpreciseMatrix.from_point`, :meth:`ImpreciseMatrix.to_point`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from mcda.decision import DecisionMatrix, as_directions
from mcda.errors import MatrixError
from mcda.imprecise.cells import STATUSES, Cell

if TYPE_CHECKING:
    from mcda.imprecise.sampling import Ranges, UnknownChoice, ValueSamples

#: Key of one cell: (alternative, criterion).
CellKey = tuple[str, str]


@dataclass(frozen=True)
class ImpreciseMatrix:
    """Cells of alternatives on criteria, each a :class:`~mcda.imprecise.cells.Cell`.

    Attributes
    ----------
    cells : pandas.DataFrame
        Alternatives (index) x criteria (columns), each entry a Cell.
    directions : pandas.Series
        ``"benefit"`` or ``"cost"`` per criterion, in column order.

    Notes
    -----
    A criterion with a rated cell is measured by the rating scale's intensities [-]: its other
    cells may be rated or unknown, never numbers in another unit (:meth:`build` refuses).
    """

    cells: pd.DataFrame
    directions: pd.Series

    @classmethod
    def build(
        cls,
        cells: pd.DataFrame | Mapping[CellKey, Cell],
        directions: pd.Series | Mapping[str, str],
    ) -> ImpreciseMatrix:
        """Validate cells and directions into a new matrix.

        Parameters
        ----------
        cells : pandas.DataFrame or mapping
            Alternatives x criteria of Cell, or ``{(alternative, criterion): Cell}`` covering
            every pair (alternatives and criteria in order of first appearance).
        directions : pandas.Series or mapping
            ``"benefit"`` or ``"cost"`` per criterion.

        Returns
        -------
        ImpreciseMatrix

        Raises
        ------
        MatrixError
            On no alternative or criterion, a repeated label, a pair without a cell, an entry
            that is not a Cell, a bad direction, or a rated criterion with numeric cells.
        """
        frame = cells.copy() if isinstance(cells, pd.DataFrame) else _frame(cells)
        if frame.empty:
            raise MatrixError("an imprecise matrix needs at least one alternative and criterion")
        for axis, labels in (("alternative", frame.index), ("criterion", frame.columns)):
            if labels.has_duplicates:
                raise MatrixError(f"{axis} {labels[labels.duplicated()][0]!r} appears twice")
        grid = frame.to_numpy()
        for i, j in np.ndindex(grid.shape):
            if not isinstance(grid[i, j], Cell):
                raise MatrixError(
                    f"no cell for {frame.index[i]!r} on {frame.columns[j]!r} (give it status "
                    "unknown if nothing is known)"
                )
        status = frame.map(lambda cell: cell.status)
        for criterion in frame.columns:
            kinds = set(status[criterion])
            numeric = kinds - {"rated", "unknown"}
            if "rated" in kinds and numeric:
                raise MatrixError(
                    f"criterion {criterion!r} mixes rated cells with {sorted(numeric)} cells: a "
                    "rated criterion is measured by rating intensities [-], so its other cells "
                    "must be rated or unknown"
                )
        return cls(frame, as_directions(directions, frame.columns))

    @classmethod
    def from_point(cls, matrix: DecisionMatrix) -> ImpreciseMatrix:
        """The point matrix `matrix` with every cell a point of the same provenance."""
        cells = pd.DataFrame(
            [
                [Cell.point(float(v), str(p)) for v, p in zip(values, origin, strict=True)]
                for values, origin in zip(
                    matrix.values.to_numpy(), matrix.provenance.to_numpy(), strict=True
                )
            ],
            index=matrix.values.index,
            columns=matrix.values.columns,
        )
        return cls.build(cells, matrix.directions)

    def to_point(self) -> DecisionMatrix:
        """The point decision matrix, when every cell is a point.

        Returns
        -------
        DecisionMatrix

        Raises
        ------
        MatrixError
            Naming the first cell that is not a point and how many there are.
        """
        other = self.status != "point"
        if other.to_numpy().any():
            i, j = np.argwhere(other.to_numpy())[0]
            raise MatrixError(
                f"{int(other.to_numpy().sum())} cells are not points, the first "
                f"{self.alternatives[i]!r} on {self.criteria[j]!r} ({self.status.iat[i, j]!s}): "
                "sample the matrix instead of reading it as points"
            )
        return DecisionMatrix.build(self.number("value"), self.directions, self.provenance)

    @property
    def alternatives(self) -> pd.Index:
        """Alternative labels."""
        return self.cells.index

    @property
    def criteria(self) -> pd.Index:
        """Criterion labels."""
        return self.cells.columns

    @property
    def status(self) -> pd.DataFrame:
        """Status of every cell, alternatives x criteria."""
        return self.cells.map(lambda cell: cell.status)

    @property
    def provenance(self) -> pd.DataFrame:
        """Provenance of every cell, alternatives x criteria."""
        return self.cells.map(lambda cell: cell.provenance)

    def number(self, name: str) -> pd.DataFrame:
        """One numeric field of every cell (``"value"``, ``"low"``, ``"high"``, ``"mode"``).

        Returns
        -------
        pandas.DataFrame
            Alternatives x criteria floats, NaN where the cell does not hold the field
            [criterion unit].
        """
        return self.cells.map(lambda cell: cell.number(name)).astype(float)

    @property
    def is_point(self) -> bool:
        """Whether every cell is a point."""
        return bool((self.status == "point").to_numpy().all())

    def status_counts(self, *, by_criterion: bool = False) -> pd.Series | pd.DataFrame:
        """How many cells have each status, every status listed (zeros included).

        Parameters
        ----------
        by_criterion : bool
            Count per criterion instead of over the whole matrix.

        Returns
        -------
        pandas.Series or pandas.DataFrame
            Count per status; or criteria x statuses when `by_criterion`.
        """
        status = self.status
        if by_criterion:
            counts = pd.DataFrame(
                {s: (status == s).sum(axis=0) for s in STATUSES}, index=self.criteria
            )
            counts.columns.name = "status"
            return counts
        flat = pd.Series(status.to_numpy().ravel())
        return flat.value_counts().reindex(list(STATUSES), fill_value=0).rename("cells")

    def with_cells(self, cells: Mapping[CellKey, Cell]) -> ImpreciseMatrix:
        """A new matrix with some cells replaced (e.g. by rated cells).

        Parameters
        ----------
        cells : mapping of (alternative, criterion) to Cell
            The replacements; every key must name a cell of this matrix.

        Returns
        -------
        ImpreciseMatrix

        Raises
        ------
        MatrixError
            On an alternative or criterion this matrix does not have, or a mix that
            :meth:`build` refuses.
        """
        grid = self.cells.to_numpy(copy=True)
        for (alternative, criterion), cell in cells.items():
            for axis, label, labels in (
                ("alternative", alternative, self.alternatives),
                ("criterion", criterion, self.criteria),
            ):
                if label not in labels:
                    raise MatrixError(f"{axis} {label!r} is not in the matrix")
            grid[self.alternatives.get_loc(alternative), self.criteria.get_loc(criterion)] = cell
        frame = pd.DataFrame(grid, index=self.alternatives, columns=self.criteria)
        return ImpreciseMatrix.build(frame, self.directions)

    def sample(
        self,
        n: int,
        seed: int | np.random.Generator | None = None,
        *,
        unknown: UnknownChoice | None = None,
        ranges: Ranges | None = None,
    ) -> ValueSamples:
        """Draw `n` matrices; see :func:`mcda.imprecise.sampling.sample`."""
        from mcda.imprecise.sampling import sample  # sampling builds on this module

        return sample(self, n, seed, unknown=unknown, ranges=ranges)


def _frame(cells: Mapping[CellKey, Cell]) -> pd.DataFrame:
    """Cells keyed by (alternative, criterion) as a frame; a pair without a cell holds NaN."""
    alternatives = list(dict.fromkeys(a for a, _ in cells))
    criteria = list(dict.fromkeys(c for _, c in cells))
    grid = np.full((len(alternatives), len(criteria)), None, dtype=object)
    row = {label: k for k, label in enumerate(alternatives)}
    column = {label: k for k, label in enumerate(criteria)}
    for (alternative, criterion), cell in cells.items():
        grid[row[alternative], column[criterion]] = cell
    return pd.DataFrame(grid, index=alternatives, columns=criteria)
