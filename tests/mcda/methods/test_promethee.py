"""PROMETHEE II: published examples, the six preference functions, threshold checks."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda import MatrixError, rank
from mcda.methods.preference import preferences
from tests.mcda.textbook import problem_frames


def test_zhao_peng_li_2013_net_flows() -> None:
    # Zhao, H., Peng, Y. & Li, W. (2013). Revised PROMETHEE II for improving efficiency in
    # emergency response. Procedia Computer Science 17, 181-188: usual criterion, weights
    # 0.5 / 0.3 / 0.2; published net flows 0.1, -0.3, 0.2 (leaving 0.55, 0.35, 0.6).
    matrix, weights, directions = problem_frames(
        [[4, 3, 2], [3, 2, 4], [5, 1, 3]], [1, 1, 1], [0.5, 0.3, 0.2]
    )
    result = rank(matrix, weights, directions, method="promethee_ii").sort_index()
    np.testing.assert_allclose(result["score"], [0.1, -0.3, 0.2], atol=1e-3)
    np.testing.assert_allclose(result["phi_plus"], [0.55, 0.35, 0.6], atol=1e-3)
    np.testing.assert_allclose(result["score"], result["phi_plus"] - result["phi_minus"])
    assert list(result.sort_values("rank").index) == ["A3", "A1", "A2"]


# Two alternatives differing by d = 3 on one benefit criterion (weight 1), the other equal
# criterion carries weight 0: net flow of A2 = P(3), of A1 = -P(3), with Brans' functions
# P(d) for q = 1, p = 4: usual 1; u-shape 1 (d > q); v-shape d / p = 0.75; level 0.5
# (q < d <= p); linear (d - q) / (p - q) = 2/3.
@pytest.mark.parametrize(
    ("preference", "expected"),
    [("usual", 1.0), ("u-shape", 1.0), ("v-shape", 0.75), ("level", 0.5), ("linear", 2 / 3)],
)
def test_preference_functions_follow_brans(preference: str, expected: float) -> None:
    matrix, weights, directions = problem_frames([[1, 0], [4, 1]], [1, 1], [1.0, 0.0])
    result = rank(
        matrix, weights, directions, method="promethee_ii", preference=preference, q=1, p=4
    )
    assert result.at["A2", "score"] == pytest.approx(expected)
    assert result.at["A1", "score"] == pytest.approx(-expected)


def test_thresholds_per_criterion_and_repeated_calls_agree() -> None:
    matrix, weights, directions = problem_frames([[1, 10], [4, 30], [2, 20]], [1, -1], [0.6, 0.4])
    options = {"preference": "linear", "q": {"c1": 0.5, "c2": 2}, "p": {"c1": 2, "c2": 15}}
    first = rank(matrix, weights, directions, method="promethee_ii", **options)
    again = rank(matrix, weights, directions, method="promethee_ii", **options)
    assert first["score"].abs().sum() > 0
    np.testing.assert_array_equal(first["score"], again["score"])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"preference": "cauchy"}, "unknown preference function"),
        ({"preference": "gaussian"}, "needs threshold s"),
        ({"preference": "v-shape"}, "needs threshold p"),
        ({"preference": "linear", "q": 3, "p": 2}, "q must be below p"),
        ({"preference": "level", "q": -1, "p": 2}, "q of 'c1' is -1"),
        ({"preference": "u-shape", "q": {"c1": 1}}, "missing for criteria"),
    ],
)
def test_bad_thresholds_are_refused(options: dict[str, object], message: str) -> None:
    matrix, weights, directions = problem_frames([[1, 10], [4, 30]], [1, -1], [0.6, 0.4])
    with pytest.raises(MatrixError, match=message):
        rank(matrix, weights, directions, method="promethee_ii", **options)


def test_gaussian_follows_brans_type_vi() -> None:
    # Brans, Vincke & Mareschal (1986), Table 1, type VI: P(d) = 1 - exp(-d^2 / (2 s^2));
    # d = 3, s = 2 gives 1 - exp(-9/8) = 0.675348.
    matrix, weights, directions = problem_frames([[1, 0], [4, 1]], [1, 1], [1.0, 0.0])
    result = rank(matrix, weights, directions, method="promethee_ii", preference="gaussian", s=2)
    assert result.at["A2", "score"] == pytest.approx(1 - math.exp(-9 / 8))
    assert result.at["A2", "score"] == pytest.approx(0.675348, abs=1e-6)


def test_a_function_per_criterion_reproduces_the_mcda_r_package_example() -> None:
    # The PROMETHEE I example of the MCDA R package (Meyer & Bigaret, tests/PROMETHEEI.R):
    # five transport modes; Price (min) Gaussian s = 4, Time (min) level q = 11 p = 15,
    # Comfort (max) linear q = 1 p = 3; weights 0.2 / 0.3 / 0.5. Flows of RER worked by
    # hand from Brans' functions: against METRO1, METRO2, BUS, TAXI it gains on price
    # d = 3, 1, 5, 29 and on time d = 10, 10, 30, 20 (level: 0, 0, 1, 1); only TAXI beats
    # it, on comfort by d = 2 (linear: 0.5).
    matrix = pd.DataFrame(
        [[1, 10, 1], [4, 20, 2], [2, 20, 0], [6, 40, 0], [30, 30, 3]],
        index=["RER", "METRO1", "METRO2", "BUS", "TAXI"],
        columns=["Price", "Time", "Comfort"],
        dtype=float,
    )
    weights = pd.Series({"Price": 0.2, "Time": 0.3, "Comfort": 0.5})
    directions = {"Price": "cost", "Time": "cost", "Comfort": "benefit"}
    options = {
        "preference": {"Price": "gaussian", "Time": "level", "Comfort": "linear"},
        "s": {"Price": 4},
        "q": {"Time": 11, "Comfort": 1},
        "p": {"Time": 15, "Comfort": 3},
    }
    result = rank(matrix, weights, directions, method="promethee_ii", **options)
    price = sum(1 - math.exp(-(d**2) / 32) for d in (3, 1, 5, 29))
    assert result.at["RER", "phi_plus"] == pytest.approx((0.2 * price + 0.3 * 2) / 4)
    assert result.at["RER", "phi_plus"] == pytest.approx(0.240905, abs=1e-6)
    assert result.at["RER", "phi_minus"] == pytest.approx(0.5 * 0.5 / 4)


@pytest.mark.parametrize(
    ("preference", "pymcdm_name"),
    [
        ("usual", "usual"),
        ("u-shape", "ushape"),
        ("v-shape", "vshape"),
        ("level", "level"),
        ("linear", "vshape_2"),
    ],
)
def test_flows_agree_with_pymcdm_on_its_five_functions(preference: str, pymcdm_name: str) -> None:
    from pymcdm.methods import PROMETHEE_II

    generator = np.random.default_rng(7)
    values = np.round(generator.uniform(0, 10, size=(7, 4)), 1)
    matrix, weights, directions = problem_frames(values, [1, -1, 1, -1], [0.1, 0.2, 0.3, 0.4])
    q, p = [0.5, 1.0, 0.2, 2.0], [3.0, 4.0, 2.5, 6.0]
    options = {"q": dict(zip(matrix.columns, q, strict=True))}
    options["p"] = dict(zip(matrix.columns, p, strict=True))
    ours = rank(
        matrix, weights, directions, method="promethee_ii", preference=preference, **options
    )
    theirs = PROMETHEE_II(pymcdm_name, p=p, q=q)(
        values, weights.to_numpy(), np.array([1, -1, 1, -1]), validation=False
    )
    np.testing.assert_allclose(ours.loc[matrix.index, "score"], theirs, atol=1e-12)


@pytest.mark.parametrize(
    "preference", ["usual", "u-shape", "v-shape", "level", "linear", "gaussian"]
)
@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-50, 50), min_size=2, max_size=20))
def test_preference_degrees_are_monotone_and_zero_without_advantage(
    preference: str, advantages: list[float]
) -> None:
    spec = preferences(preference, pd.Index(["c"]), p=4.0, q=1.0, s=2.0)
    d = np.sort(np.array(advantages))[:, None]
    degrees = spec.degrees(d)[:, 0]
    assert np.all((degrees >= 0) & (degrees <= 1))
    assert np.all(np.diff(degrees) >= 0)
    assert np.all(degrees[d[:, 0] <= 0] == 0)
