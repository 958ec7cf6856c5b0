"""A bad option or argument is one line on stderr naming it, with exit code 2."""

import pytest

from tests.optimize.clirun import run_cli


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["allocate", "--budget", "abc"], "Invalid value for '--budget'"),
        (["allocate", "--budget", "-1"], "Invalid value for '--budget'"),
        (["run", "--budget", "3"], "No such option: --budget"),
        (["weights", "--top"], "Option '--top' requires an argument"),
        (["sweep", "budget", "--steps", "x"], "Invalid value for '--steps'"),
        (["rank", "--no-such"], "No such option: --no-such"),
        (["bogus"], "No such command 'bogus'"),
    ],
)
def test_option_errors_are_one_line(args, expected, monkeypatch, capsys):
    code, out, err = run_cli(args, monkeypatch, capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert expected in err
    assert "--help" in err or "requires an argument" in err  # where to look, when known
    assert "╭" not in err and "Usage:" not in err  # not Typer's usage block and box


def test_help_still_prints_and_exits_0(monkeypatch, capsys):
    code, out, err = run_cli(["run", "--help"], monkeypatch, capsys)
    assert code == 0 and "--out" in out and err == ""


def test_a_bare_group_prints_its_help(monkeypatch, capsys):
    code, out, _ = run_cli(["sweep"], monkeypatch, capsys)
    assert code == 2 and "budget" in out
