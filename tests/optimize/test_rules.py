"""Every rule kind, alone and combined: the solver's optimum equals brute-force enumeration
on the tiny case, and an independent checker finds every rule holding."""

import dataclasses

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optimize import appraise, load_case, solve
from optimize.case import (
    AmountBounds,
    BasicConcentration,
    NoDuplication,
    Periods,
    ResearchThreshold,
    Rules,
    ShareBounds,
)
from tests.optimize.checks import assert_matches_enumeration

PERIODS = Periods(
    years=(2021, 2022, 2023),
    budgets=(2.0, 2.5, 2.5),
    carry_over=True,
    profiles={"platform": (0.5, 0.5), "pilot_base": (0.3, 0.3, 0.4), "demonstration": (1.0,)},
)

VARIANTS = {
    "instrument_share": Rules(instrument_share={"platform": ShareBounds(0.3, 0.6)}),
    "cluster_limits": Rules(
        cluster_limits={"b": AmountBounds(0.0, 2.0), "c": AmountBounds(1.0, 3.0)}
    ),
    "region_floor": Rules(region_floor={"west": 0.3}),
    "basic_concentration": Rules(basic_concentration=BasicConcentration(("basic",), 1, 1.5)),
    "frontier_platform_research": Rules(
        frontier_platform_research=ResearchThreshold(("frontier",), ("platform",), "L3", 25.0)
    ),
    "dependencies": Rules(dependencies=(("a.demo", "a.platform"), ("c.demo", "c.platform"))),
    "exclusions": Rules(exclusions=(("b.platform", "d.platform"), ("b.pilot", "c.demo"))),
    "must": Rules(must_fund=("d.pilot",), must_not_fund=("b.pilot",)),
    "cofunding": Rules(min_leverage=1.4),
    "periods_carry": Rules(periods=PERIODS),
    "periods_no_carry": Rules(periods=dataclasses.replace(PERIODS, carry_over=False)),
    "no_duplication": Rules(no_duplicated_construction=NoDuplication(("platform",), 1)),
    "combined": Rules(
        type_share={"strategic": ShareBounds(0.2, 0.7)},
        region_floor={"east": 0.2},
        no_duplicated_construction=NoDuplication(("platform", "pilot_base"), 1),
        basic_concentration=BasicConcentration(("basic",), 1, 0.5),
        dependencies=(("c.demo", "c.platform"),),
        must_not_fund=("d.platform",),
        min_leverage=1.2,
        periods=PERIODS,
    ),
}

#: Co-funding ratios and start years for the tiny case's 8 projects (test data).
COFUNDING = {
    "a.platform": 0.2,
    "b.platform": 0.5,
    "b.pilot": 1.0,
    "c.platform": 0.1,
    "c.demo": 0.8,
    "d.platform": 0.3,
    "d.pilot": 0.6,
    "a.demo": 0.0,
}
STARTS = {"b.pilot": 2022, "c.demo": 2023, "d.pilot": 2022}


@pytest.fixture(scope="module")
def tiny(tiny_path):
    case = load_case(tiny_path)
    projects = case.projects.assign(
        cofunding_ratio=pd.Series(COFUNDING),
        start=pd.Series(STARTS).reindex(case.projects.index, fill_value=0.0),
    )
    case = dataclasses.replace(case, projects=projects)
    return case, appraise(case)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_rule_kind_matches_enumeration(tiny, name) -> None:
    case, appraisal = tiny
    assert_matches_enumeration(dataclasses.replace(case, rules=VARIANTS[name]), appraisal)


@settings(max_examples=10, deadline=None)
@given(budget=st.floats(min_value=1.0, max_value=12.0), name=st.sampled_from(sorted(VARIANTS)))
def test_rules_match_enumeration_over_budgets(tiny, budget, name) -> None:
    case, appraisal = tiny
    rules = VARIANTS[name]
    if rules.periods is not None:
        scaled = tuple(b * budget / sum(rules.periods.budgets) for b in rules.periods.budgets)
        rules = dataclasses.replace(
            rules, periods=dataclasses.replace(rules.periods, budgets=scaled)
        )
    assert_matches_enumeration(dataclasses.replace(case, budget=budget, rules=rules), appraisal)


@settings(max_examples=15, deadline=None)
@given(
    banned=st.sets(
        st.sampled_from(
            [
                "a.platform",
                "b.platform",
                "b.pilot",
                "c.platform",
                "c.demo",
                "d.platform",
                "d.pilot",
                "a.demo",
            ]
        ),
        max_size=4,
    )
)
def test_must_not_fund_projects_are_never_funded(tiny, banned) -> None:
    case, appraisal = tiny
    rules = Rules(must_not_fund=tuple(sorted(banned)), dependencies=(("c.demo", "c.platform"),))
    allocation = solve(dataclasses.replace(case, rules=rules), appraisal)
    funded = set(allocation.projects.index[allocation.projects["funded"]])
    assert not funded & banned
    assert "c.demo" not in funded or "c.platform" in funded
