"""The national stock: existing centres refuse a duplicate national platform, by name.

The shipped facts come from the case's research tables: the only national graphene centre is in
Ningbo (N06: 国内石墨烯领域唯一的国家制造业创新中心) and the ultra-HD video centre in Chengdu
(N06, N07), neither in the Changzhou or the Guangzhou-Foshan-Huizhou cluster. Those two
clusters are frontier and basic, types whose paths name no national-level candidacy; their
national candidacies are listed for their alt_type (strategic) and wait on a re-typing, and the
check reads them as shipped. The tiny case's stock is made up for the tests.
"""

import csv
import dataclasses
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optimize import appraise, load_case, solve
from optimize.case import (
    Rules,
    Scenario,
    apply,
    refused_by_stock,
    shipped_case,
    stock_conflicts,
    stock_links,
)
from optimize.model import describe, explain_infeasibility
from optimize.pipeline import run_case
from optimize.report import report_content, run_files
from tests.optimize.case_equality import assert_same_case
from tests.optimize.checks import assert_matches_enumeration, centre_elsewhere, rule_violations
from tests.optimize.test_cli import run_cli
from tests.optimize.test_schema import dump_toml
from tests.optimize.test_workbook import convert

SOURCES = "fact_id,source\nS1,a public page listing national centres\nS2,a provincial notice\n"
NATIONAL, PROVINCIAL = "national_manufacturing_innovation_centre", "provincial_innovation_centre"
STOCK = (
    "id,name_en,name_zh,kind,domain,city,year,source,cluster,note\n"
    f"ai_centre,National AI Centre,国家人工智能中心,{NATIONAL},ai,Hefei,2021,S1,,\n"
    f"rail_centre,National Rail Centre,国家轨道中心,{NATIONAL},rail,Zhuzhou,2020,S1,b,\n"
    f"steel_lab,Provincial Steel Lab,省钢铁实验室,{PROVINCIAL},steel,Tangshan,2019,S2,,\n"
)
KINDS = [NATIONAL]


def stock_case(tiny_path: Path, tmp_path: Path, **columns: dict[str, str]) -> Path:
    """The tiny case with a stock, the rule counting national centres, and extra project
    columns (column -> {project: text})."""
    case = tmp_path / "stock_case"
    shutil.copytree(tiny_path, case)
    (case / "sources.csv").write_text(SOURCES, encoding="utf-8")
    (case / "stock.csv").write_text(STOCK, encoding="utf-8")
    doc = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    doc["tables"].update(sources="sources.csv", stock="stock.csv")
    doc["rules"]["no_duplicated_construction"]["stock_kinds"] = KINDS
    (case / "case.toml").write_text(dump_toml(doc), encoding="utf-8")
    with (case / "projects.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    for column, cells in columns.items():
        rows = [[*rows[0], column]] + [[*row, cells.get(row[0], "")] for row in rows[1:]]
    with (case / "projects.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return case


@pytest.fixture(scope="module")
def shipped():
    return load_case(shipped_case())


def conflict_of(case, project: str) -> dict:
    table = stock_conflicts(case).set_index("project")
    return table.loc[project].to_dict()


def test_changzhou_graphene_platform_meets_ningbos_centre(shipped):
    conflict = conflict_of(shipped, "changzhou_carbon.national_platform")
    assert conflict["centres"] == "nmic_graphene"
    assert conflict["override"] == ""
    for words in ("国家石墨烯创新中心", "Ningbo", "2022", "source N06"):
        assert words in conflict["reason"]


def test_gfh_ultra_hd_platform_meets_chengdus_centre(shipped):
    conflict = conflict_of(shipped, "gfh_uhd_appliances.national_platform")
    assert conflict["centres"] == "nmic_ultra_hd_video"
    for words in ("国家超高清视频创新中心", "Chengdu", "source N06"):
        assert words in conflict["reason"]


def test_shipped_stock_refuses_exactly_the_fields_with_a_centre_elsewhere(shipped):
    # criterion C4.1 of the shipped case (rule R2, strict reading): 1 for five clusters; each has
    # a national candidacy, three under the type in force and two (Changzhou, Guangzhou-Foshan-
    # Huizhou) under their alt_type
    refused = set(refused_by_stock(shipped)["project"])
    assert refused == {
        f"{c}.national_platform"
        for c in (
            "changzhou_carbon",
            "shenzhen_battery",
            "gsfg_smart_equipment",
            "gfh_uhd_appliances",
            "qingdao_rail",
        )
    }
    # clusters hosting their field's centre keep their national candidacy, whatever the type
    for cluster in ("zhuzhou_rail", "shanghai_ic", "hefei_speech", "qingdao_appliances"):
        assert f"{cluster}.national_platform" not in refused


def test_a_retyping_keeps_the_refusal_of_a_waiting_candidate(shipped):
    # Changzhou re-typed strategic: its national candidacy takes part, and the stock row still
    # keeps it unfunded (it is a column of the model, held at 0 by the rule).
    retyped = apply(shipped, Scenario("x", cluster_types={"changzhou_carbon": "strategic"}))
    allocation = solve(retyped, appraise(retyped))
    project = "changzhou_carbon.national_platform"
    assert project in allocation.projects.index
    assert not allocation.projects.at[project, "funded"]
    assert project not in solve(shipped, appraise(shipped)).projects.index
    assert rule_violations(retyped, allocation) == []


def test_validate_names_the_existing_centres(monkeypatch, capsys):
    code, out, _ = run_cli(["validate", str(shipped_case())], monkeypatch, capsys)
    assert code == 0
    assert "29 of 139 candidate projects wait on a re-typing" in out
    lines = [line for line in out.splitlines() if line.startswith("not fundable")]
    for project, city in (
        ("changzhou_carbon.national_platform", "Ningbo"),
        ("gfh_uhd_appliances.national_platform", "Chengdu"),
    ):
        line = next(line for line in lines if project in line)
        assert city in line and "N06" in line


def test_tiny_stock_refuses_by_domain_and_place(tiny_path, tmp_path):
    case = load_case(stock_case(tiny_path, tmp_path))
    conflicts = stock_conflicts(case).set_index("project")
    # a (rail) meets the rail centre sited in cluster b; b hosts it; c (ai) meets Hefei's;
    # d (steel) has only a provincial lab, a kind the rule does not count
    assert list(conflicts.index) == ["a.platform", "c.platform"]
    assert conflicts.at["a.platform", "centres"] == "rail_centre"
    assert (
        "国家轨道中心 National Rail Centre (Zhuzhou, 2020; source S1)"
        in (conflicts.at["a.platform", "reason"])
    )
    allocation = solve(case, appraise(case))
    funded = set(allocation.projects.index[allocation.projects["funded"]])
    assert not funded & {"a.platform", "c.platform"}
    assert rule_violations(case, allocation) == []


def test_an_override_lifts_the_refusal_and_says_why(tiny_path, tmp_path, monkeypatch, capsys):
    reason = "a second site agreed with the existing centre"
    path = stock_case(tiny_path, tmp_path, stock_override={"c.platform": reason})
    case = load_case(path)
    assert list(refused_by_stock(case)["project"]) == ["a.platform"]
    assert conflict_of(case, "c.platform")["override"] == reason
    assert not centre_elsewhere(case, "c.platform")
    code, out, _ = run_cli(["validate", str(path)], monkeypatch, capsys)
    assert code == 0
    allowed = next(line for line in out.splitlines() if line.startswith("allowed by override"))
    assert "c.platform" in allowed and reason in allowed and "Hefei" in allowed
    # with the override, enough budget and nothing else in the way, the platform is funded
    rules = Rules(no_duplicated_construction=case.rules.no_duplicated_construction)
    opened = dataclasses.replace(case, rules=rules, budget=20.0)
    allocation = solve(opened, appraise(opened))
    assert allocation.projects.at["c.platform", "funded"]
    assert not allocation.projects.at["a.platform", "funded"]


def test_complements_is_read_shown_and_kept_in_a_workbook(tiny_path, tmp_path, monkeypatch, capsys):
    complements = {"c.platform": "ai_centre", "d.platform": "steel_lab"}
    path = stock_case(tiny_path, tmp_path, complements=complements)
    case = load_case(path)
    assert case.projects["complements"].to_dict() == {
        p: complements.get(p, "") for p in case.projects.index
    }
    assert "complements 国家人工智能中心" in conflict_of(case, "c.platform")["reason"]
    links = stock_links(case).set_index("project")
    assert links.at["d.platform", "verdict"] == "complements"
    assert links.at["d.platform", "complements"].startswith("省钢铁实验室 Provincial Steel Lab")
    assert links.at["c.platform", "verdict"] == "not fundable"
    book = tmp_path / "stock.xlsx"
    convert(path, book, monkeypatch, capsys)
    assert_same_case(case, load_case(book))


def test_the_report_lists_the_stock_checks():
    run = run_case(shipped_case())
    content = report_content(run.case, run.appraisal, run.allocation)
    (section,) = [s for s in content.sections if s.key == "stock"]
    existing = section.table["existing"]
    assert "Beijing" in existing["shenzhen_battery.national_platform"]
    assert "Chengdu" in existing["gfh_uhd_appliances.national_platform"]
    markdown = run_files(run)["report.md"]
    assert "National stock: duplication checks" in markdown
    assert "国家超高清视频创新中心 National Ultra-HD Video Innovation Centre (Chengdu" in markdown


def test_the_diagnosis_relaxes_the_stock_row_and_names_the_centre(tiny_path, tmp_path):
    case = load_case(stock_case(tiny_path, tmp_path))
    # c.demo is a must and needs c.platform, which is also a must: relaxing the stock row
    # alone restores feasibility; any other way relaxes two rows
    rules = Rules(
        no_duplicated_construction=case.rules.no_duplicated_construction,
        must_fund=("c.platform", "c.demo"),
        dependencies=(("c.demo", "c.platform"),),
    )
    stuck = dataclasses.replace(case, rules=rules)
    appraisal = appraise(stuck)
    relaxations = explain_infeasibility(stuck, appraisal)
    assert list(zip(relaxations["rule"], relaxations["key"], strict=True)) == [
        ("no_duplicated_construction", "c.platform:stock")
    ]
    (line,) = describe(relaxations, stuck)
    assert "raise the bound from 0 to 1 projects" in line
    assert "国家人工智能中心" in line and "Hefei" in line and "source S1" in line


@settings(max_examples=12, deadline=None)
@given(budget=st.floats(min_value=1.0, max_value=12.0), override=st.booleans())
def test_stock_rule_matches_enumeration(tiny_path, tmp_path_factory, budget, override):
    columns = {"stock_override": {"a.platform": "agreed"}} if override else {}
    path = stock_case(tiny_path, tmp_path_factory.mktemp("case"), **columns)
    case = load_case(path)
    assert_matches_enumeration(dataclasses.replace(case, budget=budget), appraise(case))
