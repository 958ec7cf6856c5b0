"""The planner's questions: entry order, losses under a budget cut, priority rules."""

import dataclasses
import re

import numpy as np
import pytest

from optimize import appraise, load_case, solve
from optimize.messages import say
from optimize.sweeps import planner_answers
from tests.optimize.clirun import run_cli


@pytest.fixture(scope="module")
def tiny_answers(tiny_path) -> tuple:
    case = load_case(tiny_path)
    return case, planner_answers(case, steps=6)


def test_entries_lie_on_the_grid_and_funded_projects_have_entered(tiny_answers) -> None:
    case, answers = tiny_answers
    grid = {case.budget * k / answers.steps for k in range(1, answers.steps + 1)}
    entered = answers.entries["enters_at"].dropna()
    assert all(any(np.isclose(b, g) for g in grid) for b in entered)
    funded = answers.entries[answers.entries["amount"] > 1e-7]
    assert funded["enters_at"].notna().all()
    # First entrants first, then the projects never funded up to the full budget.
    order = answers.entries["enters_at"]
    assert order.iloc[: len(entered)].is_monotonic_increasing
    assert order.iloc[len(entered) :].isna().all()
    assert set(answers.entries.index) == set(case.projects.index)


def test_the_full_budget_plan_is_the_plain_solve(tiny_answers) -> None:
    case, answers = tiny_answers
    plain = solve(case, appraise(case))
    spent = answers.entries["amount"].sum()
    assert spent == pytest.approx(plain.spent, abs=1e-6)


def test_the_cut_spends_at_most_the_cut_budget_and_its_base_is_the_case_rule(tiny_answers):
    case, answers = tiny_answers
    assert answers.cut["cut"].sum() <= (1 - answers.cut_share) * case.budget + 1e-6
    np.testing.assert_allclose(answers.cut["loss"], answers.cut["base"] - answers.cut["cut"])
    # The case's own rule re-solved, closest to the base plan, is the base plan itself.
    np.testing.assert_allclose(
        answers.rules[case.priority_rule], answers.cut["base"].loc[answers.rules.index], atol=1e-6
    )


def test_each_rule_spends_what_its_own_solve_spends(tiny_answers) -> None:
    case, answers = tiny_answers
    for rule in answers.rules.columns:
        plain = solve(case, appraise(case, priority_rule=rule))
        assert answers.rules[rule].sum() == pytest.approx(plain.spent, abs=1e-6), rule
    # On the tiny case, need reverses merit's order, and the money follows.
    assert not np.allclose(answers.rules["need"], answers.rules["merit"])


def test_run_with_questions_writes_the_three_sections_in_both_languages(
    tiny_path, tmp_path, monkeypatch, capsys
) -> None:
    for lang, title in (("en", "Which platforms first"), ("zh", "优先建设哪些平台")):
        out = tmp_path / lang
        args = ["run", str(tiny_path), "--questions", "--lang", lang, "--out", str(out)]
        code, _, err = run_cli(args, monkeypatch, capsys)
        assert code == 0, err
        report = (out / "report.md").read_text(encoding="utf-8")
        assert title in report
        for name in ("platform_entry", "budget_cut", "priority_rules"):
            assert (out / f"{name}.csv").is_file()


def test_without_questions_no_section_is_computed(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(tiny_path), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    assert not (out / "budget_cut.csv").exists()


def test_a_cut_that_admits_no_plan_shows_no_loss_rather_than_all_of_it(tiny_path) -> None:
    # Funding a, b and d's platforms is required: 3.5 of the 6.0 budget; a 50 % cut leaves 3.0.
    case = load_case(tiny_path)
    must = ("a.platform", "b.platform", "d.platform")
    case = dataclasses.replace(case, rules=dataclasses.replace(case.rules, must_fund=must))
    answers = planner_answers(case, steps=2, cut_share=0.5)
    assert answers.cut["cut"].isna().all() and answers.cut["loss"].isna().all()
    assert answers.cut["base"].sum() == pytest.approx(solve(case, appraise(case)).spent)


#: The columns of the three answers (entries, cut, rules) and the section note naming them.
ANSWER_COLUMNS = {
    "entry_note": ("enters_at", "leaves_at", "amount"),
    "cut_note": ("base", "cut", "loss"),
    "rules_note": ("merit", "need", "blend"),
}


@pytest.mark.parametrize("note", sorted(ANSWER_COLUMNS))
def test_chinese_notes_name_the_columns_by_their_chinese_headings(note) -> None:
    """A zh note says 入选预算, not enters_at: the heading the zh table shows, unit left off."""
    # the placeholders ({cut_budget}, {blend}) are filled in, never shown
    text = re.sub(r"\{\w+\}", "", say(f"planner_questions.{note}", "zh"))
    for column in ANSWER_COLUMNS[note]:
        heading = say(f"report_columns.{column}", "zh")
        assert heading != column
        assert heading.removesuffix("（亿元）") in text, (column, heading)
        assert column not in text
