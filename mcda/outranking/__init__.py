"""Outranking methods that admit incomparability: PROMETHEE I, ELECTRE III, GAIA.

Their answer is a labelled relation (who outranks whom, who is incomparable), not a score,
so they are functions of their own rather than :func:`mcda.rank` methods.
"""

from mcda.outranking.electre_iii import ElectreIII, electre_iii
from mcda.outranking.gaia import Gaia, gaia
from mcda.outranking.promethee_i import PrometheeI, promethee_i
from mcda.outranking.relations import intersection, pairs

__all__ = [
    "ElectreIII",
    "Gaia",
    "PrometheeI",
    "electre_iii",
    "gaia",
    "intersection",
    "pairs",
    "promethee_i",
]
