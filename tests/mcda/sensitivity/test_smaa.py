"""SMAA-2: closed forms, sample-for-sample agreement with loops, invariants."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda import MatrixError, methods, rank
from mcda.ranks import competition_ranks
from mcda.sensitivity import (
    rank_acceptability,
    smaa,
    smaa_weights,
    total_order,
    uniform_simplex,
)
from mcda.sensitivity.acceptability import dirichlet_weights
from mcda.sensitivity.smaa import linear_meta_weights

MATRIX = pd.DataFrame(
    {"x": [4.0, 2.0, 1.0, 3.0], "y": [1.0, 3.0, 2.0, 2.5], "z": [2.0, 2.0, 5.0, 1.0]},
    index=["a", "b", "c", "d"],
)
WEIGHTS = pd.Series({"x": 0.5, "y": 0.3, "z": 0.2})
DIRECTIONS = {"x": "benefit", "y": "cost", "z": "benefit"}


def jittered(n: int, seed: int) -> np.ndarray:
    """n samples of MATRIX with +-20% uniform noise on every cell."""
    noise = np.random.default_rng(seed).uniform(0.8, 1.2, (n, *MATRIX.shape))
    return MATRIX.to_numpy() * noise


def test_closed_form_two_alternatives_two_criteria() -> None:
    # a: x ~ U(0, 1), y = 0; b: x = 0.5, y = 1; w1 ~ U(0, 1). Under min-max TOPSIS with two
    # alternatives a wins iff it is better on x (prob. 1/2) and w1 > w2 (prob. 1/2).
    n = 40_000
    rng = np.random.default_rng(3)
    values = np.zeros((n, 2, 2))
    values[:, 0, 0] = rng.uniform(0, 1, n)
    values[:, 1] = [0.5, 1.0]
    weights = uniform_simplex(2, n, 4)
    result = smaa(values, weights, ["a", "b"], ["x", "y"], normalization="minmax")
    assert result.winning.at["a", "b"] == pytest.approx(0.25, abs=0.01)
    assert result.acceptability.at["a", 1] == pytest.approx(0.25, abs=0.01)
    # Among samples with a first, w1 | w1 > 1/2 is U(1/2, 1): mean 3/4.
    assert result.central_weights.at["a", "x"] == pytest.approx(0.75, abs=0.01)
    # Under w_a^c = (3/4, 1/4) a wins exactly when x_a > 0.5.
    assert result.confidence_factors["a"] == pytest.approx(0.5, abs=0.01)
    assert result.tiers == (("a", "b"),)


def test_an_alternative_dominating_every_sample_is_sure_and_alone_on_top() -> None:
    values = jittered(500, 1)
    values[:, 0] = [10.0, 0.1, 10.0]  # a: best on every criterion (y is a cost)
    weights = dirichlet_weights(WEIGHTS.to_numpy(), 500, 2.0, 0)
    result = smaa(values, weights, list(MATRIX.index), list(MATRIX.columns), DIRECTIONS)
    assert result.acceptability.at["a", 1] == 1.0
    assert result.confidence_factors["a"] == 1.0
    assert result.holistic["a"] == 1.0
    assert result.tiers[0] == ("a",)
    assert result.winning.loc["a"].drop("a").eq(1.0).all()


def test_point_matrix_agrees_with_rank_acceptability_on_the_same_samples() -> None:
    old = rank_acceptability(MATRIX, WEIGHTS, DIRECTIONS, n=3000, seed=9, concentration=5.0)
    new = smaa_weights(MATRIX, DIRECTIONS, n=3000, seed=9, weights=WEIGHTS, concentration=5.0)
    pd.testing.assert_frame_equal(new.acceptability, old.acceptability, atol=1e-15)
    pd.testing.assert_frame_equal(new.central_weights, old.central_weights, atol=1e-12)
    # On a point matrix p_i^c is 0 or 1, here 1 for the alternatives that are ever first.
    assert set(new.confidence_factors.dropna()) <= {0.0, 1.0}
    # The caller-samples entry on repeated copies of the matrix gives the same indices.
    samples = dirichlet_weights(WEIGHTS.to_numpy(), 3000, 5.0, 9)
    values = np.broadcast_to(MATRIX.to_numpy(), (3000, *MATRIX.shape))
    joint = smaa(values, samples, list(MATRIX.index), list(MATRIX.columns), DIRECTIONS)
    pd.testing.assert_frame_equal(joint.acceptability, new.acceptability, atol=1e-15)
    pd.testing.assert_frame_equal(joint.winning, new.winning)
    pd.testing.assert_series_equal(joint.confidence_factors, new.confidence_factors)


@pytest.mark.parametrize("options", [{}, {"normalization": "minmax", "distance": "chebyshev"}])
def test_joint_topsis_equals_a_loop_over_rank(options: dict[str, str]) -> None:
    n = 150
    values, weights = jittered(n, 2), dirichlet_weights(WEIGHTS.to_numpy(), n, 3.0, 2)
    result = smaa(values, weights, list("abcd"), list("xyz"), DIRECTIONS, **options)

    def scores(matrix: np.ndarray, w: np.ndarray) -> np.ndarray:
        frame = pd.DataFrame(matrix, index=MATRIX.index, columns=MATRIX.columns)
        ranked = rank(frame, pd.Series(w, index=MATRIX.columns), DIRECTIONS, **options)
        return ranked.loc[MATRIX.index, "score"].to_numpy()

    loop = np.array([scores(values[k], weights[k]) for k in range(n)])
    ranks = competition_ranks(loop)
    expected = np.stack([(ranks == r).mean(axis=0) for r in range(1, 5)], axis=1)
    np.testing.assert_allclose(result.acceptability.to_numpy(), expected, atol=1e-12)
    wins = (loop[:, :, None] > loop[:, None, :]).mean(axis=0)
    np.testing.assert_allclose(result.winning.to_numpy(), wins, atol=1e-12)
    central = result.central_weights.loc["a"].to_numpy()
    first = np.mean([competition_ranks(scores(values[k], central))[0] == 1 for k in range(n)])
    assert result.confidence_factors["a"] == pytest.approx(first)


@pytest.mark.parametrize("coarse", [False, True])
def test_threads_do_not_change_a_bit(coarse: bool) -> None:
    # Chunks are counted on several threads and added in chunk order; with `coarse`, b and
    # d have equal rows, so tie, in every other sample.
    n = 700
    values = jittered(n, 6)
    if coarse:
        values[::2, 1] = values[::2, 3]
    weights = dirichlet_weights(WEIGHTS.to_numpy(), n, 3.0, 6)
    labels = (list(MATRIX.index), list(MATRIX.columns))
    one = smaa(values, weights, *labels, DIRECTIONS, chunk=64, workers=1)
    three = smaa(values, weights, *labels, DIRECTIONS, chunk=64, workers=3)
    for name in ("acceptability", "holistic", "central_weights", "confidence_factors", "winning"):
        assert getattr(one, name).equals(getattr(three, name)), name  # exact, NaN == NaN
    tied = 1.0 - one.winning.at["b", "d"] - one.winning.at["d", "b"]
    assert tied == pytest.approx(0.5 if coarse else 0.0, abs=1e-12)


def test_a_bad_value_stops_every_thread_with_its_sample() -> None:
    values = jittered(400, 7)
    values[333, 1, 2] = np.nan
    weights = dirichlet_weights(WEIGHTS.to_numpy(), 400, 3.0, 7)
    with pytest.raises(MatrixError, match="value sample 333 "):
        smaa(values, weights, list("abcd"), list("xyz"), DIRECTIONS, chunk=50, workers=2)


def test_a_method_without_a_batch_scorer_loops_per_sample() -> None:
    n = 40
    values, weights = jittered(n, 4), dirichlet_weights(WEIGHTS.to_numpy(), n, 3.0, 4)
    result = smaa(values, weights, list("abcd"), list("xyz"), DIRECTIONS, method="vikor", v=0.4)
    first = [
        rank(
            pd.DataFrame(values[k], index=MATRIX.index, columns=MATRIX.columns),
            pd.Series(weights[k], index=MATRIX.columns),
            DIRECTIONS,
            "vikor",
            v=0.4,
        ).loc[MATRIX.index, "score"]
        for k in range(n)
    ]
    top = (competition_ranks(np.array(first)) == 1).mean(axis=0)
    np.testing.assert_allclose(result.acceptability[1], top)


@pytest.mark.parametrize("method", methods())
def test_every_registered_method_runs_smaa_2_on_joint_and_weight_samples(method: str) -> None:
    # Joint samples: the acceptability is the share of samples at each rank that a loop
    # over mcda.rank gives (continuous noise: no ties).
    n = 12
    values, weights = jittered(n, 5), dirichlet_weights(WEIGHTS.to_numpy(), n, 3.0, 5)
    result = smaa(values, weights, list("abcd"), list("xyz"), DIRECTIONS, method=method)
    scores = [
        rank(
            pd.DataFrame(values[k], index=MATRIX.index, columns=MATRIX.columns),
            pd.Series(weights[k], index=MATRIX.columns),
            DIRECTIONS,
            method,
        ).loc[MATRIX.index, "score"]
        for k in range(n)
    ]
    ranks = competition_ranks(np.array(scores))
    expected = np.stack([(ranks == r).mean(axis=0) for r in range(1, 5)], axis=1)
    np.testing.assert_allclose(result.acceptability.to_numpy(), expected, atol=1e-12)
    assert result.method == method
    # Weight samples on the point matrix, near-fixed: every sample ranks as the base does.
    fixed = smaa_weights(
        MATRIX, DIRECTIONS, n=20, method=method, weights=WEIGHTS, concentration=1e9
    )
    base = rank(MATRIX, WEIGHTS, DIRECTIONS, method=method)["rank"]
    for alternative, r in base.items():
        assert fixed.acceptability.at[alternative, r] == pytest.approx(1.0), method


def test_ties_share_the_ranks_they_cover() -> None:
    # b and c are identical: in every sample they split two ranks half and half.
    matrix = pd.DataFrame({"x": [3.0, 2.0, 2.0], "y": [1.0, 2.0, 2.0]}, index=list("abc"))
    result = smaa_weights(matrix, {"x": "benefit", "y": "benefit"}, n=2000, seed=1)
    b = result.acceptability.loc["b"]
    assert b.equals(result.acceptability.loc["c"])
    np.testing.assert_allclose(result.acceptability.sum(axis=0), 1.0)
    np.testing.assert_allclose(result.acceptability.sum(axis=1), 1.0)
    assert result.winning.at["b", "c"] == 0.0 == result.winning.at["c", "b"]
    # a first with share p; otherwise b and c tie for first and get half each.
    p = result.acceptability.at["a", 1]
    assert b[1] == pytest.approx((1 - p) / 2)


def test_linear_meta_weights_and_holistic_index() -> None:
    np.testing.assert_allclose(linear_meta_weights(4), [1.0, 2 / 3, 1 / 3, 0.0])
    result = smaa_weights(MATRIX, DIRECTIONS, n=500, seed=0)
    expected = result.acceptability.to_numpy() @ np.array([1.0, 2 / 3, 1 / 3, 0.0])
    np.testing.assert_allclose(result.holistic, expected)
    assert result.weight_model == "uniform simplex"


def test_constrained_weights_use_hit_and_run() -> None:
    result = smaa_weights(MATRIX, DIRECTIONS, n=500, seed=0, constraints=total_order(["x", "y"]))
    central = result.central_weights.dropna()
    assert (central["x"] >= central["y"]).all()
    assert result.weight_model == "hit-and-run over 1 constraints"


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=2, max_value=5),
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=1, max_value=60),
    st.integers(min_value=0, max_value=2**31),
    st.booleans(),
)
def test_invariants(m: int, k: int, n: int, seed: int, coarse: bool) -> None:
    rng = np.random.default_rng(seed)
    # Coarse values (0, 1, 2) make ties common; fine ones make them (almost) impossible.
    values = rng.integers(0, 3, (n, m, k)) + 1.0 if coarse else rng.uniform(1, 2, (n, m, k))
    weights = uniform_simplex(k, n, seed)
    labels = [f"a{i}" for i in range(m)]
    result = smaa(values, weights, labels, [f"c{j}" for j in range(k)], normalization="max")
    np.testing.assert_allclose(result.acceptability.sum(axis=1), 1.0)
    np.testing.assert_allclose(result.acceptability.sum(axis=0), 1.0)
    both = result.winning + result.winning.T
    assert (both.to_numpy() <= 1.0 + 1e-12).all()
    if not coarse:
        off = ~np.eye(m, dtype=bool)
        np.testing.assert_allclose(both.to_numpy()[off], 1.0)
    central = result.central_weights.dropna()
    np.testing.assert_allclose(central.sum(axis=1), 1.0)
    assert (central.to_numpy() >= 0).all()
    assert result.confidence_factors.dropna().between(0, 1).all()
    # Tiers agree with the pairwise indices at the stated confidence.
    level = {a: t for t, tier in enumerate(result.tiers) for a in tier}
    for i in labels:
        for j in labels:
            if result.winning.at[i, j] >= result.confidence:
                assert level[i] < level[j]


def test_bad_input_is_refused() -> None:
    values, weights = jittered(10, 0), uniform_simplex(3, 10, 0)
    labels = (list("abcd"), list("xyz"))
    with pytest.raises(MatrixError, match="samples x 4 alternatives x 3 criteria"):
        smaa(values[:, :3], weights, *labels)
    with pytest.raises(MatrixError, match="weight sample 2"):
        bad = weights.copy()
        bad[2, 0] += 0.1
        smaa(values, bad, *labels)
    with pytest.raises(MatrixError, match="10 value samples but 9"):
        smaa(values, weights[:9], *labels)
    with pytest.raises(MatrixError, match="value sample 7"):
        broken = values.copy()
        broken[7, 1, 1] = np.nan
        smaa(values=broken, weights=weights, alternatives=labels[0], criteria=labels[1])
    with pytest.raises(MatrixError, match=r"\(0.5, 1\]"):
        smaa(values, weights, *labels, confidence=0.4)
    with pytest.raises(MatrixError, match="chunk and workers must be >= 1, not 0 and 2"):
        smaa(values, weights, *labels, chunk=0, workers=2)
    with pytest.raises(MatrixError, match="not both"):
        smaa_weights(MATRIX, DIRECTIONS, weights=WEIGHTS, constraints=total_order(["x", "y"]))


def test_stated_meta_weights_are_used_and_checked() -> None:
    alpha = np.array([1.0, 0.0, 0.0, 0.0])
    result = smaa_weights(MATRIX, DIRECTIONS, n=300, seed=0, meta_weights=alpha)
    pd.testing.assert_series_equal(result.holistic, result.acceptability[1], check_names=False)
    with pytest.raises(MatrixError, match="need 4 meta-weights"):
        smaa_weights(MATRIX, DIRECTIONS, n=300, seed=0, meta_weights=alpha[:3])
