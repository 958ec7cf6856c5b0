"""Scenarios: a case plus named overrides (budget, priority rule, weights, rules).

A scenario file ``scenarios.toml`` in the case folder holds one table per scenario::

    [lower_budget]
    budget = 48.0

    [research_first]
    weights = { C2 = 0.40 }          # level-1 weights; the others keep their proportions
    priority_rule = "blend"
    blend = 0.7

    [no_regional_floor]
    drop_rules = ["region_floor"]
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from optimize.appraise import Appraisal, cluster_priority
from optimize.case import PRIORITY_RULES, Case, PriorityRule
from optimize.errors import InputError
from optimize.rules import RULE_NAMES
from optimize.settings import check_number

SCENARIO_FILE = "scenarios.toml"
KEYS = {"budget", "priority_rule", "blend", "weights", "drop_rules", "description"}


@dataclass(frozen=True)
class Scenario:
    """Named overrides of a case.

    Attributes
    ----------
    name : str
        Scenario name.
    budget : float, optional
        Total budget [1e8 CNY].
    priority_rule : str, optional
        ``merit``, ``need`` or ``blend``.
    blend : float, optional
        Weight on merit in the blend [-].
    weights : mapping of str to float
        Level-1 criterion weights [-]; unnamed level-1 criteria share the rest in their
        original proportions.
    drop_rules : tuple of str
        Rules switched off.
    description : str
        What the scenario asks.
    """

    name: str
    budget: float | None = None
    priority_rule: PriorityRule | None = None
    blend: float | None = None
    weights: Mapping[str, float] = field(default_factory=dict)
    drop_rules: tuple[str, ...] = ()
    description: str = ""


def load_scenarios(folder: Path, case: Case) -> list[Scenario]:
    """Scenarios of ``scenarios.toml`` in a case folder (none when the file is absent).

    Raises
    ------
    InputError
        Naming the scenario and field of an unknown key, criterion, rule or a bad value.
    """
    path = folder / SCENARIO_FILE
    if not path.is_file():
        return []
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(SCENARIO_FILE, f"not valid TOML: {exc}") from None
    return [parse_scenario(name, table, case) for name, table in doc.items()]


def parse_scenario(name: str, table: Any, case: Case) -> Scenario:
    """One scenario table, validated against the case."""
    if not isinstance(table, dict):
        raise InputError(SCENARIO_FILE, "must be a table", field=name)
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise InputError(
            SCENARIO_FILE,
            f"unknown override (known: {', '.join(sorted(KEYS))})",
            field=f"{name}.{unknown[0]}",
        )
    rule = table.get("priority_rule")
    if rule is not None and rule not in PRIORITY_RULES:
        raise InputError(
            SCENARIO_FILE, f"unknown priority rule {rule!r}", field=f"{name}.priority_rule"
        )
    level1 = case.criteria.children()
    weights = table.get("weights", {})
    for criterion, value in weights.items():
        if criterion not in level1:
            raise InputError(
                SCENARIO_FILE,
                f"not a level-1 criterion (use {', '.join(level1)})",
                field=f"{name}.weights.{criterion}",
            )
        check_number(value, f"{name}.weights.{criterion}", 0.0, maximum=1.0)
    if sum(weights.values()) > 1.0 + 1e-9:
        raise InputError(
            SCENARIO_FILE, "level-1 weights sum to more than 1", field=f"{name}.weights"
        )
    drops = table.get("drop_rules", [])
    for rule_name in drops:
        if rule_name not in RULE_NAMES or rule_name == "budget":
            raise InputError(
                SCENARIO_FILE, f"unknown rule {rule_name!r}", field=f"{name}.drop_rules"
            )
    budget = table.get("budget")
    blend = table.get("blend")
    return Scenario(
        name=name,
        budget=None if budget is None else check_number(budget, f"{name}.budget", 0.0),
        priority_rule=rule,
        blend=None if blend is None else check_number(blend, f"{name}.blend", 0.0, maximum=1.0),
        weights={str(k): float(v) for k, v in weights.items()},
        drop_rules=tuple(str(r) for r in drops),
        description=str(table.get("description", "")),
    )


def apply(case: Case, scenario: Scenario) -> Case:
    """The case with the scenario's budget and dropped rules applied.

    Weight overrides act on the appraisal instead (:func:`leaf_weights`).
    """
    rules = case.rules.without(scenario.drop_rules)
    budget = case.budget if scenario.budget is None else scenario.budget
    return dataclasses.replace(case, rules=rules, budget=budget)


def level1_weights(base: pd.Series, overrides: Mapping[str, float]) -> pd.Series:
    """Level-1 weights with `overrides` set and the rest rescaled to keep their proportions."""
    if not overrides:
        return base
    fixed = pd.Series(overrides, dtype=float)
    rest = base.drop(fixed.index)
    scale = (1.0 - fixed.sum()) / rest.sum() if rest.sum() > 0 else 0.0
    combined: pd.Series = pd.concat([fixed, rest * scale]).loc[base.index]
    return combined


def leaf_weights(case: Case, appraisal: Appraisal, level1: pd.Series) -> pd.Series:
    """Global leaf weights with other level-1 weights [-].

    A leaf's global weight is the product of local weights along its path, so changing the
    level-1 weights only rescales each leaf by new / old weight of its level-1 ancestor.
    """
    top = pd.Series({leaf: case.criteria.path(leaf)[0] for leaf in appraisal.weights.index})
    old = appraisal.local["goal"].weights
    factor = level1.loc[top].to_numpy(float) / old.loc[top].to_numpy(float)
    rescaled: pd.Series = appraisal.weights * factor
    return rescaled


def priority_for(case: Case, leaves: pd.Series, rule: PriorityRule, blend: float) -> pd.Series:
    """Cluster priority after re-ranking the clusters with other leaf weights [-]."""
    from mcda.ranking import rank

    ranking = rank(
        case.scores.values,
        leaves,
        case.scores.directions,
        method="topsis",
        normalization=case.normalization,
    )
    return cluster_priority(ranking["score"], rule, blend).loc[case.clusters.index]
