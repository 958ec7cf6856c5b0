"""The allocation MILP in Pyomo: funding and build decisions per candidate project.

For project p with minimum viable grant l_p, maximum u_p and S top-up segments of width
w_p = (u_p - l_p) / S:

    x_p = l_p y_p + sum_s t_ps,        0 <= t_ps <= w_p y_p,   y_p in {0, 1}
    max sum_p a_p (l_p y_p + sum_s d^s t_ps),    a_p = pi_k(p) f_type(k(p)),i(p) e_p

with the slope decay d in (0, 1] giving concave, diminishing returns. The per-segment link
t_ps <= w_p y_p is kept tight on purpose (a much faster LP bound than the aggregate link).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyomo.environ as pyo

from optimize.appraise import Appraisal
from optimize.case import Case


def project_table(case: Case, appraisal: Appraisal) -> pd.DataFrame:
    """Projects joined with their cluster's attributes and benefit coefficient.

    Returns
    -------
    pandas.DataFrame
        Indexed by project id: ``cluster``, ``instrument``, ``cluster_type``, ``region``,
        ``tech_domain``, ``min_grant`` and ``max_grant`` [1e8 CNY], ``segment_width``
        [1e8 CNY], ``priority``, ``fit``, ``efficiency`` and ``coefficient`` a_p [-].
    """
    table = case.projects.join(
        case.clusters[["cluster_type", "region", "tech_domain"]], on="cluster"
    )
    table["priority"] = appraisal.priority.loc[table["cluster"]].to_numpy()
    pairs = zip(table["cluster_type"], table["instrument"], strict=True)
    fit = case.fit.stack().to_dict()
    table["fit"] = [float(fit[pair]) for pair in pairs]
    table["coefficient"] = table["priority"] * table["fit"] * table["efficiency"]
    table["segment_width"] = (table["max_grant"] - table["min_grant"]) / (
        case.benefit.top_up_segments
    )
    return table


def build_model(case: Case, projects: pd.DataFrame) -> pyo.ConcreteModel:
    """Formulate the allocation MILP with the case's policy rules.

    Parameters
    ----------
    case : Case
        Supplies the budget [1e8 CNY], the benefit curve and the rules.
    projects : pandas.DataFrame
        From :func:`project_table`.

    Returns
    -------
    pyomo.environ.ConcreteModel
        Constraints are named after the rules (``budget``, ``type_share_min``,
        ``type_share_max``, ``no_duplicated_construction``). ``budget_total`` and
        ``coefficient`` are mutable parameters so that sweeps re-solve without rebuilding.
    """
    m = pyo.ConcreteModel(name=case.name)
    ids = list(projects.index)
    segments = range(1, case.benefit.top_up_segments + 1)
    decay = {s: case.benefit.slope_decay**s for s in segments}
    low = projects["min_grant"].to_dict()
    width = projects["segment_width"].to_dict()

    m.P = pyo.Set(initialize=ids, ordered=True, doc="candidate projects")
    m.S = pyo.Set(initialize=list(segments), ordered=True, doc="top-up segments")
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
        rule=lambda m, p: low[p] * m.build[p] + sum(m.top_up[p, s] for s in m.S),
        doc="x_p [1e8 CNY]",
    )
    m.budget = pyo.Constraint(expr=sum(m.funding[p] for p in m.P) <= m.budget_total)
    add_type_shares(m, case, projects)
    add_no_duplication(m, case, projects)
    m.benefit = pyo.Objective(
        expr=sum(
            m.coefficient[p] * (low[p] * m.build[p] + sum(decay[s] * m.top_up[p, s] for s in m.S))
            for p in m.P
        ),
        sense=pyo.maximize,
    )
    return m


def add_type_shares(m: Any, case: Case, projects: pd.DataFrame) -> None:
    """Type share bounds: min_tau B <= funding of type tau <= max_tau B."""
    kinds = list(case.rules.type_share)
    members = {k: list(projects.index[projects["cluster_type"] == k]) for k in kinds}
    bounds = case.rules.type_share
    m.T = pyo.Set(initialize=kinds, ordered=True, doc="cluster types with share bounds")
    m.type_share_min = pyo.Constraint(
        m.T,
        rule=lambda m, k: (
            sum(m.funding[p] for p in members[k]) >= bounds[k].minimum * m.budget_total
        ),
    )
    m.type_share_max = pyo.Constraint(
        m.T,
        rule=lambda m, k: (
            sum(m.funding[p] for p in members[k]) <= bounds[k].maximum * m.budget_total
        ),
    )


def add_no_duplication(m: Any, case: Case, projects: pd.DataFrame) -> None:
    """At most n funded projects per technology domain and covered instrument."""
    rule = case.rules.no_duplicated_construction
    groups: dict[tuple[str, str], list[str]] = {}
    if rule is not None:
        covered = projects[projects["instrument"].isin(rule.instruments)]
        for (domain, instrument), members in covered.groupby(["tech_domain", "instrument"]):
            if len(members) > rule.max_per_domain:
                groups[(str(domain), str(instrument))] = list(members.index)
    limit = rule.max_per_domain if rule is not None else 0
    m.D = pyo.Set(initialize=list(groups), dimen=2, ordered=True, doc="domain x instrument")
    m.no_duplicated_construction = pyo.Constraint(
        m.D, rule=lambda m, d, i: sum(m.build[p] for p in groups[(d, i)]) <= limit
    )
