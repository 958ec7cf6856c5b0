"""PROMETHEE I: a published example, incomparability, consistency with the two flows."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda import promethee_i, rank
from mcda.outranking import intersection, pairs
from tests.mcda.textbook import problem_frames


def test_zhao_peng_li_2013_partial_order() -> None:
    # Zhao, Peng & Li (2013), Procedia Computer Science 17, 181-188: leaving flows 0.55,
    # 0.35, 0.6 and net flows 0.1, -0.3, 0.2, so entering flows 0.45, 0.65, 0.4. A3 has
    # the larger leaving and the smaller entering flow of every pair: a total order.
    matrix, weights, directions = problem_frames(
        [[4, 3, 2], [3, 2, 4], [5, 1, 3]], [1, 1, 1], [0.5, 0.3, 0.2]
    )
    result = promethee_i(matrix, weights, directions)
    np.testing.assert_allclose(result.flows["phi_minus"], [0.45, 0.65, 0.4], atol=1e-12)
    assert result.relation.at["A3", "A1"] == "P"
    assert result.relation.at["A1", "A3"] == "P-"
    assert result.pairs().values.tolist() == [
        ["A1", "P", "A2"],
        ["A3", "P", "A1"],
        ["A3", "P", "A2"],
    ]


def test_tied_net_flows_can_hide_an_incomparability() -> None:
    # Usual criterion, weights x 0.5, y 0.25, z 0.25; A = (0, 0, 1), B = (0, 1, 0),
    # C = (1, 0, 1). Preference indices by hand: pi(A, B) = pi(B, A) = 0.25 (z against y),
    # pi(C, A) = 0.5, pi(A, C) = 0, pi(C, B) = 0.75, pi(B, C) = 0.25. So phi+ = (0.125,
    # 0.25, 0.625), phi- = (0.375, 0.5, 0.125): A and B tie on the net flow (-0.25), but B
    # both outranks more strongly and is outranked more strongly: incomparable.
    matrix = pd.DataFrame(
        {"x": [0.0, 0.0, 1.0], "y": [0.0, 1.0, 0.0], "z": [1.0, 0.0, 1.0]}, index=["A", "B", "C"]
    )
    weights = pd.Series({"x": 0.5, "y": 0.25, "z": 0.25})
    result = promethee_i(matrix, weights, dict.fromkeys(matrix.columns, "benefit"))
    np.testing.assert_allclose(result.flows["phi_plus"], [0.125, 0.25, 0.625])
    np.testing.assert_allclose(result.flows["phi_minus"], [0.375, 0.5, 0.125])
    np.testing.assert_allclose(result.flows["phi"], [-0.25, -0.25, 0.5])
    assert result.relation.at["A", "B"] == "R" and result.relation.at["B", "A"] == "R"
    assert result.pairs().values.tolist() == [
        ["A", "R", "B"],
        ["C", "P", "A"],
        ["C", "P", "B"],
    ]
    assert (result.relation.to_numpy().diagonal() == "I").all()


def test_incomparability_when_the_flows_disagree() -> None:
    scores = pd.Series({"a": 0.6, "b": 0.4, "c": 0.4})
    against = pd.Series({"a": -0.5, "b": -0.3, "c": -0.3})
    relation = intersection(scores, against)
    assert relation.at["a", "b"] == "R" and relation.at["b", "a"] == "R"
    assert relation.at["b", "c"] == "I"
    assert pairs(relation).values.tolist() == [["a", "R", "b"], ["a", "R", "c"], ["b", "I", "c"]]


matrices = arrays(np.float64, (5, 3), elements=st.integers(0, 4).map(float)).filter(
    lambda m: bool(np.all(np.ptp(m, axis=0) > 0))
)


@settings(max_examples=40, deadline=None)
@given(matrices)
def test_relation_is_the_one_the_two_flows_define(values: np.ndarray) -> None:
    matrix = pd.DataFrame(values, index=list("abcde"), columns=["x", "y", "z"])
    weights = pd.Series({"x": 0.5, "y": 0.3, "z": 0.2})
    directions = {"x": "benefit", "y": "cost", "z": "benefit"}
    result = promethee_i(matrix, weights, directions, preference="linear", q=0.5, p=2)
    plus, minus = result.flows["phi_plus"], result.flows["phi_minus"]
    net = rank(matrix, weights, directions, "promethee_ii", preference="linear", q=0.5, p=2)
    for a in matrix.index:
        for b in matrix.index:
            label = result.relation.at[a, b]
            up, down = plus[a] - plus[b], minus[b] - minus[a]
            if label == "P":
                assert up >= -1e-12 and down >= -1e-12 and max(up, down) > 1e-12
                assert net.at[a, "score"] > net.at[b, "score"]
            elif label == "I":
                assert up == pytest.approx(0, abs=1e-12) and down == pytest.approx(0, abs=1e-12)
            elif label == "R":
                assert up * down < 0
            mirror = {"P": "P-", "P-": "P", "I": "I", "R": "R"}[label]
            assert result.relation.at[b, a] == mirror
