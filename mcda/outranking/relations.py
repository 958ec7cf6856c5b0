"""Labelled preference relations: the partial order two complete pre-orders agree on.

Both PROMETHEE I (the pre-orders of the leaving and of the entering flow) and ELECTRE III
(the descending and the ascending distillation) end in the intersection of two complete
pre-orders: a is preferred to b when neither pre-order puts b above a and at least one puts
a above b, indifferent when both tie them, incomparable when they disagree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mcda.ranks import TIE_DECIMALS

#: a is preferred to b (a outranks b, b does not outrank a).
PREFERRED = "P"
#: a is outranked by b: the mirror of ``P``.
OUTRANKED = "P-"
#: a and b are indifferent.
INDIFFERENT = "I"
#: a and b are incomparable: the two pre-orders disagree.
INCOMPARABLE = "R"
#: Label seen from b for each label seen from a.
MIRROR = {
    PREFERRED: OUTRANKED,
    OUTRANKED: PREFERRED,
    INDIFFERENT: INDIFFERENT,
    INCOMPARABLE: INCOMPARABLE,
}


def intersection(first: pd.Series, second: pd.Series) -> pd.DataFrame:
    """The partial order on which two complete pre-orders agree.

    Parameters
    ----------
    first, second : pandas.Series
        A score per alternative, higher is better, same index; values equal to 12
        decimals tie.

    Returns
    -------
    pandas.DataFrame
        Alternatives x alternatives, the cell (a, b) holding ``"P"`` (a preferred to b),
        ``"P-"`` (b preferred to a), ``"I"`` (indifferent; also the diagonal) or ``"R"``
        (incomparable).
    """
    x = np.round(first.to_numpy(dtype=float), TIE_DECIMALS)
    y = np.round(second.loc[first.index].to_numpy(dtype=float), TIE_DECIMALS)
    dx = np.sign(x[:, None] - x[None, :])
    dy = np.sign(y[:, None] - y[None, :])
    labels = np.full(dx.shape, INCOMPARABLE, dtype=object)
    labels[(dx >= 0) & (dy >= 0) & ((dx > 0) | (dy > 0))] = PREFERRED
    labels[(dx <= 0) & (dy <= 0) & ((dx < 0) | (dy < 0))] = OUTRANKED
    labels[(dx == 0) & (dy == 0)] = INDIFFERENT
    return pd.DataFrame(labels, index=first.index, columns=first.index)


def pairs(relation: pd.DataFrame) -> pd.DataFrame:
    """A labelled relation as a tidy table, one row per pair of distinct alternatives.

    Parameters
    ----------
    relation : pandas.DataFrame
        Alternatives x alternatives labels, as :func:`intersection` returns.

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``relation`` (``"P"``, ``"I"`` or ``"R"``) and ``b``, read "a P b";
        a preference is always written from the preferred side. Rows in the order of the
        relation's index.
    """
    labels = list(relation.index)
    rows = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            label = str(relation.at[a, b])
            if label == OUTRANKED:
                rows.append((b, PREFERRED, a))
            else:
                rows.append((a, label, b))
    return pd.DataFrame(rows, columns=["a", "relation", "b"])
