"""Tiers: the rule of mcda.sensitivity.tiers on hand-made and random winning indices."""

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda import MatrixError
from mcda.sensitivity import beats, tiers


def winning_from_rankings(rankings: list[tuple[str, ...]]) -> pd.DataFrame:
    """P(i > j) when each listed ranking (best first) is equally likely."""
    labels = sorted(rankings[0])
    counts = pd.DataFrame(0.0, index=labels, columns=labels)
    for ranking in rankings:
        for hi, lo in itertools.combinations(ranking, 2):
            counts.at[hi, lo] += 1 / len(rankings)
    return counts


def test_a_chain_with_an_unresolved_pair() -> None:
    # a above b in 95%, b above c in 92%, a above c always; d is level with a and b.
    winning = pd.DataFrame(
        [[0, 0.95, 1.0, 0.5], [0.05, 0, 0.92, 0.5], [0, 0.08, 0, 0.05], [0.5, 0.5, 0.95, 0]],
        index=list("abcd"),
        columns=list("abcd"),
    )
    relation = beats(winning, 0.9)
    assert relation.sum().sum() == 4
    assert tiers(relation) == (("a", "d"), ("b",), ("c",))
    assert tiers(beats(winning, 0.93)) == (("a", "d"), ("b", "c"))


def test_a_cycle_below_the_acyclic_bound_shares_a_tier() -> None:
    # Condorcet: abc, bca, cab give 2/3 around a cycle; at c = 0.6 all three merge.
    winning = winning_from_rankings([("a", "b", "c"), ("b", "c", "a"), ("c", "a", "b")])
    relation = beats(winning, 0.6)
    assert relation.at["a", "b"] and relation.at["b", "c"] and relation.at["c", "a"]
    assert tiers(relation) == (("a", "b", "c"),)


def test_confidence_must_exceed_one_half() -> None:
    with pytest.raises(MatrixError, match=r"\(0.5, 1\]"):
        beats(pd.DataFrame([[0.0]]), 0.5)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.permutations("abcde"), min_size=1, max_size=12),
    st.floats(min_value=0.51, max_value=1.0),
)
def test_tiers_are_consistent_with_the_relation(rankings: list[list[str]], c: float) -> None:
    winning = winning_from_rankings([tuple(r) for r in rankings])
    relation = beats(winning, c)
    found = tiers(relation)
    assert sorted(itertools.chain(*found)) == list("abcde")
    level = {a: k for k, tier in enumerate(found) for a in tier}
    closure = relation.to_numpy()
    for _ in range(5):
        closure = closure | ((closure.astype(int) @ closure.astype(int)) > 0)
    cyclic = bool(np.diag(closure).any())
    # c > 1 - 1/m rules cycles out (m = 5 alternatives).
    if c > 0.8:
        assert not cyclic
    for i, j in itertools.permutations("abcde", 2):
        if relation.at[i, j]:
            mutual = closure[list("abcde").index(j), list("abcde").index(i)]
            assert level[i] < level[j] or (mutual and level[i] == level[j])
    # Tier 1 is what nothing beats (when there is no cycle).
    if not cyclic:
        assert set(found[0]) == {a for a in "abcde" if not relation[a].any()}
