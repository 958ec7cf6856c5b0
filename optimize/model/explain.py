"""Explain an infeasible case by the smallest relaxation of its named rules.

Every rule row gets a non-negative slack (an elastic model). Two solves pick the relaxation:
first the fewest rule rows that must give way, then, among those, the least relaxation
(amounts relative to the budget, counts in whole projects). The answer names which rules
must give way and by how much, in their own units, instead of a bare "infeasible".
"""

from __future__ import annotations

import pandas as pd
import pyomo.environ as pyo

from optimize.appraisal.appraise import Appraisal
from optimize.case.case import Case
from optimize.case.stock import refused_by_stock
from optimize.messages import Lang, say
from optimize.messages.stock import stock_reason
from optimize.model.compiled import SolverOptions
from optimize.model.formulation import build_model, project_table
from optimize.model.persistent import _make_solver
from optimize.model.rule_rows import AMOUNT, COUNT

#: Slack below this is read as zero [unit of the row].
SLACK_TOLERANCE = 1e-7

RELAXATION_COLUMNS = ["rule", "key", "sense", "unit", "bound", "relaxation", "relaxed_bound"]


def explain_infeasibility(
    case: Case, appraisal: Appraisal, options: SolverOptions | None = None
) -> pd.DataFrame:
    """The smallest total relaxation of the case's rules that makes it feasible.

    Parameters
    ----------
    case : Case
        A case whose allocation model is infeasible.
    appraisal : Appraisal
        Its appraisal.
    options : SolverOptions, optional
        HiGHS options.

    Returns
    -------
    pandas.DataFrame
        One row per rule row that must be relaxed: ``rule``, ``key``, ``sense``, ``unit``,
        the ``bound`` as stated, the ``relaxation`` needed (> 0, in the row's unit) and the
        ``relaxed_bound``. Empty when the case is feasible as it stands.
    """
    projects = project_table(case, appraisal)
    model = build_model(case, projects, elastic=True)
    solver = _make_solver(options or SolverOptions())
    fewest = solver.solve(model).best_feasible_objective
    model.relaxed_rows.deactivate()
    model.relaxation_size.activate()
    model.fewest_rows = pyo.Constraint(expr=pyo.quicksum(model.relaxed.values()) <= round(fewest))
    solver.solve(model)
    solver.load_vars()
    records = []
    for row in model.rows:
        slack = float(pyo.value(model.slack_of[row.rule][row.key]))
        if slack <= SLACK_TOLERANCE:
            continue
        bound = float(pyo.value(row.rhs))
        relaxed = bound + slack if row.sense == "<=" else bound - slack
        records.append((row.rule, row.key, row.sense, row.unit, bound, slack, relaxed))
    return pd.DataFrame.from_records(records, columns=RELAXATION_COLUMNS)


def unit_word(unit: str, lang: Lang = "en") -> str:
    """A rule row's unit (:data:`~optimize.model.rule_rows.AMOUNT` or ``COUNT``) in `lang`."""
    if unit == AMOUNT:
        return say("common.amount_unit", lang)
    if unit == COUNT:
        return say("explain.unit.count", lang)
    return unit


def describe(relaxations: pd.DataFrame, case: Case | None = None, lang: Lang = "en") -> list[str]:
    """One sentence per relaxation, for terminals and reports, in `lang`.

    Given the `case`, a row that the national stock set (a project refused because its
    domain's national centre sits elsewhere) also names that centre, its city and source.
    """
    reasons = row_reasons(case, lang) if case is not None else {}
    lines = []
    for row in relaxations.itertuples():
        verb = "raise" if row.sense == "<=" else "lower"
        why = reasons.get((str(row.rule), str(row.key)))
        lines.append(
            say(
                f"explain.relax.{verb}",
                lang,
                rule=row.rule,
                key=row.key,
                bound=f"{row.bound:.4g}",
                relaxed=f"{row.relaxed_bound:.4g}",
                unit=unit_word(str(row.unit), lang),
                by=f"{row.relaxation:.4g}",
            )
            + (say("explain.relax.why", lang, why=why) if why else "")
        )
    return lines


def row_reasons(case: Case, lang: Lang = "en") -> dict[tuple[str, str], str]:
    """Why a rule row exists, where the case states it, by ``(rule, key)``, in `lang`.

    So far the rows the national stock sets: ``no_duplicated_construction`` ``<project>:stock``,
    each naming the existing centres (:func:`optimize.case.stock.refused_by_stock`).
    """
    return {
        ("no_duplicated_construction", f"{r['project']}:stock"): stock_reason(r, case.stock, lang)
        for _, r in refused_by_stock(case).iterrows()
    }
