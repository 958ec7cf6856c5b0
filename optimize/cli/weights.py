"""``clusterplan weights``: AHP weights, consistency and diagnosis of a judgments file."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, cast

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mcda.consistency import RI_TABLES, ri_table
from mcda.diagnose import METHOD as DIAGNOSIS_METHOD
from mcda.diagnose import diagnose
from mcda.errors import JudgmentError
from mcda.group import GROUP_METHODS, GroupMethod, aggregate
from mcda.judgments import read_judgments
from mcda.pairwise import Reciprocity
from mcda.priorities import COMPLETION_FOR, AHPResult, Method, priorities
from mcda.scale import scale_label

console = Console()

RECIPROCAL_MODES = ("full", "upper")


def weights(
    judgments: Annotated[
        Path,
        typer.Argument(
            help="Judgments: a full matrix, or a long table row,col,value[,expert][,node] "
            "(e.g. a case's judgments.csv); CSV or .xlsx. Values are numbers, ratios like "
            "1/5 or labels (equal, moderate, strong, very strong, extreme, "
            "'equal to moderate', ...)."
        ),
    ],
    method: Annotated[
        str, typer.Option("--method", help="eigenvector or geometric_mean.")
    ] = "eigenvector",
    ri: Annotated[
        str, typer.Option("--ri", help=f"Random-index table: {', '.join(RI_TABLES)}.")
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
    """Print weights, lambda_max, CI, CR (with its random-index table), verdict and diagnosis."""
    check_choice("method", method, list(COMPLETION_FOR))
    check_choice("reciprocal", reciprocal, list(RECIPROCAL_MODES))
    check_choice("group", group, list(GROUP_METHODS))
    ri_table(ri)
    matrices = read_judgments(
        judgments, sheet=sheet, reciprocal=cast(Reciprocity, reciprocal), strict_scale=strict_scale
    )
    reports = {
        node: node_report(experts, cast(Method, method), ri, cast(GroupMethod, group), top)
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
        raise JudgmentError(f"--{option} must be one of {', '.join(allowed)}, not {value!r}")


def node_report(
    experts: Mapping[str, pd.DataFrame], method: Method, ri: str, how: GroupMethod, top: int
) -> dict[str, Any]:
    """JSON-ready results of one node: one expert's matrix, or a panel's aggregate."""
    if len(experts) == 1:
        (frame,) = experts.values()
        result = priorities(frame, method, ri)
        return {**result_report(result), "diagnosis": diagnosis_report(frame, result, ri, top)}
    panel = aggregate(experts, how=how, method=method, ri=ri)
    report: dict[str, Any] = {
        "weights": floats(panel.weights),
        "aggregation": how,
        "consensus": panel.consensus,
        "experts": {
            name: {
                **result_report(result),
                "compatibility": float(panel.compatibility[name]),
                "diagnosis": diagnosis_report(experts[name], result, ri, top),
            }
            for name, result in panel.experts.items()
        },
    }
    if panel.aggregate is not None:
        report["group_matrix"] = result_report(panel.aggregate)
    return report


def result_report(result: AHPResult) -> dict[str, Any]:
    """Weights, consistency, verdict and what was completed, as plain values."""
    filled = result.completion.filled if result.completion is not None else pd.Series()
    return {
        "weights": floats(result.weights),
        "method": result.method,
        "lambda_max": result.lambda_max,
        "ci": result.ci,
        "cr": result.cr,
        "ri": result.ri,
        "ri_table": result.ri_table,
        "ri_source": RI_TABLES[result.ri_table].source,
        "threshold": result.threshold,
        "acceptable": result.acceptable,
        "verdict": result.consistency.verdict,
        "completed": [
            {"row": str(row), "col": str(col), "value": float(value)}
            for (row, col), value in zip(filled.index.tolist(), filled.tolist(), strict=True)
        ],
    }


def diagnosis_report(frame: pd.DataFrame, result: AHPResult, ri: str, top: int) -> dict[str, Any]:
    """The judgments whose revision lowers CR most, or why there is no diagnosis."""
    if result.completed:
        return {"note": "no diagnosis of an incomplete matrix: complete the judgments first"}
    revisions = diagnose(frame, ri, threshold=result.threshold).top(top)
    return {
        "method": DIAGNOSIS_METHOD,
        "revisions": [
            {
                "row": str(row["row"]),
                "col": str(row["col"]),
                "judgment": float(row["judgment"]),
                "suggested": float(row["suggested"]),
                "cr_after": float(row["cr_after"]),
            }
            for _, row in revisions.iterrows()
        ],
    }


def floats(series: pd.Series) -> dict[str, float]:
    """A Series as a JSON-ready dict."""
    return {str(key): float(value) for key, value in series.items()}


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
