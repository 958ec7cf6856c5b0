"""An imprecise matrix: a point matrix round-trips, statuses are counted, mixes are refused."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda.decision import DecisionMatrix
from mcda.errors import MatrixError
from mcda.imprecise import Cell, ImpreciseMatrix

DIRECTIONS = {"x": "benefit", "y": "cost"}


def mixed() -> ImpreciseMatrix:
    return ImpreciseMatrix.build(
        {
            ("a", "x"): Cell.point(1.0, "paper:P3"),
            ("a", "y"): Cell.interval(2.0, 4.0, "facts:S2"),
            ("b", "x"): Cell.interval(1.0, 3.0, "list", status="list"),
            ("b", "y"): Cell.unknown(),
            ("c", "x"): Cell.triangular(0.0, 1.0, 2.0),
            ("c", "y"): Cell.point(3.0),
        },
        DIRECTIONS,
    )


@settings(max_examples=40, deadline=None)
@given(
    arrays(
        float,
        (3, 2),
        elements=st.floats(-1e9, 1e9, allow_nan=False, allow_subnormal=False),
        unique=True,
    )
)
def test_a_point_matrix_round_trips(values: np.ndarray) -> None:
    frame = pd.DataFrame(values, index=["a", "b", "c"], columns=["x", "y"])
    provenance = pd.DataFrame(
        [["p1", "p2"], ["p3", "p4"], ["p5", "p6"]], frame.index, frame.columns
    )
    point = DecisionMatrix.build(frame, DIRECTIONS, provenance)
    imprecise = ImpreciseMatrix.from_point(point)
    assert imprecise.is_point
    back = imprecise.to_point()
    pd.testing.assert_frame_equal(back.values, point.values)
    pd.testing.assert_frame_equal(back.provenance, point.provenance)
    pd.testing.assert_series_equal(back.directions, point.directions)


def test_to_point_refuses_a_cell_that_is_not_a_point() -> None:
    with pytest.raises(
        MatrixError, match=r"4 cells are not points, the first 'a' on 'y' \(interval\)"
    ):
        mixed().to_point()


def test_status_counts_list_every_status() -> None:
    matrix = mixed()
    assert matrix.status_counts().to_dict() == {
        "point": 2,
        "interval": 1,
        "list": 1,
        "triangular": 1,
        "rated": 0,
        "unknown": 1,
    }
    per = matrix.status_counts(by_criterion=True)
    assert per.loc["y"].to_dict() == {
        "point": 1,
        "interval": 1,
        "list": 0,
        "triangular": 0,
        "rated": 0,
        "unknown": 1,
    }


def test_fields_and_provenance_are_kept_per_cell() -> None:
    matrix = mixed()
    assert matrix.provenance.loc["a", "x"] == "paper:P3"
    assert matrix.number("low").loc["a", "y"] == 2.0
    assert np.isnan(matrix.number("low").loc["a", "x"])
    assert matrix.status.loc["b", "x"] == "list"


def test_a_pair_without_a_cell_is_refused() -> None:
    with pytest.raises(MatrixError, match="no cell for 'b' on 'y'"):
        ImpreciseMatrix.build(
            {("a", "x"): Cell.point(1), ("a", "y"): Cell.point(2), ("b", "x"): Cell.point(3)},
            DIRECTIONS,
        )


def test_a_rated_criterion_cannot_hold_numbers_in_another_unit() -> None:
    with pytest.raises(MatrixError, match=r"'y' mixes rated cells with \['interval'\]"):
        mixed().with_cells({("c", "y"): Cell.rated([1.0, 0.5], "empirical")})
    rated = mixed().with_cells(
        {
            ("a", "y"): Cell.rated([1.0], "empirical"),
            ("c", "y"): Cell.rated([1.0, 0.5], "interval"),
        }
    )
    assert rated.status["y"].tolist() == ["rated", "unknown", "rated"]


def test_with_cells_refuses_a_label_the_matrix_lacks() -> None:
    with pytest.raises(MatrixError, match="alternative 'z' is not in the matrix"):
        mixed().with_cells({("z", "x"): Cell.point(1.0)})
