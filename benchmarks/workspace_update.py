"""Responsiveness of ``clusterplan serve``: one planner's change, re-solved and redrawn.

On the shipped case, each row times one kind of change through the workspace's own code,
alternating between two values so that every call is a real change:

* ``update``: the session's update function (:class:`optimize.workspace.Session`) - new
  settings answered: appraisal and SMAA-2 where the change needs them, the compiled model's
  bounds or costs moved, HiGHS re-run;
* ``request``: the same change as the browser sends it (Starlette's test client: form
  parsing, update, and the HTML of the view and status bar rendered).

The baseline, measured in the same run, is the bare re-solve: the compiled model's budget
moved and HiGHS re-run, nothing else. The target is a median of at most 300 ms per change
(issue 17), judged on the ``request`` rows.

Usage: ``python benchmarks/workspace_update.py [--runs N]`` (default 15).
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable

from timing import timed

TARGET = 0.300

#: Makes the form of one change.
Form = Callable[[], dict[str, str]]


def main() -> None:
    """Time each change and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    from starlette.testclient import TestClient

    from mcda.ahp import SOLE_EXPERT
    from optimize.appraisal import appraise
    from optimize.case import PriorityRule, shipped_case
    from optimize.model import CompiledModel, SolverOptions, project_table
    from optimize.workspace import Session, create_app, load

    loaded = load(shipped_case())
    case = loaded.case
    appraisal = appraise(case)
    # The workspace's own solver options (one HiGHS thread), so that only the work differs.
    model = CompiledModel(case, project_table(case, appraisal), SolverOptions(threads=1))
    budgets = itertools.cycle([case.budget * 0.8, case.budget])

    def bare() -> None:
        model.set_budget(next(budgets))
        model.solve(appraisal.priority_rule)

    session = Session(loaded, "en")
    judgment = ("goal", SOLE_EXPERT, "C1", "C2")
    amounts = itertools.cycle([case.budget * 0.8, case.budget])
    ratios = itertools.cycle([1 / 3, 2.0])
    rules: itertools.cycle[PriorityRule] = itertools.cycle(["need", "merit"])
    switches = itertools.cycle([False, True])
    updates: dict[str, Callable[[], object]] = {
        "budget": lambda: session.set_budget(next(amounts)),
        "judgment": lambda: session.set_judgment(judgment, next(ratios)),
        "priority": lambda: session.set_priority(next(rules), 0.5),
        "rule toggle": lambda: session.toggle_rule("region_floor", next(switches)),
    }
    client = TestClient(create_app(loaded, "en"), headers={"HX-Request": "true"})
    client.get("/")
    forms: dict[str, tuple[str, Form]] = {
        "budget": ("/budget", lambda: {"budget": str(next(amounts))}),
        "judgment": (
            "/judgment",
            lambda: {
                "node": "goal",
                "expert": SOLE_EXPERT,
                "row": "C1",
                "col": "C2",
                "value": str(next(ratios)),
            },
        ),
        "priority": ("/priority", lambda: {"priority_rule": str(next(rules))}),
        "rule toggle": (
            "/rule",
            lambda: {"rule": "region_floor", **({"on": "on"} if next(switches) else {})},
        ),
    }

    def request(path: str, form: Form) -> Callable[[], object]:
        def send() -> None:
            response = client.post(path, data=form())
            if 'id="status-solve"' not in response.text:
                raise RuntimeError(f"{path}: no status bar in the answer")

        return send

    bare()  # warm up
    floor, floor_cpu = timed(bare, runs)
    rows = [("bare re-solve (baseline)", floor, floor_cpu)]
    for name, update in updates.items():
        update()
        rows.append((f"update: {name}", *timed(update, runs)))
    for name, (path, form) in forms.items():
        rows.append((f"request: {name}", *timed(request(path, form), runs)))

    print(f"shipped case, {runs} changes per row, medians; target <= {TARGET * 1000:.0f} ms")
    print(f"{'change':<28} {'wall ms':>8} {'cpu ms':>8} {'x bare':>7}  verdict")
    for name, wall, cpu in rows:
        verdict = "" if not name.startswith("request") else ("PASS" if wall <= TARGET else "FAIL")
        print(f"{name:<28} {wall * 1000:8.1f} {cpu * 1000:8.1f} {wall / floor:7.1f}  {verdict}")


if __name__ == "__main__":
    main()
