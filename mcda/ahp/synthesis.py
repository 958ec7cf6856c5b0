"""AHP down to the alternatives: a declarative hierarchy synthesised into alternative priorities.

A hierarchy maps each node with children to its children, from :data:`mcda.hierarchy.ROOT`
(``"goal"``); each node with children gets pairwise judgments on its children (or weights),
and each leaf criterion says how the alternatives fare on it in one of three ways:

- :class:`Pairwise`: pairwise judgments on the alternatives (relative measurement);
- :class:`Measured`: a measured value per alternative (AHPy's ``{'civic': 34, ...}`` input),
  whose priorities are proportional to the value, or to 1/value for a cost;
- :class:`Rated`: a rating per alternative on a :class:`RatingScale` whose level intensities
  come from pairwise judgments on the levels (absolute measurement, Saaty 1986).

:func:`synthesize` multiplies local weights down each path (global leaf weights) and adds up
each alternative's leaf values, weighted, in one of two modes:

- ``"distributive"``: each leaf's values are divided by their sum (they share the leaf's
  weight). Adding or removing an alternative changes every other alternative's share, so the
  order of the others can reverse even when the new one is an exact copy of an existing one:
  Belton & Gear's (1983) example, reproduced in the tests, ranks B over A with three
  alternatives and A over B once a copy D of B is added.
- ``"ideal"``: each leaf's values are divided by their largest (the best alternative on the
  leaf scores 1). Adding an alternative that is not the best on any leaf, such as a copy,
  leaves every other alternative's score unchanged, so no reversal (Belton & Gear's remedy);
  an added alternative that becomes the best on some leaf rescales that leaf and can still
  reverse the order (Saaty & Vargas's 1984 counterexample, also in the tests).

Rated leaves are absolute measurement in either mode: an alternative's value is its level's
intensity (the levels' priorities divided by the largest), whatever the other alternatives,
so ratings never cause a reversal. ``Synthesis.scores`` are the weighted sums;
``Synthesis.priorities`` the same divided by their sum (equal to the scores in the
distributive mode without rated leaves).

References
----------
- Saaty, T. L. (1986). Absolute and relative measurement with the AHP. The most livable
  cities in the United States. *Socio-Economic Planning Sciences* 20(6), 327-331.
- Saaty, T. L., & Vargas, L. G. (2012). *Models, Methods, Concepts & Applications of the
  Analytic Hierarchy Process*, 2nd ed., Springer, ch. 1 (distributive and ideal modes).
- Belton, V., & Gear, T. (1983). On a short-coming of Saaty's method of analytic
  hierarchies. *Omega* 11(3), 228-230. Numbers as restated by Wang, Y.-M., & Elhag, T. M. S.
  (2006). An approach to avoiding rank reversal in AHP. *Decision Support Systems* 42(3),
  1474-1480, Tables 1-2.
- Saaty, T. L., & Vargas, L. G. (1984). The legitimacy of rank reversal. *Omega* 12(5),
  513-516; as restated by Wang & Elhag (2006), Tables 3-4.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from mcda.ahp.judgments import Judgment, judgment_matrices
from mcda.ahp.priorities import AHPResult, Method, priorities
from mcda.errors import JudgmentError, MatrixError
from mcda.hierarchy import ROOT, CriteriaTree

Mode = Literal["distributive", "ideal"]
MODES: tuple[Mode, ...] = ("distributive", "ideal")

#: Pairwise judgments: a full matrix, or ``{(row, col): value}`` (row matters value times col).
Judgments = pd.DataFrame | Mapping[tuple[str, str], float]


@dataclass(frozen=True)
class Pairwise:
    """A leaf judged by pairwise comparisons of the alternatives.

    Attributes
    ----------
    judgments : pandas.DataFrame or mapping of (str, str) to float
        A reciprocal matrix over the alternatives, or ``{(a, b): value}``: a is preferred
        value times as much as b on this criterion. Missing pairs are completed.
    """

    judgments: Judgments


@dataclass(frozen=True)
class Measured:
    """A leaf measured on a ratio scale: priorities proportional to the values.

    Attributes
    ----------
    values : mapping of str to float or pandas.Series
        One positive measurement per alternative (in the criterion's unit).
    direction : {"benefit", "cost"}
        ``"cost"``: priorities proportional to 1/value (less is better).
    """

    values: Mapping[str, float] | pd.Series
    direction: Literal["benefit", "cost"] = "benefit"


@dataclass(frozen=True)
class RatingScale:
    """Rating levels whose intensities come from pairwise judgments on the levels.

    Attributes
    ----------
    judgments : pandas.DataFrame or mapping of (str, str) to float
        Pairwise judgments on the levels (e.g. ``("excellent", "good"): 2``).
    method : {"eigenvector", "geometric_mean"}
        How the level priorities are derived.
    """

    judgments: Judgments
    method: Method = "eigenvector"

    @property
    def result(self) -> AHPResult:
        """Priorities and consistency of the level judgments."""
        return priorities(_matrix(self.judgments), self.method)

    @property
    def intensities(self) -> pd.Series:
        """Level priorities divided by the largest: the top level is 1 [-]."""
        weights = self.result.weights
        intensities: pd.Series = (weights / weights.max()).rename("intensity")
        return intensities


@dataclass(frozen=True)
class Rated:
    """A leaf on which each alternative is rated on a scale (absolute measurement).

    Attributes
    ----------
    scale : RatingScale
    ratings : mapping of str to str
        The level of each alternative.
    """

    scale: RatingScale
    ratings: Mapping[str, str]


Leaf = Pairwise | Measured | Rated


@dataclass(frozen=True)
class Synthesis:
    """Alternative priorities synthesised from a hierarchy.

    Attributes
    ----------
    priorities : pandas.Series
        Per alternative [-], sums to 1, in the order the alternatives were given.
    scores : pandas.Series
        The weighted sums before that division [-] (ideal mode: 1 would be an alternative
        best on every leaf).
    mode : str
        ``"distributive"`` or ``"ideal"``.
    weights : pandas.Series
        Global weight per leaf criterion [-], sums to 1.
    values : pandas.DataFrame
        Alternatives x leaves: each leaf's values after the mode's normalisation [-].
    judged : dict of str to AHPResult
        Weights and consistency of every pairwise matrix: criteria nodes by node name,
        pairwise leaves by leaf name, rating scales by ``"<leaf> scale"``.
    """

    priorities: pd.Series
    scores: pd.Series
    mode: str
    weights: pd.Series
    values: pd.DataFrame
    judged: dict[str, AHPResult] = field(default_factory=dict)

    @property
    def ranking(self) -> list[str]:
        """Alternatives from the highest priority to the lowest."""
        return [str(a) for a in self.priorities.sort_values(ascending=False, kind="stable").index]


def synthesize(
    hierarchy: Mapping[str, Sequence[str]],
    criteria: Mapping[str, Judgments | pd.Series],
    leaves: Mapping[str, Leaf],
    alternatives: Sequence[str],
    *,
    mode: Mode = "distributive",
    method: Method = "eigenvector",
) -> Synthesis:
    """Synthesise alternative priorities from a criteria hierarchy (AHP).

    Parameters
    ----------
    hierarchy : mapping of str to sequence of str
        Children of each node with children, from ``"goal"``; e.g. ``{"goal": ["cost",
        "safety"], "cost": ["price", "fuel"]}``. Nodes without an entry are leaves.
    criteria : mapping of str to judgments or pandas.Series
        For each node with children: pairwise judgments on its children (a matrix or
        ``{(a, b): value}``), or their weights as a Series summing to 1.
    leaves : mapping of str to Pairwise, Measured or Rated
        How the alternatives fare on each leaf criterion.
    alternatives : sequence of str
        The alternatives, each judged, measured or rated on every leaf.
    mode : {"distributive", "ideal"}
        How each leaf's values are normalised (see the module notes).
    method : {"eigenvector", "geometric_mean"}
        How priorities are derived from pairwise matrices (criteria and pairwise leaves).

    Returns
    -------
    Synthesis

    Raises
    ------
    JudgmentError
        On malformed judgments, a leaf that misses or adds an alternative, a measurement
        that is not a positive number, a rating off its scale, or an unknown mode.
    MatrixError
        If the hierarchy and the criteria judgments do not match.
    """
    if mode not in MODES:
        raise JudgmentError(f"unknown synthesis mode {mode!r} (use 'distributive' or 'ideal')")
    names = [str(a) for a in alternatives]
    if len(set(names)) != len(names) or not names:
        raise JudgmentError("alternatives must be distinct and at least one")
    judged: dict[str, AHPResult] = {}
    local = {node: _criterion_weights(node, criteria, method, judged) for node in hierarchy}
    tree = _tree(hierarchy)
    weights = tree.global_weights(local)
    if set(weights.index) != set(leaves):
        raise MatrixError(
            f"leaves of the hierarchy {sorted(weights.index)} and the leaves described "
            f"{sorted(leaves)} differ"
        )
    values = pd.DataFrame(
        {
            leaf: _leaf_values(leaf, leaves[leaf], names, mode, method, judged)
            for leaf in weights.index
        },
        index=names,
    )
    scores = (values * weights).sum(axis=1).rename("score")
    return Synthesis(
        priorities=(scores / scores.sum()).rename("priority"),
        scores=scores,
        mode=mode,
        weights=weights,
        values=values,
        judged=judged,
    )


def _tree(hierarchy: Mapping[str, Sequence[str]]) -> CriteriaTree:
    """The hierarchy as a :class:`CriteriaTree` (parent per criterion)."""
    if ROOT not in hierarchy:
        raise MatrixError(f"the hierarchy needs a {ROOT!r} node, the root")
    parent: dict[str, str] = {}
    for node, children in hierarchy.items():
        for child in children:
            if child in parent or child == ROOT:
                raise MatrixError(f"criterion {child!r} appears twice in the hierarchy")
            parent[str(child)] = str(node)
    orphans = [node for node in hierarchy if node != ROOT and node not in parent]
    if orphans:
        raise MatrixError(f"nodes {orphans} are not under {ROOT!r}")
    return CriteriaTree(pd.DataFrame({"parent": pd.Series(parent, dtype=object)}))


def _matrix(judgments: Judgments, items: Sequence[str] | None = None) -> pd.DataFrame:
    """A pairwise matrix from a matrix or a ``{(row, col): value}`` mapping (gaps NaN)."""
    if isinstance(judgments, pd.DataFrame):
        return judgments if items is None else judgments.loc[list(items), list(items)]
    records = [Judgment(str(row), str(col), float(v)) for (row, col), v in judgments.items()]
    return judgment_matrices(records, items)["expert"]


def _criterion_weights(
    node: str,
    criteria: Mapping[str, Judgments | pd.Series],
    method: Method,
    judged: dict[str, AHPResult],
) -> pd.Series:
    """Local weights of one node's children, from judgments or as given."""
    if node not in criteria:
        raise MatrixError(f"no judgments on the children of {node!r}")
    given = criteria[node]
    if isinstance(given, pd.Series):
        return given.astype(float)
    result = priorities(_matrix(given), method)
    judged[node] = result
    return result.weights


def _leaf_values(
    leaf: str,
    how: Leaf,
    alternatives: list[str],
    mode: Mode,
    method: Method,
    judged: dict[str, AHPResult],
) -> pd.Series:
    """The alternatives' values on one leaf, normalised by `mode` (ratings: intensities)."""
    if isinstance(how, Rated):
        _check_cover(leaf, how.ratings, alternatives)
        intensities = how.scale.intensities
        judged[f"{leaf} scale"] = how.scale.result
        off = {a: r for a, r in how.ratings.items() if r not in intensities.index}
        if off:
            alternative, level = next(iter(off.items()))
            raise JudgmentError(
                f"leaf {leaf!r}: {alternative!r} is rated {level!r}, not a level of its scale "
                f"({', '.join(map(str, intensities.index))})"
            )
        return pd.Series(
            [float(intensities[how.ratings[a]]) for a in alternatives], index=alternatives
        )
    if isinstance(how, Measured):
        values = pd.Series(how.values, dtype=float)
        _check_cover(leaf, values, alternatives)
        values = values.reindex(alternatives)
        if not np.all(np.isfinite(values.to_numpy())) or (values <= 0).any():
            raise JudgmentError(f"leaf {leaf!r}: measured values must be positive numbers")
        raw = 1.0 / values if how.direction == "cost" else values
    else:
        matrix = _matrix(how.judgments)
        _check_cover(leaf, list(matrix.index), alternatives)
        result = priorities(matrix.loc[alternatives, alternatives], method)
        judged[leaf] = result
        raw = result.weights
    return raw / (raw.sum() if mode == "distributive" else raw.max())


def _check_cover(
    leaf: str, given: Mapping[str, object] | pd.Series | list[str], alternatives: list[str]
) -> None:
    """Refuse a leaf that does not cover exactly the alternatives."""
    labels = set(given.index if isinstance(given, pd.Series) else given)
    if labels != set(alternatives):
        missing, extra = set(alternatives) - labels, labels - set(alternatives)
        raise JudgmentError(
            f"leaf {leaf!r} covers other alternatives: missing {sorted(missing)}, "
            f"unknown {sorted(map(str, extra))}"
        )
