"""The Pyomo allocation model compiled once to matrices and solved by highspy directly.

Pyomo formulates the model (:func:`optimize.model.formulation.build_model`); Pyomo's own
``LinearStandardFormCompiler`` turns it into a sparse matrix; HiGHS receives it through
``passModel``. This skips the per-constraint translation of Pyomo's persistent solver
interfaces, which costs more than the modelling itself (about 1.5 s of 2 s at 1e4 columns).
Re-solving after a budget or benefit-coefficient change only updates row bounds or column
costs in HiGHS: the model is built and compiled once per worker.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np
import numpy.typing as npt
import pandas as pd
import pyomo.environ as pyo
from pyomo.common.tee import capture_output
from pyomo.repn.plugins.standard_form import LinearStandardFormCompiler

from optimize.case.case import Case
from optimize.model.allocation import Allocation, SolveStatus
from optimize.model.formulation import build_model
from optimize.model.greedy import (
    FEASIBILITY_TOLERANCE,
    MatrixForm,
    benefit_bound,
    greedy_plan,
    violation,
)
from optimize.model.readback import (
    _empty_allocation,
    _read_solution,
    _rule_activity,
    _spend_for,
)
from optimize.model.rule_rows import RuleRow

Array = npt.NDArray[np.float64]

HIGHS_STATUS = {
    highspy.HighsModelStatus.kOptimal: SolveStatus.OPTIMAL,
    highspy.HighsModelStatus.kInfeasible: SolveStatus.INFEASIBLE,
    highspy.HighsModelStatus.kUnboundedOrInfeasible: SolveStatus.INFEASIBLE,
    highspy.HighsModelStatus.kUnbounded: SolveStatus.UNBOUNDED,
    highspy.HighsModelStatus.kTimeLimit: SolveStatus.TIME_LIMIT,
    # Only the deadline callback interrupts HiGHS: the time limit, enforced by us.
    highspy.HighsModelStatus.kInterrupt: SolveStatus.TIME_LIMIT,
}

#: Time HiGHS gets after the deadline to honour its interrupt before the answer is given
#: without it [s].
GRACE = 1.0

#: First estimate of the time to read an allocation back, per column [s]: 3.3 s at 1e5
#: columns while HiGHS still runs beside it. Later solves use the last one measured.
READ_SECONDS_PER_COLUMN = 3.5e-5


@dataclass(frozen=True)
class SolverOptions:
    """Options passed through to HiGHS.

    Attributes
    ----------
    time_limit : float, optional
        Wall-time limit [s].
    mip_gap : float
        Relative MIP gap at which HiGHS stops [-].
    threads : int, optional
        Threads HiGHS may use.
    """

    time_limit: float | None = None
    mip_gap: float = 1e-6
    threads: int | None = None


class CompiledModel:
    """An allocation model held as a HiGHS instance, re-solvable with new parameters.

    Parameters
    ----------
    case : Case
        The case (rules, budget, benefit curve).
    projects : pandas.DataFrame
        From :func:`optimize.model.formulation.project_table`.
    options : SolverOptions, optional
        HiGHS options. With a time limit, every solve first builds a greedy plan
        (:func:`~optimize.model.greedy.greedy_plan`), checked against every row, as HiGHS's MIP
        start and the answer if HiGHS has nothing better when time runs out. The answer
        comes within the limit plus :data:`GRACE` even when HiGHS is in a phase that does
        not poll its interrupt: it is then the best plan HiGHS has reported (or the greedy
        plan) with the best bound reported, and HiGHS finishes in a background thread; the
        next solve or parameter change on this model, and the interpreter's exit, wait for
        that thread (the overrun: 10-25 s at 1e5 columns).

    Attributes
    ----------
    start_seconds : float or None
        Time from the start of the last solve to its greedy plan [s]; None without a time
        limit or when the greedy found no plan.
    read_seconds : float
        Time the last solve took to read its allocation back [s] (at first an estimate from
        the model's size), kept free at the end of the time limit.
    """

    def __init__(
        self, case: Case, projects: pd.DataFrame, options: SolverOptions | None = None
    ) -> None:
        self.case, self.projects = case, projects
        self.model = build_model(case, projects)
        repn = LinearStandardFormCompiler().write(self.model, mixed_form=True, set_sense=None)
        self.columns = repn.columns
        by_constraint = {id(self.model.component(r.rule)[r.key]): r for r in self.model.rows}
        self.rows: list[RuleRow | None] = [
            by_constraint.get(id(entry.constraint)) for entry in repn.rows
        ]
        self.matrix = repn.A.tocsr()
        self.budget_slope, self.fixed_rhs = self.rhs_in_budget(repn)
        self.bound_type = np.array([entry.bound_type for entry in repn.rows])
        self.cost_of = self.cost_map()
        self.base_cost = np.asarray(repn.c.toarray(), float).ravel()
        self.cost = self.base_cost
        with capture_output(capture_fd=True):  # HiGHS prints a banner on construction
            self.highs = highspy.Highs()
        self.options = options or SolverOptions()
        self.configure(self.options)
        self.highs.passModel(self.lp(repn))
        self.column_of_build, self.column_of_top_up = self.column_maps()
        self.start_seconds: float | None = None
        self.deadline = float("inf")
        # A HiGHS run left behind at the deadline (see `run`), and what HiGHS has reported so
        # far in this solve: best (objective, column values) and dual bound.
        self.worker: threading.Thread | None = None
        self.incumbent: tuple[float, Array] | None = None
        self.dual_bound = float("inf")
        self.read_seconds = READ_SECONDS_PER_COLUMN * len(self.columns)
        if self.options.time_limit is not None:
            # HiGHS overruns its own time limit in long root phases; its interrupt callbacks
            # stop it at the deadline wherever it polls them (not inside a root cut round,
            # which still overruns a 60 s limit by 10-25 s at 1e5 columns).
            self.highs.cbSimplexInterrupt.subscribe(self.interrupt)
            self.highs.cbMipInterrupt.subscribe(self.interrupt)
            self.highs.cbMipInterrupt.subscribe(self.track)
            self.highs.cbMipImprovingSolution.subscribe(self.track)

    def rhs_in_budget(self, repn: Any) -> tuple[Array, Array]:
        """Each row's bound as fixed + slope x budget (share-based rows move with it)."""
        rhs = np.asarray(repn.rhs, float)
        slope = np.zeros(len(rhs))
        budget = float(pyo.value(self.model.budget_total))
        # Read each share at a unit budget: at a zero budget every share would read as 0.
        self.model.budget_total.set_value(1.0)
        for k, row in enumerate(self.rows):
            if row is not None and not isinstance(row.rhs, int | float):
                slope[k] = float(pyo.value(row.rhs))
        self.model.budget_total.set_value(budget)
        return slope, rhs - slope * budget

    def cost_map(self) -> npt.NDArray[np.int64]:
        """Per column: the project whose coefficient a_p scales its objective cost.

        A block of a cluster's grant (cluster returns) costs pi_k per unit: it follows the
        cluster's project with the largest coefficient, exact whenever coefficients change
        through the cluster priorities (as in every sweep).
        """
        position = {p: k for k, p in enumerate(self.projects.index)}
        lead = self.projects.groupby("cluster")["coefficient"].idxmax().map(position)
        excess = self.model.component("excess")
        return np.array(
            [
                position[var.index()]
                if var.parent_component() is self.model.build
                # a top-up's owner; a column of an empty sum costs nothing, any owner will do
                else position[var.index()[0]]
                if var.parent_component() is self.model.top_up
                else lead[var.index()[0]]
                if excess is not None and var.parent_component() is excess
                else 0
                for var in self.columns
            ],
            dtype=np.int64,
        )

    def interrupt(self, event: Any) -> None:
        """HiGHS callback: ask it to stop once the time limit has passed."""
        if time.perf_counter() > self.deadline:
            event.data_in.user_interrupt = True

    def track(self, event: Any) -> None:
        """HiGHS callback: keep its latest dual bound and best feasible solution."""
        out = event.data_out
        if np.isfinite(out.mip_dual_bound):
            self.dual_bound = float(out.mip_dual_bound)
        if event.callback_type == highspy.cb.HighsCallbackType.kCallbackMipImprovingSolution:
            values = np.array(out.mip_solution, float)
            objective = float(self.cost @ values) if len(values) == len(self.cost) else np.nan
            if self.incumbent is None or objective > self.incumbent[0]:
                self.incumbent = (objective, values)

    def settle(self) -> None:
        """Wait for a HiGHS run left behind at a deadline before the instance is touched."""
        if self.worker is not None:
            self.worker.join()
            self.worker = None

    def configure(self, options: SolverOptions) -> None:
        """Pass HiGHS options through."""
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("mip_rel_gap", options.mip_gap)
        if options.time_limit is not None:
            self.highs.setOptionValue("time_limit", float(options.time_limit))
            # Light presolve: the full one ignores the time limit and its interrupts (78 s
            # at 1e5 columns, against 1 s light; about 1 s slower to optimal at 1e4).
            self.highs.setOptionValue("presolve_mode", 2)
        if options.threads is not None:
            # HiGHS keeps one thread pool per process, sized by the first solve; without a
            # reset a later solve asking for another size fails with status "error".
            highspy.Highs.resetGlobalScheduler(True)
            self.highs.setOptionValue("threads", int(options.threads))

    def lp(self, repn: Any) -> highspy.HighsLp:
        """The compiled model as a HighsLp."""
        lp = highspy.HighsLp()
        n_rows, n_cols = repn.A.shape
        csc = repn.A.tocsc()
        lp.num_col_, lp.num_row_ = n_cols, n_rows
        lp.col_cost_ = self.base_cost
        self.col_lower = np.array(
            [v.lb if v.lb is not None else -highspy.kHighsInf for v in self.columns], float
        )
        self.col_upper = np.array(
            [v.ub if v.ub is not None else highspy.kHighsInf for v in self.columns], float
        )
        lp.col_lower_, lp.col_upper_ = self.col_lower, self.col_upper
        lower, upper = self.row_bounds(float(pyo.value(self.model.budget_total)))
        lp.row_lower_, lp.row_upper_ = lower, upper
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = csc.indptr
        lp.a_matrix_.index_ = csc.indices
        lp.a_matrix_.value_ = csc.data
        lp.sense_ = highspy.ObjSense.kMaximize
        lp.integrality_ = [
            highspy.HighsVarType.kInteger if v.is_integer() else highspy.HighsVarType.kContinuous
            for v in self.columns
        ]
        return lp

    def row_bounds(self, budget: float) -> tuple[Array, Array]:
        """Row lower and upper bounds for a budget [1e8 CNY]."""
        rhs = self.fixed_rhs + self.budget_slope * budget
        inf = highspy.kHighsInf
        lower = np.where(self.bound_type <= 0, rhs, -inf)
        upper = np.where(self.bound_type >= 0, rhs, inf)
        return lower, upper

    def column_maps(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Column of build[p] per project, and of top_up[p, s] per project and segment."""
        position = {p: k for k, p in enumerate(self.projects.index)}
        segments = self.case.benefit.segments
        build = np.zeros(len(position), dtype=np.int64)
        top_up = np.zeros((len(position), segments), dtype=np.int64)
        for k, var in enumerate(self.columns):
            if var.parent_component() is self.model.build:
                build[position[var.index()]] = k
            elif var.parent_component() is self.model.top_up:
                p, s = var.index()
                top_up[position[p], s - 1] = k
        return build, top_up

    def set_budget(self, budget: float) -> None:
        """Change the budget [1e8 CNY]: every budget-dependent row bound moves."""
        self.settle()
        lower, upper = self.row_bounds(budget)
        rows = np.flatnonzero(self.budget_slope != 0)
        rows = np.union1d(rows, [self.budget_row()])
        self.highs.changeRowsBounds(  # type: ignore[attr-defined]
            len(rows), rows.astype(np.int32), lower[rows], upper[rows]
        )
        self.model.budget_total.set_value(budget)

    def budget_row(self) -> int:
        """Index of the total-budget row."""
        return next(
            k for k, row in enumerate(self.rows) if row is not None and row.rule == "budget"
        )

    def set_coefficients(self, coefficient: pd.Series) -> None:
        """Change each project's benefit coefficient a_p [-] (costs scale with it)."""
        self.settle()
        base = self.projects["coefficient"].to_numpy(float)
        new = coefficient.loc[self.projects.index].to_numpy(float)
        owner = self.cost_of
        ratio = np.divide(new, base, out=np.zeros_like(new), where=base != 0)
        cost = self.base_cost * ratio[owner]
        columns = np.arange(len(cost), dtype=np.int32)
        self.highs.changeColsCost(len(cost), columns, cost)
        self.cost = cost

    def matrix_form(self) -> MatrixForm:
        """The model as it stands (budget, coefficients) in arrays, for the greedy start."""
        lower, upper = self.row_bounds(float(pyo.value(self.model.budget_total)))
        return MatrixForm(
            matrix=self.matrix,
            row_lower=lower,
            row_upper=upper,
            col_lower=self.col_lower,
            col_upper=self.col_upper,
            cost=self.cost,
            integer=np.array([v.is_integer() for v in self.columns]),
            rule_row=np.array([row is not None for row in self.rows]),
            build=self.column_of_build,
            top_up=self.column_of_top_up,
            low=self.projects["min_grant"].to_numpy(float),
            width=self.projects["segment_width"].to_numpy(float),
            extra=self.column_of_blocks(),
        )

    def column_of_blocks(self) -> npt.NDArray[np.int64]:
        """Columns of the blocks of a cluster's grant (cluster returns; else none)."""
        excess = self.model.component("excess")
        return np.array(
            [k for k, var in enumerate(self.columns) if var.parent_component() is excess],
            dtype=np.int64,
        )

    def run(self) -> tuple[SolveStatus, float, Array | None]:
        """Solve as the model stands: status, objective and column values (None if none).

        With a time limit, a greedy plan checked against every row is HiGHS's MIP start and
        the answer if HiGHS finds nothing better in time: a large case then still gets a
        feasible allocation. The greedy's time counts towards the limit, and so does
        reading the allocation back (:attr:`read_seconds`, reserved at the end).
        """
        self.settle()
        # Forget the previous solve: each answer then depends only on the model as it stands,
        # so a sweep gives the same results whatever the order or chunking of its points.
        self.highs.clearSolver()
        self.incumbent, self.dual_bound = None, float("inf")
        start = self.mip_start()
        if self.options.time_limit is None:
            self.highs.run()
            return self.result(start)
        # HiGHS polls its interrupt only between phases; a root cut round at 1e5 columns runs
        # on 10-25 s past the deadline. It runs in a thread (highspy releases the GIL) and the
        # answer comes at the deadline plus GRACE with what HiGHS has reported so far; the
        # thread finishes on its own at its next interrupt poll, and every later use of this
        # instance (and the interpreter's exit) waits for it first.
        worker = threading.Thread(target=self.highs.run, name="highs")
        worker.start()
        worker.join(max(self.deadline + GRACE - time.perf_counter(), 0.0))
        if not worker.is_alive():
            return self.result(start)
        self.worker = worker
        return self.best_known(start)

    def result(self, start: Array | None) -> tuple[SolveStatus, float, Array | None]:
        """Status, objective and column values of a finished HiGHS run."""
        status = HIGHS_STATUS.get(self.highs.getModelStatus(), SolveStatus.ERROR)
        info = self.highs.getInfo()
        found = info.primal_solution_status == 2  # 2 = feasible solution available
        if start is not None and status is SolveStatus.TIME_LIMIT:
            # Stopped before its first feasible point, or HiGHS refused the start within its
            # own tolerance and found worse: the checked start is the answer.
            objective = float(info.objective_function_value) if found else float("-inf")
            if float(self.cost @ start) > objective:
                return status, float(self.cost @ start), start
        if not found:
            return status, float("nan"), None
        return (
            status,
            float(info.objective_function_value),
            np.asarray(self.highs.getSolution().col_value),
        )

    def best_known(self, start: Array | None) -> tuple[SolveStatus, float, Array | None]:
        """The better of HiGHS's reported incumbent (if it checks out) and the greedy start."""
        candidates = [] if start is None else [(float(self.cost @ start), start)]
        incumbent = self.incumbent
        if incumbent is not None and np.isfinite(incumbent[0]):
            values = incumbent[1]
            if violation(self.matrix_form(), values) <= FEASIBILITY_TOLERANCE:
                candidates.append(incumbent)
        if not candidates:
            return SolveStatus.TIME_LIMIT, float("nan"), None
        objective, values = max(candidates, key=lambda c: c[0])
        return SolveStatus.TIME_LIMIT, objective, values

    def mip_start(self) -> Array | None:
        """Hand HiGHS a checked greedy plan when a time limit is set, and return it."""
        limit = self.options.time_limit
        self.start_seconds = None
        if limit is None:
            return None
        begin = time.perf_counter()
        # The limit covers the whole answer: HiGHS stops early enough to read it back.
        self.deadline = begin + limit - self.read_seconds
        start = greedy_plan(self.matrix_form())
        if start is not None:
            self.start_seconds = time.perf_counter() - begin
            solution = highspy.HighsSolution()
            solution.col_value = start
            solution.value_valid = True
            self.highs.setSolution(solution)
        left = max(self.deadline - time.perf_counter(), 0.0)
        self.highs.setOptionValue("time_limit", float(left))
        return start

    def amounts(self, values: Array) -> Array:
        """Funding per project [1e8 CNY] from column values (built projects only)."""
        built = np.round(values[self.column_of_build])
        low = self.projects["min_grant"].to_numpy(float)
        amount = built * low + values[self.column_of_top_up].sum(axis=1)
        return np.where(amount > 1e-7, amount, 0.0)

    def bound(self, status: SolveStatus, objective: float) -> float:
        """Best proven bound on the benefit [benefit units]: HiGHS's, or the budget's own.

        Stopped early, HiGHS may have no bound (time out in presolve) or only a weak one
        (before its root LP); the budget row alone also bounds every allocation
        (:func:`~optimize.model.greedy.benefit_bound`), and the smaller bound is kept.
        """
        running = self.worker is not None and self.worker.is_alive()
        dual = self.dual_bound if running else float(self.highs.getInfo().mip_dual_bound)
        if not np.isfinite(dual):
            dual = float("inf")
        if status is not SolveStatus.OPTIMAL:
            dual = min(dual, benefit_bound(self.matrix_form(), self.budget_row()))
        if not np.isfinite(dual):
            return objective
        # A bound a hair below the allocation's own benefit is rounding: no negative gaps.
        return max(dual, objective)

    def solve(self, priority_rule: str) -> Allocation:
        """Solve as the model stands and read the allocation."""
        budget = float(pyo.value(self.model.budget_total))
        start = time.perf_counter()
        status, objective, values = self.run()
        seconds = time.perf_counter() - start
        if values is None:
            if status is SolveStatus.TIME_LIMIT:
                status = SolveStatus.TIME_LIMIT_NO_SOLUTION
            return _empty_allocation(
                self.case, self.projects, status, budget, priority_rule, seconds
            )
        read = time.perf_counter()
        bound = self.bound(status, objective)
        gap = abs(bound - objective) / max(abs(objective), 1e-12)
        if status is SolveStatus.OPTIMAL and gap > self.options.mip_gap + 1e-9:
            status = SolveStatus.FEASIBLE
        for var, value in zip(self.columns, values, strict=True):
            var.set_value(value, skip_validation=True)
        table = _read_solution(self.model, self.projects, self.case.benefit)
        allocation = Allocation(
            table,
            status,
            objective,
            bound,
            gap,
            seconds,
            budget,
            priority_rule,
            rules=_rule_activity(self.model),
            spend=_spend_for(self.case, self.projects, table),
            types=tuple(self.case.type_ids),
            instruments=tuple(self.case.instrument_ids),
        )
        self.read_seconds = time.perf_counter() - read
        return allocation
