"""Background work: progress, cancel between steps, errors kept for the page."""

import threading
import time

import pytest

from optimize.workspace import Job, budget_grid


def stepping(steps: int, gate: threading.Event, reached: list[int]):
    def work(report):
        for step in range(steps):
            report(step, steps)
            reached.append(step)
            gate.wait(5)
        report(steps, steps)
        return "done"

    return work


def test_progress_and_result():
    gate, reached = threading.Event(), []
    gate.set()
    job = Job("test", stepping(4, gate, reached))
    assert job.finished.wait(10)
    assert (job.result, job.error, job.progress, job.running) == ("done", None, 1.0, False)
    assert reached == [0, 1, 2, 3]


def test_cancel_stops_at_the_next_step():
    gate, reached = threading.Event(), []
    job = Job("test", stepping(100, gate, reached))
    while not reached:
        time.sleep(0.01)
    job.cancel()
    gate.set()
    assert job.finished.wait(10)
    assert job.result is None and job.error is None
    assert reached == [0]  # step 1's report raised


def test_an_error_is_kept_not_raised_in_the_thread():
    def broken(report):
        raise ValueError("bad grid")

    job = Job("test", broken)
    assert job.finished.wait(10)
    assert isinstance(job.error, ValueError) and job.result is None


@pytest.mark.parametrize(("budget", "first", "last"), [(60.0, 15.0, 120.0), (0.0, 0.0, 0.0)])
def test_budget_grid(budget, first, last):
    grid = budget_grid(budget)
    assert (grid[0], grid[-1]) == (first, last)
    assert len(grid) in (1, 16) and grid == sorted(grid)
