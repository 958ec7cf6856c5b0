"""Cluster types and instruments are case data: a case with two made-up types and four
made-up instruments loads, solves to the brute-force optimum under every rule that names
types or instruments, explains itself and reports with its own names."""

import dataclasses
import json

import pytest

from optimize import appraise, load_case, solve
from optimize.case import BasicConcentration, NoDuplication, ResearchThreshold, Rules, ShareBounds
from optimize.model import project_table
from tests.optimize.checks import assert_matches_enumeration, brute_force_optimum
from tests.optimize.clirun import run_cli

#: Rules over the made-up case's own ids, each alone and all together.
VARIANTS = {
    "none": Rules(),
    "type_share": Rules(type_share={"outpost": ShareBounds(0.3, 0.6)}),
    "instrument_share": Rules(instrument_share={"voucher": ShareBounds(0.0, 0.2)}),
    "no_duplication": Rules(no_duplicated_construction=NoDuplication(("lab", "fund"), 1)),
    "concentration": Rules(basic_concentration=BasicConcentration(("outpost",), 1, 0.5)),
    "research": Rules(
        frontier_platform_research=ResearchThreshold(("hub",), ("lab", "fund"), "L3", 10.0)
    ),
    "in_cluster": Rules(in_cluster=(("testbed", "lab"), ("voucher", "lab"))),
}


@pytest.fixture(scope="module")
def made_up(made_up_path):
    case = load_case(made_up_path)
    return case, appraise(case)


def test_the_case_names_its_own_types_and_instruments(made_up) -> None:
    case, _ = made_up
    assert case.type_ids == ["hub", "outpost"]
    assert case.instrument_ids == ["lab", "voucher", "testbed", "fund"]
    assert not case.is_eligible("outpost", "fund")
    assert case.is_eligible("hub", "fund")
    assert case.display_name("voucher", "zh") == "创新券"
    assert case.rules.in_cluster == (("testbed", "lab"),)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_rule_over_case_ids_matches_enumeration(made_up, name) -> None:
    case, appraisal = made_up
    assert_matches_enumeration(dataclasses.replace(case, rules=VARIANTS[name]), appraisal)


def test_the_shipped_rules_of_the_case_match_enumeration_and_bind(made_up) -> None:
    case, appraisal = made_up
    assert_matches_enumeration(case, appraisal)
    binding = solve(case, appraisal).binding
    keys = set(zip(binding["rule"], binding["key"], strict=True))
    # Alpha and Beta share the rail domain: one shared lab between them; Alpha's research
    # score (5) is below 10, so its lab is barred; a test bed needs a lab in its cluster.
    assert ("no_duplicated_construction", "rail/lab") in keys
    assert ("frontier_platform_research", "a.lab") in keys
    assert ("dependencies", "d.testbed->lab") in keys


def test_a_test_bed_without_a_lab_in_its_cluster_is_not_funded(made_up) -> None:
    case, appraisal = made_up
    allocation = solve(case, appraisal)
    assert not allocation.projects.at["d.testbed", "funded"]
    funded = allocation.projects["funded"]
    assert funded["b.testbed"] <= funded["b.lab"]


def test_the_grid_has_the_case_types_and_instruments_in_order(made_up) -> None:
    case, appraisal = made_up
    grid = solve(case, appraisal).by_type_instrument()
    assert list(grid.index) == ["hub", "outpost", "total"]
    assert list(grid.columns) == ["lab", "voucher", "testbed", "fund", "total"]
    assert grid.loc["outpost", "fund"] == 0.0  # not eligible
    assert grid.at["total", "total"] == pytest.approx(case.budget)


def test_the_brute_force_optimum_moves_with_the_fit_of_a_made_up_pair(made_up) -> None:
    # Outpost vouchers' fit is 1.0; at 0.1 the optimum must not be higher (fit scales benefit).
    case, appraisal = made_up
    low = case.fit.copy()
    low.loc["outpost", "voucher"] = 0.1
    cheaper = dataclasses.replace(case, fit=low)
    before = brute_force_optimum(case, project_table(case, appraisal))
    after = brute_force_optimum(cheaper, project_table(cheaper, appraisal))
    assert after < before
    assert solve(cheaper, appraisal).objective == pytest.approx(after, rel=1e-6)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_run_reports_with_the_case_names(made_up_path, tmp_path, monkeypatch, capsys, lang):
    out = tmp_path / "out"
    code, _, err = run_cli(
        ["run", str(made_up_path), "--out", str(out), "--lang", lang], monkeypatch, capsys
    )
    assert code == 0, err
    report = (out / "report.md").read_text(encoding="utf-8")
    names = ("共享实验室", "创新券", "边远城镇") if lang == "zh" else ("shared lab", "outpost town")
    for name in names:
        assert name in report
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    grid = summary["allocation"]["by_type_instrument"]
    assert list(grid) == ["hub", "outpost", "total"]


def test_an_infeasible_floor_on_a_made_up_type_is_explained(
    made_up_path, tmp_path, monkeypatch, capsys
) -> None:
    case = tmp_path / "case"
    case.mkdir()
    for path in made_up_path.iterdir():
        (case / path.name).write_bytes(path.read_bytes())
    text = (case / "case.toml").read_text(encoding="utf-8")
    text = text.replace("outpost = { min = 0.2, max = 0.6 }", "outpost = { min = 0.9 }")
    (case / "case.toml").write_text(text, encoding="utf-8")
    code, _, err = run_cli(["allocate", str(case)], monkeypatch, capsys)
    assert code == 3, err
    assert "type_share [outpost:min]" in err


def test_marginal_values_and_a_budget_sweep_run_on_the_made_up_case(
    made_up_path, tmp_path, monkeypatch, capsys
) -> None:
    code, out, err = run_cli(["allocate", str(made_up_path), "--json"], monkeypatch, capsys)
    assert code == 0, err
    values = {(v["rule"], v["key"]): v for v in json.loads(out)["marginal_values"]}
    assert ("dependencies", "b.testbed->lab") in values
    budget = values[("budget", "total")]
    # Integers fixed, one more unit of budget buys the LP dual's worth of top-ups.
    assert budget["finite_difference"] == pytest.approx(budget["lp_dual_fixed_integer"], rel=1e-6)
    sweep = tmp_path / "sweep"
    args = ["sweep", "budget", str(made_up_path), "--from", "2", "--to", "8", "--steps", "4"]
    code, _, err = run_cli([*args, "--out", str(sweep)], monkeypatch, capsys)
    assert code == 0, err
    assert (sweep / "sweep.json").is_file()
