"""What a case is and what makes it valid; knows no file format (stage 1)."""

from optimize.case.assemble import assemble
from optimize.case.case import (
    CLUSTER_TYPES,
    INSTRUMENTS,
    PRIORITY_RULES,
    BenefitCurve,
    Case,
    PriorityRule,
    check_priority_rule,
)
from optimize.case.raw import RawCase
from optimize.case.rules import (
    RULE_NAMES,
    AmountBounds,
    BasicConcentration,
    NoDuplication,
    Periods,
    ResearchThreshold,
    Rules,
    ShareBounds,
)
from optimize.case.scenario import SCENARIO_FILE, Scenario, apply, parse_scenario
from optimize.case.schema import DEFAULTS, SECTIONS
from optimize.case.settings import CASE_FILE
from optimize.case.shipped import DEFAULT_CASE, shipped_case, shipped_cases_folder
from optimize.case.synthetic import synthetic_case

__all__ = [
    "CASE_FILE",
    "CLUSTER_TYPES",
    "DEFAULTS",
    "DEFAULT_CASE",
    "INSTRUMENTS",
    "PRIORITY_RULES",
    "RULE_NAMES",
    "SCENARIO_FILE",
    "SECTIONS",
    "AmountBounds",
    "BasicConcentration",
    "BenefitCurve",
    "Case",
    "NoDuplication",
    "Periods",
    "PriorityRule",
    "RawCase",
    "ResearchThreshold",
    "Rules",
    "Scenario",
    "ShareBounds",
    "apply",
    "assemble",
    "check_priority_rule",
    "parse_scenario",
    "shipped_case",
    "shipped_cases_folder",
    "synthetic_case",
]
