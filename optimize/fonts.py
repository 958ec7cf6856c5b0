"""Find a font that draws Chinese in matplotlib charts, or say that there is none.

matplotlib does not fail on a missing glyph: it warns and draws an empty box ("tofu").
Charts with Chinese labels are drawn only with a CJK font; without one they fall back to
English labels with a :class:`FontFallbackWarning`.
"""

from __future__ import annotations

import warnings

from mcda.plots.fonts import CJK_FAMILIES, cjk_font

__all__ = ["CJK_FAMILIES", "FontFallbackWarning", "chart_language", "cjk_font", "font_families"]


class FontFallbackWarning(UserWarning):
    """No CJK font was found; charts use English labels instead of Chinese."""


def chart_language(lang: str) -> str:
    """The language charts can be labelled in: `lang`, or ``"en"`` without a CJK font."""
    if lang == "zh" and cjk_font() is None:
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
    family = cjk_font()
    if family is None:
        return ["DejaVu Sans"]
    return [family, "DejaVu Sans"] if lang == "zh" else ["DejaVu Sans", family]
