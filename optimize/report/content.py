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
from optimize.case.eligibility import waiting_candidates
from optimize.case.stock import stock_links
from optimize.messages import say
from optimize.model.allocation import Allocation
from optimize.model.rule_rows import AMOUNT
from optimize.report import charts as plots
from optimize.report.charts import chart_language
from optimize.report.labels import Lang, _case_title, _known, _name, _text
from optimize.report.registry import REGISTRY, Kind, Results, _decimals
from optimize.report.summary import illustrative_notice, tier_rule
from optimize.report.tables import (
    _criteria_tree,
    _groups_table,
    _localised_clusters,
    _localised_core,
    _localised_grid,
    _localised_intervals,
    _localised_links,
    _localised_ranking,
    _localised_rules,
    _localised_statuses,
    _region_table,
    _score_provenance,
    _settings_provenance,
    _sources_table,
    consistency_table,
    consistency_warnings,
    tier_table,
)
from optimize.report.wording import english_only_note, run_facts
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
    language_note : str
        For a Chinese report, the one line naming the case's fields it shows in English
        (empty when there are none, and in English).
    illustrative : bool
        Whether any input is illustrative.
    facts : tuple of str
        One-line facts about the run (budget, priority rule, solver status).
    warnings : tuple of str
        One line per judgment matrix to revise, shown with the notice.
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
    language_note: str = ""
    warnings: tuple[str, ...] = ()


def _saaty_rule(lang: Lang = "en") -> str:
    """Saaty's CR thresholds as the library applies them, in words."""
    three, four, five = (f"{saaty_threshold(n):.2f}" for n in (3, 4, 5))
    return _text("note.saaty_rule", lang, three=three, four=four, five=five)


def _compatibility_rule(lang: Lang = "en") -> str:
    """Saaty's compatibility index scale as the library applies it, in words."""
    return _text("note.compatibility_rule", lang, threshold=f"{COMPATIBILITY_THRESHOLD:g}")


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
        title=_text("title", lang, case=_case_title(case, lang)),
        notice=illustrative_notice(case, lang),
        illustrative=case.illustrative,
        facts=run_facts(case, appraisal, allocation, lang),
        sections=tuple(sections),
        charts=_charts(results, chart_language(lang)),
        lang=lang,
        language_note=english_only_note(case, lang),
        warnings=tuple(
            _text("fact.warning", lang, line=line) for line in consistency_warnings(appraisal, lang)
        ),
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
        _text("note.dropped", lang, criteria=_text("tier.joiner", lang).join(uncertainty.dropped))
        if uncertainty.dropped
        else ""
    )
    sampling = _text(
        "note.sampling",
        lang,
        samples=settings.samples,
        seed=settings.seed,
        weights=_name("weight_model", settings.weight_model, lang).format(
            concentration=f"{settings.concentration:g}"
        ),
        unknown=_name("unknown_policy", settings.unknown, lang)
        if settings.unknown
        else _text("note.unknown_none", lang),
        dropped=dropped,
        normalization=_name("normalization", results.case.normalization, lang),
    )
    total = int(uncertainty.statuses["cells"].sum())
    status_note = _text("note.cell_status", lang, total=total, sampling=sampling)
    confidence = settings.confidence
    sections = [
        Section(
            "cell_status",
            _text("heading.cell_status", lang),
            status_note,
            _localised_statuses(uncertainty, lang),
            digits=0,
        ),
        Section(
            "tiers",
            _text("heading.tiers", lang, confidence=f"{confidence:g}"),
            tier_rule(confidence, lang),
            tier_table(results.case, uncertainty, lang),
            chart="rank_intervals",
            digits=0,
        ),
        Section(
            "winning",
            _text("heading.winning", lang),
            _text("note.winning", lang),
            chart="winning",
        ),
    ]
    core = REGISTRY["core_index"].build(results)
    if core is not None and results.funding_robustness is not None:
        robust = results.funding_robustness
        note = _text(
            "note.core_index",
            lang,
            samples=len(robust.points),
            core=str(robust.extra["settings"].loc["core_share", "value"]),
        )
        sections.append(
            Section(
                "core_index",
                _text("heading.core_index", lang),
                note,
                _localised_core(core, lang),
                chart="core_index",
                digits=3,
                kinds=REGISTRY["core_index"].kinds,
            )
        )
    return sections


def _criteria_section(results: Results, lang: Lang) -> list[Section]:
    """The criteria tree with local and global weights and each matrix's CR."""
    judged = "illustrative" if results.case.illustrative else "sourced"
    note = _text(
        "note.criteria", lang, judged=_text(f"note.judged_{judged}", lang), saaty=_saaty_rule(lang)
    )
    tree = _criteria_tree(results.case, results.appraisal, lang)
    title = _text("heading.criteria", lang)
    return [Section("criteria", title, note, tree, chart="weights", kind="tree")]


def _consistency_section(results: Results, lang: Lang) -> list[Section]:
    """lambda_max, CI, CR and verdict of every judgment matrix."""
    note = _text("note.consistency", lang, saaty=_saaty_rule(lang))
    entry = REGISTRY["consistency"]
    table = consistency_table(results.appraisal, lang)
    title = _text("heading.consistency", lang)
    digits = _decimals(entry.default)
    return [Section("consistency", title, note, table, digits=digits, kinds=entry.kinds)]


def _panel_section(results: Results, lang: Lang) -> list[Section]:
    """Consensus of expert panels, for nodes judged by several experts."""
    if not results.appraisal.groups:
        return []
    note = _text("note.panels", lang, compatibility=_compatibility_rule(lang))
    title = _text("heading.panels", lang)
    return [Section("panels", title, note, _groups_table(results.appraisal))]


def _ranking_section(results: Results, lang: Lang) -> list[Section]:
    """Clusters by TOPSIS closeness with their priority."""
    case, appraisal = results.case, results.appraisal
    note = _text(
        "note.ranking",
        lang,
        normalization=_name("normalization", case.normalization, lang),
        share=f"{case.scores.illustrative_share:.0%}",
        rule=_name("priority", appraisal.priority_rule, lang),
    )
    if results.uncertainty is not None:
        note += _text("note.ranking_tiers", lang)
    table = _localised_ranking(case, appraisal, lang, results.tier)
    return [Section("ranking", _text("heading.ranking", lang), note, table)]


def method_label(name: str, lang: Lang = "en") -> str:
    """A registry method name as readers know it: ``promethee_ii`` -> ``PROMETHEE II``.

    Methods with a standard Chinese name (WSM, WPM) take it in a Chinese report.
    """
    return _known(f"report_names.method.{name}", lang) or name.replace("_", " ").upper()


def _method_pairs(table: pd.DataFrame, lang: Lang = "en") -> pd.DataFrame:
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
    labels = [
        _text("note.method_pair", lang, first=method_label(a, lang), second=method_label(b, lang))
        for a, b in kept
    ]
    pairs.index = pd.Index(labels, name="methods")
    return pairs


def _agreement_section(results: Results, lang: Lang) -> list[Section]:
    """Rank correlation between ranking methods, when several were run."""
    return _registered(
        "method_agreement",
        results,
        "agreement",
        _text("heading.agreement", lang),
        _text("note.agreement", lang) + _skipped_methods(results.robustness, lang),
        view=lambda table: _method_pairs(table, lang),
    )


def _skipped_methods(robustness: Robustness | None, lang: Lang) -> str:
    """The methods left out of the comparison because they cannot score the case, with why."""
    if robustness is None or not robustness.skipped:
        return ""
    reasons = _text("tier.joiner", lang).join(
        _text("note.method_reason", lang, method=method_label(name, lang), reason=why.render(lang))
        for name, why in robustness.skipped.items()
    )
    return _text("note.methods_skipped", lang, reasons=reasons)


def _acceptability_section(results: Results, lang: Lang) -> list[Section]:
    """Share of weight draws putting each cluster at each rank, when sampled."""
    note = _text("note.acceptability", lang)
    title = _text("heading.acceptability", lang)
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
    budget = case.provenance.get("budget") or _text("not_stated", lang)
    return [
        Section(
            "allocation_type",
            _in_unit("heading.allocation_type", lang),
            _text(
                "note.allocation_type",
                lang,
                status=_name("solve_status", str(allocation.status), lang),
                gap=f"{allocation.mip_gap:.1e}",
                budget=f"{allocation.budget:g}",
                provenance=budget,
            ),
            _localised_grid(case, allocation, lang),
            chart="allocation_type",
            digits=2,
        ),
        Section(
            "allocation_region",
            _in_unit("heading.allocation_region", lang),
            _text("note.allocation_region", lang),
            _region_table(case, allocation, lang),
            chart="allocation_region",
            kind="map",
            digits=2,
        ),
        Section(
            "allocation_cluster",
            _in_unit("heading.allocation_cluster", lang),
            _text("note.allocation_cluster", lang),
            _localised_clusters(case, allocation, lang),
            digits=2,
        ),
    ]


def _in_unit(heading: str, lang: Lang) -> str:
    """Heading `heading` followed by the unit of money, in `lang`."""
    return _text("heading.in_unit", lang, heading=_text(heading, lang), unit=_amount_unit(lang))


def _amount_unit(lang: Lang) -> str:
    """The unit of money in `lang` (亿元, 1e8 CNY)."""
    return _name("unit", AMOUNT, lang)


#: Columns of the binding rules shown in the report.
_BINDING_COLUMNS = ["rule", "key", "sense", "activity", "bound", "unit"]


def _binding_section(results: Results, lang: Lang) -> list[Section]:
    """Rules whose bound is met exactly at the optimum."""
    return _registered(
        "binding_rules",
        results,
        "binding",
        _text("heading.binding", lang),
        _text("note.binding", lang),
        view=lambda table: _localised_rules(table[_BINDING_COLUMNS], lang).set_index("rule"),
    )


def _stock_section(results: Results, lang: Lang) -> list[Section]:
    """Candidates the national stock concerns, when the case states a stock."""
    links = stock_links(results.case)
    if links.empty:
        return []
    table = _localised_links(results.case, links, lang).set_index("project")
    return [Section("stock", _text("heading.stock", lang), _text("note.stock", lang), table)]


def _waiting_section(results: Results, lang: Lang) -> list[Section]:
    """Candidates the type in force leaves out, when the case lists any."""
    waiting = waiting_candidates(results.case)
    if waiting.empty:
        return []
    count, total = len(waiting), len(results.case.projects)
    return [
        Section(
            "waiting",
            say("eligibility.section_title", lang),
            say("eligibility.section_note", lang, count=count, total=total),
            waiting.set_index("project"),
        )
    ]


def _marginal_section(results: Results, lang: Lang) -> list[Section]:
    """Marginal values of the budget and binding rules, when computed."""
    return _registered(
        "marginal_values",
        results,
        "marginal",
        _text("heading.marginal", lang),
        _text("note.marginal", lang),
        view=lambda table: _localised_rules(table, lang).set_index("rule"),
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
            _text("heading.settings_provenance", lang),
            _text("note.settings_provenance", lang),
            _settings_provenance(case, lang),
        ),
        Section(
            "score_provenance",
            _text("heading.score_provenance", lang),
            _text("note.score_provenance", lang),
            _score_provenance(case),
        ),
    ]
    if not case.sources.empty:
        sections.append(
            Section(
                "sources",
                _text("heading.sources", lang),
                _text("note.sources", lang),
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
    _waiting_section,
    _marginal_section,
    _planner_sections,
    _provenance_sections,
)


def _charts(results: Results, lang: Lang) -> dict[str, bytes]:
    """PNG of each chart by name, labelled in `lang`."""
    case, allocation = results.case, results.allocation
    unit = _amount_unit(lang)
    charts = {
        "weights": plots.horizontal_bars(
            _leaf_weights(_criteria_tree(case, results.appraisal, lang), case),
            _text("heading.weights_chart", lang),
            _text("chart.weight_unit", lang),
            lang,
        ),
        "allocation_type": plots._stacked_bars(
            _localised_grid(case, allocation, lang).iloc[:-1, :-1],
            _text("heading.allocation_type", lang),
            unit,
            lang,
        ),
        "allocation_region": plots.horizontal_bars(
            _region_table(case, allocation, lang).set_index("name")["amount"],
            _text("heading.allocation_region", lang),
            unit,
            lang,
        ),
    }
    charts |= _certainty_charts(results, lang)
    acceptability = REGISTRY["rank_acceptability"].build(results)
    if acceptability is not None and not _acceptability_superseded(results):
        title = _text("heading.acceptability", lang)
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
            intervals,
            _text("heading.rank_intervals", lang),
            _text("heading.rank_axis", lang),
            lang,
        ),
        "winning": plots._heatmap(
            winning.set_axis(names.to_numpy(), axis=0).set_axis(names.to_numpy(), axis=1),
            _text("heading.winning", lang),
            lang,
        ),
    }
    core = REGISTRY["core_index"].build(results)
    if core is not None and results.funding_robustness is not None:
        share = float(str(results.funding_robustness.extra["settings"].loc["core_share", "value"]))
        charts["core_index"] = plots.core_index_chart(
            core, (share,), _text("heading.core_index", lang), lang
        )
    return charts


def _leaf_weights(tree: pd.DataFrame, case: Case) -> pd.Series:
    """Global weight of each leaf, labelled ``id name``."""
    leaves = tree.loc[case.criteria.leaves]
    return pd.Series(
        leaves["global_weight"].to_numpy(),
        index=[f"{i} {n}" for i, n in zip(leaves.index, leaves["name"], strict=True)],
    )
