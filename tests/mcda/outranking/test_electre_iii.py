"""ELECTRE III: an example traced by hand, veto, distillations, invariants."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda import MatrixError, electre_iii

# The ELECTRE III example of the MCDA R package (Meyer & Bigaret, tests/
# ELECTREIIIDistillation.R): six projects, five criteria to maximise, weights 3/2/3/1/1
# (here divided by 10), q = 3, p = 5, v = 11 on every criterion. The package's test states
# no expected output; the values below are worked by hand from Roy's definitions as given
# by Figueira, Mousseau & Roy (2005), with s(lambda) = 0.3 - 0.15 lambda.
MATRIX = pd.DataFrame(
    [
        [10, 20, 5, 10, 16],
        [0, 5, 5, 16, 10],
        [0, 10, 0, 16, 7],
        [20, 5, 10, 10, 13],
        [20, 10, 15, 10, 13],
        [20, 10, 20, 13, 13],
    ],
    index=["P1", "P2", "P3", "P4", "P5", "P6"],
    columns=["C1", "C2", "C3", "C4", "C5"],
    dtype=float,
)
WEIGHTS = pd.Series([0.3, 0.2, 0.3, 0.1, 0.1], index=MATRIX.columns)
DIRECTIONS = dict.fromkeys(MATRIX.columns, "benefit")


def test_concordance_and_credibility_by_hand() -> None:
    result = electre_iii(MATRIX, WEIGHTS, DIRECTIONS, q=3, p=5, v=11)
    # P1 over P2: P2 gains (-10, -15, 0, 6, -6); only C4 (6 >= p) is not concordant:
    # C = 0.9; its discordance (6 - 5) / (11 - 5) = 1/6 < C leaves S = 0.9.
    assert result.concordance.at["P1", "P2"] == pytest.approx(0.9)
    assert result.credibility.at["P1", "P2"] == pytest.approx(0.9)
    # P2 over P1: P1 gains (10, 15, 0, -6, 6): C = 0.3 + 0.1 = 0.4; on C2 the gain 15 >= v
    # is a veto: S = 0.
    assert result.concordance.at["P2", "P1"] == pytest.approx(0.4)
    assert result.credibility.at["P2", "P1"] == 0.0
    # P4 over P5: P5 gains (0, 5, 5, 0, 0): C2 and C3 at p are discordant, C = 0.5; no
    # discordance above p: S = 0.5.
    assert result.credibility.at["P4", "P5"] == pytest.approx(0.5)


def test_distillations_and_final_partial_preorder_by_hand() -> None:
    # Descending: lambda = 1, cut 0.8 (the largest credibility below 1 - s(1) = 0.85);
    # qualifications P1 2, P2 -4, P3 -3, P4 -1, P5 2, P6 4 -> P6 first; then P5, P1, P4,
    # and P2 and P3 together (no credibility above 0 separates them by more than s).
    # Ascending: P2 last, then P3, P4, P5, P1, P6 best.
    result = electre_iii(MATRIX, WEIGHTS, DIRECTIONS, q=3, p=5, v=11)
    assert result.ranks["descending"].to_dict() == {
        "P1": 3, "P2": 5, "P3": 5, "P4": 4, "P5": 2, "P6": 1
    }  # fmt: skip
    assert result.ranks["ascending"].to_dict() == {
        "P1": 2, "P2": 6, "P3": 5, "P4": 4, "P5": 3, "P6": 1
    }  # fmt: skip
    # P1 is third descending but second ascending, P5 the reverse: incomparable.
    assert result.relation.at["P1", "P5"] == "R"
    assert result.relation.at["P3", "P2"] == "P"
    assert result.relation.at["P6", "P1"] == "P"
    assert sorted(map(tuple, result.pairs().values.tolist()))[:3] == [
        ("P1", "P", "P2"),
        ("P1", "P", "P3"),
        ("P1", "P", "P4"),
    ]


def test_without_veto_discordance_cannot_cut_credibility() -> None:
    # P4 over P1: P1 gains 15 on C2, beyond v = 11: S = 0; without a veto S = C = 0.8.
    with_veto = electre_iii(MATRIX, WEIGHTS, DIRECTIONS, q=3, p=5, v=11)
    without = electre_iii(MATRIX, WEIGHTS, DIRECTIONS, q=3, p=5)
    assert with_veto.credibility.at["P4", "P1"] == 0.0
    assert without.credibility.at["P4", "P1"] == pytest.approx(0.8)
    np.testing.assert_allclose(without.credibility, without.concordance)


@pytest.mark.parametrize(
    ("thresholds", "message"),
    [
        ({"q": 3, "p": None}, "p is missing"),
        ({"q": 6, "p": 5}, "q must not exceed p"),
        ({"q": 3, "p": 5, "v": 4}, "v must exceed p"),
        ({"q": 3, "p": 5, "v": {"C9": 11}}, "unknown criteria"),
    ],
)
def test_bad_thresholds_are_refused(thresholds: dict[str, object], message: str) -> None:
    with pytest.raises(MatrixError, match=message):
        electre_iii(MATRIX, WEIGHTS, DIRECTIONS, **thresholds)  # type: ignore[arg-type]


matrices = arrays(np.float64, (5, 3), elements=st.integers(0, 20).map(float)).filter(
    lambda m: bool(np.all(np.ptp(m, axis=0) > 0))
)


@settings(max_examples=40, deadline=None)
@given(matrices, st.floats(6.0, 15.0), st.floats(0.0, 10.0))
def test_credibility_bounds_and_veto_monotonicity(
    values: np.ndarray, veto: float, raise_by: float
) -> None:
    matrix = pd.DataFrame(values, index=list("abcde"), columns=["x", "y", "z"])
    weights = pd.Series({"x": 0.5, "y": 0.3, "z": 0.2})
    directions = {"x": "benefit", "y": "cost", "z": "benefit"}
    low = electre_iii(matrix, weights, directions, q=1, p=5, v=veto)
    high = electre_iii(matrix, weights, directions, q=1, p=5, v=veto + raise_by)
    credibility = low.credibility.to_numpy()
    assert np.all((credibility >= 0) & (credibility <= 1))
    np.testing.assert_array_equal(np.diag(credibility), 1.0)
    assert np.all(high.credibility.to_numpy() >= credibility - 1e-12)
    assert np.all(credibility <= low.concordance.to_numpy() + 1e-12)
    mirror = {"P": "P-", "P-": "P", "I": "I", "R": "R"}
    relation = low.relation
    for a in matrix.index:
        for b in matrix.index:
            assert relation.at[b, a] == mirror[relation.at[a, b]]


# A second implementation's worked values. No published ELECTRE III example with printed
# credibilities or distillations could be found and checked; this is the six-alternative,
# four-criterion example
# that pyDecision (Pereira, electre_iii example) ships and that py-mcda (IMT Atlantique,
# tests/outranking/test_electre.py, TestElectre3) checks its implementation against.
PEER = pd.DataFrame(
    [
        [8.84, 8.79, 6.43, 6.95],
        [8.57, 8.51, 5.47, 6.91],
        [7.76, 7.75, 5.34, 8.76],
        [7.97, 9.12, 5.93, 8.09],
        [9.03, 8.97, 8.19, 8.10],
        [7.41, 7.87, 6.77, 7.23],
    ],
    index=["a1", "a2", "a3", "a4", "a5", "a6"],
    columns=["g1", "g2", "g3", "g4"],
)
PEER_WEIGHTS = pd.Series([9.00, 8.24, 5.98, 8.48], index=PEER.columns) / 31.70


def test_concordance_and_credibility_agree_with_py_mcda() -> None:
    # q = 0.3, p = 0.5, v = 0.7 on every criterion, all maximised. py-mcda's concordance
    # is printed to 2 decimals, its credibilities to 8.
    result = electre_iii(PEER, PEER_WEIGHTS, dict.fromkeys(PEER.columns, "benefit"), 0.3, 0.5, 0.7)
    concordance = [
        [1.0, 1.0, 0.73, 0.69, 0.54, 0.96],
        [0.81, 1.0, 0.73, 0.32, 0.11, 0.78],
        [0.27, 0.46, 1.0, 0.55, 0.27, 0.81],
        [0.53, 0.72, 0.73, 1.0, 0.53, 0.81],
        [1.0, 1.0, 0.73, 1.0, 1.0, 1.0],
        [0.46, 0.46, 0.66, 0.19, 0.0, 1.0],
    ]
    np.testing.assert_allclose(result.concordance, concordance, atol=0.006)
    credibility = np.eye(6)
    credibility[0, [1, 5]] = 1.0, 0.96227129
    credibility[3, [1, 2]] = 0.71608833, 0.41073113
    credibility[4] = 1.0, 1.0, 0.54764151, 1.0, 1.0, 1.0
    np.testing.assert_allclose(result.credibility, credibility, atol=1e-8)


def test_distillations_where_py_mcda_stops_early() -> None:
    # py-mcda distils a5 | a1 | {a2, a3, a4, a6} descending and {a3, a5} | {a1, a4} |
    # {a2, a6} ascending. With Roy's lambda steps (Figueira, Mousseau & Roy 2005) the
    # distillation goes on inside a class: among {a2, a3, a4, a6}, lambda0 = S(a4, a2) =
    # 0.716, s(lambda0) = 0.193, the next level is 0.411 (largest below 0.523), and at it
    # a4 T a2 (0.716 > 0.411 and 0.716 - 0 > s(0.716)), so a4 alone has the best
    # qualification. Ascending, {a3, a5} at the last level 0: a5 T a3 (0.548 - 0 >
    # s(0.548) = 0.218), so a3 is extracted first, below a5.
    result = electre_iii(PEER, PEER_WEIGHTS, dict.fromkeys(PEER.columns, "benefit"), 0.3, 0.5, 0.7)
    assert result.ranks["descending"].to_dict() == {
        "a1": 2, "a2": 4, "a3": 4, "a4": 3, "a5": 1, "a6": 4
    }  # fmt: skip
    assert result.ranks["ascending"].to_dict() == {
        "a1": 3, "a2": 4, "a3": 2, "a4": 3, "a5": 1, "a6": 4
    }  # fmt: skip
    # The two pre-orders disagree on a3 against a1 and a4: incomparable.
    assert result.relation.at["a3", "a1"] == result.relation.at["a3", "a4"] == "R"
    assert result.relation.at["a5", "a3"] == "P"
