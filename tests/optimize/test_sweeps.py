"""Sweeps: monotone frontiers, one point equals one solve, identical results however run."""

import dataclasses

import numpy as np
import pandas as pd
import pytest

from optimize import SolveStatus, appraise, load_case, solve
from optimize.case import (
    DEFAULT_CASE,
    DEMO_CASE,
    AmountBounds,
    NoDuplication,
    Rules,
    Scenario,
    ShareBounds,
    parse_scenario,
    retype_scenarios,
    shipped_cases_folder,
)
from optimize.errors import InputError
from optimize.model import SolverOptions, closest_optimum, project_table
from optimize.sweeps import (
    budget_frontier,
    compare_scenarios,
    retype_clusters,
    weight_robustness,
    weight_sobol,
)


@pytest.fixture(scope="module")
def tiny(tiny_path):
    return load_case(tiny_path)


def absolute_rules(case):
    return dataclasses.replace(
        case,
        rules=Rules(
            no_duplicated_construction=NoDuplication(("platform",), 1),
            cluster_limits={"b": AmountBounds(0.0, 3.0)},
        ),
    )


def test_frontier_with_absolute_rules_never_decreases(tiny) -> None:
    result = budget_frontier(absolute_rules(tiny), [0.5 * k for k in range(1, 25)])
    objective = result.points["objective"].to_numpy()
    assert np.all(np.diff(objective) >= -1e-4 * objective.max())
    assert not result.points["dip"].any()
    assert (result.points["spent"] <= result.points["budget"] + 1e-9).all()


def test_dip_flag_marks_benefit_below_an_earlier_budget(tiny) -> None:
    result = budget_frontier(tiny, [2.0 + 0.5 * k for k in range(20)])
    points = result.points
    expected = points["objective"] < points["objective"].cummax() - 1e-9
    assert (points["dip"] == expected).all()


def test_a_one_point_sweep_equals_a_single_solve(tiny) -> None:
    options = SolverOptions(mip_gap=1e-9)
    sweep = budget_frontier(tiny, [tiny.budget], options)
    single = solve(tiny, appraise(tiny), options)
    assert sweep.points["objective"].iloc[0] == pytest.approx(single.objective, rel=1e-9)
    amounts = sweep.funding.set_index("project")["amount"]
    np.testing.assert_allclose(
        amounts.loc[single.projects.index], single.projects["amount"], atol=1e-7
    )


def test_entries_record_when_projects_are_first_funded(tiny) -> None:
    result = budget_frontier(absolute_rules(tiny), [1.0, 2.0, 4.0, 8.0])
    funded = result.funding[result.funding["funded"]]
    first = funded.assign(b=funded["point"].astype(float)).groupby("project")["b"].min()
    entries = result.extra["entries"]["enters_at"].dropna()
    assert entries.to_dict() == first.to_dict()


def test_infeasible_budgets_are_no_exits(tiny) -> None:
    # Share-based floors make the tiny case infeasible from 18 on: nothing is funded there
    # because there is no allocation, so no project "leaves" at 18.
    result = budget_frontier(tiny, [4.0, 10.0, 17.0, 18.0, 19.0])
    status = result.points.set_index("budget")["status"]
    assert (status.loc[[18.0, 19.0]] == "infeasible").all()
    assert status.loc[17.0] == "optimal"
    entries = result.extra["entries"]
    funded = result.funding[result.funding["funded"] & (result.funding["point"] == "17")]
    assert len(funded)
    assert entries.loc[funded["project"], "leaves_at"].isna().all()
    assert not (entries["leaves_at"] >= 18.0).any()
    assert set(entries.index) == set(result.funding["project"])


def test_core_index_is_one_for_must_fund_and_zero_for_must_not(tiny) -> None:
    case = dataclasses.replace(
        tiny, rules=Rules(must_fund=("d.pilot",), must_not_fund=("c.platform",))
    )
    core = weight_robustness(case, samples=12, seed=3, concentration=5.0).extra["core_index"]
    assert core.at["d.pilot", "core_index"] == 1.0
    assert core.at["c.platform", "core_index"] == 0.0
    assert core.at["d.pilot", "class"] == "robustly in"


def test_robustness_is_reproducible_and_identical_in_parallel(tiny) -> None:
    serial = weight_robustness(tiny, samples=10, seed=7, concentration=5.0)
    again = weight_robustness(tiny, samples=10, seed=7, concentration=5.0)
    parallel = weight_robustness(tiny, samples=10, seed=7, concentration=5.0, n_jobs=2)
    pd_equal = serial.funding.reset_index(drop=True)
    assert serial.seed == 7
    assert pd_equal.equals(again.funding.reset_index(drop=True))
    assert pd_equal.equals(parallel.funding.reset_index(drop=True))


# Under load, Dask's LocalCluster sometimes leaves a listening socket to the garbage collector
# after it closes; that is Dask's housekeeping, not a result of ours.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_robustness_on_a_dask_cluster_matches_serial(tiny) -> None:
    distributed = pytest.importorskip("dask.distributed")
    serial = weight_robustness(tiny, samples=6, seed=11, concentration=5.0)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as cluster:
        remote = weight_robustness(
            tiny, samples=6, seed=11, concentration=5.0, scheduler=cluster.scheduler_address
        )
    assert serial.funding.reset_index(drop=True).equals(remote.funding.reset_index(drop=True))


def test_sobol_indices_cover_every_cluster_and_factor(tiny) -> None:
    result = weight_sobol(tiny, samples=8, seed=2)
    indices = result.extra["indices"]
    assert set(indices["factor"]) == {"G1", "G2", "budget"}
    assert set(indices["cluster"]) <= set(tiny.clusters.index)
    assert len(result.points) == 8 * (2 * 3 + 2)


def test_scenarios_side_by_side(tiny) -> None:
    result = compare_scenarios(
        tiny, [Scenario("lean", budget=3.0), Scenario("research", weights={"G2": 0.8})]
    )
    assert list(result.points["point"]) == ["base", "lean", "research"]
    assert result.points.set_index("point").at["lean", "spent"] <= 3.0 + 1e-9
    assert set(result.extra["by_cluster"].columns) == {"base", "lean", "research"}


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ({"budgett": 3.0}, "x.budgett"),
        ({"weights": {"G9": 0.5}}, "x.weights.G9"),
        ({"drop_rules": ["regional_quota"]}, "x.drop_rules"),
        ({"priority_rule": "fairness"}, "x.priority_rule"),
        ({"cluster_types": {"zz": "basic"}}, "x.cluster_types.zz"),
        ({"cluster_types": {"a": "mature"}}, "x.cluster_types.a"),
    ],
)
def test_unknown_overrides_fail_with_one_clear_line(tiny, table, field) -> None:
    with pytest.raises(InputError, match=f"field '{field}'"):
        parse_scenario("x", table, tiny)


SHIPPED = sorted(
    path.name for path in shipped_cases_folder().iterdir() if (path / "case.toml").is_file()
)


@pytest.mark.parametrize("name", SHIPPED)
def test_retyping_any_cluster_leaves_every_shipped_case_feasible(name) -> None:
    case = load_case(shipped_cases_folder() / name)
    scenarios = retype_scenarios(case)
    if name in (DEFAULT_CASE, DEMO_CASE):  # eight clusters whose type is a judgment call
        assert len(scenarios) == 8
    result = retype_clusters(case)
    assert list(result.points["point"]) == ["base", *(s.name for s in scenarios)]
    assert set(result.points["status"]) == {"optimal"}


def test_a_retyped_cluster_takes_the_fit_of_its_new_type(tiny) -> None:
    # One frontier cluster re-typed basic: its projects are valued with the basic fit row, and
    # a ceiling on the basic share now counts its funding (solved as one case with the type
    # written into the clusters table: the same answer).
    case = dataclasses.replace(tiny, rules=Rules(type_share={"basic": ShareBounds(0.0, 0.5)}))
    frontier = case.clusters.index[case.clusters["cluster_type"] == "frontier"][0]
    scenario = Scenario("x", cluster_types={frontier: "basic"})
    clusters = case.clusters.copy()
    clusters.loc[frontier, "cluster_type"] = "basic"
    retyped = dataclasses.replace(case, clusters=clusters)
    expected = solve(retyped, appraise(retyped))
    points = compare_scenarios(case, [scenario]).points.set_index("point")
    assert expected.status is SolveStatus.OPTIMAL
    assert points.at["x", "objective"] == pytest.approx(expected.objective, rel=1e-6)
    assert points.at["x", "objective"] != pytest.approx(points.at["base", "objective"])


@pytest.mark.parametrize("keep", ["original", "twin"])
def test_closest_optimum_picks_the_tied_plan_nearest_the_reference(tiny, keep) -> None:
    # The best project and an identical twin, a budget that one of them absorbs, benefit
    # linear in the grant: funding either (or both, split) is optimal; the closest optimum to
    # a plan funding one of them in full is that plan.
    base = dataclasses.replace(tiny, rules=Rules())
    curve = dataclasses.replace(base.benefit, objective="cluster_returns", cluster_blocks=1)
    appraisal = appraise(base)
    best = project_table(base, appraisal)["coefficient"].idxmax()
    twin = base.projects.loc[[best]].rename(index={best: "twin"})
    budget = float(twin.at["twin", "max_grant"])
    case = dataclasses.replace(
        base, projects=pd.concat([base.projects, twin]), benefit=curve, budget=budget
    )
    projects = project_table(case, appraisal)
    optimum = solve(case, appraisal)
    chosen = best if keep == "original" else "twin"
    reference = pd.Series({chosen: budget})
    closest = closest_optimum(case, projects, optimum, reference)
    assert closest.objective == pytest.approx(optimum.objective, rel=1e-6)
    funded = closest.projects.loc[closest.projects["funded"], "amount"]
    assert funded.to_dict() == pytest.approx({chosen: budget})
