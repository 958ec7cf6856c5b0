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
from optimize.cli.common import JsonOption, console
from optimize.cli.lang import LangOption, checked_lang, help_text, tell
from optimize.errors import InputError, mcda_message, msg

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
        typer.Argument(help=help_text("judgments")),
    ],
    method: Annotated[
        str, typer.Option("--method", help=help_text("priority_method"))
    ] = "eigenvector",
    ri: Annotated[
        str, typer.Option("--ri", help=help_text("ri", tables=", ".join(RI_TABLE_NAMES)))
    ] = "saaty",
    as_json: JsonOption = False,
    reciprocal: Annotated[
        str,
        typer.Option(
            "--reciprocal",
            help=help_text("reciprocal"),
        ),
    ] = "full",
    group: Annotated[
        str,
        typer.Option("--group", help=help_text("group")),
    ] = "aij",
    sheet: Annotated[str | None, typer.Option("--sheet", help=help_text("sheet"))] = None,
    strict_scale: Annotated[
        bool, typer.Option("--strict-scale", help=help_text("strict_scale"))
    ] = False,
    top: Annotated[int, typer.Option("--top", help=help_text("top"))] = 3,
    lang: LangOption = None,
) -> None:
    """Print weights, lambda_max, CI, CR (with its random-index table), verdict and diagnosis.

    For Best-Worst Method judgments: weights (linear model), xi^L, xi*, CR, input-based CR.
    """
    from mcda.ahp import COMPLETION_FOR, GROUP_METHODS, judgments_form, read_judgments, ri_table
    from optimize.cli.ahp_report import node_report

    checked_lang(lang)
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
    if value not in allowed:
        raise InputError(
            f"--{option}", msg("errors.option.choice", allowed=", ".join(allowed), value=value)
        )


def print_report(node: str, report: Mapping[str, Any]) -> None:
    """One node's results on the terminal."""
    experts = report.get("experts", {})
    aggregation = tell("weights.aggregation", how=report["aggregation"]) if experts else ""
    table = Table(title=tell("weights.ahp_title", node=node, aggregation=aggregation))
    table.add_column(tell("column.item"))
    table.add_column(tell("column.weight"), justify="right")
    for name in experts:
        table.add_column(name, justify="right")
    for item, weight in report["weights"].items():
        by_expert = [f"{e['weights'][item]:.4f}" for e in experts.values()]
        table.add_row(item, f"{weight:.4f}", *by_expert)
    console.print(table)
    if experts:
        console.print(tell("weights.consensus", value=f"{report['consensus']:.3f}"))
        if "group_matrix" in report:
            print_consistency(tell("weights.group_matrix"), report["group_matrix"])
        for name, expert in experts.items():
            who = tell("weights.expert", name=name, value=f"{expert['compatibility']:.3f}")
            print_consistency(who, expert)
    else:
        print_consistency("", report)


def print_consistency(who: str, report: Mapping[str, Any]) -> None:
    """lambda_max, CI, CR with its table, the verdict, completions and the diagnosis."""
    from mcda.ahp import scale_label

    prefix = tell("weights.who", who=who) if who else ""
    console.print(
        prefix
        + tell(
            "weights.consistency",
            lambda_max=f"{report['lambda_max']:.4f}",
            ci=f"{report['ci']:.4f}",
            cr=f"{report['cr']:.4f}",
            ri=f"{report['ri']:.4f}",
            table=report["ri_table"],
            source=report["ri_source"],
        ),
        markup=False,
        highlight=False,
    )
    style = "green" if report["acceptable"] else "bold red"  # rich style names
    console.print(Text.assemble("  ", (verdict_line(report), style)))
    for cell in report["completed"]:
        console.print(
            tell(
                "weights.completed",
                row=cell["row"],
                col=cell["col"],
                value=f"{cell['value']:.4f}",
            ),
            markup=False,
        )
    diagnosis = report.get("diagnosis", {})
    if "note" in diagnosis:
        console.print(f"  {diagnosis['note']}", markup=False)
    for revision in diagnosis.get("revisions", []):
        console.print(
            tell(
                "weights.revise",
                row=revision["row"],
                col=revision["col"],
                given=scale_label(revision["judgment"]),
                suggested=scale_label(revision["suggested"]),
                before=f"{report['cr']:.3f}",
                after=f"{revision['cr_after']:.3f}",
            ),
            markup=False,
        )


def verdict_line(report: Mapping[str, Any]) -> str:
    """The verdict on a matrix's CR in the command's language (the JSON keeps mcda's words)."""
    return tell(
        "weights.verdict.acceptable" if report["acceptable"] else "weights.verdict.revise",
        cr=f"{report['cr']:.3f}",
        threshold=f"{report['threshold']:.2f}",
        table=report["ri_table"],
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
            raise InputError(
                path.name, msg("errors.option.bwm_node", node=node, problem=mcda_message(exc))
            ) from None
        reports[node] = bwm_report(result)
    if as_json:
        sys.stdout.write(json.dumps(reports, indent=2, ensure_ascii=False) + "\n")
        return
    for node, report in reports.items():
        table = Table(
            title=tell("weights.bwm_title", node=node, best=report["best"], worst=report["worst"])
        )
        table.add_column(tell("column.item"))
        table.add_column(tell("column.weight"), justify="right")
        table.add_column(tell("column.nonlinear_interval"), justify="right")
        for item, weight in report["weights"].items():
            low, high = report["intervals"][item]
            table.add_row(item, f"{weight:.4f}", f"{low:.4f}-{high:.4f}")
        console.print(table)
        console.print(
            tell(
                "weights.bwm_consistency",
                xi_linear=f"{report['xi_linear']:.4f}",
                xi_star=f"{report['xi_star']:.4f}",
                cr=f"{report['cr']:.4f}",
                ci=f"{report['consistency_index']:.2f}",
                cr_input=f"{report['cr_input']:.4f}",
                comparisons=report["comparisons"],
                ahp=report["ahp_comparisons"],
            ),
            markup=False,
            highlight=False,
        )
