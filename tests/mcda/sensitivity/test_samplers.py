"""Weight samplers: hit-and-run is uniform (two-sample tests against exact samplers)."""

import numpy as np
import pytest
from scipy.stats import ks_2samp

from mcda import MatrixError
from mcda.sensitivity import (
    at_least,
    hit_and_run,
    ratio_at_most,
    total_order,
    uniform_simplex,
    within,
)
from mcda.sensitivity.weight_constraints import inequalities

#: The KS test assumes independent draws; draws of one chain are correlated, so the tests
#: take four draws from each of 1000 independent chains.
CHAINS = 1000

#: Smallest per-coordinate KS p-value accepted. Draws are fixed by seed; 0.001 leaves room
#: for an honest sampler under any seed (5 coordinates: a false alarm about 1 time in 200).
P_MIN = 1e-3


def test_uniform_simplex_is_flat_dirichlet() -> None:
    w = uniform_simplex(4, 40_000, 0)
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    np.testing.assert_allclose(w.mean(axis=0), 0.25, atol=4e-3)
    # Dirichlet(1,1,1,1) marginal is Beta(1, 3): variance 3 / (16 * 5).
    np.testing.assert_allclose(w.var(axis=0), 3 / 80, rtol=0.05)


def test_hit_and_run_matches_sorted_uniform_simplex_for_a_total_order() -> None:
    criteria = ["a", "b", "c", "d", "e"]
    drawn = hit_and_run(criteria, total_order(criteria), 4000, seed=11, chains=CHAINS)
    exact = -np.sort(-uniform_simplex(5, 4000, 12), axis=1)
    assert np.all(np.diff(drawn, axis=1) <= 1e-12)
    pvalues = [ks_2samp(drawn[:, j], exact[:, j]).pvalue for j in range(5)]
    assert min(pvalues) > P_MIN, pvalues


def test_hit_and_run_matches_rejection_sampling_on_a_box() -> None:
    criteria = ["a", "b", "c", "d"]
    box = [*within("a", 0.1, 0.4), *within("b", 0.2, 0.5), *within("c", 0.0, 0.3)]
    drawn = hit_and_run(criteria, box, 4000, seed=5, chains=CHAINS)
    u = uniform_simplex(4, 60_000, 6)
    inside = (
        (u[:, 0] >= 0.1) & (u[:, 0] <= 0.4) & (u[:, 1] >= 0.2) & (u[:, 1] <= 0.5) & (u[:, 2] <= 0.3)
    )
    exact = u[inside][:4000]
    assert len(exact) == 4000
    pvalues = [ks_2samp(drawn[:, j], exact[:, j]).pvalue for j in range(4)]
    assert min(pvalues) > P_MIN, pvalues


def test_a_wrong_sampler_fails_the_same_test() -> None:
    # The test has power: the Dirichlet centred on the box's middle is not uniform on it.
    criteria = ["a", "b", "c", "d", "e"]
    exact = -np.sort(-uniform_simplex(5, 4000, 12), axis=1)
    wrong = -np.sort(-np.random.default_rng(1).dirichlet(np.full(5, 1.5), 4000), axis=1)
    assert min(ks_2samp(wrong[:, j], exact[:, j]).pvalue for j in range(5)) < P_MIN
    assert hit_and_run(criteria, (), 10, seed=0).shape == (10, 5)


def test_every_draw_satisfies_every_constraint() -> None:
    criteria = [f"c{j}" for j in range(8)]
    constraints = [
        *total_order(criteria[:3]),
        *within("c4", 0.05, 0.2),
        ratio_at_most("c5", "c6", 2.0),
        at_least("c7", "c0"),
    ]
    drawn = hit_and_run(criteria, constraints, 3000, seed=2, chains=50)
    a, b, _ = inequalities(constraints, criteria)
    assert np.all(drawn @ a.T <= b + 1e-9)
    np.testing.assert_allclose(drawn.sum(axis=1), 1.0)
    again = hit_and_run(criteria, constraints, 3000, seed=2, chains=50)
    np.testing.assert_array_equal(drawn, again)


def test_an_empty_polytope_names_the_conflicting_constraints() -> None:
    constraints = [*within("a", 0.6, 0.9), *within("b", 0.6, 0.9), at_least("c", "d")]
    with pytest.raises(MatrixError) as error:
        hit_and_run(["a", "b", "c", "d"], constraints, 10, seed=0)
    message = str(error.value)
    assert "w[a] >= 0.6" in message and "w[b] >= 0.6" in message
    assert "w[c] >= w[d]" not in message and "<= 0.9" not in message
    assert "\n" not in message


def test_a_flat_polytope_is_refused() -> None:
    with pytest.raises(MatrixError, match=r"w\[a\] >= w\[b\]; w\[b\] >= w\[a\]"):
        hit_and_run(["a", "b", "c"], [at_least("a", "b"), at_least("b", "a")], 10, seed=0)


def test_bad_constraints_are_refused() -> None:
    with pytest.raises(MatrixError, match=r"low 0\.5 > high 0\.2"):
        within("a", 0.5, 0.2)
    with pytest.raises(MatrixError, match="must be > 0"):
        ratio_at_most("a", "b", 0.0)
    with pytest.raises(MatrixError, match="names 'z'"):
        hit_and_run(["a", "b"], [at_least("z", "a")], 10, seed=0)
