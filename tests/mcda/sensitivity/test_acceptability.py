"""Rank acceptability: shape, reproducibility, agreement with a per-sample loop."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda import MatrixError, methods, rank
from mcda.ranks import competition_ranks
from mcda.sensitivity import rank_acceptability
from mcda.sensitivity.acceptability import dirichlet_weights

MATRIX = pd.DataFrame(
    {"x": [4.0, 2.0, 1.0, 3.0], "y": [1.0, 3.0, 2.0, 2.5], "z": [2.0, 2.0, 5.0, 1.0]},
    index=["a", "b", "c", "d"],
)
WEIGHTS = pd.Series({"x": 0.5, "y": 0.3, "z": 0.2})
DIRECTIONS = {"x": "benefit", "y": "cost", "z": "benefit"}


def test_rows_sum_to_one_and_central_weights_are_weights() -> None:
    result = rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, n=3000, seed=1, concentration=5.0)
    np.testing.assert_allclose(result.acceptability.sum(axis=1), 1.0)
    assert list(result.acceptability.columns) == [1, 2, 3, 4]
    first = result.acceptability[1]
    central = result.central_weights
    np.testing.assert_allclose(central.loc[first > 0].sum(axis=1), 1.0)
    assert central.loc[first == 0].isna().all(axis=None)
    assert (result.samples, result.seed, result.method) == (3000, 1, "topsis")


def test_vectorised_topsis_equals_a_loop_over_rank() -> None:
    result = rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, n=200, seed=7)
    samples = dirichlet_weights(WEIGHTS.to_numpy(), 200, 100.0, 7)
    counts = pd.DataFrame(0.0, index=MATRIX.index, columns=result.acceptability.columns)
    for w in samples:
        ranks = rank(MATRIX, pd.Series(w, index=MATRIX.columns), DIRECTIONS)["rank"]
        for alternative, r in ranks.items():
            counts.at[alternative, r] += 1 / 200
    pd.testing.assert_frame_equal(result.acceptability, counts, check_names=False, atol=1e-12)


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_monte_carlo_with_a_fixed_seed_is_reproducible(seed: int) -> None:
    first = rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, n=500, seed=seed, concentration=3.0)
    again = rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, n=500, seed=seed, concentration=3.0)
    pd.testing.assert_frame_equal(first.acceptability, again.acceptability)
    pd.testing.assert_frame_equal(first.central_weights, again.central_weights)
    other = rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, n=500, seed=seed + 1, concentration=3.0)
    assert not other.central_weights.fillna(0).equals(first.central_weights.fillna(0))


def test_tight_concentration_keeps_the_base_ranking() -> None:
    base = rank(MATRIX, WEIGHTS, DIRECTIONS)["rank"]
    result = rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, n=500, concentration=1e9)
    for alternative, r in base.items():
        assert result.acceptability.at[alternative, r] == 1.0


def test_dirichlet_samples_centre_on_the_weights() -> None:
    samples = dirichlet_weights(WEIGHTS.to_numpy(), 20000, 50.0, 3)
    np.testing.assert_allclose(samples.mean(axis=0), WEIGHTS, atol=3e-3)
    expected_sd = np.sqrt(WEIGHTS * (1 - WEIGHTS) / 51)
    np.testing.assert_allclose(samples.std(axis=0), expected_sd, rtol=0.05)


def test_other_methods_loop_over_samples() -> None:
    result = rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, n=50, method="vikor", v=0.4)
    np.testing.assert_allclose(result.acceptability.sum(axis=1), 1.0)
    samples = dirichlet_weights(WEIGHTS.to_numpy(), 50, 100.0, 0)
    scores = [
        rank(MATRIX, pd.Series(w, index=MATRIX.columns), DIRECTIONS, "vikor", v=0.4)
        .loc[MATRIX.index, "score"]
        .to_numpy()
        for w in samples
    ]
    first = (competition_ranks(np.array(scores)) == 1).mean(axis=0)
    np.testing.assert_allclose(result.acceptability[1], first)


@pytest.mark.parametrize("method", methods())
def test_every_registered_method_runs_rank_acceptability(method: str) -> None:
    # Near-fixed weights: every sample ranks as the base weights do.
    result = rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, n=20, method=method, concentration=1e9)
    base = rank(MATRIX, WEIGHTS, DIRECTIONS, method=method)["rank"]
    for alternative, r in base.items():
        assert result.acceptability.at[alternative, r] == pytest.approx(1.0), method
    assert result.method == method


@pytest.mark.parametrize(
    ("settings_", "message"),
    [
        ({"n": 0}, "n >= 1"),
        ({"concentration": 0.0}, "concentration must be > 0"),
        ({"method": "topsis", "v": 0.5}, "has no option"),
    ],
)
def test_bad_monte_carlo_settings_are_refused(settings_: dict[str, object], message: str) -> None:
    with pytest.raises(MatrixError, match=message):
        rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, **settings_)
