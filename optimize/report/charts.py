"""Charts of a planning run as PNG bytes, rendered by :func:`mcda.plots.png_bytes`.

Each function takes already-labelled data (labels in the report's language) and returns the
PNG file content; figures are built with matplotlib's Figure API (no pyplot state), in the
fonts of :func:`mcda.plots.font_context`, which also renders them.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from mcda.plots import cjk_font, font_context, png_bytes, short_label
from optimize.report.labels import Lang, _text

#: Resolution of the PNGs [dots per inch].
DPI = 110
#: Colours of the three instruments, the other stacked series and heatmaps.
PALETTE = ("#3b6ea8", "#e0a43a", "#5aa469", "#b65f8a", "#8c8c8c")


@contextmanager
def _fonts(lang: Lang) -> Iterator[None]:
    """Build a chart in `lang`'s fonts: the CJK font first for Chinese, DejaVu Sans else."""
    with font_context(latin_first=lang != "zh"):
        yield


def _render(figure: Figure, lang: Lang = "en") -> bytes:
    """PNG bytes of `figure`, rendered in `lang`'s fonts (a missing glyph is an error)."""
    return png_bytes(figure, DPI, latin_first=lang != "zh")


def _stacked_bars(frame: pd.DataFrame, title: str, unit: str, lang: Lang) -> bytes:
    """Stacked bars: one bar per row of `frame`, one segment per column.

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows = bars (e.g. cluster types), columns = stacked series (e.g. instruments).
    title, unit : str
        Chart title and y-axis unit label.
    lang : str
        ``"zh"`` selects a CJK font.
    """
    with _fonts(lang):
        figure = Figure(figsize=(7.0, 4.0), layout="constrained")
        axes = figure.add_subplot()
        bottom = np.zeros(len(frame))
        for k, column in enumerate(frame.columns):
            values = frame[column].to_numpy(dtype=float)
            axes.bar(
                [short_label(i) for i in frame.index],
                values,
                bottom=bottom,
                label=short_label(column),
                color=PALETTE[k % len(PALETTE)],
            )
            bottom += values
        axes.set_title(title)
        axes.set_ylabel(unit)
        axes.legend(frameon=False)
        axes.grid(axis="y", alpha=0.3)
        return _render(figure, lang)


def horizontal_bars(values: pd.Series, title: str, unit: str, lang: Lang) -> bytes:
    """Horizontal bars, largest at the top (e.g. funding by region, criteria weights)."""
    ordered = values.sort_values()
    with _fonts(lang):
        height = max(2.5, 0.32 * len(ordered) + 1.2)
        figure = Figure(figsize=(7.0, height), layout="constrained")
        axes = figure.add_subplot()
        axes.barh(
            [short_label(i) for i in ordered.index], ordered.to_numpy(dtype=float), color=PALETTE[0]
        )
        axes.set_title(title)
        axes.set_xlabel(unit)
        axes.grid(axis="x", alpha=0.3)
        return _render(figure, lang)


def _heatmap(frame: pd.DataFrame, title: str, lang: Lang) -> bytes:
    """A shaded grid of shares in [0, 1] (e.g. rank acceptability: clusters x ranks)."""
    with _fonts(lang):
        figure = Figure(figsize=(7.0, max(2.5, 0.3 * len(frame) + 1.5)), layout="constrained")
        axes = figure.add_subplot()
        image = axes.imshow(frame.to_numpy(dtype=float), aspect="auto", cmap="Blues", vmin=0)
        axes.set_xticks(
            range(len(frame.columns)),
            [short_label(c) for c in frame.columns],
            rotation=90 if len(frame.columns) > 10 else 0,  # long names side by side collide
        )
        axes.set_yticks(range(len(frame.index)), [short_label(i) for i in frame.index])
        axes.set_title(title)
        figure.colorbar(image, ax=axes)
        return _render(figure, lang)


def rank_interval_chart(intervals: pd.DataFrame, title: str, axis: str, lang: Lang) -> bytes:
    """Each cluster's median rank (dot) and 5-95 % rank interval (line), best at the top.

    Parameters
    ----------
    intervals : pandas.DataFrame
        Per cluster (index: display names, in the order to draw from the top) ``tier``,
        ``rank_q05``, ``rank_q50`` and ``rank_q95`` [-].
    title, axis : str
        Chart title and rank-axis label.
    lang : str
        ``"zh"`` selects a CJK font.
    """
    with _fonts(lang):
        figure = Figure(figsize=(7.0, max(2.5, 0.3 * len(intervals) + 1.2)), layout="constrained")
        axes = figure.add_subplot()
        rows = np.arange(len(intervals))[::-1]
        colours = [PALETTE[(int(t) - 1) % 2] for t in intervals["tier"]]  # tiers alternate
        axes.hlines(rows, intervals["rank_q05"], intervals["rank_q95"], colors=colours)
        axes.scatter(intervals["rank_q50"], rows, color=colours, zorder=3)
        axes.set_yticks(rows, [short_label(i) for i in intervals.index])
        axes.set_xlabel(axis)
        figure.suptitle(title)  # centred on the figure: the long names push the axes right
        axes.grid(axis="x", alpha=0.3)
        return _render(figure, lang)


def frontier_chart(points: pd.DataFrame, lang: Lang = "en") -> bytes:
    """Benefit against budget, dips marked, labelled in `lang`."""
    with _fonts(lang):
        figure = Figure(figsize=(7.0, 4.0), layout="constrained")
        axis = figure.add_subplot()
        axis.plot(points["budget"], points["objective"], marker="o", markersize=3)
        dips = points[points["dip"]]
        if len(dips):
            axis.scatter(
                dips["budget"],
                dips["objective"],
                color="red",
                zorder=3,
                label=_text("chart.frontier_dip", lang),
            )
            axis.legend()
        axis.set_xlabel(_text("chart.frontier_budget", lang))
        axis.set_ylabel(_text("chart.frontier_benefit", lang))
        axis.set_title(_text("chart.frontier_title", lang))
        axis.grid(alpha=0.3)
        return _render(figure, lang)


#: Colour of each project class of the robustness sweeps (weights only, and joint).
_CLASS_COLOURS = {
    "robustly in": "tab:green",
    "robust core": "tab:green",
    "borderline": "tab:orange",
    "robustly out": "tab:grey",
    "exterior": "tab:grey",
}


def core_index_chart(
    core: pd.DataFrame,
    thresholds: tuple[float, ...] = (0.95, 0.05),
    title: str | None = None,
    lang: Lang = "en",
) -> bytes:
    """Share of samples in which each project is funded, sorted.

    Parameters
    ----------
    core : pandas.DataFrame
        Per project ``core_index`` [-] and ``class``.
    thresholds : tuple of float
        Class boundaries drawn as dashed lines [-].
    title : str, optional
        Chart title (default: robustness to the criteria weights, in `lang`).
    lang : str
        Language of the labels; ``"zh"`` selects a CJK font.
    """
    with _fonts(lang):
        ordered = core.sort_values("core_index")
        colours = ordered["class"].map(_CLASS_COLOURS)
        figure = Figure(figsize=(7.0, max(3.0, 0.12 * len(ordered))), layout="constrained")
        axis = figure.add_subplot()
        axis.barh(
            [short_label(i) for i in ordered.index], ordered["core_index"], color=colours.tolist()
        )
        for line, colour in zip(thresholds, ("tab:green", "tab:grey"), strict=False):
            axis.axvline(line, color=colour, linestyle="--", linewidth=0.8)
        axis.set_xlabel(_text("chart.core_axis", lang))
        axis.tick_params(axis="y", labelsize=6)
        axis.set_title(_text("chart.core_title_weights", lang) if title is None else title)
        return _render(figure, lang)


def scenario_chart(by_cluster: pd.DataFrame, lang: Lang = "en") -> bytes:
    """Funding per cluster [1e8 CNY] in each scenario, labelled in `lang`."""
    with _fonts(lang):
        figure = Figure(figsize=(8.0, max(3.0, 0.3 * len(by_cluster))), layout="constrained")
        axis = figure.add_subplot()
        positions = np.arange(len(by_cluster))
        height = 0.8 / max(1, len(by_cluster.columns))
        for k, scenario in enumerate(by_cluster.columns):
            axis.barh(
                positions + k * height,
                by_cluster[scenario].to_numpy(dtype=float),
                height=height,
                label=short_label(scenario),
                color=PALETTE[k % len(PALETTE)],
            )
        axis.set_yticks(positions + 0.4 - height / 2, [short_label(i) for i in by_cluster.index])
        axis.legend(frameon=False)
        axis.set_xlabel(_text("chart.scenario_axis", lang))
        axis.tick_params(axis="y", labelsize=7)
        axis.set_title(_text("chart.scenario_title", lang))
        return _render(figure, lang)


class FontFallbackWarning(UserWarning):
    """No CJK font was found; charts use English labels instead of Chinese."""


def chart_language(lang: Lang) -> Lang:
    """The language charts can be labelled in: `lang`, or ``"en"`` without a CJK font."""
    if lang == "zh" and cjk_font() is None:
        warnings.warn(
            _text("chart.no_cjk_font", lang),
            FontFallbackWarning,
            stacklevel=2,
        )
        return "en"
    return lang
