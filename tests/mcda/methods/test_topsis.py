"""TOPSIS: Hwang & Yoon's textbook numbers, the batch kernel against pymcdm, properties."""

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from pymcdm import normalizations
from pymcdm.methods import TOPSIS

from mcda import rank
from mcda.methods.topsis import closeness

# Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making. Springer, pp. 128-134:
# choosing a fighter aircraft. Published closeness: A1 0.643, A2 0.268, A3 0.613, A4 0.312.
AIRCRAFT = pd.DataFrame(
    [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ],
    index=["A1", "A2", "A3", "A4"],
    columns=["speed", "range", "payload", "cost", "reliability", "maneuverability"],
)
AIRCRAFT_WEIGHTS = pd.Series([0.2, 0.1, 0.1, 0.1, 0.2, 0.3], index=AIRCRAFT.columns)
AIRCRAFT_DIRECTIONS = {c: "cost" if c == "cost" else "benefit" for c in AIRCRAFT.columns}


def test_topsis_reproduces_hwang_yoon_fighter_aircraft() -> None:
    result = rank(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_DIRECTIONS)
    expected = pd.Series({"A1": 0.643, "A2": 0.268, "A3": 0.613, "A4": 0.312})
    np.testing.assert_allclose(result["score"].loc[expected.index], expected, atol=1e-3)
    assert list(result.index) == ["A1", "A3", "A4", "A2"]
    assert result.attrs["method"] == "topsis"


def test_minmax_normalisation_is_not_the_textbook_default() -> None:
    # pymcdm's own TOPSIS default (min-max) swaps A2 and A4 on the textbook example.
    result = rank(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_DIRECTIONS, normalization="minmax")
    assert result.at["A2", "rank"] < result.at["A4", "rank"]


weight_rows = arrays(np.float64, (7, 4), elements=st.floats(min_value=0.01, max_value=1.0)).map(
    lambda w: w / w.sum(axis=1, keepdims=True)
)
matrices = arrays(np.float64, (5, 4), elements=st.floats(min_value=0.1, max_value=100.0)).filter(
    lambda m: bool(np.all(np.ptp(m, axis=0) > 1e-3))
)


@settings(max_examples=60, deadline=None)
@given(matrices, weight_rows)
def test_batch_kernel_equals_pymcdm_topsis_per_sample(
    values: np.ndarray, samples: np.ndarray
) -> None:
    types = np.array([1, -1, 1, 1])
    normalized = np.column_stack(
        [
            normalizations.vector_normalization(col, t == -1)
            for col, t in zip(values.T, types, strict=True)
        ]
    )
    reference = TOPSIS(normalizations.vector_normalization)
    expected = [reference(values, w, types, validation=False) for w in samples]
    np.testing.assert_allclose(closeness(normalized, samples), expected, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(matrices, weight_rows)
def test_manhattan_and_chebyshev_match_their_definitions(
    values: np.ndarray, samples: np.ndarray
) -> None:
    normalized = values / np.sqrt((values**2).sum(axis=0))
    for w in samples:
        weighted = normalized * w
        to_best = weighted.max(axis=0) - weighted
        to_worst = weighted - weighted.min(axis=0)
        for name, norm in (("manhattan", 1), ("chebyshev", np.inf)):
            d_best = np.linalg.norm(to_best, ord=norm, axis=1)
            d_worst = np.linalg.norm(to_worst, ord=norm, axis=1)
            np.testing.assert_allclose(
                closeness(normalized, w[np.newaxis], name)[0],
                d_worst / (d_best + d_worst),
                atol=1e-12,
            )


scores = arrays(np.float64, (5, 3), elements=st.floats(min_value=0.1, max_value=100.0))


@settings(max_examples=80, deadline=None)
@given(scores, st.floats(min_value=0.01, max_value=1000.0))
def test_topsis_closeness_bounds_and_scale_invariance(values: np.ndarray, factor: float) -> None:
    matrix = pd.DataFrame(values, columns=["a", "b", "c"])
    if np.any(np.ptp(values, axis=0) < 1e-6):
        return
    weights = pd.Series({"a": 0.5, "b": 0.3, "c": 0.2})
    directions = {"a": "benefit", "b": "cost", "c": "benefit"}
    base = rank(matrix, weights, directions)
    assert ((base["score"] >= -1e-12) & (base["score"] <= 1 + 1e-12)).all()
    scaled = matrix.assign(a=matrix["a"] * factor)
    np.testing.assert_allclose(
        rank(scaled, weights, directions)["score"].sort_index(),
        base["score"].sort_index(),
        atol=1e-9,
    )
