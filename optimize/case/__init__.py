"""What a case is and what makes it valid; knows no file format (stage 1)."""

from optimize.case.assemble import assemble, check_sections
from optimize.case.case import (
    BENEFIT_OBJECTIVES,
    CLUSTER_TYPES,
    INSTRUMENTS,
    PRIORITY_RULES,
    BenefitCurve,
    Case,
    PriorityRule,
    check_priority_rule,
)
from optimize.case.limits import LIMITS, check_limit, env_name, limit
from optimize.case.names import clean_id, clean_name
from optimize.case.parse_rules import TOML_RULES
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
from optimize.case.scenario import (
    SCENARIO_FILE,
    Scenario,
    apply,
    parse_scenario,
    retype_scenarios,
)
from optimize.case.schema import (
    CASE_TABLES,
    DEFAULTS,
    NUMERIC_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    REQUIRED_TABLES,
    RULES_SECTION,
    SECTIONS,
    SETTINGS,
    TABLE_PURPOSE,
    TABLES,
    TABLES_SECTION,
    Column,
    Setting,
    filled_columns,
    required_columns,
)
from optimize.case.setting_keys import depth
from optimize.case.settings import CASE_FILE, section
from optimize.case.shipped import DEFAULT_CASE, shipped_case, shipped_cases_folder
from optimize.case.synthetic import synthetic_case
from optimize.case.text_table import FIRST_DATA_ROW, table_from_rows, with_columns
from optimize.case.values import (
    MAX_MAGNITUDE,
    MIN_MAGNITUDE,
    ValueRangeError,
    checked_number,
    number_from_text,
)

__all__ = [
    "BENEFIT_OBJECTIVES",
    "CASE_FILE",
    "CASE_TABLES",
    "CLUSTER_TYPES",
    "DEFAULTS",
    "DEFAULT_CASE",
    "FIRST_DATA_ROW",
    "INSTRUMENTS",
    "LIMITS",
    "MAX_MAGNITUDE",
    "MIN_MAGNITUDE",
    "NUMERIC_COLUMNS",
    "OPTIONAL_COLUMNS",
    "PRIORITY_RULES",
    "REQUIRED_COLUMNS",
    "REQUIRED_TABLES",
    "RULES_SECTION",
    "RULE_NAMES",
    "SCENARIO_FILE",
    "SECTIONS",
    "SETTINGS",
    "TABLES",
    "TABLES_SECTION",
    "TABLE_PURPOSE",
    "TOML_RULES",
    "AmountBounds",
    "BasicConcentration",
    "BenefitCurve",
    "Case",
    "Column",
    "NoDuplication",
    "Periods",
    "PriorityRule",
    "RawCase",
    "ResearchThreshold",
    "Rules",
    "Scenario",
    "Setting",
    "ShareBounds",
    "ValueRangeError",
    "apply",
    "assemble",
    "check_limit",
    "check_priority_rule",
    "check_sections",
    "checked_number",
    "clean_id",
    "clean_name",
    "depth",
    "env_name",
    "filled_columns",
    "limit",
    "number_from_text",
    "parse_scenario",
    "required_columns",
    "retype_scenarios",
    "section",
    "shipped_case",
    "shipped_cases_folder",
    "synthetic_case",
    "table_from_rows",
    "with_columns",
]
