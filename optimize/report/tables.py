"""The tables of a planning run's reports, as labelled DataFrames (pure functions)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd

from mcda import ROOT
from optimize.appraisal.appraise import Appraisal
from optimize.appraisal.robustness import Robustness
from optimize.appraisal.uncertainty import Uncertainty
from optimize.case.case import Case
from optimize.messages.stock import centre_words
from optimize.model.allocation import Allocation
from optimize.report.labels import Lang, _column, _group_name, _name, _text, _word


def _localised(table: pd.DataFrame, field: str, lang: Lang) -> pd.Series:
    """Column `field` of `table` in `lang`: ``<field>_zh`` where filled, else the English.

    English is ``name_en`` for names and ``unit`` for units; an unfilled Chinese cell falls
    back to it (the report then says which fields are English only).
    """
    english = table[f"{field}_en" if f"{field}_en" in table.columns else field].astype(str)
    chinese = f"{field}_zh"
    if lang != "zh" or chinese not in table.columns:
        return english
    given = table[chinese].astype(str)
    return given.where(given.str.strip() != "", english)


def weights_table(case: Case, appraisal: Appraisal) -> pd.DataFrame:
    """Leaf criteria with group, names, direction and local and global weights [-]."""
    table = case.criteria.table.loc[case.criteria.leaves].copy()
    goal = appraisal.local[ROOT].weights
    # A level-1 criterion that is itself a leaf is its own group, with local weight 1.
    leaves = [str(leaf) for leaf in table.index]
    groups = [
        leaf if parent == ROOT else str(parent)
        for leaf, parent in zip(leaves, table["parent"], strict=True)
    ]
    table["local_weight"] = [
        1.0 if group == leaf else float(appraisal.local[group].weights[leaf])
        for leaf, group in zip(leaves, groups, strict=True)
    ]
    table["group_weight"] = [float(goal[group]) for group in groups]
    # A criterion dropped for its unknown cells weighs nothing in this appraisal.
    table["global_weight"] = appraisal.weights.reindex(table.index, fill_value=0.0)
    table.index.name = "criterion"
    return table[
        [
            "parent",
            "name_en",
            "name_zh",
            "direction",
            "unit",
            "group_weight",
            "local_weight",
            "global_weight",
        ]
    ]


def ranking_table(case: Case, appraisal: Appraisal, tier: pd.Series | None = None) -> pd.DataFrame:
    """Clusters by TOPSIS closeness with names, type, region and priority.

    With `tier` (per cluster, from SMAA-2) the point rank follows its tier: alone it would
    claim an order the data may not support.
    """
    table = appraisal.ranking.join(case.clusters[["name_en", "name_zh", "cluster_type", "region"]])
    table["priority"] = appraisal.priority.loc[table.index]
    table.index.name = "cluster"
    columns = ["rank", "name_en", "name_zh", "cluster_type", "region", "score", "priority"]
    if tier is None:
        return table[columns]
    table["tier"] = tier.loc[table.index]
    return table[["tier", *columns]]


def consistency_table(appraisal: Appraisal, lang: Lang = "en") -> pd.DataFrame:
    """lambda_max, CI, CR, table, threshold and verdict (in `lang`) of every judgment matrix."""
    rows = {
        label: {
            "n": r.n,
            "lambda_max": r.lambda_max,
            "ci": r.ci,
            "cr": r.cr,
            "ri_table": r.ri_table,
            "threshold": r.threshold,
            "verdict": _name("verdict", "ok", lang)
            if r.acceptable
            else _text("verdict.revise", lang, threshold=f"{r.threshold:.2f}"),
        }
        for label, r in appraisal.matrices.items()
    }
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "matrix"
    return frame


def _groups_table(appraisal: Appraisal) -> pd.DataFrame:
    """Per node judged by several experts: aggregation, experts, consensus, compatibility."""
    rows = {
        node: {
            "aggregation": group.how.upper(),
            "experts": len(group.experts),
            "consensus": group.consensus,
            "worst_compatibility": float(group.compatibility.max()),
        }
        for node, group in appraisal.groups.items()
    }
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "node"
    return frame


def consistency_warnings(appraisal: Appraisal, lang: Lang = "en") -> list[str]:
    """One line per judgment matrix whose CR exceeds its threshold, in `lang`."""
    return [
        _text(
            "warning.inconsistent",
            lang,
            label=repr(label),
            cr=f"{r.cr:.3f}",
            threshold=f"{r.threshold:.2f}",
            table=r.ri_table,
        )
        for label, r in appraisal.matrices.items()
        if not r.acceptable
    ]


def _criteria_tree(case: Case, appraisal: Appraisal, lang: Lang) -> pd.DataFrame:
    """The criteria hierarchy top-down with local and global weights and each matrix's CR.

    Returns
    -------
    pandas.DataFrame
        Indexed by criterion id (``goal`` first): ``name``, ``level`` (0 for the goal),
        ``local_weight`` and ``global_weight`` [-], ``cr`` of the judgment matrix below
        the node [-] (NaN for leaves), ``direction`` and ``unit`` of leaves.
    """
    table = case.criteria.table
    names = _localised(table, "name", lang)
    units = _localised(table, "unit", lang)
    records = [(ROOT, _word("goal", lang), 0, 1.0, 1.0, appraisal.local[ROOT].cr, "", "")]

    def visit(node: str, level: int, weight: float) -> None:
        for child in case.criteria.children(node):
            local = float(appraisal.local[node].weights[child])
            below = appraisal.local.get(child)
            records.append(
                (
                    child,
                    str(names[child]),
                    level,
                    local,
                    weight * local,
                    below.cr if below is not None else math.nan,
                    _name("direction", str(table.at[child, "direction"]), lang),
                    units[child],
                )
            )
            visit(child, level + 1, weight * local)

    visit(ROOT, 1, 1.0)
    columns = ["criterion", "name", "level", "local_weight", "global_weight", "cr"]
    frame = pd.DataFrame.from_records(records, columns=[*columns, "direction", "unit"])
    return frame.set_index("criterion")


def _localised_ranking(
    case: Case, appraisal: Appraisal, lang: Lang, tier: pd.Series | None = None
) -> pd.DataFrame:
    """The ranking with one name column and type and region names in `lang`."""
    table = ranking_table(case, appraisal, tier)
    names = _localised(table, "name", lang)
    frame = table.drop(columns=["name_en", "name_zh"]).assign(name=names)
    frame["cluster_type"] = frame["cluster_type"].map(lambda key: _group_name(case, str(key), lang))
    frame["region"] = frame["region"].map(_region_names(case, lang))
    ranks = ["rank"] if tier is None else ["tier", "rank"]
    return frame[[*ranks, "name", "cluster_type", "region", "score", "priority"]]


def rank_interval_table(case: Case, uncertainty: Uncertainty) -> pd.DataFrame:
    """Per cluster: names, tier, rank quantiles, P(first) and holistic index."""
    intervals = uncertainty.rank_intervals
    names = case.clusters.loc[intervals.index, ["name_en", "name_zh"]]
    return names.join(intervals).rename_axis("cluster")


def tier_table(case: Case, uncertainty: Uncertainty, lang: Lang = "en") -> pd.DataFrame:
    """One row per tier: its size and its clusters' names in `lang`, joined."""
    names = _localised(case.clusters, "name", lang)
    joiner = _text("list_joiner", lang)
    tiers = uncertainty.smaa.tiers
    return pd.DataFrame(
        {
            "size": [len(members) for members in tiers],
            "members": [joiner.join(str(names[c]) for c in members) for members in tiers],
        },
        index=pd.RangeIndex(1, len(tiers) + 1, name="tier"),
    )


def _localised_statuses(uncertainty: Uncertainty, lang: Lang) -> pd.DataFrame:
    """Cells per status, the statuses named in `lang`."""
    statuses = uncertainty.statuses
    named = [_name("status", str(s), lang) for s in statuses.index]
    return statuses.set_axis(named).rename_axis("status")


def _localised_intervals(case: Case, uncertainty: Uncertainty, lang: Lang) -> pd.DataFrame:
    """Rank intervals with one name column in `lang`, indexed by that name."""
    table = rank_interval_table(case, uncertainty)
    names = _localised(table, "name", lang)
    return table.drop(columns=["name_en", "name_zh"]).set_axis(names).rename_axis("name")


def _region_names(case: Case, lang: Lang) -> dict[str, str]:
    """Display name of each region of the case.

    For Chinese, ``region_zh`` from the clusters table when present; else the known name of
    the region key, else the key itself.
    """
    regions = case.clusters["region"].astype(str)
    named = {key: _name("region", key, lang) for key in regions.unique()}
    if lang == "zh" and "region_zh" in case.clusters:
        given = case.clusters["region_zh"].astype(str).groupby(regions).first()
        named.update({key: text for key, text in given.items() if text})
    return named


def _region_table(case: Case, allocation: Allocation, lang: Lang) -> pd.DataFrame:
    """Funding per region: clusters, funded projects, amount [1e8 CNY] and budget share [-]."""
    grouped = allocation.by_group("region")
    clusters = case.clusters.groupby("region").size()
    frame = pd.DataFrame(
        {
            "name": [_region_names(case, lang)[str(r)] for r in clusters.index],
            "clusters": clusters,
            "funded_projects": grouped["funded_projects"].reindex(clusters.index, fill_value=0),
            "amount": grouped["amount"].reindex(clusters.index, fill_value=0.0),
        }
    )
    frame["share"] = frame["amount"] / allocation.budget if allocation.budget > 0 else math.nan
    frame.index.name = "region"
    return frame


def _localised_grid(case: Case, allocation: Allocation, lang: Lang) -> pd.DataFrame:
    """Funding by cluster type x instrument [1e8 CNY] with the case's names in `lang`."""
    grid = allocation.by_type_instrument()
    return grid.rename(
        index=lambda key: _group_name(case, str(key), lang),
        columns=lambda key: _group_name(case, str(key), lang),
    )


def _localised_clusters(case: Case, allocation: Allocation, lang: Lang) -> pd.DataFrame:
    """Funded clusters by instrument [1e8 CNY], named in `lang`."""
    table = allocation.by_cluster()
    table = table[table["total"] > 0]
    names = _localised(case.clusters, "name", lang)
    return table.rename(
        index=lambda key: str(names.get(key, key)),
        columns=lambda key: _group_name(case, str(key), lang),
    )


def _localised_rules(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Rule rows with rule names, units and totals in `lang` (English: as the model gives them)."""
    return table.assign(
        rule=table["rule"].map(lambda rule: _name("setting", str(rule), lang)),
        key=table["key"].map(lambda key: _word("total", lang) if key == "total" else key),
        unit=table["unit"].map(lambda unit: _name("unit", str(unit), lang)),
    )


def _localised_links(case: Case, links: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The stock links with verdicts and platform descriptions in `lang`."""
    if lang == "en":
        return links
    described = {
        centre_words(case.stock, str(platform)): _text(
            "note.stock_centre",
            lang,
            names=str(row["name_zh"] or row["name_en"]),
            city=row["city"],
            year=row["year"],
            source=row["source"],
        )
        for platform, row in case.stock.iterrows()
    }
    joiner = _text("list_joiner", lang)

    def platforms(text: str) -> str:
        # stock_links joins descriptions with "; ", which the English ones also hold
        for english in sorted(described, key=len, reverse=True):
            text = text.replace(english, described[english])
        return text.replace("; ", joiner)

    return links.assign(
        verdict=links["verdict"].map(lambda verdict: _name("stock_verdict", verdict, lang)),
        existing=links["existing"].map(platforms),
        complements=links["complements"].map(platforms),
    )


def _localised_core(core: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Core index per project, most robust first, its classes named in `lang`."""
    ordered = core.sort_values("core_index", ascending=False, kind="stable")
    return ordered.assign(
        **{"class": ordered["class"].map(lambda name: _name("project_class", str(name), lang))}
    )


def _settings_provenance(case: Case, lang: Lang = "en") -> pd.DataFrame:
    """Provenance text of each setting (budget, benefit curve, each rule), named in `lang`."""
    unstated = _text("not_stated", lang)
    return pd.DataFrame(
        {"provenance": [text or unstated for text in case.provenance.values()]},
        index=pd.Index([_name("setting", key, lang) for key in case.provenance], name="setting"),
    )


def _score_provenance(case: Case) -> pd.DataFrame:
    """How many scores of each leaf criterion come from the paper, a fact, or a rule."""
    kinds = case.scores.provenance.map(lambda origin: str(origin).partition(":")[0])
    long = kinds.melt(var_name="criterion", value_name="kind")
    counts = pd.crosstab(long["criterion"], long["kind"]).reindex(case.criteria.leaves)
    order = [k for k in ("paper", "facts", "illustrative") if k in counts.columns]
    return counts[order + [c for c in counts.columns if c not in order]]


#: Columns of the sources table worth showing in a report (those present are shown).
SOURCE_COLUMNS = ("entity", "indicator", "value", "unit", "year", "source", "reliability")


def _sources_table(case: Case) -> pd.DataFrame:
    """The cited facts with their most telling columns."""
    present = [c for c in SOURCE_COLUMNS if c in case.sources.columns]
    table: pd.DataFrame = case.sources[present]
    return table


def _formatted(
    frame: pd.DataFrame, digits: Callable[[str], int], lang: Lang
) -> tuple[list[str], list[list[str]]]:
    """Header and rows of `frame` as display text (index first), headings in `lang`.

    Floats get ``digits(column)`` decimals, NaN shows as an empty cell; shares (column
    ``share``) show as percentages.
    """
    index_name = str(frame.index.name or "")
    header = [_column(index_name, lang), *(_column(str(c), lang) for c in frame.columns)]
    places = {str(key): digits(str(key)) for key in frame.columns}
    rows = []
    for label, record in frame.iterrows():
        cells = [display_text(label, digits(index_name), lang)]
        cells += [
            _percent(value) if key == "share" else display_text(value, places[str(key)], lang)
            for key, value in record.items()
        ]
        rows.append(cells)
    return header, rows


def display_text(value: Any, digits: int, lang: Lang = "en") -> str:
    """One value as display text (yes/no in `lang`)."""
    if isinstance(value, bool):
        return _word("yes" if value else "no", lang)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        shown = f"{value:.{digits}f}"
        # A solver's -1e-12 is zero; "-0.000" would read as a sign worth noticing.
        return shown.lstrip("-") if float(shown) == 0 else shown
    return str(value)


def _percent(value: Any) -> str:
    """A share [-] as a percentage."""
    return "" if value is None or math.isnan(float(value)) else f"{float(value):.1%}"


def _acceptability_of(robustness: Robustness | None) -> pd.DataFrame | None:
    """Share of draws putting each cluster (rows) at each rank (columns), when sampled [-]."""
    if robustness is None or robustness.acceptability is None:
        return None
    return robustness.acceptability.acceptability
