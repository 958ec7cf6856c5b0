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

    [hefei_strategic]
    cluster_types = { hefei_speech = "strategic" }   # re-type clusters
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from optimize.case.case import Case, PriorityRule, check_priority_rule
from optimize.case.eligibility import check_musts_in_force
from optimize.case.rules import RULE_NAMES
from optimize.case.settings import check_number, section, string_list
from optimize.errors import InputError, msg

SCENARIO_FILE = "scenarios.toml"
KEYS = {
    "budget",
    "priority_rule",
    "blend",
    "weights",
    "drop_rules",
    "cluster_types",
    "description",
}


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
    cluster_types : mapping of str to str
        New type of each re-typed cluster (a type of the case's fit table).
    description : str
        What the scenario asks.
    """

    name: str
    budget: float | None = None
    priority_rule: PriorityRule | None = None
    blend: float | None = None
    weights: Mapping[str, float] = field(default_factory=dict)
    drop_rules: tuple[str, ...] = ()
    cluster_types: Mapping[str, str] = field(default_factory=dict)
    description: str = ""


def parse_scenario(name: str, table: Any, case: Case) -> Scenario:
    """One scenario table, validated against the case."""
    if not isinstance(table, dict):
        raise InputError(SCENARIO_FILE, msg("errors.setting.not_table"), field=name)
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise InputError(
            SCENARIO_FILE,
            msg("errors.scenario.unknown_override", known=", ".join(sorted(KEYS))),
            field=f"{name}.{unknown[0]}",
        )
    rule = table.get("priority_rule")
    if rule is not None:
        rule = check_priority_rule(rule, SCENARIO_FILE, f"{name}.priority_rule")
    level1 = case.criteria.children()
    weights = section(table, f"{name}.weights", SCENARIO_FILE)
    for criterion, value in weights.items():
        if criterion not in level1:
            raise InputError(
                SCENARIO_FILE,
                msg("errors.scenario.not_level1", use=", ".join(level1)),
                field=f"{name}.weights.{criterion}",
            )
        check_number(value, f"{name}.weights.{criterion}", 0.0, 1.0, file=SCENARIO_FILE)
    if sum(weights.values()) > 1.0 + 1e-9:
        raise InputError(SCENARIO_FILE, msg("errors.scenario.weights_sum"), field=f"{name}.weights")
    drops = string_list(
        table.get("drop_rules", []),
        f"{name}.drop_rules",
        msg("errors.noun.rule_names"),
        SCENARIO_FILE,
    )
    for rule_name in drops:
        if rule_name not in RULE_NAMES or rule_name == "budget":
            raise InputError(
                SCENARIO_FILE,
                msg("errors.scenario.unknown_rule", rule=rule_name),
                field=f"{name}.drop_rules",
            )
    budget = table.get("budget")
    blend = table.get("blend")
    types = section(table, f"{name}.cluster_types", SCENARIO_FILE)
    for cluster, kind in types.items():
        where = f"{name}.cluster_types.{cluster}"
        if cluster not in case.clusters.index:
            raise InputError(SCENARIO_FILE, msg("errors.scenario.not_a_cluster"), field=where)
        if kind not in case.fit.index:
            known = ", ".join(map(str, case.fit.index))
            raise InputError(
                SCENARIO_FILE,
                msg("errors.rules.unknown_id", noun=msg("errors.noun.type"), id=kind, use=known),
                field=where,
            )
    return Scenario(
        name=name,
        budget=None
        if budget is None
        else check_number(budget, f"{name}.budget", 0.0, file=SCENARIO_FILE),
        priority_rule=rule,
        blend=None
        if blend is None
        else check_number(blend, f"{name}.blend", 0.0, 1.0, file=SCENARIO_FILE),
        weights={str(k): float(v) for k, v in weights.items()},
        drop_rules=tuple(str(r) for r in drops),
        cluster_types={str(k): str(v) for k, v in types.items()},
        description=str(table.get("description", "")),
    )


def apply(case: Case, scenario: Scenario) -> Case:
    """The case with the scenario's budget, dropped rules and re-typed clusters applied.

    Weight overrides act on the appraisal instead (:func:`leaf_weights`). A re-typed cluster
    takes the fit and the eligibility of its new type: its candidates eligible under that
    type take part, the others wait (:mod:`optimize.case.eligibility`).

    Raises
    ------
    InputError
        When the re-typing leaves a ``must_fund`` project not eligible.
    """
    rules = case.rules.without(scenario.drop_rules)
    budget = case.budget if scenario.budget is None else scenario.budget
    clusters = case.clusters
    if scenario.cluster_types:
        clusters = clusters.copy()
        for cluster, kind in scenario.cluster_types.items():
            clusters.loc[cluster, "cluster_type"] = kind
    variant = dataclasses.replace(case, rules=rules, budget=budget, clusters=clusters)
    check_musts_in_force(variant, SCENARIO_FILE, f"{scenario.name}.cluster_types")
    return variant


def retype_scenarios(case: Case) -> list[Scenario]:
    """One scenario per cluster with an ``alt_type``: that cluster re-typed, the rest as given.

    Returns
    -------
    list of Scenario
        Named ``retype:<cluster>``, in the clusters table's order; empty when the clusters
        table has no ``alt_type`` column or no cluster gives one other than its type.
    """
    if "alt_type" not in case.clusters.columns:
        return []
    given = case.clusters[
        (case.clusters["alt_type"] != "")
        & (case.clusters["alt_type"] != case.clusters["cluster_type"])
    ]
    return [
        Scenario(
            name=f"retype:{cluster}",
            cluster_types={str(cluster): str(row["alt_type"])},
            description=f"{cluster} re-typed {row['cluster_type']} -> {row['alt_type']}",
        )
        for cluster, row in given.iterrows()
    ]
