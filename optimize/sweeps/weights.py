"""Sweeps that say how robust a funding decision is.

Budget frontier, weight robustness, Sobol indices and named-scenario comparison; each
returns tidy DataFrames and records its seed.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from optimize.appraisal.appraise import appraise
from optimize.appraisal.reweight import weighted_priority
from optimize.case.case import Case
from optimize.model.compiled import SolverOptions
from optimize.model.formulation import benefit_coefficients, project_table
from optimize.sweeps.engine import SweepResult, _funding_summary, _Point, _run_points, _tidy

#: Core-index thresholds (Liesiö, Mild & Salo 2007, robust portfolio modelling).
ROBUSTLY_IN, ROBUSTLY_OUT = 0.95, 0.05


def sample_level1(base: pd.Series, samples: int, seed: int, concentration: float) -> np.ndarray:
    """Dirichlet samples around level-1 weights: alpha = concentration x weights."""
    rng = np.random.default_rng(seed)
    return rng.dirichlet(concentration * base.to_numpy(float), size=samples)


def weight_robustness(
    case: Case,
    samples: int,
    seed: int,
    concentration: float = 100.0,
    options: SolverOptions | None = None,
    n_jobs: int = 1,
    scheduler: str | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> SweepResult:
    """How often each project is funded when the level-1 weights are uncertain.

    Level-1 weights are drawn from a Dirichlet distribution centred on the AHP weights
    (``alpha = concentration x w``; larger is tighter); for each draw the clusters are
    re-ranked (TOPSIS), priorities recomputed and the allocation re-solved.

    Returns
    -------
    SweepResult
        ``extra["core_index"]``: per project the share of samples in which it is funded and
        its class (``robustly in`` >= 0.95, ``robustly out`` <= 0.05, else ``borderline``);
        ``extra["cluster_spread"]``: per cluster mean, 5 % and 95 % quantiles of funding
        [1e8 CNY]; ``extra["weights"]``: the sampled level-1 weights.
    """
    appraisal = appraise(case)
    projects = project_table(case, appraisal)
    base = appraisal.local["goal"].weights
    draws = sample_level1(base, samples, seed, concentration)
    points = [
        _Point(
            f"sample {k}",
            coefficient=benefit_coefficients(
                projects, weighted_priority(case, appraisal, pd.Series(w, index=base.index))
            ),
        )
        for k, w in enumerate(draws)
    ]
    outcomes, complete = _run_points(case, projects, points, options, n_jobs, scheduler, on_chunk)
    funding = _tidy(outcomes, projects)
    core = funding.groupby("project")["funded"].mean().rename("core_index").to_frame()
    core["class"] = np.select(
        [core["core_index"] >= ROBUSTLY_IN, core["core_index"] <= ROBUSTLY_OUT],
        ["robustly in", "robustly out"],
        "borderline",
    )
    per_cluster = funding.groupby(["point", "cluster"])["amount"].sum().unstack("cluster")
    spread = pd.DataFrame(
        {
            "mean": per_cluster.mean(),
            "q05": per_cluster.quantile(0.05),
            "q95": per_cluster.quantile(0.95),
        }
    )
    weights = pd.DataFrame(draws[: len(outcomes)], columns=base.index)
    return SweepResult(
        _funding_summary(outcomes),
        funding,
        {"core_index": core, "cluster_spread": spread, "weights": weights},
        seed=seed,
        complete=complete,
    )


def weight_sobol(
    case: Case,
    samples: int,
    seed: int,
    spread: float = 0.5,
    budget_spread: float = 0.2,
    options: SolverOptions | None = None,
    n_jobs: int = 1,
    scheduler: str | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> SweepResult:
    """Sobol indices of each cluster's funding on the level-1 weights and the budget (SALib).

    Each level-1 weight varies uniformly within +-`spread` of its AHP value (then all are
    renormalised to sum 1) and the budget within +-`budget_spread`. Sampling and analysis
    are SALib's (Saltelli/Sobol' sequence; Sobol 2001, Saltelli et al. 2010):
    ``samples x (2 D + 2)`` solves for D factors.

    Returns
    -------
    SweepResult
        ``extra["indices"]``: per cluster x factor the first-order ``S1`` and total ``ST``
        indices with their 95 % confidence half-widths.
    """
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    appraisal = appraise(case)
    projects = project_table(case, appraisal)
    base = appraisal.local["goal"].weights
    names = [*map(str, base.index), "budget"]
    bounds = [[w * (1 - spread), w * (1 + spread)] for w in base] + [
        [case.budget * (1 - budget_spread), case.budget * (1 + budget_spread)]
    ]
    problem = {"num_vars": len(names), "names": names, "bounds": bounds}
    design = sobol_sample.sample(problem, samples, calc_second_order=True, seed=seed)
    points = []
    for k, row in enumerate(design):
        level1 = pd.Series(row[:-1], index=base.index)
        level1 = level1 / level1.sum()
        priority = weighted_priority(case, appraisal, level1)
        points.append(
            _Point(
                f"design {k}",
                budget=float(row[-1]),
                coefficient=benefit_coefficients(projects, priority),
            )
        )
    outcomes, complete = _run_points(case, projects, points, options, n_jobs, scheduler, on_chunk)
    funding = _tidy(outcomes, projects)
    per_cluster = funding.groupby(["point", "cluster"], sort=False)["amount"].sum().unstack()
    per_cluster = per_cluster.loc[[o.label for o in outcomes]]
    records = []
    if complete:
        for cluster in per_cluster.columns:
            output = per_cluster[cluster].to_numpy(float)
            if np.ptp(output) == 0:  # funding never varies: no factor matters
                records += [(cluster, name, 0.0, 0.0, 0.0, 0.0) for name in names]
                continue
            result = sobol_analyze.analyze(problem, output, calc_second_order=True, seed=seed)
            for j, name in enumerate(names):
                records.append(
                    (
                        cluster,
                        name,
                        result["S1"][j],
                        result["S1_conf"][j],
                        result["ST"][j],
                        result["ST_conf"][j],
                    )
                )
    indices = pd.DataFrame(records, columns=["cluster", "factor", "S1", "S1_conf", "ST", "ST_conf"])
    return SweepResult(
        _funding_summary(outcomes), funding, {"indices": indices}, seed=seed, complete=complete
    )
