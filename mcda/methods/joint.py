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


@dataclass(frozen=True)
class TopsisSamples:
    """A chunk of joint samples ready to score under any weights.

    Attributes
    ----------
    gaps : numpy.ndarray
        Samples x 2 alternatives x criteria: ``|r - ideal|^p`` (first half) and
        ``|r - anti-ideal|^p`` (second half); not powered for Chebyshev.
    order : float
        Order p of the distance.

    Notes
    -----
    A sample in which every criterion with a positive weight is constant leaves both
    distances zero for every alternative; all then score 0.5, a tie.
    """

    gaps: Array
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
        normalized = normalize_samples(values, benefit, normalization)
        gaps = np.concatenate(
            [
                normalized.max(axis=1, keepdims=True) - normalized,
                normalized - normalized.min(axis=1, keepdims=True),
            ],
            axis=1,
        )
        if np.isfinite(order) and order != 1.0:
            gaps **= order
        return cls(gaps, order)

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
            return self._closeness((self.gaps * weights[:, np.newaxis, :]).max(axis=2))
        powered = weights if self.order == 1.0 else weights**self.order
        return self._closeness(np.einsum("san,sn->sa", self.gaps, powered))

    def shared(self, weights: Array) -> Array:
        """Closeness under each of k weight vectors (k x criteria) -> samples x k x alts."""
        if np.isinf(self.order):
            distances = np.stack([(self.gaps * w).max(axis=2) for w in weights], axis=1)
            return self._closeness(distances)
        powered = weights if self.order == 1.0 else weights**self.order
        samples, rows, criteria = self.gaps.shape
        # One (samples * 2m) x criteria by criteria x k product.
        flat = self.gaps.reshape(samples * rows, criteria) @ powered.T
        return self._closeness(flat.reshape(samples, rows, -1).transpose(0, 2, 1))
