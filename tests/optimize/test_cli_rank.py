"""clusterplan rank: tables on the terminal, files on request, one-line errors."""

import shutil

import pandas as pd

from tests.optimize.test_cli import run_cli

PNG = b"\x89PNG\r\n\x1a\n"


def test_rank_prints_methods_agreement_and_acceptability(tiny_path, monkeypatch, capsys):
    code, text, _ = run_cli(
        ["rank", str(tiny_path), "-m", "topsis", "-m", "vikor", "--robustness", "300"],
        monkeypatch,
        capsys,
    )
    assert code == 0
    assert "Point ranks by method, with tier" in text and "vikor" in text
    assert "Agreement with topsis" in text
    assert "300 weight samples, seed 2022" in text


def test_rank_writes_tables_and_charts_reproducibly(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    args = ["rank", str(tiny_path), "--robustness", "500", "--seed", "3", "--out", str(out)]
    code, _, _ = run_cli(args, monkeypatch, capsys)
    assert code == 0
    assert {p.name for p in out.iterdir()} == {
        "rankings.csv",
        "agreement.csv",
        "stability.csv",
        "acceptability.csv",
        "acceptability_summary.csv",
        "central_weights.csv",
        "weights.png",
        "methods.png",
        "stability.png",
        "acceptability.png",
        "cell_status.csv",
        "tiers.csv",
        "rank_intervals.csv",
        "pairwise_winning.csv",
    }
    assert all(p.read_bytes().startswith(PNG) for p in out.glob("*.png"))
    shares = pd.read_csv(out / "acceptability.csv", index_col="cluster")
    assert ((shares.sum(axis=1) - 1).abs() < 1e-9).all()
    stability = pd.read_csv(out / "stability.csv", index_col="criterion")
    assert (
        (stability["lower"] <= stability["weight"]) & (stability["weight"] <= stability["upper"])
    ).all()
    code, _, err = run_cli(args, monkeypatch, capsys)
    assert code == 2 and "--force" in err
    code, _, _ = run_cli([*args, "--force"], monkeypatch, capsys)
    assert code == 0
    pd.testing.assert_frame_equal(
        pd.read_csv(out / "acceptability.csv", index_col="cluster"), shares
    )


def test_rank_with_an_unknown_method_is_one_line_and_exit_2(
    tiny_path, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    code, _, err = run_cli(
        ["rank", str(tiny_path), "-m", "electre", "--out", str(out)], monkeypatch, capsys
    )
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "unknown ranking method 'electre'" in err
    assert not out.exists()


def test_a_method_named_on_the_command_line_must_score_the_case(
    tiny_path, tmp_path, monkeypatch, capsys
):
    case_folder = tmp_path / "case"
    shutil.copytree(tiny_path, case_folder)
    scores = (case_folder / "scores.csv").read_text(encoding="utf-8")
    (case_folder / "scores.csv").write_text(
        scores.replace("d,L1,1.0,", "d,L1,0,"), encoding="utf-8"
    )
    code, _, err = run_cli(["rank", str(case_folder)], monkeypatch, capsys)
    assert code == 0 and "note: wpm left out" in err
    code, _, err = run_cli(["rank", str(case_folder), "-m", "wpm"], monkeypatch, capsys)
    assert code == 2 and "needs positive scores; 'd' has 0 on 'L1'" in err
