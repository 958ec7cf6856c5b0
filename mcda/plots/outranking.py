"""Charts of outranking results: the Hasse diagram of a partial order and the GAIA plane.

Both are built on a fresh :class:`matplotlib.figure.Figure` (no pyplot state) inside
:func:`mcda.plots.fonts.font_context`; render them with :func:`mcda.plots.png_bytes`.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from mcda.outranking.gaia import Gaia
from mcda.outranking.relations import INDIFFERENT, PREFERRED
from mcda.plots.charts import WIDTH, Labels, names
from mcda.plots.fonts import font_context

#: Height per level of the Hasse diagram [inch].
LEVEL_HEIGHT = 0.9


def _classes(relation: pd.DataFrame) -> list[list[str]]:
    """Alternatives grouped by indifference, in the order of the relation's index."""
    classes: list[list[str]] = []
    for label in relation.index:
        home = next((c for c in classes if relation.at[c[0], label] == INDIFFERENT), None)
        if home is None:
            classes.append([label])
        else:
            home.append(label)
    return classes


def hasse_layout(
    relation: pd.DataFrame,
) -> tuple[list[list[str]], list[int], list[tuple[int, int]]]:
    """Nodes, levels and covering edges of the Hasse diagram of a labelled relation.

    Parameters
    ----------
    relation : pandas.DataFrame
        Alternatives x alternatives labels ``"P"``, ``"P-"``, ``"I"``, ``"R"`` of a
        partial pre-order (transitive preference).

    Returns
    -------
    classes : list of list of str
        One node per class of indifferent alternatives.
    levels : list of int
        Level of each node: 0 for nodes nothing is preferred to, else one more than the
        deepest node preferred to it.
    edges : list of (int, int)
        (better, worse) pairs with no node between them.
    """
    classes = _classes(relation)
    size = len(classes)
    better = np.array(
        [[relation.at[a[0], b[0]] == PREFERRED for b in classes] for a in classes], dtype=bool
    )

    @functools.cache
    def level(node: int) -> int:
        above = [k for k in range(size) if better[k, node]]
        return 1 + max(level(k) for k in above) if above else 0

    edges = [
        (i, j)
        for i in range(size)
        for j in range(size)
        if better[i, j] and not any(better[i, k] and better[k, j] for k in range(size))
    ]
    return classes, [level(n) for n in range(size)], edges


def hasse_chart(
    relation: pd.DataFrame, labels: Labels = None, title: str = "Partial order"
) -> Figure:
    """Hasse diagram of a partial order, better alternatives above.

    An arrow stands for each preference not implied by others; alternatives with no path
    between them are incomparable, and indifferent ones share a box.

    Parameters
    ----------
    relation : pandas.DataFrame
        As :attr:`mcda.outranking.PrometheeI.relation` or
        :attr:`mcda.outranking.ElectreIII.relation`.
    labels : mapping, optional
        Display name per alternative.
    title : str
        Chart title.

    Returns
    -------
    matplotlib.figure.Figure
    """
    classes, levels, edges = hasse_layout(relation)
    depth = max(levels) + 1
    positions: dict[int, tuple[float, float]] = {}
    for lev in range(depth):
        row = [n for n in range(len(classes)) if levels[n] == lev]
        for k, node in enumerate(row):
            positions[node] = (k - (len(row) - 1) / 2, -float(lev))
    width = max(x for x, _ in positions.values()) if positions else 0.0
    with font_context():
        fig = Figure(figsize=(WIDTH, 1.2 + LEVEL_HEIGHT * depth), layout="constrained")
        ax = fig.add_subplot()
        for better, worse in edges:
            ax.annotate(
                "",
                xy=positions[worse],
                xytext=positions[better],
                arrowprops={"arrowstyle": "->", "color": "tab:gray", "shrinkA": 12, "shrinkB": 12},
            )
        for node, members in enumerate(classes):
            x, y = positions[node]
            text = "\n".join(names(pd.Index(members), labels))
            ax.text(
                x,
                y,
                text,
                ha="center",
                va="center",
                fontsize=8,
                bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "tab:blue"},
            )
        ax.set_xlim(-width - 0.7, width + 0.7)
        ax.set_ylim(-depth + 0.5, 0.5)
        ax.set_axis_off()
        ax.set_title(f"{title} (arrow: preferred; no path: incomparable)")
    return fig


def gaia_chart(plane: Gaia, labels: Labels = None) -> Figure:
    """The GAIA plane: alternatives as points, criteria as axes, the decision stick in red.

    Criteria axes and the stick are scaled by one common factor to the spread of the
    alternatives, so their directions and relative lengths are kept.

    Parameters
    ----------
    plane : Gaia
        From :func:`mcda.outranking.gaia`.
    labels : mapping, optional
        Display name per alternative.

    Returns
    -------
    matplotlib.figure.Figure
    """
    points = plane.alternatives.to_numpy()
    axes = plane.criteria.to_numpy()
    spread = float(np.max(np.hypot(points[:, 0], points[:, 1]), initial=0.0))
    reach = float(np.max(np.hypot(axes[:, 0], axes[:, 1]), initial=0.0))
    scale = spread / reach if reach > 0 and spread > 0 else 1.0
    with font_context():
        fig = Figure(figsize=(WIDTH, WIDTH * 0.8), layout="constrained")
        ax = fig.add_subplot()
        ax.scatter(points[:, 0], points[:, 1], color="tab:blue", zorder=3)
        for (x, y), name in zip(points, names(plane.alternatives.index, labels), strict=True):
            ax.annotate(name, (x, y), textcoords="offset points", xytext=(4, 4), fontsize=8)
        for (x, y), criterion in zip(axes * scale, plane.criteria.index, strict=True):
            ax.annotate(
                "", xy=(x, y), xytext=(0, 0), arrowprops={"arrowstyle": "->", "color": "tab:gray"}
            )
            ax.text(x, y, str(criterion), fontsize=8, color="tab:gray")
        stick = plane.stick.to_numpy() * scale
        ax.annotate(
            "",
            xy=(stick[0], stick[1]),
            xytext=(0, 0),
            arrowprops={"arrowstyle": "-|>", "color": "tab:red", "linewidth": 2},
        )
        ax.text(stick[0], stick[1], "π", color="tab:red", fontsize=10)
        ax.axhline(0, color="lightgray", linewidth=0.5)
        ax.axvline(0, color="lightgray", linewidth=0.5)
        limit = 1.2 * max(spread, 1e-9)
        ax.set_xlim(-limit, limit)
        ax.set_ylim(-limit, limit)
        ax.set_aspect("equal")
        ax.set_xlabel("u [-]")
        ax.set_ylabel("v [-]")
        ax.set_title(f"GAIA plane, δ = {plane.delta:.0%} of the information kept")
    return fig
