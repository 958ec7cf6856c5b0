"""How robust the cluster ranking is: other methods, their agreement, rank acceptability."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mcda import MatrixError, compare, methods, rank
from mcda.sensitivity import RankAcceptability, rank_acceptability
from optimize.case.case import Case
from optimize.errors import Message, mcda_message

#: Weight samples for the rank acceptability of a planning run.
RUN_SAMPLES = 2000
#: Fixed seed of a planning run, so that its report is reproducible.
RUN_SEED = 2022
#: Dirichlet concentration around the AHP weights [-]: sd(w) = sqrt(w (1 - w) / 101).
CONCENTRATION = 100.0
#: The appraisal's own method, the reference for agreement.
REFERENCE = "topsis"


@dataclass(frozen=True)
class Robustness:
    """Rankings of the clusters by several methods and under uncertain weights.

    Attributes
    ----------
    rankings : mapping of str to pandas.DataFrame
        :func:`mcda.rank` result per method.
    agreement : pandas.DataFrame or None
        :func:`mcda.compare` of the rankings (None with a single method).
    acceptability : mcda.sensitivity.RankAcceptability or None
        Monte Carlo rank acceptability of the reference method (None when not asked).
    skipped : mapping of str to Message
        Default methods that cannot score this case (e.g. WPM with a zero score), with the
        reason (rendered in either language).
    """

    rankings: Mapping[str, pd.DataFrame]
    agreement: pd.DataFrame | None
    acceptability: RankAcceptability | None
    skipped: Mapping[str, Message]

    @property
    def ranks(self) -> pd.DataFrame:
        """Clusters x methods: rank 1 = best, in the order of the first method's ranking."""
        order = next(iter(self.rankings.values())).index
        return pd.DataFrame({name: result["rank"] for name, result in self.rankings.items()}).loc[
            order
        ]


def method_options(case: Case, method: str) -> dict[str, Any]:
    """Options a case fixes for a method (TOPSIS takes the case's normalisation)."""
    return {"normalization": case.normalization} if method == "topsis" else {}


def assess(
    case: Case,
    weights: pd.Series,
    names: Sequence[str] | None = None,
    samples: int = RUN_SAMPLES,
    seed: int = RUN_SEED,
) -> Robustness:
    """Rank the case's clusters by each method and sample weights for the first method.

    Parameters
    ----------
    case : Case
        A loaded case.
    weights : pandas.Series
        Global leaf weights [-] (from the AHP appraisal).
    names : sequence of str, optional
        Methods, the first being the reference; by default every registered method, TOPSIS
        first, leaving out (as ``skipped``) those that cannot score this case. A method
        named here that cannot score the case raises.
    samples : int
        Weight samples for rank acceptability; 0 skips it.
    seed : int
        Seed of the weight samples.

    Returns
    -------
    Robustness
    """
    values, directions = case.scores.values, case.scores.directions
    rankings: dict[str, pd.DataFrame] = {}
    skipped: dict[str, Message] = {}
    if names:
        for name in dict.fromkeys(names):
            rankings[name] = rank(values, weights, directions, name, **method_options(case, name))
    else:
        for name in [REFERENCE, *(m for m in methods() if m != REFERENCE)]:
            try:
                rankings[name] = rank(
                    values, weights, directions, name, **method_options(case, name)
                )
            except MatrixError as exc:
                if name == REFERENCE:
                    raise
                skipped[name] = mcda_message(exc)
    first = next(iter(rankings))
    acceptability = (
        rank_acceptability(
            values,
            weights,
            directions,
            n=samples,
            seed=seed,
            method=first,
            concentration=CONCENTRATION,
            **method_options(case, first),
        )
        if samples > 0
        else None
    )
    agreement = compare(rankings) if len(rankings) > 1 else None
    return Robustness(rankings, agreement, acceptability, skipped)


def acceptability_table(robustness: Robustness) -> pd.DataFrame:
    """Per cluster: base rank, expected rank and chance of the first, top-3 and top-5 places.

    Returns
    -------
    pandas.DataFrame
        Indexed by cluster, sorted by base rank; empty without acceptability.
    """
    result = robustness.acceptability
    if result is None:
        return pd.DataFrame()
    shares = result.acceptability
    places = np.asarray(shares.columns, dtype=float)
    base = robustness.rankings[result.method]["rank"]
    table = pd.DataFrame(
        {
            "rank": base.loc[shares.index],
            "expected_rank": shares.to_numpy() @ places,
            "p_first": shares[1],
            "p_top3": shares.loc[:, places <= 3].sum(axis=1),
            "p_top5": shares.loc[:, places <= 5].sum(axis=1),
        },
        index=shares.index,
    )
    return table.sort_values("rank", kind="stable")
