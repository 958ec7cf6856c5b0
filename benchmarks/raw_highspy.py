"""The allocation MILP built directly as sparse matrices and solved by raw highspy: the floor.

Builds exactly the model of :func:`optimize.model.formulation.build_model` (same rows, same columns:
build decisions y_p, then top-ups t_ps) with numpy from the case tables, with no modelling
layer, as coordinate triplets, and passes it to HiGHS with ``passModel``.
"""

from __future__ import annotations

import time

import highspy
import numpy as np
import numpy.typing as npt
import pandas as pd
import scipy.sparse as sp
from pyomo.common.tee import capture_output

from optimize.case import Case

Array = npt.NDArray[np.float64]


class Rows:
    """Rows of a sparse constraint matrix as coordinate triplets with row bounds."""

    def __init__(self, n: int, segments: int, low: Array) -> None:
        self.n, self.segments, self.low = n, segments, low
        self.r: list[npt.NDArray[np.int64]] = []
        self.c: list[npt.NDArray[np.int64]] = []
        self.v: list[Array] = []
        self.lo: list[Array] = []
        self.hi: list[Array] = []
        self.count = 0

    def add(
        self,
        rows: npt.ArrayLike,
        cols: npt.ArrayLike,
        vals: npt.ArrayLike,
        lo: npt.ArrayLike,
        hi: npt.ArrayLike,
        how_many: int,
    ) -> None:
        """Append `how_many` rows given by local row ids, columns, values and bounds."""
        self.r.append(np.asarray(rows, np.int64) + self.count)
        self.c.append(np.asarray(cols, np.int64))
        self.v.append(np.asarray(vals, float))
        self.lo.append(np.broadcast_to(np.asarray(lo, float), (how_many,)).copy())
        self.hi.append(np.broadcast_to(np.asarray(hi, float), (how_many,)).copy())
        self.count += how_many

    def funding(
        self,
        row: npt.NDArray[np.int64],
        project: npt.NDArray[np.int64],
        weight: Array,
        lo: npt.ArrayLike,
        hi: npt.ArrayLike,
        how_many: int,
    ) -> None:
        """Rows sum_p weight * x_p with x_p = l_p y_p + sum_s t_ps."""
        s = self.segments
        top_cols = self.n + (project[:, None] * s + np.arange(s)[None, :]).ravel()
        self.add(
            np.concatenate([row, np.repeat(row, s)]),
            np.concatenate([project, top_cols]),
            np.concatenate([weight * self.low[project], np.repeat(weight, s)]),
            lo,
            hi,
            how_many,
        )

    def count_rows(
        self,
        row: npt.NDArray[np.int64],
        project: npt.NDArray[np.int64],
        weight: Array,
        lo: npt.ArrayLike,
        hi: npt.ArrayLike,
        how_many: int,
    ) -> None:
        """Rows sum_p weight * y_p."""
        self.add(row, project, weight, lo, hi, how_many)

    def matrix(self) -> sp.csc_matrix:
        """The assembled matrix in column-wise form."""
        shape = (self.count, self.n * (1 + self.segments))
        return sp.csc_matrix(
            (np.concatenate(self.v), (np.concatenate(self.r), np.concatenate(self.c))), shape
        )


def build_and_solve(
    case: Case, projects: pd.DataFrame, mip_gap: float, time_limit: float | None = None
) -> dict[str, float | str]:
    """Build, solve and read the allocation.

    Returns the objective, HiGHS's best bound and relative gap, its model status, phase
    times [s] and the time from the start of the solve to its first feasible point [s]
    (NaN if none).
    """
    start = time.perf_counter()
    lp = build_lp(case, projects)
    built = time.perf_counter()
    with capture_output(capture_fd=True):  # HiGHS prints a banner on construction
        highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", mip_gap)
    if time_limit is not None:
        highs.setOptionValue("time_limit", time_limit)
    highs.passModel(lp)
    found: list[float] = []

    def improving(event: object) -> None:
        if not found:
            found.append(time.perf_counter())

    highs.cbMipImprovingSolution.subscribe(improving)
    highs.run()
    solved = time.perf_counter()
    info = highs.getInfo()
    feasible = info.primal_solution_status == 2  # 2 = feasible solution available
    values = np.asarray(highs.getSolution().col_value)
    n, segments = len(projects), case.benefit.top_up_segments
    y = np.round(values[:n])
    amount = y * projects["min_grant"].to_numpy() + values[n:].reshape(n, segments).sum(axis=1)
    _ = pd.DataFrame({"funded": y > 0.5, "amount": amount}, index=projects.index)
    done = time.perf_counter()
    return {
        "objective": float(info.objective_function_value) if feasible else float("nan"),
        "bound": float(info.mip_dual_bound),
        "gap": float(info.mip_gap) if feasible else float("nan"),
        "status": highs.modelStatusToString(highs.getModelStatus()),
        "first_feasible": found[0] - built if found else float("nan"),
        "build": built - start,
        "solve": solved - built,
        "extract": done - solved,
        "total": done - start,
    }


def grouped(
    codes: npt.NDArray[np.int64], keep: npt.NDArray[np.bool_]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], int]:
    """Local row id per kept project (one row per group) and the projects kept."""
    kept = np.flatnonzero(keep)
    _, local = np.unique(codes[kept], return_inverse=True)
    return local.astype(np.int64), kept.astype(np.int64), int(local.max(initial=-1) + 1)


def build_lp(case: Case, projects: pd.DataFrame) -> highspy.HighsLp:
    """The MILP as a HighsLp (maximisation) from the case tables."""
    rules, budget = case.rules, case.budget
    n, segments = len(projects), case.benefit.top_up_segments
    low = projects["min_grant"].to_numpy(float)
    width = projects["segment_width"].to_numpy(float)
    coefficient = projects["coefficient"].to_numpy(float)
    decay = case.benefit.slope_decay ** np.arange(1, segments + 1)
    index = pd.Series(np.arange(n), index=projects.index)
    every = np.arange(n, dtype=np.int64)
    rows = Rows(n, segments, low)

    # segment links t_ps - w_p y_p <= 0, row p*S + s
    link = np.arange(n * segments, dtype=np.int64)
    rows.add(
        np.concatenate([link, link]),
        np.concatenate([np.repeat(every, segments), n + link]),
        np.concatenate([-np.repeat(width, segments), np.ones(n * segments)]),
        -np.inf,
        0.0,
        n * segments,
    )
    rows.funding(np.zeros(n, np.int64), every, np.ones(n), -np.inf, budget, 1)
    for column, bounds in (
        ("cluster_type", rules.type_share),
        ("instrument", rules.instrument_share),
    ):
        values = projects[column].to_numpy()
        for group, share in bounds.items():
            members = np.flatnonzero(values == group)
            zeros = np.zeros(len(members), np.int64)
            if share.minimum > 0:
                rows.funding(
                    zeros, members, np.ones(len(members)), share.minimum * budget, np.inf, 1
                )
            if share.maximum < 1:
                rows.funding(
                    zeros, members, np.ones(len(members)), -np.inf, share.maximum * budget, 1
                )
    limits = rules.cluster_limits
    if limits:
        order = list(limits)
        cluster_codes = pd.Categorical(projects["cluster"], categories=order).codes
        capped = tuple(c for c in order if limits[c].maximum < np.inf)
        floored = tuple(c for c in order if limits[c].minimum > 0)
        for chosen, lo_of, hi_of in (
            (floored, lambda c: limits[c].minimum, lambda c: np.inf),
            (capped, lambda c: -np.inf, lambda c: limits[c].maximum),
        ):
            codes = pd.Categorical(projects["cluster"], categories=chosen).codes
            local, kept, k = grouped(codes.astype(np.int64), codes >= 0)
            rows.funding(
                local,
                kept,
                np.ones(len(kept)),
                [lo_of(c) for c in chosen],
                [hi_of(c) for c in chosen],
                k,
            )
        del cluster_codes
    for region, floor in rules.region_floor.items():
        members = np.flatnonzero(projects["region"].to_numpy() == region)
        rows.funding(
            np.zeros(len(members), np.int64),
            members,
            np.ones(len(members)),
            floor * budget,
            np.inf,
            1,
        )
    if rules.no_duplicated_construction is not None:
        nd = rules.no_duplicated_construction
        keys = projects["tech_domain"].astype(str) + "/" + projects["instrument"].astype(str)
        covered = projects["instrument"].isin(nd.instruments).to_numpy()
        sizes = keys[covered].value_counts()
        crowded = covered & (keys.map(sizes).fillna(0).to_numpy() > nd.max_per_domain)
        codes = pd.factorize(keys)[0].astype(np.int64)
        local, kept, k = grouped(codes, crowded)
        rows.count_rows(local, kept, np.ones(len(kept)), -np.inf, nd.max_per_domain, k)
    if rules.basic_concentration is not None:
        bc = rules.basic_concentration
        basic = projects["cluster_type"].isin(bc.types).to_numpy()
        sizes = projects.loc[basic, "cluster"].value_counts()
        crowded = basic & (projects["cluster"].map(sizes).fillna(0).to_numpy() > bc.max_projects)
        codes = pd.factorize(projects["cluster"])[0].astype(np.int64)
        local, kept, k = grouped(codes, crowded)
        rows.count_rows(local, kept, np.ones(len(kept)), -np.inf, bc.max_projects, k)
        small = np.flatnonzero(basic & (low < bc.min_grant)).astype(np.int64)
        s = segments
        rows.add(
            np.concatenate([np.arange(len(small)), np.repeat(np.arange(len(small)), s)]),
            np.concatenate([small, n + (small[:, None] * s + np.arange(s)).ravel()]),
            np.concatenate([low[small] - bc.min_grant, np.ones(len(small) * s)]),
            0.0,
            np.inf,
            len(small),
        )
    if rules.frontier_platform_research is not None:
        rt = rules.frontier_platform_research
        score = case.scores.values[rt.criterion].loc[projects["cluster"]].to_numpy()
        sparse = np.flatnonzero(
            projects["cluster_type"].isin(rt.types).to_numpy()
            & projects["instrument"].isin(rt.instruments).to_numpy()
            & (score < rt.min_score)
        ).astype(np.int64)
        rows.count_rows(
            np.arange(len(sparse)), sparse, np.ones(len(sparse)), -np.inf, 0.0, len(sparse)
        )
    for pairs, sign, bound in ((rules.dependencies, -1.0, 0.0), (rules.exclusions, 1.0, 1.0)):
        if pairs:
            first = index.loc[[p for p, _ in pairs]].to_numpy()
            second = index.loc[[q for _, q in pairs]].to_numpy()
            local = np.arange(len(pairs))
            rows.count_rows(
                np.concatenate([local, local]),
                np.concatenate([first, second]),
                np.concatenate([np.ones(len(pairs)), np.full(len(pairs), sign)]),
                -np.inf,
                bound,
                len(pairs),
            )
    for chosen, lo, hi in ((rules.must_fund, 1.0, np.inf), (rules.must_not_fund, -np.inf, 0.0)):
        if chosen:
            members = index.loc[list(chosen)].to_numpy()
            rows.count_rows(
                np.arange(len(members)), members, np.ones(len(members)), lo, hi, len(members)
            )
    if rules.min_leverage is not None:
        surplus = projects["cofunding_ratio"].to_numpy(float) - (rules.min_leverage - 1.0)
        rows.funding(np.zeros(n, np.int64), every, surplus, 0.0, np.inf, 1)

    matrix = rows.matrix()
    lp = highspy.HighsLp()
    lp.num_col_ = n * (1 + segments)
    lp.num_row_ = rows.count
    lp.col_cost_ = np.concatenate([coefficient * low, np.outer(coefficient, decay).ravel()])
    lp.col_lower_ = np.zeros(lp.num_col_)
    lp.col_upper_ = np.concatenate([np.ones(n), np.full(n * segments, highspy.kHighsInf)])
    lp.row_lower_ = np.concatenate(rows.lo)
    lp.row_upper_ = np.concatenate(rows.hi)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr
    lp.a_matrix_.index_ = matrix.indices
    lp.a_matrix_.value_ = matrix.data
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n + [highspy.HighsVarType.kContinuous] * (
        n * segments
    )
    return lp
