"""Consistency ratios against named random-index tables, and Saaty's threshold rule."""

import numpy as np
import pytest

from mcda.ahp.consistency import (
    RI_TABLES,
    consistency,
    consistency_of,
    random_index,
    saaty_threshold,
)
from mcda.ahp.incomplete import complete
from mcda.ahp.priorities import priorities
from mcda.errors import JudgmentError
from tests.mcda.published import DRINKS_MATRIX, HOUSE_MATRIX, INCOMPLETE_4, matrix


@pytest.mark.parametrize(
    ("table", "n", "published"),
    [
        # Saaty (1980): note the dip at n = 12, as published.
        ("saaty", 3, 0.58),
        ("saaty", 12, 1.48),
        ("saaty", 15, 1.59),
        ("saaty2005", 6, 1.25),
        ("alonso_lamata", 3, 0.5247),
        ("alonso_lamata", 15, 1.5838),
        ("tummala_ling", 6, 1.2358),
        ("donegan_dodd", 7, 1.2519),
        ("donegan_dodd", 100, 1.6339),
    ],
)
def test_tabulated_orders_give_the_published_values(table: str, n: int, published: float) -> None:
    assert random_index(n, table) == published


def test_donegan_dodd_interpolates_between_tabulated_orders() -> None:
    # AHPy's reading of Donegan & Dodd: linear between the tabulated n = 20 (1.5371) and 25.
    expected = 1.5371 + (1.5619 - 1.5371) * (22 - 20) / (25 - 20)
    assert random_index(22, "donegan_dodd") == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("n", [16, 40, 100])
def test_alonso_lamata_beyond_their_table_is_their_linear_criterion(n: int) -> None:
    # Alonso & Lamata accept a matrix when lambda_max <= n + alpha (1.7699 n - 4.3513), i.e.
    # CR = (lambda_max - n) / (2.7699 n - 4.3513 - n) <= alpha (as AHP-OS states it).
    lambda_max = n + 0.7
    result = consistency_of(lambda_max, n, "alonso_lamata")
    assert result.cr == pytest.approx((lambda_max - n) / (2.7699 * n - 4.3513 - n), rel=1e-12)


@pytest.mark.parametrize(
    ("table", "n"),
    [
        ("saaty", 16),
        ("saaty2005", 16),
        ("tummala_ling", 16),
        ("donegan_dodd", 101),
        ("alonso_lamata", 101),
    ],
)
def test_a_table_that_does_not_cover_n_is_an_error(table: str, n: int) -> None:
    with pytest.raises(JudgmentError, match=f"random-index table '{table}' covers n = 1..") as info:
        random_index(n, table)
    assert f"not n = {n}" in str(info.value)
    covering = [name for name, t in RI_TABLES.items() if t.covers_order(n)]
    assert str(info.value).endswith(f"({', '.join(covering)})" if covering else str(n))
    assert table not in covering


def test_every_table_covers_small_matrices_and_names_its_source() -> None:
    for name, table in RI_TABLES.items():
        assert table.name == name and table.source
        assert table.ri(1) == table.ri(2) == 0.0
        assert 0.45 < table.ri(3) < table.ri(15) < 1.7


def test_two_by_two_matrices_are_always_consistent() -> None:
    result = consistency(np.array([[1, 9], [1 / 9, 1]]))
    assert result.cr == 0.0 and result.acceptable


def test_saaty_threshold_rule() -> None:
    assert [saaty_threshold(n) for n in (3, 4, 5, 9)] == [0.05, 0.08, 0.1, 0.1]


def test_threshold_decides_the_verdict() -> None:
    result = consistency(DRINKS_MATRIX)
    assert result.acceptable and result.verdict.startswith("acceptable: CR 0.022 <= 0.10")
    strict = consistency(DRINKS_MATRIX, threshold=0.01)
    assert not strict.acceptable and strict.verdict.startswith("REVISE: CR 0.022 > 0.01")
    assert "(saaty RI)" in strict.verdict


def test_the_table_can_decide_pass_or_fail() -> None:
    # A 4 x 4 matrix on the scale whose CR is 0.0797 with Saaty's 1980 RI: just under Saaty's
    # 0.08 threshold, and over it with every table whose RI(4) is below 0.90.
    judgments = {
        ("a", "b"): 2,
        ("a", "c"): 3,
        ("a", "d"): 1,
        ("b", "c"): 3,
        ("b", "d"): 1,
        ("c", "d"): 1,
    }
    verdicts = {table: consistency(matrix(judgments), table).acceptable for table in RI_TABLES}
    assert verdicts == {table: RI_TABLES[table].ri(4) >= 0.90 for table in RI_TABLES}
    assert verdicts["saaty"] and not verdicts["donegan_dodd"]


def test_consistency_agrees_with_priorities_and_covers_incomplete_matrices() -> None:
    assert (
        consistency(HOUSE_MATRIX, "tummala_ling")
        == priorities(HOUSE_MATRIX, ri="tummala_ling").consistency
    )
    incomplete = matrix(INCOMPLETE_4)
    assert consistency(incomplete) == consistency(complete(incomplete).matrix)
