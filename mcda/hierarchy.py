"""A two-or-more-level criteria hierarchy and the synthesis of global weights."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from mcda.errors import MatrixError

ROOT = "goal"


@dataclass(frozen=True)
class CriteriaTree:
    """Criteria hierarchy under one goal.

    Attributes
    ----------
    table : pandas.DataFrame
        Indexed by criterion id, with columns ``parent`` (``"goal"`` for level 1),
        ``name_en``, ``name_zh``, ``direction`` (``"benefit"``/``"cost"`` on leaves) and
        ``unit``.
    """

    table: pd.DataFrame

    def children(self, node: str = ROOT) -> list[str]:
        """Ids of the direct children of `node`, in table order."""
        return [str(c) for c in self.table.index[self.table["parent"] == node]]

    @property
    def nodes_with_children(self) -> list[str]:
        """The goal and every criterion that has sub-criteria, top-down."""
        return [ROOT, *[c for c in self.table.index if self.children(str(c))]]

    @property
    def leaves(self) -> list[str]:
        """Ids of the criteria without children, in table order."""
        parents = set(self.table["parent"])
        return [str(c) for c in self.table.index if c not in parents]

    @property
    def directions(self) -> pd.Series:
        """``"benefit"`` or ``"cost"`` per leaf."""
        return self.table.loc[self.leaves, "direction"].rename("direction")

    def path(self, leaf: str) -> list[str]:
        """Ids from level 1 down to `leaf`."""
        chain = [leaf]
        while (parent := str(self.table.at[chain[-1], "parent"])) != ROOT:
            chain.append(parent)
        return chain[::-1]

    def global_weights(self, local: Mapping[str, pd.Series]) -> pd.Series:
        """Synthesise leaf weights as the product of local weights along each path.

        Parameters
        ----------
        local : mapping of str to pandas.Series
            For each node with children (``"goal"`` included), the local weights of its
            children [-], each summing to 1.

        Returns
        -------
        pandas.Series
            Global weight per leaf [-], summing to 1.

        Raises
        ------
        MatrixError
            If a node's local weights are missing or do not cover its children.
        """
        for node in self.nodes_with_children:
            if node not in local:
                raise MatrixError(f"no local weights for criterion node {node!r}")
            if set(local[node].index) != set(self.children(node)):
                raise MatrixError(
                    f"local weights of {node!r} cover {sorted(local[node].index)}, "
                    f"expected {sorted(self.children(node))}"
                )
        weights = {}
        for leaf in self.leaves:
            product, parent = 1.0, ROOT
            for node in self.path(leaf):
                product *= float(local[parent][node])
                parent = node
            weights[leaf] = product
        return pd.Series(weights, name="weight")
