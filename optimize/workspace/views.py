"""What each view of the workspace shows, as plain rows for the page templates.

Pure functions of an :class:`~optimize.workspace.answer.Answer` and a language: names in the
page's language (``name_zh`` / ``name_en``), numbers rounded for reading. The templates
escape every name (Jinja autoescape): names are data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mcda.ahp import diagnose
from optimize.case import Case
from optimize.messages import Lang
from optimize.workspace.answer import Answer

#: Views of the page, in the order of its navigation.
VIEWS = ("case", "weights", "ranking", "allocation", "frontier", "scenarios", "export")


def names(table: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """Id -> name in `lang` (``name_zh`` or ``name_en``, the id where the table has none)."""
    column = f"name_{lang}"
    if column not in table.columns:
        return {str(i): str(i) for i in table.index}
    return {str(i): str(v) if str(v).strip() else str(i) for i, v in table[column].items()}


@dataclass(frozen=True)
class Labels:
    """Names of a case's clusters, criteria, types and instruments in one language."""

    clusters: Mapping[str, str]
    criteria: Mapping[str, str]
    types: Mapping[str, str]
    instruments: Mapping[str, str]

    @classmethod
    def of(cls, case: Case, lang: Lang) -> Labels:
        """The case's names in `lang`."""
        return cls(
            names(case.clusters, lang),
            names(case.criteria.table, lang),
            names(case.types, lang),
            names(case.instruments, lang),
        )

    def key(self, key: str) -> str:
        """A rule row's key for people, in the page's language.

        ``basic:min`` -> ``<type name> (min)``; a project id ``cluster.instrument`` ->
        ``<cluster name> · <instrument name>``.
        """
        head, colon, tail = key.partition(":")
        named = " · ".join(self.any(part) for part in head.split("."))
        return f"{named} ({tail})" if colon else named

    def any(self, key: str) -> str:
        """The name of a cluster, criterion, type or instrument id (else the id itself)."""
        for table in (self.clusters, self.criteria, self.types, self.instruments):
            if key in table:
                return table[key]
        return key


def status_counts(answer: Answer) -> list[dict[str, Any]]:
    """Cells of the decision matrix by status, with how many are illustrative."""
    table = answer.uncertainty.statuses
    return [
        {
            "status": str(status),
            "cells": int(row["cells"]),
            "illustrative": int(row["illustrative"]),
        }
        for status, row in table.iterrows()
    ]


def judgment_nodes(answer: Answer) -> list[dict[str, Any]]:
    """Per judged node and expert: items, the matrix's upper triangle, CR and diagnosis."""
    nodes = []
    for node, group in answer.appraisal.local.items():
        for expert, result in group.experts.items():
            matrix = answer.case.judgments[node][expert]
            items = [str(i) for i in matrix.index]
            pairs = [
                {"row": a, "col": b, "value": float(matrix.to_numpy()[k, items.index(b)])}
                for k, a in enumerate(items)
                for b in items[k + 1 :]
            ]
            advice = diagnose(matrix).top(1) if not result.consistency.acceptable else None
            nodes.append(
                {
                    "node": str(node),
                    "expert": str(expert),
                    "pairs": pairs,
                    "weights": {str(k): float(v) for k, v in result.weights.items()},
                    "cr": float(result.consistency.cr),
                    "threshold": float(result.consistency.threshold),
                    "acceptable": bool(result.consistency.acceptable),
                    "advice": None if advice is None or advice.empty else advice.iloc[0].to_dict(),
                }
            )
    return nodes


def winning_cells(answer: Answer) -> tuple[list[str], list[list[float]]]:
    """Clusters in tier order and P(row beats column) between them [-]."""
    order = [str(c) for c in answer.uncertainty.rank_intervals.index]
    winning = answer.uncertainty.smaa.winning.loc[order, order]
    return order, winning.to_numpy(float).round(2).tolist()


def heat(share: float) -> str:
    """Background colour of a share in [0, 1]: white to dark blue (CSS ``rgb``)."""
    level = float(np.clip(share, 0.0, 1.0))
    red, green, blue = (round(255 - level * (255 - c)) for c in (8, 48, 107))
    return f"rgb({red},{green},{blue})"


def frontier_path(points: pd.DataFrame, width: float = 560, height: float = 240) -> dict[str, Any]:
    """SVG coordinates of the budget frontier (benefit over budget) in a plot box [px].

    Points without an allocation (infeasible budgets) are left out of the line.
    """
    valid = points[np.isfinite(points["objective"].to_numpy(float))]
    if valid.empty:
        return {"line": "", "points": [], "width": width, "height": height}
    x = valid["budget"].to_numpy(float)
    y = valid["objective"].to_numpy(float)
    x0, x1 = float(x.min()), float(x.max()) or 1.0
    y1 = float(y.max()) or 1.0
    span = (x1 - x0) or 1.0

    def at(bx: float, by: float) -> tuple[float, float]:
        return (40 + (bx - x0) / span * (width - 60), height - 30 - by / y1 * (height - 50))

    coords = [at(bx, by) for bx, by in zip(x, y, strict=True)]
    return {
        "line": " ".join(f"{a:.1f},{b:.1f}" for a, b in coords),
        "points": [
            {"x": a, "y": b, "budget": bx, "objective": by}
            for (a, b), bx, by in zip(coords, x, y, strict=True)
        ],
        "width": width,
        "height": height,
        "x_range": (x0, x1),
        "y_max": y1,
        "at": at,
    }
