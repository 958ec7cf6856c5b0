"""``clusterplan validate`` and ``clusterplan run``: check a case, or run the whole pipeline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from optimize.cli.common import (
    CaseArg,
    ForceOption,
    JsonOption,
    OutHelp,
    case_path,
    cells_line,
    cluster_names,
    console,
    errors,
    print_stock_checks,
    status_word,
    type_instrument_table,
)
from optimize.cli.lang import HELP_LANG, LangOption, checked_lang, current_lang, help_text, tell
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
from optimize.messages import say

if TYPE_CHECKING:
    from optimize.case.case import Case


def validate(case: CaseArg = None, lang: LangOption = None) -> None:
    """Check a case's files; print what was loaded or one line naming the bad input.

    Besides the counts of clusters, criteria and projects, it prints how many score cells are
    points, intervals, list-derived intervals, triangular, rated and unknown, and how many
    cite the paper, a public fact, the ratings, or are illustrative or unknown, and the share
    of sourced cells (points and intervals that cite a source).
    """
    from optimize.case import provenance_counts, sourced_note, waiting_candidates
    from optimize.casefiles.load import load_case
    from optimize.messages import say

    checked_lang(lang)
    loaded = load_case(case_path(case))
    console.print(
        Text.assemble(
            (tell("validate.ok"), "green"),
            tell(
                "validate.counts",
                name=loaded.name,
                clusters=len(loaded.clusters),
                leaves=len(loaded.criteria.leaves),
                projects=len(loaded.projects),
                budget=f"{loaded.budget:g}",
            ),
        )
    )
    statuses = loaded.values.status_counts()
    console.print(
        Text(cells_line(((str(k), int(n), 0) for k, n in statuses.to_dict().items()), zeros=True))
    )
    kinds = (
        tell("validate.provenance_part", count=n, kind=tell(f"validate.provenance.{k}"))
        for k, n in provenance_counts(loaded.values).items()
    )
    console.print(Text(tell("validate.provenance_line", parts=tell("list_separator").join(kinds))))
    console.print(Text(sourced_note(loaded.values, current_lang())), soft_wrap=True)
    if loaded.dropped:
        dropped = tell("list_separator").join(loaded.dropped)
        console.print(Text(tell("validate.dropped", criteria=dropped)))
    waiting = waiting_candidates(loaded)
    if len(waiting):
        count, total = len(waiting), len(loaded.projects)
        line = say("eligibility.waiting_count", current_lang(), count=count, total=total)
        console.print(Text(line), soft_wrap=True)
    print_stock_checks(loaded)


def run(
    case: CaseArg = None,
    out: Annotated[Path, typer.Option("--out", "-o", help=OutHelp)] = Path("out"),
    force: ForceOption = False,
    as_json: JsonOption = False,
    lang: LangOption = None,
    marginals: Annotated[bool, typer.Option("--marginals", help=help_text("marginals"))] = False,
    time_limit: Annotated[float | None, typer.Option(help=help_text("time_limit"), min=0.0)] = None,
    mip_gap: Annotated[float, typer.Option(help=help_text("mip_gap"), min=0.0)] = 1e-6,
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
            help=help_text("robust_samples"),
        ),
    ] = 0,
    questions: Annotated[
        bool,
        typer.Option(
            "--questions",
            help=say("planner_questions.option_help", HELP_LANG),
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
    from optimize.report import consistency_warnings, run_files, run_summary

    report_lang = checked_lang(lang)
    check_finite("--time-limit", time_limit, positive=True)
    check_finite("--mip-gap", mip_gap, 0.0)
    settings = uncertainty_settings(samples, seed, weight_model, concentration, unknown, confidence)
    check_finite("--robust-samples", robust_samples, 0.0)
    check_count("--robust-samples", robust_samples, "samples", msg("errors.noun.joint_samples"))
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
    write_folder(out, run_files(result, lang=report_lang), force=force)
    if marginals and result.marginals is None:
        errors.print(tell("run.marginals_skipped"), markup=False, highlight=False)
    for line in consistency_warnings(result.appraisal):
        errors.print(tell("warning", line=line), markup=False, highlight=False, soft_wrap=True)
    if as_json:
        sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    else:
        print_summary(summary, out, result.case)


def print_summary(summary: dict[str, Any], out: Path, case: Case) -> None:
    """A compact table of the run on the terminal, in the command's language.

    The summary holds English (as ``summary.json`` does): its notice, tier rule and tier
    phrases are worded again here, and clusters, types and instruments named from `case`.
    """
    import pandas as pd

    from optimize.report import illustrative_notice, optimality_note
    from optimize.report.summary import tier_phrase, tier_rule

    lang = current_lang()
    clusters = case.clusters
    shown = dict(zip(clusters["name_en"], cluster_names(clusters), strict=True))
    console.print(illustrative_notice(case, lang), style="bold yellow")
    sure = summary.get("uncertainty")
    if sure is not None:
        counts = sure["cell_status"].items()
        console.print(cells_line((s, c["cells"], c["illustrative"]) for s, c in counts))
        console.print(tier_rule(sure["confidence"], lang), soft_wrap=True)
        tiers = Table(
            title=tell(
                "run.tiers",
                confidence=f"{sure['confidence']:g}",
                samples=sure["samples"],
                seed=sure["seed"],
            )
        )
        for column in ("tier", "clusters"):
            tiers.add_column(tell(f"column.{column}"))
        for k, members in enumerate(sure["tiers"][:5], start=1):
            names = [shown.get(member, member) for member in members]
            tiers.add_row(str(k), tell("list_separator").join(names))
        console.print(tiers)
    ranking = Table(title=tell("run.ranking"))
    for column in ("tier", "point_rank", "cluster", "closeness"):
        ranking.add_column(tell(f"column.{column}"))
    for row in summary["ranking"][:5]:
        tier = str(row.get("tier", "-"))
        name = shown.get(row["name_en"], row["name_en"])
        ranking.add_row(tier, str(row["rank"]), name, f"{row['score']:.3f}")
    console.print(ranking)
    if sure is not None and summary["ranking"]:
        top = summary["ranking"][0]
        name = shown.get(top["name_en"], top["name_en"])
        tier = top["tier"]
        members = [shown.get(member, member) for member in sure["tiers"][tier - 1]]
        phrase = tier_phrase(tier, members, name, lang)
        console.print(tell("run.highest", name=name, tier=phrase))
    allocation = summary["allocation"]
    title = tell("run.allocation", status=status_word(allocation["status"]))
    console.print(
        type_instrument_table(case, pd.DataFrame(allocation["by_type_instrument"]), title)
    )
    console.print(
        tell(
            "run.spent",
            spent=f"{allocation['spent']:.2f}",
            budget=f"{allocation['budget']:g}",
            projects=allocation["funded_projects"],
            clusters=allocation["funded_clusters"],
            out=out,
        )
    )
    if note := optimality_note(allocation, lang):
        console.print(note)
