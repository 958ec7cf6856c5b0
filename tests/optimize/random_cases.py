"""Small random case folders for checking the solver against brute force.

Clusters, projects, budget and rules are drawn so that the awkward corners come up often:
groups without a project (a type, instrument, region or cluster nobody applies in), floors
over such groups, must-fund lists, a zero budget, plan years in which nobody spends, and
several pilot bases in one cluster. The cluster types and instruments are either the tiny
test case's or a made-up set of two types and four instruments, named by the case's own
types and instruments tables or by its fit table alone. Criteria, judgments and scores are
the tiny test case's.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import tomli_w
from hypothesis import strategies as st

from optimize.casefiles import table_csv
from tests.conftest import TINY

CLUSTERS = ["a", "b", "c", "d"]
#: Cluster types and instruments a drawn case uses: the tiny case's, or made-up ones.
VOCABULARIES = [
    (["basic", "strategic", "frontier"], ["platform", "pilot_base", "demonstration"]),
    (["upland", "coastal"], ["lab", "voucher", "testbed", "fund"]),
]
REGIONS = ["east", "central", "west"]
DOMAINS = ["rail", "ai"]
YEARS = [2021, 2022, 2023]
#: Shares of the budget, some of them 0 or 1 (no bound) [-].
SHARES = [0.0, 0.1, 0.3, 0.5, 1.0]
#: Grant sizes and budgets [1e8 CNY].
AMOUNTS = [0.0, 0.5, 1.0, 2.0]
BUDGETS = [0.0, 1.0, 2.5, 4.0, 8.0]


def _share_table(draw: Any, groups: list[str]) -> dict[str, Any]:
    table = {}
    for group in draw(st.lists(st.sampled_from(groups), unique=True, max_size=len(groups))):
        low, high = sorted(draw(st.sampled_from(SHARES)) for _ in range(2))
        table[group] = {"min": low, "max": high}
    return table


def _limits(draw: Any) -> dict[str, float]:
    limits: dict[str, float] = {}
    floor = draw(st.sampled_from([None, 0.0, 0.5, 1.5]))
    cap = draw(st.sampled_from([None, 1.0, 2.0, 6.0]))
    if floor is not None:
        limits["floor"] = floor
    if cap is not None:
        limits["cap"] = max(cap, floor or 0.0)
    return limits


@st.composite
def case_files(draw: Any) -> dict[str, Any]:
    """Settings and tables of one random case: ``{"settings": ..., "clusters": ..., ...}``."""
    types, instruments = draw(st.sampled_from(VOCABULARIES))
    fit_rows = [
        (kind, instrument, draw(st.sampled_from([0.3, 0.6, 1.0])))
        for kind in types
        for instrument in instruments
    ]
    clusters = CLUSTERS[: draw(st.integers(2, 4))]
    cluster_rows = [
        (
            c,
            c,
            c,
            draw(st.sampled_from(REGIONS)),
            draw(st.sampled_from(DOMAINS)),
            draw(st.sampled_from(types)),
        )
        for c in clusters
    ]
    periods = draw(st.booleans())
    years = YEARS[: draw(st.integers(1, 3))]
    project_rows = []
    for k in range(draw(st.integers(2, 6))):
        low = draw(st.sampled_from(AMOUNTS[:3]))
        high = low + draw(st.sampled_from([0.5, 1.0, 2.0]))
        start = draw(st.sampled_from([0, *years])) if periods else 0
        project_rows.append(
            (
                f"p{k}",
                draw(st.sampled_from(clusters)),
                draw(st.sampled_from(instruments)),
                low,
                high,
                draw(st.sampled_from([0.5, 1.0, 2.0])),
                draw(st.sampled_from([0.0, 0.5, 1.0])),
                start or "",
            )
        )
    ids = [row[0] for row in project_rows]
    regions = sorted({row[3] for row in cluster_rows})
    rules: dict[str, Any] = {}
    if draw(st.booleans()):
        rules["type_share"] = _share_table(draw, types)
    if draw(st.booleans()):
        rules["instrument_share"] = _share_table(draw, instruments)
    if draw(st.booleans()):
        named = draw(st.lists(st.sampled_from([*clusters, "default"]), unique=True, max_size=3))
        rules["cluster_limits"] = {name: _limits(draw) for name in named}
    if draw(st.booleans()):
        chosen = draw(st.lists(st.sampled_from(regions), unique=True, min_size=1))
        rules["region_floor"] = {r: draw(st.sampled_from(SHARES[:4])) for r in chosen}
    if draw(st.booleans()):
        rules["no_duplicated_construction"] = {
            "instruments": draw(st.lists(st.sampled_from(instruments), unique=True)),
            "max_per_domain": draw(st.integers(0, 2)),
        }
    if draw(st.booleans()):
        rules["basic_concentration"] = {
            "types": draw(st.lists(st.sampled_from(types), unique=True, min_size=1)),
            "max_projects": draw(st.integers(0, 2)),
            "min_grant": draw(st.sampled_from(AMOUNTS)),
        }
    if draw(st.booleans()):
        rules["frontier_platform_research"] = {
            "types": draw(st.lists(st.sampled_from(types), unique=True, min_size=1)),
            "instruments": draw(st.lists(st.sampled_from(instruments), unique=True, min_size=1)),
            "criterion": "L3",
            "min_score": draw(st.sampled_from([0.0, 10.0, 30.0])),
        }
    pairs = st.lists(
        st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True), max_size=2
    )
    dependencies: dict[str, Any] = {}
    if draw(st.booleans()):
        dependencies["in_cluster"] = [
            draw(st.lists(st.sampled_from(instruments), min_size=2, max_size=2, unique=True))
        ]
    if draw(st.booleans()):
        # A chain in id order cannot loop.
        dependencies["pairs"] = [sorted(pair, reverse=True) for pair in draw(pairs)]
    if dependencies:
        rules["dependencies"] = dependencies
    if draw(st.booleans()):
        rules["exclusions"] = {"pairs": draw(pairs)}
    must = draw(st.sampled_from(["none", "some", "all"]))
    if must != "none":
        chosen = ids if must == "all" else draw(st.lists(st.sampled_from(ids), unique=True))
        rules["must_fund"] = {"projects": chosen}
    if must != "all" and draw(st.booleans()):
        taken = set(rules.get("must_fund", {}).get("projects", []))
        free = [p for p in ids if p not in taken]
        if free:
            rules["must_not_fund"] = {"projects": draw(st.lists(st.sampled_from(free)))}
    if draw(st.booleans()):
        rules["cofunding"] = {"min_leverage": draw(st.sampled_from([1.0, 1.2, 1.5]))}
    settings: dict[str, Any] = {
        "case": {"name": "random", "title": "Random test case"},
        "appraisal": {"normalization": "vector", "priority_rule": "merit"},
        "benefit": {
            "top_up_segments": draw(st.integers(1, 2)),
            "slope_decay": draw(st.sampled_from([0.5, 1.0])),
            "provenance": "illustrative: test",
        },
        "budget": {"total": draw(st.sampled_from(BUDGETS)), "provenance": "illustrative: test"},
        "rules": rules,
    }
    if periods:
        settings["periods"] = {
            "years": years,
            "budgets": [draw(st.sampled_from(AMOUNTS)) for _ in years],
            "carry_over": draw(st.booleans()),
            "profiles": {
                instrument: [0.5, 0.5] if k % 2 and len(years) > 1 else [1.0]
                for k, instrument in enumerate(instruments)
            },
        }
    return {
        "settings": settings,
        "clusters": cluster_rows,
        "projects": project_rows,
        "fit": fit_rows,
        "named": draw(st.booleans()),
    }


def write_case(files: dict[str, Any], folder: Path, order: list[int] | None = None) -> Path:
    """Write a drawn case as a case folder; `order` permutes the project rows."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("criteria.csv", "judgments.csv"):
        shutil.copy(TINY / name, folder / name)
    if "fit" in files:
        fit = pd.DataFrame(files["fit"], columns=["cluster_type", "instrument", "coefficient"])
        (folder / "fit.csv").write_text(table_csv(fit), encoding="utf-8")
    else:
        shutil.copy(TINY / "fit.csv", folder / "fit.csv")
        fit = pd.read_csv(folder / "fit.csv", dtype=str)
    named = ["types", "instruments"] if files.get("named") else []
    for name, column in zip(named, ("cluster_type", "instrument"), strict=False):
        ids = list(dict.fromkeys(fit[column]))
        rows = pd.DataFrame({"id": ids, "name_en": ids, "name_zh": [f"{i}（中文）" for i in ids]})
        (folder / f"{name}.csv").write_text(table_csv(rows), encoding="utf-8")
    scores = (TINY / "scores.csv").read_text(encoding="utf-8").splitlines()
    chosen = {row[0] for row in files["clusters"]}
    kept = [scores[0], *(line for line in scores[1:] if line.split(",")[0] in chosen)]
    (folder / "scores.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    clusters = pd.DataFrame(
        files["clusters"],
        columns=["id", "name_zh", "name_en", "region", "tech_domain", "cluster_type"],
    )
    rows = files["projects"]
    if order is not None:
        rows = [rows[k] for k in order]
    projects = pd.DataFrame(
        rows,
        columns=[
            "id",
            "cluster",
            "instrument",
            "min_grant",
            "max_grant",
            "efficiency",
            "cofunding_ratio",
            "start",
        ],
    )
    (folder / "clusters.csv").write_text(table_csv(clusters), encoding="utf-8")
    (folder / "projects.csv").write_text(table_csv(projects), encoding="utf-8")
    tables = {
        name: f"{name}.csv"
        for name in ("clusters", "criteria", "judgments", "scores", "fit", "projects", *named)
    }
    settings = {**files["settings"], "tables": tables}
    (folder / "case.toml").write_text(tomli_w.dumps(settings), encoding="utf-8")
    return folder
