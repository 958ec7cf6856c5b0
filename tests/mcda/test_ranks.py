"""Competition ranks against their definition: 1 + the number of strictly higher scores."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda.ranks import competition_ranks

# Few distinct values, so that ties are common.
rows = arrays(
    np.float64,
    st.tuples(st.integers(1, 30), st.integers(2, 9)),
    elements=st.sampled_from([0.0, 0.5, 1.0, 2.5]),
)


@settings(max_examples=100, deadline=None)
@given(rows)
def test_ranks_count_strictly_higher_scores(scores: np.ndarray) -> None:
    expected = 1 + (scores[:, np.newaxis, :] > scores[:, :, np.newaxis]).sum(axis=-1)
    np.testing.assert_array_equal(competition_ranks(scores), expected)


def test_floating_point_noise_does_not_split_a_tie() -> None:
    assert list(competition_ranks(np.array([0.1 + 0.2, 0.3, 0.1]))) == [1, 1, 3]
