"""Appraisal of a case's judgments: one expert or a panel (AIJ, AIP), and loud inconsistency."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from mcda.ahp import SOLE_EXPERT, aggregate
from optimize.appraisal import appraise, weighted_priority
from optimize.casefiles import load_case
from tests.optimize.clirun import run_cli

# G1 gets a third sub-criterion, L5, so that its judgments can be inconsistent.
CRITERION_L5 = "L5,G1,Exports,出口,benefit,%\n"
SCORES_L5 = "".join(
    f"{c},L5,{v},illustrative,t\n" for c, v in zip("abcd", [3, 1, 4, 2], strict=True)
)
INCONSISTENT_G1 = (
    "node,row,col,value,provenance\n"
    "goal,G1,G2,3,test\n"
    "G1,L1,L2,9,test\n"
    "G1,L2,L5,9,test\n"
    "G1,L5,L1,9,test\n"
    "G2,L3,L4,1/2,test\n"
)
PANEL = (
    "node,row,col,value,provenance,expert\n"
    "goal,G1,G2,3,test,ann\n"
    "G1,L1,L2,strong,test,ann\n"
    "G1,L1,L5,2,test,ann\n"
    "G1,L2,L5,1/2,test,ann\n"
    "G2,L3,L4,1/2,test,ann\n"
    "goal,G1,G2,1,test,bob\n"
    "G1,L1,L2,1/3,test,bob\n"
    "G1,L1,L5,moderate,test,bob\n"
    "G1,L2,L5,4,test,bob\n"
    "G2,L3,L4,2,test,bob\n"
)


def variant(tiny: Path, folder: Path, judgments: str, appraisal: str = "") -> Path:
    """The tiny case with L5 under G1, the given judgments and extra [appraisal] lines."""
    case = folder / "case"
    shutil.copytree(tiny, case)
    with (case / "criteria.csv").open("a", encoding="utf-8") as handle:
        handle.write(CRITERION_L5)
    with (case / "scores.csv").open("a", encoding="utf-8") as handle:
        handle.write(SCORES_L5)
    (case / "judgments.csv").write_text(judgments, encoding="utf-8")
    toml = (case / "case.toml").read_text(encoding="utf-8")
    (case / "case.toml").write_text(
        toml.replace("[appraisal]\n", f"[appraisal]\n{appraisal}"), encoding="utf-8"
    )
    return case


def test_one_expert_is_a_group_of_one(tiny_path: Path) -> None:
    appraisal = appraise(load_case(tiny_path))
    assert all(list(group.experts) == [SOLE_EXPERT] for group in appraisal.local.values())
    assert list(appraisal.matrices) == ["goal", "G1", "G2"] and appraisal.groups == {}


def test_inconsistent_judgments_are_warned_about_loudly(
    tiny_path, tmp_path, monkeypatch, capsys
) -> None:
    case = variant(tiny_path, tmp_path, INCONSISTENT_G1)
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 0
    assert err.startswith("warning: judgment matrix 'G1' is inconsistent: CR ")
    assert "> 0.05 (saaty random index)" in err and len(err.strip().splitlines()) == 1
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "> **WARNING: judgment matrix 'G1' is inconsistent" in report
    assert "REVISE (CR > 0.05)" in report
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["consistency"]["G1"]["acceptable"] is False
    assert summary["consistency"]["goal"]["acceptable"] is True


def expert_matrices(case: Path, node: str) -> dict[str, pd.DataFrame]:
    return dict(load_case(case).judgments[node])


@pytest.mark.parametrize(
    ("settings", "how", "weights"),
    [
        ("", "aij", None),
        ('group = "aip"\nexpert_weights = { ann = 3, bob = 1 }\n', "aip", {"ann": 3, "bob": 1}),
    ],
)
def test_a_panel_is_aggregated_as_the_case_says(
    tiny_path, tmp_path, settings, how, weights
) -> None:
    case = variant(tiny_path, tmp_path, PANEL, settings)
    appraisal = appraise(load_case(case))
    for node in ("goal", "G1", "G2"):
        expected = aggregate(expert_matrices(case, node), weights, how)
        pd.testing.assert_series_equal(appraisal.local[node].weights, expected.weights)
    assert appraisal.local["G1"].how == how
    assert "G1 / ann" in appraisal.matrices and "G1 / bob" in appraisal.matrices
    assert ("G1 / group (AIJ)" in appraisal.matrices) == (how == "aij")
    assert set(appraisal.groups) == {"goal", "G1", "G2"}


def test_a_panel_run_reports_consensus(tiny_path, tmp_path, monkeypatch, capsys) -> None:
    case = variant(tiny_path, tmp_path, PANEL)
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## Expert panels" in report and "| G1 / bob |" in report
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert set(summary["expert_panels"]["G1"]["compatibility"]) == {"ann", "bob"}
    assert 0 < summary["expert_panels"]["G1"]["consensus"] < 1


def test_reweighting_with_the_ahp_level1_weights_gives_the_appraisal_back(tiny_path) -> None:
    case = load_case(tiny_path)
    appraisal = appraise(case, priority_rule="blend", blend=0.3)
    own = weighted_priority(case, appraisal, appraisal.local["goal"].weights)
    pd.testing.assert_series_equal(own, appraisal.priority)
    tilted = weighted_priority(case, appraisal, pd.Series({"G1": 0.9, "G2": 0.1}))
    assert not tilted.equals(appraisal.priority)
