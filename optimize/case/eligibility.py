"""Eligibility under re-typing: which candidates the type in force admits, which wait.

A candidate project may be eligible for its instrument under its cluster's type or under the
cluster's ``alt_type`` (clusters table). The model funds only the candidates eligible under
the type in force (the clusters table's ``cluster_type``, or a scenario's re-typing); the
others *wait on a re-typing*. The duplication check against the national stock still reads
every candidate (:mod:`optimize.case.stock`), so that it names the existing centre before a
re-typing makes the candidate fundable.
"""

from __future__ import annotations

import pandas as pd

from optimize.case.case import Case
from optimize.errors import InputError, msg

#: Columns of :func:`waiting_candidates`.
WAITING_COLUMNS = ["project", "cluster", "instrument", "cluster_type", "eligible_as"]


def eligible_pairs(eligible: pd.DataFrame, types: pd.Series, instruments: pd.Series) -> pd.Series:
    """Whether each (type, instrument) pair is eligible, element by element.

    Parameters
    ----------
    eligible : pandas.DataFrame
        Type (index) x instrument (columns) booleans; empty means every pair is eligible.
    types, instruments : pandas.Series
        A type id and an instrument id per row, on the same index; an empty or unknown type
        is not eligible.

    Returns
    -------
    pandas.Series
        Booleans on the index of `types`.
    """
    if eligible.empty:
        return pd.Series(True, index=types.index, dtype=bool)
    lookup = eligible.stack().to_dict()
    pairs = zip(types.astype(str), instruments.astype(str), strict=True)
    return pd.Series([bool(lookup.get(pair, False)) for pair in pairs], index=types.index)


def in_force(case: Case) -> pd.Series:
    """Whether each candidate project is eligible under its cluster's type in force.

    Returns
    -------
    pandas.Series
        Booleans indexed by project id, in project order.
    """
    projects = case.projects
    types = case.clusters["cluster_type"].reindex(projects["cluster"])
    types.index = projects.index
    return eligible_pairs(case.eligible, types, projects["instrument"])


def projects_in_force(case: Case) -> pd.DataFrame:
    """The rows of ``case.projects`` that the type in force makes eligible (model input)."""
    return case.projects[in_force(case)]


def waiting_candidates(case: Case) -> pd.DataFrame:
    """Candidates that the type in force does not make eligible: they wait on a re-typing.

    Returns
    -------
    pandas.DataFrame
        One row per waiting candidate, in project order, columns :data:`WAITING_COLUMNS`:
        ``cluster_type`` the type in force, ``eligible_as`` the types under which the
        candidate's instrument is eligible (joined with ';', in the case's order).
    """
    waiting = case.projects[~in_force(case)]
    types = [str(t) for t in case.eligible.index]
    eligible_as = {
        str(instrument): ";".join(t for t in types if case.eligible.at[t, instrument])
        for instrument in case.eligible.columns
    }
    return pd.DataFrame(
        {
            "project": waiting.index.astype(str),
            "cluster": waiting["cluster"].astype(str).to_numpy(),
            "instrument": waiting["instrument"].astype(str).to_numpy(),
            "cluster_type": case.clusters["cluster_type"]
            .reindex(waiting["cluster"])
            .astype(str)
            .to_numpy(),
            "eligible_as": [eligible_as[str(i)] for i in waiting["instrument"]],
        },
        columns=WAITING_COLUMNS,
    )


def check_musts_in_force(case: Case, file: str, field: str) -> None:
    """Refuse a case whose ``must_fund`` names a candidate that waits on a re-typing.

    Parameters
    ----------
    case : Case
        The case, with the types in force (after a scenario's re-typing, if any).
    file, field : str
        Where the contradiction was stated, for the message.

    Raises
    ------
    InputError
        Naming the first such project, its cluster's type in force and its instrument.
    """
    allowed = in_force(case)
    for project in case.rules.must_fund:
        if not allowed[project]:
            cluster = str(case.projects.at[project, "cluster"])
            kind = case.clusters.at[cluster, "cluster_type"]
            instrument = case.projects.at[project, "instrument"]
            raise InputError(
                file,
                msg(
                    "errors.rules.must_fund_waiting",
                    project=project,
                    cluster=cluster,
                    type=kind,
                    instrument=instrument,
                ),
                field=field,
            )
