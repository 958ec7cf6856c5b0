"""Method agreement and rank acceptability in a planning run's summary and report."""

import json
import shutil

import numpy as np
import pytest

from mcda import methods, rank
from optimize import appraise, load_case, run_case
from optimize.appraisal import RUN_SAMPLES, RUN_SEED, acceptability_table, assess
from optimize.report import run_files, run_summary


@pytest.fixture(scope="module")
def tiny(tiny_path):
    case = load_case(tiny_path)
    return case, appraise(case)


def test_assess_ranks_by_every_method_with_topsis_first(tiny) -> None:
    case, appraisal = tiny
    robustness = assess(case, appraisal.weights, samples=300, seed=4)
    assert list(robustness.rankings) == ["topsis", *(m for m in methods() if m != "topsis")]
    vikor = rank(case.scores.values, appraisal.weights, case.scores.directions, "vikor")
    assert robustness.ranks["vikor"].to_dict() == vikor["rank"].to_dict()
    assert list(robustness.ranks.index) == list(appraisal.ranking.index)
    table = acceptability_table(robustness)
    assert (table["p_first"] <= table["p_top3"]).all() and (
        table["p_top3"] <= table["p_top5"]
    ).all()
    np.testing.assert_allclose(table["p_first"].sum(), 1.0)  # four clusters, no ties here


def test_single_method_and_no_sampling(tiny) -> None:
    case, appraisal = tiny
    robustness = assess(case, appraisal.weights, names=["wsm"], samples=0)
    assert robustness.agreement is None and robustness.acceptability is None
    assert acceptability_table(robustness).empty


def test_run_summary_and_report_carry_robustness(tiny_path) -> None:
    run = run_case(tiny_path)
    summary = run_summary(run)
    robustness = summary["robustness"]
    sampled = robustness["acceptability"]
    assert (sampled["samples"], sampled["seed"], sampled["method"]) == (
        RUN_SAMPLES,
        RUN_SEED,
        "topsis",
    )
    assert set(robustness["agreement"]) == set(methods()) - {"topsis"}
    assert all(
        -1 <= v["spearman"] <= 1 and 0 <= v["ws"] <= 1 for v in robustness["agreement"].values()
    )
    assert [row["rank"] for row in sampled["clusters"]] == sorted(run.appraisal.ranking["rank"])
    files = run_files(run)
    report = str(files["report.md"])
    assert "## Agreement between ranking methods" in report
    assert "## Rank acceptability" in report
    # Every registered method meets every other once in the agreement table, by name.
    agreement = report.split("## Agreement between ranking methods", 1)[1].split("\n## ", 1)[0]
    assert "('" not in agreement
    pairs = [line.split("|")[1].strip() for line in agreement.splitlines() if " vs " in line]
    assert len(pairs) == len(methods()) * (len(methods()) - 1) // 2
    assert "TOPSIS vs PROMETHEE II" in pairs and "VIKOR vs TOPSIS" not in pairs
    named = {side for pair in pairs for side in pair.split(" vs ")}
    assert named == {m.replace("_", " ").upper() for m in methods()}
    assert summary["robustness"]["acceptability"]["seed"] == RUN_SEED
    assert report.index("## Rank acceptability") < report.index("## Provenance")
    json.loads(str(files["summary.json"]), parse_constant=lambda c: pytest.fail(f"{c} in summary"))
    again = run_summary(run_case(tiny_path))["robustness"]
    assert again == robustness


def test_methods_that_cannot_score_the_case_are_left_out_of_a_run(tiny_path, tmp_path) -> None:
    case_folder = tmp_path / "case"
    shutil.copytree(tiny_path, case_folder)
    scores = (case_folder / "scores.csv").read_text(encoding="utf-8")
    (case_folder / "scores.csv").write_text(
        scores.replace("d,L1,1.0,", "d,L1,0,"), encoding="utf-8"
    )
    summary = run_summary(run_case(case_folder))["robustness"]
    # WPM and WASPAS take ratios of scores; WSM's default linear normalisation divides too.
    # COPRAS only needs positive column sums, so a zero on a benefit criterion is scored.
    assert set(summary["skipped"]) == {"waspas", "wpm", "wsm"}
    assert "needs positive scores" in summary["skipped"]["wpm"]
    assert "wpm" not in summary["agreement"]
    assert "copras" in summary["agreement"]
