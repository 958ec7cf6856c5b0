"""What a planning run's reports say, in order, built once for Markdown and HTML alike.

The content is a list of sections, each a title, a note saying where its numbers come from,
and optionally a table and a chart. Optional views (method agreement, rank acceptability,
budget frontier, robustness) become sections only when a run provides them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from optimize.appraisal.appraise import Appraisal
from optimize.appraisal.robustness import Robustness
from optimize.case.case import INSTRUMENTS, Case
from optimize.model.allocation import Allocation
from optimize.report import charts as plots
from optimize.report.charts import chart_language
from optimize.report.labels import text
from optimize.report.summary import illustrative_notice
from optimize.report.tables import (
    binding_table,
    consistency_table,
    consistency_warnings,
    criteria_tree,
    groups_table,
    localised_clusters,
    localised_grid,
    localised_ranking,
    region_table,
    score_provenance,
    settings_provenance,
    sources_table,
)

#: Where each region sits on the map-like table (row, column): west to east, north to south.
REGION_GRID: dict[str, tuple[int, int]] = {
    "bohai_rim": (1, 3),
    "western": (2, 1),
    "central": (2, 2),
    "yangtze_delta": (2, 3),
    "pearl_delta": (3, 3),
}


@dataclass(frozen=True)
class Section:
    """One section of a report.

    Attributes
    ----------
    key : str
        Stable id (anchor in HTML, sheet name in the results workbook).
    title : str
        Heading in the report's language.
    note : str
        What the numbers are and where they come from.
    table : pandas.DataFrame, optional
        The section's table.
    chart : str, optional
        Name of the section's chart in :attr:`ReportContent.charts`.
    kind : str
        ``"table"``, ``"tree"`` (indented by a ``level`` column) or ``"map"`` (regions
        placed by :data:`REGION_GRID`).
    digits : int
        Decimals shown for floats.
    """

    key: str
    title: str
    note: str
    table: pd.DataFrame | None = None
    chart: str | None = None
    kind: str = "table"
    digits: int = 3


@dataclass(frozen=True)
class ReportContent:
    """Everything a report shows, in order.

    Attributes
    ----------
    title : str
        Report title.
    notice : str
        The provenance notice that goes first (illustrative data or all sourced).
    illustrative : bool
        Whether any input is illustrative.
    facts : tuple of str
        One-line facts about the run (budget, priority rule, solver status).
    sections : tuple of Section
        The sections in order.
    charts : mapping of str to bytes
        PNG content per chart name.
    lang : str
        ``"en"`` or ``"zh"``.
    """

    title: str
    notice: str
    illustrative: bool
    facts: tuple[str, ...]
    sections: tuple[Section, ...]
    charts: Mapping[str, bytes] = field(default_factory=dict)
    lang: str = "en"


def report_content(
    case: Case,
    appraisal: Appraisal,
    allocation: Allocation,
    marginals: pd.DataFrame | None = None,
    robustness: Robustness | None = None,
    lang: str = "en",
) -> ReportContent:
    """Build the sections and charts of a run's report.

    Parameters
    ----------
    case, appraisal, allocation
        The run.
    marginals : pandas.DataFrame, optional
        Marginal values from :func:`optimize.model.marginal.marginal_values`, when computed.
    robustness : Robustness, optional
        Method agreement and rank acceptability; each present one adds a section.
    lang : {"en", "zh"}
        Language of headings and names.
    """
    unit = text("amount_unit", lang)
    chart_lang = chart_language(lang)
    tree = criteria_tree(case, appraisal, lang)
    grid = localised_grid(allocation, lang)
    regions = region_table(case, allocation, lang)
    judged = "illustrative" if case.illustrative else "sourced"
    sections = [
        Section(
            "criteria",
            text("criteria", lang),
            f"Local weights are the principal eigenvectors of the pairwise judgments "
            f"({judged} judgments, provenance per judgment in the judgments table); global "
            "weight = product of local weights down the tree; CR is the consistency ratio of "
            "the matrix below each node (Saaty's random index; revise when CR >= 0.1).",
            tree,
            chart="weights",
            kind="tree",
        ),
        Section(
            "consistency",
            "Consistency of each judgment matrix",
            "Thresholds follow Saaty's rule: CR <= 0.05 for 3 items, 0.08 for 4, 0.10 beyond; "
            "the random-index table is named per matrix.",
            consistency_table(appraisal),
        ),
        *panel_sections(appraisal),
        Section(
            "ranking",
            text("ranking", lang),
            f"TOPSIS closeness with {case.normalization} normalisation on the scores "
            f"({case.scores.illustrative_share:.0%} of them illustrative; see the appendix) "
            f"and the global weights above; priority = the {appraisal.priority_rule} rule "
            "applied to closeness.",
            localised_ranking(case, appraisal, lang),
        ),
        *robustness_sections(robustness, lang),
        Section(
            "allocation_type",
            f"{text('allocation_type', lang)} ({unit})",
            f"Solved by HiGHS, status {allocation.status}, MIP gap {allocation.mip_gap:.1e}. "
            f"Budget {allocation.budget:g}: {case.provenance.get('budget') or 'not stated'}.",
            grid,
            chart="allocation_type",
            digits=2,
        ),
        Section(
            "allocation_region",
            f"{text('allocation_region', lang)} ({unit})",
            "Region of each cluster from the clusters table; amounts from the allocation above.",
            regions,
            chart="allocation_region",
            kind="map",
            digits=2,
        ),
        Section(
            "allocation_cluster",
            f"{text('allocation_cluster', lang)} ({unit})",
            "Funded clusters only; benefit in the model's benefit units.",
            localised_clusters(case, allocation, lang),
            digits=2,
        ),
        Section(
            "binding",
            text("binding", lang),
            "Rules whose bound is met exactly at the optimum; each rule's provenance is in "
            "the appendix.",
            binding_table(allocation),
        ),
    ]
    if marginals is not None:
        sections.append(
            Section(
                "marginal",
                text("marginal", lang),
                "Benefit gained per unit of relaxation: LP duals with the build decisions "
                "fixed, a finite-difference check, and the MILP re-solved with one more unit.",
                marginals.set_index("rule"),
                digits=4,
            )
        )
    sections += provenance_sections(case, lang)
    charts = {
        "weights": plots.horizontal_bars(
            leaf_weights(criteria_tree(case, appraisal, chart_lang), case),
            text("weights_chart", chart_lang),
            "[-]",
            chart_lang,
        ),
        "allocation_type": plots.stacked_bars(
            localised_grid(allocation, chart_lang).iloc[:-1, : len(INSTRUMENTS)],
            text("allocation_type", chart_lang),
            text("amount_unit", chart_lang),
            chart_lang,
        ),
        "allocation_region": plots.horizontal_bars(
            region_table(case, allocation, chart_lang).set_index("name")["amount"],
            text("allocation_region", chart_lang),
            text("amount_unit", chart_lang),
            chart_lang,
        ),
        **robustness_charts(robustness, chart_lang),
    }
    return ReportContent(
        title=f"{case.title}: {text('report', lang)}",
        notice=illustrative_notice(case),
        illustrative=case.illustrative,
        facts=run_facts(case, appraisal, allocation),
        sections=tuple(sections),
        charts=charts,
        lang=lang,
    )


def leaf_weights(tree: pd.DataFrame, case: Case) -> pd.Series:
    """Global weight of each leaf, labelled ``id name``."""
    leaves = tree.loc[case.criteria.leaves]
    return pd.Series(
        leaves["global_weight"].to_numpy(),
        index=[f"{i} {n}" for i, n in zip(leaves.index, leaves["name"], strict=True)],
    )


def panel_sections(appraisal: Appraisal) -> list[Section]:
    """Consensus of expert panels, for nodes judged by several experts."""
    if not appraisal.groups:
        return []
    return [
        Section(
            "panels",
            "Expert panels",
            "Consensus is Goepel's relative homogeneity (1 = identical priorities); "
            "compatibility is Saaty's index of each expert's matrix with the group weights "
            "(1 = perfect, above 1.1 = incompatible).",
            groups_table(appraisal),
        )
    ]


def run_facts(case: Case, appraisal: Appraisal, allocation: Allocation) -> tuple[str, ...]:
    """One-line facts of the run, each with its provenance."""
    rule = appraisal.priority_rule
    blend = f" (merit weight {appraisal.blend:g})" if rule == "blend" else ""
    return (
        f"Case {case.name}. Money in 亿元 (1e8 CNY).",
        f"Budget {allocation.budget:g} "
        f"({case.provenance.get('budget') or 'provenance not stated'}).",
        f"Cluster priority rule: {rule}{blend}; TOPSIS with {case.normalization} normalisation.",
        f"Allocation status {allocation.status}; benefit {allocation.objective:.4f}; spent "
        f"{allocation.spent:.2f} of {allocation.budget:g}; solved in "
        f"{allocation.solve_seconds:.2f} s.",
        *(f"WARNING: {line}" for line in consistency_warnings(appraisal)),
    )


def acceptability_of(robustness: Robustness | None) -> pd.DataFrame | None:
    """Share of draws putting each cluster (rows) at each rank (columns), when sampled [-]."""
    if robustness is None or robustness.acceptability is None:
        return None
    return robustness.acceptability.acceptability


def robustness_sections(robustness: Robustness | None, lang: str) -> list[Section]:
    """Sections for the ranking-robustness views that the run computed."""
    sections = []
    if robustness is not None and robustness.agreement is not None:
        sections.append(
            Section(
                "agreement",
                text("agreement", lang),
                "Rank correlation between the rankings of different methods on the same "
                "scores and weights: Spearman, and the WS coefficient of Salabun & Urbaniak "
                "(2020), which weighs disagreement at the top more.",
                robustness.agreement,
            )
        )
    acceptability = acceptability_of(robustness)
    if acceptability is not None:
        sections.append(
            Section(
                "acceptability",
                text("acceptability", lang),
                "Share of Monte Carlo weight draws (Dirichlet around the AHP weights; the "
                "seed, sample count and concentration are in summary.json under robustness) "
                "that put each cluster at each rank.",
                acceptability,
                chart="acceptability",
                digits=2,
            )
        )
    return sections


def robustness_charts(robustness: Robustness | None, lang: str) -> dict[str, bytes]:
    """The rank-acceptability heatmap, when the run sampled it."""
    acceptability = acceptability_of(robustness)
    if acceptability is None:
        return {}
    return {"acceptability": plots.heatmap(acceptability, text("acceptability", lang), lang)}


def provenance_sections(case: Case, lang: str) -> list[Section]:
    """The appendix: provenance of settings and scores, and the cited facts."""
    sections = [
        Section(
            "settings_provenance",
            f"{text('provenance', lang)}: {text('settings_provenance', lang)}",
            "As stated in the case's settings.",
            settings_provenance(case),
        ),
        Section(
            "score_provenance",
            text("score_provenance", lang),
            "paper = a number printed in the paper; facts = a cited public fact (see below); "
            "illustrative = set by a documented rule, not measured.",
            score_provenance(case),
        ),
    ]
    if not case.sources.empty:
        sections.append(
            Section(
                "sources",
                text("sources", lang),
                "The facts the case cites, as given in its sources table.",
                sources_table(case),
            )
        )
    return sections


def map_cells(section: Section) -> list[tuple[int, int, str, list[str]]]:
    """Placement of each region of a ``map`` section: (row, column, region, lines).

    Regions without a place on :data:`REGION_GRID` go in a row below the map, in order.
    """
    assert section.table is not None
    spare = max(row for row, _ in REGION_GRID.values()) + 1
    cells = []
    extra = 0
    for region, record in section.table.iterrows():
        place = REGION_GRID.get(str(region))
        if place is None:
            extra += 1
            place = (spare, extra)
        lines = [
            f"{record['amount']:.2f}",
            f"{record['share']:.1%}" if pd.notna(record["share"]) else "",
            f"{int(record['funded_projects'])} / {int(record['clusters'])}",
        ]
        cells.append((place[0], place[1], str(record["name"]), lines))
    return cells
