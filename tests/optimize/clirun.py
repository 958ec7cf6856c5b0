"""Run the ``clusterplan`` command line in-process and capture what it prints."""

import sys

from optimize import cli


def run_cli(args: list[str], monkeypatch, capsys) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``clusterplan ARGS``."""
    monkeypatch.setattr(sys, "argv", ["clusterplan", *args])
    cli.STATE["debug"] = False
    code = 0
    try:
        cli.main()
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
