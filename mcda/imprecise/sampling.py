"""Draw decision matrices from an imprecise one: samples x alternatives x criteria.

Each cell is drawn independently: a point stays constant; an interval, list or interval-spread
rated cell is uniform on [low, high]; a triangular cell follows numpy's triangular
distribution; an empirically spread rated cell is one of its experts' level intensities, each
expert equally likely. Values stay in their criteria's original units.

An unknown cell is handled per criterion by a stated choice, never silently:

- ``"draw"``: uniform over a declared plausible range of the criterion, either stated as
  ``(low, high)`` or ``"observed"``: from the smallest to the largest number any known cell of
  the criterion holds (its value, low or high);
- ``"drop"``: the criterion is left out of the analysis (every sample), and weights are
  renormalised over the criteria kept (:meth:`ValueSamples.renormalise`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.imprecise.matrix import ImpreciseMatrix

FloatArray = npt.NDArray[np.float64]

UnknownPolicy = Literal["draw", "drop"]

#: One policy for every criterion with unknown cells, or one per criterion.
UnknownChoice = UnknownPolicy | Mapping[str, UnknownPolicy]

#: A criterion's plausible range for drawn unknown cells [criterion unit].
Range = tuple[float, float] | Literal["observed"]

#: Plausible range per criterion.
Ranges = Mapping[str, Range]

POLICIES: tuple[UnknownPolicy, ...] = ("draw", "drop")


@dataclass(frozen=True)
class ValueSamples:
    """Sampled decision matrices and the criteria they keep.

    Attributes
    ----------
    values : numpy.ndarray
        Samples x alternatives x kept criteria [criterion units].
    alternatives : pandas.Index
        Alternative labels (axis 1).
    criteria : pandas.Index
        Kept criterion labels (axis 2), in the matrix's order.
    dropped : tuple of str
        Criteria left out because their unknown cells are dropped.
    directions : pandas.Series
        ``"benefit"`` or ``"cost"`` per kept criterion.
    ranges : pandas.DataFrame
        Plausible range (columns ``low``, ``high``) of each criterion whose unknown cells
        were drawn [criterion unit].
    all_criteria : pandas.Index
        Every criterion of the matrix, kept or dropped.
    """

    values: FloatArray
    alternatives: pd.Index
    criteria: pd.Index
    dropped: tuple[str, ...]
    directions: pd.Series
    ranges: pd.DataFrame
    all_criteria: pd.Index

    def renormalise(self, weights: pd.Series | FloatArray) -> pd.Series | FloatArray:
        """Weights on the kept criteria, rescaled to sum to 1.

        Parameters
        ----------
        weights : pandas.Series or numpy.ndarray
            Weight per criterion [-]: a Series naming at least the kept criteria, or an
            array whose last axis follows :attr:`all_criteria` (one vector, or samples x
            criteria).

        Returns
        -------
        pandas.Series or numpy.ndarray
            The kept criteria's weights divided by their sum, same kind as `weights`.

        Raises
        ------
        MatrixError
            If a kept criterion has no weight, the array has the wrong width, or the kept
            weights sum to zero.
        """
        if isinstance(weights, pd.Series):
            missing = [c for c in self.criteria if c not in weights.index]
            if missing:
                raise MatrixError(f"no weight given for criteria {missing}")
            kept = weights.loc[self.criteria].astype(float)
            return kept / _positive_sum(kept.to_numpy(), self.dropped)
        array = np.asarray(weights, dtype=float)
        if array.shape[-1] != len(self.all_criteria):
            raise MatrixError(
                f"weights have {array.shape[-1]} columns, the matrix {len(self.all_criteria)} "
                "criteria"
            )
        columns = self.all_criteria.get_indexer(self.criteria)
        kept_array = array[..., columns]
        return kept_array / _positive_sum(kept_array, self.dropped)


def _positive_sum(weights: npt.NDArray[np.floating], dropped: tuple[str, ...]) -> FloatArray:
    """Sum over the last axis, refusing a zero sum."""
    total = weights.sum(axis=-1, keepdims=True)
    if np.any(total <= 0):
        raise MatrixError(f"the criteria kept after dropping {list(dropped)} have zero weight")
    return np.asarray(total if weights.ndim > 1 else total[0], dtype=float)


@dataclass(frozen=True)
class _Plan:
    """Flat arrays over the kept cells (alternative-major), compiled once per matrix."""

    shape: tuple[int, int]
    base: FloatArray
    uniform: tuple[npt.NDArray[np.intp], FloatArray, FloatArray]
    triangular: tuple[npt.NDArray[np.intp], FloatArray, FloatArray, FloatArray]
    empirical: tuple[npt.NDArray[np.intp], FloatArray, npt.NDArray[np.intp]]


def sample(
    matrix: ImpreciseMatrix,
    n: int,
    seed: int | np.random.Generator | None = None,
    *,
    unknown: UnknownChoice | None = None,
    ranges: Ranges | None = None,
) -> ValueSamples:
    """Draw `n` decision matrices from `matrix`.

    Parameters
    ----------
    matrix : ImpreciseMatrix
        The cells to draw from.
    n : int
        Number of samples, >= 1.
    seed : int or numpy.random.Generator, optional
        Seed (the same seed gives the same samples) or a generator to draw from.
    unknown : {"draw", "drop"} or mapping, optional
        What to do with unknown cells, for all criteria or per criterion (see the module
        notes). Needed for every criterion that has an unknown cell.
    ranges : mapping of str to (float, float) or "observed", optional
        Plausible range of each criterion whose unknown cells are drawn.

    Returns
    -------
    ValueSamples
        Values samples x alternatives x kept criteria, and the criteria dropped.

    Raises
    ------
    MatrixError
        If a criterion with unknown cells has no stated policy, a drawn one has no range
        (or a bad one), every criterion is dropped, or `n` < 1.
    """
    plan, frame = _compile(matrix, unknown, ranges)
    return _samples(frame, _draw(plan, n, np.random.default_rng(seed)))


def sample_chunks(
    matrix: ImpreciseMatrix,
    n: int,
    chunk: int,
    seed: int | np.random.Generator | None = None,
    *,
    unknown: UnknownChoice | None = None,
    ranges: Ranges | None = None,
) -> Iterator[ValueSamples]:
    """Draw `n` matrices in chunks of at most `chunk` samples, from one generator.

    The same seed and chunk size give the same samples; memory holds one chunk at a time.
    Parameters and errors as in :func:`sample`.

    Yields
    ------
    ValueSamples
    """
    if chunk < 1:
        raise MatrixError(f"chunk size is {chunk}; it must be at least 1")
    plan, frame = _compile(matrix, unknown, ranges)
    rng = np.random.default_rng(seed)
    for start in range(0, n, chunk):
        yield _samples(frame, _draw(plan, min(chunk, n - start), rng))


@dataclass(frozen=True)
class _Frame:
    """What labels the samples of one compiled matrix."""

    matrix: ImpreciseMatrix
    kept: pd.Index
    dropped: tuple[str, ...]
    ranges: pd.DataFrame


def _samples(frame: _Frame, values: FloatArray) -> ValueSamples:
    return ValueSamples(
        values,
        frame.matrix.alternatives,
        frame.kept,
        frame.dropped,
        frame.matrix.directions.loc[frame.kept],
        frame.ranges,
        frame.matrix.criteria,
    )


def _compile(
    matrix: ImpreciseMatrix, unknown: UnknownChoice | None, ranges: Ranges | None
) -> tuple[_Plan, _Frame]:
    """Resolve the unknown-cell policy and flatten the kept cells into arrays."""
    dropped, plausible = resolve_unknown(matrix, unknown, ranges)
    kept = pd.Index([c for c in matrix.criteria if c not in dropped])
    cells = matrix.cells.loc[:, kept]
    kinds = cells.map(lambda cell: cell.status).to_numpy().ravel()
    numbers = {
        name: cells.map(lambda cell, name=name: cell.number(name)).to_numpy(dtype=float).ravel()
        for name in ("value", "low", "high", "mode")
    }
    low, high, mode = numbers["low"].copy(), numbers["high"].copy(), numbers["mode"]
    columns = np.tile(np.arange(len(kept)), len(matrix.alternatives))
    for k, criterion in enumerate(kept):
        if criterion in plausible.index:
            hole = (kinds == "unknown") & (columns == k)
            low[hole], high[hole] = plausible.loc[criterion, ["low", "high"]]
    support = [cell.support for cell in cells.to_numpy().ravel()]
    empirical = np.array([len(s) > 0 for s in support], dtype=bool)
    # Every kept non-point cell has [low, high]: its own, or its criterion's plausible range.
    spread = (kinds != "point") & ~empirical
    # A degenerate spread (low == high) is a constant; numpy's triangular refuses it.
    constant = (kinds == "point") | (spread & (low == high))
    base = np.where(kinds == "point", numbers["value"], low)
    base[~constant & ~empirical] = np.nan
    uniform = np.flatnonzero(spread & ~constant & (kinds != "triangular"))
    triangle = np.flatnonzero(spread & ~constant & (kinds == "triangular"))
    rated = np.flatnonzero(empirical)
    counts = np.array([len(support[i]) for i in rated], dtype=np.intp)
    table = np.zeros((len(rated), int(counts.max(initial=0))))
    for row, i in enumerate(rated):
        table[row, : counts[row]] = support[i]
    plan = _Plan(
        (len(matrix.alternatives), len(kept)),
        base,
        (uniform, low[uniform], high[uniform]),
        (triangle, low[triangle], mode[triangle], high[triangle]),
        (rated, table, counts),
    )
    return plan, _Frame(matrix, kept, dropped, plausible)


def resolve_unknown(
    matrix: ImpreciseMatrix, unknown: UnknownChoice | None = None, ranges: Ranges | None = None
) -> tuple[tuple[str, ...], pd.DataFrame]:
    """Which criteria an unknown-cell policy drops, and the ranges its drawn cells span.

    Parameters
    ----------
    matrix : ImpreciseMatrix
        The cells.
    unknown, ranges
        As in :func:`sample`.

    Returns
    -------
    dropped : tuple of str
        Criteria left out, in the matrix's order.
    plausible : pandas.DataFrame
        Columns ``low``, ``high`` per criterion whose unknown cells are drawn, an
        ``"observed"`` range resolved to numbers [criterion unit].

    Raises
    ------
    MatrixError
        As :func:`sample`.
    """
    status = matrix.status
    with_unknown = [c for c in matrix.criteria if (status[c] == "unknown").any()]
    policy = _policies(with_unknown, unknown, matrix.criteria)
    dropped = tuple(c for c in with_unknown if policy[c] == "drop")
    if len(dropped) == len(matrix.criteria):
        raise MatrixError(f"every criterion is dropped ({list(dropped)}): nothing is left to rank")
    drawn = [c for c in with_unknown if policy[c] == "draw"]
    plausible = pd.DataFrame(
        [_plausible(matrix, c, (ranges or {}).get(c)) for c in drawn],
        index=pd.Index(drawn, name="criterion"),
        columns=["low", "high"],
        dtype=float,
    )
    return dropped, plausible


def _policies(
    with_unknown: list[str], unknown: UnknownChoice | None, criteria: pd.Index
) -> dict[str, UnknownPolicy]:
    """The stated policy of each criterion with unknown cells; refuse a missing one."""
    if isinstance(unknown, Mapping):
        extra = [c for c in unknown if c not in criteria]
        if extra:
            raise MatrixError(f"an unknown-cell policy names criteria {extra} the matrix lacks")
        chosen = {c: unknown.get(c) for c in with_unknown}
    else:
        chosen = dict.fromkeys(with_unknown, unknown)
    unstated = [c for c, p in chosen.items() if p is None]
    if unstated:
        raise MatrixError(
            f"criteria {unstated} have unknown cells: state unknown='draw' (with a plausible "
            "range per criterion) or unknown='drop' (the criterion is left out and weights "
            "renormalised)"
        )
    policies: dict[str, UnknownPolicy] = {}
    for criterion, policy in chosen.items():
        if policy not in POLICIES:
            raise MatrixError(
                f"unknown-cell policy {policy!r} for {criterion!r}; use 'draw' or 'drop'"
            )
        policies[criterion] = policy
    return policies


def _plausible(matrix: ImpreciseMatrix, criterion: str, stated: Range | None) -> list[float]:
    """The plausible range [low, high] of a criterion whose unknown cells are drawn."""
    if stated is None:
        raise MatrixError(
            f"unknown cells of {criterion!r} are to be drawn but no plausible range is stated: "
            f"give ranges={{{criterion!r}: (low, high)}} or {{{criterion!r}: 'observed'}}"
        )
    if isinstance(stated, str):
        if stated != "observed":
            raise MatrixError(
                f"plausible range {stated!r} of {criterion!r}; use (low, high) or 'observed'"
            )
        known = [
            x
            for cell in matrix.cells[criterion]
            for x in (cell.value, cell.low, cell.high)
            if x is not None
        ]
        if not known:
            raise MatrixError(
                f"criterion {criterion!r} has no known cell to observe a range from: state "
                "(low, high)"
            )
        return [min(known), max(known)]
    low, high = (float(x) for x in stated)
    if not (math.isfinite(low) and math.isfinite(high)) or low > high:
        raise MatrixError(
            f"plausible range ({low:g}, {high:g}) of {criterion!r} must be finite with low <= high"
        )
    return [low, high]


def _draw(plan: _Plan, n: int, rng: np.random.Generator) -> FloatArray:
    """`n` samples of the plan's cells, samples x alternatives x criteria."""
    if n < 1:
        raise MatrixError(f"number of samples is {n}; it must be at least 1")
    out = np.empty((n, plan.base.size))
    out[:] = plan.base
    index, low, high = plan.uniform
    if index.size:
        u = rng.random((n, index.size))
        width = high - low
        if np.all(np.isfinite(width)):
            u *= width
            u += low
        else:  # a width past the float range: the convex form cannot overflow
            u = low * (1.0 - u) + high * u
        # Rounding may step past an end; clip it back.
        out[:, index] = np.clip(u, low, high, out=u)
    index, low, mode, high = plan.triangular
    if index.size:
        t = rng.triangular(low, mode, high, size=(n, index.size))
        out[:, index] = np.clip(t, low, high, out=t)
    index, table, counts = plan.empirical
    if index.size:
        pick = np.minimum((rng.random((n, index.size)) * counts).astype(np.intp), counts - 1)
        out[:, index] = table[np.arange(index.size), pick]
    return out.reshape(n, *plan.shape)
