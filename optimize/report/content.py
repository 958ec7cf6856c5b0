"""What a planning run's reports say, in order, built once for Markdown and HTML alike.

The content is a list of sections, each a title, a note saying where its numbers come from,
and optionally a table and a chart. Optional views (method agreement, rank acceptability,
budget frontier, robustness) become sections only when a run provides them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from mcda.ahp import COMPATIBILITY_THRESHOLD, saaty_threshold
from optimize.appraisal.appraise import Appraisal
from optimize.appraisal.robustness import Robustness
from optimize.appraisal.uncertainty import Uncertainty
from optimize.case.case import Case
from optimize.case.stock import stock_links
from optimize.messages import say
from optimize.model.allocation import Allocation
from optimize.report import charts as plots
from optimize.report.charts import chart_language
from optimize.report.labels import Lang, _text
from optimize.report.registry import REGISTRY, Kind, Results, _decimals
from optimize.report.summary import illustrative_notice, tier_rule
from optimize.report.tables import (
    _criteria_tree,
    _groups_table,
    _localised_clusters,
    _localised_grid,
    _localised_intervals,
    _localised_ranking,
    _localised_statuses,
    _region_table,
    _score_provenance,
    _settings_provenance,
    _sources_table,
    consistency_warnings,
    tier_table,
)
from optimize.sweeps.engine import SweepResult
from optimize.sweeps.questions import PlannerAnswers


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
        placed by :data:`optimize.report.html.REGION_GRID`).
    digits : int
        Decimals shown for floats of columns not in `kinds`.
    kinds : mapping of str to Kind
        Kind of numeric columns shown as their result table shows them (see
        :mod:`optimize.report.registry`).
    """

    key: str
    title: str
    note: str
    table: pd.DataFrame | None = None
    chart: str | None = None
    kind: str = "table"
    digits: int = 3
    kinds: Mapping[str, Kind] = field(default_factory=dict)

    def column_digits(self, column: str) -> int:
        """Decimals shown for floats in `column`."""
        kind = self.kinds.get(column)
        return self.digits if kind is None else _decimals(kind)


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
    lang : {"en", "zh"}
        Language of headings and names.
    """

    title: str
    notice: str
    illustrative: bool
    facts: tuple[str, ...]
    sections: tuple[Section, ...]
    charts: Mapping[str, bytes] = field(default_factory=dict)
    lang: Lang = "en"


def _saaty_rule() -> str:
    """Saaty's CR thresholds as the library applies them, in words."""
    return (
        f"CR <= {saaty_threshold(3):.2f} for 3 items, {saaty_threshold(4):.2f} for 4, "
        f"{saaty_threshold(5):.2f} for 5 or more"
    )


def _compatibility_rule() -> str:
    """Saaty's compatibility index scale as the library applies it, in words."""
    return f"1 = perfect, above {COMPATIBILITY_THRESHOLD:g} = incompatible"


def report_content(
    case: Case,
    appraisal: Appraisal,
    allocation: Allocation,
    marginals: pd.DataFrame | None = None,
    robustness: Robustness | None = None,
    lang: Lang = "en",
    *,
    uncertainty: Uncertainty | None = None,
    funding_robustness: SweepResult | None = None,
    questions: PlannerAnswers | None = None,
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
    uncertainty : Uncertainty, optional
        Cell statuses, SMAA-2 indices and tiers: the report then leads with them.
    funding_robustness : optimize.sweeps.SweepResult, optional
        Joint robustness of the funding: adds the core-index section.
    questions : optimize.sweeps.PlannerAnswers, optional
        The planner's questions answered: adds their three sections.
    """
    results = Results(
        case,
        appraisal,
        allocation,
        marginals,
        robustness,
        uncertainty,
        funding_robustness,
        questions,
    )
    sections = [section for build in _SECTIONS for section in build(results, lang)]
    return ReportContent(
        title=f"{case.title}: {_text('report', lang)}",
        notice=illustrative_notice(case),
        illustrative=case.illustrative,
        facts=_run_facts(case, appraisal, allocation),
        sections=tuple(sections),
        charts=_charts(results, chart_language(lang)),
        lang=lang,
    )


def _registered(
    name: str,
    results: Results,
    key: str,
    title: str,
    note: str,
    view: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
    digits: int | None = None,
    chart: str | None = None,
) -> list[Section]:
    """A section showing result table `name` (none when the results lack it).

    Its numbers are shown as the table's registry entry says, except `digits` (decimals of
    the columns of the entry's default kind) when given.
    """
    entry = REGISTRY[name]
    table = entry.build(results)
    if table is None:
        return []
    return [
        Section(
            key,
            title,
            note,
            table if view is None else view(table),
            chart=chart,
            digits=_decimals(entry.default) if digits is None else digits,
            kinds=entry.kinds,
        )
    ]


def _certainty_sections(results: Results, lang: Lang) -> list[Section]:
    """What the scores are made of, the tiers the data cannot separate, pairwise winning.

    These lead the report: every ranking below is read in their light.
    """
    uncertainty = results.uncertainty
    if uncertainty is None:
        return []
    settings = uncertainty.settings
    dropped = (
        f"; criteria dropped for their unknown cells: {', '.join(uncertainty.dropped)}"
        if uncertainty.dropped
        else ""
    )
    sampling = (
        f"SMAA-2 (Lahdelma & Salminen 2001) over {settings.samples} joint samples of the "
        f"scores and the leaf weights (seed {settings.seed}); weights: {settings.describe()}; "
        f"unknown cells: {settings.unknown or 'none allowed'}{dropped}; TOPSIS with "
        f"{results.case.normalization} normalisation scores each sample."
    )
    total = int(uncertainty.statuses["cells"].sum())
    status_note = (
        f"Status of each of the {total} cells of the decision matrix (point, interval, "
        "list-derived interval, triangular, expert rating, unknown) and how many of them "
        f"carry illustrative values set by a documented rule, not measured. {sampling}"
    )
    confidence = settings.confidence
    sections = [
        Section(
            "cell_status",
            _text("cell_status", lang),
            status_note,
            _localised_statuses(uncertainty, lang),
            digits=0,
        ),
        Section(
            "tiers",
            f"{_text('tiers', lang)} (P >= {confidence:g})",
            tier_rule(confidence, lang),
            tier_table(results.case, uncertainty, lang),
            chart="rank_intervals",
            digits=0,
        ),
        Section(
            "winning",
            _text("winning", lang),
            "Share of the samples in which the row's cluster scores strictly above the "
            "column's; a tie counts for neither, so P(i > j) + P(j > i) <= 1.",
            chart="winning",
        ),
    ]
    core = REGISTRY["core_index"].build(results)
    if core is not None and results.funding_robustness is not None:
        robust = results.funding_robustness
        note = (
            f"Share of {len(robust.points)} joint samples (same weight model and seed) in "
            "which each project is funded, the allocation re-solved per sample: robust core "
            f">= {robust.extra['settings'].loc['core_share', 'value']!s}, exterior = never "
            "funded, borderline otherwise; amount quantiles [1e8 CNY]."
        )
        sections.append(
            Section(
                "core_index",
                _text("core_index", lang),
                note,
                core.sort_values("core_index", ascending=False, kind="stable"),
                chart="core_index",
                digits=3,
                kinds=REGISTRY["core_index"].kinds,
            )
        )
    return sections


def _criteria_section(results: Results, lang: Lang) -> list[Section]:
    """The criteria tree with local and global weights and each matrix's CR."""
    judged = "illustrative" if results.case.illustrative else "sourced"
    note = (
        f"Local weights are the principal eigenvectors of the pairwise judgments ({judged} "
        "judgments, provenance per judgment in the judgments table); global weight = "
        "product of local weights down the tree; CR is the consistency ratio of the matrix "
        f"below each node (Saaty's random index; revise when CR exceeds {_saaty_rule()})."
    )
    tree = _criteria_tree(results.case, results.appraisal, lang)
    return [Section("criteria", _text("criteria", lang), note, tree, chart="weights", kind="tree")]


def _consistency_section(results: Results, lang: Lang) -> list[Section]:
    """lambda_max, CI, CR and verdict of every judgment matrix."""
    note = (
        f"Thresholds follow Saaty's rule: {_saaty_rule()}; the random-index table is named "
        "per matrix."
    )
    return _registered(
        "consistency", results, "consistency", "Consistency of each judgment matrix", note
    )


def _panel_section(results: Results, lang: Lang) -> list[Section]:
    """Consensus of expert panels, for nodes judged by several experts."""
    if not results.appraisal.groups:
        return []
    note = (
        "Consensus is Goepel's relative homogeneity (1 = identical priorities); "
        "compatibility is Saaty's index of each expert's matrix with the group weights "
        f"({_compatibility_rule()})."
    )
    return [Section("panels", "Expert panels", note, _groups_table(results.appraisal))]


def _ranking_section(results: Results, lang: Lang) -> list[Section]:
    """Clusters by TOPSIS closeness with their priority."""
    case, appraisal = results.case, results.appraisal
    note = (
        f"TOPSIS closeness with {case.normalization} normalisation on the scores "
        f"({case.scores.illustrative_share:.0%} of them illustrative; see the appendix) and "
        f"the global weights above; priority = the {appraisal.priority_rule} rule applied to "
        "closeness."
    )
    if results.uncertainty is not None:
        note += " A point rank is shown only beside the tier that says what the data separate."
    table = _localised_ranking(case, appraisal, lang, results.tier)
    return [Section("ranking", _text("ranking", lang), note, table)]


def method_label(name: str) -> str:
    """A registry method name as readers know it: ``promethee_ii`` -> ``PROMETHEE II``."""
    return name.replace("_", " ").upper()


def _method_pairs(table: pd.DataFrame) -> pd.DataFrame:
    """Each pair of distinct methods once, labelled "TOPSIS vs VIKOR", the first as reference.

    `table` is :func:`mcda.compare`'s, indexed by (reference, compared) in run order.
    """
    order = list(dict.fromkeys(table.index.get_level_values("reference")))
    kept = [
        (reference, compared)
        for reference, compared in table.index
        if order.index(reference) < order.index(compared)
    ]
    pairs = table.loc[kept]
    pairs.index = pd.Index(
        [f"{method_label(a)} vs {method_label(b)}" for a, b in kept], name="methods"
    )
    return pairs


def _agreement_section(results: Results, lang: Lang) -> list[Section]:
    """Rank correlation between ranking methods, when several were run."""
    note = (
        "Rank correlation between the rankings of each pair of methods on the same scores and "
        "weights: Spearman, weighted Spearman r_w (Pinto da Costa & Soares 2005), Kendall's "
        "tau_b, and the WS coefficient of Salabun & Urbaniak (2020), which weighs "
        "disagreement at the top more and takes the first method of the pair as reference."
    )
    return _registered(
        "method_agreement",
        results,
        "agreement",
        _text("agreement", lang),
        note,
        view=_method_pairs,
    )


def _acceptability_section(results: Results, lang: Lang) -> list[Section]:
    """Share of weight draws putting each cluster at each rank, when sampled."""
    note = (
        "Share of Monte Carlo weight draws (Dirichlet around the AHP weights; the seed, "
        "sample count and concentration are in summary.json under robustness) that put "
        "each cluster at each rank."
    )
    title = _text("acceptability", lang)
    chart = None if _acceptability_superseded(results) else "acceptability"
    return _registered(
        "rank_acceptability", results, "acceptability", title, note, digits=2, chart=chart
    )


def _acceptability_superseded(results: Results) -> bool:
    """Whether the SMAA-2 charts already picture the ranks.

    The weights-only heatmap would then repeat them and cost a third of a second of `run`.
    """
    return results.uncertainty is not None


def _allocation_sections(results: Results, lang: Lang) -> list[Section]:
    """Funding by type and instrument, by region (a map) and by funded cluster."""
    case, allocation = results.case, results.allocation
    unit = _text("amount_unit", lang)
    budget = case.provenance.get("budget") or "not stated"
    return [
        Section(
            "allocation_type",
            f"{_text('allocation_type', lang)} ({unit})",
            f"Solved by HiGHS, status {allocation.status}, MIP gap {allocation.mip_gap:.1e}. "
            f"Budget {allocation.budget:g}: {budget}.",
            _localised_grid(case, allocation, lang),
            chart="allocation_type",
            digits=2,
        ),
        Section(
            "allocation_region",
            f"{_text('allocation_region', lang)} ({unit})",
            "Region of each cluster from the clusters table; amounts from the allocation above.",
            _region_table(case, allocation, lang),
            chart="allocation_region",
            kind="map",
            digits=2,
        ),
        Section(
            "allocation_cluster",
            f"{_text('allocation_cluster', lang)} ({unit})",
            "Funded clusters only; benefit in the model's benefit units.",
            _localised_clusters(case, allocation, lang),
            digits=2,
        ),
    ]


#: Columns of the binding rules shown in the report.
_BINDING_COLUMNS = ["rule", "key", "sense", "activity", "bound", "unit"]


def _binding_section(results: Results, lang: Lang) -> list[Section]:
    """Rules whose bound is met exactly at the optimum."""
    note = (
        "Rules whose bound is met exactly at the optimum; each rule's provenance is in the "
        "appendix."
    )
    return _registered(
        "binding_rules",
        results,
        "binding",
        _text("binding", lang),
        note,
        view=lambda table: table[_BINDING_COLUMNS].set_index("rule"),
    )


def _stock_section(results: Results, lang: Lang) -> list[Section]:
    """Candidates the national stock concerns, when the case states a stock."""
    links = stock_links(results.case)
    if links.empty:
        return []
    note = (
        "Existing platforms from the case's stock table, each with its city, year and "
        "source. A candidate of the duplication rule's instruments is not fundable while "
        "its domain's national centre sits outside its cluster and none inside, unless it "
        "states a reason to override (no_duplicated_construction); candidates may also "
        "state the platform they complement."
    )
    return [Section("stock", _text("stock", lang), note, links.set_index("project"))]


def _marginal_section(results: Results, lang: Lang) -> list[Section]:
    """Marginal values of the budget and binding rules, when computed."""
    note = (
        "Benefit gained per unit of relaxation: LP duals with the build decisions fixed, a "
        "finite-difference check, and the MILP re-solved with one more unit."
    )
    return _registered(
        "marginal_values",
        results,
        "marginal",
        _text("marginal", lang),
        note,
        view=lambda table: table.set_index("rule"),
        digits=4,
    )


def _planner_sections(results: Results, lang: Lang) -> list[Section]:
    """Which platforms first, what a budget cut costs each cluster, how priority rules shift."""
    answers, case = results.questions, results.case
    if answers is None:
        return []
    share = f"{answers.cut_share:.0%}"
    texts: dict[str, tuple[str, dict[str, str]]] = {
        "platform_entry": ("entry", {"steps": str(answers.steps), "budget": f"{case.budget:g}"}),
        "budget_cut": (
            "cut",
            {
                "share": share,
                "budget": f"{case.budget:g}",
                "cut_budget": f"{(1.0 - answers.cut_share) * case.budget:g}",
            },
        ),
        "priority_rules": ("rules", {"blend": f"{case.blend:g}"}),
    }
    return [
        section
        for name, (key, fields) in texts.items()
        for section in _registered(
            name,
            results,
            name,
            say(f"planner_questions.{key}_title", lang, share=share),
            say(f"planner_questions.{key}_note", lang, **fields),
        )
    ]


def _provenance_sections(results: Results, lang: Lang) -> list[Section]:
    """The appendix: provenance of settings and scores, and the cited facts."""
    case = results.case
    sections = [
        Section(
            "settings_provenance",
            f"{_text('provenance', lang)}: {_text('settings_provenance', lang)}",
            "As stated in the case's settings.",
            _settings_provenance(case),
        ),
        Section(
            "score_provenance",
            _text("score_provenance", lang),
            "paper = a number printed in the paper; facts = a cited public fact (see below); "
            "illustrative = set by a documented rule, not measured.",
            _score_provenance(case),
        ),
    ]
    if not case.sources.empty:
        sections.append(
            Section(
                "sources",
                _text("sources", lang),
                "The facts the case cites, as given in its sources table.",
                _sources_table(case),
            )
        )
    return sections


#: The report's sections in order, each built by one function (an empty list: no section).
_SECTIONS: tuple[Callable[[Results, Lang], list[Section]], ...] = (
    _certainty_sections,
    _criteria_section,
    _consistency_section,
    _panel_section,
    _ranking_section,
    _agreement_section,
    _acceptability_section,
    _allocation_sections,
    _binding_section,
    _stock_section,
    _marginal_section,
    _planner_sections,
    _provenance_sections,
)


def _charts(results: Results, lang: Lang) -> dict[str, bytes]:
    """PNG of each chart by name, labelled in `lang`."""
    case, allocation = results.case, results.allocation
    unit = _text("amount_unit", lang)
    charts = {
        "weights": plots.horizontal_bars(
            _leaf_weights(_criteria_tree(case, results.appraisal, lang), case),
            _text("weights_chart", lang),
            "[-]",
            lang,
        ),
        "allocation_type": plots._stacked_bars(
            _localised_grid(case, allocation, lang).iloc[:-1, :-1],
            _text("allocation_type", lang),
            unit,
            lang,
        ),
        "allocation_region": plots.horizontal_bars(
            _region_table(case, allocation, lang).set_index("name")["amount"],
            _text("allocation_region", lang),
            unit,
            lang,
        ),
    }
    charts |= _certainty_charts(results, lang)
    acceptability = REGISTRY["rank_acceptability"].build(results)
    if acceptability is not None and not _acceptability_superseded(results):
        title = _text("acceptability", lang)
        charts["acceptability"] = plots._heatmap(acceptability, title, lang)
    return charts


def _certainty_charts(results: Results, lang: Lang) -> dict[str, bytes]:
    """Rank intervals, pairwise winning and (when run) the core index, labelled in `lang`."""
    uncertainty = results.uncertainty
    if uncertainty is None:
        return {}
    intervals = _localised_intervals(results.case, uncertainty, lang)
    names = intervals.index.to_series(index=uncertainty.rank_intervals.index)
    winning = uncertainty.smaa.winning.loc[names.index, names.index]
    charts = {
        "rank_intervals": plots.rank_interval_chart(
            intervals, _text("rank_intervals", lang), _text("rank_axis", lang), lang
        ),
        "winning": plots._heatmap(
            winning.set_axis(names.to_numpy(), axis=0).set_axis(names.to_numpy(), axis=1),
            _text("winning", lang),
            lang,
        ),
    }
    core = REGISTRY["core_index"].build(results)
    if core is not None and results.funding_robustness is not None:
        share = float(str(results.funding_robustness.extra["settings"].loc["core_share", "value"]))
        charts["core_index"] = plots.core_index_chart(
            core, (share,), _text("core_index", lang), lang
        )
    return charts


def _leaf_weights(tree: pd.DataFrame, case: Case) -> pd.Series:
    """Global weight of each leaf, labelled ``id name``."""
    leaves = tree.loc[case.criteria.leaves]
    return pd.Series(
        leaves["global_weight"].to_numpy(),
        index=[f"{i} {n}" for i, n in zip(leaves.index, leaves["name"], strict=True)],
    )


def _run_facts(case: Case, appraisal: Appraisal, allocation: Allocation) -> tuple[str, ...]:
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
