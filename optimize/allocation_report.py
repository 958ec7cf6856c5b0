"""Tables and a JSON-ready summary of one allocation, for files and terminals."""

from __future__ import annotations

from typing import Any

import pandas as pd

from optimize.allocation import Allocation
from optimize.summary import finite, solve_figures


def allocation_tables(
    allocation: Allocation, marginals: pd.DataFrame | None
) -> dict[str, pd.DataFrame]:
    """Tidy views of an allocation by name (file stem); marginal values when computed."""
    tables = {
        "allocation": allocation.projects,
        "by_cluster_instrument": allocation.by_cluster(),
        "by_type_instrument": allocation.by_type_instrument(),
        "by_region": allocation.by_group("region"),
        "by_type": allocation.by_group("cluster_type"),
        "rules": allocation.rules,
        "binding_rules": allocation.binding,
    }
    if marginals is not None:
        tables["marginal_values"] = marginals
    if allocation.spend is not None:
        tables["by_period"] = allocation.by_period()
    return tables


def allocation_summary(allocation: Allocation, marginals: pd.DataFrame) -> dict[str, Any]:
    """Status, totals, binding rules and marginal values as plain Python values."""
    binding = allocation.binding
    return solve_figures(allocation) | {
        "leverage": finite(allocation.leverage),
        "binding_rules": [f"{r.rule}[{r.key}]" for r in binding.itertuples()],
        "marginal_values": [
            {key: finite(value) if isinstance(value, float) else value for key, value in r.items()}
            for r in marginals.to_dict("records")
        ],
    }
