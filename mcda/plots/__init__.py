"""Charts of weights, agreement, acceptability, stability and outranking (matplotlib, Agg).

The outranking charts are the Hasse diagram of a partial order and the GAIA plane.

Chinese names are drawn with Noto Sans CJK when matplotlib can find it; otherwise
:func:`display_names` falls back to English names with a warning, so no chart shows empty
boxes for missing glyphs.
"""

from mcda.plots.charts import (
    acceptability_chart,
    methods_chart,
    png_bytes,
    short_label,
    stability_chart,
    weights_chart,
)
from mcda.plots.fonts import cjk_font, display_names, font_context, sans_serif
from mcda.plots.outranking import gaia_chart, hasse_chart

__all__ = [
    "acceptability_chart",
    "cjk_font",
    "display_names",
    "font_context",
    "gaia_chart",
    "hasse_chart",
    "methods_chart",
    "png_bytes",
    "sans_serif",
    "short_label",
    "stability_chart",
    "weights_chart",
]
