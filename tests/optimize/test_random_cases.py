"""Random small cases against brute force, and the corners they found.

Every feasible case is solved to the brute-force optimum with every rule holding; every
infeasible one makes ``clusterplan allocate`` exit 3 with the smallest relaxation; none
crashes. Rows over no project, a zero budget, must-fund lists and plan years in which nobody
spends are drawn often (see :mod:`tests.optimize.random_cases`).
"""

import dataclasses
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from optimize import SolveStatus, appraise, load_case, solve
from optimize.case import Rules
from optimize.errors import InputError
from optimize.model import CompiledModel, project_table
from tests.optimize.checks import brute_force_optimum, rule_violations
from tests.optimize.clirun import run_cli
from tests.optimize.random_cases import case_files, write_case

FIXTURES_IN_GIVEN = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


def load_or_skip(folder: Path):
    """The case at `folder`; a drawn case the loader refuses (floor above cap) is skipped."""
    try:
        return load_case(folder)
    except InputError:
        assume(False)
        raise


def assert_matches_brute_force(case, folder: Path, monkeypatch, capsys) -> None:
    appraisal = appraise(case)
    allocation = solve(case, appraisal)
    best = brute_force_optimum(case, project_table(case, appraisal))
    if best == float("-inf"):
        assert allocation.status is SolveStatus.INFEASIBLE
        code, _, err = run_cli(["allocate", str(folder)], monkeypatch, capsys)
        assert code == 3, err
        assert "smallest relaxation" in err and "\n  - " in err, err
        return
    assert allocation.status is SolveStatus.OPTIMAL
    assert rule_violations(case, allocation) == []
    assert allocation.objective == pytest.approx(best, rel=1e-6, abs=1e-9)


@settings(max_examples=30, deadline=None, suppress_health_check=FIXTURES_IN_GIVEN)
@given(files=case_files())
def test_random_cases_match_brute_force(files, monkeypatch, capsys) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_case(files, Path(tmp) / "case")
        assert_matches_brute_force(load_or_skip(folder), folder, monkeypatch, capsys)


@settings(max_examples=15, deadline=None)
@given(files=case_files(), data=st.data())
def test_the_order_of_project_rows_never_changes_the_optimum(files, data) -> None:
    order = data.draw(st.permutations(range(len(files["projects"]))))
    objectives = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, rows in (("given", None), ("permuted", list(order))):
            case = load_or_skip(write_case(files, Path(tmp) / name, rows))
            allocation = solve(case, appraise(case))
            objectives.append((allocation.status, allocation.objective))
    (status, first), (status_permuted, second) = objectives
    assert status is status_permuted
    if status.has_solution:
        assert second == pytest.approx(first, rel=1e-6, abs=1e-9)


def small_case(rules: dict, projects: list[tuple], budget: float = 4.0, **settings) -> dict:
    """A drawn-style case: clusters a (basic, east), b (strategic, east), c (frontier, west)."""
    case = {
        "case": {"name": "corner", "title": "corner"},
        "appraisal": {"normalization": "vector", "priority_rule": "merit"},
        "benefit": {"top_up_segments": 1, "slope_decay": 0.5},
        "budget": {"total": budget},
        "rules": rules,
        **settings,
    }
    clusters = [
        ("a", "a", "a", "east", "rail", "basic"),
        ("b", "b", "b", "east", "ai", "strategic"),
        ("c", "c", "c", "west", "ai", "frontier"),
    ]
    return {"settings": case, "clusters": clusters, "projects": projects}


def project(pid: str, cluster: str, instrument: str, low=0.5, high=2.0, eff=1.0, start=""):
    return (pid, cluster, instrument, low, high, eff, 0.0, start)


PLAIN = [project("a1", "a", "platform"), project("b1", "b", "pilot_base")]

#: Cases that crashed (Pyomo refused an empty row, or a division by zero) and now solve.
FEASIBLE_CORNERS = {
    "cap on a cluster with no project": small_case({"cluster_limits": {"c": {"cap": 1.0}}}, PLAIN),
    "share cap of a type with no project": small_case(
        {"type_share": {"frontier": {"max": 0.2}}}, PLAIN
    ),
    "zero floors over empty groups": small_case(
        {"region_floor": {"west": 0.0}, "cluster_limits": {"c": {"floor": 0.0}}}, PLAIN
    ),
    "a plan year in which nobody spends": small_case(
        {},
        PLAIN,
        periods={"years": [2021, 2022], "budgets": [3.0, 1.0], "carry_over": False},
    ),
    "every project must be funded": small_case(
        {"must_fund": {"projects": ["a1", "b1"]}}, PLAIN, budget=1.0
    ),
    "zero budget": small_case(
        {"must_fund": {"projects": ["a1"]}}, [project("a1", "a", "platform", low=0.0)], budget=0.0
    ),
    "floor over an empty type at a zero budget": small_case(
        {"type_share": {"frontier": {"min": 0.3}}}, PLAIN, budget=0.0
    ),
}

#: Cases whose floor lies over no project: infeasible, explained by that floor.
INFEASIBLE_CORNERS = {
    "floor on a cluster with no project": (
        small_case({"cluster_limits": {"c": {"floor": 1.0}}}, PLAIN),
        "cluster_limits [c:floor]: lower the bound from 1 to 0",
    ),
    "share floor of a type with no project": (
        small_case({"type_share": {"frontier": {"min": 0.25}}}, PLAIN),
        "type_share [frontier:min]: lower the bound from 1 to 0",
    ),
    "share floor of an instrument with no project": (
        small_case({"instrument_share": {"demonstration": {"min": 0.5}}}, PLAIN),
        "instrument_share [demonstration:min]: lower the bound from 2 to 0",
    ),
    "region floor with no project": (
        small_case({"region_floor": {"west": 0.5}}, PLAIN),
        "region_floor [west]: lower the bound from 2 to 0",
    ),
}


@pytest.mark.parametrize("name", sorted(FEASIBLE_CORNERS))
def test_corner_cases_are_solved(name, tmp_path, monkeypatch, capsys) -> None:
    folder = write_case(FEASIBLE_CORNERS[name], tmp_path / "case")
    case = load_case(folder)
    assert brute_force_optimum(case, project_table(case, appraise(case))) > float("-inf")
    assert_matches_brute_force(case, folder, monkeypatch, capsys)
    code, _, err = run_cli(["allocate", str(folder)], monkeypatch, capsys)
    assert code == 0, err


@pytest.mark.parametrize("command", ["allocate", "run"])
@pytest.mark.parametrize("name", sorted(INFEASIBLE_CORNERS))
def test_floor_over_no_project_exits_3_naming_it(
    name, command, tmp_path, monkeypatch, capsys
) -> None:
    files, line = INFEASIBLE_CORNERS[name]
    folder = write_case(files, tmp_path / "case")
    out = tmp_path / "out"
    code, _, err = run_cli([command, str(folder), "--out", str(out)], monkeypatch, capsys)
    assert code == 3, err
    assert line in err
    assert "Traceback" not in err and not out.exists()


def test_a_budget_sweep_from_zero_moves_share_bounds(tmp_path) -> None:
    # Share bounds used to be read as budget x share / budget, i.e. as 0 at a zero budget.
    files = small_case({"type_share": {"basic": {"max": 0.25}}}, PLAIN, budget=0.0)
    case = load_case(write_case(files, tmp_path / "case"))
    appraisal = appraise(case)
    model = CompiledModel(case, project_table(case, appraisal))
    model.set_budget(4.0)
    swept = model.solve(appraisal.priority_rule)
    direct = solve(dataclasses.replace(case, budget=4.0), appraisal)
    assert swept.objective == pytest.approx(direct.objective, rel=1e-9)
    assert swept.projects.at["a1", "amount"] == pytest.approx(1.0)


def test_demonstration_needs_any_pilot_base_whatever_the_row_order(tmp_path) -> None:
    # Two pilot bases in cluster b; the one listed first may not be funded. The rule used to
    # tie the demonstration project to the first row only.
    projects = [
        project("b.pilot1", "b", "pilot_base", low=1.0, high=1.5),
        project("b.pilot2", "b", "pilot_base", low=0.5, high=1.0),
        project("b.demo", "b", "demonstration", low=1.0, high=3.0, eff=5.0),
    ]
    rules = {
        "dependencies": {"in_cluster": [["demonstration", "pilot_base"]]},
        "must_not_fund": {"projects": ["b.pilot1"]},
    }
    objectives = []
    for name, order in (("given", [0, 1, 2]), ("swapped", [1, 0, 2])):
        case = load_case(write_case(small_case(rules, projects), tmp_path / name, order))
        allocation = solve(case, appraise(case))
        assert set(allocation.projects.index[allocation.projects["funded"]]) == {
            "b.pilot2",
            "b.demo",
        }
        objectives.append(allocation.objective)
    assert objectives[0] == pytest.approx(objectives[1], rel=1e-9)


def test_demonstration_without_a_pilot_base_in_its_cluster_is_not_funded(tmp_path) -> None:
    projects = [
        project("a.pilot", "a", "pilot_base"),
        project("b.demo", "b", "demonstration", eff=5.0),
    ]
    rules = {"dependencies": {"in_cluster": [["demonstration", "pilot_base"]]}}
    case = load_case(write_case(small_case(rules, projects), tmp_path / "case"))
    allocation = solve(case, appraise(case))
    assert not allocation.projects.at["b.demo", "funded"]
    assert allocation.projects.at["a.pilot", "funded"]


def test_run_accepts_a_level_one_criterion_that_is_a_leaf(
    tiny_path, tmp_path, monkeypatch, capsys
) -> None:
    case = tmp_path / "case"
    write_case(small_case({}, PLAIN), case)
    (case / "criteria.csv").write_text(
        "id,parent,name_en,name_zh,direction,unit\n"
        "G1,,Firms,企业,,\nG2,,Research,科研,benefit,count\n"
        "L1,G1,R&D share,研发,benefit,%\nL2,G1,Overcapacity,产能过剩,cost,%\n",
        encoding="utf-8",
    )
    (case / "judgments.csv").write_text(
        "node,row,col,value,provenance\ngoal,G1,G2,3,test\nG1,L1,L2,2,test\n", encoding="utf-8"
    )
    scores = (case / "scores.csv").read_text(encoding="utf-8").replace(",L3,", ",G2,")
    kept = [line for line in scores.splitlines() if ",L4," not in line]
    (case / "scores.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    weights = (out / "weights.csv").read_text(encoding="utf-8")
    assert "G2" in weights


def test_dropping_dependencies_also_drops_the_pilot_base_rule() -> None:
    rules = Rules(in_cluster=(("demonstration", "pilot_base"),))
    assert "dependencies" in rules.active()
    assert "dependencies" not in rules.without(("dependencies",)).active()
