"""The allocation MILP in Pyomo: funding and build decisions per candidate project.

For project p with minimum viable grant l_p, maximum u_p and S top-up segments of width
w_p = (u_p - l_p) / S:

    x_p = l_p y_p + sum_s t_ps,        0 <= t_ps <= w_p y_p,   y_p in {0, 1}
    max sum_p a_p (l_p y_p + sum_s d^s t_ps),    a_p = pi_k(p) f_type(k(p)),i(p) e_p

with the slope decay d in (0, 1] giving concave, diminishing returns. The per-segment link
t_ps <= w_p y_p is kept tight on purpose (a much faster LP bound than the aggregate link).

That is ``benefit.objective = "project_curve"``. With ``"cluster_returns"`` a project's range
is one segment at slope 1 (its minimum block earns no more per 1e8 CNY than its top-up), and
returns diminish within a cluster: its fit-weighted grant U_k = sum_{p in k} f_p e_p x_p
[1e8 CNY at full fit] counts in J blocks of width W, block j at r^(j-1). With h_kj >= 0 the
part of U_k in block j >= 2 (h_kj <= W for j < J),

    sum_{j>=2} h_kj >= U_k - W,    max sum_p a_p x_p - sum_k pi_k sum_{j>=2} (1 - r^(j-1)) h_kj

which is pi_k G(U_k) with G concave piecewise linear: an LP (J - 1 columns and one row per
cluster, no binaries added).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyomo.environ as pyo

from optimize.appraisal.appraise import Appraisal
from optimize.case.case import Case
from optimize.case.eligibility import projects_in_force
from optimize.case.rules import RULE_NAMES
from optimize.case.stock import project_domains
from optimize.model.rule_rows import COUNT, RuleRow, _rule_rows


def project_table(case: Case, appraisal: Appraisal) -> pd.DataFrame:
    """Projects joined with their cluster's attributes and benefit coefficient.

    Only the candidates eligible under their cluster's type in force take part (those that
    wait on a re-typing are left out, :func:`optimize.case.eligibility.projects_in_force`).

    Returns
    -------
    pandas.DataFrame
        Indexed by project id: ``cluster``, ``instrument``, ``cluster_type``, ``region``,
        ``tech_domain``, ``domain`` (the project's own, else ``tech_domain``), ``min_grant``
        and ``max_grant`` [1e8 CNY], ``segment_width``
        [1e8 CNY], ``priority``, ``fit``, ``efficiency`` and ``coefficient`` a_p [-].
    """
    candidates = projects_in_force(case)
    table = candidates.join(case.clusters[["cluster_type", "region", "tech_domain"]], on="cluster")
    table["domain"] = project_domains(candidates, case.clusters)
    table["priority"] = appraisal.priority.loc[table["cluster"]].to_numpy()
    pairs = zip(table["cluster_type"], table["instrument"], strict=True)
    fit = case.fit.stack().to_dict()
    table["fit"] = [float(fit[pair]) for pair in pairs]
    table["coefficient"] = benefit_coefficients(table, appraisal.priority)
    table["segment_width"] = (table["max_grant"] - table["min_grant"]) / case.benefit.segments
    return table


def benefit_coefficients(projects: pd.DataFrame, priority: pd.Series) -> npt.NDArray[np.float64]:
    """Benefit coefficient a_p = pi_k(p) x f_type(k(p)),i(p) x e_p per project [-].

    Parameters
    ----------
    projects : pandas.DataFrame
        ``cluster``, ``fit`` [-] and ``efficiency`` [-] per project (as in
        :func:`project_table`).
    priority : pandas.Series
        Cluster priority pi_k [-] by cluster id.
    """
    cluster_priority = priority.loc[projects["cluster"]].to_numpy(float)
    coefficient: npt.NDArray[np.float64] = (
        cluster_priority * projects["fit"].to_numpy(float) * projects["efficiency"].to_numpy(float)
    )
    return coefficient


def build_model(case: Case, projects: pd.DataFrame, elastic: bool = False) -> pyo.ConcreteModel:
    """Formulate the allocation MILP with the case's policy rules.

    Parameters
    ----------
    case : Case
        Supplies the budget [1e8 CNY], the benefit curve and the rules.
    projects : pandas.DataFrame
        From :func:`project_table`.
    elastic : bool
        Give every rule row a non-negative slack and minimise the total slack instead of
        maximising benefit: the smallest relaxation of the named rules that is feasible.

    Returns
    -------
    pyomo.environ.ConcreteModel
        One indexed constraint per active rule, named after the rule and indexed by the rule
        instance (``m.type_share["basic:min"]``); ``m.rows`` lists the
        :class:`~optimize.model.rule_rows.RuleRow` values. ``budget_total`` and ``coefficient`` are
        mutable parameters so that sweeps re-solve without rebuilding.
    """
    m = pyo.ConcreteModel(name=case.name)
    ids = list(projects.index)
    segments = list(range(1, case.benefit.segments + 1))
    low = projects["min_grant"].to_dict()
    width = projects["segment_width"].to_dict()

    m.P = pyo.Set(initialize=ids, ordered=True, doc="candidate projects")
    m.S = pyo.Set(initialize=segments, ordered=True, doc="top-up segments")
    m.budget_total = pyo.Param(initialize=case.budget, mutable=True, doc="budget [1e8 CNY]")
    m.coefficient = pyo.Param(
        m.P, initialize=projects["coefficient"].to_dict(), mutable=True, doc="a_p [-]"
    )
    m.build = pyo.Var(m.P, within=pyo.Binary, doc="1 if project p is funded")
    m.top_up = pyo.Var(m.P, m.S, bounds=(0.0, None), doc="top-up funding [1e8 CNY]")
    m.segment_link = pyo.Constraint(
        m.P,
        m.S,
        rule=lambda m, p, s: m.top_up[p, s] <= width[p] * m.build[p],
        doc="top-ups only for a built project, each segment at most its width",
    )
    m.funding = pyo.Expression(
        m.P,
        rule=lambda m, p: low[p] * m.build[p] + pyo.quicksum(m.top_up[p, s] for s in m.S),
        doc="x_p [1e8 CNY]",
    )
    m.rows = _rule_rows(m, case, projects)
    _add_rule_constraints(m, m.rows, elastic)
    if elastic:
        _add_relaxation_objectives(m, case, projects)
        return m
    decay = {s: case.benefit.decay**s for s in segments}
    own = {
        p: m.coefficient[p]
        * (low[p] * m.build[p] + pyo.quicksum(decay[s] * m.top_up[p, s] for s in m.S))
        for p in m.P
    }
    m.benefit = pyo.Objective(
        expr=pyo.quicksum(own.values()) - _cluster_returns(m, case, projects),
        sense=pyo.maximize,
    )
    return m


def _cluster_returns(m: Any, case: Case, projects: pd.DataFrame) -> Any:
    """Blocks of each cluster's fit-weighted grant at decaying value: the benefit they lose.

    Adds ``m.excess[k, j]`` (the part of cluster k's fit-weighted grant counted in its block
    j >= 2, at most the block width but for the last block) and one row per cluster that
    fills the blocks; returns the lost benefit [benefit units], zero without cluster returns.
    """
    slopes = case.benefit.block_slopes
    if len(slopes) < 2:
        return 0.0
    width = case.benefit.cluster_block
    last = len(slopes)
    members = projects.groupby("cluster", sort=False).groups
    weight = (projects["fit"] * projects["efficiency"]).to_dict()
    priority = projects.groupby("cluster", sort=False)["priority"].first().to_dict()
    m.K = pyo.Set(initialize=list(members), ordered=True, doc="clusters with candidate projects")
    m.J = pyo.Set(initialize=range(2, last + 1), ordered=True, doc="blocks after the first")
    m.excess = pyo.Var(
        m.K,
        m.J,
        bounds=lambda m, k, j: (0.0, None if j == last else width),
        doc="fit-weighted grant counted in block j [1e8 CNY at full fit]",
    )
    m.block_fill = pyo.Constraint(
        m.K,
        rule=lambda m, k: (
            pyo.quicksum(m.excess[k, j] for j in m.J)
            >= pyo.quicksum(weight[p] * m.funding[p] for p in members[k]) - width
        ),
        doc="a cluster's fit-weighted grant beyond its first block counts in the later blocks",
    )
    return pyo.quicksum(
        priority[k] * (1.0 - slopes[j - 1]) * m.excess[k, j] for k in m.K for j in m.J
    )


def _add_relaxation_objectives(m: Any, case: Case, projects: pd.DataFrame) -> None:
    """Objectives of the elastic model: fewest relaxed rows, then least relaxation.

    ``relaxed_rows`` counts rows with a non-zero slack (a binary per row, linked by a big-M
    that no feasible slack can exceed); ``relaxation_size`` weighs amounts relative to the
    budget and counts as whole projects. :mod:`optimize.model.explain` minimises the first, then
    the second with the first held at its optimum.
    """
    pairs = [(row.rule, row.key) for row in m.rows]
    # a floor above everything fundable needs a slack of the floor itself
    largest_bound = max((abs(float(pyo.value(row.rhs))) for row in m.rows), default=0.0)
    big_amount = float(projects["max_grant"].sum()) + case.budget + largest_bound
    big_count = float(len(projects)) + 1.0
    units = {(row.rule, row.key): row.unit for row in m.rows}
    m.relaxed = pyo.Var(pairs, within=pyo.Binary, doc="1 if the rule row is relaxed")
    m.relaxed_link = pyo.Constraint(
        pairs,
        rule=lambda m, r, k: (
            m.slack_of[r][k]
            <= (big_count if units[(r, k)] == COUNT else big_amount) * m.relaxed[r, k]
        ),
    )
    m.relaxed_rows = pyo.Objective(expr=pyo.quicksum(m.relaxed.values()), sense=pyo.minimize)
    scale = max(case.budget, 1e-9)
    m.relaxation_size = pyo.Objective(
        expr=pyo.quicksum(
            m.slack_of[r][k] * (1.0 if units[(r, k)] == COUNT else 1.0 / scale) for r, k in pairs
        ),
        sense=pyo.minimize,
    )
    m.relaxation_size.deactivate()


def _add_rule_constraints(m: Any, rows: list[RuleRow], elastic: bool) -> None:
    """One indexed constraint per rule; in elastic mode each row gets a slack variable."""
    by_rule: dict[str, dict[str, RuleRow]] = {}
    for row in rows:
        by_rule.setdefault(row.rule, {})[row.key] = row
    m.slack_of = {}
    for rule, keyed in by_rule.items():
        slack = None
        if elastic:
            slack = pyo.Var(list(keyed), bounds=(0.0, None), doc=f"relaxation of {rule}")
            m.add_component(f"{rule}_slack", slack)
            m.slack_of[rule] = {key: slack[key] for key in keyed}

        def row_rule(
            m: Any, key: str, keyed: dict[str, RuleRow] = keyed, slack: Any = slack
        ) -> Any:
            row = keyed[key]
            relax = 0.0 if slack is None else slack[key]
            if row.sense == "<=":
                return row.body - relax <= row.rhs
            return row.body + relax >= row.rhs

        m.add_component(rule, pyo.Constraint(list(keyed), rule=row_rule, doc=RULE_NAMES[rule]))
