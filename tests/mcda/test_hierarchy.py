"""Global weights from local priorities along the criteria tree."""

import pandas as pd
import pytest

from mcda.errors import MatrixError
from mcda.hierarchy import CriteriaTree

TREE = CriteriaTree(
    pd.DataFrame(
        {
            "parent": ["goal", "goal", "A", "A", "B", "B", "B"],
            "direction": ["", "", "benefit", "cost", "benefit", "benefit", "benefit"],
        },
        index=["A", "B", "a1", "a2", "b1", "b2", "b3"],
    )
)


def test_global_weights_are_products_along_the_path() -> None:
    local = {
        "goal": pd.Series({"A": 0.75, "B": 0.25}),
        "A": pd.Series({"a1": 0.6, "a2": 0.4}),
        "B": pd.Series({"b1": 0.5, "b2": 0.3, "b3": 0.2}),
    }
    weights = TREE.global_weights(local)
    assert weights["a1"] == pytest.approx(0.45)
    assert weights["b3"] == pytest.approx(0.05)
    assert weights.sum() == pytest.approx(1.0)
    assert TREE.leaves == ["a1", "a2", "b1", "b2", "b3"]
    assert TREE.nodes_with_children == ["goal", "A", "B"]


def test_missing_local_weights_are_named() -> None:
    with pytest.raises(MatrixError, match="node 'B'"):
        TREE.global_weights(
            {"goal": pd.Series({"A": 0.5, "B": 0.5}), "A": pd.Series({"a1": 0.5, "a2": 0.5})}
        )
