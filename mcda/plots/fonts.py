"""Find a CJK font for Chinese names, or fall back to English names with a warning."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import matplotlib as mpl
import pandas as pd
from matplotlib import font_manager

#: CJK families tried in order (Debian: fonts-noto-cjk provides the first).
CJK_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Noto Serif CJK SC",
    "WenQuanYi Zen Hei",
)

#: Font files (regular weight) registered when matplotlib's cache predates them, in order.
CJK_FILES: tuple[str, ...] = (
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular.otf",
    "SourceHanSansSC-Regular.otf",
    "NotoSerifCJK-Regular.ttc",
    "wqy-zenhei.ttc",
)


def known_family() -> str | None:
    """The first of :data:`CJK_FAMILIES` that matplotlib knows, if any."""
    names = {font.name for font in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in names), None)


@functools.cache
def cjk_font() -> str | None:
    """A CJK font family name for matplotlib, or None when the system has none.

    matplotlib's font cache lists only the fonts present when it was built, and its scan
    skips ``.ttc`` collections (Noto CJK ships as one); so CJK font files found on the
    system are registered here once before giving up.
    """
    family = known_family()
    if family is not None:
        return family
    # matplotlib's stub allows only "ttf" | "afm", but the scan takes any extension.
    extensions: list[Any] = ["ttc", "otf", "ttf"]
    found = {
        Path(path).name: path
        for extension in extensions
        for path in font_manager.findSystemFonts(fontext=extension)
    }
    for file_name in CJK_FILES:
        if file_name in found:
            font_manager.fontManager.addfont(found[file_name])
            return known_family()
    return None


def display_names(names_zh: pd.Series, names_en: pd.Series) -> pd.Series:
    """Chinese names when a CJK font is available, else English names with a warning.

    Parameters
    ----------
    names_zh, names_en : pandas.Series
        Names by label.

    Returns
    -------
    pandas.Series
        The names to draw, by label.
    """
    if cjk_font() is not None:
        return names_zh
    warnings.warn(
        "no Noto Sans CJK font found (install e.g. Debian fonts-noto-cjk; if it was just "
        "installed, clear matplotlib's font cache): plotting English names",
        UserWarning,
        stacklevel=2,
    )
    return names_en


def sans_serif(latin_first: bool = False) -> list[str]:
    """Sans-serif families in fallback order: the CJK font (when found) and DejaVu Sans.

    matplotlib falls back glyph by glyph along the list, so either order draws Chinese when
    a CJK font is found; `latin_first` draws Latin letters in DejaVu Sans (English charts
    whose data may bring some Chinese along).
    """
    family = cjk_font()
    fonts = [family] if family else []
    return ["DejaVu Sans", *fonts] if latin_first else [*fonts, "DejaVu Sans"]


@contextmanager
def font_context(latin_first: bool = False) -> Iterator[None]:
    """Draw with the families of :func:`sans_serif` (the CJK font first unless `latin_first`).

    Text made inside the context is drawn as the literal text it holds: names are data, so
    ``$...$`` is not mathtext (mathtext would stop the chart at a name it cannot parse).
    """
    families = sans_serif(latin_first)
    with mpl.rc_context(
        {
            "font.family": "sans-serif",
            "font.sans-serif": families,
            "text.parse_math": False,
            "text.usetex": False,
        }
    ):
        yield
