"""The tables and charts that ``clusterplan rank --out DIR`` writes."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence

import pandas as pd

from mcda import plots
from mcda.sensitivity import stability_intervals
from optimize.case import Case
from optimize.robustness import Robustness, acceptability_table, method_options


def shown_names(tables: Sequence[pd.DataFrame], note: Callable[[str], None]) -> list[pd.Series]:
    """Chinese names if a CJK font is found, else English (one `note` per fallback warning)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = [plots.display_names(table["name_zh"], table["name_en"]) for table in tables]
    for message in dict.fromkeys(str(warning.message) for warning in caught):
        note(message)
    return names


def ranking_table(case: Case, robustness: Robustness) -> pd.DataFrame:
    """Clusters with names, then rank and score under every method."""
    columns = {
        f"{column}_{name}": result[column]
        for name, result in robustness.rankings.items()
        for column in ("rank", "score")
    }
    order = next(iter(robustness.rankings.values())).index
    table = case.clusters.loc[order, ["name_en", "name_zh"]].join(pd.DataFrame(columns))
    table.index.name = "cluster"
    return table


def rank_files(
    case: Case, weights: pd.Series, robustness: Robustness, note: Callable[[str], None]
) -> dict[str, str | bytes]:
    """CSV tables and PNG charts of a ranking run, by file name.

    Parameters
    ----------
    case : Case
        The loaded case.
    weights : pandas.Series
        Global leaf weights used [-].
    robustness : Robustness
        Rankings by method, their agreement and (optionally) rank acceptability.
    note : callable
        Receives one-line notes for the user (e.g. the English-names fallback).

    Returns
    -------
    dict of str to str or bytes
        ``rankings.csv``, ``stability.csv`` and the charts; ``agreement.csv`` with two or
        more methods; ``acceptability.csv``, ``acceptability_summary.csv`` and
        ``central_weights.csv`` when weights were sampled.
    """
    first = next(iter(robustness.rankings))
    criteria = case.criteria.table.loc[weights.index]
    stability = stability_intervals(
        case.scores.values, weights, case.scores.directions, first, **method_options(case, first)
    )
    cluster_names, criterion_names = shown_names([case.clusters, criteria], note)
    files: dict[str, str | bytes] = {
        "rankings.csv": ranking_table(case, robustness).to_csv(),
        "stability.csv": stability.to_csv(),
        "weights.png": plots.png_bytes(plots.weights_chart(weights, criterion_names)),
        "methods.png": plots.png_bytes(plots.methods_chart(robustness.ranks, cluster_names)),
        "stability.png": plots.png_bytes(plots.stability_chart(stability, criterion_names)),
    }
    if robustness.agreement is not None:
        files["agreement.csv"] = robustness.agreement.to_csv()
    sampled = robustness.acceptability
    if sampled is not None:
        files |= {
            "acceptability.csv": sampled.acceptability.to_csv(index_label="cluster"),
            "acceptability_summary.csv": acceptability_table(robustness).to_csv(
                index_label="cluster"
            ),
            "central_weights.csv": sampled.central_weights.to_csv(index_label="cluster"),
            "acceptability.png": plots.png_bytes(
                plots.acceptability_chart(sampled.acceptability, cluster_names)
            ),
        }
    return files
