"""The allocation MILP: brute-force optima on tiny instances and every rule holds."""

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optimize import SolveStatus, appraise, load_case, solve
from optimize.case import NoDuplication, Rules, ShareBounds
from optimize.model import CompiledModel, benefit_coefficients, project_table
from tests.optimize.checks import brute_force_optimum, rule_violations


@pytest.fixture(scope="module")
def tiny(tiny_path):
    case = load_case(tiny_path)
    return case, appraise(case)


def test_tiny_case_matches_brute_force_and_respects_rules(tiny) -> None:
    case, appraisal = tiny
    allocation = solve(case, appraisal)
    assert allocation.status is SolveStatus.OPTIMAL
    assert rule_violations(case, allocation) == []
    expected = brute_force_optimum(case, project_table(case, appraisal))
    assert allocation.objective == pytest.approx(expected, rel=1e-6)


RULE_VARIANTS = {
    "budget only": Rules(),
    "type shares": Rules(
        type_share={"basic": ShareBounds(0.1, 0.5), "frontier": ShareBounds(0.2, 0.6)}
    ),
    "no duplication": Rules(no_duplicated_construction=NoDuplication(("platform",), 1)),
    "all": Rules(
        type_share={"strategic": ShareBounds(0.3, 0.7)},
        no_duplicated_construction=NoDuplication(("platform", "pilot_base"), 1),
    ),
}


@settings(max_examples=12, deadline=None)
@given(
    budget=st.floats(min_value=0.5, max_value=14.0),
    variant=st.sampled_from(sorted(RULE_VARIANTS)),
    decay=st.floats(min_value=0.2, max_value=1.0),
)
def test_solver_equals_enumeration_for_each_rule_kind(tiny, budget, variant, decay) -> None:
    case, appraisal = tiny
    variant_case = dataclasses.replace(
        case,
        budget=budget,
        rules=RULE_VARIANTS[variant],
        benefit=dataclasses.replace(case.benefit, slope_decay=decay),
    )
    allocation = solve(variant_case, appraisal)
    expected = brute_force_optimum(variant_case, project_table(variant_case, appraisal))
    if expected == float("-inf"):
        assert allocation.status is SolveStatus.INFEASIBLE
        return
    assert allocation.status is SolveStatus.OPTIMAL
    assert rule_violations(variant_case, allocation) == []
    assert allocation.objective == pytest.approx(expected, rel=1e-6, abs=1e-9)


def cluster_returns(case, block: float, decay: float, blocks: int):
    """The case under diminishing returns within a cluster."""
    curve = dataclasses.replace(
        case.benefit,
        objective="cluster_returns",
        cluster_block=block,
        cluster_decay=decay,
        cluster_blocks=blocks,
    )
    return dataclasses.replace(case, benefit=curve)


@settings(max_examples=15, deadline=None)
@given(
    budget=st.floats(min_value=0.5, max_value=14.0),
    variant=st.sampled_from(sorted(RULE_VARIANTS)),
    block=st.floats(min_value=0.3, max_value=4.0),
    decay=st.floats(min_value=0.0, max_value=1.0),
    blocks=st.integers(min_value=1, max_value=4),
)
def test_cluster_returns_equal_enumeration(tiny, budget, variant, block, decay, blocks) -> None:
    case, appraisal = tiny
    varied = cluster_returns(
        dataclasses.replace(case, budget=budget, rules=RULE_VARIANTS[variant]), block, decay, blocks
    )
    allocation = solve(varied, appraisal)
    expected = brute_force_optimum(varied, project_table(varied, appraisal))
    if expected == float("-inf"):
        assert allocation.status is SolveStatus.INFEASIBLE
        return
    assert allocation.status is SolveStatus.OPTIMAL
    assert rule_violations(varied, allocation) == []
    assert allocation.objective == pytest.approx(expected, rel=1e-6, abs=1e-9)
    # The projects' benefits, net of their money in later blocks, add up to the objective.
    assert allocation.projects["benefit"].sum() == pytest.approx(allocation.objective, rel=1e-6)


def test_cluster_returns_pay_no_bonus_for_a_minimum_block(tiny) -> None:
    # One block without end: benefit is a_p per 1e8 CNY whatever the split, so the optimum is
    # the fractional knapsack by a_p (the best projects filled to their maximum grants first)
    # whenever the minimum grants do not get in the way: a budget that the best project's
    # maximum grant alone absorbs gives exactly a_best x budget.
    case, appraisal = tiny
    varied = cluster_returns(dataclasses.replace(case, rules=Rules()), 1.0, 0.5, 1)
    projects = project_table(varied, appraisal)
    best = projects["coefficient"].idxmax()
    budget = float(projects.at[best, "max_grant"])
    allocation = solve(dataclasses.replace(varied, budget=budget), appraisal)
    assert allocation.objective == pytest.approx(projects.at[best, "coefficient"] * budget)
    assert allocation.projects["funded"].sum() == 1


def test_infeasible_type_floors_are_reported_not_crashed(tiny) -> None:
    case, appraisal = tiny
    impossible = dataclasses.replace(
        case,
        rules=Rules(type_share={"basic": ShareBounds(0.9, 1.0), "frontier": ShareBounds(0.5, 1.0)}),
    )
    allocation = solve(impossible, appraisal)
    assert allocation.status is SolveStatus.INFEASIBLE
    assert allocation.spent == 0.0


def test_allocation_views_add_up(tiny) -> None:
    case, appraisal = tiny
    allocation = solve(case, appraisal)
    grid = allocation.by_type_instrument()
    assert grid.loc["total", "total"] == pytest.approx(allocation.spent)
    assert allocation.by_cluster()["total"].sum() == pytest.approx(allocation.spent)
    assert isinstance(allocation.projects, pd.DataFrame)


def test_solves_in_one_process_may_ask_for_different_thread_counts(tiny_path):
    # HiGHS sizes one thread pool per process at its first solve; a later solve asking for
    # another size used to end with status "error".
    from optimize.model import SolverOptions

    case = load_case(tiny_path)
    appraisal = appraise(case)
    statuses = {str(solve(case, appraisal, SolverOptions(threads=n)).status) for n in (2, 3, 1)}
    assert statuses == {"optimal"}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_new_priorities_in_a_compiled_model_equal_a_fresh_model(tiny, seed) -> None:
    # Sweeps change the cluster priorities in place: every column a cluster's priority prices
    # (its projects' builds and top-ups, the blocks of its grant) must follow.
    case, appraisal = tiny
    varied = cluster_returns(dataclasses.replace(case, rules=Rules()), 1.0, 0.4, 3)
    table = project_table(varied, appraisal)
    rng = np.random.default_rng(seed)

    def priced(priority: pd.Series) -> pd.DataFrame:
        return table.assign(
            priority=priority.loc[table["cluster"]].to_numpy(),
            coefficient=benefit_coefficients(table, priority),
        )

    # Positive priorities on both sides: a zero coefficient has no ratio to scale by.
    projects, changed = (
        priced(pd.Series(rng.uniform(0.1, 1.0, len(case.clusters)), index=case.clusters.index))
        for _ in range(2)
    )
    reused = CompiledModel(varied, projects)
    reused.set_coefficients(changed["coefficient"])
    fresh = CompiledModel(varied, changed)
    assert reused.solve("merit").objective == pytest.approx(fresh.solve("merit").objective)
