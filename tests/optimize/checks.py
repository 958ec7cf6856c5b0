"""Independent checks of an allocation against a case's rules, and a brute-force optimum.

Written from the rule definitions in the case, not from the model's rows, so that a wrong
row in the model shows up as a disagreement.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from scipy.optimize import linprog

from optimize.case import Case
from optimize.model import Allocation

TOL = 1e-6

Linear = tuple[str, np.ndarray, str, float]


def amount_rules(case: Case, projects: pd.DataFrame) -> list[Linear]:
    """Every amount rule as (name, coefficients over projects, sense, bound) in x."""
    rules = case.rules
    budget = case.budget
    n = len(projects)
    rows: list[Linear] = [("budget", np.ones(n), "<=", budget)]

    def member(column: str, value: str) -> np.ndarray:
        return (projects[column] == value).to_numpy(float)

    for kind, b in rules.type_share.items():
        rows += [
            (f"type {kind} min", member("cluster_type", kind), ">=", b.minimum * budget),
            (f"type {kind} max", member("cluster_type", kind), "<=", b.maximum * budget),
        ]
    for inst, b in rules.instrument_share.items():
        rows += [
            (f"instr {inst} min", member("instrument", inst), ">=", b.minimum * budget),
            (f"instr {inst} max", member("instrument", inst), "<=", b.maximum * budget),
        ]
    for cluster, b in rules.cluster_limits.items():
        rows.append((f"cluster {cluster} floor", member("cluster", cluster), ">=", b.minimum))
        if np.isfinite(b.maximum):
            rows.append((f"cluster {cluster} cap", member("cluster", cluster), "<=", b.maximum))
    for region, floor in rules.region_floor.items():
        rows.append((f"region {region}", member("region", region), ">=", floor * budget))
    if rules.min_leverage is not None:
        surplus = projects["cofunding_ratio"].to_numpy(float) - (rules.min_leverage - 1)
        rows.append(("cofunding", surplus, ">=", 0.0))
    if rules.periods is not None:
        years = list(rules.periods.years)
        shares = np.zeros((n, len(years)))
        for k, p in enumerate(projects.index):
            start = int(projects.at[p, "start"]) or years[0]
            profile = rules.periods.profiles[projects.at[p, "instrument"]]
            for j, share in enumerate(profile):
                shares[k, min(years.index(start) + j, len(years) - 1)] += share
        for t, year in enumerate(years):
            first = 0 if rules.periods.carry_over else t
            rows.append(
                (
                    f"period {year}",
                    shares[:, first : t + 1].sum(axis=1),
                    "<=",
                    sum(rules.periods.budgets[first : t + 1]),
                )
            )
    return rows


def decisions_allowed(case: Case, projects: pd.DataFrame, y: pd.Series) -> list[str]:
    """Names of the count rules that the build vector `y` (0/1 per project) breaks."""
    rules = case.rules
    broken = []
    on = set(y.index[y > 0.5])
    if rules.no_duplicated_construction is not None:
        nd = rules.no_duplicated_construction
        chosen = projects.loc[sorted(on)]
        chosen = chosen[chosen["instrument"].isin(nd.instruments)]
        if (chosen.groupby(["tech_domain", "instrument"]).size() > nd.max_per_domain).any():
            broken.append("no duplicated construction")
    if rules.basic_concentration is not None:
        chosen = projects.loc[sorted(on)]
        basic = chosen[chosen["cluster_type"] == "basic"]
        if (basic.groupby("cluster").size() > rules.basic_concentration.max_projects).any():
            broken.append("basic concentration count")
    if rules.frontier_platform_research is not None:
        rt = rules.frontier_platform_research
        for p in on:
            row = projects.loc[p]
            sparse = case.scores.values.at[row["cluster"], rt.criterion] < rt.min_score
            if row["cluster_type"] == "frontier" and row["instrument"] == "platform" and sparse:
                broken.append("frontier platform research")
    if any(p in on and q not in on for p, q in rules.dependencies):
        broken.append("dependencies")
    if rules.demonstration_needs_pilot_base:
        chosen = projects.loc[sorted(on)]
        based = set(chosen.loc[chosen["instrument"] == "pilot_base", "cluster"])
        demos = chosen[chosen["instrument"] == "demonstration"]
        if not set(demos["cluster"]) <= based:
            broken.append("demonstration needs a pilot base")
    if any(p in on and q in on for p, q in rules.exclusions):
        broken.append("exclusions")
    if any(p not in on for p in rules.must_fund):
        broken.append("must fund")
    if any(p in on for p in rules.must_not_fund):
        broken.append("must not fund")
    return broken


def rule_violations(case: Case, allocation: Allocation) -> list[str]:
    """Every rule of `case` that `allocation` breaks (empty when all hold)."""
    table = allocation.projects
    x = table["amount"].to_numpy(float)
    # The build decision: a project with no minimum grant may be funded at zero.
    funded = table["funded"].astype(bool)
    problems = decisions_allowed(case, table, funded.astype(float))
    if (table.loc[~funded, "amount"] > TOL).any():
        problems.append("money without a build decision")
    if (table.loc[funded, "amount"] < table.loc[funded, "min_grant"] - TOL).any():
        problems.append("minimum viable scale")
    if (table["amount"] > table["max_grant"] + TOL).any():
        problems.append("maximum grant")
    concentration = case.rules.basic_concentration
    if concentration is not None:
        basic = table[funded & (table["cluster_type"] == "basic")]
        if (basic["amount"] < concentration.min_grant - TOL).any():
            problems.append("basic concentration grant")
    for name, coef, sense, bound in amount_rules(case, table):
        value = float(coef @ x)
        if (sense == "<=" and value > bound + TOL) or (sense == ">=" and value < bound - TOL):
            problems.append(name)
    return problems


def brute_force_optimum(case: Case, projects: pd.DataFrame) -> float:
    """Best benefit by enumerating every build vector and solving the remaining LP exactly.

    Each project's funding is its base (the minimum grant under ``project_curve``, nothing
    under ``cluster_returns``) plus pieces, each worth a fixed benefit per unit: the top-up
    segments at slope d^s, or the blocks of its cluster's grant at r^(j-1), most valuable
    money first (the LP fills the blocks; written from the definition, not from the model's
    rows, which count only the money beyond the first block). Returns -inf when no build
    vector is feasible.
    """
    ids = list(projects.index)
    n = len(ids)
    coefficient = projects["coefficient"].to_numpy(float)
    low = projects["min_grant"].to_numpy(float)
    high = projects["max_grant"].to_numpy(float)
    blocks = case.benefit.block_slopes
    slopes = (
        np.array(blocks)
        if blocks
        else case.benefit.decay ** np.arange(1, case.benefit.segments + 1)
    )
    pieces = len(slopes)
    rules = amount_rules(case, projects)
    concentration = case.rules.basic_concentration
    best = -np.inf
    for build in itertools.product([0.0, 1.0], repeat=n):
        y = pd.Series(build, index=ids)
        if decisions_allowed(case, projects, y):
            continue
        on = y.to_numpy()
        base = np.zeros(n) if blocks else low * on
        upper = high * on if blocks else projects["segment_width"].to_numpy(float) * on
        a_ub: list[np.ndarray] = []
        b_ub: list[float] = []

        def at_most(
            per_project: np.ndarray,
            bound: float,
            piece: int | None = None,
            a_ub: list[np.ndarray] = a_ub,
            b_ub: list[float] = b_ub,
        ) -> None:
            """Row over the pieces: sum_p coef_p x (its pieces, or only `piece`) <= bound."""
            row = np.zeros((n, pieces))
            if piece is None:
                row[:] = per_project[:, None]
            else:
                row[:, piece] = per_project
            a_ub.append(row.ravel())
            b_ub.append(bound)

        for _, coef, sense, bound in rules:
            sign = 1.0 if sense == "<=" else -1.0
            at_most(sign * coef, sign * (bound - coef @ base))
        for k in range(n):
            alone = np.eye(n)[k]
            if (
                concentration is not None
                and projects.iat[k, projects.columns.get_loc("cluster_type")] == "basic"
                and on[k]
            ):
                at_most(-alone, base[k] - concentration.min_grant)
            if blocks:
                at_most(alone, high[k] * on[k])
                at_most(-alone, -low[k] * on[k])
        if blocks:
            for cluster in projects["cluster"].unique():
                member = (projects["cluster"] == cluster).to_numpy(float)
                for j in range(pieces - 1):
                    at_most(member, case.benefit.cluster_block, piece=j)
        cost = -(coefficient[:, None] * slopes[None, :]).ravel()
        bounds = [(0.0, upper[k]) for k in range(n) for _ in range(pieces)]
        result = linprog(cost, A_ub=np.array(a_ub), b_ub=np.array(b_ub), bounds=bounds)
        if result.status != 0:
            continue
        best = max(best, float(coefficient @ base - result.fun))
    return best
