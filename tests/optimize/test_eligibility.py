"""Eligibility under re-typing: candidates of a cluster's alt_type wait until it is re-typed.

The tiny case with a made-up eligibility: basic clusters may not receive pilot bases or
demonstration, frontier clusters no pilot base; clusters a (basic) and c (frontier) may be
re-typed strategic. So a.demo and a new c.pilot are listed for the alt_type and wait.
"""

import csv
import dataclasses
import shutil
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optimize import appraise, load_case, solve
from optimize.case import Rules, Scenario, apply, in_force, waiting_candidates
from optimize.errors import InputError
from optimize.model import project_table
from optimize.pipeline import run_case
from optimize.report import report_content, run_files
from optimize.sweeps import retype_clusters
from tests.optimize.checks import brute_force_optimum, rule_violations
from tests.optimize.test_cli import run_cli
from tests.optimize.test_schema import dump_toml

NOT_ELIGIBLE = {("basic", "pilot_base"), ("basic", "demonstration"), ("frontier", "pilot_base")}


def retypable_case(
    tiny_path: Path,
    tmp_path: Path,
    alt: dict[str, str],
    extra_projects: tuple[str, ...] = ("c.pilot,c,pilot_base,0.5,1.5,1.0",),
    **rules: object,
) -> Path:
    """The tiny case with the eligibility above, `alt` as alt_type, extra project rows and
    extra ``[rules.<name>]`` tables."""
    case = tmp_path / "retypable"
    shutil.copytree(tiny_path, case)
    with (case / "fit.csv").open(newline="", encoding="utf-8") as handle:
        fit = list(csv.DictReader(handle))
    for row in fit:
        pair = (row["cluster_type"], row["instrument"])
        row["eligible"] = "no" if pair in NOT_ELIGIBLE else "yes"
    with (case / "fit.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*fit[0]])
        writer.writeheader()
        writer.writerows(fit)
    with (case / "clusters.csv").open(newline="", encoding="utf-8") as handle:
        clusters = list(csv.DictReader(handle))
    with (case / "clusters.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*clusters[0], "alt_type"])
        writer.writeheader()
        writer.writerows({**row, "alt_type": alt.get(row["id"], "")} for row in clusters)
    with (case / "projects.csv").open("a", encoding="utf-8") as handle:
        handle.writelines(f"{row}\n" for row in extra_projects)
    doc = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    doc["rules"].update(rules)
    (case / "case.toml").write_text(dump_toml(doc), encoding="utf-8")
    return case


@pytest.fixture
def retypable(tiny_path, tmp_path):
    return load_case(retypable_case(tiny_path, tmp_path, {"a": "strategic", "c": "strategic"}))


def test_candidates_of_the_alt_type_wait_and_a_retyping_admits_them(retypable) -> None:
    waiting = waiting_candidates(retypable).set_index("project")
    assert list(waiting.index) == ["a.demo", "c.pilot"]
    assert waiting.at["a.demo", "cluster_type"] == "basic"
    assert waiting.at["a.demo", "eligible_as"] == "strategic;frontier"
    assert waiting.at["c.pilot", "eligible_as"] == "strategic"
    appraisal = appraise(retypable)
    assert "a.demo" not in project_table(retypable, appraisal).index
    assert "a.demo" not in solve(retypable, appraisal).projects.index
    retyped = apply(retypable, Scenario("x", cluster_types={"a": "strategic"}))
    assert in_force(retyped)["a.demo"]
    assert not in_force(retyped)["c.pilot"]
    # the basic-only candidates of a stay eligible under strategic: nothing else waits
    assert list(waiting_candidates(retyped)["project"]) == ["c.pilot"]


def test_a_candidate_eligible_under_neither_type_is_a_located_load_error(
    tiny_path, tmp_path
) -> None:
    path = retypable_case(tiny_path, tmp_path, {"a": "frontier"}, ("a.pilot,a,pilot_base,1,2,1",))
    with pytest.raises(InputError) as caught:
        load_case(path)
    message = str(caught.value)
    assert "projects.csv, row 10, field 'instrument'" in message
    assert "type 'basic' or its alt_type 'frontier'" in message
    assert "'pilot_base'" in message


def test_a_must_fund_candidate_that_waits_is_refused(tiny_path, tmp_path) -> None:
    must = {"projects": ["a.demo"], "provenance": "illustrative: test"}
    path = retypable_case(tiny_path, tmp_path, {"a": "strategic"}, (), must_fund=must)
    waits = r"field 'rules\.must_fund'.*'a\.demo' waits on a re-typing"
    with pytest.raises(InputError, match=waits):
        load_case(path)
    # and a scenario whose re-typing leaves a must_fund candidate not eligible
    case = load_case(retypable_case(tiny_path, tmp_path / "x", {"a": "strategic"}, ()))
    case = dataclasses.replace(case, rules=Rules(must_fund=("c.demo",)))
    apply(case, Scenario("ok", cluster_types={"c": "strategic"}))
    with pytest.raises(InputError, match=r"field 'x\.cluster_types'.*'c\.demo'"):
        apply(case, Scenario("x", cluster_types={"c": "basic"}))


def test_validate_counts_the_waiting_candidates(tiny_path, tmp_path, monkeypatch, capsys) -> None:
    path = retypable_case(tiny_path, tmp_path, {"a": "strategic", "c": "strategic"})
    code, out, _ = run_cli(["validate", str(path)], monkeypatch, capsys)
    assert code == 0
    assert "2 of 9 candidate projects wait on a re-typing" in out


def test_the_retype_sweep_shows_an_admitted_candidate_at_zero_in_the_base(retypable) -> None:
    # without the tiny case's type shares (re-typing a leaves no basic cluster for its floor)
    rules = Rules(no_duplicated_construction=retypable.rules.no_duplicated_construction)
    result = retype_clusters(dataclasses.replace(retypable, rules=rules, budget=12.0))
    assert list(result.points["point"]) == ["base", "retype:a", "retype:c"]
    assert set(result.points["status"]) == {"optimal"}
    funding = result.funding.set_index(["project", "point"])["amount"]
    assert funding[("a.demo", "base")] == 0.0
    assert funding[("c.pilot", "retype:a")] == 0.0


@settings(max_examples=10, deadline=None)
@given(
    budget=st.floats(min_value=1.0, max_value=10.0),
    retyped=st.sets(st.sampled_from(["a", "c"])),
    cluster_returns=st.booleans(),
)
def test_the_filtered_model_matches_enumeration_over_every_candidate(
    tiny_path, tmp_path_factory, budget, retyped, cluster_returns
) -> None:
    # Brute force over all nine candidates, eligibility checked independently of the model
    # (checks.decisions_allowed), with a dependency and an exclusion naming waiting ones.
    path = retypable_case(
        tiny_path, tmp_path_factory.mktemp("case"), {"a": "strategic", "c": "strategic"}
    )
    case = load_case(path)
    rules = Rules(
        no_duplicated_construction=case.rules.no_duplicated_construction,
        dependencies=(("b.pilot", "c.pilot"),),
        exclusions=(("a.demo", "d.pilot"),),
        must_not_fund=("c.pilot",) if budget > 8.0 else (),
    )
    benefit = case.benefit
    if cluster_returns:
        benefit = dataclasses.replace(benefit, objective="cluster_returns", cluster_blocks=2)
    case = dataclasses.replace(case, rules=rules, budget=budget, benefit=benefit)
    case = apply(case, Scenario("x", cluster_types=dict.fromkeys(retyped, "strategic")))
    appraisal = appraise(case)
    every_candidate = project_table(dataclasses.replace(case, eligible=pd.DataFrame()), appraisal)
    assert len(every_candidate) == 9
    expected = brute_force_optimum(case, every_candidate)
    allocation = solve(case, appraisal)
    assert set(allocation.projects.index) == set(case.projects.index[in_force(case)])
    assert rule_violations(case, allocation) == []
    assert allocation.objective == pytest.approx(expected, rel=1e-6, abs=1e-9)


def test_the_report_lists_the_waiting_candidates(tiny_path, tmp_path) -> None:
    run = run_case(retypable_case(tiny_path, tmp_path, {"a": "strategic", "c": "strategic"}))
    for lang, words in (("en", "2 of 9 candidate projects"), ("zh", "9 个候选项目中有 2 个")):
        content = report_content(run.case, run.appraisal, run.allocation, lang=lang)
        (section,) = [s for s in content.sections if s.key == "waiting"]
        assert list(section.table.index) == ["a.demo", "c.pilot"]
        assert words in section.note
    assert "## Candidates waiting on a re-typing" in run_files(run)["report.md"]
