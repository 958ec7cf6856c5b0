"""Funding that holds under uncertain scores and weights: joint sampling through the chain.

Each sample draws a decision matrix from an imprecise one and a leaf-weight vector, ranks the
clusters by TOPSIS with the case's normalisation, turns closeness into priorities with the
case's rule, and re-solves the allocation with only the benefit coefficients changed (one
compiled model per worker, :mod:`optimize.sweeps.engine`).

Classes of projects (after Liesiö, Mild & Salo 2007, robust portfolio modelling), with the
core index c = share of samples in which a project is funded:

- ``robust core``: c >= `core_share` (default 0.8);
- ``exterior``: c = 0, funded in no sample;
- ``borderline``: everything else.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda import (
    ImpreciseMatrix,
    Ranges,
    UnknownChoice,
    ValueSamples,
    build_problem,
    competition_ranks,
)
from mcda.methods import scores_for_weights
from optimize.appraisal.appraise import appraise, cluster_priority
from optimize.appraisal.uncertainty import checked_values
from optimize.case.case import Case
from optimize.errors import InputError, msg
from optimize.model.compiled import SolverOptions
from optimize.model.formulation import benefit_coefficients, project_table
from optimize.sweeps.engine import SweepResult, _funding_summary, _Point, _run_points, _tidy

FloatArray = npt.NDArray[np.float64]

#: Default share of samples in which a project must be funded to be in the robust core.
CORE_SHARE = 0.8

#: Quantiles reported for amounts and ranks [-].
QUANTILES = (0.05, 0.5, 0.95)

WeightModel = Literal["dirichlet"]


def joint_robustness(
    case: Case,
    samples: int,
    seed: int,
    *,
    values: ImpreciseMatrix | None = None,
    weights: WeightModel | FloatArray | pd.DataFrame = "dirichlet",
    concentration: float = 100.0,
    unknown: UnknownChoice | None = None,
    ranges: Ranges | None = None,
    core_share: float = CORE_SHARE,
    options: SolverOptions | None = None,
    n_jobs: int = 1,
    scheduler: str | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> SweepResult:
    """How often each project is funded when scores and leaf weights are both uncertain.

    Parameters
    ----------
    case : Case
        A loaded case (its normalisation, priority rule and allocation rules are used).
    samples : int
        Joint samples (one re-solve each).
    seed : int
        Seed of the sampling (recorded): values are drawn from the first and Dirichlet
        weights from the second child of ``numpy.random.SeedSequence(seed)``.
    values : ImpreciseMatrix, optional
        Clusters x leaf criteria; default: the case's point scores.
    weights : "dirichlet", numpy.ndarray or pandas.DataFrame
        ``"dirichlet"``: leaf weights drawn around the AHP global weights with
        ``alpha = concentration x w`` (``math.inf`` fixes them to the AHP weights); or the
        caller's samples x leaf criteria [-] (a DataFrame is matched by column name, an
        array follows the matrix's criteria). Weights of dropped criteria are removed and
        the rest renormalised.
    concentration : float
        Dirichlet concentration (larger = tighter), > 0.
    unknown, ranges
        Policy and plausible ranges for unknown cells, as in
        :func:`mcda.imprecise.sample`.
    core_share : float
        Share of samples in (0, 1] a project must be funded in to be in the robust core.
    options : SolverOptions, optional
        HiGHS options (default: the sweeps' 1e-4 gap).
    n_jobs, scheduler, on_chunk
        As in the other sweeps: local processes, a Dask scheduler address, progress.

    Returns
    -------
    SweepResult
        ``extra["core_index"]``: per project its cluster, ``core_index`` [-], ``class`` and
        the 5/50/95 % quantiles of its amount ``q05``, ``q50``, ``q95`` [1e8 CNY];
        ``extra["cluster_ranks"]``: per cluster the 5/50/95 % quantiles of its TOPSIS rank
        (1 = strongest; observed ranks, not interpolated) and its mean closeness [-];
        ``extra["weights"]``: the leaf weights used per sample [-];
        ``extra["criteria"]``: per criterion its AHP weight [-] and whether it was kept;
        ``extra["settings"]``: what was sampled and how (seed, samples, weight model,
        concentration, unknown-cell policy, core share), as text.

    Raises
    ------
    InputError
        On a bad count or share, a value matrix that does not match the case's clusters and
        leaf criteria, or weight samples of the wrong shape.
    MatrixError
        From sampling (an unknown cell without a policy or range) or from a sampled
        matrix TOPSIS cannot score (a constant column).
    """
    if samples < 1:
        raise InputError("samples", msg("errors.option.too_few_samples", samples=samples))
    if not 0.0 < core_share <= 1.0:
        raise InputError("core_share", msg("errors.option.core_share", share=core_share))
    appraisal = appraise(case)
    projects = project_table(case, appraisal)
    matrix = case.values if values is None else checked_values(values, case)
    value_seed, weight_seed = np.random.SeedSequence(seed).spawn(2)
    drawn = matrix.sample(
        samples, np.random.default_rng(value_seed), unknown=unknown, ranges=ranges
    )
    # A criterion the case drops from its point view has no AHP weight: it weighs 0.
    centre = appraisal.weights.reindex(matrix.criteria, fill_value=0.0).to_numpy(float)
    raw = _weight_samples(weights, centre, matrix.criteria, samples, concentration, weight_seed)
    leaf = np.asarray(drawn.renormalise(raw), dtype=float)
    closeness = _closeness(drawn, leaf, case.normalization)
    order = drawn.alternatives.get_indexer(case.clusters.index)
    points = [
        _Point(
            f"sample {k}",
            coefficient=benefit_coefficients(
                projects,
                cluster_priority(
                    pd.Series(closeness[k, order], index=case.clusters.index),
                    appraisal.priority_rule,
                    appraisal.blend,
                ),
            ),
        )
        for k in range(samples)
    ]
    outcomes, complete = _run_points(case, projects, points, options, n_jobs, scheduler, on_chunk)
    funding = _tidy(outcomes, projects)
    done = len(outcomes)
    extra = {
        "core_index": _core_table(funding, projects, core_share),
        "cluster_ranks": _rank_table(closeness[:done], drawn.alternatives),
        "weights": pd.DataFrame(leaf[:done], columns=drawn.criteria).rename_axis("sample"),
        "criteria": pd.DataFrame(
            {"ahp_weight": centre, "kept": matrix.criteria.isin(drawn.criteria)},
            index=matrix.criteria.rename("criterion"),
        ),
        "settings": _settings(
            seed=seed,
            samples=samples,
            weights=weights if isinstance(weights, str) else "caller samples",
            concentration=concentration if isinstance(weights, str) else "",
            unknown=unknown,
            ranges=ranges,
            dropped=", ".join(drawn.dropped),
            core_share=core_share,
        ),
    }
    return SweepResult(_funding_summary(outcomes), funding, extra, seed=seed, complete=complete)


def _settings(**settings: object) -> pd.DataFrame:
    """Settings of a run as text, one row each (column ``value``)."""
    text = {name: "" if value is None else str(value) for name, value in settings.items()}
    return pd.DataFrame({"value": pd.Series(text, dtype=str)}).rename_axis("setting")


def _weight_samples(
    weights: WeightModel | FloatArray | pd.DataFrame,
    centre: FloatArray,
    criteria: pd.Index,
    samples: int,
    concentration: float,
    seed: np.random.SeedSequence,
) -> FloatArray:
    """Leaf-weight samples x criteria in the matrix's criterion order [-]."""
    if isinstance(weights, str):
        if weights != "dirichlet":
            raise InputError("weights", msg("errors.option.weight_model", model=weights))
        if not concentration > 0:
            raise InputError(
                "concentration", msg("errors.option.not_positive", value=concentration)
            )
        if math.isinf(concentration):
            return np.tile(centre, (samples, 1))
        draws: FloatArray = np.random.default_rng(seed).dirichlet(
            concentration * centre, size=samples
        )
        return draws
    if isinstance(weights, pd.DataFrame):
        missing = criteria.difference(weights.columns)
        if len(missing):
            raise InputError(
                "weights", msg("errors.option.no_weight_samples", criteria=list(missing)[:5])
            )
        weights = weights.loc[:, criteria].to_numpy(float)
    array = np.asarray(weights, dtype=float)
    if array.shape != (samples, len(criteria)):
        raise InputError(
            "weights",
            msg(
                "errors.option.weight_shape",
                shape=array.shape,
                expected=(samples, len(criteria)),
            ),
        )
    if not np.isfinite(array).all() or (array < 0).any():
        raise InputError("weights", msg("errors.option.weight_values"))
    return array


def _closeness(drawn: ValueSamples, leaf: FloatArray, normalization: str) -> FloatArray:
    """TOPSIS closeness, samples x alternatives [-], each sample's values under its weights.

    When the values do not vary between samples (a point matrix) one batch call scores every
    weight vector; otherwise each sample's matrix is normalised on its own.
    """
    directions = drawn.directions
    first = pd.DataFrame(drawn.values[0], index=drawn.alternatives, columns=drawn.criteria)
    equal = pd.Series(1.0 / len(drawn.criteria), index=drawn.criteria)
    if (drawn.values == drawn.values[:1]).all():
        problem = build_problem(first, equal, directions)
        return scores_for_weights(problem, leaf, "topsis", normalization=normalization)
    rows = [
        scores_for_weights(
            build_problem(
                pd.DataFrame(sample, index=drawn.alternatives, columns=drawn.criteria),
                equal,
                directions,
            ),
            leaf[k : k + 1],
            "topsis",
            normalization=normalization,
        )[0]
        for k, sample in enumerate(drawn.values)
    ]
    return np.vstack(rows)


def _core_table(funding: pd.DataFrame, projects: pd.DataFrame, core_share: float) -> pd.DataFrame:
    """Per project: cluster, core index, class and amount quantiles [1e8 CNY]."""
    grouped = funding.groupby("project", sort=False)
    core = pd.DataFrame(
        {"cluster": projects["cluster"], "core_index": grouped["funded"].mean()},
        index=projects.index,
    )
    core["class"] = np.select(
        [core["core_index"] >= core_share, core["core_index"] <= 0.0],
        ["robust core", "exterior"],
        "borderline",
    )
    amounts = grouped["amount"].quantile(np.array(QUANTILES)).unstack()
    amounts.columns = pd.Index([f"q{round(100 * q):02d}" for q in QUANTILES])
    return core.join(amounts).rename_axis("project")


def _rank_table(closeness: FloatArray, clusters: pd.Index) -> pd.DataFrame:
    """Per cluster: 5/50/95 % quantiles of its rank across samples, and mean closeness."""
    columns = [f"rank_q{round(100 * q):02d}" for q in QUANTILES]
    if not len(closeness):  # interrupted before the first chunk finished
        return pd.DataFrame(columns=[*columns, "mean_closeness"], index=clusters.rename("cluster"))
    ranks = competition_ranks(closeness)
    table = pd.DataFrame(
        np.quantile(ranks, QUANTILES, axis=0, method="inverted_cdf").T,
        index=clusters.rename("cluster"),
        columns=columns,
    ).astype(int)
    table["mean_closeness"] = closeness.mean(axis=0)
    return table.sort_values(["rank_q50", "rank_q05", "rank_q95"], kind="stable")
