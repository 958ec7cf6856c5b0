"""ELECTRE III: a published example (Wang & Triantaphyllou 2008), a hand trace, veto, invariants."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda import MatrixError, electre_iii
from mcda.outranking import ElectreIII

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
        ({"q": 3, "p": None, "p_slope": {"C1": 0.2}}, r"p is missing for criteria \['C2'"),
        ({"q": 3, "p": 5, "q_slope": 0.5}, "q must not exceed p"),
        ({"q": 3, "p": 5, "v": 11, "v_slope": -0.1}, "v_slope of 'C1' is -0.1"),
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


# A second implementation's worked values (the published example, Wang & Triantaphyllou's,
# is further down): the six-alternative, four-criterion example that pyDecision (Pereira,
# electre_iii example) ships and that py-mcda (IMT Atlantique,
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


# Wang, X. & Triantaphyllou, E. (2008). Ranking irregularities when evaluating alternatives
# by using some ELECTRE methods. Omega 36(1), 45-63, section 3.2: the choice of a waste
# incineration strategy in eastern Switzerland (data from Rogers, Bruen & Maystre 2000,
# "ELECTRE and Decision Support", Kluwer, ch. 6). Decision matrix, weights and thresholds
# p. 51 (no veto; C2, C6 and C7 to maximise; q and p of C2, C3, C5, C6 and C7 are 10 % and
# 20 % of the score of the alternative tested as outranking); credibility matrix to 2
# decimals p. 52; descending and ascending pre-orders p. 53; the modified problem, A1
# replaced by a worse A1', p. 53.
# The figures below are as transcribed from those pages in a public implementation's notes;
# the printed pages were not consulted directly. Our independent computation reproduces every
# transcribed figure (20 credibility cells, four pre-orders), which a transcription slip would
# be unlikely to survive; the remaining nine rows of the p. 52 matrix are not asserted.
WASTE = pd.DataFrame(
    [
        [125, 866, 9.81, 218, 1.41, 542, 483, 23, 1.5, 1, 1],
        [11980, 900, 11.45, 189, 1.45, 452, 303, 12, 1.5, 6, 6],
        [31054, 883, 9.86, 172, 1.82, 341, 311, 0, 0, 3, 3],
        [28219, 840, 10.38, 171, 1.95, 339, 318, 0, 0, 3, 3],
        [31579, 903, 10.74, 165, 1.7, 312, 281, 0, 0, 5, 5],
        [39364, 922, 13.87, 167, 1.65, 287, 269, 0, 0, 8, 7],
        [125, 769, 9.33, 182, 1.64, 458, 180, 0, 1.5, 1, 1],
        [8075, 896, 9.82, 172, 1.7, 408, 121, 0, 1.5, 6, 6],
        [3089, 770, 9.39, 177, 1.9, 430, 228, 0, 1, 2, 2],
        [6449, 766, 7.22, 172, 1.65, 401, 157, 0, 1, 4, 4],
        [12074, 897, 10.61, 169, 1.65, 378, 162, 0, 1, 7, 6],
    ],
    index=[f"A{k}" for k in range(1, 12)],
    columns=[f"C{j}" for j in range(1, 12)],
    dtype=float,
)
WASTE_WEIGHTS = pd.Series(
    [0.16, 0.033, 0.033, 0.097, 0.097, 0.16, 0.097, 0.16, 0.033, 0.033, 0.097],
    index=WASTE.columns,
)
WASTE_DIRECTIONS = {c: "benefit" if c in ("C2", "C6", "C7") else "cost" for c in WASTE.columns}
RELATIVE = ("C2", "C3", "C5", "C6", "C7")
WASTE_THRESHOLDS = {
    "q": {"C1": 1000, "C4": 5, "C8": 2, "C9": 0.2, "C10": 0, "C11": 0},
    "p": {"C1": 2000, "C4": 10, "C8": 4, "C9": 0.4, "C10": 1, "C11": 1},
    "q_slope": dict.fromkeys(RELATIVE, 0.1),
    "p_slope": dict.fromkeys(RELATIVE, 0.2),
}


def waste_electre(matrix: pd.DataFrame) -> ElectreIII:
    return electre_iii(matrix, WASTE_WEIGHTS, WASTE_DIRECTIONS, **WASTE_THRESHOLDS)  # type: ignore[arg-type]


def printed_preorder(text: str) -> dict[str, int]:
    """Class per alternative (1 = best) of a pre-order printed as "A9 > A4 = A7 > ..."."""
    return {
        name.strip(): k
        for k, tier in enumerate(text.split(">"), start=1)
        for name in tier.split("=")
    }


def test_waste_incineration_credibility_as_printed() -> None:
    result = waste_electre(WASTE)
    # No veto: credibility is the concordance. Rows A1 and A9 of the printed table (p. 52).
    np.testing.assert_array_equal(result.credibility, result.concordance)
    printed = {
        "A1": [0.74, 0.71, 0.71, 0.71, 0.71, 0.74, 0.74, 0.71, 0.68, 0.71],
        "A9": [0.35, 0.78, 0.85, 0.85, 0.74, 0.73, 0.67, 0.97, 0.94, 0.89],
    }
    for name, row in printed.items():
        ours = result.credibility.loc[name].drop(name)
        np.testing.assert_allclose(ours, row, atol=0.005 + 1e-9, err_msg=name)


def test_waste_incineration_distillations_and_final_order_as_printed() -> None:
    result = waste_electre(WASTE)
    assert result.ranks["descending"].to_dict() == printed_preorder(
        "A9 > A4 > A7 > A10 > A3 = A5 = A8 = A11 > A1 > A2 > A6"
    )
    assert result.ranks["ascending"].to_dict() == printed_preorder(
        "A1 = A7 > A9 > A4 > A10 > A2 = A5 > A3 = A11 > A8 > A6"
    )
    # The final partial order puts A7 and A9 on top, incomparable.
    assert result.relation.at["A7", "A9"] == "R"
    outranked = result.relation.isin(["P-"])
    assert not outranked.loc[["A7", "A9"]].any(axis=None)
    assert outranked.drop(index=["A7", "A9"]).any(axis=1).all()


WASTE_MODIFIED = WASTE.copy()
WASTE_MODIFIED.loc["A1"] = [2125, 866, 9.81, 218, 1.41, 452, 483, 23, 1.5, 1, 1]


def test_waste_incineration_rank_reversal_as_printed() -> None:
    # A1 made worse (p. 53): A7 alone is now best, where A7 and A9 shared the top.
    result = waste_electre(WASTE_MODIFIED)
    assert result.ranks["ascending"].to_dict() == printed_preorder(
        "A7 > A1 = A9 > A4 > A10 > A2 = A5 > A3 = A11 > A8 > A6"
    )
    assert result.ranks["descending"].idxmin() == "A7"
    assert (result.relation.loc["A7"].drop("A7") == "P").all()


@pytest.mark.xfail(
    strict=True,
    reason="p. 53 prints A1 > A2 in the modified descending distillation. Left with A1, A2 "
    "and A6, both A1 and A2 outrank A6, and S(A1, A2) - S(A2, A1) = 0.743 - 0.599 = 0.144 is "
    "below s(0.743) = 0.189 (and below s(1) = 0.15), so the distillation of Figueira, "
    "Mousseau & Roy (2005) keeps A1 and A2 in one class; the paper does not say what "
    "separated them",
)
def test_waste_incineration_modified_descending_as_printed() -> None:
    result = waste_electre(WASTE_MODIFIED)
    assert result.ranks["descending"].to_dict() == printed_preorder(
        "A7 > A9 > A4 > A10 > A3 = A5 = A8 = A11 > A1 > A2 > A6"
    )


def test_relative_thresholds_are_read_at_the_outranking_alternative() -> None:
    # b beats a by 15 on a benefit criterion; q and p are 10 % and 20 % of the score.
    # "a outranks b": q = 10, p = 20 at a = 100, c = (20 - 15) / (20 - 10) = 0.5 (read at
    # b = 115 it would be (23 - 15) / (23 - 11.5) = 0.696); "b outranks a": a is worse, c = 1.
    matrix = pd.DataFrame({"x": [100.0, 115.0]}, index=["a", "b"])
    result = electre_iii(
        matrix, pd.Series({"x": 1.0}), {"x": "benefit"}, 0, 0, q_slope=0.1, p_slope=0.2
    )
    assert result.concordance.at["a", "b"] == pytest.approx(0.5)
    assert result.concordance.at["b", "a"] == 1.0


def test_a_discrimination_threshold_above_one_separates_nothing() -> None:
    # s(lambda) = 1: no credibility difference can exceed it, so each distillation is one
    # class and every pair is indifferent.
    result = electre_iii(MATRIX, WEIGHTS, DIRECTIONS, q=3, p=5, v=11, alpha=1.0, beta=0.0)
    assert set(result.ranks["descending"]) == set(result.ranks["ascending"]) == {1}
    assert (result.relation == "I").all(axis=None)


def test_a_threshold_below_zero_is_refused() -> None:
    matrix = pd.DataFrame({"x": [-10.0, 5.0], "y": [1.0, 2.0]}, index=["a", "b"])
    weights = pd.Series({"x": 0.5, "y": 0.5})
    with pytest.raises(MatrixError, match=r"threshold q of 'x' is -1 at 'a'"):
        electre_iii(matrix, weights, {"x": "benefit", "y": "benefit"}, 0, 1, q_slope=0.1)


@settings(max_examples=30, deadline=None)
@given(matrices, st.floats(0.1, 10.0), st.floats(0.0, 0.3))
def test_rescaling_scores_and_constant_thresholds_keeps_credibility(
    values: np.ndarray, factor: float, slope: float
) -> None:
    # Affine thresholds t + slope g: scores and constant parts times k, slopes unchanged,
    # give the same concordance, discordance and credibility.
    matrix = pd.DataFrame(values, index=list("abcde"), columns=["x", "y", "z"])
    weights = pd.Series({"x": 0.5, "y": 0.3, "z": 0.2})
    directions = {"x": "benefit", "y": "cost", "z": "benefit"}
    slopes = {"q_slope": slope / 2, "p_slope": slope, "v_slope": 2 * slope}
    base = electre_iii(matrix, weights, directions, 1, 5, 9, **slopes)
    scaled = electre_iii(
        matrix * factor,
        weights,
        directions,
        factor,
        5 * factor,
        9 * factor,
        **slopes,
    )
    np.testing.assert_allclose(scaled.credibility, base.credibility, atol=1e-9)
