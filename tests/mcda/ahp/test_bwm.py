"""The Best-Worst Method against Rezaei's published car example, and its invariants."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda.ahp.bwm import (
    CONSISTENCY_INDEX,
    bwm,
    consistency_index,
    input_consistency_ratio,
    question_counts,
)
from mcda.errors import JudgmentError

# Rezaei, J. (2016). Best-worst multi-criteria decision-making method: Some properties and a
# linear model. Omega 64, 126-130, doi:10.1016/j.omega.2015.12.001. Buying a car: five
# criteria, best = price, worst = style. Example 1 (Table 2) is fully consistent; example 2
# (Table 3) is not: linear model (Sec. 4) w = (.2295, .4481, .1148, .1530, .0546),
# xi^L = .0109; nonlinear model (Sec. 3) xi* = .1459 with the weight intervals below.
CAR = ["quality", "price", "comfort", "safety", "style"]
CONSISTENT_BO, CONSISTENT_OW = [2, 1, 4, 2, 8], [4, 8, 2, 4, 1]
CONSISTENT_W = [0.2105, 0.4211, 0.1053, 0.2105, 0.0526]
EXAMPLE_BO, EXAMPLE_OW = [2, 1, 4, 3, 8], [4, 8, 2, 3, 1]
EXAMPLE_LINEAR_W = [0.2295, 0.4481, 0.1148, 0.1530, 0.0546]
EXAMPLE_INTERVALS = [
    (0.2145, 0.2289),
    (0.4461, 0.4571),
    (0.1085, 0.1176),
    (0.1563, 0.1602),
    (0.0548, 0.0561),
]
# Published to 4 decimals.
FOUR_DECIMALS = 5e-5 + 1e-7


def car(values: list[int]) -> dict[str, float]:
    return dict(zip(CAR, map(float, values), strict=True))


def test_rezaei_2016_consistent_example_has_zero_xi_and_cr() -> None:
    result = bwm(car(CONSISTENT_BO), car(CONSISTENT_OW))
    assert (result.best, result.worst) == ("price", "style")
    np.testing.assert_allclose(result.weights.to_numpy(), CONSISTENT_W, atol=FOUR_DECIMALS)
    assert result.xi == pytest.approx(0, abs=1e-9)
    assert result.xi_star == pytest.approx(0, abs=1e-9)
    assert result.cr == pytest.approx(0, abs=1e-9) and result.cr_input == 0


def test_rezaei_2016_linear_model() -> None:
    result = bwm(car(EXAMPLE_BO), car(EXAMPLE_OW))
    assert list(result.weights.index) == CAR and result.model == "linear"
    np.testing.assert_allclose(result.weights.to_numpy(), EXAMPLE_LINEAR_W, atol=FOUR_DECIMALS)
    assert result.xi == pytest.approx(0.0109, abs=FOUR_DECIMALS)


def test_rezaei_2016_nonlinear_model_xi_star_intervals_and_cr() -> None:
    result = bwm(car(EXAMPLE_BO), car(EXAMPLE_OW), model="nonlinear")
    assert result.xi_star == pytest.approx(0.1459, abs=FOUR_DECIMALS)
    assert result.xi == result.xi_star
    np.testing.assert_allclose(result.intervals.to_numpy(), EXAMPLE_INTERVALS, atol=FOUR_DECIMALS)
    # The nonlinear weights are the interval centres, rescaled: inside every interval.
    assert (result.weights >= result.intervals["low"] - 1e-6).all()
    assert (result.weights <= result.intervals["high"] + 1e-6).all()
    # CR = xi* / CI(a_BW = 8) = 0.1459 / 4.47 (Rezaei 2015's ratio).
    assert result.consistency_index == 4.47
    assert result.cr == pytest.approx(0.1459 / 4.47, abs=1e-4)


def test_input_based_cr_of_liang_brunelli_rezaei_2020() -> None:
    # max_j |a_Bj a_jW - a_BW| / (a_BW^2 - a_BW): safety gives |3 * 3 - 8| / 56, comfort
    # |4 * 2 - 8| = 0, quality |2 * 4 - 8| = 0.
    result = bwm(car(EXAMPLE_BO), car(EXAMPLE_OW))
    assert result.cr_input == pytest.approx(1 / 56)
    third = input_consistency_ratio(
        pd.Series(car([2, 1, 4, 3, 8])), pd.Series(car([4, 8, 4, 2, 1]))
    )
    assert third == pytest.approx(max(abs(2 * 4 - 8), abs(4 * 4 - 8), abs(3 * 2 - 8)) / 56)


def test_rezaei_2016_third_example_reaches_xi_one() -> None:
    # Rezaei (2016) Table 4: the deliberately inconsistent comparisons; xi* = 1.
    result = bwm(car([2, 1, 4, 3, 8]), car([4, 8, 4, 2, 1]), model="nonlinear")
    assert result.xi_star == pytest.approx(1.0, abs=1e-6)


def test_three_criteria_against_jmcdm() -> None:
    # JMcDM (jbytecode/JMcDM), test/mcdm/testbestworst.jl: pref_to_best [8, 2, 1],
    # pref_to_worst [1, 5, 8] give epsilon 0.26 and weights (.071, .338, .589) to 0.01.
    # Three criteria: the nonlinear model's optimum is unique, so the intervals collapse.
    result = bwm({"a": 8, "b": 2, "c": 1}, {"a": 1, "b": 5, "c": 8}, model="nonlinear")
    assert result.xi_star == pytest.approx(0.26, abs=0.01)
    np.testing.assert_allclose(result.weights.to_numpy(), [0.071, 0.338, 0.589], atol=0.01)
    widths = result.intervals["high"] - result.intervals["low"]
    assert (widths < 1e-4).all()


def test_consistency_index_table_is_rezaei_2015_closed_form_rounded() -> None:
    # Rezaei (2015), Omega 53, 49-57, Table 5: CI solves xi^2 - (1 + 2a) xi + (a^2 - a) = 0.
    assert list(CONSISTENCY_INDEX.values()) == [
        0.00, 0.44, 1.00, 1.63, 2.30, 3.00, 3.73, 4.47, 5.23
    ]  # fmt: skip
    for a_bw, ci in CONSISTENCY_INDEX.items():
        exact = ((1 + 2 * a_bw) - math.sqrt(1 + 8 * a_bw)) / 2
        assert round(exact, 2) == ci
        assert exact**2 - (1 + 2 * a_bw) * exact + (a_bw**2 - a_bw) == pytest.approx(0, abs=1e-12)
    assert consistency_index(2.5) == pytest.approx((6 - math.sqrt(21)) / 2)


def test_the_worst_case_input_reaches_the_consistency_index() -> None:
    # CI(a_BW) is xi* of the most inconsistent input: a_Bj = a_jW = a_BW for a middle item.
    a_bw = 5.0
    result = bwm({"b": 1, "m": a_bw, "w": a_bw}, {"b": a_bw, "m": a_bw, "w": 1})
    exact = ((1 + 2 * a_bw) - math.sqrt(1 + 8 * a_bw)) / 2
    assert result.xi_star == pytest.approx(exact, rel=1e-6)
    assert result.cr == pytest.approx(exact / 2.30, rel=1e-6)


def test_output_cr_can_exceed_one_beyond_three_items() -> None:
    # CI(a_BW) is the worst case of one middle item; two contradictory middle items (c2 as
    # good as the best and as bad as the worst, c3 the reverse) push xi* past it. A random
    # search over 2e6 weight vectors finds nothing below 0.509; the LP finds 0.5.
    result = bwm(
        {"b": 1, "w": 2, "c2": 1, "c3": 2}, {"b": 2, "w": 1, "c2": 1, "c3": 2}, best="b", worst="w"
    )
    assert result.xi_star == pytest.approx(0.5, abs=1e-6)
    assert result.cr == pytest.approx(0.5 / 0.44, abs=1e-5) and result.cr > 1


def test_question_counts() -> None:
    assert question_counts(18) == (33, 153)
    assert question_counts(5) == (7, 10)
    assert bwm(car(EXAMPLE_BO), car(EXAMPLE_OW)).comparisons == 7


@pytest.mark.parametrize(
    ("to_others", "to_worst", "kwargs", "message"),
    [
        ({"a": 1, "b": 3}, {"a": 3, "c": 1}, {}, "different items"),
        ({"a": 1, "b": 0.5}, {"a": 2, "b": 1}, {}, "numbers >= 1"),
        ({"a": 1, "b": 1, "c": 3}, {"a": 3, "b": 2, "c": 1}, {}, "name the best item"),
        ({"a": 1, "b": 3}, {"a": 4, "b": 1}, {}, "give one a_BW"),
        ({"a": 1, "b": 3}, {"a": 3, "b": 1}, {"best": "b"}, "must be 1"),
        ({"a": 1, "b": 3}, {"a": 3, "b": 1}, {"model": "quadratic"}, "unknown BWM model"),
        ({"a": 1}, {"a": 1}, {}, "at least two"),
        ({"a": 1, "b": 2, "c": 1}, {"a": 2, "b": 1, "c": 5}, {"best": "a"}, "more than the 2"),
    ],
)
def test_bad_input_is_refused(
    to_others: dict[str, float], to_worst: dict[str, float], kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(JudgmentError, match=message):
        bwm(to_others, to_worst, **kwargs)  # type: ignore[arg-type]


def test_tied_best_is_resolved_by_naming_it() -> None:
    result = bwm({"a": 1, "b": 1, "c": 3}, {"a": 3, "b": 3, "c": 1}, best="a")
    assert result.weights["a"] == pytest.approx(result.weights["b"], abs=1e-9)


@st.composite
def judgments(draw: st.DrawFn) -> tuple[dict[str, float], dict[str, float]]:
    n = draw(st.integers(3, 7))
    a_bw = float(draw(st.integers(2, 9)))
    # No item is further from the best or the worst than a_BW (bwm refuses that).
    middle = [float(draw(st.integers(1, int(a_bw)))) for _ in range(n - 2)]
    others = [float(draw(st.integers(1, int(a_bw)))) for _ in range(n - 2)]
    items = [f"c{k}" for k in range(n)]
    to_others = dict(zip(items, [1.0, a_bw, *middle], strict=True))
    to_worst = dict(zip(items, [a_bw, 1.0, *others], strict=True))
    return to_others, to_worst


@settings(max_examples=25, deadline=None)
@given(judgments())
def test_weights_are_positive_and_sum_to_one(
    pair: tuple[dict[str, float], dict[str, float]],
) -> None:
    to_others, to_worst = pair
    for model in ("linear", "nonlinear"):
        result = bwm(to_others, to_worst, best="c0", worst="c1", model=model)  # type: ignore[arg-type]
        assert result.weights.sum() == pytest.approx(1.0, abs=1e-9)
        assert (result.weights > 0).all()
        assert 0 <= result.cr_input <= 1 + 1e-12


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(0.1, 10), min_size=2, max_size=7))
def test_consistent_judgments_give_zero_xi_and_cr(sizes: list[float]) -> None:
    # Judgments read off true weights are fully consistent: a_Bj a_jW = a_BW for every j.
    weights = pd.Series(sorted(sizes, reverse=True), index=[f"c{k}" for k in range(len(sizes))])
    weights = weights / weights.sum()
    best, worst = weights.index[0], weights.index[-1]
    if weights[best] == weights[worst]:
        return
    result = bwm(weights[best] / weights, weights / weights[worst], best=best, worst=worst)
    assert result.xi == pytest.approx(0, abs=1e-7)
    assert result.xi_star == pytest.approx(0, abs=1e-6)
    assert result.cr == pytest.approx(0, abs=1e-6) and result.cr_input == pytest.approx(0, abs=1e-9)
    np.testing.assert_allclose(result.weights.to_numpy(), weights.to_numpy(), atol=1e-7)
