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
