"""The command line: bad input corpus, exit codes, outputs, the shipped case."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.optimize.clirun import run_cli

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
BAD_CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def broken_case(name: str, tiny_path: Path, tmp_path: Path) -> Path:
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    for path in (CORPUS / name).iterdir():
        if path.name in ("expect.txt", "special.txt"):
            continue
        (case / path.name).unlink(missing_ok=True)
        if path.is_dir():
            shutil.copytree(path, case / path.name)
        else:
            shutil.copy(path, case / path.name)
    special = CORPUS / name / "special.txt"
    if special.is_file():
        make_special_files(special, case)
    return case


def make_special_files(spec: Path, case: Path) -> None:
    """Make the links and FIFOs that `spec` lists ("link NAME TARGET", "fifo NAME")."""
    for line in spec.read_text(encoding="utf-8").splitlines():
        kind, *names = line.split("#")[0].split() or [""]
        if kind == "link":
            (case / names[0]).unlink(missing_ok=True)
            (case / names[0]).symlink_to(names[1])
        elif kind == "fifo":
            (case / names[0]).unlink(missing_ok=True)
            os.mkfifo(case / names[0])


@pytest.mark.parametrize("name", BAD_CASES)
def test_bad_input_gives_one_line_and_exit_2(name, tiny_path, tmp_path, monkeypatch, capsys):
    case = broken_case(name, tiny_path, tmp_path)
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(case), "--out", str(out)], monkeypatch, capsys)
    expected = (CORPUS / name / "expect.txt").read_text(encoding="utf-8").strip()
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err, err
    assert "Traceback" not in err
    assert not out.exists()
    assert not list(tmp_path.glob(".out*"))


def test_bad_input_through_a_real_process(tiny_path, tmp_path):
    case = broken_case("unknown_cluster_type", tiny_path, tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from optimize.cli.app import main; main()",
            "run",
            str(case),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_run_refuses_to_overwrite(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    code, text, _ = run_cli(["run", str(tiny_path), "--out", str(out)], monkeypatch, capsys)
    assert code == 0
    assert "ILLUSTRATIVE" in text
    report = (out / "report.md").read_text(encoding="utf-8")
    assert report.splitlines()[2].startswith("> **ILLUSTRATIVE DATA")
    before = (out / "summary.json").read_text(encoding="utf-8")
    code, _, err = run_cli(["run", str(tiny_path), "--out", str(out)], monkeypatch, capsys)
    assert code == 2 and "--force" in err
    assert (out / "summary.json").read_text(encoding="utf-8") == before
    code, _, _ = run_cli(["run", str(tiny_path), "--out", str(out), "--force"], monkeypatch, capsys)
    assert code == 0


def test_json_summary_on_stdout(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    code, text, _ = run_cli(
        ["run", str(tiny_path), "--out", str(out), "--json"], monkeypatch, capsys
    )
    summary = json.loads(text)
    assert code == 0
    assert summary["allocation"]["status"] == "optimal"
    assert summary["allocation"]["spent"] <= summary["allocation"]["budget"] + 1e-9
    assert summary["case"]["illustrative"] is True


def test_validate_reports_the_case(tiny_path, monkeypatch, capsys):
    code, text, _ = run_cli(["validate", str(tiny_path)], monkeypatch, capsys)
    assert code == 0 and "4 clusters" in text


def test_allocate_explains_an_infeasible_case_with_exit_3(tiny_path, tmp_path, monkeypatch, capsys):
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    toml = (case / "case.toml").read_text(encoding="utf-8")
    toml = toml.replace("basic = { min = 0.1, max = 0.5 }", "basic = { min = 0.9, max = 1.0 }")
    (case / "case.toml").write_text(toml, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["allocate", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 3
    assert "infeasible" in err and "type_share [basic:min]" in err
    assert "Traceback" not in err
    assert not out.exists()


def test_allocate_writes_tables_and_marginal_values(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    code, text, _ = run_cli(
        [
            "allocate",
            str(tiny_path),
            "--budget",
            "5",
            "--priority",
            "need",
            "--out",
            str(out),
            "--json",
        ],
        monkeypatch,
        capsys,
    )
    summary = json.loads(text)
    assert code == 0
    assert summary["budget"] == 5.0 and summary["priority_rule"] == "need"
    assert summary["spent"] == pytest.approx(5.0)
    assert {"allocation.csv", "marginal_values.csv", "rules.csv", "results.xlsx"} <= {
        p.name for p in out.iterdir()
    }


def test_allocate_refuses_an_unknown_priority_rule(tiny_path, monkeypatch, capsys):
    code, _, err = run_cli(
        ["allocate", str(tiny_path), "--priority", "fairness"], monkeypatch, capsys
    )
    assert code == 2 and "--priority" in err


def test_sweep_budget_writes_tables_and_chart(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "frontier"
    code, text, _ = run_cli(
        [
            "sweep",
            "budget",
            str(tiny_path),
            "--from",
            "1",
            "--to",
            "8",
            "--steps",
            "8",
            "--out",
            str(out),
        ],
        monkeypatch,
        capsys,
    )
    assert code == 0 and "8 points" in text
    names = {p.name for p in out.iterdir()}
    assert {"points.csv", "funding.csv", "entries.csv", "frontier.png", "sweep.json"} <= names
    assert (out / "frontier.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_sweep_retype_lists_what_each_retyped_cluster_changes(
    tiny_path, tmp_path, monkeypatch, capsys
):
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    out = tmp_path / "o"
    code, _, err = run_cli(["sweep", "retype", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 2 and "field 'alt_type': no cluster has an alt_type" in err
    assert not out.exists()
    clusters = (case / "clusters.csv").read_text(encoding="utf-8").splitlines()
    alt = ["alt_type", "strategic", "", "", "basic"]  # a: basic -> strategic, d: strategic -> basic
    lines = [f"{line},{extra}" for line, extra in zip(clusters, alt, strict=True)]
    (case / "clusters.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, text, _ = run_cli(["sweep", "retype", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 0 and "retype:a" in text and "retype:d" in text
    points = pd.read_csv(out / "points.csv")
    assert list(points["point"]) == ["base", "retype:a", "retype:d"]
    assert {"changes.csv", "by_cluster.csv", "scenarios.png"} <= {p.name for p in out.iterdir()}


def test_sweep_scenarios_refuses_an_unknown_override(tiny_path, tmp_path, monkeypatch, capsys):
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    (case / "scenarios.toml").write_text("[cut]\nbudgte = 3.0\n", encoding="utf-8")
    code, _, err = run_cli(
        ["sweep", "scenarios", str(case), "--out", str(tmp_path / "o")], monkeypatch, capsys
    )
    assert code == 2
    assert "scenarios.toml, field 'cut.budgte': unknown override" in err


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("a link out of the case", "path 'scenarios.toml' leaves the case folder"),
        ("a link to nothing", "file not found"),
        ("a FIFO", "path 'scenarios.toml' is not a regular file"),
        ("a folder", "path 'scenarios.toml' is a folder, not a file"),
    ],
)
def test_sweep_scenarios_reads_only_a_file_in_the_case(
    kind, expected, tiny_path, tmp_path, monkeypatch, capsys
):
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    scenarios = case / "scenarios.toml"
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text("[cut]\nbudget = 3.0\n", encoding="utf-8")
    if kind == "a link out of the case":
        scenarios.symlink_to(elsewhere)
    elif kind == "a link to nothing":
        scenarios.symlink_to(case / "missing.toml")
    elif kind == "a FIFO":
        os.mkfifo(scenarios)
    else:
        scenarios.mkdir()
    out = tmp_path / "o"
    code, _, err = run_cli(
        ["sweep", "scenarios", str(case), "--out", str(out)], monkeypatch, capsys
    )
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert f"error: scenarios.toml: {expected}" in err
    assert not out.exists()


def test_allocate_shows_every_instrument_of_the_shipped_case_whole(monkeypatch, capsys):
    # Eleven instruments as columns were cut to "na…" in 80 characters; as rows they read whole.
    from optimize import load_case
    from optimize.case import shipped_case

    monkeypatch.setenv("COLUMNS", "80")
    case = load_case(shipped_case())
    code, out, _ = run_cli(["allocate", str(shipped_case()), "--lang", "en"], monkeypatch, capsys)
    assert code == 0
    rows = {line.split("│")[1].strip(): line for line in out.splitlines() if line.count("│") > 2}
    assert set(case.instrument_ids) <= set(rows)
    assert all(len(rows[i]) <= 80 for i in case.instrument_ids)
