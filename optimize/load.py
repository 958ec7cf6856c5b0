"""Load a case (a folder of ``case.toml`` + CSV tables, or a workbook) into a validated Case."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from mcda.decision import DecisionMatrix
from mcda.errors import MCDAError
from mcda.group import GROUP_METHODS, GroupMethod
from mcda.ranking import NORMALIZATIONS
from optimize.case import PRIORITY_RULES, BenefitCurve, Case, PriorityRule
from optimize.errors import InputError
from optimize.load_rules import parse_rules
from optimize.load_tables import (
    load_clusters,
    load_criteria,
    load_fit,
    load_judgments,
    load_projects,
    load_scores,
    load_sources,
)
from optimize.raw_case import RawCase
from optimize.schema import CASE_TABLES, REQUIRED_TABLES
from optimize.settings import CASE_FILE, number, section
from optimize.tables import read_table

#: Sections of ``case.toml`` besides ``[tables]``.
SECTIONS = {"case", "appraisal", "benefit", "budget", "rules", "periods"}


def load_case(path: str | Path) -> Case:
    """Read and validate a case from a folder or a workbook.

    Parameters
    ----------
    path : str or pathlib.Path
        A case folder holding ``case.toml``, the ``case.toml`` file itself, or an ``.xlsx``
        workbook (see :mod:`optimize.load_workbook`).

    Returns
    -------
    Case
        The validated case.

    Raises
    ------
    InputError
        On any bad input, naming the file (or sheet and cell), row and field.
    """
    location = Path(path)
    if location.suffix.lower() == ".xlsx":
        from optimize.load_workbook import load_workbook_case

        return load_workbook_case(location)
    raw = read_case_folder(location)
    folder = location.parent if location.suffix == ".toml" else location
    try:
        return assemble(raw, folder)
    except MCDAError as exc:
        raise InputError(CASE_FILE, str(exc)) from None


def read_case_folder(path: Path) -> RawCase:
    """Read ``case.toml`` and every CSV table it names as text, without validating values.

    Raises
    ------
    InputError
        If ``case.toml`` is missing or not TOML, names an unknown section or table, a path
        outside the folder, or a table file cannot be read.
    """
    folder = path.parent if path.suffix == ".toml" else path
    toml_path = path if path.suffix == ".toml" else path / CASE_FILE
    if not toml_path.is_file():
        raise InputError(str(toml_path), "case file not found (expected a folder with case.toml)")
    try:
        doc = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(CASE_FILE, f"not valid TOML: {exc}") from None
    check_sections(doc, {*SECTIONS, "tables"})
    paths = table_paths(folder, section(doc, "tables"))
    labels = {key: name_of(folder, table) for key, table in paths.items()}
    tables = {key: read_table(table, labels[key]) for key, table in paths.items()}
    settings = {key: value for key, value in doc.items() if key != "tables"}
    return RawCase(folder.name, settings, tables, labels)


def check_sections(doc: Mapping[str, Any], known: set[str]) -> None:
    """Refuse a section of the settings that no reader knows."""
    unknown = sorted(set(doc) - known)
    if unknown:
        raise InputError(
            CASE_FILE, f"unknown section (known: {', '.join(sorted(known))})", field=unknown[0]
        )


def assemble(raw: RawCase, origin: Path | None) -> Case:
    """Validate every table and setting of a raw case into a Case.

    Parameters
    ----------
    raw : RawCase
        Settings and text tables from a folder or a workbook.
    origin : pathlib.Path, optional
        Where the case was read from (recorded in the Case).

    Raises
    ------
    InputError
        Naming the table label (file or sheet), row and field, or the ``case.toml`` key.
    mcda.errors.MCDAError
        If the decision matrix cannot discriminate (a constant criterion).
    """
    doc, tables, labels = raw.settings, raw.tables, raw.labels
    check_sections(doc, SECTIONS)
    sources = load_sources(tables.get("sources"), labels.get("sources", "sources"))
    clusters = load_clusters(tables["clusters"], labels["clusters"])
    tree = load_criteria(tables["criteria"], labels["criteria"])
    judgments, _ = load_judgments(tables["judgments"], labels["judgments"], tree)
    values, origin_of = load_scores(
        tables["scores"], labels["scores"], clusters.index, tree.leaves, sources.index
    )
    fit = load_fit(tables["fit"], labels["fit"])
    projects = load_projects(tables["projects"], labels["projects"], clusters.index)
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
    rules = parse_rules(
        rules_doc, section(doc, "periods"), provenance, clusters, projects, tree.leaves
    )
    default_total = sum(rules.periods.budgets) if rules.periods is not None else None
    return Case(
        name=str(meta.get("name", raw.name)),
        title=str(meta.get("title", raw.name)),
        folder=origin,
        meta=dict(meta),
        clusters=clusters,
        criteria=tree,
        judgments=judgments,
        scores=DecisionMatrix.build(values, tree.directions, origin_of),
        fit=fit,
        projects=projects,
        benefit=BenefitCurve(
            top_up_segments=int(number(benefit, "benefit.top_up_segments", 1, default=3)),
            slope_decay=number(benefit, "benefit.slope_decay", 0.0, default=0.6, maximum=1.0),
        ),
        budget=number(budget, "budget.total", 0.0, default=default_total),
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


def table_paths(folder: Path, tables: Mapping[str, Any]) -> dict[str, Path]:
    """Resolve table file names inside the case folder, refusing paths that leave it."""
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise InputError(CASE_FILE, "table is not named", field=f"tables.{missing[0]}")
    root = folder.resolve()
    paths = {}
    for key, name in tables.items():
        if key not in CASE_TABLES:
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


def name_of(folder: Path, path: Path) -> str:
    """A table's path relative to the case folder, for messages."""
    return str(path.relative_to(folder.resolve()))
