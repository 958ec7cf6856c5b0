"""What a planner changes in the workspace, and the case those changes make.

A :class:`Settings` value holds the budget, the priority rule, the rules switched off and the
judgments edited; :func:`variant` applies it to the loaded case, :func:`scenario_table` turns
it into a ``scenarios.toml`` table and :func:`edited_raw` into the settings and judgments of a
case workbook. Nothing here touches a file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from optimize.case import Case, PriorityRule, RawCase, Scenario, apply

#: One edited judgment: (node, expert, row criterion, column criterion) -> value [-].
JudgmentKey = tuple[str, str, str, str]
#: One rule bound: (rule, dotted key inside ``[rules.<rule>]``), e.g. ``("region_floor",
#: "western")`` or ``("type_share", "basic.min")``.
BoundKey = tuple[str, str]


@dataclass(frozen=True)
class Settings:
    """The planner's changes to a case.

    Attributes
    ----------
    budget : float
        Total budget [1e8 CNY].
    priority_rule : {"merit", "need", "blend"}
        Cluster priority rule.
    blend : float
        Weight on merit in the blend [-].
    dropped : frozenset of str
        Rules switched off.
    judgments : mapping of JudgmentKey to float
        Edited pairwise judgments, row over column [-] (the reciprocal follows).
    bounds : mapping of BoundKey to float
        Edited numbers of the case's rules, in the rule's unit (see :func:`rule_bounds`).
    """

    budget: float
    priority_rule: PriorityRule
    blend: float
    dropped: frozenset[str] = frozenset()
    judgments: Mapping[JudgmentKey, float] = field(default_factory=dict)
    bounds: Mapping[BoundKey, float] = field(default_factory=dict)

    @classmethod
    def of(cls, case: Case) -> Settings:
        """The case's own settings (nothing changed)."""
        return cls(case.budget, case.priority_rule, case.blend)


def rule_bounds(raw: RawCase) -> dict[BoundKey, float]:
    """Every number stated in the case's ``[rules.*]`` tables, by rule and dotted key.

    Lists (of types, instruments, project pairs) and texts are not bounds and are left out.
    """
    found: dict[BoundKey, float] = {}
    rules = raw.settings.get("rules", {})

    def visit(rule: str, prefix: str, table: Mapping[str, Any]) -> None:
        for key, value in table.items():
            path = f"{prefix}{key}"
            if isinstance(value, Mapping):
                visit(rule, f"{path}.", value)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                found[(rule, path)] = float(value)

    if isinstance(rules, Mapping):
        for rule, table in rules.items():
            if isinstance(table, Mapping):
                visit(str(rule), "", table)
    return found


def with_bounds(raw: RawCase, bounds: Mapping[BoundKey, float]) -> RawCase:
    """The raw case with edited rule numbers written into its ``[rules.*]`` tables.

    A number stated as a whole number stays one when the edit is whole (``max_projects``).
    """
    if not bounds:
        return raw
    rules = _copied(raw.settings.get("rules", {}))
    for (rule, path), value in bounds.items():
        *parents, last = path.split(".")
        table = rules[rule]
        for part in parents:
            table = table[part]
        whole = isinstance(table[last], int) and float(value).is_integer()
        table[last] = int(value) if whole else float(value)
    return dataclasses.replace(raw, settings={**raw.settings, "rules": rules})


def _copied(table: Mapping[str, Any]) -> dict[str, Any]:
    """A deep copy of nested tables (leaves are shared: they are immutable values)."""
    return {k: _copied(v) if isinstance(v, Mapping) else v for k, v in table.items()}


def edited_judgments(
    case: Case, judgments: Mapping[JudgmentKey, float]
) -> Mapping[str, Mapping[str, pd.DataFrame]]:
    """The case's judgment matrices with the edits applied (each keeps its reciprocal)."""
    matrices = {node: dict(experts) for node, experts in case.judgments.items()}
    for (node, expert, row, col), value in judgments.items():
        matrix = matrices[node][expert].copy()
        matrix.loc[row, col], matrix.loc[col, row] = value, 1.0 / value
        matrices[node][expert] = matrix
    return matrices


def variant(case: Case, settings: Settings) -> Case:
    """The case under `settings`: budget, rules, priority rule and judgments replaced."""
    changed = apply(
        case,
        Scenario("workspace", budget=settings.budget, drop_rules=tuple(sorted(settings.dropped))),
    )
    return dataclasses.replace(
        changed,
        priority_rule=settings.priority_rule,
        blend=settings.blend,
        judgments=edited_judgments(case, settings.judgments)
        if settings.judgments
        else case.judgments,
    )


def scenario_table(
    case: Case, settings: Settings, level1: pd.Series | None, description: str
) -> dict[str, Any]:
    """The ``scenarios.toml`` table of the settings' differences from the case.

    Parameters
    ----------
    case : Case
        The loaded case.
    settings : Settings
        The planner's settings.
    level1 : pandas.Series, optional
        Level-1 weights [-] when the judgments were edited: a scenario holds weights, not
        judgments (every level-1 weight is written, so the scenario reproduces them).
    description : str
        What the scenario asks.
    """
    table: dict[str, Any] = {"description": description}
    if settings.budget != case.budget:
        table["budget"] = settings.budget
    if settings.priority_rule != case.priority_rule:
        table["priority_rule"] = settings.priority_rule
    if settings.blend != case.blend:
        table["blend"] = settings.blend
    if level1 is not None:
        # Rounded so that the written weights never sum to more than 1 (the scenario check).
        table["weights"] = {str(k): round(float(v), 6) - 1e-6 for k, v in level1.items()}
    if settings.dropped:
        table["drop_rules"] = sorted(settings.dropped)
    return table


def edited_raw(raw: RawCase, settings: Settings) -> RawCase:
    """The raw case with the settings written in: a workbook of it loads as the variant."""
    raw = with_bounds(raw, settings.bounds)
    values: dict[str, Any] = {
        key: dict(value) if isinstance(value, Mapping) else value
        for key, value in raw.settings.items()
    }
    values["budget"] = {**values.get("budget", {}), "total": settings.budget}
    values["appraisal"] = {
        **values.get("appraisal", {}),
        "priority_rule": settings.priority_rule,
        "blend": settings.blend,
    }
    rules = {k: v for k, v in values.get("rules", {}).items() if k not in settings.dropped}
    if "rules" in values:
        values["rules"] = rules
    tables = dict(raw.tables)
    if settings.judgments:
        tables["judgments"] = _judgment_text(raw.tables["judgments"], settings.judgments)
    return dataclasses.replace(raw, settings=values, tables=tables)


def _judgment_text(table: pd.DataFrame, judgments: Mapping[JudgmentKey, float]) -> pd.DataFrame:
    """The judgments table (text cells) with each edit written on its stated row."""
    from mcda.ahp import SOLE_EXPERT

    table = table.copy()
    experts = table["expert"] if "expert" in table.columns else None
    for (node, expert, row, col), value in judgments.items():
        same = table["node"] == node
        if experts is not None and expert != SOLE_EXPERT:
            same &= experts == expert
        forward = same & (table["row"] == row) & (table["col"] == col)
        backward = same & (table["row"] == col) & (table["col"] == row)
        table.loc[forward, "value"] = f"{value:.6g}"
        table.loc[backward, "value"] = f"{1.0 / value:.6g}"
    return table
