"""Read each rule row's activity, bound and slack from a solved model."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyomo.environ as pyo

#: A row whose slack is within this of zero binds [unit of the row].
BINDING_TOLERANCE = 1e-6

RULE_COLUMNS = ["rule", "key", "sense", "unit", "activity", "bound", "slack", "binding"]


def rule_activity(model: Any) -> pd.DataFrame:
    """Activity, bound and slack of every rule row at the loaded solution.

    Parameters
    ----------
    model : pyomo.environ.ConcreteModel
        A model from :func:`optimize.model.build_model` with variable values loaded.

    Returns
    -------
    pandas.DataFrame
        One row per rule row: ``rule``, ``key``, ``sense``, ``unit``, ``activity`` (the
        left-hand side), ``bound`` (the right-hand side), ``slack`` (>= 0 when the row
        holds, in the row's unit) and ``binding`` (slack within 1e-6).
    """
    records = []
    for row in model.rows:
        activity = float(pyo.value(row.body))
        bound = float(pyo.value(row.rhs))
        slack = bound - activity if row.sense == "<=" else activity - bound
        records.append(
            (
                row.rule,
                row.key,
                row.sense,
                row.unit,
                activity,
                bound,
                slack,
                abs(slack) <= BINDING_TOLERANCE * max(1.0, abs(bound)),
            )
        )
    return pd.DataFrame.from_records(records, columns=RULE_COLUMNS)
