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


#: Python to run before ``main()``: file writing stalls (120 s) once it writes into a staging
#: folder, so that a test can stop a command part-way through writing its results.
STALL_IN_STAGING = (
    "import pathlib, time\n"
    "real = pathlib.Path.write_bytes\n"
    "def stalling(self, data):\n"
    "    written = real(self, data)\n"
    "    if '.partial-' in str(self.parent):\n"
    "        time.sleep(120)\n"
    "    return written\n"
    "pathlib.Path.write_bytes = stalling\n"
)
