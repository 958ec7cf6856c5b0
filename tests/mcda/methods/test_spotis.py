"""SPOTIS: Dezert et al.'s example and the bounds it needs."""

import numpy as np
import pandas as pd
import pytest

from mcda import MatrixError, rank
from mcda.sensitivity import rank_acceptability
from tests.mcda.textbook import problem_frames

# Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The SPOTIS rank reversal free
# method for multi-criteria decision-making support. IEEE FUSION 2020, 1-8: four
# alternatives, bounds [-5, 12], [-6, 10], [-8, 5], weights 0.2 / 0.3 / 0.5, criterion 2 a
# cost. Published distances to the ideal: 0.1989, 0.3705, 0.3063, 0.7491 (A1 best).
ROWS = [[10.5, -3.1, 1.7], [-4.7, 0, 3.4], [8.1, 0.3, 1.3], [3.2, 7.3, -5.3]]
BOUNDS = pd.DataFrame({"min": [-5, -6, -8], "max": [12, 10, 5]}, index=["c1", "c2", "c3"])


def test_dezert_2020_example() -> None:
    matrix, weights, directions = problem_frames(ROWS, [1, -1, 1], [0.2, 0.3, 0.5])
    result = rank(matrix, weights, directions, method="spotis", bounds=BOUNDS).sort_index()
    np.testing.assert_allclose(result["distance"], [0.1989, 0.3705, 0.3063, 0.7491], atol=1e-3)
    np.testing.assert_allclose(result["score"], 1 - result["distance"])
    assert list(result.sort_values("rank").index) == ["A1", "A3", "A2", "A4"]


def test_bounds_as_mapping_give_the_same_result() -> None:
    matrix, weights, directions = problem_frames(ROWS, [1, -1, 1], [0.2, 0.3, 0.5])
    mapping = {c: (row["min"], row["max"]) for c, row in BOUNDS.iterrows()}
    pd.testing.assert_frame_equal(
        rank(matrix, weights, directions, method="spotis", bounds=mapping),
        rank(matrix, weights, directions, method="spotis", bounds=BOUNDS),
        check_like=True,
    )


@pytest.mark.parametrize(
    ("bounds", "message"),
    [
        (BOUNDS.drop(index="c3"), "missing for criteria"),
        (BOUNDS.assign(max=[12, -6, 5]), "'c2' need min < max"),
        (BOUNDS.assign(max=[10, 10, 5]), "score of 'A1' on 'c1' lies outside"),
    ],
)
def test_bad_bounds_are_refused(bounds: pd.DataFrame, message: str) -> None:
    matrix, weights, directions = problem_frames(ROWS, [1, -1, 1], [0.2, 0.3, 0.5])
    with pytest.raises(MatrixError, match=message):
        rank(matrix, weights, directions, method="spotis", bounds=bounds)


# SPOTIS with an expected solution point (ESP): pymcdm 1.4's test TestSPOTIS2 (test/
# test_mcdm.py, which attributes the method to Dezert et al. 2020): four cars, bounds and an
# ESP per criterion, the first three criteria costs. Published distances 0.1841, 0.0734,
# 0.0842, 0.1920 (A2 best). By hand for A1: 0.2941 * 300 / 2000 + 0.2353 * 0.3 / 5
# + 0.2353 * 16 / 60 + 0.0588 * 8 / 25 + 0.1765 * 163 / 650 = 0.1841.
ESP_ROWS = [
    [15000, 4.3, 99, 42, 737],
    [15290, 5.0, 116, 42, 892],
    [15350, 5.0, 114, 45, 952],
    [15490, 5.3, 123, 45, 1120],
]
ESP_BOUNDS = {
    "c1": (14000, 16000),
    "c2": (3, 8),
    "c3": (80, 140),
    "c4": (35, 60),
    "c5": (650, 1300),
}
ESP = {"c1": 15300, "c2": 4, "c3": 115, "c4": 50, "c5": 900}
ESP_WEIGHTS = [0.2941, 0.2353, 0.2353, 0.0588, 0.1765]


def test_expected_solution_point_example() -> None:
    matrix, weights, directions = problem_frames(ESP_ROWS, [-1, -1, -1, 1, 1], ESP_WEIGHTS)
    result = rank(
        matrix, weights, directions, method="spotis", bounds=ESP_BOUNDS, esp=ESP
    ).sort_index()
    np.testing.assert_allclose(result["distance"], [0.1841, 0.0734, 0.0842, 0.1920], atol=1e-4)
    assert list(result.sort_values("rank").index) == ["A2", "A3", "A1", "A4"]
    # The ESP is not the ideal point: without it A1, the cheapest, ranks first.
    ideal = rank(matrix, weights, directions, method="spotis", bounds=ESP_BOUNDS)
    assert ideal.index[0] == "A1"


def test_the_ideal_point_as_esp_gives_plain_spotis() -> None:
    matrix, weights, directions = problem_frames(ROWS, [1, -1, 1], [0.2, 0.3, 0.5])
    ideal = {"c1": 12, "c2": -6, "c3": 5}
    with_esp = rank(matrix, weights, directions, method="spotis", bounds=BOUNDS, esp=ideal)
    plain = rank(matrix, weights, directions, method="spotis", bounds=BOUNDS)
    pd.testing.assert_frame_equal(with_esp, plain, check_like=True, check_exact=False)


@pytest.mark.parametrize(
    ("esp", "message"),
    [
        ({"c1": 12, "c2": -6}, r"no value for criteria \['c3'\]"),
        ({"c1": 13, "c2": -6, "c3": 5}, "of 'c1' is 13, outside the bounds"),
    ],
)
def test_bad_expected_solution_points_are_refused(esp: dict[str, float], message: str) -> None:
    matrix, weights, directions = problem_frames(ROWS, [1, -1, 1], [0.2, 0.3, 0.5])
    with pytest.raises(MatrixError, match=message):
        rank(matrix, weights, directions, method="spotis", bounds=BOUNDS, esp=esp)


def test_rank_acceptability_runs_with_an_expected_solution_point() -> None:
    matrix, weights, directions = problem_frames(ESP_ROWS, [-1, -1, -1, 1, 1], ESP_WEIGHTS)
    result = rank_acceptability(
        matrix, weights, directions, n=30, method="spotis", bounds=ESP_BOUNDS, esp=ESP
    )
    np.testing.assert_allclose(result.acceptability.sum(axis=1), 1.0)
    assert result.acceptability[1].idxmax() == "A2"
