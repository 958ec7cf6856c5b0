"""Independent checks of an allocation against a case's rules, and a brute-force optimum."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from scipy.optimize import linprog

from optimize.allocation import Allocation
from optimize.case import Case

TOL = 1e-6


def rule_violations(case: Case, allocation: Allocation) -> list[str]:
    """Every rule of `case` that `allocation` breaks (empty when all hold)."""
    table = allocation.projects.join(case.projects[["efficiency"]])
    problems = []
    if table["amount"].sum() > case.budget + TOL:
        problems.append("budget")
    funded = table[table["amount"] > TOL]
    if (funded["amount"] < funded["min_grant"] - TOL).any():
        problems.append("minimum viable scale")
    if (table["amount"] > table["max_grant"] + TOL).any():
        problems.append("maximum grant")
    for kind, bounds in case.rules.type_share.items():
        spent = table.loc[table["cluster_type"] == kind, "amount"].sum()
        if spent < bounds.minimum * case.budget - TOL or spent > bounds.maximum * case.budget + TOL:
            problems.append(f"type share {kind}")
    rule = case.rules.no_duplicated_construction
    if rule is not None:
        covered = funded[funded["instrument"].isin(rule.instruments)]
        if (covered.groupby(["tech_domain", "instrument"]).size() > rule.max_per_domain).any():
            problems.append("no duplicated construction")
    return problems


def brute_force_optimum(case: Case, projects: pd.DataFrame) -> float:
    """Best benefit by enumerating every build vector and solving the remaining LP exactly.

    Returns -inf when no build vector is feasible.
    """
    ids = list(projects.index)
    segments = case.benefit.top_up_segments
    decay = np.array([case.benefit.slope_decay ** (s + 1) for s in range(segments)])
    best = -np.inf
    rule = case.rules.no_duplicated_construction
    for build in itertools.product([0, 1], repeat=len(ids)):
        y = pd.Series(build, index=ids, dtype=float)
        if rule is not None:
            covered = projects[projects["instrument"].isin(rule.instruments) & (y > 0)]
            if (covered.groupby(["tech_domain", "instrument"]).size() > rule.max_per_domain).any():
                continue
        base = y * projects["min_grant"]
        # LP over top-ups t[p, s], p-major order.
        cost = -np.concatenate([projects.at[p, "coefficient"] * decay for p in ids])
        bounds = [(0.0, projects.at[p, "segment_width"] * y[p]) for p in ids for _ in decay]
        rows, rhs = [], []
        rows.append(np.ones(len(ids) * segments))
        rhs.append(case.budget - base.sum())
        for kind, share in case.rules.type_share.items():
            member = np.repeat((projects["cluster_type"] == kind).to_numpy(float), segments)
            spent = base[projects["cluster_type"] == kind].sum()
            rows.append(member)
            rhs.append(share.maximum * case.budget - spent)
            rows.append(-member)
            rhs.append(spent - share.minimum * case.budget)
        result = linprog(cost, A_ub=np.array(rows), b_ub=np.array(rhs), bounds=bounds)
        if result.status != 0:
            continue
        value = float((projects["coefficient"] * base).sum() - result.fun)
        best = max(best, value)
    return best
