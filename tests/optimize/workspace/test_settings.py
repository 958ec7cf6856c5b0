"""Settings applied to a case, written as a scenario and as a case workbook."""

import dataclasses

import pytest

from optimize.appraisal import appraise
from optimize.case import apply, parse_scenario
from optimize.casefiles import INSTRUCTIONS, case_workbook, load_case
from optimize.workspace import Settings, edited_raw, load, scenario_table, variant

EXPERT = "expert"  # the sole expert's label (mcda.ahp.SOLE_EXPERT)


@pytest.fixture
def loaded(tiny_folder):
    return load(tiny_folder)


def test_own_settings_change_nothing(loaded):
    case = loaded.case
    same = variant(case, Settings.of(case))
    assert same.budget == case.budget and same.rules == case.rules
    assert appraise(same).weights.equals(appraise(case).weights)


def test_an_edited_judgment_keeps_the_matrix_reciprocal(loaded):
    settings = Settings(6.0, "merit", 0.5, judgments={("goal", EXPERT, "G1", "G2"): 1 / 5})
    matrix = variant(loaded.case, settings).judgments["goal"][EXPERT]
    assert matrix.loc["G1", "G2"] == pytest.approx(0.2)
    assert matrix.loc["G2", "G1"] == pytest.approx(5.0)
    # a 2 x 2 matrix is consistent: G2 now weighs 5 / 6
    assert appraise(variant(loaded.case, settings)).local["goal"].weights["G2"] == pytest.approx(
        5 / 6
    )
    assert loaded.case.judgments["goal"][EXPERT].loc["G1", "G2"] == 3  # the loaded case is kept


def test_scenario_table_reproduces_budget_rules_and_weights(loaded):
    case = loaded.case
    settings = Settings(
        4.5,
        "blend",
        0.25,
        frozenset({"type_share"}),
        {("goal", EXPERT, "G1", "G2"): 1.0},
    )
    level1 = appraise(variant(case, settings)).local["goal"].weights
    table = scenario_table(case, settings, level1, "what if")
    scenario = parse_scenario("what_if", table, case)  # the scenario file's own check
    applied = apply(case, scenario)
    assert applied.budget == 4.5 and applied.rules == variant(case, settings).rules
    assert scenario.priority_rule == "blend" and scenario.blend == 0.25
    assert scenario.weights["G1"] == pytest.approx(0.5, abs=1e-5)
    assert sum(scenario.weights.values()) <= 1.0


def test_case_workbook_of_the_settings_loads_as_the_variant(loaded, tmp_path):
    settings = Settings(
        7.25,
        "need",
        0.5,
        frozenset({"no_duplicated_construction"}),
        {("G2", EXPERT, "L4", "L3"): 3.0},
    )
    book = tmp_path / "variant.xlsx"
    book.write_bytes(case_workbook(edited_raw(loaded.raw, settings), INSTRUCTIONS))
    reread = load_case(book)
    expected = variant(loaded.case, settings)
    assert reread.budget == 7.25 and reread.priority_rule == "need"
    assert reread.rules == dataclasses.replace(expected.rules)
    assert reread.judgments["G2"][EXPERT].loc["L3", "L4"] == pytest.approx(1 / 3)
    assert appraise(reread).weights.to_dict() == pytest.approx(appraise(expected).weights.to_dict())
