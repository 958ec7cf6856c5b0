"""AHP priorities and consistency against published examples and properties."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda.ahp.priorities import priorities
from mcda.errors import JudgmentError
from tests.mcda.published import (
    CAR_COST,
    CAR_CRITERIA,
    CAR_PRICE,
    CITIES,
    CITY_CRITERIA,
    CITY_JUDGMENTS,
    CITY_WEIGHTS,
    COMPLETED_4_WEIGHTS,
    DRINKS_MATRIX,
    DRINKS_WEIGHTS,
    HOUSE_MATRIX,
    HOUSE_WEIGHTS,
    INCOMPLETE_4,
    INCOMPLETE_4_WEIGHTS,
    LEADER_CRITERIA,
    LEADER_JUDGMENTS,
    matrix,
)

# Published to 3 decimals: agreement is at best half a unit of the last digit.
THREE_DECIMALS = 5e-4
FOUR_DECIMALS = 1e-4


def test_saaty_drinks_eigenvector_and_cr() -> None:
    result = priorities(DRINKS_MATRIX)
    pd.testing.assert_series_equal(
        result.weights, pd.Series(DRINKS_WEIGHTS, name="weight"), atol=FOUR_DECIMALS
    )
    assert round(result.cr, 3) == 0.022
    assert result.ri_table == "saaty"
    assert result.acceptable and not result.completed


@pytest.mark.parametrize(
    ("table", "published", "tolerance"),
    [("donegan_dodd", 0.0235, 5e-5), ("saaty2005", 0.022, THREE_DECIMALS)],
)
def test_drinks_cr_against_the_tables_ahpy_uses(
    table: str, published: float, tolerance: float
) -> None:
    assert priorities(DRINKS_MATRIX, ri=table).cr == pytest.approx(published, abs=tolerance)


def test_saaty_house_is_inconsistent_as_published() -> None:
    result = priorities(HOUSE_MATRIX)
    np.testing.assert_allclose(result.weights, HOUSE_WEIGHTS, atol=THREE_DECIMALS)
    assert result.lambda_max == pytest.approx(9.669, abs=THREE_DECIMALS)
    assert result.ci == pytest.approx(0.238, abs=THREE_DECIMALS)
    assert result.cr == pytest.approx(0.169, abs=THREE_DECIMALS)
    assert result.threshold == 0.1 and not result.acceptable


def synthesis(criteria: pd.Series, local: dict[str, pd.Series]) -> pd.Series:
    """Alternatives' weights: criterion weights times local priorities, summed."""
    return pd.DataFrame(local).dot(criteria.loc[list(local)])


def test_cities_synthesis_matches_ahpy_to_four_decimals() -> None:
    criteria = priorities(matrix(CITY_CRITERIA), ri="donegan_dodd").weights
    local = {
        name: priorities(matrix(judgments, CITIES), ri="donegan_dodd").weights
        for name, judgments in CITY_JUDGMENTS.items()
    }
    pd.testing.assert_series_equal(
        synthesis(criteria, local).loc[CITIES],
        pd.Series(CITY_WEIGHTS),
        atol=FOUR_DECIMALS,
        check_names=False,
    )


def test_leader_example_matches_ahpy() -> None:
    criteria = priorities(matrix(LEADER_CRITERIA), ri="saaty2005")
    local = {name: priorities(matrix(j), ri="saaty2005") for name, j in LEADER_JUDGMENTS.items()}
    assert criteria.weights.to_dict() == pytest.approx(
        {"Experience": 0.548, "Charisma": 0.27, "Education": 0.127, "Age": 0.056},
        abs=THREE_DECIMALS,
    )
    assert criteria.cr == pytest.approx(0.044, abs=THREE_DECIMALS)
    assert local["Experience"].weights.to_dict() == pytest.approx(
        {"Nell": 0.717, "Moll": 0.217, "Sue": 0.066}, abs=THREE_DECIMALS
    )
    assert local["Experience"].cr == pytest.approx(0.035, abs=THREE_DECIMALS)
    assert local["Education"].cr == pytest.approx(0.062, abs=THREE_DECIMALS)
    overall = synthesis(criteria.weights, {name: r.weights for name, r in local.items()})
    # AHPy rounds every local and global weight to 3 decimals before synthesising; the
    # unrounded synthesis (Sue 0.1495) can differ from its .15 by up to 1e-3.
    assert overall.to_dict() == pytest.approx({"Nell": 0.493, "Moll": 0.358, "Sue": 0.15}, abs=1e-3)


@pytest.mark.parametrize(
    ("judgments", "weights", "cr"),
    [
        (CAR_CRITERIA, {"Cost": 0.51, "Safety": 0.234, "Capacity": 0.215, "Style": 0.041}, 0.08),
        (CAR_COST, {"Price": 0.488, "Fuel": 0.252, "Resale": 0.161, "Maintenance": 0.1}, 0.016),
        (
            CAR_PRICE,
            {
                "Element": 0.366,
                "Accord Sedan": 0.246,
                "CR-V": 0.246,
                "Odyssey": 0.093,
                "Accord Hybrid": 0.025,
                "Pilot": 0.025,
            },
            0.072,
        ),
    ],
)
def test_car_example_matches_ahpy(judgments: dict, weights: dict, cr: float) -> None:
    result = priorities(matrix(judgments), ri="donegan_dodd")
    assert result.weights.to_dict() == pytest.approx(weights, abs=THREE_DECIMALS)
    assert result.cr == pytest.approx(cr, abs=THREE_DECIMALS)


def test_incomplete_matrix_is_completed_and_says_so() -> None:
    result = priorities(matrix(INCOMPLETE_4), ri="donegan_dodd")
    assert result.weights.to_dict() == pytest.approx(INCOMPLETE_4_WEIGHTS, abs=FOUR_DECIMALS)
    assert result.cr == pytest.approx(0.0372, abs=5e-5)
    assert result.completed and result.completion is not None
    assert list(result.completion.filled.index) == [("c", "d")]
    assert result.completion.method == "lambda_max"


def test_the_same_matrix_completed_by_a_judgment() -> None:
    result = priorities(matrix({**INCOMPLETE_4, ("c", "d"): 3 / 4}), ri="donegan_dodd")
    assert result.weights.to_dict() == pytest.approx(COMPLETED_4_WEIGHTS, abs=FOUR_DECIMALS)
    assert result.cr == pytest.approx(0.0372, abs=5e-5)


def test_intransitive_cycle_has_analytic_lambda_max() -> None:
    # A circulant 3-cycle (a > b 9x, b > c 9x, c > a 9x): lambda_max = 1 + 9 + 1/9 exactly,
    # CI = (10.111 - 3) / 2, CR = CI / 0.58 = 6.130 (the value pymcdm returns weights for).
    cycle = np.array([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    result = priorities(cycle)
    assert result.lambda_max == pytest.approx(1 + 9 + 1 / 9, abs=1e-9)
    assert result.cr == pytest.approx((1 + 9 + 1 / 9 - 3) / 2 / 0.58, abs=1e-9)
    assert result.threshold == 0.05 and not result.acceptable
    np.testing.assert_allclose(result.weights, [1 / 3] * 3, atol=1e-12)


weights_strategy = st.lists(st.floats(min_value=0.05, max_value=10.0), min_size=3, max_size=9).map(
    lambda w: np.asarray(w) / np.sum(w)
)


def noisy_reciprocal(w: np.ndarray, seed: int, spread: float = 0.3) -> np.ndarray:
    """w_i / w_j times reciprocal log-normal noise: an inconsistent but reciprocal matrix."""
    noise = np.exp(np.random.default_rng(seed).normal(0, spread, (len(w), len(w))))
    noise = np.triu(noise, 1) + np.tril(1 / noise.T, -1) + np.eye(len(w))
    return np.outer(w, 1 / w) * noise


@settings(max_examples=60, deadline=None)
@given(weights_strategy)
def test_consistent_matrix_gives_back_its_weights(w: np.ndarray) -> None:
    consistent = np.outer(w, 1 / w)
    for method in ("eigenvector", "geometric_mean"):
        result = priorities(consistent, method=method)
        np.testing.assert_allclose(result.weights, w, atol=1e-9)
        assert result.cr == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(weights_strategy, st.integers(0, 2**31))
def test_eigenvector_and_geometric_mean_agree_exactly_when_consistent(
    w: np.ndarray, seed: int
) -> None:
    consistent = np.outer(w, 1 / w)
    eigen, geometric = (
        priorities(consistent, method=m).weights for m in ("eigenvector", "geometric_mean")
    )
    pd.testing.assert_series_equal(eigen, geometric, atol=1e-10)
    # With noise they differ for n > 3 (so the agreement above is not an identity of the code);
    # for n = 3 they coincide on every reciprocal matrix (Crawford & Williams 1985).
    noisy = noisy_reciprocal(w, seed, spread=0.8)
    eigen, geometric = (
        priorities(noisy, method=m).weights for m in ("eigenvector", "geometric_mean")
    )
    if len(w) == 3:
        pd.testing.assert_series_equal(eigen, geometric, atol=1e-10)


def test_methods_differ_on_an_inconsistent_matrix() -> None:
    eigen, geometric = (
        priorities(HOUSE_MATRIX, method=m).weights for m in ("eigenvector", "geometric_mean")
    )
    assert (eigen - geometric).abs().max() > 1e-3


@settings(max_examples=40, deadline=None)
@given(weights_strategy)
def test_priorities_invariant_to_relabelling(w: np.ndarray) -> None:
    labels = [f"c{i}" for i in range(len(w))]
    frame = pd.DataFrame(noisy_reciprocal(w, len(w)), index=labels, columns=labels)
    order = list(reversed(labels))
    base, moved = priorities(frame), priorities(frame.loc[order, order])
    pd.testing.assert_series_equal(base.weights, moved.weights.loc[labels], atol=1e-12)
    assert base.cr == pytest.approx(moved.cr, abs=1e-12)


def test_upper_triangle_only_ignores_the_lower_one() -> None:
    garbled = DRINKS_MATRIX.copy()
    garbled.iloc[3, 0] = 7.0  # would be non-reciprocal if read
    with pytest.raises(JudgmentError, match="not reciprocal"):
        priorities(garbled)
    pd.testing.assert_series_equal(
        priorities(garbled, reciprocal="upper").weights, priorities(DRINKS_MATRIX).weights
    )


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ([[1, 2], [0.5, 1], [1, 1]], "square"),
        ([[1, 0], [0, 1]], "(0, 1) = 0.0 must be a positive"),
        ([[1, -2], [-0.5, 1]], "(0, 1) = -2.0 must be a positive"),
        ([[1, 3], [3, 1]], "(0, 1) = 3 and (1, 0) = 3 are not reciprocal"),
        ([[2, 1], [1, 1]], "diagonal judgment (0, 0)"),
        ([[np.nan, 1], [1, 1]], "diagonal judgment (0, 0)"),
        ([[1, np.nan], [1, 1]], "(0, 1) is missing but (1, 0) = 1 is given"),
        ([[1, np.inf], [0, 1]], "(0, 1) = inf must be a positive"),
    ],
)
def test_bad_matrices_are_refused_naming_the_cell(bad: list[list[float]], message: str) -> None:
    with pytest.raises(JudgmentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        priorities(np.asarray(bad, dtype=float))


def test_mislabelled_matrix_is_refused() -> None:
    frame = pd.DataFrame([[1, 2], [0.5, 1]], index=["a", "b"], columns=["a", "c"])
    with pytest.raises(JudgmentError, match="differ from column labels"):
        priorities(frame)


def test_unknown_method_and_table_are_refused() -> None:
    with pytest.raises(JudgmentError, match="unknown AHP method 'median'"):
        priorities(DRINKS_MATRIX, method="median")  # type: ignore[arg-type]
    with pytest.raises(JudgmentError, match="unknown random-index table 'gauss'"):
        priorities(DRINKS_MATRIX, ri="gauss")
