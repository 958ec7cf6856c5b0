"""Four charts, each built on a fresh :class:`matplotlib.figure.Figure` (no pyplot state).

Every function draws inside :func:`mcda.plots.fonts.font_context`, and :func:`png_bytes`
renders inside it too, because tick labels are created at draw time.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from mcda.plots.fonts import font_context

Labels = Mapping[str, str] | pd.Series | None

#: Figure width [inch]; height grows with the number of rows.
WIDTH = 8.0
#: Height per row of a chart [inch].
ROW_HEIGHT = 0.28
#: Share of a colour map's range above which cells are dark enough for white numbers [-].
DARK = 0.6
#: Longest label drawn [characters]: a longer name would squeeze the plot to nothing.
MAX_LABEL = 40
#: matplotlib's warning for a missing Chinese glyph (it names the character by its Unicode
#: name): a character of the common Han block U+4E00-U+9FFF, Chinese punctuation or a
#: full-width form, which every CJK font has. Rarer CJK characters (radicals, extension
#: blocks) are missing from some CJK fonts, so they are drawn as boxes like an emoji.
CJK_GLYPH_MISSING = (
    r"Glyph \d+ \(\\N\{(CJK UNIFIED IDEOGRAPH-(4E|4F|[5-9][0-9A-F])[0-9A-F]{2}\}"
    r"|IDEOGRAPHIC (FULL STOP|COMMA)|FULLWIDTH)"
)


def short_label(label: object) -> str:
    """`label` as text of at most :data:`MAX_LABEL` characters (cut with an ellipsis)."""
    text = str(label)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def names(index: pd.Index, labels: Labels) -> list[str]:
    """Display name of each label (the label itself when no name is given), shortened."""
    mapping = dict(labels) if labels is not None else {}
    return [short_label(mapping.get(label, label)) for label in index]


def figure(rows: int) -> tuple[Figure, Axes]:
    """A figure tall enough for `rows` labelled rows."""
    fig = Figure(figsize=(WIDTH, max(3.0, 1.2 + ROW_HEIGHT * rows)), layout="constrained")
    return fig, fig.add_subplot()


def weights_chart(
    weights: pd.Series, labels: Labels = None, title: str = "Criterion weights"
) -> Figure:
    """Horizontal bars of criterion weights, largest on top.

    Parameters
    ----------
    weights : pandas.Series
        Weight per criterion [-].
    labels : mapping, optional
        Display name per criterion.
    title : str
        Chart title.

    Returns
    -------
    matplotlib.figure.Figure
    """
    ordered = weights.sort_values()
    with font_context():
        fig, ax = figure(len(ordered))
        ax.barh(names(ordered.index, labels), ordered.to_numpy(), color="tab:blue")
        ax.set_xlabel("weight [-]")
        ax.set_title(title)
    return fig


def heatmap(ax: Axes, values: pd.DataFrame, labels: Labels, fmt: str, cmap: str) -> None:
    """Annotated heatmap of `values` with row names from `labels`."""
    image = ax.imshow(values.to_numpy(dtype=float), aspect="auto", cmap=cmap)
    ax.set_yticks(range(len(values)), names(values.index, labels))
    ax.set_xticks(range(values.shape[1]), [short_label(c) for c in values.columns])
    ax.figure.colorbar(image, ax=ax)
    for (row, column), value in np.ndenumerate(values.to_numpy(dtype=float)):
        if np.isfinite(value) and value != 0:
            # Both colour maps darken towards high values; keep the number readable.
            ink = "white" if np.asarray(image.norm(value)) > DARK else "black"
            ax.text(
                column, row, format(value, fmt), ha="center", va="center", fontsize=6, color=ink
            )


def methods_chart(ranks: pd.DataFrame, labels: Labels = None) -> Figure:
    """Rank of every alternative under every method (rows ordered by the first method).

    Parameters
    ----------
    ranks : pandas.DataFrame
        Alternatives x methods, rank 1 = best.
    labels : mapping, optional
        Display name per alternative.

    Returns
    -------
    matplotlib.figure.Figure
    """
    ordered = ranks.sort_values(ranks.columns[0], kind="stable")
    with font_context():
        fig, ax = figure(len(ordered))
        heatmap(ax, ordered, labels, "g", "viridis_r")
        # Long alternative names leave a narrow heatmap; upright method names would overlap.
        ax.set_xticks(
            range(ordered.shape[1]), [short_label(c) for c in ordered.columns], rotation=90
        )
        ax.set_title("Rank by method (1 = best)")
    return fig


def acceptability_chart(acceptability: pd.DataFrame, labels: Labels = None) -> Figure:
    """Probability of each alternative at each rank (rows ordered by expected rank).

    Parameters
    ----------
    acceptability : pandas.DataFrame
        Alternatives x ranks, rows summing to 1 [-].
    labels : mapping, optional
        Display name per alternative.

    Returns
    -------
    matplotlib.figure.Figure
    """
    expected = acceptability.to_numpy() @ np.asarray(acceptability.columns, dtype=float)
    ordered = acceptability.iloc[np.argsort(expected, kind="stable")]
    with font_context():
        fig, ax = figure(len(ordered))
        heatmap(ax, ordered, labels, ".2f", "Blues")
        ax.set_xlabel("rank")
        ax.set_title("Rank acceptability (share of weight samples)")
    return fig


def stability_chart(intervals: pd.DataFrame, labels: Labels = None) -> Figure:
    """Weight stability interval of each criterion, with the base weight marked.

    Parameters
    ----------
    intervals : pandas.DataFrame
        Indexed by criterion with ``weight``, ``lower`` and ``upper`` [-].
    labels : mapping, optional
        Display name per criterion.

    Returns
    -------
    matplotlib.figure.Figure
    """
    rows = np.arange(len(intervals))
    with font_context():
        fig, ax = figure(len(intervals))
        ax.hlines(rows, intervals["lower"], intervals["upper"], color="tab:gray", linewidth=4)
        ax.plot(intervals["weight"], rows, "o", color="tab:red", label="base weight")
        ax.set_yticks(rows, names(intervals.index, labels))
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.set_xlabel("weight [-] (others rescaled proportionally)")
        ax.set_title("Weight range keeping the ranking")
        ax.legend(loc="lower right")
    return fig


def png_bytes(fig: Figure, dpi: int = 150, *, latin_first: bool = False) -> bytes:
    """Render a chart as PNG, the same bytes for the same chart on every run.

    Every label is drawn as the literal text it holds (no mathtext). A Chinese glyph
    missing from every available font would be drawn as an empty box; that matplotlib
    warning is raised as an error here instead of producing such a picture (other missing
    glyphs, such as emoji in a name, are drawn as boxes).
    The PNG carries no "Software" stamp (matplotlib's version), so that the files of two
    runs compare byte for byte.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The chart.
    dpi : int
        Resolution [dots per inch].
    latin_first : bool
        Render with DejaVu Sans before the CJK font (see :func:`mcda.plots.fonts.sans_serif`);
        tick labels are made at render time, so this matters even for a finished figure.

    Returns
    -------
    bytes
        The PNG file.
    """
    buffer = io.BytesIO()
    for text in fig.findobj(Text):  # made outside font_context: still draw it literally
        text.set_parse_math(False)
    with font_context(latin_first), warnings.catch_warnings():
        # A name may hold a character no font has (an emoji): a box, not a lost chart. A
        # missing Chinese glyph means the CJK font is missing, which must not pass unseen.
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        warnings.filterwarnings("error", message=CJK_GLYPH_MISSING)
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
