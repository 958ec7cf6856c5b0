"""Load a case folder (``case.toml`` + CSV tables) into a validated :class:`Case`."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from mcda.decision import DecisionMatrix
from mcda.errors import MCDAError
from mcda.group import GROUP_METHODS, GroupMethod
from mcda.ranking import NORMALIZATIONS
from optimize.case import (
    CLUSTER_TYPES,
    INSTRUMENTS,
    PRIORITY_RULES,
    BenefitCurve,
    Case,
    NoDuplication,
    PriorityRule,
    Rules,
    ShareBounds,
)
from optimize.errors import InputError
from optimize.load_tables import (
    load_clusters,
    load_criteria,
    load_fit,
    load_judgments,
    load_projects,
    load_scores,
    load_sources,
)

CASE_FILE = "case.toml"
SECTIONS = {"case", "tables", "appraisal", "benefit", "budget", "rules"}
REQUIRED_TABLES = ["clusters", "criteria", "judgments", "scores", "fit", "projects"]
RULES = {"type_share", "no_duplicated_construction"}


def load_case(path: str | Path) -> Case:
    """Read and validate a case.

    Parameters
    ----------
    path : str or pathlib.Path
        A case folder holding ``case.toml``, or the ``case.toml`` file itself.

    Returns
    -------
    Case
        The validated case.

    Raises
    ------
    InputError
        On any bad input, naming the file, row and field.
    """
    location = Path(path)
    folder = location.parent if location.suffix == ".toml" else location
    toml_path = location if location.suffix == ".toml" else location / CASE_FILE
    if not toml_path.is_file():
        raise InputError(str(toml_path), "case file not found (expected a folder with case.toml)")
    try:
        doc = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(CASE_FILE, f"not valid TOML: {exc}") from None
    unknown = sorted(set(doc) - SECTIONS)
    if unknown:
        raise InputError(
            CASE_FILE, f"unknown section (known: {', '.join(sorted(SECTIONS))})", field=unknown[0]
        )
    tables = table_paths(folder, section(doc, "tables"))
    try:
        return assemble(folder, doc, tables)
    except MCDAError as exc:
        raise InputError(CASE_FILE, str(exc)) from None


def assemble(folder: Path, doc: Mapping[str, Any], tables: Mapping[str, Path]) -> Case:
    """Read every table and setting of a parsed ``case.toml`` into a Case."""
    sources = load_sources(tables.get("sources"), name_of(folder, tables.get("sources")))
    clusters = load_clusters(tables["clusters"], name_of(folder, tables["clusters"]))
    tree = load_criteria(tables["criteria"], name_of(folder, tables["criteria"]))
    judgments, _ = load_judgments(tables["judgments"], name_of(folder, tables["judgments"]), tree)
    values, origin = load_scores(
        tables["scores"],
        name_of(folder, tables["scores"]),
        clusters.index,
        tree.leaves,
        sources.index,
    )
    fit = load_fit(tables["fit"], name_of(folder, tables["fit"]))
    projects = load_projects(
        tables["projects"], name_of(folder, tables["projects"]), clusters.index
    )
    meta = section(doc, "case")
    appraisal = section(doc, "appraisal")
    benefit = section(doc, "benefit")
    budget = section(doc, "budget")
    rules_doc = section(doc, "rules")
    group = str(appraisal.get("group", "aij"))
    if group not in GROUP_METHODS:
        raise InputError(
            CASE_FILE,
            f"unknown group aggregation {group!r} (use aij or aip)",
            field="appraisal.group",
        )
    experts = {e for by_expert in judgments.values() for e in by_expert}
    normalization = str(appraisal.get("normalization", "vector"))
    if normalization not in NORMALIZATIONS:
        raise InputError(
            CASE_FILE, f"unknown normalization {normalization!r}", field="appraisal.normalization"
        )
    rule = str(appraisal.get("priority_rule", "merit"))
    if rule not in PRIORITY_RULES:
        raise InputError(
            CASE_FILE,
            f"unknown priority rule {rule!r} (use merit, need or blend)",
            field="appraisal.priority_rule",
        )
    provenance = {
        "budget": str(budget.get("provenance", "")),
        "benefit": str(benefit.get("provenance", "")),
    }
    rules = parse_rules(rules_doc, provenance)
    return Case(
        name=str(meta.get("name", folder.name)),
        title=str(meta.get("title", folder.name)),
        folder=folder,
        meta=dict(meta),
        clusters=clusters,
        criteria=tree,
        judgments=judgments,
        scores=DecisionMatrix.build(values, tree.directions, origin),
        fit=fit,
        projects=projects,
        benefit=BenefitCurve(
            top_up_segments=int(number(benefit, "benefit.top_up_segments", 1, default=3)),
            slope_decay=number(benefit, "benefit.slope_decay", 0.0, default=0.6, maximum=1.0),
        ),
        budget=number(budget, "budget.total", 0.0),
        rules=rules,
        normalization=normalization,
        priority_rule=cast(PriorityRule, rule),
        blend=number(appraisal, "appraisal.blend", 0.0, default=0.5, maximum=1.0),
        provenance=provenance,
        sources=sources,
        group=cast(GroupMethod, group),
        expert_weights=expert_weights(section(appraisal, "expert_weights"), experts),
    )


def expert_weights(table: Mapping[str, Any], experts: set[str]) -> dict[str, float]:
    """``[appraisal.expert_weights]``: a non-negative weight for every expert, or nothing."""
    if not table:
        return {}
    key = "appraisal.expert_weights"
    weights = {name: number(table, f"{key}.{name}", 0.0) for name in table}
    unknown = sorted(set(weights) - experts)
    if unknown:
        raise InputError(CASE_FILE, "names no expert of the judgments", field=f"{key}.{unknown[0]}")
    missing = sorted(experts - set(weights))
    if missing:
        raise InputError(CASE_FILE, f"expert {missing[0]!r} has no weight", field=key)
    return weights


def section(doc: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """A TOML table of the case file, empty when absent."""
    value = doc.get(key, {})
    if not isinstance(value, dict):
        raise InputError(CASE_FILE, "must be a table", field=key)
    return value


def number(
    table: Mapping[str, Any],
    key: str,
    minimum: float,
    default: float | None = None,
    maximum: float | None = None,
) -> float:
    """A numeric setting ``section.name`` checked against its range."""
    name = key.rpartition(".")[2]
    value = table.get(name, default)
    if value is None:
        raise InputError(CASE_FILE, "setting is missing", field=key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(CASE_FILE, f"{value!r} is not a number", field=key)
    if value < minimum or (maximum is not None and value > maximum):
        upper = f" and <= {maximum:g}" if maximum is not None else ""
        raise InputError(CASE_FILE, f"{value!r} must be >= {minimum:g}{upper}", field=key)
    return float(value)


def table_paths(folder: Path, tables: Mapping[str, Any]) -> dict[str, Path]:
    """Resolve table file names inside the case folder, refusing paths that leave it."""
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise InputError(CASE_FILE, "table is not named", field=f"tables.{missing[0]}")
    root = folder.resolve()
    paths = {}
    for key, name in tables.items():
        if key not in {*REQUIRED_TABLES, "sources"}:
            raise InputError(CASE_FILE, "unknown table", field=f"tables.{key}")
        if not isinstance(name, str) or not name:
            raise InputError(CASE_FILE, "must be a file name", field=f"tables.{key}")
        resolved = (folder / name).resolve()
        if not resolved.is_relative_to(root):
            raise InputError(
                CASE_FILE, f"path {name!r} leaves the case folder", field=f"tables.{key}"
            )
        paths[key] = resolved
    return paths


def name_of(folder: Path, path: Path | None) -> str:
    """A table's path relative to the case folder, for messages."""
    if path is None:
        return "sources"
    return str(path.relative_to(folder.resolve()))


def parse_rules(doc: Mapping[str, Any], provenance: dict[str, str]) -> Rules:
    """Policy rules from the ``[rules]`` table; records each rule's provenance."""
    unknown = sorted(set(doc) - RULES)
    if unknown:
        raise InputError(
            CASE_FILE,
            f"unknown rule (known: {', '.join(sorted(RULES))})",
            field=f"rules.{unknown[0]}",
        )
    shares = {}
    share_doc = section(doc, "type_share")
    for kind, bounds in share_doc.items():
        if kind == "provenance":
            provenance["type_share"] = str(bounds)
            continue
        key = f"rules.type_share.{kind}"
        if kind not in CLUSTER_TYPES:
            raise InputError(CASE_FILE, "unknown cluster type", field=key)
        if not isinstance(bounds, dict):
            raise InputError(CASE_FILE, "must be a table {min = .., max = ..}", field=key)
        low = number(bounds, f"{key}.min", 0.0, default=0.0, maximum=1.0)
        high = number(bounds, f"{key}.max", 0.0, default=1.0, maximum=1.0)
        if low > high:
            raise InputError(CASE_FILE, "min exceeds max", field=key)
        shares[kind] = ShareBounds(low, high)
    no_dup = None
    if "no_duplicated_construction" in doc:
        rule = section(doc, "no_duplicated_construction")
        key = "rules.no_duplicated_construction"
        instruments = rule.get("instruments", ["platform"])
        if not isinstance(instruments, list) or not set(instruments) <= set(INSTRUMENTS):
            raise InputError(
                CASE_FILE,
                f"instruments must be a list from {INSTRUMENTS}",
                field=f"{key}.instruments",
            )
        limit = number(rule, f"{key}.max_per_domain", 0.0, default=1.0)
        no_dup = NoDuplication(tuple(instruments), int(limit))
        provenance["no_duplicated_construction"] = str(rule.get("provenance", ""))
    return Rules(type_share=shares, no_duplicated_construction=no_dup)
