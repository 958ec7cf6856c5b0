"""How much of a case's decision matrix rests on a published source."""

from __future__ import annotations

from mcda import ImpreciseMatrix
from optimize.case.score_cells import provenance_counts
from optimize.messages import Lang, say

#: Provenance kinds that cite a published source (the paper, a public fact or a national list).
SOURCED_KINDS = ("paper", "facts")


def sourced_cells(values: ImpreciseMatrix) -> int:
    """How many cells are sourced: a point, interval or list that cites the paper or a fact.

    An interval counts as sourced only when the case cites a source for it, whose rule says
    where each end comes from. Unknown, illustrative and rated cells are not sourced.
    """
    kinds = values.provenance.map(lambda p: str(p).partition(":")[0])
    sourced = kinds.isin(SOURCED_KINDS) & (values.status != "unknown")
    return int(sourced.to_numpy().sum())


def sourced_note(values: ImpreciseMatrix, lang: Lang = "en") -> str:
    """One line: sourced cells of all cells, with the unknown and illustrative counts."""
    cells = int(values.cells.size)
    sourced = sourced_cells(values)
    kinds = provenance_counts(values)
    return say(
        "data.sourced_cells",
        lang,
        sourced=sourced,
        cells=cells,
        share=f"{sourced / cells:.0%}" if cells else "-",
        unknown=int(kinds["unknown"]),
        illustrative=int(kinds["illustrative"]),
    )
