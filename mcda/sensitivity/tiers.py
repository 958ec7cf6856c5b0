"""Tiers of alternatives that pairwise winning indices cannot separate at a confidence.

The rule
--------
Given pairwise winning indices P(i > j) (share of samples in which i scores strictly above
j) and a confidence c in (0.5, 1]:

1. **i beats j** iff P(i > j) >= c. This relation B is irreflexive and, since
   P(i > j) + P(j > i) <= 1 < 2c, asymmetric. It is acyclic whenever c > 1 - 1/L for every
   cycle length L that could occur, in particular for c > 1 - 1/m with m alternatives: in
   any one sample at most L - 1 of the L comparisons around a cycle hold, so the L indices
   sum to at most L - 1 and cannot all reach c. For smaller c a cycle is possible (three
   equally likely rankings abc, bca, cab give P = 2/3 around a cycle); B need not be
   transitive either (0.9 and 0.9 guarantee only P(a > c) >= 0.8).
2. Alternatives on a common cycle of B (its strongly connected components) are merged:
   the data do not order them.
3. **Tier** of a component = 1 + the length of the longest chain of B above it; tier 1
   holds the alternatives that nothing beats at confidence c.

Properties: if i beats j and they are not on a common cycle, j sits in a later tier than
i; two alternatives in one tier never beat one another (unless merged by a cycle). A later
tier does *not* say the data put every member below every member of an earlier one: only
B says which pairs are separated.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mcda.errors import MatrixError


def beats(winning: pd.DataFrame, confidence: float) -> pd.DataFrame:
    """The relation "i beats j at `confidence`": ``P(i > j) >= confidence``.

    Parameters
    ----------
    winning : pandas.DataFrame
        Alternatives x alternatives, P(row > column) [-].
    confidence : float
        c in (0.5, 1] [-].

    Returns
    -------
    pandas.DataFrame
        Booleans, same labels; True where the row beats the column.

    Raises
    ------
    MatrixError
        If c is not in (0.5, 1].
    """
    if not 0.5 < confidence <= 1.0:
        raise MatrixError(f"tier confidence must be in (0.5, 1], not {confidence}")
    # Counts divided by n can sit one ulp off a confidence the counts meet exactly.
    return winning >= confidence - 1e-12


def tiers(relation: pd.DataFrame) -> tuple[tuple[str, ...], ...]:
    """Ordered tiers of a "beats" relation (see the module's rule).

    Parameters
    ----------
    relation : pandas.DataFrame
        Booleans, alternatives x alternatives; True where the row beats the column.

    Returns
    -------
    tuple of tuple of str
        Tier 1 first; within a tier, alternatives in the relation's order.
    """
    edges = relation.to_numpy(dtype=bool)
    m = len(edges)
    reach = edges.copy()
    # Transitive closure by repeated squaring: log2(m) boolean products.
    for _ in range(max(1, int(np.ceil(np.log2(max(m, 2)))))):
        reach = reach | ((reach.astype(np.int64) @ reach.astype(np.int64)) > 0)
    same = (reach & reach.T) | np.eye(m, dtype=bool)
    component = same.argmax(axis=1)  # the first member of each one's cycle class
    depth = np.zeros(m, dtype=np.int64)
    above = edges & (component[:, np.newaxis] != component[np.newaxis, :])
    # Longest chain above each alternative; m rounds suffice for an acyclic condensation.
    for _ in range(m):
        reached = np.where(above, depth[:, np.newaxis] + 1, 0).max(axis=0)
        # Members of one cycle class share the deepest of their depths.
        merged = np.zeros(m, dtype=np.int64)
        np.maximum.at(merged, component, np.maximum(depth, reached))
        updated = merged[component]
        if np.array_equal(updated, depth):
            break
        depth = updated
    labels = relation.index
    return tuple(
        tuple(str(a) for a in labels[depth == level]) for level in range(int(depth.max()) + 1)
    )
