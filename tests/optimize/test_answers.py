"""Answers a planner acts on: binding rules, marginal values, infeasibility explained."""

import dataclasses

import numpy as np
import pytest

from optimize import SolveStatus, appraise, load_case, solve
from optimize.case import AmountBounds, NoDuplication, Rules, ShareBounds, demo_case
from optimize.model import explain_infeasibility, marginal_values


@pytest.fixture(scope="module")
def tiny(tiny_path):
    case = load_case(tiny_path)
    return case, appraise(case)


@pytest.fixture(scope="module")
def demo():
    case = load_case(demo_case())
    return case, appraise(case)


@pytest.mark.parametrize("which", ["tiny", "demo"])
def test_duals_match_finite_differences(which, request) -> None:
    case, appraisal = request.getfixturevalue(which)
    allocation = solve(case, appraisal)
    values = marginal_values(case, appraisal, allocation)
    rows = values[values["rule"] != "budget_total"]
    assert len(rows) == len(allocation.binding)
    # The optimal value is concave in each row's bound, so a dual is a supergradient: at a
    # kink (the demo's budget) HiGHS may return any value between the one-sided differences
    # of loosening (right) and tightening (left; NaN where tightening is infeasible).
    step = 1e-3 * case.budget
    left = marginal_values(case, appraisal, allocation, step=-step)["finite_difference"]
    dual, right = rows["lp_dual_fixed_integer"], rows["finite_difference"]
    assert (dual >= right - 1e-5).all()
    assert (dual <= left.loc[rows.index].fillna(np.inf) + 1e-5).all()
    assert np.isclose(dual, right, atol=1e-5).any()  # away from kinks they agree
    budget = values.set_index("rule").loc["budget_total"]
    # One more whole unit of budget with re-optimised decisions can never be worth less
    # than nothing, and the objective must really rise when the budget binds.
    assert budget["milp_plus_one"] >= -1e-9
    assert budget["finite_difference"] > 0


def test_binding_rows_have_zero_slack(tiny) -> None:
    case, appraisal = tiny
    allocation = solve(case, appraisal)
    assert (allocation.rules["slack"] >= -1e-6).all()
    assert set(allocation.binding["rule"]) >= {"budget"}
    assert (allocation.binding["slack"].abs() <= 1e-6 * 10).all()


CONFLICTS = {
    "type floors exceed the budget": (
        Rules(type_share={"basic": ShareBounds(0.9, 1.0), "frontier": ShareBounds(0.5, 1.0)}),
        {"type_share"},
    ),
    "must-fund beyond a cluster cap": (
        Rules(must_fund=("b.platform", "b.pilot"), cluster_limits={"b": AmountBounds(0.0, 2.0)}),
        {"cluster_limits", "must_fund"},
    ),
    "must-fund breaks no duplication": (
        Rules(
            must_fund=("a.platform", "b.platform"),
            no_duplicated_construction=NoDuplication(("platform",), 1),
        ),
        {"must_fund", "no_duplicated_construction"},
    ),
}


@pytest.mark.parametrize("name", sorted(CONFLICTS))
def test_infeasible_case_is_explained_by_the_conflicting_rules(tiny, name) -> None:
    case, appraisal = tiny
    rules, culprits = CONFLICTS[name]
    broken = dataclasses.replace(case, rules=rules)
    assert solve(broken, appraisal).status is SolveStatus.INFEASIBLE
    explanation = explain_infeasibility(broken, appraisal)
    assert len(explanation) >= 1
    assert set(explanation["rule"]) <= culprits
    assert (explanation["relaxation"] > 0).all()


def test_applying_the_explained_relaxation_makes_the_case_feasible(tiny) -> None:
    case, appraisal = tiny
    rules = Rules(type_share={"basic": ShareBounds(0.9, 1.0), "frontier": ShareBounds(0.5, 1.0)})
    broken = dataclasses.replace(case, rules=rules)
    explanation = explain_infeasibility(broken, appraisal).set_index("key")
    shares = dict(rules.type_share)
    for key, row in explanation.iterrows():
        kind, _, side = str(key).partition(":")
        assert side == "min"
        shares[kind] = ShareBounds(row["relaxed_bound"] / case.budget - 1e-9, shares[kind].maximum)
    fixed = dataclasses.replace(case, rules=Rules(type_share=shares))
    assert solve(fixed, appraisal).status is SolveStatus.OPTIMAL


def test_feasible_case_needs_no_relaxation(tiny) -> None:
    case, appraisal = tiny
    assert explain_infeasibility(case, appraisal).empty
