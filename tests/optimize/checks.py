"""Independent checks of an allocation against a case's rules, and a brute-force optimum.

Written from the rule definitions in the case, not from the model's rows, so that a wrong
row in the model shows up as a disagreement.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

from optimize import SolveStatus, solve
from optimize.appraisal import Appraisal
from optimize.case import Case
from optimize.model import Allocation, project_table

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


def own_domains(case: Case) -> pd.Series:
    """Each project's domain: its own where stated, else its cluster's tech_domain."""
    inherited = case.clusters.loc[case.projects["cluster"], "tech_domain"].to_numpy()
    stated = case.projects.get("domain", pd.Series("", index=case.projects.index))
    return pd.Series(np.where(stated.fillna("") != "", stated, inherited), case.projects.index)


def centre_elsewhere(case: Case, project: str) -> bool:
    """Whether the stock refuses `project`: no override, and its domain's counted centres all
    sit outside its cluster (neither the cluster column nor a cluster city matches)."""
    overrides = case.projects.get("stock_override", pd.Series("", index=case.projects.index))
    kinds = case.rules.no_duplicated_construction.stock_kinds
    if overrides.fillna("")[project] or not kinds:
        return False
    cluster = case.projects.at[project, "cluster"]
    cities = str(case.clusters.get("city", pd.Series("", case.clusters.index))[cluster]).split(";")
    centres = [
        row
        for row in case.stock.itertuples()
        if row.kind in kinds and row.domain == own_domains(case)[project]
    ]
    here = [c for c in centres if c.cluster == cluster or c.city in cities]
    return bool(centres) and not here


def decisions_allowed(case: Case, projects: pd.DataFrame, y: pd.Series) -> list[str]:
    """Names of the count rules that the build vector `y` (0/1 per project) breaks."""
    rules = case.rules
    broken = []
    on = set(y.index[y > 0.5])
    if rules.no_duplicated_construction is not None:
        nd = rules.no_duplicated_construction
        chosen = projects.loc[sorted(on)]
        chosen = chosen[chosen["instrument"].isin(nd.instruments)]
        domains = own_domains(case).loc[chosen.index]
        if (chosen.groupby([domains, chosen["instrument"]]).size() > nd.max_per_domain).any():
            broken.append("no duplicated construction")
        if any(centre_elsewhere(case, p) for p in chosen.index):
            broken.append("national centre elsewhere")
    if rules.basic_concentration is not None:
        chosen = projects.loc[sorted(on)]
        basic = chosen[chosen["cluster_type"].isin(rules.basic_concentration.types)]
        if (basic.groupby("cluster").size() > rules.basic_concentration.max_projects).any():
            broken.append("basic concentration count")
    if rules.frontier_platform_research is not None:
        rt = rules.frontier_platform_research
        for p in on:
            row = projects.loc[p]
            sparse = case.scores.values.at[row["cluster"], rt.criterion] < rt.min_score
            covered = row["cluster_type"] in rt.types and row["instrument"] in rt.instruments
            if covered and sparse:
                broken.append("frontier platform research")
    if not case.eligible.empty:
        chosen = projects.loc[sorted(on)]
        pairs = zip(chosen["cluster_type"], chosen["instrument"], strict=True)
        if not all(case.eligible.at[kind, instrument] for kind, instrument in pairs):
            broken.append("not eligible under the type in force")
    if any(p in on and q not in on for p, q in rules.dependencies):
        broken.append("dependencies")
    for instrument, needed in rules.in_cluster:
        chosen = projects.loc[sorted(on)]
        based = set(chosen.loc[chosen["instrument"] == needed, "cluster"])
        users = chosen[chosen["instrument"] == instrument]
        if not set(users["cluster"]) <= based:
            broken.append(f"{instrument} needs {needed} in its cluster")
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
        basic = table[funded & table["cluster_type"].isin(concentration.types)]
        if (basic["amount"] < concentration.min_grant - TOL).any():
            problems.append("basic concentration grant")
    for name, coef, sense, bound in amount_rules(case, table):
        value = float(coef @ x)
        if (sense == "<=" and value > bound + TOL) or (sense == ">=" and value < bound - TOL):
            problems.append(name)
    return problems


def brute_force_optimum(case: Case, projects: pd.DataFrame) -> float:
    """Best benefit by enumerating every build vector and solving the remaining LP exactly.

    Written from the objective's definition, not from the model's rows. Returns -inf when no
    build vector is feasible.
    """
    if case.benefit.block_slopes:
        return _cluster_returns_optimum(case, projects)
    return _project_curve_optimum(case, projects)


def _cluster_returns_optimum(case: Case, projects: pd.DataFrame) -> float:
    """Brute force under ``cluster_returns``: per build vector, an LP in the grants x_p and
    every block h_kj of each cluster's fit-weighted grant (sum_j h_kj = sum_p f_p e_p x_p,
    h_kj <= W but for the last), maximising sum_k pi_k sum_j r^(j-1) h_kj."""
    ids = list(projects.index)
    n = len(ids)
    clusters = list(dict.fromkeys(projects["cluster"]))
    slopes = np.array(case.benefit.block_slopes)
    blocks = len(slopes)
    width = case.benefit.cluster_block
    priority = projects.groupby("cluster")["priority"].first()
    weight = (projects["fit"] * projects["efficiency"]).to_numpy(float)
    low = projects["min_grant"].to_numpy(float)
    high = projects["max_grant"].to_numpy(float)
    cost = np.concatenate([np.zeros(n), -np.concatenate([priority[k] * slopes for k in clusters])])
    a_eq = np.zeros((len(clusters), n + len(clusters) * blocks))
    for c, k in enumerate(clusters):
        a_eq[c, :n] = -weight * (projects["cluster"] == k).to_numpy(float)
        a_eq[c, n + c * blocks : n + (c + 1) * blocks] = 1.0
    block_bounds = [
        (0.0, width if j < blocks - 1 else None) for _ in clusters for j in range(blocks)
    ]
    concentration = case.rules.basic_concentration
    best = -np.inf
    for build in itertools.product([0.0, 1.0], repeat=n):
        y = pd.Series(build, index=ids)
        if decisions_allowed(case, projects, y):
            continue
        on = y.to_numpy()
        floor = low * on
        if concentration is not None:
            basic = (projects["cluster_type"] == "basic").to_numpy() & (on > 0)
            floor = np.where(basic, np.maximum(floor, concentration.min_grant), floor)
        bounds = [(floor[k], high[k] * on[k]) for k in range(n)] + block_bounds
        if any(lo > hi + TOL for lo, hi in bounds[:n]):
            continue
        a_ub, b_ub = [], []
        for _, coef, sense, bound in amount_rules(case, projects):
            sign = 1.0 if sense == "<=" else -1.0
            a_ub.append(np.concatenate([sign * coef, np.zeros(len(clusters) * blocks)]))
            b_ub.append(sign * bound)
        result = linprog(
            cost,
            A_ub=np.array(a_ub),
            b_ub=np.array(b_ub),
            A_eq=a_eq,
            b_eq=np.zeros(len(clusters)),
            bounds=bounds,
        )
        if result.status == 0:
            best = max(best, float(-result.fun))
    return best


def _project_curve_optimum(case: Case, projects: pd.DataFrame) -> float:
    """Brute force under ``project_curve``: the top-up segments of each built project."""
    ids = list(projects.index)
    segments = case.benefit.top_up_segments
    decay = np.array([case.benefit.slope_decay ** (s + 1) for s in range(segments)])
    rules = amount_rules(case, projects)
    low = projects["min_grant"].to_numpy(float)
    best = -np.inf
    for build in itertools.product([0.0, 1.0], repeat=len(ids)):
        y = pd.Series(build, index=ids)
        if decisions_allowed(case, projects, y):
            continue
        base = low * y.to_numpy()
        cost = -np.concatenate([projects.at[p, "coefficient"] * decay for p in ids])
        bounds = [(0.0, projects.at[p, "segment_width"] * y[p]) for p in ids for _ in decay]
        a_ub, b_ub = [], []
        for _, coef, sense, bound in rules:
            sign = 1.0 if sense == "<=" else -1.0
            a_ub.append(sign * np.repeat(coef, segments))
            b_ub.append(sign * (bound - coef @ base))
        concentration = case.rules.basic_concentration
        if concentration is not None:
            for k, p in enumerate(ids):
                if projects.at[p, "cluster_type"] in concentration.types and y[p] > 0:
                    row = np.zeros(len(ids) * segments)
                    row[k * segments : (k + 1) * segments] = -1.0
                    a_ub.append(row)
                    b_ub.append(low[k] - concentration.min_grant)
        result = linprog(cost, A_ub=np.array(a_ub), b_ub=np.array(b_ub), bounds=bounds)
        if result.status != 0:
            continue
        value = float((projects["coefficient"].to_numpy() * base).sum() - result.fun)
        best = max(best, value)
    return best


def assert_matches_enumeration(case: Case, appraisal: Appraisal) -> None:
    """HiGHS's optimum of `case` equals brute force, every rule holding (or both infeasible)."""
    allocation = solve(case, appraisal)
    expected = brute_force_optimum(case, project_table(case, appraisal))
    if expected == float("-inf"):
        assert allocation.status is SolveStatus.INFEASIBLE
        return
    assert allocation.status is SolveStatus.OPTIMAL
    assert rule_violations(case, allocation) == []
    assert allocation.objective == pytest.approx(expected, rel=1e-6, abs=1e-9)
