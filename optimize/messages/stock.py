"""The sentence on a candidate the national stock concerns, in English or Chinese.

One row of :func:`optimize.case.stock.stock_conflicts` in words: the centres of its field
outside its cluster, then its stated override or the centre it complements.
``stock_conflicts`` writes the English text as the row's ``reason``; the command line
(``validate``, ``allocate``) and the explanation of an infeasible case
(:func:`optimize.model.explain.describe`) word it in their language.
Kept apart from the solver's modules so that ``clusterplan validate`` loads no solver.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from optimize.messages.catalogue import Lang, say

if TYPE_CHECKING:
    import pandas as pd


def centre_words(stock: pd.DataFrame, platform: str, lang: Lang = "en") -> str:
    """One existing platform in `lang`: its names, city, year and the source reporting it."""
    row = stock.loc[platform]
    names = " ".join(str(n) for n in (row["name_zh"], row["name_en"]) if str(n))
    return say(
        "explain.stock.centre",
        lang,
        names=names,
        city=row["city"],
        year=row["year"],
        source=row["source"],
    )


def stock_reason(
    conflict: Mapping[str, object] | pd.Series, stock: pd.DataFrame, lang: Lang = "en"
) -> str:
    """Why the stock concerns a candidate, in `lang`: one row of ``stock_conflicts``.

    The row's ``reason`` is this sentence in English, built from the row's fields: the
    centres outside the cluster, then the stated override or the complemented centre.
    """
    centres = say("explain.stock.joiner", lang).join(
        centre_words(stock, platform, lang) for platform in str(conflict["centres"]).split(";")
    )
    text = say(
        "explain.stock.elsewhere",
        lang,
        project=conflict["project"],
        domain=conflict["domain"],
        centres=centres,
    )
    if conflict["override"]:
        text += say("explain.stock.override", lang, override=conflict["override"])
    if conflict["complements"]:
        centre = centre_words(stock, str(conflict["complements"]), lang)
        text += say("explain.stock.complements", lang, centre=centre)
    return text
