"""Synthetic allocation cases of any size, with every rule kind present (for benchmarks).

Numbers are random draws from a seeded generator: they illustrate scale, not any real cluster.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mcda import CriteriaTree, DecisionMatrix, ImpreciseMatrix
from mcda.ahp import SOLE_EXPERT
from optimize.case.case import BenefitCurve, Case
from optimize.case.rules import (
    AmountBounds,
    BasicConcentration,
    NoDuplication,
    ResearchThreshold,
    Rules,
    ShareBounds,
)

REGIONS = ["east", "central", "west"]
CRITERIA = ["research", "platforms", "overcapacity"]
#: The synthetic case's own cluster types and instruments (case data, like any case's).
TYPES = ["basic", "strategic", "frontier"]
INSTRUMENTS = ["platform", "pilot_base", "demonstration"]


def synthetic_case(n_clusters: int, projects_per_cell: int = 4, seed: int = 0) -> Case:
    """A random case with `n_clusters` x 3 instruments x `projects_per_cell` projects.

    Parameters
    ----------
    n_clusters : int
        Number of clusters [-].
    projects_per_cell : int
        Candidate projects per cluster and instrument [-].
    seed : int
        Seed of the random generator.

    Returns
    -------
    Case
        Budget about a third of the sum of maximum grants [1e8 CNY]; type and instrument
        shares, regional floors, per-cluster caps, no duplicated construction (domains
        shared by pairs of clusters), basic concentration, frontier research threshold,
        dependencies, exclusions, must-fund and must-not-fund, co-funding leverage.
    """
    rng = np.random.default_rng(seed)
    ids = [f"k{k:05d}" for k in range(n_clusters)]
    kinds = rng.choice(TYPES, size=n_clusters, p=[0.2, 0.6, 0.2])
    clusters = pd.DataFrame(
        {
            "name_zh": [f"集群{k}" for k in range(n_clusters)],
            "name_en": [f"Cluster {k}" for k in range(n_clusters)],
            "region": rng.choice(REGIONS, size=n_clusters, p=[0.6, 0.2, 0.2]),
            "tech_domain": [f"d{k // 2}" for k in range(n_clusters)],
            "cluster_type": kinds,
        },
        index=pd.Index(ids, name="id"),
    )
    tree = CriteriaTree(
        pd.DataFrame(
            {
                "parent": ["goal"] * 3,
                "name_en": CRITERIA,
                "name_zh": ["科研", "平台", "产能过剩"],
                "direction": ["benefit", "benefit", "cost"],
                "unit": ["count", "count", "%"],
            },
            index=pd.Index(CRITERIA, name="id"),
        )
    )
    scores = pd.DataFrame(rng.uniform(1.0, 100.0, (n_clusters, 3)), index=ids, columns=CRITERIA)
    equal = pd.DataFrame(np.ones((3, 3)), index=CRITERIA, columns=CRITERIA)
    judgments = {"goal": {SOLE_EXPERT: equal}}
    projects = _synthetic_projects(ids, projects_per_cell, rng)
    budget = round(float(projects["max_grant"].sum()) / 3.0, 1)
    by_cluster = projects.groupby("cluster").size()
    some = projects.index[:: max(1, len(projects) // 20)]
    rules = Rules(
        type_share={"basic": ShareBounds(0.05, 0.3), "frontier": ShareBounds(0.05, 0.4)},
        instrument_share={"platform": ShareBounds(0.2, 0.6)},
        cluster_limits={c: AmountBounds(0.0, 12.0) for c in ids[: len(ids) // 2]},
        region_floor={"west": 0.1},
        no_duplicated_construction=NoDuplication(("platform", "pilot_base"), 2),
        basic_concentration=BasicConcentration(("basic",), int(by_cluster.max() // 2), 1.0),
        frontier_platform_research=ResearchThreshold(
            ("frontier",), ("platform",), "research", 20.0
        ),
        dependencies=tuple((f"{c}.demonstration.0", f"{c}.pilot_base.0") for c in ids[::3]),
        exclusions=tuple((f"{c}.platform.0", f"{c}.platform.1") for c in ids[1::5]),
        must_fund=(str(some[0]),),
        must_not_fund=tuple(str(p) for p in some[1:3]),
        min_leverage=1.3,
    )
    matrix = DecisionMatrix.build(scores, tree.directions)
    return Case(
        name=f"synthetic-{n_clusters}",
        title=f"Synthetic case, {n_clusters} clusters (random, seed {seed})",
        folder=None,
        meta={"seed": seed},
        clusters=clusters,
        criteria=tree,
        judgments=judgments,
        scores=matrix,
        values=ImpreciseMatrix.from_point(matrix),
        fit=pd.DataFrame(
            [[1.0, 0.3, 0.3], [1.0, 1.0, 0.6], [1.0, 0.6, 1.0]],
            index=TYPES,
            columns=INSTRUMENTS,
        ),
        projects=projects,
        benefit=BenefitCurve(top_up_segments=3, slope_decay=0.6),
        budget=budget,
        rules=rules,
        normalization="vector",
        priority_rule="merit",
        blend=0.5,
        provenance={"budget": "synthetic: one third of the sum of max grants"},
        sources=pd.DataFrame(index=pd.Index([], name="fact_id")),
    )


def _synthetic_projects(ids: list[str], per_cell: int, rng: np.random.Generator) -> pd.DataFrame:
    """Candidate projects with random grants [1e8 CNY], efficiency and co-funding ratio."""
    rows = [(f"{c}.{i}.{j}", c, i) for c in ids for i in INSTRUMENTS for j in range(per_cell)]
    low = rng.uniform(0.3, 2.0, len(rows))
    return pd.DataFrame(
        {
            "cluster": [r[1] for r in rows],
            "instrument": [r[2] for r in rows],
            "min_grant": low,
            "max_grant": low * rng.uniform(1.5, 4.0, len(rows)),
            "efficiency": rng.uniform(0.5, 1.5, len(rows)),
            "cofunding_ratio": rng.uniform(0.0, 1.0, len(rows)),
            "start": 0.0,
        },
        index=pd.Index([r[0] for r in rows], name="project"),
    )
