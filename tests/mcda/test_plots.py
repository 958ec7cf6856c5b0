"""Charts render to PNG; Chinese names need a CJK font or fall back to English with a warning."""

import itertools
import os
import re
import unicodedata

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import mcda
from mcda import plots
from mcda.outranking import intersection
from mcda.plots import fonts, outranking
from mcda.plots.charts import CJK_GLYPH_MISSING

PNG = b"\x89PNG\r\n\x1a\n"
NAMES_ZH = pd.Series({"a": "上海市集成电路集群", "b": "长沙市工程机械集群"})
NAMES_EN = pd.Series({"a": "Shanghai ICs", "b": "Changsha construction machinery"})


def test_every_chart_renders_to_png() -> None:
    weights = pd.Series({"C1.1": 0.5, "C1.2": 0.3, "C2.1": 0.2})
    ranks = pd.DataFrame({"topsis": [1, 2], "vikor": [2, 1]}, index=["a", "b"])
    acceptability = pd.DataFrame([[0.7, 0.3], [0.3, 0.7]], index=["a", "b"], columns=[1, 2])
    intervals = pd.DataFrame(
        {"weight": [0.5, 0.3], "lower": [0.4, 0.0], "upper": [0.9, 0.35]}, index=["C1.1", "C1.2"]
    )
    charts = [
        plots.weights_chart(weights),
        plots.methods_chart(ranks, NAMES_EN),
        plots.acceptability_chart(acceptability, NAMES_EN),
        plots.stability_chart(intervals),
    ]
    for chart in charts:
        assert plots.png_bytes(chart).startswith(PNG)


def test_method_names_on_the_methods_chart_do_not_overlap() -> None:
    names = ["topsis", "copras", "mabac", "promethee_ii", "spotis", "vikor", "wpm", "wsm"]
    # Long cluster names leave the heatmap a narrow strip, as in a real report.
    long_names = {"a": "Guangzhou-Foshan-Huizhou Ultra-HD Video and Smart Home Appliances Cluster"}
    ranks = pd.DataFrame({m: [1, 2] for m in names}, index=["a", "b"])
    chart = plots.methods_chart(ranks, long_names)
    FigureCanvasAgg(chart).draw()
    boxes = [label.get_window_extent() for label in chart.axes[0].get_xticklabels()]
    assert [label.get_text() for label in chart.axes[0].get_xticklabels()] == names
    assert not any(left.overlaps(right) for left, right in itertools.pairwise(boxes))


def test_acceptability_rows_are_ordered_by_expected_rank() -> None:
    acceptability = pd.DataFrame([[0.1, 0.9], [0.9, 0.1]], index=["a", "b"], columns=[1, 2])
    chart = plots.acceptability_chart(acceptability)
    ticks = [t.get_text() for t in chart.axes[0].get_yticklabels()]
    assert ticks == ["b", "a"]


def test_english_names_with_a_warning_when_no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    with pytest.warns(UserWarning, match="no Noto Sans CJK font found"):
        shown = plots.display_names(NAMES_ZH, NAMES_EN)
    pd.testing.assert_series_equal(shown, NAMES_EN)


def test_missing_glyphs_are_an_error_not_empty_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    chart = plots.weights_chart(pd.Series({"x": 0.4, "y": 0.6}), {"x": "创新", "y": "环境"})
    with pytest.raises(UserWarning, match="missing from"):
        plots.png_bytes(chart)


@pytest.mark.skipif(
    fonts.cjk_font() is None and os.environ.get("CI") != "true",
    reason="no CJK font here (install fonts-noto-cjk); CI must have one",
)
def test_chinese_names_render_with_the_cjk_font() -> None:
    shown = plots.display_names(NAMES_ZH, NAMES_EN)
    pd.testing.assert_series_equal(shown, NAMES_ZH)
    chart = plots.methods_chart(pd.DataFrame({"topsis": [1, 2]}, index=["a", "b"]), shown)
    assert plots.png_bytes(chart).startswith(PNG)  # a missing glyph would raise here
    assert np.isin(["上海市集成电路集群"], [t.get_text() for t in chart.axes[0].get_yticklabels()])


def test_hasse_layout_keeps_only_covering_preferences() -> None:
    # a > b > d and a > c > d, b and c incomparable, e indifferent to d: the diagram has
    # a on top, b and c below it, {d, e} at the bottom, and no arrow a -> d (implied).
    order = {"a": (3, 3), "b": (2, 1), "c": (1, 2), "d": (0, 0), "e": (0, 0)}
    first = pd.Series({k: v[0] for k, v in order.items()}, dtype=float)
    second = pd.Series({k: v[1] for k, v in order.items()}, dtype=float)
    relation = intersection(first, second)
    classes, levels, edges = outranking.hasse_layout(relation)
    assert classes == [["a"], ["b"], ["c"], ["d", "e"]]
    assert levels == [0, 1, 1, 2]
    assert sorted(edges) == [(0, 1), (0, 2), (1, 3), (2, 3)]
    assert plots.png_bytes(plots.hasse_chart(relation, NAMES_EN)).startswith(PNG)


def test_gaia_chart_renders() -> None:
    matrix = pd.DataFrame(
        {"x": [0.0, 0.0, 1.0, 2.0], "y": [0.0, 1.0, 0.0, 1.0], "z": [1.0, 0.0, 1.0, 0.0]},
        index=["a", "b", "c", "d"],
    )
    plane = mcda.gaia(
        matrix, pd.Series({"x": 0.5, "y": 0.25, "z": 0.25}), dict.fromkeys("xyz", "benefit")
    )
    assert plots.png_bytes(plots.gaia_chart(plane, NAMES_EN)).startswith(PNG)


@pytest.mark.parametrize(
    ("char", "is_error"),
    [
        ("中", True),  # U+4E2D: every CJK font has it; missing means no CJK font
        ("。", True),  # IDEOGRAPHIC FULL STOP
        ("，", True),  # FULLWIDTH COMMA
        ("⺀", False),  # U+2E80 CJK RADICAL REPEAT: absent from Noto Sans CJK, a box
        ("㐀", False),  # U+3400, extension A: not in every CJK font
        ("𠀀", False),  # U+20000, extension B
    ],
)
def test_only_a_common_chinese_glyph_missing_is_an_error(char: str, is_error: bool) -> None:
    message = (
        f"Glyph {ord(char)} (\\N{{{unicodedata.name(char)}}}) missing from font(s) DejaVu Sans."
    )
    assert bool(re.match(CJK_GLYPH_MISSING, message)) is is_error
