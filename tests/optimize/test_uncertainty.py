"""How sure the ranking is: SMAA-2 of a case's clusters under joint value and weight draws."""

import numpy as np
import pandas as pd
import pytest

from mcda import ImpreciseMatrix, rank
from mcda.imprecise import Cell
from optimize.appraisal import (
    UncertaintySettings,
    appraise,
    assess_uncertainty,
    checked_values,
    weight_samples,
)
from optimize.casefiles import load_case
from optimize.errors import InputError

#: Weights fixed at the AHP weights: every sample is the point ranking.
FIXED = UncertaintySettings(samples=50, concentration=float("inf"))


@pytest.fixture(scope="module")
def tiny(tiny_path):
    case = load_case(tiny_path)
    return case, appraise(case)


def test_case_values_are_the_case_scores_as_points(tiny) -> None:
    case, _ = tiny
    values = case.values
    assert values.is_point
    pd.testing.assert_frame_equal(values.number("value"), case.scores.values.astype(float))
    assert (values.provenance == case.scores.provenance).to_numpy().all()


def test_status_counts_say_how_many_cells_are_illustrative(tiny) -> None:
    case, appraisal = tiny
    statuses = assess_uncertainty(case, appraisal, settings=FIXED).statuses
    assert statuses.loc["point", "cells"] == case.scores.values.size == 16
    # Every score of the tiny case is illustrative (scores.csv, provenance column).
    assert statuses.loc["point", "illustrative"] == 16
    assert statuses.drop(index="point")["cells"].sum() == 0


def test_fixed_weights_reproduce_the_point_ranking_as_strict_tiers(tiny) -> None:
    case, appraisal = tiny
    sure = assess_uncertainty(case, appraisal, settings=FIXED)
    ranks = appraisal.ranking["rank"]
    # Each cluster holds its point rank in every sample: acceptability 1 there, 0 elsewhere.
    for cluster, place in ranks.items():
        assert sure.smaa.acceptability.loc[cluster, place] == 1.0
    assert sure.smaa.tiers == tuple((str(c),) for c in ranks.sort_values().index)
    winning = sure.smaa.winning
    for i in ranks.index:
        for j in ranks.index:
            assert winning.loc[i, j] == float(ranks[i] < ranks[j])
    intervals = sure.rank_intervals
    for column in ("rank_q05", "rank_q50", "rank_q95"):
        assert (intervals[column] == ranks.loc[intervals.index]).all()


def test_uniform_weights_cannot_separate_the_two_strongest_tiny_clusters(tiny) -> None:
    case, appraisal = tiny
    settings = UncertaintySettings(samples=2000, weight_model="uniform", seed=0)
    sure = assess_uncertainty(case, appraisal, settings=settings)
    first = set(sure.smaa.tiers[0])
    assert first == {"b", "c"}
    # Neither beats the other at 0.9, and their indices say so.
    assert sure.smaa.winning.loc["b", "c"] < 0.9 and sure.smaa.winning.loc["c", "b"] < 0.9
    assert sure.rank_intervals.loc[list(first), "tier"].eq(1).all()


def test_ordinal_weights_keep_the_order_of_the_judgments(tiny) -> None:
    case, appraisal = tiny
    settings = UncertaintySettings(weight_model="ordinal")
    draws = weight_samples(case, appraisal, settings, 500, np.random.SeedSequence(1))
    assert np.allclose(draws.sum(axis=1), 1.0) and (draws.to_numpy() >= 0).all()
    # Tiny's judgments: G1 > G2 at the goal, L1 > L2 under G1, L4 > L3 under G2.
    slack = 1e-12
    assert (draws["L1"] + draws["L2"] >= draws["L3"] + draws["L4"] - slack).all()
    assert (draws["L1"] >= draws["L2"] - slack).all()
    assert (draws["L4"] >= draws["L3"] - slack).all()
    # ...and nothing more: the draws spread over the polytope, not around the AHP weights.
    assert draws["L2"].max() > appraisal.weights["L2"] + 0.1


def test_dropping_an_unknown_criterion_ranks_on_the_rest_with_renormalised_weights(tiny) -> None:
    case, appraisal = tiny
    values = case.values.with_cells({("a", "L4"): Cell.unknown()})
    settings = UncertaintySettings(samples=20, concentration=float("inf"), unknown="drop")
    sure = assess_uncertainty(case, appraisal, values, settings)
    assert sure.dropped == ("L4",)
    assert sure.statuses.loc["unknown", "cells"] == 1
    kept = appraisal.weights.drop("L4")
    expected = rank(
        case.scores.values.drop(columns="L4"),
        kept / kept.sum(),
        case.scores.directions.drop("L4"),
        "topsis",
        normalization=case.normalization,
    )["rank"]
    for cluster, place in expected.items():
        assert sure.smaa.acceptability.loc[cluster, place] == 1.0


def test_an_unknown_cell_without_a_policy_is_refused(tiny) -> None:
    from mcda import MatrixError

    case, appraisal = tiny
    values = case.values.with_cells({("a", "L4"): Cell.unknown()})
    with pytest.raises(MatrixError, match="unknown"):
        assess_uncertainty(case, appraisal, values, UncertaintySettings(samples=5))


def test_values_for_other_clusters_are_refused(tiny) -> None:
    case, _ = tiny
    other = ImpreciseMatrix.from_point(case.scores).cells.rename(index={"a": "zz"})
    values = ImpreciseMatrix.build(other, case.scores.directions)
    with pytest.raises(InputError, match=r"clusters differ.*'a'.*'zz'"):
        checked_values(values, case)


def test_sampled_values_are_limited_before_the_work(tiny, monkeypatch) -> None:
    case, appraisal = tiny
    monkeypatch.setenv("CLUSTERPLAN_MAX_SAMPLED_VALUES", "100")
    with pytest.raises(InputError, match="CLUSTERPLAN_MAX_SAMPLED_VALUES"):
        assess_uncertainty(case, appraisal, settings=UncertaintySettings(samples=7))


def test_the_result_records_the_case_s_own_unknown_policy(tiny) -> None:
    # A case that draws its unknown cells ([uncertainty] unknown = "draw") and no option that
    # overrides it: the report reads the policy from the result, so it must be the case's.
    import dataclasses

    from optimize.case import Uncertainty as CaseUncertainty

    case, appraisal = tiny
    drawing = dataclasses.replace(case, uncertainty=CaseUncertainty(unknown="draw"))
    values = case.values.with_cells({("a", "L4"): Cell.unknown()})
    result = assess_uncertainty(drawing, appraisal, values, UncertaintySettings(samples=5))
    assert result.settings.unknown == "draw"
    assert result.dropped == ()
    told = UncertaintySettings(samples=5, unknown="drop")
    assert assess_uncertainty(drawing, appraisal, values, told).settings.unknown == "drop"
