"""Load a case folder (``case.toml`` + CSV tables) into a validated :class:`Case`."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from mcda.decision import DecisionMatrix
from mcda.errors import MCDAError
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
from optimize.schema import REQUIRED_TABLES, SETTINGS
from optimize.settings import CASE_FILE, number, section

SECTIONS = {setting.key.partition(".")[0] for setting in SETTINGS}


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
        budget=number(budget, "budget.total", 0.0, default=default_total),
        rules=rules,
        normalization=normalization,
        priority_rule=cast(PriorityRule, rule),
        blend=number(appraisal, "appraisal.blend", 0.0, default=0.5, maximum=1.0),
        provenance=provenance,
        sources=sources,
    )


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
