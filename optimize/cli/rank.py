"""``clusterplan rank``: rank a case's clusters by several methods and say how sure that is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from optimize.cli.common import (
    CaseArg,
    ForceOption,
    case_path,
    cells_line,
    cluster_names,
    console,
    errors,
)
from optimize.cli.lang import LangOption, checked_lang, current_lang, help_text, tell
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
        help=help_text("method"),
    ),
]


def rank_command(
    case: CaseArg = None,
    method: MethodOption = None,
    robustness: Annotated[int, typer.Option("--robustness", help=help_text("robustness"))] = 0,
    seed: SeedOption = None,
    samples: SamplesOption = None,
    weight_model: WeightModelOption = None,
    concentration: ConcentrationOption = None,
    confidence: ConfidenceOption = None,
    values: ValuesOption = None,
    unknown: UnknownOption = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help=help_text("rank_out"))] = None,
    force: ForceOption = False,
    lang: LangOption = None,
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

    checked_lang(lang)
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
    names = cluster_names(loaded.clusters)
    print_tiers(names, sure)
    print_rankings(names, result, sure.tier)
    for name, reason in result.skipped.items():
        note(tell("rank.left_out", method=name, reason=reason.render(current_lang())))
    if out is not None:
        files = rank_files(loaded, appraisal.weights, result, note, sure)
        write_folder(out, files, force=force)
        console.print(tell("files_in", out=out))


def print_tiers(names: pd.Series, uncertainty: Uncertainty) -> None:
    """What the scores are made of, the tier rule, and the tiers."""
    from optimize.report.summary import tier_rule

    counts = uncertainty.statuses
    console.print(
        cells_line(
            (str(status), int(row["cells"]), int(row["illustrative"]))
            for status, row in counts.iterrows()
        )
    )
    settings = uncertainty.settings
    console.print(tier_rule(settings.confidence, current_lang()), soft_wrap=True)
    table = Table(
        title=tell(
            "rank.tiers",
            samples=settings.samples,
            seed=settings.seed,
            weights=settings.describe(current_lang()),
        )
    )
    for column in ("tier", "clusters"):
        table.add_column(tell(f"column.{column}"))
    for k, members in enumerate(uncertainty.smaa.tiers, start=1):
        table.add_row(str(k), tell("list_separator").join(str(names[c]) for c in members))
    console.print(table)


def print_rankings(names: pd.Series, result: Robustness, tier: pd.Series) -> None:
    """Point ranks by method beside each cluster's tier, agreement, rank acceptability."""
    from optimize.appraisal.robustness import acceptability_table

    label = {str(k): str(v) for k, v in names.items()}
    tiers = tier.to_dict()
    ranks = result.ranks
    reference = str(ranks.columns[0])
    table = Table(title=tell("rank.point_ranks", reference=reference))
    table.add_column(tell("column.tier"), justify="right")
    table.add_column(tell("column.cluster"))
    for name in ranks.columns:
        table.add_column(str(name), justify="right")
    for cluster, row in ranks.iterrows():
        table.add_row(str(tiers[cluster]), label[str(cluster)], *(str(int(r)) for r in row))
    console.print(table)
    if result.agreement is not None:
        agreement = Table(title=tell("rank.agreement", reference=reference))
        for column in ("method", "spearman", "ws"):
            agreement.add_column(tell(f"column.{column}"))
        for other, row in result.agreement.loc[reference].iterrows():
            if other != reference:
                agreement.add_row(str(other), f"{row['spearman']:.3f}", f"{row['ws']:.3f}")
        console.print(agreement)
    sampled = result.acceptability
    if sampled is not None:
        shares = Table(
            title=tell(
                "rank.acceptability",
                method=sampled.method,
                samples=sampled.samples,
                seed=sampled.seed,
            )
        )
        for column in ("tier", "point_rank", "cluster", "p_first", "p_top3", "p_top5"):
            shares.add_column(tell(f"column.{column}"))
        shares.add_column(tell("column.mean_rank"))
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
    errors.print(tell("note", line=text), markup=False, soft_wrap=True)
