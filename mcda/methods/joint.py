"""TOPSIS over joint samples: every sample has its own decision matrix and its own weights.

The registry's batch scorers vary the weights over one matrix; SMAA with uncertain values
(:func:`mcda.sensitivity.smaa`) also varies the matrix. Normalising a stack of matrices
column by column, per sample, reproduces pymcdm's normalisations exactly; TOPSIS then needs
only the p-th powers of the gaps to the ideal and anti-ideal points, so scoring a chunk of
samples is one product, both under each sample's own weights and under a few shared weight
vectors (the central weights of SMAA-2's confidence factors).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mcda.errors import MatrixError
from mcda.methods.topsis import DISTANCES
from mcda.normalization import NORMALIZATIONS, POSITIVE_ONLY
from mcda.ranks import TIE_DECIMALS

Array = npt.NDArray[np.float64]


def normalize_samples(values: Array, benefit: npt.NDArray[np.bool_], name: str) -> Array:
    """Normalise each column of each sample's matrix as pymcdm does, higher is better.

    Parameters
    ----------
    values : numpy.ndarray
        Samples x alternatives x criteria.
    benefit : numpy.ndarray
        True for a benefit criterion, False for a cost one.
    name : str
        A key of :data:`mcda.normalization.NORMALIZATIONS`.

    Returns
    -------
    numpy.ndarray
        Same shape, dimensionless [-].

    Raises
    ------
    MatrixError
        On an unknown name, or a score <= 0 under ``"sum"`` or ``"linear"``.
    """
    if name not in NORMALIZATIONS:
        raise MatrixError(f"unknown normalization {name!r}; use one of {sorted(NORMALIZATIONS)}")
    if name in POSITIVE_ONLY and np.any(values <= 0):
        raise MatrixError(f"{name} normalization needs positive scores in every sample")
    high = values.max(axis=1, keepdims=True)
    low = values.min(axis=1, keepdims=True)
    out: Array
    if name == "vector":
        scaled = values / np.sqrt((values**2).sum(axis=1, keepdims=True))
        out = np.where(benefit, scaled, 1.0 - scaled)
    elif name == "minmax":
        span = high - low
        with np.errstate(invalid="ignore", divide="ignore"):
            spread = np.where(benefit, values - low, high - values) / span
        # pymcdm maps a constant column to ones.
        out = np.where(span == 0, 1.0, spread)
    elif name == "max":
        out = np.where(benefit, values / high, 1.0 - values / high)
    elif name == "sum":
        inverse = 1.0 / values
        out = np.where(
            benefit,
            values / values.sum(axis=1, keepdims=True),
            inverse / inverse.sum(axis=1, keepdims=True),
        )
    else:  # linear
        out = np.where(benefit, values / high, low / values)
    return out


def _column_scale(values: Array, name: str) -> Array | None:
    """Per-sample column factor s with normalised gaps = s x raw gaps, or None.

    Vector, min-max and max normalisations are affine in each column (a cost column is
    mirrored), so the gaps to the ideal and anti-ideal of the normalised matrix are the raw
    gaps times one positive factor per column, for both directions. The others are not.
    """
    if name == "vector":
        scale: Array = 1.0 / np.sqrt(np.einsum("smn,smn->sn", values, values))
    elif name == "minmax":
        high, low = _extremes(values)
        span = high - low
        # pymcdm maps a constant column to ones: no gap, whatever the factor.
        scale = np.divide(1.0, span, out=np.zeros_like(span), where=span > 0)
    elif name == "max":
        scale = 1.0 / _extremes(values)[0]
    else:
        return None
    return scale


@dataclass(frozen=True)
class TopsisSamples:
    """A chunk of joint samples ready to score under any weights.

    Attributes
    ----------
    gaps : numpy.ndarray
        Samples x 2 alternatives x criteria: ``|r - ideal|^p`` (first half) and
        ``|r - anti-ideal|^p`` (second half) before `scale`; not powered for Chebyshev.
    scale : numpy.ndarray
        Samples x criteria factor^p that turns `gaps` into gaps of the normalised matrix.
    order : float
        Order p of the distance.

    Notes
    -----
    A sample in which every criterion with a positive weight is constant leaves both
    distances zero for every alternative; all then score 0.5, a tie.
    """

    gaps: Array
    scale: Array
    order: float

    @classmethod
    def prepare(
        cls,
        values: Array,
        benefit: npt.NDArray[np.bool_],
        normalization: str = "vector",
        distance: str = "euclidean",
    ) -> TopsisSamples:
        """Normalise `values` (samples x alternatives x criteria) and take the gaps.

        Raises
        ------
        MatrixError
            On an unknown normalization or distance.
        """
        if distance not in DISTANCES:
            raise MatrixError(f"unknown distance {distance!r}; use one of {sorted(DISTANCES)}")
        order = DISTANCES[distance]
        factor = _column_scale(values, normalization)
        if factor is None:
            values = normalize_samples(values, benefit, normalization)
            factor = np.ones(values.shape[::2])
            benefit = np.ones_like(benefit)
        if not benefit.all():
            # Mirroring a cost column (x -> -x) swaps its gaps to the ideal and anti-ideal.
            values = values * np.where(benefit, 1.0, -1.0)
        samples, m, _ = values.shape
        gaps = np.empty((samples, 2 * m, values.shape[2]))
        high, low = _extremes(values)
        np.subtract(high[:, np.newaxis], values, out=gaps[:, :m])
        np.subtract(values, low[:, np.newaxis], out=gaps[:, m:])
        if order == 2.0:
            np.square(gaps, out=gaps)  # several times faster than power(gaps, 2.0)
            factor = factor**2
        elif np.isfinite(order) and order != 1.0:
            np.power(gaps, order, out=gaps)
            factor = factor**order
        return cls(gaps, factor, order)

    def _closeness(self, distances: Array) -> Array:
        """Closeness from distances whose axis -1 holds ideal then anti-ideal halves."""
        if np.isfinite(self.order) and self.order != 1.0:
            distances = distances ** (1.0 / self.order)
        to_ideal, to_anti_ideal = np.split(distances, 2, axis=-1)
        total = to_ideal + to_anti_ideal
        # Both distances vanish only when every weighted criterion is constant in that
        # sample; then all alternatives are alike and tie at 0.5.
        closeness: Array = np.divide(
            to_anti_ideal, total, out=np.full_like(total, 0.5), where=total > 0
        )
        return closeness

    def per_sample(self, weights: Array) -> Array:
        """Closeness under each sample's own weights (samples x criteria) -> samples x alts."""
        if np.isinf(self.order):
            effective = weights * self.scale
            return self._closeness((self.gaps * effective[:, np.newaxis, :]).max(axis=2))
        effective = (weights if self.order == 1.0 else weights**self.order) * self.scale
        return self._closeness(np.matmul(self.gaps, effective[:, :, np.newaxis])[..., 0])

    def shared(self, weights: Array) -> Array:
        """Closeness under each of k weight vectors (k x criteria) -> samples x alts x k."""
        scaled = self.gaps * self.scale[:, np.newaxis, :]
        samples, rows, criteria = scaled.shape
        if np.isinf(self.order):
            distances = np.stack([(scaled * w).max(axis=2) for w in weights], axis=2)
        else:
            powered = weights if self.order == 1.0 else weights**self.order
            # One (samples * 2m) x criteria by criteria x k product, kept in this layout
            # (alternatives before weights) so that nothing is transposed.
            distances = (scaled.reshape(samples * rows, criteria) @ powered.T).reshape(
                samples, rows, -1
            )
            if self.order != 1.0:
                np.power(distances, 1.0 / self.order, out=distances)
        to_ideal, to_anti_ideal = distances[:, : rows // 2], distances[:, rows // 2 :]
        total = to_ideal + to_anti_ideal
        closeness: Array = np.divide(
            to_anti_ideal, total, out=np.full_like(total, 0.5), where=total > 0
        )
        return closeness

    def first_share(self, weights: Array, alternatives: npt.NDArray[np.int64]) -> Array:
        """Summed share of samples in which ``alternatives[q]`` is first under ``weights[q]``.

        `weights` is k x criteria; ties (at ``TIE_DECIMALS``) are shared equally. Equals
        ranking :meth:`shared`'s closeness, but closeness falls as the ratio
        R = D+^p / D-^p rises, so the best alternative is found on R without roots; only
        the alternatives whose closeness lies within 4e-12 of the best (the candidates for
        a rounded tie) get their closeness computed and rounded.
        """
        scaled = self.gaps * self.scale[:, np.newaxis, :]
        samples, rows, criteria = scaled.shape
        m, k = rows // 2, len(weights)
        if np.isinf(self.order):
            distances = np.stack([(scaled * w).max(axis=2) for w in weights], axis=2)
        else:
            powered = weights if self.order == 1.0 else weights**self.order
            distances = (scaled.reshape(samples * rows, criteria) @ powered.T).reshape(
                samples, rows, k
            )
        to_ideal, to_anti_ideal = distances[:, :m], distances[:, m:]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = to_ideal / to_anti_ideal
        # 0 / 0: both distances vanish, closeness 0.5 by convention, which is R = 1.
        ratio[np.isnan(ratio)] = 1.0
        least = ratio[:, 0].copy()
        for row in range(1, m):
            np.minimum(least, ratio[:, row], out=least)
        root = 1.0 if np.isinf(self.order) else 1.0 / self.order
        lowest = 1.0 / (1.0 + least**root) - 4e-12
        with np.errstate(divide="ignore"):
            threshold = np.where(lowest > 0, ((1.0 - lowest) / lowest) ** (1.0 / root), np.inf)
        s, i, q = np.nonzero(ratio <= threshold[:, np.newaxis, :] * (1.0 + 1e-9))
        closeness = _candidate_closeness(to_ideal[s, i, q], to_anti_ideal[s, i, q], self.order)
        rounded = np.round(closeness, TIE_DECIMALS)
        cell = s * k + q
        best = np.full(samples * k, -np.inf)
        np.maximum.at(best, cell, rounded)
        top = rounded == best[cell]
        tied = np.bincount(cell[top], minlength=samples * k)
        own = top & (i == alternatives[q])
        share: Array = np.bincount(q[own], weights=1.0 / tied[cell[own]], minlength=k).astype(float)
        return share


def _candidate_closeness(to_ideal: Array, to_anti_ideal: Array, order: float) -> Array:
    """Closeness from p-th powers of the two distances (plain distances for Chebyshev)."""
    if np.isfinite(order) and order != 1.0:
        to_ideal, to_anti_ideal = to_ideal ** (1.0 / order), to_anti_ideal ** (1.0 / order)
    total = to_ideal + to_anti_ideal
    closeness: Array = np.divide(
        to_anti_ideal, total, out=np.full_like(total, 0.5), where=total > 0
    )
    return closeness


def _extremes(values: Array) -> tuple[Array, Array]:
    """Column maxima and minima over the alternatives (axis 1) of each sample.

    A loop of element-wise maxima over the alternatives' slices runs several times faster
    than numpy's reduction along a middle axis.
    """
    high, low = values[:, 0].copy(), values[:, 0].copy()
    for i in range(1, values.shape[1]):
        np.maximum(high, values[:, i], out=high)
        np.minimum(low, values[:, i], out=low)
    return high, low
