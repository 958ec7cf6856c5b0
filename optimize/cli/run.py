"""``clusterplan validate`` and ``clusterplan run``: check a case, or run the whole pipeline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from optimize.cli.common import (
    CaseArg,
    case_path,
    console,
    errors,
    print_stock_checks,
)
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
from optimize.errors import InputError
from optimize.messages import say


def validate(case: CaseArg = None) -> None:
    """Check a case's files; print what was loaded or one line naming the bad input.

    Besides the counts of clusters, criteria and projects, it prints how many score cells are
    points, intervals, list-derived intervals, triangular, rated and unknown, and how many
    cite the paper, a public fact, the ratings, or are illustrative or unknown, and the share
    of sourced cells (points and intervals that cite a source).
    """
    from optimize.case import provenance_counts, sourced_note
    from optimize.casefiles.load import load_case
    from optimize.messages import default_lang

    loaded = load_case(case_path(case))
    console.print(
        Text.assemble(
            ("ok", "green"),
            f" {loaded.name}: {len(loaded.clusters)} clusters, "
            f"{len(loaded.criteria.leaves)} leaf criteria, {len(loaded.projects)} projects, "
            f"budget {loaded.budget:g}",
        )
    )
    statuses = loaded.values.status_counts()
    for what, counts in (("cells", statuses), ("provenance", provenance_counts(loaded.values))):
        console.print(Text(f"{what}: " + ", ".join(f"{n} {k}" for k, n in counts.items())))
    console.print(Text(sourced_note(loaded.values, default_lang())))
    if loaded.dropped:
        console.print(Text(f"dropped for unknown cells: {', '.join(loaded.dropped)}"))
    print_stock_checks(loaded)


def run(
    case: CaseArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing folder.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    lang: Annotated[str, typer.Option("--lang", help="Report language: en or zh.")] = "en",
    marginals: Annotated[
        bool, typer.Option("--marginals", help="Also compute marginal values (slower).")
    ] = False,
    time_limit: Annotated[
        float | None, typer.Option(help="HiGHS time limit in seconds.", min=0.0)
    ] = None,
    mip_gap: Annotated[float, typer.Option(help="Relative MIP gap [-].", min=0.0)] = 1e-6,
    values: ValuesOption = None,
    unknown: UnknownOption = None,
    samples: SamplesOption = None,
    seed: SeedOption = None,
    weight_model: WeightModelOption = None,
    concentration: ConcentrationOption = None,
    confidence: ConfidenceOption = None,
    robust_samples: Annotated[
        int,
        typer.Option(
            "--robust-samples",
            help="Joint samples of the funding robustness (core index of each project; one "
            "re-solve each, about 40 per second; 0: skip).",
        ),
    ] = 0,
    questions: Annotated[
        bool,
        typer.Option(
            "--questions",
            help=say("planner_questions.option_help", "en"),
        ),
    ] = False,
) -> None:
    """Appraise, rank and allocate; write tables, summary, reports (md, html) and results.xlsx.

    The report leads with how sure the ranking is: SMAA-2 over --samples joint draws of the
    scores and leaf weights, and the tiers of clusters the data cannot separate.
    """
    from optimize.casefiles.load import case_inputs
    from optimize.cli.infeasible import infeasible_error
    from optimize.cli.option_checks import check_count, check_finite
    from optimize.cli.output import check_target, write_folder
    from optimize.model import SolverOptions
    from optimize.pipeline import run_case
    from optimize.report import LANGS, consistency_warnings, is_lang, run_files, run_summary

    if not is_lang(lang):
        raise InputError("--lang", f"unknown language {lang!r} (use {' or '.join(LANGS)})")
    check_finite("--time-limit", time_limit, positive=True)
    check_finite("--mip-gap", mip_gap, 0.0)
    settings = uncertainty_settings(samples, seed, weight_model, concentration, unknown, confidence)
    check_finite("--robust-samples", robust_samples, 0.0)
    check_count("--robust-samples", robust_samples, "samples", "joint samples")
    path = case_path(case)
    check_target(out, force, (*case_inputs(path), *(() if values is None else (values,))))
    options = SolverOptions(time_limit=time_limit, mip_gap=mip_gap)
    result = run_case(
        path,
        options,
        marginals=marginals,
        values=values,
        uncertainty=settings,
        robust_samples=robust_samples,
        questions=questions,
    )
    if not result.allocation.status.has_solution:
        raise infeasible_error(result.case, result.appraisal, result.allocation, options)
    summary = run_summary(result)
    write_folder(out, run_files(result, lang=lang), force=force)
    if marginals and result.marginals is None:
        errors.print(
            "note: marginal values skipped: the time limit stopped the solve",
            markup=False,
            highlight=False,
        )
    for line in consistency_warnings(result.appraisal):
        errors.print(f"warning: {line}", markup=False, highlight=False, soft_wrap=True)
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    else:
        print_summary(summary, out)


def print_summary(summary: dict[str, Any], out: Path) -> None:
    """A compact table of the run on the terminal."""
    from optimize.report import optimality_note

    console.print(summary["notice"], style="bold yellow")
    sure = summary.get("uncertainty")
    if sure is not None:
        statuses = ", ".join(
            f"{count['cells']} {status}"
            + (f" ({count['illustrative']} illustrative)" if count["illustrative"] else "")
            for status, count in sure["cell_status"].items()
            if count["cells"]
        )
        console.print(f"cells: {statuses}")
        console.print(sure["rule"], soft_wrap=True)
        tiers = Table(
            title=f"Tiers the data cannot separate at confidence {sure['confidence']:g} "
            f"(SMAA-2, {sure['samples']} samples, seed {sure['seed']})"
        )
        for column in ("tier", "clusters"):
            tiers.add_column(column)
        for k, members in enumerate(sure["tiers"][:5], start=1):
            tiers.add_row(str(k), ", ".join(members))
        console.print(tiers)
    ranking = Table(title="Support-system ranking (TOPSIS closeness), top clusters")
    for column in ("tier", "point rank", "cluster", "closeness"):
        ranking.add_column(column)
    for row in summary["ranking"][:5]:
        tier = str(row.get("tier", "-"))
        ranking.add_row(tier, str(row["rank"]), row["name_en"], f"{row['score']:.3f}")
    console.print(ranking)
    if sure is not None and summary["ranking"]:
        top = summary["ranking"][0]
        console.print(f"highest closeness: {top['name_en']}, {top['tier_text']}")
    allocation = summary["allocation"]
    table = Table(title=f"Allocation (亿元), status {allocation['status']}")
    grid = allocation["by_type_instrument"]
    columns = list(next(iter(grid.values())))
    table.add_column("type")
    for column in columns:
        table.add_column(column, justify="right")
    for kind, row in grid.items():
        table.add_row(kind, *(f"{row[c]:.2f}" for c in columns))
    console.print(table)
    console.print(
        f"spent {allocation['spent']:.2f} of {allocation['budget']:g} on "
        f"{allocation['funded_projects']} projects in {allocation['funded_clusters']} clusters; "
        f"files in {out}"
    )
    if note := optimality_note(allocation):
        console.print(note)
