"""Anytime answers: a checked greedy plan is HiGHS's MIP start and the answer of last resort."""

import dataclasses
import threading
import time

import highspy
import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from optimize import SolveStatus, appraise, load_case, solve
from optimize.case import (
    BENEFIT_OBJECTIVES,
    NoDuplication,
    Periods,
    Rules,
    ShareBounds,
    synthetic_case,
)
from optimize.model import (
    FEASIBILITY_TOLERANCE,
    CompiledModel,
    SolverOptions,
    benefit_bound,
    greedy_plan,
    project_table,
    violation,
)
from optimize.report import allocation_summary, optimality_note
from tests.optimize.checks import brute_force_optimum, rule_violations


def compiled(case):
    projects = project_table(case, appraise(case))
    return CompiledModel(case, projects)


# Cases the greedy once missed, each feasible: a floor that one cluster alone can meet (the
# west's) must come before wider floors take the slots of a count cap; a floor out of reach
# under the leverage floor until more co-funded projects join; a region floor and a type
# share met by the same cluster, whose room under its cap was counted twice; a floor whose
# cluster's count cap is full of small projects; a floor beyond its only cluster's cap.
@example(13, 3, 63, 1.5, None, "cluster_returns")
@example(10, 3, 1162, 1.4712898093155053, False, "cluster_returns")
@example(10, 4, 6790, 0.9112426684130565, None, "cluster_returns")
@example(16, 2, 7805, 1.2389517833452284, None, "project_curve")
@example(14, 4, 4631, 1.4517362629025958, False, "project_curve")
@example(16, 4, 9923, 1.4281213845319192, False, "cluster_returns")
@example(16, 4, 4248, 1.4744086645451002, False, "project_curve")
@example(10, 4, 9355, 1.3773118847104802, True, "cluster_returns")
@settings(max_examples=15, deadline=None)
@given(
    clusters=st.integers(min_value=6, max_value=16),
    per_cell=st.integers(min_value=2, max_value=4),
    seed=st.integers(min_value=0, max_value=10_000),
    budget_scale=st.floats(min_value=0.5, max_value=1.5),
    periods=st.sampled_from([None, False, True]),
    objective=st.sampled_from(BENEFIT_OBJECTIVES),
)
def test_greedy_plan_satisfies_every_row_of_the_compiled_matrix(
    clusters, per_cell, seed, budget_scale, periods, objective
) -> None:
    case = synthetic_case(clusters, projects_per_cell=per_cell, seed=seed)
    curve = dataclasses.replace(case.benefit, objective=objective, cluster_block=3.0)
    case = dataclasses.replace(case, benefit=curve)
    if periods is not None:  # yearly budgets, with or without carry-over
        years = Periods(
            years=(2021, 2022, 2023),
            budgets=tuple(case.budget * budget_scale * s for s in (0.3, 0.3, 0.4)),
            carry_over=periods,
            profiles={
                "platform": (0.5, 0.5),
                "pilot_base": (0.2, 0.5, 0.3),
                "demonstration": (1.0,),
            },
        )
        case = dataclasses.replace(case, rules=dataclasses.replace(case.rules, periods=years))
    # Every type and region present: a share floor on an empty group does not compile.
    assume(set(case.clusters["cluster_type"]) == set(case.type_ids))
    assume("west" in set(case.clusters["region"]))
    model = compiled(case)
    model.set_budget(case.budget * budget_scale)
    form = model.matrix_form()
    plan = greedy_plan(form)
    model.highs.run()
    if model.highs.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
        assert plan is None  # nothing can pass the check
        return
    assert plan is not None
    activity = form.matrix @ plan
    assert np.all(activity >= form.row_lower - FEASIBILITY_TOLERANCE)
    assert np.all(activity <= form.row_upper + FEASIBILITY_TOLERANCE)
    builds = plan[form.build]
    assert np.array_equal(builds, np.round(builds))
    assert np.all(plan >= -FEASIBILITY_TOLERANCE)
    # Minimum viable scale, read from the plan's own columns: l_p y_p <= x_p <= u_p y_p.
    top = plan[form.top_up].sum(axis=1)
    assert np.all(top <= form.width * form.top_up.shape[1] * builds + FEASIBILITY_TOLERANCE)
    # No plan beats the optimum, and the budget-row bound is above both.
    optimum = model.highs.getInfo().objective_function_value
    assert form.cost @ plan <= optimum + 1e-6 * abs(optimum)
    assert benefit_bound(form, model.budget_row()) >= optimum - 1e-6 * abs(optimum)


def test_violation_sees_a_broken_rule() -> None:
    case = synthetic_case(12, projects_per_cell=2, seed=3)
    model = compiled(case)
    form = model.matrix_form()
    plan = greedy_plan(form)
    assert plan is not None and violation(form, plan) <= FEASIBILITY_TOLERANCE
    banned = model.projects.index.get_loc(case.rules.must_not_fund[0])
    broken = plan.copy()
    broken[form.build[banned]] = 1.0  # fund a must-not-fund project (at its minimum grant)
    assert violation(form, broken) >= 1.0 - FEASIBILITY_TOLERANCE
    fractional = plan.copy()
    fractional[form.build[0]] = 0.5
    assert violation(form, fractional) >= 0.5 - FEASIBILITY_TOLERANCE


@pytest.fixture(scope="module")
def rushed():
    """A case solved to optimality, and again with no time at all."""
    case = synthetic_case(30, projects_per_cell=3, seed=7)
    appraisal = appraise(case)
    exact = solve(case, appraisal)
    return case, exact, solve(case, appraisal, SolverOptions(time_limit=0.0))


def test_tiny_time_limit_still_returns_a_feasible_allocation_with_its_gap(rushed) -> None:
    case, exact, rushed = rushed
    assert exact.status is SolveStatus.OPTIMAL
    assert rushed.status is SolveStatus.TIME_LIMIT
    assert rushed.status.has_solution
    assert rule_violations(case, rushed) == []
    assert rushed.objective <= exact.objective * (1 + 1e-9)
    assert rushed.bound >= exact.objective * (1 - 1e-9)
    assert rushed.mip_gap == pytest.approx((rushed.bound - rushed.objective) / rushed.objective)
    assert 0.0 < rushed.mip_gap < np.inf
    assert rushed.projects["benefit"].sum() == pytest.approx(rushed.objective)


def solve_figures(allocation):
    return allocation_summary(allocation, pd.DataFrame())


def test_summary_says_when_an_allocation_is_not_proven_optimal(rushed) -> None:
    _, exact, rushed = rushed
    figures = solve_figures(rushed)
    assert figures["proven_optimal"] is False
    assert figures["bound"] == pytest.approx(rushed.bound)
    note = optimality_note(figures)
    assert note is not None
    assert "time_limit" in note and f"gap {rushed.mip_gap:.2%}" in note
    assert optimality_note(solve_figures(exact)) is None


@pytest.fixture(scope="module")
def tiny(tiny_path):
    case = load_case(tiny_path)
    return case, appraise(case)


RULES = {
    "as shipped": None,
    "type shares": Rules(
        type_share={"basic": ShareBounds(0.1, 0.5), "frontier": ShareBounds(0.2, 0.6)}
    ),
    "no duplication": Rules(no_duplicated_construction=NoDuplication(("platform",), 1)),
}


@settings(max_examples=12, deadline=None)
@given(
    budget=st.floats(min_value=1.0, max_value=14.0),
    variant=st.sampled_from(sorted(RULES)),
    objective=st.sampled_from(BENEFIT_OBJECTIVES),
)
def test_mip_start_leaves_the_proven_optimum_unchanged(tiny, budget, variant, objective) -> None:
    case, appraisal = tiny
    rules = RULES[variant] or case.rules
    curve = dataclasses.replace(case.benefit, objective=objective, cluster_block=1.5)
    varied = dataclasses.replace(case, budget=budget, rules=rules, benefit=curve)
    projects = project_table(varied, appraisal)
    expected = brute_force_optimum(varied, projects)
    model = CompiledModel(varied, projects, SolverOptions(time_limit=60.0))
    started = model.solve(appraisal.priority_rule)
    if expected == float("-inf"):
        assert not started.status.has_solution
        return
    assert model.start_seconds is not None  # HiGHS was handed the greedy plan
    assert started.status is SolveStatus.OPTIMAL
    assert started.objective == pytest.approx(expected, rel=1e-6, abs=1e-9)
    assert rule_violations(varied, started) == []


def test_answer_comes_at_the_deadline_while_highs_is_stuck_in_a_phase() -> None:
    # A callback that holds HiGHS stands in for a root cut round that polls no interrupt.
    case = synthetic_case(30, projects_per_cell=3, seed=7)
    appraisal = appraise(case)
    model = CompiledModel(case, project_table(case, appraisal), SolverOptions(time_limit=1.0))
    held, release = threading.Event(), threading.Event()

    def hold(event) -> None:
        if not held.is_set():
            held.set()
            release.wait(60.0)

    model.highs.cbSimplexInterrupt.subscribe(hold)
    model.highs.cbMipInterrupt.subscribe(hold)
    begin = time.perf_counter()
    try:
        stuck = model.solve(appraisal.priority_rule)
        elapsed = time.perf_counter() - begin
        still_running = model.worker is not None and model.worker.is_alive()
    finally:
        release.set()
    assert held.is_set()
    assert still_running  # the answer did not wait for HiGHS
    assert elapsed < 1.0 + 6.0  # a 1 s grace, and generous: the machine is shared
    assert stuck.status is SolveStatus.TIME_LIMIT
    assert rule_violations(case, stuck) == []
    assert stuck.objective > 0.0
    assert stuck.bound >= stuck.objective and np.isfinite(stuck.mip_gap)
    # The next solve waits for the abandoned run instead of sharing HiGHS with it.
    again = model.solve(appraisal.priority_rule)
    assert model.worker is None
    assert rule_violations(case, again) == []
    assert again.objective >= stuck.objective * (1 - 1e-9)
