"""The planner's workspace in the browser: ``clusterplan serve``.

A Starlette application (:func:`create_app`) over per-browser sessions
(:class:`Session`); each change of budget, judgment, priority rule or rule re-answers through
the same stages as the CLI (:func:`answer`), re-solving a compiled model whose parameters
move. Pages come from the package's Jinja2 templates and static files (htmx vendored), so
the workspace runs offline.
"""

from optimize.workspace.answer import Answer, Solver, answer
from optimize.workspace.app import COOKIE, create_app, form_number
from optimize.workspace.exports import EXPORTS, export
from optimize.workspace.frontier import budget_grid, frontier_points
from optimize.workspace.jobs import CancelledError, Job
from optimize.workspace.session import (
    Loaded,
    Session,
    Sessions,
    append_scenario,
    is_loopback,
    load,
    load_upload,
)
from optimize.workspace.settings import (
    Settings,
    edited_raw,
    rule_bounds,
    scenario_table,
    variant,
    with_bounds,
)
from optimize.workspace.views import VIEWS, Labels

__all__ = [
    "COOKIE",
    "EXPORTS",
    "VIEWS",
    "Answer",
    "CancelledError",
    "Job",
    "Labels",
    "Loaded",
    "Session",
    "Sessions",
    "Settings",
    "Solver",
    "answer",
    "append_scenario",
    "budget_grid",
    "create_app",
    "edited_raw",
    "export",
    "form_number",
    "frontier_points",
    "is_loopback",
    "load",
    "load_upload",
    "rule_bounds",
    "scenario_table",
    "variant",
    "with_bounds",
]
