"""Stopping a command: SIGINT (Ctrl-C) or SIGTERM keeps the previous results, leaves no staging
folder and no worker process, and exits 128 + the signal; runaway --jobs and an unreachable
--scheduler are refused at once."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.optimize.clirun import STALL_IN_STAGING, run_cli

psutil = pytest.importorskip("psutil")

REPO = Path(__file__).resolve().parents[2]
PREVIOUS = {"points.csv": b"previous results\n", "sweep.json": b"{}\n"}


def previous_results(out: Path) -> None:
    """Stand-in results of an earlier run in `out`."""
    out.mkdir()
    for name, content in PREVIOUS.items():
        (out / name).write_bytes(content)


def start(args: list[str], script: str = "") -> subprocess.Popen[bytes]:
    """``clusterplan ARGS`` in its own process group (as a shell runs a foreground job)."""
    code = script + "from optimize.cli.app import main\nmain()\n"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        # the sweeps below are long on purpose: above the default grid limit
        env={**os.environ, "PYTHONPATH": str(REPO), "CLUSTERPLAN_MAX_STEPS": "1000000"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """Kill what is left of a command started by :func:`start` (after a failed test)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    if process.stderr is not None and not process.stderr.closed:
        process.communicate()


def wait_for(condition, process: subprocess.Popen[bytes], what: str, limit: float = 30.0):
    """Poll `condition` until true; fail if the process ends or `limit` seconds pass."""
    deadline = time.monotonic() + limit
    while not condition():
        assert process.poll() is None, f"the command ended before {what}"
        assert time.monotonic() < deadline, f"no {what} within {limit} s"
        time.sleep(0.05)


def running(processes) -> list:
    """The processes still running (a zombie waiting for its parent has stopped)."""
    alive = []
    for each in processes:
        try:
            if each.status() != psutil.STATUS_ZOMBIE:
                alive.append(each)
        except psutil.NoSuchProcess:
            pass
    return alive


def assert_all_stopped(processes, limit: float = 5.0) -> None:
    deadline = time.monotonic() + limit
    while running(processes) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(processes), [p.cmdline()[-4:] for p in running(processes)]


@pytest.mark.parametrize(
    ("stop", "code"),
    [
        ("Ctrl-C", 130),  # SIGINT to the whole process group, workers too, as a terminal does
        ("SIGTERM", 143),  # SIGTERM to the command alone, as a batch system does
    ],
)
def test_a_stopped_parallel_sweep_keeps_the_previous_results(stop, code, tiny_path, tmp_path):
    out = tmp_path / "out"
    previous_results(out)
    grid = ["--from", "1", "--to", "9", "--steps", "100000"]
    process = start(
        ["sweep", "budget", str(tiny_path), *grid, "--jobs", "2", "--out", str(out), "--force"]
    )
    command = psutil.Process(process.pid)

    def workers() -> list:
        children = command.children(recursive=True)
        return [p for p in children if "LokyProcess" in " ".join(p.cmdline())]

    try:
        wait_for(lambda: len(workers()) == 2, process, "two workers")
        time.sleep(1.0)  # both solving their first chunk
        children = command.children(recursive=True)
        if stop == "Ctrl-C":
            os.killpg(process.pid, signal.SIGINT)
        else:
            process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
    finally:
        stop_group(process)
    assert process.returncode == code
    # Our one line; loky's resource tracker may add its own shutdown warning after it.
    assert f"interrupted by {signal.Signals(code - 128).name}" in err.decode().splitlines()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging folder
    assert_all_stopped(children)


def test_a_run_stopped_while_writing_keeps_the_previous_results(tiny_path, tmp_path):
    out = tmp_path / "out"
    previous_results(out)
    process = start(["run", str(tiny_path), "--out", str(out), "--force"], STALL_IN_STAGING)
    staging = tmp_path / f".out.partial-{process.pid}"
    try:
        wait_for(lambda: any(staging.glob("*")), process, "a staging folder", limit=60)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
    finally:
        stop_group(process)
    assert process.returncode == 143, err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == PREVIOUS
    assert not staging.exists()


def test_too_many_jobs_are_refused_naming_the_limit(tiny_path, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CLUSTERPLAN_MAX_JOBS", raising=False)
    limit = 4 * (os.cpu_count() or 1)
    args = ["sweep", "budget", str(tiny_path), "--out", str(tmp_path / "o"), "--jobs"]
    code, _, err = run_cli([*args, str(limit + 1)], monkeypatch, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert f"--jobs: {limit + 1} is above the limit of {limit} worker processes" in err
    assert "CLUSTERPLAN_MAX_JOBS" in err
    monkeypatch.setenv("CLUSTERPLAN_MAX_JOBS", "2")
    code, _, err = run_cli([*args, "3"], monkeypatch, capsys)
    assert code == 2 and "the limit of 2 worker processes" in err
    assert not (tmp_path / "o").exists()


def test_an_unreachable_scheduler_fails_at_once(tiny_path, tmp_path, monkeypatch, capsys):
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    began = time.monotonic()
    scheduler = ["--scheduler", f"tcp://127.0.0.1:{port}"]
    code, _, err = run_cli(
        ["sweep", "robustness", str(tiny_path), "--out", str(tmp_path / "o"), *scheduler],
        monkeypatch,
        capsys,
    )
    assert time.monotonic() - began < 5
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert f"--scheduler: no Dask scheduler answers at tcp://127.0.0.1:{port}" in err
