"""The shipped case: it loads, every number has provenance, the run answers sensibly."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from optimize import SolveStatus, appraise, load_case, solve
from optimize.case import in_force, shipped_case, waiting_candidates
from tests.optimize.checks import rule_violations

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def miit():
    case = load_case(shipped_case())
    return case, appraise(case)


def test_shipped_case_has_the_25_clusters_of_table_1(miit) -> None:
    case, _ = miit
    assert len(case.clusters) == 25
    assert case.clusters["cluster_type"].value_counts().to_dict() == {
        "strategic": 19,
        "basic": 3,
        "frontier": 3,
    }
    # The six indicators public national lists fill (cases/miit2021/README.md).
    assert len(case.criteria.leaves) == 6
    assert case.scores.values.shape == (25, 6)
    assert "2019" in case.title and "2021" in case.title


def test_every_judgment_matrix_is_acceptably_consistent(miit) -> None:
    _, appraisal = miit
    assert {node: r.cr < 0.1 for node, r in appraisal.local.items()} == {
        node: True for node in appraisal.local
    }
    assert appraisal.weights.sum() == pytest.approx(1.0)


def test_every_cited_source_is_shipped(miit) -> None:
    case, _ = miit
    cited = {p.partition(":")[2] for p in case.scores.provenance.to_numpy().ravel()} - {""}
    assert cited <= set(case.sources.index)
    assert cited, "the case should seed some scores from sourced facts"


def test_every_instrument_cites_the_paper_sentence_and_path_it_rests_on(miit) -> None:
    case, _ = miit
    assert len(case.instrument_ids) == 11
    for instrument, row in case.instruments.iterrows():
        assert row["paper_path"].startswith("§4"), instrument
        # A Chinese sentence of the paper, ending as the paper ends it.
        assert row["paper_quote"].endswith("。"), instrument
        assert any("\u4e00" <= ch <= "\u9fff" for ch in row["paper_quote"]), instrument


def test_one_candidate_per_cluster_and_instrument_eligible_under_its_type_or_alt_type(
    miit,
) -> None:
    case, _ = miit
    kinds = case.clusters["cluster_type"]
    alt = case.clusters["alt_type"]
    expected = {
        (cluster, instrument)
        for cluster in case.clusters.index
        for instrument in case.instrument_ids
        if any(case.is_eligible(k, instrument) for k in (kinds[cluster], alt[cluster]) if k)
    }
    pairs = list(zip(case.projects["cluster"], case.projects["instrument"], strict=True))
    assert sorted(pairs) == sorted(expected)
    # Basic clusters get only the basic paths under their type: the joint platform and the
    # green upgrade; the 110 candidates of the types in force, 29 listed for an alt_type.
    allowed = in_force(case)
    basic = case.projects[allowed & (kinds.loc[case.projects["cluster"]].to_numpy() == "basic")]
    assert set(basic["instrument"]) == {"joint_ops_platform", "green_upgrade"}
    assert (int(allowed.sum()), len(waiting_candidates(case))) == (110, 29)


def test_the_nascent_field_path_quotes_the_paper_and_has_no_cluster_in_force(miit) -> None:
    # §4.2: 针对第三代半导体、光电、集成电路等尚未形成产业集群的关键领域，注重政策配套、
    # 金融配套、创新生态建设和人才培养。 The type has its four instruments and only those;
    # Shanghai IC (Table 1) may be re-typed to it, no cluster has it in force.
    case, _ = miit
    sentence = "尚未形成产业集群的关键领域，注重政策配套、金融配套、创新生态建设和人才培养"
    assert sentence in case.types.at["nascent", "paper_quote"]
    own = [i for i in case.instrument_ids if case.is_eligible("nascent", i)]
    assert own == ["policy_support", "finance_support", "ecosystem_building", "talent_training"]
    for instrument in own:
        assert sentence in case.instruments.at[instrument, "paper_quote"]
        assert not any(case.is_eligible(t, instrument) for t in case.type_ids if t != "nascent")
    assert "nascent" not in set(case.clusters["cluster_type"])
    assert case.clusters.index[case.clusters["alt_type"] == "nascent"].tolist() == ["shanghai_ic"]


def test_shipped_allocation_is_optimal_and_respects_every_rule(miit) -> None:
    case, appraisal = miit
    allocation = solve(case, appraisal)
    assert allocation.status is SolveStatus.OPTIMAL
    assert rule_violations(case, allocation) == []
    assert allocation.spent == pytest.approx(case.budget, rel=1e-6)


def test_run_works_from_an_installed_wheel_outside_the_repo(tmp_path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    site = tmp_path / "site"
    with zipfile.ZipFile(next(wheels.glob("clusterplan-*.whl"))) as wheel:
        wheel.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", "from optimize.cli.app import main; main()", "run", "--out", "o"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "o" / "summary.json").is_file()
    where = subprocess.run(
        [sys.executable, "-c", "import optimize.case.shipped as s; print(s.shipped_case())"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site)},
    )
    assert where.stdout.strip().startswith(str(site)), where.stdout
    shutil.rmtree(site)
