"""Sampling: inside the cells, constant points, reproducible, stated unknown-cell policy."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda.errors import MatrixError
from mcda.imprecise import Cell, ImpreciseMatrix, sample_chunks

NUMBER = st.floats(-1e6, 1e6, allow_nan=False, allow_subnormal=False)


@st.composite
def cells(draw: st.DrawFn) -> Cell:
    """Any cell but a rated one, with its bounds."""
    a, b, c = sorted(draw(st.lists(NUMBER, min_size=3, max_size=3)))
    kind = draw(st.sampled_from(["point", "interval", "list", "triangular", "unknown"]))
    if kind == "point":
        return Cell.point(b)
    if kind == "triangular":
        return Cell.triangular(a, b, c)
    if kind == "unknown":
        return Cell.unknown()
    return Cell.interval(a, c, status=kind)  # type: ignore[arg-type]


@st.composite
def matrices(draw: st.DrawFn) -> ImpreciseMatrix:
    m, k = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    grid = {(f"a{i}", f"c{j}"): draw(cells()) for i in range(m) for j in range(k)}
    # Rated criterion: ideal intensities in (0, 1], several experts per cell.
    for i in range(m):
        levels = draw(st.lists(st.sampled_from([1.0, 0.5, 0.25, 0.1]), min_size=1, max_size=4))
        spread = draw(st.sampled_from(["empirical", "interval"]))
        grid[f"a{i}", "rated"] = Cell.rated(levels, spread)
    directions = {c: "benefit" for _, c in grid}
    return ImpreciseMatrix.build(grid, directions)


@settings(max_examples=60, deadline=None)
@given(matrices(), st.integers(0, 2**32 - 1))
def test_samples_stay_inside_their_cells_and_points_stay_constant(
    matrix: ImpreciseMatrix, seed: int
) -> None:
    drawn = matrix.sample(
        50, seed, unknown="draw", ranges=dict.fromkeys(matrix.criteria, (-1.0, 2.0))
    )
    assert drawn.values.shape == (50, len(matrix.alternatives), len(matrix.criteria))
    status = matrix.status.to_numpy()
    low = np.where(status == "unknown", -1.0, matrix.number("low").to_numpy())
    high = np.where(status == "unknown", 2.0, matrix.number("high").to_numpy())
    value = matrix.number("value").to_numpy()
    point = status == "point"
    assert np.all(drawn.values[:, point] == value[point])
    spread = ~point
    assert np.all(drawn.values[:, spread] >= low[spread])
    assert np.all(drawn.values[:, spread] <= high[spread])
    again = matrix.sample(
        50, seed, unknown="draw", ranges=dict.fromkeys(matrix.criteria, (-1.0, 2.0))
    )
    np.testing.assert_array_equal(drawn.values, again.values)


@settings(max_examples=60, deadline=None)
@given(matrices(), st.lists(st.floats(0.01, 1.0), min_size=5, max_size=5))
def test_dropping_renormalises_the_weights_of_the_kept_criteria(
    matrix: ImpreciseMatrix, raw: list[float]
) -> None:
    drawn = matrix.sample(3, 0, unknown="drop")
    unknown = (matrix.status == "unknown").any()
    assert list(drawn.dropped) == [c for c in matrix.criteria if unknown[c]]
    assert list(drawn.criteria) == [c for c in matrix.criteria if not unknown[c]]
    assert drawn.values.shape[2] == len(drawn.criteria)
    weights = pd.Series(raw[: len(matrix.criteria)], index=matrix.criteria)
    kept = drawn.renormalise(weights)
    assert kept.sum() == pytest.approx(1.0)
    assert list(kept.index) == list(drawn.criteria)
    # Ratios among kept criteria are unchanged.
    assert (kept / kept.iloc[0]).to_numpy() == pytest.approx(
        (weights[drawn.criteria] / weights[drawn.criteria].iloc[0]).to_numpy()
    )
    many = drawn.renormalise(np.tile(weights.to_numpy(), (4, 1)))
    assert many.shape == (4, len(drawn.criteria))
    assert many.sum(axis=1) == pytest.approx(np.ones(4))


def small() -> ImpreciseMatrix:
    return ImpreciseMatrix.build(
        {
            ("a", "x"): Cell.point(10.0),
            ("a", "y"): Cell.unknown(),
            ("a", "z"): Cell.rated([0.25], "interval"),
            ("a", "w"): Cell.triangular(0.0, 0.0, 3.0),
            ("b", "x"): Cell.interval(4.0, 6.0),
            ("b", "y"): Cell.interval(2.0, 5.0),
            ("b", "z"): Cell.rated([1.0, 0.5, 0.5, 0.5], "empirical"),
            ("b", "w"): Cell.point(2.0),
        },
        {"x": "benefit", "y": "cost", "z": "benefit", "w": "cost"},
    )


def test_an_unknown_cell_without_a_stated_policy_or_range_is_refused() -> None:
    matrix = small()
    with pytest.raises(MatrixError, match=r"criteria \['y'\] have unknown cells: state"):
        matrix.sample(10, 1)
    with pytest.raises(MatrixError, match="unknown cells of 'y' are to be drawn but no plausible"):
        matrix.sample(10, 1, unknown="draw")
    with pytest.raises(MatrixError, match="policy 'guess'"):
        matrix.sample(10, 1, unknown="guess")  # type: ignore[arg-type]
    with pytest.raises(MatrixError, match="must be finite with low <= high"):
        matrix.sample(10, 1, unknown="draw", ranges={"y": (3.0, 1.0)})


def test_observed_range_spans_the_known_cells_of_the_criterion() -> None:
    drawn = small().sample(2000, 7, unknown={"y": "draw"}, ranges={"y": "observed"})
    assert drawn.ranges.loc["y"].tolist() == [2.0, 5.0]
    unknown = drawn.values[:, 0, 1]
    assert unknown.min() >= 2.0 and unknown.max() <= 5.0
    assert unknown.mean() == pytest.approx(3.5, abs=0.1)


def test_distributions_have_their_means() -> None:
    drawn = small().sample(20000, 3, unknown="drop")
    assert drawn.dropped == ("y",) and list(drawn.criteria) == ["x", "z", "w"]
    # Triangular (0, 0, 3): mean (0 + 0 + 3) / 3 = 1.
    assert drawn.values[:, 0, 2].mean() == pytest.approx(1.0, abs=0.03)
    assert np.all(drawn.values[:, 0, 1] == 0.25)
    # Empirical over experts 1, 0.5, 0.5, 0.5: each expert equally likely.
    rated = drawn.values[:, 1, 1]
    assert set(np.unique(rated)) == {0.5, 1.0}
    assert (rated == 1.0).mean() == pytest.approx(0.25, abs=0.015)
    assert drawn.values[:, 1, 0].mean() == pytest.approx(5.0, abs=0.03)


def test_chunks_are_reproducible_and_add_up() -> None:
    first = list(sample_chunks(small(), 25, 10, 5, unknown="drop"))
    assert [c.values.shape[0] for c in first] == [10, 10, 5]
    second = list(sample_chunks(small(), 25, 10, 5, unknown="drop"))
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a.values, b.values)
    assert not np.array_equal(first[0].values, first[1].values)


def test_dropping_every_criterion_or_zero_kept_weight_is_refused() -> None:
    matrix = ImpreciseMatrix.build(
        {("a", "x"): Cell.unknown(), ("a", "y"): Cell.point(1.0)}, {"x": "cost", "y": "cost"}
    )
    drawn = matrix.sample(2, 0, unknown="drop")
    with pytest.raises(MatrixError, match="zero weight"):
        drawn.renormalise(pd.Series({"x": 1.0, "y": 0.0}))
    only = ImpreciseMatrix.build({("a", "x"): Cell.unknown()}, {"x": "cost"})
    with pytest.raises(MatrixError, match="every criterion is dropped"):
        only.sample(2, 0, unknown="drop")
