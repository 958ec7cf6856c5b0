"""Find a CJK font for Chinese names, or fall back to English names with a warning."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib as mpl
import pandas as pd
from matplotlib import font_manager

#: Font families tried in order; Debian/Ubuntu package fonts-noto-cjk provides both.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP")


def cjk_font() -> str | None:
    """The first of :data:`CJK_FAMILIES` that matplotlib can find, or None."""
    for family in CJK_FAMILIES:
        try:
            font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
        except ValueError:
            continue
        return family
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


@contextmanager
def font_context() -> Iterator[None]:
    """Draw with the CJK font first in the sans-serif list when one is found."""
    family = cjk_font()
    fonts = [family] if family else []
    with mpl.rc_context({"font.family": "sans-serif", "font.sans-serif": [*fonts, "DejaVu Sans"]}):
        yield
