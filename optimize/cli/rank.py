"""``clusterplan rank``: rank a case's clusters by several methods and say how sure that is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from optimize.cli.common import CaseArg, case_path, console, errors
from optimize.cli.option_checks import check_count, check_finite
from optimize.cli.uncertainty_options import (
    ConcentrationOption,
    ConfidenceOption,
    SamplesOption,
    SeedOption,
    UnknownOption,
    ValuesOption,
    WeightModelOption,
    uncertainty_settings,
)
from optimize.errors import msg

if TYPE_CHECKING:
    import pandas as pd

    from optimize.appraisal import Robustness, Uncertainty

MethodOption = Annotated[
    list[str] | None,
    typer.Option(
        "--method",
        "-m",
        help="Ranking method (repeat for several); the first is the reference. "
        "Default: every registered method, TOPSIS first.",
    ),
]


def rank_command(
    case: CaseArg = None,
    method: MethodOption = None,
    robustness: Annotated[
        int, typer.Option("--robustness", help="Weight samples for rank acceptability (0: none).")
    ] = 0,
    seed: SeedOption = None,
    samples: SamplesOption = None,
    weight_model: WeightModelOption = None,
    concentration: ConcentrationOption = None,
    confidence: ConfidenceOption = None,
    values: ValuesOption = None,
    unknown: UnknownOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write tables and charts here.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing folder.")] = False,
) -> None:
    """Rank the clusters by several MCDA methods; say which tiers the data can separate.

    SMAA-2 draws --samples joint samples of the scores (--values, default the case's) and
    the leaf weights (--weight-model); clusters are grouped into tiers the data cannot
    separate at --confidence, and every point rank is shown beside its tier.
    """
    from optimize.appraisal import (
        appraise,
        assess,
        assess_uncertainty,
        read_values,
    )
    from optimize.casefiles.load import case_inputs, load_case
    from optimize.cli.output import check_target, write_folder
    from optimize.report.files import rank_files

    check_finite("--robustness", robustness, 0.0)
    check_count("--robustness", robustness, "samples", msg("errors.noun.weight_samples"))
    settings = uncertainty_settings(samples, seed, weight_model, concentration, unknown, confidence)
    path = case_path(case)
    if out is not None:
        check_target(out, force, (*case_inputs(path), *(() if values is None else (values,))))
    loaded = load_case(path)
    appraisal = appraise(loaded)
    matrix = None if values is None else read_values(values, loaded)
    sure = assess_uncertainty(loaded, appraisal, matrix, settings)
    result = assess(loaded, appraisal.weights, method, samples=robustness, seed=settings.seed)
    print_tiers(loaded.clusters["name_en"], sure)
    print_rankings(loaded.clusters["name_en"], result, sure.tier)
    for name, reason in result.skipped.items():
        note(f"{name} left out: {reason}")
    if out is not None:
        files = rank_files(loaded, appraisal.weights, result, note, sure)
        write_folder(out, files, force=force)
        console.print(f"files in {out}")


def print_tiers(names: pd.Series, uncertainty: Uncertainty) -> None:
    """What the scores are made of, the tier rule, and the tiers."""
    from optimize.report.summary import tier_rule

    counts = uncertainty.statuses
    console.print(
        "cells: "
        + ", ".join(
            f"{int(row['cells'])} {status}"
            + (f" ({int(row['illustrative'])} illustrative)" if row["illustrative"] else "")
            for status, row in counts.iterrows()
            if row["cells"]
        )
    )
    settings = uncertainty.settings
    console.print(tier_rule(settings.confidence), soft_wrap=True)
    table = Table(
        title=f"Tiers the data cannot separate (SMAA-2, {settings.samples} samples, seed "
        f"{settings.seed}; weights: {settings.describe()})"
    )
    for column in ("tier", "clusters"):
        table.add_column(column)
    for k, members in enumerate(uncertainty.smaa.tiers, start=1):
        table.add_row(str(k), ", ".join(str(names[c]) for c in members))
    console.print(table)


def print_rankings(names: pd.Series, result: Robustness, tier: pd.Series) -> None:
    """Point ranks by method beside each cluster's tier, agreement, rank acceptability."""
    from optimize.appraisal.robustness import acceptability_table

    label = {str(k): str(v) for k, v in names.items()}
    tiers = tier.to_dict()
    ranks = result.ranks
    reference = str(ranks.columns[0])
    table = Table(title=f"Point ranks by method, with tier ({reference} order)")
    table.add_column("tier", justify="right")
    table.add_column("cluster")
    for name in ranks.columns:
        table.add_column(str(name), justify="right")
    for cluster, row in ranks.iterrows():
        table.add_row(str(tiers[cluster]), label[str(cluster)], *(str(int(r)) for r in row))
    console.print(table)
    if result.agreement is not None:
        agreement = Table(title=f"Agreement with {reference}")
        for column in ("method", "Spearman", "WS"):
            agreement.add_column(column)
        for other, row in result.agreement.loc[reference].iterrows():
            if other != reference:
                agreement.add_row(str(other), f"{row['spearman']:.3f}", f"{row['ws']:.3f}")
        console.print(agreement)
    sampled = result.acceptability
    if sampled is not None:
        shares = Table(
            title=f"Rank acceptability ({sampled.method}, {sampled.samples} weight samples, "
            f"seed {sampled.seed})"
        )
        for column in ("tier", "point rank", "cluster", "P(first)", "P(top 3)", "P(top 5)"):
            shares.add_column(column)
        shares.add_column("mean rank")
        for cluster, row in acceptability_table(result).iterrows():
            shares.add_row(
                str(tiers[cluster]),
                str(int(row["rank"])),
                label[str(cluster)],
                *(f"{row[k]:.3f}" for k in ("p_first", "p_top3", "p_top5")),
                f"{row['expected_rank']:.2f}",
            )
        console.print(shares)


def note(text: str) -> None:
    """One line for the user on stderr, outside the result tables."""
    errors.print(f"note: {text}", markup=False, soft_wrap=True)
