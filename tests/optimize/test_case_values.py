"""Imprecise scores in a case: cells, their point view, expert ratings, both case forms."""

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda import ImpreciseMatrix
from optimize import InputError, load_case
from optimize.appraisal import appraise
from optimize.case import demo_case
from optimize.casefiles import (
    INSTRUCTIONS,
    blank_case,
    case_workbook,
    read_case_folder,
    read_workbook,
)
from optimize.pipeline import run_case
from tests.optimize.case_equality import assert_same_case
from tests.optimize.clirun import run_cli
from tests.optimize.imprecise_case import write_imprecise_tiny

TINY = Path(__file__).resolve().parents[1] / "cases" / "tiny"


@pytest.fixture
def imprecise(tiny_path: Path, tmp_path: Path) -> Path:
    return write_imprecise_tiny(tiny_path, tmp_path / "imprecise")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_status_loads_with_its_numbers_and_provenance(imprecise):
    case = load_case(imprecise)
    assert case.values.status_counts().to_dict() == {
        "point": 9,
        "interval": 1,
        "list": 0,
        "triangular": 1,
        "rated": 4,
        "unknown": 1,
    }
    triangle = case.values.cells.loc["b", "L1"]
    assert (triangle.low, triangle.mode, triangle.high) == (2.0, 3.0, 6.0)
    rated = case.values.cells.loc["a", "L3"]
    # Two experts (good = 1, fair = 0.5) make a spread, never their average.
    assert rated.support == (1.0, 0.5) and (rated.low, rated.high) == (0.5, 1.0)
    assert rated.provenance == "ratings"
    assert case.values.provenance.loc["c", "L2"] == "unknown"


def test_the_point_view_takes_the_value_else_the_mode_else_the_midpoint(imprecise):
    points = load_case(imprecise).scores.values
    assert points.loc["a", "L1"] == 2.0  # midpoint of [1, 3]
    assert points.loc["b", "L1"] == 3.0  # mode of the triangle (2, 3, 6)
    assert points.loc["c", "L2"] == 25.0  # midpoint of L2's observed range [10, 40]
    assert points.loc["a", "L3"] == 0.75  # midpoint of the intensities 0.5 and 1
    assert points.loc["a", "L2"] == 30.0  # a point is its value


def test_a_stated_value_is_the_estimate_and_midpoint_ignores_it(imprecise):
    edit(imprecise / "scores.csv", "a,L1,,illustrative,", "a,L1,2.5,illustrative,")
    assert load_case(imprecise).scores.values.loc["a", "L1"] == 2.5
    edit(imprecise / "case.toml", 'unknown = "draw"', 'unknown = "draw"\npoint = "midpoint"')
    midpoints = load_case(imprecise).scores.values
    assert midpoints.loc["a", "L1"] == 2.0 and midpoints.loc["b", "L1"] == 4.0


def test_an_interval_spread_of_ratings_keeps_only_their_range(imprecise):
    spread = 'unknown = "draw"\nrating_spread = "interval"'
    edit(imprecise / "case.toml", 'unknown = "draw"', spread)
    rated = load_case(imprecise).values.cells.loc["a", "L3"]
    assert rated.support == () and (rated.low, rated.high) == (0.5, 1.0)


def test_drop_leaves_the_criterion_out_and_renormalises_the_weights(imprecise, tiny_path):
    edit(imprecise / "case.toml", 'unknown = "draw"', 'unknown = "drop"')
    case = load_case(imprecise)
    assert case.dropped == ["L2"]
    assert list(case.scores.values.columns) == ["L1", "L3", "L4"]
    assert list(case.values.criteria) == ["L1", "L2", "L3", "L4"]
    full = appraise(load_case(tiny_path)).weights.drop("L2")  # the same judgments
    pd.testing.assert_series_equal(appraise(case).weights, full / full.sum())


@pytest.mark.parametrize("policy", ["draw", "drop"])
def test_the_whole_point_pipeline_runs_on_an_imprecise_case(imprecise, policy):
    edit(imprecise / "case.toml", 'unknown = "draw"', f'unknown = "{policy}"')
    result = run_case(imprecise, robust_samples=8)
    assert result.allocation.status.has_solution
    assert set(result.appraisal.ranking.index) == {"a", "b", "c", "d"}
    # The uncertainty analysis reads the case's own cells and its stated policy.
    assert result.uncertainty is not None
    counts = result.uncertainty.statuses["cells"]
    assert counts.drop("point", errors="ignore").sum() > 0
    assert ("L2" in result.uncertainty.dropped) == (policy == "drop")
    assert result.funding_robustness is not None


def test_a_rule_cannot_rest_on_a_dropped_criterion(imprecise):
    edit(imprecise / "case.toml", 'unknown = "draw"', 'unknown = "drop"')
    rule = (
        '[rules.frontier_platform_research]\ntypes = ["frontier"]\ninstruments = ["platform"]\n'
        'criterion = "L2"\nmin_score = 1.0\n'
    )
    edit(imprecise / "case.toml", "[uncertainty]", f"{rule}\n[uncertainty]")
    with pytest.raises(InputError, match="'L2' is dropped") as caught:
        load_case(imprecise)
    assert caught.value.field == "rules.frontier_platform_research.criterion"


def test_the_workbook_form_holds_the_same_cells(imprecise, tmp_path):
    book = tmp_path / "imprecise.xlsx"
    folder = read_case_folder(imprecise)
    book.write_bytes(case_workbook(folder, INSTRUCTIONS))
    assert_same_case(load_case(imprecise), load_case(book))
    raw, _ = read_workbook(book)
    for key in ("scores", "rating_scales", "ratings"):
        # Number cells come back as numbers (6.0 reads as 6): compare them as numbers.
        back, there = raw.tables[key], folder.tables[key]
        assert list(back.columns) == list(there.columns), key
        for column in there.columns:
            numeric = column in ("value", "low", "high", "mode", "intensity")
            as_read = pd.to_numeric(back[column]) if numeric else back[column]
            given = pd.to_numeric(there[column]) if numeric else there[column]
            pd.testing.assert_series_equal(as_read, given, obj=f"{key}.{column}")


def test_a_point_case_gains_no_rating_tables_in_a_round_trip(tiny_path, tmp_path):
    book = tmp_path / "tiny.xlsx"
    book.write_bytes(case_workbook(read_case_folder(tiny_path), INSTRUCTIONS))
    raw, _ = read_workbook(book)
    assert set(raw.tables) == set(read_case_folder(tiny_path).tables)


def test_the_blank_template_offers_the_imprecise_columns_and_says_how_to_use_them():
    blank = blank_case("new")
    assert {"status", "low", "high", "mode"} <= set(blank.tables["scores"].columns)
    assert list(blank.tables["ratings"].columns) == ["expert", "cluster", "criterion", "level"]
    assert any("[uncertainty]" in line and "status" in line for line in INSTRUCTIONS)


def test_the_demo_case_is_all_points_and_its_point_view_is_its_table():
    case = load_case(demo_case())
    assert case.values.is_point and not case.dropped
    table = pd.read_csv(demo_case() / "scores.csv", dtype={"value": float})
    wide = table.pivot(index="cluster", columns="criterion", values="value")
    expected = wide.loc[case.clusters.index, case.criteria.leaves].to_numpy()
    assert (case.scores.values.to_numpy() == expected).all()
    pd.testing.assert_frame_equal(case.values.to_point().values, case.scores.values)


def test_validate_counts_cell_statuses_and_provenance(imprecise, monkeypatch, capsys):
    code, text, _ = run_cli(["validate", str(imprecise)], monkeypatch, capsys)
    assert code == 0
    assert "cells: 9 point, 1 interval, 0 list, 1 triangular, 4 rated, 1 unknown" in text
    assert "provenance: 0 paper, 0 facts, 11 illustrative, 4 ratings, 1 unknown" in text


#: Sixteen distinct scores, so that no criterion of the tiny case is constant.
SCORES = st.lists(
    st.floats(0.0, 1e6, allow_nan=False).map(lambda x: round(x, 3)),
    min_size=16,
    max_size=16,
    unique=True,
)


@settings(max_examples=20, deadline=None)
@given(numbers=SCORES, statuses=st.lists(st.sampled_from(["", "point", "Point"]), min_size=16))
def test_a_point_table_reads_as_before_with_or_without_the_new_columns(numbers, statuses):
    with tempfile.TemporaryDirectory() as tmp:
        plain, marked = Path(tmp) / "plain", Path(tmp) / "marked"
        shutil.copytree(TINY, plain)
        lines = (plain / "scores.csv").read_text(encoding="utf-8").splitlines()
        rows = [line.split(",") for line in lines[1:]]
        for row, number in zip(rows, numbers, strict=True):
            row[2] = repr(number)
        (plain / "scores.csv").write_text(
            "\n".join([lines[0], *(",".join(row) for row in rows)]) + "\n", encoding="utf-8"
        )
        shutil.copytree(plain, marked)
        (marked / "scores.csv").write_text(
            "\n".join(
                [
                    f"{lines[0]},status,low,high,mode",
                    *(f"{','.join(r)},{s},,," for r, s in zip(rows, statuses, strict=False)),
                ]
            )
            + "\n",
            encoding="utf-8",
        )
        before, after = load_case(plain), load_case(marked)
    assert_same_case(before, after)
    expected = [[numbers[4 * i + j] for j in range(4)] for i in range(4)]
    assert before.scores.values.to_numpy().tolist() == expected
    reference = ImpreciseMatrix.from_point(before.scores).cells
    pd.testing.assert_frame_equal(after.values.cells, reference, check_names=False)
