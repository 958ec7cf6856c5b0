"""Rank agreement: Spearman and the WS coefficient of Sałabun & Urbaniak (2020)."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymcdm.correlations import kendall_tau
from scipy.stats import kendalltau

from mcda import MatrixError, compare, rank
from mcda.agreement import kendall_tau_b

ITEMS = ["a", "b", "c", "d", "e"]


def ranks(*values: float) -> pd.Series:
    return pd.Series(values, index=ITEMS, dtype=float)


def test_ws_weighs_disagreement_at_the_top_more() -> None:
    # WS = 1 - sum_i 2^-x_i |x_i - y_i| / max(|1 - x_i|, |N - x_i|) (Sałabun & Urbaniak 2020,
    # eq. 6). Swapping ranks 1 and 2 of N = 5: 1 - (2^-1 * 1/4 + 2^-2 * 1/3) = 0.7917.
    # Swapping ranks 4 and 5: 1 - (2^-4 * 1/3 + 2^-5 * 1/4) = 0.9714. Spearman is 0.9 for
    # both (sum d^2 = 2: 1 - 6 * 2 / (5 * 24)).
    result = compare(
        {"ref": ranks(1, 2, 3, 4, 5), "top": ranks(2, 1, 3, 4, 5), "bottom": ranks(1, 2, 3, 5, 4)}
    )
    assert result.at[("ref", "top"), "ws"] == pytest.approx(0.7917, abs=1e-4)
    assert result.at[("ref", "bottom"), "ws"] == pytest.approx(0.9714, abs=1e-4)
    assert result.at[("ref", "top"), "spearman"] == pytest.approx(0.9)
    assert result.at[("ref", "bottom"), "spearman"] == pytest.approx(0.9)
    assert result.at[("ref", "ref"), "ws"] == 1.0


def test_weighted_spearman_weighs_disagreement_at_the_top_more() -> None:
    # r_w = 1 - 6 sum (x - y)^2 ((n - x + 1) + (n - y + 1)) / (n^4 + n^3 - n^2 - n) (Pinto da
    # Costa & Soares 2005, eq. for r_W). n = 5, denominator 720. Swapping ranks 1 and 2:
    # 6 * (9 + 9) = 108, r_w = 0.85; ranks 4 and 5: 6 * (3 + 3) = 36, r_w = 0.95; ranks 2 and
    # 3: 6 * (7 + 7) = 84, r_w = 0.8833 (the value of the weighted-Spearman test of
    # objective-weights-for-mcda, tests/test_correlations.py). Kendall's tau is 0.8 for each
    # (one discordant pair out of 10).
    reference = ranks(1, 2, 3, 4, 5)
    result = compare(
        {
            "ref": reference,
            "top": ranks(2, 1, 3, 4, 5),
            "bottom": ranks(1, 2, 3, 5, 4),
            "middle": ranks(1, 3, 2, 4, 5),
        }
    )
    expected = {"top": 0.85, "bottom": 0.95, "middle": 1 - 84 / 720}
    for name, value in expected.items():
        assert result.at[("ref", name), "weighted_spearman"] == pytest.approx(value)
        assert result.at[("ref", name), "kendall"] == pytest.approx(0.8)
    assert result.at[("top", "ref"), "weighted_spearman"] == pytest.approx(0.85)


def test_reversed_ranking_has_every_correlation_minus_one() -> None:
    result = compare({"x": ranks(1, 2, 3, 4, 5), "y": ranks(5, 4, 3, 2, 1)})
    assert result.at[("x", "y"), "spearman"] == pytest.approx(-1.0)
    assert result.at[("x", "y"), "weighted_spearman"] == pytest.approx(-1.0)
    assert result.at[("x", "y"), "kendall"] == pytest.approx(-1.0)


def test_kendall_is_tau_b_where_pymcdm_gives_tau_a() -> None:
    # Two identical rankings with a tie agree fully: tau_b = 1. pymcdm 1.4's kendall_tau
    # divides by all 3 pairs, tied one included: 2/3.
    tied = pd.Series([1, 1, 3], index=["a", "b", "c"], dtype=float)
    result = compare({"x": tied, "y": tied})
    assert result.at[("x", "y"), "kendall"] == pytest.approx(1.0)
    average = tied.rank().to_numpy()
    assert kendall_tau(average, average) == pytest.approx(2 / 3)
    # Against 1, 2, 3: two concordant pairs, one tied in x: 2 / sqrt(2 * 3).
    plain = pd.Series([1, 2, 3], index=["a", "b", "c"], dtype=float)
    result = compare({"tied": tied, "plain": plain})
    assert result.at[("tied", "plain"), "kendall"] == pytest.approx(2 / np.sqrt(6))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(1, 4)), min_size=3, max_size=9))
def test_kendall_tau_b_matches_scipy(pairs: list[tuple[int, int]]) -> None:
    x, y = (np.array(column, dtype=float) for column in zip(*pairs, strict=True))
    expected = kendalltau(x, y).statistic if np.ptp(x) > 0 and np.ptp(y) > 0 else np.nan
    np.testing.assert_allclose(kendall_tau_b(x, y), expected, atol=1e-12)


def test_rank_results_compare_on_labels_not_positions() -> None:
    matrix = pd.DataFrame(
        {"x": [1.0, 2.0, 3.0, 4.0], "y": [4.0, 1.0, 2.0, 3.0]}, index=["p", "q", "r", "s"]
    )
    weights, directions = pd.Series({"x": 0.6, "y": 0.4}), {"x": "benefit", "y": "benefit"}
    topsis = rank(matrix, weights, directions)
    shuffled = topsis.sample(frac=1.0, random_state=3)
    result = compare({"topsis": topsis, "again": shuffled})
    assert result.at[("topsis", "again"), "spearman"] == pytest.approx(1.0)
    assert result["ws"].unstack().shape == (2, 2)


def test_ties_use_average_ranks() -> None:
    # Competition ranks 1, 1, 3 become 1.5, 1.5, 3: Spearman against 1, 2, 3 is 0.866.
    tied = pd.Series([1, 1, 3], index=["a", "b", "c"], dtype=float)
    plain = pd.Series([1, 2, 3], index=["a", "b", "c"], dtype=float)
    result = compare({"tied": tied, "plain": plain})
    assert result.at[("tied", "plain"), "spearman"] == pytest.approx(np.sqrt(3) / 2)


def test_compare_refuses_mismatched_or_single_rankings() -> None:
    with pytest.raises(MatrixError, match="at least two"):
        compare({"x": ranks(1, 2, 3, 4, 5)})
    with pytest.raises(MatrixError, match="rank different alternatives"):
        compare({"x": ranks(1, 2, 3, 4, 5), "y": pd.Series([1.0, 2.0], index=["a", "z"])})
