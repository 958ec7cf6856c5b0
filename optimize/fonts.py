"""Find a font that draws Chinese in matplotlib charts, or say that there is none.

matplotlib does not fail on a missing glyph: it warns and draws an empty box ("tofu").
Charts with Chinese labels are drawn only with a CJK font; without one they fall back to
English labels with a :class:`FontFallbackWarning`.
"""

from __future__ import annotations

import functools
import warnings
from pathlib import Path
from typing import Any

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


class FontFallbackWarning(UserWarning):
    """No CJK font was found; charts use English labels instead of Chinese."""


def known_family() -> str | None:
    """The first of :data:`CJK_FAMILIES` that matplotlib knows, if any."""
    from matplotlib import font_manager

    names = {font.name for font in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in names), None)


@functools.cache
def cjk_family() -> str | None:
    """A CJK font family name for matplotlib, or None when the system has none.

    matplotlib's font cache lists only the fonts present when it was built, and its scan
    skips ``.ttc`` collections (Noto CJK ships as one); so CJK font files found on the
    system are registered here once before giving up.
    """
    from matplotlib import font_manager

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


def chart_language(lang: str) -> str:
    """The language charts can be labelled in: `lang`, or ``"en"`` without a CJK font."""
    if lang == "zh" and cjk_family() is None:
        warnings.warn(
            "no CJK font found (install fonts-noto-cjk); charts use English labels",
            FontFallbackWarning,
            stacklevel=2,
        )
        return "en"
    return lang


def font_families(lang: str) -> list[str]:
    """Matplotlib ``font.family`` for charts in `lang`.

    Chinese charts put the CJK font first; English charts keep it as a fallback for any
    Chinese that data brings along (matplotlib falls back glyph by glyph along the list).
    """
    family = cjk_family()
    if family is None:
        return ["DejaVu Sans"]
    return [family, "DejaVu Sans"] if lang == "zh" else ["DejaVu Sans", family]
