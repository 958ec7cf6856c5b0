"""Validate a raw case (settings and text tables, from either form) into a Case."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from mcda import NORMALIZATIONS
from mcda.ahp import GROUP_METHODS, GroupMethod
from optimize.case.case import (
    BENEFIT_OBJECTIVES,
    BenefitCurve,
    BenefitObjective,
    Case,
    check_priority_rule,
)
from optimize.case.eligibility import check_musts_in_force
from optimize.case.limits import check_limit, check_table_sizes
from optimize.case.names import clean_tables
from optimize.case.parse_rules import _parse_rules
from optimize.case.raw import RawCase
from optimize.case.schema import DEFAULTS, SECTIONS, TABLES_SECTION
from optimize.case.score_cells import (
    check_ratings_used,
    load_rated,
    load_score_cells,
    point_scores,
)
from optimize.case.setting_keys import check_keys
from optimize.case.settings import CASE_FILE, number, section
from optimize.case.stock import _check_project_links, _load_stock
from optimize.case.tables import (
    _load_clusters,
    _load_criteria,
    _load_fit,
    _load_judgments,
    _load_named,
    _load_projects,
    _load_sources,
)
from optimize.case.uncertainty import parse_uncertainty
from optimize.errors import InputError, Message, msg


def check_sections(doc: Mapping[str, Any], known: set[str]) -> None:
    """Refuse a section of the settings that no reader knows."""
    unknown = sorted(set(doc) - known)
    if unknown:
        raise InputError(
            CASE_FILE,
            msg("errors.setting.unknown_section", known=", ".join(sorted(known))),
            field=unknown[0],
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
    check_sections(doc, set(SECTIONS) - {TABLES_SECTION})
    check_keys(doc)
    check_table_sizes(tables, labels)
    tables = clean_tables(tables, labels)
    sources = _load_sources(tables.get("sources"), labels.get("sources", "sources"))
    types = _load_named(tables.get("types"), labels.get("types", "types"), "types")
    instruments = _load_named(
        tables.get("instruments"), labels.get("instruments", "instruments"), "instruments"
    )
    fit, eligible = _load_fit(
        tables["fit"], labels["fit"], list(types.index), list(instruments.index)
    )
    groups = ([str(t) for t in fit.index], [str(i) for i in fit.columns])
    clusters = _load_clusters(tables["clusters"], labels["clusters"], groups[0])
    tree = _load_criteria(tables["criteria"], labels["criteria"])
    judgments, _ = _load_judgments(tables["judgments"], labels["judgments"], tree)
    uncertainty = parse_uncertainty(doc, tree.leaves)
    rated, ratings = load_rated(tables, labels, clusters.index, tree.leaves, uncertainty)
    values = load_score_cells(
        tables["scores"],
        labels["scores"],
        clusters.index,
        tree.leaves,
        tree.directions,
        sources.index,
        rated,
        uncertainty,
    )
    check_ratings_used(values, rated, ratings, labels.get("ratings", "ratings"))
    scores = point_scores(values, uncertainty)
    projects = _load_projects(tables["projects"], labels["projects"], clusters, eligible)
    stock = _load_stock(
        tables.get("stock"),
        labels.get("stock", "stock"),
        clusters,
        sources.index,
        {*clusters["tech_domain"], *projects["domain"]} - {""},
    )
    _check_project_links(tables["projects"], labels["projects"], clusters, stock)
    meta = section(doc, "case")
    appraisal = section(doc, "appraisal")
    benefit = section(doc, "benefit")
    budget = section(doc, "budget")
    rules_doc = section(doc, "rules")
    group = str(appraisal.get("group", "aij"))
    if group not in GROUP_METHODS:
        raise InputError(
            CASE_FILE,
            msg("errors.setting.unknown_group", group=group),
            field="appraisal.group",
        )
    experts = {e for by_expert in judgments.values() for e in by_expert}
    normalization = str(appraisal.get("normalization", DEFAULTS["appraisal.normalization"]))
    if normalization not in NORMALIZATIONS:
        raise InputError(
            CASE_FILE,
            msg("errors.setting.unknown_normalization", normalization=normalization),
            field="appraisal.normalization",
        )
    rule = check_priority_rule(
        appraisal.get("priority_rule", DEFAULTS["appraisal.priority_rule"]),
        CASE_FILE,
        "appraisal.priority_rule",
    )
    provenance = {
        "budget": str(budget.get("provenance", "")),
        "benefit": str(benefit.get("provenance", "")),
    }
    rules = _parse_rules(
        rules_doc,
        section(doc, "periods"),
        provenance,
        clusters,
        projects,
        tree.leaves,
        groups,
        stock,
    )
    research = rules.frontier_platform_research
    if research is not None and research.criterion not in scores.values.columns:
        raise InputError(
            CASE_FILE,
            msg("errors.setting.research_criterion_dropped", criterion=research.criterion),
            field="rules.frontier_platform_research.criterion",
        )
    default_total = sum(rules.periods.budgets) if rules.periods is not None else None
    case = Case(
        name=str(meta.get("name", raw.name)),
        title=str(meta.get("title", raw.name)),
        folder=origin,
        meta=dict(meta),
        clusters=clusters,
        criteria=tree,
        judgments=judgments,
        scores=scores,
        values=values,
        fit=fit,
        projects=projects,
        benefit=benefit_curve(benefit),
        budget=number(budget, "budget.total", 0.0, default=default_total),
        rules=rules,
        normalization=normalization,
        priority_rule=rule,
        blend=number(appraisal, "appraisal.blend", 0.0, maximum=1.0),
        provenance=provenance,
        sources=sources,
        group=cast(GroupMethod, group),
        expert_weights=_expert_weights(section(appraisal, "expert_weights"), experts),
        uncertainty=uncertainty,
        instruments=instruments,
        types=types,
        eligible=eligible,
        stock=stock,
    )
    check_musts_in_force(case, CASE_FILE, "rules.must_fund")
    return case


def _expert_weights(table: Mapping[str, Any], experts: set[str]) -> dict[str, float]:
    """``[appraisal.expert_weights]``: a non-negative weight for every expert, or nothing."""
    if not table:
        return {}
    key = "appraisal.expert_weights"
    weights = {name: number(table, f"{key}.{name}", 0.0) for name in table}
    unknown = sorted(set(weights) - experts)
    if unknown:
        raise InputError(
            CASE_FILE, msg("errors.setting.no_such_expert"), field=f"{key}.{unknown[0]}"
        )
    missing = sorted(experts - set(weights))
    if missing:
        raise InputError(
            CASE_FILE, msg("errors.setting.expert_weight", expert=missing[0]), field=key
        )
    return weights


def benefit_curve(benefit: Mapping[str, Any]) -> BenefitCurve:
    """The ``[benefit]`` section: which objective, and the shape of its returns."""
    objective = benefit.get("objective", DEFAULTS["benefit.objective"])
    if objective not in BENEFIT_OBJECTIVES:
        raise InputError(
            CASE_FILE,
            msg(
                "errors.setting.unknown_objective",
                objective=objective,
                some=", ".join(BENEFIT_OBJECTIVES[:-1]),
                last=BENEFIT_OBJECTIVES[-1],
            ),
            field="benefit.objective",
        )
    block = number(benefit, "benefit.cluster_block", 0.0)
    if block <= 0.0:
        raise InputError(
            CASE_FILE, msg("errors.setting.not_above_zero"), field="benefit.cluster_block"
        )
    return BenefitCurve(
        top_up_segments=whole_count(
            benefit, "benefit.top_up_segments", msg("errors.noun.segments")
        ),
        slope_decay=number(benefit, "benefit.slope_decay", 0.0, maximum=1.0),
        objective=cast(BenefitObjective, objective),
        cluster_block=block,
        cluster_decay=number(benefit, "benefit.cluster_decay", 0.0, maximum=1.0),
        cluster_blocks=whole_count(benefit, "benefit.cluster_blocks", msg("errors.noun.blocks")),
    )


def whole_count(benefit: Mapping[str, Any], key: str, what: Message) -> int:
    """A count of segments or blocks: a whole number >= 1 within the ``segments`` limit."""
    count = int(number(benefit, key, 1, whole=True))
    check_limit("segments", count, what, CASE_FILE, field=key)
    return count
