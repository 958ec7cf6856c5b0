"""AHP synthesis to the alternatives: AHPy's car examples, Belton & Gear's rank reversal,
Saaty & Vargas's counterexample, ratings, and the ideal mode's invariance."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda.ahp.synthesis import Measured, Pairwise, Rated, RatingScale, synthesize
from mcda.errors import JudgmentError, MatrixError
from tests.mcda.published import (
    CAR_CAPACITY,
    CAR_COST,
    CAR_CRITERIA,
    CAR_HIERARCHY,
    CAR_LEAF_JUDGMENTS,
    CAR_MEASURED,
    CAR_MEASURED_SYNTHESIS,
    CAR_SYNTHESIS,
    VEHICLES,
)

# AHPy publishes 3 decimals and rounds its local weights to 3 decimals before multiplying
# them, so exact synthesis agrees to within about a unit of the last digit.
AHPY = 1e-3
CAR_NODES = {"goal": CAR_CRITERIA, "Cost": CAR_COST, "Capacity": CAR_CAPACITY}


def test_ahpy_car_example_with_pairwise_judgments() -> None:
    leaves = {leaf: Pairwise(judgments) for leaf, judgments in CAR_LEAF_JUDGMENTS.items()}
    result = synthesize(CAR_HIERARCHY, CAR_NODES, leaves, VEHICLES)
    pd.testing.assert_series_equal(
        result.priorities[list(CAR_SYNTHESIS)], pd.Series(CAR_SYNTHESIS, name="priority"), atol=AHPY
    )
    assert result.ranking == list(CAR_SYNTHESIS)
    # AHPy's global weights of the cost subcriteria: Price .249, Fuel .129, Resale .082.
    assert result.weights[["Price", "Fuel", "Resale"]].tolist() == pytest.approx(
        [0.249, 0.129, 0.082], abs=AHPY
    )
    assert result.judged["goal"].cr == pytest.approx(0.08, abs=0.01)


def test_ahpy_car_example_with_measured_values() -> None:
    leaves = {leaf: Pairwise(judgments) for leaf, judgments in CAR_LEAF_JUDGMENTS.items()}
    leaves.update({leaf: Measured(values) for leaf, values in CAR_MEASURED.items()})
    result = synthesize(CAR_HIERARCHY, CAR_NODES, leaves, VEHICLES)
    pd.testing.assert_series_equal(
        result.priorities[list(CAR_MEASURED_SYNTHESIS)],
        pd.Series(CAR_MEASURED_SYNTHESIS, name="priority"),
        atol=AHPY,
    )
    passenger = {"Pilot": 0.229, "Odyssey": 0.229, "CR-V": 0.143, "Element": 0.114}
    assert result.values.loc[list(passenger), "Passenger"].tolist() == pytest.approx(
        list(passenger.values()), abs=5e-4
    )
    resale = {"CR-V": 0.188, "Accord Sedan": 0.177, "Accord Hybrid": 0.157, "Pilot": 0.15}
    assert result.values.loc[list(resale), "Resale"].tolist() == pytest.approx(
        list(resale.values()), abs=5e-4
    )


def test_measured_cost_is_proportional_to_the_reciprocal() -> None:
    result = synthesize(
        {"goal": ["price"]},
        {"goal": pd.Series({"price": 1.0})},
        {"price": Measured({"a": 10, "b": 20, "c": 40}, direction="cost")},
        ["a", "b", "c"],
    )
    assert result.priorities.tolist() == pytest.approx([4 / 7, 2 / 7, 1 / 7])


# Belton, V., & Gear, T. (1983). On a short-coming of Saaty's method of analytic
# hierarchies. Omega 11(3), 228-230, as restated by Wang & Elhag (2006), Decision Support
# Systems 42(3), 1474-1480, Tables 1-2: three equally important criteria, consistent
# judgments; D is a copy of B.
BG_A = {
    ("A", "B"): 1 / 9,
    ("A", "C"): 1,
    ("B", "C"): 9,
    ("A", "D"): 1 / 9,
    ("B", "D"): 1,
    ("C", "D"): 1 / 9,
}
BG_B = {("A", "B"): 9, ("A", "C"): 9, ("B", "C"): 1, ("A", "D"): 9, ("B", "D"): 1, ("C", "D"): 1}
BG_C = {
    ("A", "B"): 8 / 9,
    ("A", "C"): 8,
    ("B", "C"): 9,
    ("A", "D"): 8 / 9,
    ("B", "D"): 1,
    ("C", "D"): 1 / 9,
}
EQUAL = {"goal": pd.Series({"a": 1 / 3, "b": 1 / 3, "c": 1 / 3})}
THREE_CRITERIA = {"goal": ["a", "b", "c"]}


BELTON_GEAR = {"a": BG_A, "b": BG_B, "c": BG_C}


def scores(
    example: dict[str, dict[tuple[str, str], float]], alternatives: str, mode: str
) -> pd.Series:
    """Scores of `alternatives` from the example's judgments on (at most) those."""
    leaves = {
        leaf: Pairwise({p: v for p, v in judgments.items() if set(p) <= set(alternatives)})
        for leaf, judgments in example.items()
    }
    return synthesize(THREE_CRITERIA, EQUAL, leaves, list(alternatives), mode=mode).scores  # type: ignore[arg-type]


def test_belton_gear_copy_reverses_the_distributive_mode() -> None:
    before, after = (
        scores(BELTON_GEAR, "ABC", "distributive"),
        scores(BELTON_GEAR, "ABCD", "distributive"),
    )
    assert before[["A", "B", "C"]].tolist() == pytest.approx([0.4512, 0.4697, 0.0791], abs=5e-5)
    assert after[["A", "B", "C", "D"]].tolist() == pytest.approx(
        [0.3654, 0.2889, 0.0568, 0.2889], abs=5e-5
    )
    assert before["B"] > before["A"] and after["A"] > after["B"]


def test_belton_gear_copy_leaves_the_ideal_mode_alone() -> None:
    before, after = scores(BELTON_GEAR, "ABC", "ideal"), scores(BELTON_GEAR, "ABCD", "ideal")
    assert before[["A", "B", "C"]].tolist() == pytest.approx([0.6667, 0.7037, 0.1111], abs=5e-5)
    pd.testing.assert_series_equal(after[["A", "B", "C"]], before, atol=1e-12)
    assert after["D"] == pytest.approx(after["B"])


# Saaty, T. L., & Vargas, L. G. (1984). The legitimacy of rank reversal. Omega 12(5), 513-516,
# as restated by Wang & Elhag (2006), Tables 3-4: C becomes the best on criterion 3, so the
# ideal mode rescales it and reverses A and B; the distributive mode keeps A over B.
SV = {
    "a": {("A", "B"): 1 / 2, ("A", "C"): 1 / 2, ("B", "C"): 1},
    "b": {("A", "B"): 7 / 6, ("A", "C"): 1, ("B", "C"): 6 / 7},
    "c": {("A", "B"): 3, ("A", "C"): 1 / 2, ("B", "C"): 1 / 6},
}


def test_saaty_vargas_new_best_reverses_the_ideal_mode() -> None:
    before, after = scores(SV, "AB", "ideal"), scores(SV, "ABC", "ideal")
    assert before.tolist() == pytest.approx([0.8333, 0.7302], abs=5e-5)
    assert after.tolist() == pytest.approx([0.6667, 0.6746, 1.0], abs=5e-5)
    assert before["A"] > before["B"] and after["B"] > after["A"]
    distributive = scores(SV, "AB", "distributive"), scores(SV, "ABC", "distributive")
    assert distributive[0].tolist() == pytest.approx([0.5406, 0.4594], abs=5e-5)
    assert distributive[1].tolist() == pytest.approx([0.2833, 0.2667, 0.45], abs=5e-5)


LEVELS = RatingScale({("excellent", "good"): 2, ("excellent", "poor"): 4, ("good", "poor"): 2})


def test_rating_scale_intensities_and_absolute_measurement() -> None:
    assert LEVELS.intensities.to_dict() == pytest.approx(
        {"excellent": 1, "good": 0.5, "poor": 0.25}
    )
    hierarchy = {"goal": ["quality", "price"]}
    criteria = {"goal": {("quality", "price"): 3}}

    def run(ratings: dict[str, str], mode: str) -> pd.Series:
        leaves = {
            "quality": Rated(LEVELS, ratings),
            "price": Measured({a: 1.0 for a in ratings}, direction="cost"),
        }
        return synthesize(hierarchy, criteria, leaves, list(ratings), mode=mode).scores  # type: ignore[arg-type]

    ratings = {"x": "good", "y": "excellent"}
    ideal = run(ratings, "ideal")
    # quality weight 3/4 x intensity + price weight 1/4 x 1 (equal prices, all ideal).
    assert ideal.tolist() == pytest.approx([0.75 * 0.5 + 0.25, 0.75 + 0.25])
    # A rated alternative's quality value does not depend on the others, in either mode.
    for mode in ("ideal", "distributive"):
        grown = run({**ratings, "z": "poor"}, mode)
        quality = synthesize(
            hierarchy,
            criteria,
            {
                "quality": Rated(LEVELS, {**ratings, "z": "poor"}),
                "price": Measured({"x": 1, "y": 1, "z": 1}),
            },
            ["x", "y", "z"],
            mode=mode,  # type: ignore[arg-type]
        ).values["quality"]
        assert quality.tolist() == pytest.approx([0.5, 1.0, 0.25])
        assert grown["y"] > grown["x"] > grown["z"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.floats(0.1, 10), min_size=3, max_size=3), min_size=2, max_size=5),
    st.lists(st.floats(0.05, 1.0), min_size=3, max_size=3),
    st.lists(st.floats(0.01, 1.0), min_size=3, max_size=3),
)
def test_ideal_mode_ignores_an_added_alternative_that_is_best_nowhere(
    rows: list[list[float]], weights: list[float], fractions: list[float]
) -> None:
    names = [f"a{k}" for k in range(len(rows))]
    table = pd.DataFrame(rows, index=names, columns=["a", "b", "c"])
    # The newcomer is at most as good as the best on every criterion.
    newcomer = table.max() * pd.Series(fractions, index=table.columns)
    grown = pd.concat([table, newcomer.to_frame("new").T])
    criteria = {"goal": pd.Series(weights, index=["a", "b", "c"]) / sum(weights)}

    def scores(frame: pd.DataFrame) -> pd.Series:
        leaves = {c: Measured(frame[c].to_dict()) for c in frame.columns}
        return synthesize(THREE_CRITERIA, criteria, leaves, list(frame.index), mode="ideal").scores

    before, after = scores(table), scores(grown)
    pd.testing.assert_series_equal(after[names], before, rtol=1e-12)
    assert after[names].rank().tolist() == before.rank().tolist()


@pytest.mark.parametrize(
    ("leaves", "mode", "error", "message"),
    [
        (
            {
                "a": Measured({"x": 1.0}),
                "b": Measured({"x": 1.0, "y": 2.0}),
                "c": Measured({"x": 1.0, "y": 1.0}),
            },
            "ideal",
            JudgmentError,
            "missing \\['y'\\]",
        ),
        (
            {
                "a": Measured({"x": 0.0, "y": 1.0}),
                "b": Measured({"x": 1.0, "y": 2.0}),
                "c": Measured({"x": 1.0, "y": 1.0}),
            },
            "ideal",
            JudgmentError,
            "positive",
        ),
        (
            {
                "a": Rated(LEVELS, {"x": "good", "y": "superb"}),
                "b": Measured({"x": 1.0, "y": 2.0}),
                "c": Measured({"x": 1.0, "y": 1.0}),
            },
            "ideal",
            JudgmentError,
            "'superb', not a level",
        ),
        ({"a": Measured({"x": 1.0, "y": 2.0})}, "ideal", MatrixError, "differ"),
        ({"a": Measured({"x": 1.0, "y": 2.0})}, "median", JudgmentError, "unknown synthesis mode"),
    ],
)
def test_bad_descriptions_are_refused(
    leaves: dict[str, Measured | Rated], mode: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        synthesize(THREE_CRITERIA, EQUAL, leaves, ["x", "y"], mode=mode)  # type: ignore[arg-type]


def test_hierarchy_without_goal_or_judgments_is_refused() -> None:
    with pytest.raises(MatrixError, match="needs a 'goal' node"):
        synthesize(
            {"top": ["a"]}, {"top": pd.Series({"a": 1.0})}, {"a": Measured({"x": 1.0})}, ["x"]
        )
    with pytest.raises(MatrixError, match="no judgments on the children of 'goal'"):
        synthesize(THREE_CRITERIA, {}, {}, ["x"])
