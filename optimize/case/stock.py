"""The national stock: existing platforms, and the candidates whose domain they already serve.

The paper asks to avoid 重复建设 (§3.1, §3.3, §4.1 避免重复投资和建设) and to build national
centres 优先在产业集群内 (§4.2); MIIT runs one national manufacturing innovation centre per
field. A case states the existing platforms in its optional ``stock`` table. The duplication
rule (``no_duplicated_construction`` with ``stock_kinds``) then refuses a candidate of its
instruments whose domain already has a centre of a counted kind outside the candidate's
cluster and none inside it, unless the project states a ``stock_override``. Which centre,
where, and who says so travels with every refusal (:func:`stock_conflicts`).
"""

from __future__ import annotations

import pandas as pd

from optimize.case.case import STOCK_COLUMNS, Case, empty_stock
from optimize.case.schema import REQUIRED_COLUMNS, filled_columns
from optimize.case.text_table import (
    _parse_number,
    _require_choice,
    _require_unique,
    _require_values,
    with_columns,
)
from optimize.messages.stock import centre_words, stock_reason

#: Columns of :func:`stock_conflicts`.
CONFLICT_COLUMNS = [
    "project",
    "cluster",
    "instrument",
    "domain",
    "centres",
    "override",
    "complements",
    "reason",
]


def _load_stock(
    raw: pd.DataFrame | None,
    label: str,
    clusters: pd.DataFrame,
    sources: pd.Index,
    domains: set[str],
) -> pd.DataFrame:
    """Existing platforms indexed by id (no rows when the case has no stock table).

    Parameters
    ----------
    raw : pandas.DataFrame or None
        The text table.
    label : str
        Its name in messages.
    clusters : pandas.DataFrame
        The case's clusters (a platform's ``cluster`` must be one).
    sources : pandas.Index
        Fact ids of the sources table (a platform's ``source`` must be one).
    domains : set of str
        Domains a platform may serve: the clusters' tech_domain and the projects' domain.

    Raises
    ------
    InputError
        Naming the row and field of a repeated id, an unknown domain, cluster or source, or a
        year that is not a whole number.
    """
    if raw is None or raw.empty:
        return empty_stock()
    table = with_columns(raw, label, REQUIRED_COLUMNS["stock"])
    _require_values(table, label, filled_columns("stock"))
    _require_unique(table, label, ["id"])
    _require_choice(table, label, "domain", sorted(domains))
    _require_choice(table, label, "source", list(sources))
    for column in ("cluster", "note"):
        if column not in table:
            table[column] = ""
    placed = table[table["cluster"] != ""]
    _require_choice(placed, label, "cluster", list(clusters.index))
    table["year"] = _parse_number(table, label, "year", minimum=0.0, whole=True).astype(int)
    return table.set_index("id", drop=True)[list(STOCK_COLUMNS)]


def _check_project_links(
    raw: pd.DataFrame, label: str, clusters: pd.DataFrame, stock: pd.DataFrame
) -> None:
    """Refuse a project ``domain`` or ``complements`` that names nothing the case knows.

    Raises
    ------
    InputError
        Naming the projects table row and field.
    """
    for column, allowed in (
        ("domain", {*clusters["tech_domain"], *stock["domain"]}),
        ("complements", set(stock.index)),
    ):
        if column in raw:
            stated = raw[raw[column] != ""]
            _require_choice(stated, label, column, sorted(allowed))


def _stated(projects: pd.DataFrame, column: str) -> pd.Series:
    """A text column of the projects table, empty text where a case does not have it."""
    if column in projects:
        return projects[column].fillna("").astype(str)
    return pd.Series("", index=projects.index, dtype=object)


def project_domains(projects: pd.DataFrame, clusters: pd.DataFrame) -> pd.Series:
    """Technology domain of each project: its own ``domain``, else its cluster's tech_domain."""
    own = _stated(projects, "domain")
    inherited = clusters["tech_domain"].reindex(projects["cluster"]).to_numpy()
    return own.where(own != "", pd.Series(inherited, index=projects.index)).astype(str)


def _cities(clusters: pd.DataFrame) -> dict[str, set[str]]:
    """The cities of each cluster (its ``city`` cell split at ';'; none without the column)."""
    if "city" not in clusters:
        return {str(k): set() for k in clusters.index}
    return {
        str(k): {c.strip() for c in str(v).split(";") if c.strip()}
        for k, v in clusters["city"].items()
    }


def stock_conflicts(case: Case) -> pd.DataFrame:
    """Candidates whose domain's national centre already sits outside their cluster.

    A candidate counts when the duplication rule has ``stock_kinds``, the candidate's
    instrument is one of the rule's, and its domain has platforms of those kinds outside its
    cluster but none inside (a platform is inside when its ``cluster`` is the candidate's
    cluster or its city is one of the cluster's cities).

    Returns
    -------
    pandas.DataFrame
        One row per such candidate, in project order, columns :data:`CONFLICT_COLUMNS`:
        ``centres`` the stock ids outside (joined with ';'), ``override`` the project's
        stated reason to fund it anyway (empty: refused), ``complements`` the stock id it
        states, ``reason`` one sentence naming the centres, their cities and sources.
    """
    rule = case.rules.no_duplicated_construction
    if rule is None or not rule.stock_kinds or case.stock.empty:
        return pd.DataFrame(columns=CONFLICT_COLUMNS)
    counted = case.stock[case.stock["kind"].isin(rule.stock_kinds)]
    centres_of = {
        str(domain): list(zip(group.index, group["cluster"], group["city"], strict=True))
        for domain, group in counted.groupby("domain", sort=False)
    }
    projects = case.projects
    domains = project_domains(projects, case.clusters)
    overrides, complements = _stated(projects, "stock_override"), _stated(projects, "complements")
    cities = _cities(case.clusters)
    records = []
    for project in projects.index[projects["instrument"].isin(rule.instruments)]:
        cluster, domain = str(projects.at[project, "cluster"]), str(domains[project])
        centres = centres_of.get(domain, [])
        if not centres or any(c == cluster or city in cities[cluster] for _, c, city in centres):
            continue
        conflict = {
            "project": str(project),
            "cluster": cluster,
            "instrument": str(projects.at[project, "instrument"]),
            "domain": domain,
            "centres": ";".join(str(platform) for platform, _, _ in centres),
            "override": overrides[project],
            "complements": complements[project],
        }
        records.append({**conflict, "reason": stock_reason(conflict, case.stock)})
    return pd.DataFrame.from_records(records, columns=CONFLICT_COLUMNS)


def refused_by_stock(case: Case) -> pd.DataFrame:
    """The rows of :func:`stock_conflicts` without an override: candidates not funded."""
    conflicts = stock_conflicts(case)
    return conflicts[conflicts["override"] == ""].reset_index(drop=True)


#: Columns of :func:`stock_links`.
LINK_COLUMNS = ["project", "cluster", "domain", "verdict", "existing", "complements", "override"]


def stock_links(case: Case) -> pd.DataFrame:
    """Every candidate the stock concerns: refused, allowed by override, or complementing.

    Returns
    -------
    pandas.DataFrame
        One row per project in project order, columns :data:`LINK_COLUMNS`: ``verdict`` is
        ``not fundable``, ``allowed by override`` or ``complements``; ``existing`` names the
        centres of its domain outside its cluster (empty when none count); ``complements``
        names the platform the project states it complements.
    """
    conflicts = stock_conflicts(case).set_index("project")
    stated = _stated(case.projects, "complements")
    domains = project_domains(case.projects, case.clusters)
    records = []
    for project in case.projects.index:
        complements = stated[project]
        if project not in conflicts.index and not complements:
            continue
        conflict = conflicts.loc[project] if project in conflicts.index else None
        existing = "" if conflict is None else str(conflict["centres"])
        override = "" if conflict is None else str(conflict["override"])
        verdict = (
            "complements"
            if conflict is None
            else ("allowed by override" if override else "not fundable")
        )
        records.append(
            (
                str(project),
                str(case.projects.at[project, "cluster"]),
                str(domains[project]),
                verdict,
                "; ".join(centre_words(case.stock, c) for c in existing.split(";") if c),
                centre_words(case.stock, complements) if complements else "",
                override,
            )
        )
    return pd.DataFrame.from_records(records, columns=LINK_COLUMNS)
