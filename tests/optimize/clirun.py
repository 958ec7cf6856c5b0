"""Run the ``clusterplan`` command line in-process and capture what it prints."""

import sys

from optimize.cli import STATE, main


def run_cli(args: list[str], monkeypatch, capsys) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``clusterplan ARGS``."""
    monkeypatch.setattr(sys, "argv", ["clusterplan", *args])
    STATE["debug"] = False
    code = 0
    try:
        main()
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
