"""How sure the cluster ranking is when scores and weights are uncertain: SMAA-2 and tiers.

The case's values (an imprecise matrix: points, intervals, list-derived intervals, ratings,
unknowns) and its leaf weights are drawn jointly; TOPSIS with the case's normalisation scores
each sample; :func:`mcda.sensitivity.smaa` turns the scores into rank acceptability, pairwise
winning indices P(i > j) and tiers of clusters the data cannot separate at a stated
confidence (the rule: :mod:`mcda.sensitivity.tiers`).

Leaf-weight models (our modelling choices, each stated in the report):

- ``dirichlet``: around the AHP global weights, alpha = concentration x w;
- ``uniform``: uniform over the simplex (no weight information used);
- ``ordinal``: uniform over the weights that keep the order the AHP judgments give within
  each hierarchy node (the summed leaf weights under each child, most to least important),
  drawn by hit-and-run.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda import ImpreciseMatrix, Ranges, read_imprecise
from mcda.sensitivity import (
    SMAAResult,
    WeightConstraint,
    dirichlet_weights,
    hit_and_run,
    smaa,
    uniform_simplex,
)
from optimize.appraisal.appraise import Appraisal
from optimize.appraisal.robustness import CONCENTRATION, RUN_SAMPLES, RUN_SEED
from optimize.case.case import Case
from optimize.case.limits import check_limit
from optimize.errors import InputError, msg
from optimize.messages import Lang, say

FloatArray = npt.NDArray[np.float64]

#: A model of the leaf weights (see the module docstring).
WeightModel = Literal["dirichlet", "uniform", "ordinal"]
#: Every weight model.
WEIGHT_MODELS: tuple[WeightModel, ...] = get_args(WeightModel)
#: A policy for unknown cells: draw over the range the criterion's known cells span, or drop
#: the criterion and renormalise the weights.
UnknownPolicy = Literal["draw", "drop"]
#: Every unknown-cell policy.
UNKNOWN_POLICIES: tuple[UnknownPolicy, ...] = get_args(UnknownPolicy)

#: Default confidence of the tiers [-]: i is placed above j only when P(i > j) >= 0.9.
CONFIDENCE = 0.9
#: Rank quantiles of each cluster's interval [-].
RANK_QUANTILES = (0.05, 0.5, 0.95)


@dataclass(frozen=True)
class UncertaintySettings:
    """How the values and weights of an SMAA-2 run are drawn.

    Attributes
    ----------
    samples : int
        Joint samples of values and weights.
    seed : int
        Seed (recorded): values come from the first and weights from the second child of
        ``numpy.random.SeedSequence(seed)``, as in :func:`optimize.sweeps.joint_robustness`.
    weight_model : {"dirichlet", "uniform", "ordinal"}
        How the leaf weights are drawn.
    concentration : float
        Dirichlet concentration around the AHP weights (``dirichlet`` only) [-].
    unknown : {"draw", "drop"}, optional
        Policy for unknown cells; None refuses a matrix that has any.
    confidence : float
        c in (0.5, 1] of the tiers [-].
    """

    samples: int = RUN_SAMPLES
    seed: int = RUN_SEED
    weight_model: WeightModel = "dirichlet"
    concentration: float = CONCENTRATION
    unknown: UnknownPolicy | None = None
    confidence: float = CONFIDENCE

    def describe(self, lang: Lang = "en") -> str:
        """The weight model in words, in `lang`, e.g. ``Dirichlet around the AHP weights (…)``."""
        return say(
            f"report_names.weight_model.{self.weight_model}",
            lang,
            concentration=f"{self.concentration:g}",
        )


@dataclass(frozen=True)
class Uncertainty:
    """How sure the cluster ranking is.

    Attributes
    ----------
    smaa : mcda.sensitivity.SMAAResult
        SMAA-2 indices of the clusters (acceptability, winning, tiers, ...).
    statuses : pandas.DataFrame
        Per cell status (index ``status``): ``cells`` [-] and how many of them are
        ``illustrative`` (provenance) [-].
    settings : UncertaintySettings
        How the samples were drawn, with the unknown-cell policy in effect (an option's, else
        the case's).
    dropped : tuple of str
        Criteria left out under the ``drop`` policy.
    """

    smaa: SMAAResult
    statuses: pd.DataFrame
    settings: UncertaintySettings
    dropped: tuple[str, ...] = ()

    @property
    def tier(self) -> pd.Series:
        """Tier of each cluster (1 = nothing beats it at the confidence) [-]."""
        return pd.Series(
            {c: k for k, members in enumerate(self.smaa.tiers, start=1) for c in members},
            name="tier",
            dtype=int,
        ).rename_axis("cluster")

    @property
    def rank_intervals(self) -> pd.DataFrame:
        """Per cluster: tier, 5/50/95 % quantiles of its rank, P(first), holistic index.

        Quantiles are read off the rank acceptability (the smallest rank r whose cumulative
        acceptability reaches q; a tie's shared ranks count in equal parts). Sorted by tier,
        then median rank.
        """
        shares = self.smaa.acceptability
        cumulative = shares.cumsum(axis=1).to_numpy()
        ranks = np.asarray(shares.columns, dtype=int)
        quantiles = {
            f"rank_q{round(100 * q):02d}": ranks[(cumulative < q - 1e-9).sum(axis=1)]
            for q in RANK_QUANTILES
        }
        table = pd.DataFrame(
            {
                "tier": self.tier.loc[shares.index],
                **quantiles,
                "p_first": shares[1],
                "holistic": self.smaa.holistic,
            },
            index=shares.index.rename("cluster"),
        )
        return table.sort_values(["tier", "rank_q50", "rank_q05"], kind="stable")


def read_values(path: Path, case: Case) -> ImpreciseMatrix:
    """Read a long table of imprecise scores and check it covers exactly the case's cells.

    Raises
    ------
    InputError
        When its clusters or leaf criteria differ from the case's.
    MatrixError
        From reading the table (a located bad cell).
    """
    return checked_values(read_imprecise(path, case.values.directions), case)


def checked_values(values: ImpreciseMatrix, case: Case) -> ImpreciseMatrix:
    """`values`, refused unless its clusters and criteria are the case's.

    Raises
    ------
    InputError
        Naming up to five missing and five extra labels.
    """
    for axis, have, want in (
        ("clusters", values.alternatives, case.clusters.index),
        ("criteria", values.criteria, case.values.criteria),
    ):
        missing = want.difference(have)
        extra = have.difference(want)
        if len(missing) or len(extra):
            raise InputError(
                "values",
                msg(
                    f"errors.values.{axis}_differ",
                    missing=list(missing)[:5],
                    extra=list(extra)[:5],
                ),
            )
    return values


def unknown_ranges(
    case: Case, policy: UnknownPolicy | None
) -> tuple[UnknownPolicy | None, Ranges | None]:
    """The unknown-cell policy and plausible ranges of an analysis of `case`.

    An explicit `policy` (a command option) overrides the case's ``[uncertainty] unknown``.
    Under ``draw``, each criterion takes the range the case states for it, else the span of
    its known cells (``"observed"``).
    """
    chosen = policy if policy is not None else case.uncertainty.unknown
    if chosen != "draw":
        return chosen, None
    stated = case.uncertainty.ranges
    return chosen, {str(c): stated.get(str(c), "observed") for c in case.values.criteria}


def status_counts(values: ImpreciseMatrix) -> pd.DataFrame:
    """Cells per status and how many of them are illustrative (by provenance) [-]."""
    status = values.status.to_numpy().ravel()
    illustrative = values.provenance.to_numpy().ravel() == "illustrative"
    counts = values.status_counts()
    table = pd.DataFrame(
        {
            "cells": counts,
            "illustrative": [int((illustrative & (status == s)).sum()) for s in counts.index],
        },
        index=counts.index.rename("status"),
    )
    return table.astype(int)


def ordinal_constraints(case: Case, appraisal: Appraisal) -> tuple[WeightConstraint, ...]:
    """The order of the AHP local weights within each node, on summed leaf weights.

    For children a, b of one node with local weight w_a >= w_b: sum of the leaf weights
    under a >= sum under b (one constraint per neighbouring pair, most important first).
    """
    tree = case.criteria
    under = {
        node: [leaf for leaf in tree.leaves if node in tree.path(leaf)] for node in tree.table.index
    }
    constraints = []
    for node, group in appraisal.local.items():
        order = group.weights.sort_values(ascending=False, kind="stable").index
        for higher, lower in itertools.pairwise(order):
            coefficients = [(leaf, 1.0) for leaf in under[str(lower)]]
            coefficients += [(leaf, -1.0) for leaf in under[str(higher)]]
            constraints.append(
                WeightConstraint(
                    tuple(coefficients), 0.0, f"w[{higher}] >= w[{lower}] (node {node})"
                )
            )
    return tuple(constraints)


def weight_samples(
    case: Case,
    appraisal: Appraisal,
    settings: UncertaintySettings,
    samples: int,
    seed: np.random.SeedSequence,
) -> pd.DataFrame:
    """Leaf-weight samples x every leaf criterion under the settings' weight model [-]."""
    criteria = appraisal.weights.index
    state = int(seed.generate_state(1)[0])
    if settings.weight_model == "uniform":
        draws = uniform_simplex(len(criteria), samples, state)
    elif settings.weight_model == "ordinal":
        constraints = ordinal_constraints(case, appraisal)
        draws = hit_and_run(list(criteria), constraints, samples, state)
    elif math.isinf(settings.concentration):
        draws = np.tile(appraisal.weights.to_numpy(float), (samples, 1))
    else:
        centre = appraisal.weights.to_numpy(float)
        draws = dirichlet_weights(centre, samples, settings.concentration, state)
    # A criterion the case drops from its point view has no AHP weight: it weighs 0.
    frame = pd.DataFrame(draws, columns=criteria).rename_axis("sample")
    return frame.reindex(columns=case.values.criteria, fill_value=0.0)


def assess_uncertainty(
    case: Case,
    appraisal: Appraisal,
    values: ImpreciseMatrix | None = None,
    settings: UncertaintySettings | None = None,
) -> Uncertainty:
    """SMAA-2 of the clusters under jointly drawn values and leaf weights.

    Parameters
    ----------
    case : Case
        A loaded case (its normalisation is TOPSIS's).
    appraisal : Appraisal
        Its appraisal (the AHP weights centre the Dirichlet model and order the ordinal one).
    values : ImpreciseMatrix, optional
        Clusters x leaf criteria; default the case's own (``case.values``).
    settings : UncertaintySettings, optional
        Samples, seed, weight model, unknown-cell policy, confidence.

    Returns
    -------
    Uncertainty

    Raises
    ------
    InputError
        When samples x clusters x kept criteria exceed the ``sampled_values`` limit, or the
        values do not match the case.
    MatrixError
        From sampling (an unknown cell without a policy), the weight model (no weights
        satisfy the ordinal constraints) or a bad confidence.
    """
    settings = settings or UncertaintySettings()
    matrix = case.values if values is None else checked_values(values, case)
    n = settings.samples
    check_limit(
        "sampled_values", n * matrix.cells.size, msg("errors.noun.sampled_values"), "--samples"
    )
    value_seed, weight_seed = np.random.SeedSequence(settings.seed).spawn(2)
    policy, ranges = unknown_ranges(case, settings.unknown)
    rng = np.random.default_rng(value_seed)
    # A point matrix is the same in every sample: one draw, broadcast without copying.
    drawn = matrix.sample(1 if matrix.is_point else n, rng, unknown=policy, ranges=ranges)
    sampled = np.broadcast_to(drawn.values, (n, *drawn.values.shape[1:]))
    raw = weight_samples(case, appraisal, settings, n, weight_seed)
    leaf = np.asarray(drawn.renormalise(raw.loc[:, drawn.all_criteria].to_numpy()), dtype=float)
    result = smaa(
        sampled,
        leaf,
        [str(c) for c in drawn.alternatives],
        [str(c) for c in drawn.criteria],
        drawn.directions,
        method="topsis",
        confidence=settings.confidence,
        normalization=case.normalization,
    )
    # Record the policy in effect (the case's own when no option overrides it), as reports read it.
    applied = replace(settings, unknown=policy)
    return Uncertainty(result, status_counts(matrix), applied, drawn.dropped)
