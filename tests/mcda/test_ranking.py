"""rank() and the registry: conventions, bad input and properties that hold for every method."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda import MatrixError, methods, rank
from mcda.normalization import NORMALIZATIONS, normalize
from mcda.problem import build_problem

ALL_METHODS = methods()


def test_registry_lists_every_method() -> None:
    expected = {"topsis", "vikor", "promethee_ii", "spotis", "wsm", "wpm", "copras", "mabac"}
    expected |= {"waspas"}
    assert expected <= set(ALL_METHODS)


def test_ties_share_the_best_rank() -> None:
    matrix = pd.DataFrame({"x": [1.0, 1.0, 2.0], "y": [3.0, 3.0, 1.0]}, index=["a", "b", "c"])
    result = rank(matrix, pd.Series({"x": 0.5, "y": 0.5}), {"x": "benefit", "y": "benefit"})
    assert result.at["a", "rank"] == result.at["b", "rank"]
    assert sorted(result["rank"]) in ([1, 1, 3], [1, 2, 2])


def test_result_records_method_and_options() -> None:
    matrix = pd.DataFrame({"x": [1.0, 2.0, 4.0], "y": [3.0, 1.0, 2.0]}, index=["a", "b", "c"])
    result = rank(
        matrix, pd.Series({"x": 0.5, "y": 0.5}), {"x": "benefit", "y": "cost"}, "vikor", v=0.3
    )
    assert result.attrs == {"method": "vikor", "options": {"v": 0.3}}
    assert list(result.columns[:2]) == ["score", "rank"]
    assert list(result["rank"]) == sorted(result["rank"])


BAD_INPUTS = [
    ({"x": 0.6, "y": 0.6}, {"x": "benefit", "y": "benefit"}, "sum to 1.2"),
    ({"x": 1.5, "y": -0.5}, {"x": "benefit", "y": "benefit"}, "'y' is -0.5"),
    ({"x": 0.5, "y": 0.5}, {"x": "benefit", "y": "up"}, "direction 'up'"),
    ({"x": 1.0}, {"x": "benefit", "y": "benefit"}, "no weight given"),
]


@pytest.mark.parametrize("method", ALL_METHODS)
@pytest.mark.parametrize(("weights", "directions", "message"), BAD_INPUTS)
def test_bad_weights_and_directions_are_refused_by_every_method(
    method: str, weights: dict[str, float], directions: dict[str, str], message: str
) -> None:
    matrix = pd.DataFrame({"x": [1.0, 2.0], "y": [3.0, 1.0]}, index=["a", "b"])
    with pytest.raises(MatrixError, match=message):
        rank(matrix, pd.Series(weights), directions, method=method)


@pytest.mark.parametrize("method", ALL_METHODS)
def test_nan_and_constant_columns_are_refused_by_every_method(method: str) -> None:
    weights = pd.Series({"x": 0.5, "y": 0.5})
    directions = {"x": "benefit", "y": "benefit"}
    matrix = pd.DataFrame({"x": [1.0, np.nan], "y": [3.0, 1.0]}, index=["a", "b"])
    with pytest.raises(MatrixError, match="score of 'b' on 'x' is nan"):
        rank(matrix, weights, directions, method=method)
    matrix = pd.DataFrame({"x": [1.0, 1.0], "y": [3.0, 1.0]}, index=["a", "b"])
    with pytest.raises(MatrixError, match="'x' has the same score"):
        rank(matrix, weights, directions, method=method)


def test_unknown_method_and_option_are_refused() -> None:
    matrix = pd.DataFrame({"x": [1.0, 2.0], "y": [3.0, 1.0]}, index=["a", "b"])
    weights, directions = pd.Series({"x": 0.5, "y": 0.5}), {"x": "benefit", "y": "benefit"}
    with pytest.raises(MatrixError, match="unknown ranking method 'magic'"):
        rank(matrix, weights, directions, method="magic")
    with pytest.raises(MatrixError, match=r"'topsis' has no option \['v'\]"):
        rank(matrix, weights, directions, method="topsis", v=0.5)
    with pytest.raises(MatrixError, match="unknown normalization 'l2'"):
        rank(matrix, weights, directions, normalization="l2")
    with pytest.raises(MatrixError, match="unknown distance 'cosine'"):
        rank(matrix, weights, directions, distance="cosine")


def test_one_alternative_and_duplicated_labels_are_refused() -> None:
    weights, directions = pd.Series({"x": 0.5, "y": 0.5}), {"x": "benefit", "y": "benefit"}
    with pytest.raises(MatrixError, match="at least two alternatives"):
        rank(pd.DataFrame({"x": [1.0], "y": [2.0]}), weights, directions)
    twice = pd.DataFrame({"x": [1.0, 2.0], "y": [3.0, 1.0]}, index=["a", "a"])
    with pytest.raises(MatrixError, match="alternative 'a' appears twice"):
        rank(twice, weights, directions)


scores = arrays(np.float64, (5, 3), elements=st.floats(min_value=0.1, max_value=100.0))


@pytest.mark.parametrize("method", ALL_METHODS)
@settings(max_examples=25, deadline=None)
@given(values=scores)
def test_a_dominating_alternative_ranks_first_under_every_method(
    method: str, values: np.ndarray
) -> None:
    matrix = pd.DataFrame(values, columns=["a", "b", "c"])
    best = pd.DataFrame(
        [[values[:, 0].max() + 1, values[:, 1].min() / 2, values[:, 2].max() + 1]],
        columns=["a", "b", "c"],
        index=["best"],
    )
    weights = pd.Series({"a": 0.4, "b": 0.4, "c": 0.2})
    directions = {"a": "benefit", "b": "cost", "c": "benefit"}
    result = rank(pd.concat([matrix, best]), weights, directions, method=method)
    assert result.index[0] == "best"
    assert result.at["best", "rank"] == 1 and (result["rank"] == 1).sum() == 1


@pytest.mark.parametrize("name", sorted(NORMALIZATIONS))
def test_every_normalization_puts_the_best_value_of_each_column_on_top(name) -> None:
    matrix = pd.DataFrame({"gain": [2.0, 8.0, 5.0], "cost": [4.0, 9.0, 1.0]}, index=list("abc"))
    weights = pd.Series({"gain": 0.5, "cost": 0.5})
    problem = build_problem(matrix, weights, {"gain": "benefit", "cost": "cost"})
    normalized = normalize(problem, name)
    assert normalized.shape == (3, 2)
    assert list(normalized.argmax(axis=0)) == [1, 2]  # most gain: b; least cost: c
