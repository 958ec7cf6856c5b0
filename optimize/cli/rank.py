"""``clusterplan rank``: rank a case's clusters by several methods and say how sure that is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from optimize.cli.common import CaseArg, case_path, console, errors
from optimize.cli.option_checks import check_count, check_finite

if TYPE_CHECKING:
    import pandas as pd

    from optimize.appraisal.robustness import Robustness

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
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", help="Seed of the weight samples (default: the seed clusterplan run uses)."
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write tables and charts here.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing folder.")] = False,
) -> None:
    """Rank the clusters by several MCDA methods; show agreement and rank acceptability."""
    from optimize.appraisal.appraise import appraise
    from optimize.appraisal.robustness import RUN_SEED, assess
    from optimize.casefiles.load import case_inputs, load_case
    from optimize.cli.output import check_target, write_folder
    from optimize.report.files import rank_files

    check_finite("--robustness", robustness, 0.0)
    check_count("--robustness", robustness, "samples", "weight samples")
    check_finite("--seed", seed, 0.0)
    path = case_path(case)
    if out is not None:
        check_target(out, force, case_inputs(path))
    loaded = load_case(path)
    weights = appraise(loaded).weights
    result = assess(
        loaded, weights, method, samples=robustness, seed=RUN_SEED if seed is None else seed
    )
    print_rankings(loaded.clusters["name_en"], result)
    for name, reason in result.skipped.items():
        note(f"{name} left out: {reason}")
    if out is not None:
        write_folder(out, rank_files(loaded, weights, result, note), force=force)
        console.print(f"files in {out}")


def print_rankings(names: pd.Series, result: Robustness) -> None:
    """Ranks by method, agreement with the first method, and rank acceptability."""
    from optimize.appraisal.robustness import acceptability_table

    label = {str(k): str(v) for k, v in names.items()}
    ranks = result.ranks
    reference = str(ranks.columns[0])
    table = Table(title=f"Cluster ranks by method (1 = best; ordered by {reference})")
    table.add_column("cluster")
    for name in ranks.columns:
        table.add_column(str(name), justify="right")
    for cluster, row in ranks.iterrows():
        table.add_row(label[str(cluster)], *(str(int(r)) for r in row))
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
        for column in ("rank", "cluster", "P(first)", "P(top 3)", "P(top 5)", "mean rank"):
            shares.add_column(column)
        for cluster, row in acceptability_table(result).iterrows():
            shares.add_row(
                str(int(row["rank"])),
                label[str(cluster)],
                *(f"{row[k]:.3f}" for k in ("p_first", "p_top3", "p_top5")),
                f"{row['expected_rank']:.2f}",
            )
        console.print(shares)


def note(text: str) -> None:
    """One line for the user on stderr, outside the result tables."""
    errors.print(f"note: {text}", markup=False, soft_wrap=True)
