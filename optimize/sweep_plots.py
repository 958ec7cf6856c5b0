"""Charts of sweep results (matplotlib, Agg): frontier, core index, scenario comparison.

Labels are project and scenario ids (ASCII), so no CJK font is needed here.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

mpl.use("Agg")
import matplotlib.pyplot as plt


def png(figure: Figure) -> bytes:
    """The figure as PNG bytes; the figure is closed."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def frontier_chart(points: pd.DataFrame) -> bytes:
    """Benefit against budget, dips marked."""
    figure, axis = plt.subplots(figsize=(7, 4))
    axis.plot(points["budget"], points["objective"], marker="o", markersize=3)
    dips = points[points["dip"]]
    if len(dips):
        axis.scatter(
            dips["budget"],
            dips["objective"],
            color="red",
            zorder=3,
            label="dip: share-based floors tighten with the budget",
        )
        axis.legend()
    axis.set_xlabel("budget [1e8 CNY]")
    axis.set_ylabel("benefit [benefit units]")
    axis.set_title("Budget frontier (illustrative data)")
    axis.grid(alpha=0.3)
    return png(figure)


def core_index_chart(core: pd.DataFrame) -> bytes:
    """Share of weight samples in which each project is funded, sorted."""
    ordered = core.sort_values("core_index")
    colours = ordered["class"].map(
        {"robustly in": "tab:green", "borderline": "tab:orange", "robustly out": "tab:grey"}
    )
    figure, axis = plt.subplots(figsize=(7, max(3.0, 0.12 * len(ordered))))
    axis.barh(ordered.index.astype(str), ordered["core_index"], color=colours.tolist())
    axis.axvline(0.95, color="tab:green", linestyle="--", linewidth=0.8)
    axis.axvline(0.05, color="tab:grey", linestyle="--", linewidth=0.8)
    axis.set_xlabel("core index: share of samples funded [-]")
    axis.tick_params(axis="y", labelsize=6)
    axis.set_title("Funding robustness to the criteria weights (illustrative data)")
    return png(figure)


def scenario_chart(by_cluster: pd.DataFrame) -> bytes:
    """Funding per cluster [1e8 CNY] in each scenario."""
    figure, axis = plt.subplots(figsize=(8, max(3.0, 0.3 * len(by_cluster))))
    by_cluster.plot.barh(ax=axis, width=0.8)
    axis.set_xlabel("funding [1e8 CNY]")
    axis.tick_params(axis="y", labelsize=7)
    axis.set_title("Scenarios side by side (illustrative data)")
    return png(figure)
