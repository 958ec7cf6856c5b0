"""Normalising stacks of matrices reproduces pymcdm's per-matrix normalisations."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm import normalizations
from pymcdm.helpers import normalize_matrix

from mcda import MatrixError
from mcda.methods.joint import TopsisSamples, normalize_samples
from mcda.normalization import NORMALIZATIONS
from mcda.sensitivity.smaa import _first_share


@pytest.mark.parametrize("name", sorted(NORMALIZATIONS))
def test_each_sample_is_normalised_as_pymcdm_does(name: str) -> None:
    values = np.random.default_rng(0).uniform(1, 9, (6, 5, 3))
    values[2, :, 1] = 4.0  # a constant column in one sample
    types = np.array([1, -1, 1])
    ours = normalize_samples(values, types == 1, name)
    function = getattr(normalizations, NORMALIZATIONS[name])
    for k in range(len(values)):
        np.testing.assert_allclose(ours[k], normalize_matrix(values[k], function, types))


def test_ratio_normalisations_refuse_non_positive_scores() -> None:
    with pytest.raises(MatrixError, match="positive"):
        normalize_samples(np.zeros((1, 2, 2)), np.array([True, True]), "sum")


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=0, max_value=2**31),
    st.sampled_from(["euclidean", "manhattan", "chebyshev"]),
    st.sampled_from(["vector", "minmax", "linear"]),
    st.booleans(),
)
def test_first_share_equals_ranking_the_shared_closeness(
    seed: int, distance: str, normalization: str, coarse: bool
) -> None:
    # Coarse values (1, 2, 3) and equal weights make exact and rounded ties common.
    rng = np.random.default_rng(seed)
    shape = (30, 4, 3)
    values = rng.integers(1, 4, shape) + 0.0 if coarse else rng.uniform(1, 2, shape)
    weights = np.array([[1 / 3] * 3, [0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
    alternatives = np.array([2, 0, 3])
    prepared = TopsisSamples.prepare(values, np.array([True, False, True]), normalization, distance)
    expected = _first_share(prepared.shared(weights), alternatives)
    np.testing.assert_allclose(prepared.first_share(weights, alternatives), expected)
