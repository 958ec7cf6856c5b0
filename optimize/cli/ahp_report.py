"""JSON-ready results of ``clusterplan weights``: AHP weights, consistency and diagnosis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from mcda.ahp import (
    DIAGNOSIS_METHOD,
    RI_TABLES,
    AHPResult,
    BWMResult,
    GroupMethod,
    aggregate,
    diagnose,
    priorities,
)
from mcda.ahp import PriorityMethod as Method
from optimize.cli.lang import tell


def node_report(
    experts: Mapping[str, pd.DataFrame], method: Method, ri: str, how: GroupMethod, top: int
) -> dict[str, Any]:
    """JSON-ready results of one node: one expert's matrix, or a panel's aggregate."""
    if len(experts) == 1:
        (frame,) = experts.values()
        result = priorities(frame, method, ri)
        return {**_result_report(result), "diagnosis": _diagnosis_report(frame, result, ri, top)}
    panel = aggregate(experts, how=how, method=method, ri=ri)
    report: dict[str, Any] = {
        "weights": _floats(panel.weights),
        "aggregation": how,
        "consensus": panel.consensus,
        "experts": {
            name: {
                **_result_report(result),
                "compatibility": float(panel.compatibility[name]),
                "diagnosis": _diagnosis_report(experts[name], result, ri, top),
            }
            for name, result in panel.experts.items()
        },
    }
    if panel.aggregate is not None:
        report["group_matrix"] = _result_report(panel.aggregate)
    return report


def _result_report(result: AHPResult) -> dict[str, Any]:
    """Weights, consistency, verdict and what was completed, as plain values."""
    filled = result.completion.filled if result.completion is not None else pd.Series()
    return {
        "weights": _floats(result.weights),
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


def _diagnosis_report(frame: pd.DataFrame, result: AHPResult, ri: str, top: int) -> dict[str, Any]:
    """The judgments whose revision lowers CR most, or why there is no diagnosis."""
    if result.completed:
        return {"note": tell("weights.no_diagnosis")}
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


def _floats(series: pd.Series) -> dict[str, float]:
    """A Series as a JSON-ready dict."""
    return {str(key): float(value) for key, value in series.items()}


def bwm_report(result: BWMResult) -> dict[str, Any]:
    """A BWM result as plain values."""
    return {
        "method": "bwm",
        "model": result.model,
        "best": result.best,
        "worst": result.worst,
        "weights": _floats(result.weights),
        "xi_linear": result.xi,
        "xi_star": result.xi_star,
        "consistency_index": result.consistency_index,
        "cr": result.cr,
        "cr_input": result.cr_input,
        "intervals": {
            str(item): [float(row["low"]), float(row["high"])]
            for item, row in result.intervals.iterrows()
        },
        "comparisons": result.comparisons,
        "ahp_comparisons": result.n * (result.n - 1) // 2,
    }
