"""``clusterplan weights``: AHP or Best-Worst Method weights and consistency of a judgments file."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer
from rich.table import Table
from rich.text import Text

from optimize.casefiles.file_limits import check_table_file
from optimize.cli.common import console

if TYPE_CHECKING:
    from mcda.ahp import GroupMethod, Reciprocity
    from mcda.ahp import PriorityMethod as Method

RECIPROCAL_MODES = ("full", "upper")
#: The keys of ``mcda.consistency.RI_TABLES``, spelled out for ``--help`` so that building the
#: command line does not load mcda (a test checks that the two agree).
RI_TABLE_NAMES = ("saaty", "saaty2005", "alonso_lamata", "tummala_ling", "donegan_dodd")


def weights(
    judgments: Annotated[
        Path,
        typer.Argument(
            help="Judgments: a full matrix, or a long table row,col,value[,expert][,node] "
            "(e.g. a case's judgments.csv), or Best-Worst Method judgments "
            "[node,]best,worst,item,best_to_item,item_to_worst; CSV or .xlsx. Values are "
            "numbers, ratios like 1/5 or labels (equal, moderate, strong, very strong, "
            "extreme, 'equal to moderate', ...)."
        ),
    ],
    method: Annotated[
        str, typer.Option("--method", help="eigenvector or geometric_mean.")
    ] = "eigenvector",
    ri: Annotated[
        str, typer.Option("--ri", help=f"Random-index table: {', '.join(RI_TABLE_NAMES)}.")
    ] = "saaty",
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
    reciprocal: Annotated[
        str,
        typer.Option(
            "--reciprocal",
            help="full: the lower triangle of a matrix must mirror the upper one; "
            "upper: read only the upper triangle.",
        ),
    ] = "full",
    group: Annotated[
        str,
        typer.Option(
            "--group", help="Several experts: aggregate judgments (aij) or priorities (aip)."
        ),
    ] = "aij",
    sheet: Annotated[str | None, typer.Option("--sheet", help="Workbook sheet to read.")] = None,
    strict_scale: Annotated[
        bool, typer.Option("--strict-scale", help="Refuse values off Saaty's 1/9..9 scale.")
    ] = False,
    top: Annotated[int, typer.Option("--top", help="Judgments to list in each diagnosis.")] = 3,
) -> None:
    """Print weights, lambda_max, CI, CR (with its random-index table), verdict and diagnosis.

    For Best-Worst Method judgments: weights (linear model), xi^L, xi*, CR, input-based CR.
    """
    from mcda.ahp import COMPLETION_FOR, GROUP_METHODS, judgments_form, read_judgments, ri_table
    from optimize.cli.ahp_report import node_report

    if judgments_form(judgments, sheet=sheet) == "bwm":
        bwm_weights(judgments, sheet, strict_scale, as_json)
        return
    check_choice("method", method, list(COMPLETION_FOR))
    check_choice("reciprocal", reciprocal, list(RECIPROCAL_MODES))
    check_choice("group", group, list(GROUP_METHODS))
    ri_table(ri)
    check_table_file(judgments)
    matrices = read_judgments(
        judgments,
        sheet=sheet,
        reciprocal=cast("Reciprocity", reciprocal),
        strict_scale=strict_scale,
    )
    reports = {
        node: node_report(experts, cast("Method", method), ri, cast("GroupMethod", group), top)
        for node, experts in matrices.items()
    }
    if as_json:
        sys.stdout.write(json.dumps(reports, indent=2, ensure_ascii=False) + "\n")
        return
    for node, report in reports.items():
        print_report(node, report)


def check_choice(option: str, value: str, allowed: list[str]) -> None:
    """Refuse an option value outside `allowed` (one line, exit 2 via the CLI's main)."""
    from mcda import JudgmentError

    if value not in allowed:
        raise JudgmentError(f"--{option} must be one of {', '.join(allowed)}, not {value!r}")


def print_report(node: str, report: Mapping[str, Any]) -> None:
    """One node's results on the terminal."""
    experts = report.get("experts", {})
    table = Table(title=f"{node}: AHP weights" + (f" ({report['aggregation']})" if experts else ""))
    table.add_column("item")
    table.add_column("weight", justify="right")
    for name in experts:
        table.add_column(name, justify="right")
    for item, weight in report["weights"].items():
        by_expert = [f"{e['weights'][item]:.4f}" for e in experts.values()]
        table.add_row(item, f"{weight:.4f}", *by_expert)
    console.print(table)
    if experts:
        console.print(f"consensus (Goepel's relative homogeneity) {report['consensus']:.3f}")
        if "group_matrix" in report:
            print_consistency("group matrix", report["group_matrix"])
        for name, expert in experts.items():
            print_consistency(f"{name} (compatibility {expert['compatibility']:.3f})", expert)
    else:
        print_consistency("", report)


def print_consistency(who: str, report: Mapping[str, Any]) -> None:
    """lambda_max, CI, CR with its table, the verdict, completions and the diagnosis."""
    from mcda.ahp import scale_label

    prefix = f"{who}: " if who else ""
    console.print(
        f"{prefix}lambda_max {report['lambda_max']:.4f}, CI {report['ci']:.4f}, "
        f"CR {report['cr']:.4f} (RI {report['ri']:.4f}, table {report['ri_table']}: "
        f"{report['ri_source']})",
        markup=False,
        highlight=False,
    )
    style = "green" if report["acceptable"] else "bold red"
    console.print(Text.assemble("  ", (str(report["verdict"]), style)))
    for cell in report["completed"]:
        console.print(
            f"  completed ({cell['row']}, {cell['col']}) = {cell['value']:.4f} "
            "(lambda_max-optimal, Bozóki et al. 2010)",
            markup=False,
        )
    diagnosis = report.get("diagnosis", {})
    if "note" in diagnosis:
        console.print(f"  {diagnosis['note']}", markup=False)
    for revision in diagnosis.get("revisions", []):
        console.print(
            f"  revise ({revision['row']}, {revision['col']}) "
            f"{scale_label(revision['judgment'])} -> {scale_label(revision['suggested'])}: "
            f"CR {report['cr']:.3f} -> {revision['cr_after']:.3f}",
            markup=False,
        )


def bwm_weights(path: Path, sheet: str | None, strict_scale: bool, as_json: bool) -> None:
    """Weights and consistency of each node of a Best-Worst Method judgments file."""
    from mcda import JudgmentError
    from mcda.ahp import bwm, read_bwm
    from optimize.cli.ahp_report import bwm_report

    reports = {}
    for node, given in read_bwm(path, sheet=sheet, strict_scale=strict_scale).items():
        try:
            result = bwm(
                given.best_to_others, given.others_to_worst, best=given.best, worst=given.worst
            )
        except JudgmentError as exc:
            raise JudgmentError(f"node {node!r}: {exc.message}", file=path.name) from None
        reports[node] = bwm_report(result)
    if as_json:
        sys.stdout.write(json.dumps(reports, indent=2, ensure_ascii=False) + "\n")
        return
    for node, report in reports.items():
        table = Table(title=f"{node}: BWM weights (best {report['best']}, worst {report['worst']})")
        table.add_column("item")
        table.add_column("weight", justify="right")
        table.add_column("nonlinear interval", justify="right")
        for item, weight in report["weights"].items():
            low, high = report["intervals"][item]
            table.add_row(item, f"{weight:.4f}", f"{low:.4f}-{high:.4f}")
        console.print(table)
        console.print(
            f"xi^L {report['xi_linear']:.4f}, xi* {report['xi_star']:.4f}, "
            f"CR {report['cr']:.4f} (xi* / CI {report['consistency_index']:.2f}, Rezaei 2015), "
            f"input-based CR {report['cr_input']:.4f} (Liang et al. 2020); "
            f"{report['comparisons']} comparisons (a full AHP matrix: {report['ahp_comparisons']})",
            markup=False,
            highlight=False,
        )
