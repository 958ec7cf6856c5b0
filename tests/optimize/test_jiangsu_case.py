"""The Jiangsu provincial case: public data or honest unknowns, co-funding and plan years."""

import pytest

from optimize import SolveStatus, appraise, load_case, shipped_case, solve
from tests.optimize.checks import rule_violations
from tests.optimize.clirun import run_cli

JIANGSU = shipped_case("jiangsu_provincial")


@pytest.fixture(scope="module")
def jiangsu():
    case = load_case(JIANGSU)
    appraisal = appraise(case)
    return case, appraisal, solve(case, appraisal)


def test_the_six_clusters_are_the_jiangsu_rows_of_table_1(jiangsu) -> None:
    case, _, _ = jiangsu
    national = load_case(shipped_case()).clusters
    in_jiangsu = national.index[national["province"] == "Jiangsu"]
    assert sorted(case.clusters.index) == sorted(in_jiangsu)
    assert len(case.clusters) == 6


def test_no_cell_is_a_template_and_every_cited_source_is_shipped(jiangsu) -> None:
    case, _, _ = jiangsu
    provenance = case.values.provenance.to_numpy().ravel()
    assert not any(p == "illustrative" for p in provenance)
    cited = {p.partition(":")[2] for p in provenance} - {""}
    assert cited and cited <= set(case.sources.index)
    # Criteria no public source fills for any of the six are unknown, and dropped.
    assert set(case.dropped) == {"little_giants", "single_champions"}


def test_the_allocation_respects_every_rule_the_plan_years_and_the_cofunding(jiangsu) -> None:
    case, _, allocation = jiangsu
    assert allocation.status is SolveStatus.OPTIMAL
    assert rule_violations(case, allocation) == []
    periods = case.rules.periods
    leverage = case.rules.min_leverage
    assert periods is not None and leverage is not None
    # With carry-over, spending up to each year stays within the budgets up to that year.
    spent = allocation.by_period()["total"].cumsum().to_numpy()
    budgets = [sum(periods.budgets[: t + 1]) for t in range(len(periods.years))]
    assert all(s <= b + 1e-6 for s, b in zip(spent, budgets, strict=True))
    table = allocation.projects
    total = (table["amount"] * (1 + table["cofunding_ratio"].fillna(0.0))).sum()
    assert total >= leverage * table["amount"].sum() - 1e-6


def test_validate_counts_sourced_and_unknown_cells(monkeypatch, capsys) -> None:
    code, text, err = run_cli(["validate", str(JIANGSU)], monkeypatch, capsys)
    assert code == 0, err
    assert "cells: 15 point, 0 interval, 3 list, 0 triangular, 0 rated, 12 unknown" in text
    assert "provenance: 6 paper, 12 facts, 0 illustrative, 0 ratings, 12 unknown" in text
