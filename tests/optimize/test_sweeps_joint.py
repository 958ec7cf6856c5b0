"""Joint robustness: fixed inputs give the base allocation; sampled ones stay consistent."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mcda import rank
from mcda.imprecise import Cell, ImpreciseMatrix
from optimize import appraise, load_case, solve
from optimize.errors import InputError
from optimize.model import SolverOptions
from optimize.sweeps import joint_robustness

EXACT = SolverOptions(mip_gap=1e-9)


@pytest.fixture(scope="module")
def tiny(tiny_path):
    return load_case(tiny_path)


@pytest.fixture(scope="module")
def uncertain(tiny):
    """The tiny case's scores with wide intervals on two criteria and one unknown cell."""
    point = ImpreciseMatrix.from_point(tiny.scores)
    return point.with_cells(
        {
            ("a", "L1"): Cell.interval(1.0, 7.0),
            ("b", "L1"): Cell.interval(1.0, 7.0),
            ("c", "L3"): Cell.interval(2.0, 25.0),
            ("d", "L3"): Cell.triangular(1.0, 20.0, 25.0),
            ("a", "L4"): Cell.unknown(),
        }
    )


def base_funded(case) -> pd.Series:
    allocation = solve(case, appraise(case), EXACT)
    return (allocation.projects["amount"] > 1e-7).astype(float)


def test_fixed_weights_and_point_values_give_the_base_allocation_every_time(tiny) -> None:
    result = joint_robustness(tiny, 6, seed=3, concentration=math.inf, options=EXACT)
    core = result.extra["core_index"]["core_index"]
    expected = base_funded(tiny)
    assert set(core.unique()) <= {0.0, 1.0}
    pd.testing.assert_series_equal(core.loc[expected.index], expected, check_names=False)


def test_caller_weights_equal_to_the_ahp_weights_give_the_base_allocation(tiny) -> None:
    weights = appraise(tiny).weights
    frame = pd.DataFrame([weights.to_numpy()] * 4, columns=weights.index)
    result = joint_robustness(tiny, 4, seed=0, weights=frame.iloc[:, ::-1], options=EXACT)
    core = result.extra["core_index"]["core_index"]
    expected = base_funded(tiny)
    pd.testing.assert_series_equal(core.loc[expected.index], expected, check_names=False)
    np.testing.assert_allclose(result.extra["weights"].to_numpy(), frame.to_numpy())


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 2**31), share=st.floats(0.05, 1.0))
def test_core_index_classes_follow_the_stated_share(tiny, uncertain, seed, share) -> None:
    result = joint_robustness(
        tiny,
        30,
        seed,
        values=uncertain,
        concentration=5.0,
        unknown="draw",
        ranges={"L4": (0.0, 40.0)},
        core_share=share,
    )
    core = result.extra["core_index"]
    assert core["core_index"].between(0.0, 1.0).all()
    funded_once = set(result.funding.loc[result.funding["funded"], "project"])
    robust = set(core.index[core["class"] == "robust core"])
    assert robust <= funded_once
    assert robust == set(core.index[core["core_index"] >= share])
    assert set(core.index[core["class"] == "exterior"]) == set(core.index) - funded_once
    assert (core["q05"] <= core["q50"]).all() and (core["q50"] <= core["q95"]).all()
    ranks = result.extra["cluster_ranks"]
    assert ranks["rank_q05"].between(1, 4).all() and (ranks["rank_q05"] <= ranks["rank_q95"]).all()


def test_same_seed_same_results_and_another_seed_other_samples(tiny, uncertain) -> None:
    run = lambda seed: joint_robustness(  # noqa: E731
        tiny,
        20,
        seed,
        values=uncertain,
        concentration=5.0,
        ranges={"L4": "observed"},
        unknown="draw",
    )
    first, again, other = run(7), run(7), run(8)
    assert first.seed == 7
    assert first.funding.equals(again.funding)
    for name, table in first.extra.items():
        assert table.equals(again.extra[name]), name
    assert not first.extra["weights"].equals(other.extra["weights"])


def test_serial_and_two_processes_agree(tiny, uncertain) -> None:
    kwargs = {"values": uncertain, "concentration": 5.0, "unknown": "drop"}
    serial = joint_robustness(tiny, 24, 11, **kwargs)
    parallel = joint_robustness(tiny, 24, 11, n_jobs=2, **kwargs)
    assert serial.points.equals(parallel.points)
    assert serial.funding.equals(parallel.funding)
    for name, table in serial.extra.items():
        assert table.equals(parallel.extra[name]), name


def test_a_dropped_criterion_leaves_the_weights_renormalised(tiny, uncertain) -> None:
    result = joint_robustness(tiny, 5, 0, values=uncertain, unknown="drop")
    criteria = result.extra["criteria"]
    assert not criteria.loc["L4", "kept"] and criteria["kept"].sum() == 3
    weights = result.extra["weights"]
    assert list(weights.columns) == ["L1", "L2", "L3"]
    np.testing.assert_allclose(weights.sum(axis=1), 1.0)


def test_each_sample_is_scored_on_its_own_values_and_recorded_weights(tiny, uncertain) -> None:
    ranges = {"L4": (0.0, 40.0)}
    result = joint_robustness(tiny, 5, 9, values=uncertain, unknown="draw", ranges=ranges)
    # The documented seeding: values from the first child of SeedSequence(seed).
    value_seed = np.random.SeedSequence(9).spawn(2)[0]
    drawn = uncertain.sample(5, np.random.default_rng(value_seed), unknown="draw", ranges=ranges)
    weights = result.extra["weights"]
    scores = []
    for k in range(5):
        frame = pd.DataFrame(drawn.values[k], index=drawn.alternatives, columns=drawn.criteria)
        scores.append(
            rank(frame, weights.iloc[k], drawn.directions, normalization="vector")["score"]
        )
    expected = pd.concat(scores, axis=1).mean(axis=1)
    table = result.extra["cluster_ranks"]
    np.testing.assert_allclose(table["mean_closeness"], expected.loc[table.index], rtol=1e-12)


def test_mismatched_values_and_weights_are_refused(tiny) -> None:
    renamed = tiny.scores.values.rename(index={"a": "z"})
    other = ImpreciseMatrix.build(renamed.map(Cell.point), tiny.scores.directions)
    with pytest.raises(InputError, match="clusters differ"):
        joint_robustness(tiny, 2, 0, values=other)
    with pytest.raises(InputError, match="shape"):
        joint_robustness(tiny, 2, 0, weights=np.full((3, 4), 0.25))
    with pytest.raises(InputError, match="core_share"):
        joint_robustness(tiny, 2, 0, core_share=0.0)
