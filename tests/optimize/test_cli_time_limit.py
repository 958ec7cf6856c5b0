"""Commands under a time limit: an honest status, no unlimited re-solves, no crash."""

import json

import pytest

from optimize import SolveStatus, appraise, load_case, solve
from optimize.model import SolverOptions
from tests.optimize.clirun import run_cli


@pytest.fixture
def no_greedy_start(monkeypatch):
    """HiGHS gets no greedy start, so a tiny time limit stops it before any plan."""
    monkeypatch.setattr("optimize.model.compiled.greedy_plan", lambda matrix: None)


def test_a_stop_before_any_plan_is_not_a_solution(tiny_path, no_greedy_start):
    case = load_case(tiny_path)
    allocation = solve(case, appraise(case), SolverOptions(time_limit=1e-9))
    assert allocation.status is SolveStatus.TIME_LIMIT_NO_SOLUTION
    assert not allocation.status.has_solution


@pytest.mark.parametrize("command", ["allocate", "run"])
def test_a_stop_before_any_plan_exits_3_with_advice(
    command, tiny_path, tmp_path, no_greedy_start, monkeypatch, capsys
):
    out = tmp_path / "out"
    args = [command, str(tiny_path), "--time-limit", "1e-9", "--out", str(out)]
    code, _, err = run_cli(args, monkeypatch, capsys)
    assert code == 3, err
    assert len(err.strip().splitlines()) == 1, err
    assert "before it found any feasible allocation" in err
    assert "larger --time-limit" in err
    assert not out.exists()


def test_allocate_after_a_time_limit_stop_skips_marginal_values(tiny_path, monkeypatch, capsys):
    # With the greedy start HiGHS stops at once and answers with the start: status time_limit.
    def unlimited(*args, **kwargs):
        raise AssertionError("marginal values re-solve without the time limit")

    monkeypatch.setattr("optimize.model.marginal.marginal_values", unlimited)
    args = ["allocate", str(tiny_path), "--time-limit", "1e-9", "--json"]
    code, out, err = run_cli(args, monkeypatch, capsys)
    assert code == 0, err
    assert json.loads(out)["status"] == "time_limit"
    assert "marginal values skipped" in err


def test_run_takes_the_time_limit_and_checks_it(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    code, _, err = run_cli(
        ["run", str(tiny_path), "--time-limit", "1e-9", "--out", str(out), "--json"],
        monkeypatch,
        capsys,
    )
    assert code == 0, err
    assert not json.loads((out / "summary.json").read_text())["allocation"]["proven_optimal"]
    for value in ("nan", "inf", "0"):
        code, _, err = run_cli(
            ["run", str(tiny_path), "--time-limit", value, "--out", str(tmp_path / "o2")],
            monkeypatch,
            capsys,
        )
        # (the option parser's own refusal of nan still comes in a usage box)
        assert code == 2 and "--time-limit" in err, err
    code, _, err = run_cli(
        ["run", str(tiny_path), "--mip-gap", "inf", "--out", str(tmp_path / "o3")],
        monkeypatch,
        capsys,
    )
    assert code == 2 and "--mip-gap" in err, err


def test_a_zero_budget_shows_leverage_as_not_defined(tiny_path, monkeypatch, capsys):
    code, out, err = run_cli(["allocate", str(tiny_path), "--budget", "0"], monkeypatch, capsys)
    assert code == 0, err
    assert "leverage not defined" in out
    assert "nan" not in out.split("leverage", 1)[1]
