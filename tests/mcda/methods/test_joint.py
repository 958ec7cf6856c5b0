"""Normalising stacks of matrices reproduces pymcdm's per-matrix normalisations."""

import numpy as np
import pytest
from pymcdm import normalizations
from pymcdm.helpers import normalize_matrix

from mcda import MatrixError
from mcda.methods.joint import normalize_samples
from mcda.normalization import NORMALIZATIONS


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
