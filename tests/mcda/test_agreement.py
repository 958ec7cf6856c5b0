"""Rank agreement: Spearman and the WS coefficient of Sałabun & Urbaniak (2020)."""

import numpy as np
import pandas as pd
import pytest

from mcda import MatrixError, compare, rank

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


def test_reversed_ranking_has_spearman_minus_one() -> None:
    result = compare({"x": ranks(1, 2, 3, 4, 5), "y": ranks(5, 4, 3, 2, 1)})
    assert result.at[("x", "y"), "spearman"] == pytest.approx(-1.0)


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
