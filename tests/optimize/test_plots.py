"""Charts: Chinese labels render with a CJK font (never tofu), or fall back to English."""

import os
import warnings

import pandas as pd
import pytest

from mcda.plots import fonts as mcda_fonts
from mcda.plots.fonts import CJK_FAMILIES, sans_serif
from optimize import appraise, load_case, solve
from optimize.case import shipped_case
from optimize.report import charts as fonts
from optimize.report import charts as plots
from optimize.report import report_content

CHINESE = pd.Series({"长江三角洲": 12.5, "珠江三角洲": 8.0, "西部地区": 6.0})


@pytest.fixture(scope="module")
def shipped_run():
    case = load_case(shipped_case())
    appraisal = appraise(case)
    return case, appraisal, solve(case, appraisal)


def require_cjk_font() -> None:
    if fonts.cjk_font() is None and os.environ.get("CI") != "true":
        pytest.skip("no CJK font here (install fonts-noto-cjk); CI must have one")


def test_a_cjk_font_is_found_and_put_first_for_chinese():
    require_cjk_font()
    assert sans_serif()[0] in CJK_FAMILIES
    assert sans_serif(latin_first=True)[0] == "DejaVu Sans"


def test_chinese_charts_have_every_glyph(shipped_run):
    # pytest turns warnings into errors: matplotlib's "Glyph ... missing" fails this test.
    require_cjk_font()
    content = report_content(*shipped_run, lang="zh")
    assert set(content.charts) == {"weights", "allocation_type", "allocation_region"}
    assert all(png.startswith(b"\x89PNG") for png in content.charts.values())
    assert plots.horizontal_bars(CHINESE, "按区域的资金分配", "亿元", "zh").startswith(b"\x89PNG")


def test_without_a_cjk_font_the_glyph_check_would_fail(monkeypatch):
    # The check above can fail: drawing Chinese with a Latin-only font is an error.
    monkeypatch.setattr(mcda_fonts, "cjk_font", lambda: None)
    with pytest.raises(UserWarning, match="missing from font"):
        plots.horizontal_bars(CHINESE, "资金", "亿元", "zh")


def test_charts_are_the_same_bytes_on_every_run():
    regions = pd.Series({"east": 12.5, "west": 6.0})
    first = plots.horizontal_bars(regions, "funding", "1e8 CNY", "en")
    assert first == plots.horizontal_bars(regions, "funding", "1e8 CNY", "en")
    assert b"matplotlib" not in first  # no software stamp that changes with versions


def test_without_a_cjk_font_charts_fall_back_to_english(shipped_run, monkeypatch):
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    with pytest.warns(fonts.FontFallbackWarning, match="fonts-noto-cjk"):
        content = report_content(*shipped_run, lang="zh")
    assert content.lang == "zh"  # tables stay Chinese; only the charts switch
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fonts.chart_language("en") == "en"
