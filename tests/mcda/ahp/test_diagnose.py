"""Diagnosis: which judgments to revise, toward which scale value, and the CR that gives."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda.ahp.consistency import consistency
from mcda.ahp.diagnose import diagnose
from mcda.ahp.scale import SAATY_SCALE
from mcda.errors import JudgmentError
from tests.mcda.published import HOUSE_MATRIX, INCOMPLETE_4, matrix


def revised(frame: pd.DataFrame, row: str, col: str, value: float) -> pd.DataFrame:
    """`frame` with judgment (row, col) set to `value` and its reciprocal."""
    changed = frame.copy()
    changed.loc[row, col], changed.loc[col, row] = value, 1 / value
    return changed


def test_one_corrupted_judgment_is_found_and_restored() -> None:
    # w = (9, 3, 1, 1): every ratio is on the scale. Corrupt a_13 = 9 into 1/2.
    w = np.array([9.0, 3.0, 1.0, 1.0])
    labels = ["a", "b", "c", "d"]
    consistent = pd.DataFrame(np.outer(w, 1 / w), index=labels, columns=labels)
    corrupted = revised(consistent, "a", "c", 1 / 2)
    diagnosis = diagnose(corrupted)
    first = diagnosis.table.iloc[0]
    assert (first["row"], first["col"], first["judgment"]) == ("a", "c", 0.5)
    assert first["suggested"] == 9.0
    assert first["cr_after"] == pytest.approx(0.0, abs=1e-9)
    assert diagnosis.consistency.cr > 0.1
    assert diagnosis.table["deviation"].idxmax() == 0


def test_every_suggestion_is_evaluated_honestly_on_saatys_house() -> None:
    diagnosis = diagnose(HOUSE_MATRIX, "tummala_ling")
    assert len(diagnosis.table) == 8 * 7 // 2
    assert diagnosis.table["cr_after"].is_monotonic_increasing
    for _, row in diagnosis.table.iterrows():
        assert row["suggested"] in SAATY_SCALE
        after = consistency(
            revised(HOUSE_MATRIX, row["row"], row["col"], row["suggested"]), "tummala_ling"
        )
        assert row["cr_after"] == pytest.approx(after.cr, abs=1e-9)
        assert row["lambda_max_after"] == pytest.approx(after.lambda_max, abs=1e-9)
    top = diagnosis.top(3)
    assert len(top) == 3 and (top["cr_after"] < diagnosis.consistency.cr).all()


def test_consistent_matrix_has_nothing_to_revise() -> None:
    w = np.array([4.0, 2.0, 1.0])
    assert diagnose(np.outer(w, 1 / w)).top().empty


def test_incomplete_matrix_is_refused() -> None:
    with pytest.raises(JudgmentError, match=r"judgment \(c, d\) is missing"):
        diagnose(matrix(INCOMPLETE_4))


@st.composite
def judgments_on_the_scale(draw: st.DrawFn) -> np.ndarray:
    n = draw(st.integers(3, 6))
    values = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            values[i, j] = draw(st.sampled_from(SAATY_SCALE))
            values[j, i] = 1 / values[i, j]
    return values


@settings(max_examples=40, deadline=None)
@given(judgments_on_the_scale())
def test_best_revision_never_raises_cr(values: np.ndarray) -> None:
    diagnosis = diagnose(values)
    best = diagnosis.table.iloc[0]
    assert best["cr_after"] <= diagnosis.consistency.cr + 1e-12
    changed = revised(pd.DataFrame(values), best["row"], best["col"], best["suggested"])
    assert consistency(changed).cr == pytest.approx(best["cr_after"], abs=1e-9)
