"""Files of the current settings: the report, the results workbook, the case workbook."""

from __future__ import annotations

from typing import TYPE_CHECKING

import tomli_w

from optimize.appraisal import assess
from optimize.casefiles import INSTRUCTIONS, case_workbook
from optimize.pipeline import RunResult
from optimize.report import illustrative_notice, run_files
from optimize.workspace.settings import edited_raw

if TYPE_CHECKING:
    from optimize.workspace.session import Session

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: Export name -> media type.
EXPORTS = {
    "report.html": "text/html; charset=utf-8",
    "report.md": "text/markdown; charset=utf-8",
    "results.xlsx": XLSX,
    "case.xlsx": XLSX,
    "scenarios.toml": "application/toml; charset=utf-8",
}


def export(session: Session, name: str) -> tuple[bytes, str]:
    """The export `name` (a key of :data:`EXPORTS`) of the session's settings, and its type.

    The report and results come from the same writers as ``clusterplan run`` (the marginal
    values included once the allocation view has computed them); the case workbook is the
    case with the budget, priority rule, rules and judgments of the settings written in, so
    that it loads as what the page shows; ``scenarios.toml`` holds the scenarios saved in
    this session.
    """
    with session.lock:
        current, margins, lang = session.answer, session.margins, session.lang
        loaded, saved = session.loaded, dict(session.saved)
        settings = session.settings
    if name == "case.xlsx":
        case = current.case
        about = [f"{case.title} (case {case.name})", illustrative_notice(case), *INSTRUCTIONS]
        return case_workbook(edited_raw(loaded.raw, settings), about), EXPORTS[name]
    if name == "scenarios.toml":
        tables = {n: _table(s) for n, s in saved.items()}
        return tomli_w.dumps(tables).encode("utf-8"), EXPORTS[name]
    run = RunResult(
        current.case,
        current.appraisal,
        current.allocation,
        assess(current.case, current.appraisal.weights),
        margins,
        current.uncertainty,
    )
    content = run_files(run, lang)[name]
    data = content.encode("utf-8") if isinstance(content, str) else content
    return data, EXPORTS[name]


def _table(scenario: object) -> dict[str, object]:
    """A scenario's overrides as its ``scenarios.toml`` table (unset ones left out)."""
    from dataclasses import asdict

    fields = asdict(scenario)  # type: ignore[call-overload]
    fields.pop("name")
    return {
        k: (list(v) if isinstance(v, tuple) else v)
        for k, v in fields.items()
        if v not in (None, (), {}, "")
    }
