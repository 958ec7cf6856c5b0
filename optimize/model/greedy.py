"""A feasible allocation found greedily, checked against the compiled matrix: a MIP start.

Large cases can spend their whole time limit in HiGHS's presolve or root LP without a
feasible point. The greedy plan gives one in seconds:

1. decisions fixed by one-project rows (must-fund, must-not-fund, the frontier threshold),
   implications from two-project rows (a dependency funds what it needs);
2. floors, scarcest first (a region's floor that one cluster alone can meet): while a floor
   row (a share minimum, a regional floor) cannot be reached even with every chosen project
   at its maximum, each within what is left under its cluster's cap, add the projects that
   count most towards it, keeping other floors within reach of all projects (the leverage
   floor); if a counting cap is full, swap projects funded before for larger ones; an LP
   over the top-ups then checks that the floors are met (other caps may stand in the way:
   if so, aim higher above each floor and start again);
3. fill: pieces in decreasing benefit per unit of funding (a project's minimum grant, then its
   top-up segments), each only if every cap still holds with room kept for unmet floors
   (floors that share a project share the room);
4. top-ups: with the build decisions fixed, the LP over the top-ups alone (small: no build
   columns, no segment links) places the money optimally; if it is infeasible, the later half
   of the fill is dropped and the LP tried again;
5. a second pass of 2-4 ranks the projects by their profit at the LP's row prices.

Nothing here knows the rule names: it reads rows of the compiled matrix, in which a rule row
sees a project through its build column and its funding (each top-up segment with the same
coefficient). The plan is returned only if :func:`violation` finds it within tolerance of
every row, column bound and integrality.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import highspy
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from pyomo.common.tee import capture_output

Array = npt.NDArray[np.float64]
Index = npt.NDArray[np.int64]
#: What funding changes in a greedy plan: funded, top-ups, row activities, row potentials,
#: groups added.
_State = tuple[list[bool], list[float], list[float], list[float], list[list[int]]]

#: Largest row or bound violation a plan may have [row units] (HiGHS's feasibility tolerance).
FEASIBILITY_TOLERANCE = 1e-6

#: Capacity aimed for under each floor, as multiples of the floor, tried in turn: other caps
#: (a cluster's cap) may keep the funded projects from reaching their full capacity.
FLOOR_MARGINS = (1.0, 1.25, 1.5, 2.0, 3.0)

#: Most swaps (a group of projects out, larger ones in) tried towards one unreached floor.
SWAP_ATTEMPTS = 50


@dataclass(frozen=True)
class MatrixForm:
    """The compiled MILP as arrays (maximise ``cost @ v``, ``lower <= matrix @ v <= upper``).

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix
        Rows x columns.
    row_lower, row_upper : numpy.ndarray
        Row bounds (infinite where absent).
    col_lower, col_upper : numpy.ndarray
        Column bounds.
    cost : numpy.ndarray
        Objective coefficient per column [benefit units per column unit].
    integer : numpy.ndarray
        Whether each column is integer.
    rule_row : numpy.ndarray
        Whether each row is a policy rule (the others link top-ups to build decisions).
    build : numpy.ndarray
        Column of each project's build decision y_p.
    top_up : numpy.ndarray
        Columns of each project's top-up segments t_ps (projects x segments).
    low : numpy.ndarray
        Minimum grant of each project l_p [1e8 CNY].
    width : numpy.ndarray
        Width of each project's top-up segments w_p [1e8 CNY].
    extra : numpy.ndarray
        Other continuous columns (the blocks of a cluster's grant under cluster returns),
        placed with the top-ups by the LP of :meth:`_Greedy.top_up_lp`.
    """

    matrix: sp.csr_matrix
    row_lower: Array
    row_upper: Array
    col_lower: Array
    col_upper: Array
    cost: Array
    integer: npt.NDArray[np.bool_]
    rule_row: npt.NDArray[np.bool_]
    build: Index
    top_up: Index
    low: Array
    width: Array
    extra: Index = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


def violation(form: MatrixForm, values: Array) -> float:
    """Largest violation of a row bound, column bound or integrality by `values`."""
    activity = form.matrix @ values
    worst = [
        np.max(form.row_lower - activity, initial=0.0),
        np.max(activity - form.row_upper, initial=0.0),
        np.max(form.col_lower - values, initial=0.0),
        np.max(values - form.col_upper, initial=0.0),
        np.max(np.abs(values[form.integer] - np.round(values[form.integer])), initial=0.0),
    ]
    return float(max(worst))


def benefit_bound(form: MatrixForm, row: int) -> float:
    """An upper bound on the benefit from one capacity row alone (e.g. the budget).

    Every column is a piece of its capacity row worth ``cost / coefficient`` per unit, at most
    its upper bound (a top-up at most its segment width); the best pieces filled fractionally
    up to the row's bound bound every allocation that satisfies that row [benefit units].
    """
    coefficient = np.asarray(form.matrix[row].toarray()).ravel()
    upper = form.col_upper.copy()
    upper[form.top_up.ravel()] = np.repeat(form.width, form.top_up.shape[1])
    useful = form.cost > 0
    if np.any(useful & ((coefficient <= 0) | ~np.isfinite(upper))):
        return float("inf")
    size = coefficient[useful] * upper[useful]
    value = form.cost[useful] * upper[useful]
    order = np.argsort(-(value / np.where(size > 0, size, 1.0)), kind="stable")
    room = form.row_upper[row]
    filled = np.clip(room - np.concatenate([[0.0], np.cumsum(size[order])[:-1]]), 0.0, None)
    share = np.minimum(1.0, filled / np.where(size[order] > 0, size[order], 1.0))
    return float(value[order] @ share)


def greedy_plan(form: MatrixForm) -> Array | None:
    """Column values of a feasible allocation, or None if the greedy finds none.

    Parameters
    ----------
    form : MatrixForm
        The compiled model.

    Returns
    -------
    numpy.ndarray or None
        Values of every column, checked by :func:`violation` to be within
        :data:`FEASIBILITY_TOLERANCE` of every bound; None when the greedy fails (the case may
        still be feasible) or the rows do not have the shape it reads.
    """
    first = _Greedy.floored(form)
    if first is None:
        return None
    first.fill()
    plan = first.finish()
    if plan is None or first.prices is None:
        return plan
    # Second pass: projects ranked by their profit at the first plan's row prices (LP duals),
    # which sees what benefit per unit misses: a large project's top-ups, worth more than a
    # slightly better rate when a counting rule lets only two of eight projects in.
    profit = _profit(form, first.rows, first.prices)
    second = _Greedy.floored(form)
    assert second is not None  # the first pass got past the same floors
    second.fill(profit)
    better = second.finish()
    if better is not None and form.cost @ better > form.cost @ plan:
        return better
    return plan


def _profit(form: MatrixForm, rows: Index, prices: Array) -> Array:
    """Per project: benefit less the priced use of the rule rows, funded in full [benefit units]."""
    reduced = form.cost - form.matrix[rows].T @ prices
    top = np.clip(reduced[form.top_up], 0.0, None) * form.width[:, None]
    profit: Array = reduced[form.build] + top.sum(axis=1)
    return profit


@dataclass
class _Greedy:
    """Build decisions and planned funding, with the rule rows' activities kept in step."""

    form: MatrixForm
    rows: Index
    lower: list[float]
    upper: list[float]
    entries: list[list[tuple[int, float, float]]]
    needs: list[list[int]]
    top_min: list[float]
    top_max: list[float]
    can_on: list[bool]
    rate: Array
    floors_of: dict[int, list[tuple[int, float]]]
    overlap: dict[int, set[int]]
    cap_of: list[int]
    members: dict[int, list[int]]
    coefficient: dict[int, dict[int, tuple[float, float]]]
    on: list[bool]
    top: list[float]
    activity: list[float]
    potential: list[float]
    added: list[list[int]]
    prices: Array | None = None

    @classmethod
    def start(cls, form: MatrixForm) -> _Greedy | None:
        """Read the rule rows project by project and apply the fixed decisions."""
        n, segments = form.top_up.shape
        rows = np.flatnonzero(form.rule_row).astype(np.int64)
        rule = form.matrix[rows]
        by_build = rule[:, form.build].tocsc()
        by_top = rule[:, form.top_up[:, 0]].tocsc()
        for s in range(1, segments):
            if (rule[:, form.top_up[:, s]] != by_top).nnz:
                return None  # a rule row that tells segments apart: not a funding row
        lower = form.row_lower[rows].tolist()
        upper = form.row_upper[rows].tolist()
        # Both coefficients of a project in a row from one sparse pass: build + 1j x top-up.
        both = (by_build + 1j * by_top).tocsc()
        entries = [
            [
                (int(r), float(v.real), float(v.imag))
                for r, v in zip(
                    both.indices[both.indptr[p] : both.indptr[p + 1]],
                    both.data[both.indptr[p] : both.indptr[p + 1]],
                    strict=True,
                )
            ]
            for p in range(n)
        ]
        projects_in_row = np.diff(both.tocsr().indptr)
        can_on = (form.col_upper[form.build] >= 1.0) & (form.col_lower[form.build] <= 0.0)
        can_off = form.col_lower[form.build] <= 0.0
        can_on, can_off = can_on.tolist(), can_off.tolist()
        top_min = [0.0] * n
        top_max = (segments * form.width).tolist()
        needs: list[list[int]] = [[] for _ in range(n)]
        csr = both.tocsr()
        for r in np.flatnonzero(projects_in_row == 1).tolist():
            p = int(csr.indices[csr.indptr[r]])
            v = csr.data[csr.indptr[r]]
            lo, hi = lower[r], upper[r]
            can_off[p] = can_off[p] and lo <= 0.0 <= hi
            if v.imag == 0.0:
                can_on[p] = can_on[p] and lo <= v.real <= hi
            elif v.imag > 0:
                top_min[p] = max(top_min[p], (lo - v.real) / v.imag)
                top_max[p] = min(top_max[p], (hi - v.real) / v.imag)
            else:
                top_min[p] = max(top_min[p], (hi - v.real) / v.imag)
                top_max[p] = min(top_max[p], (lo - v.real) / v.imag)
        for r in np.flatnonzero(projects_in_row == 2).tolist():
            start, end = csr.indptr[r], csr.indptr[r + 1]
            (p, q), (a, b) = csr.indices[start:end], csr.data[start:end]
            if a.imag or b.imag or upper[r] != 0.0 or a.real != -b.real:
                continue
            # a y_p - a y_q <= 0: funding the positive side needs the other funded.
            first, second = (int(p), int(q)) if a.real > 0 else (int(q), int(p))
            needs[first].append(second)
        for p in range(n):
            if top_min[p] > top_max[p] + FEASIBILITY_TOLERANCE:
                can_on[p] = False
        members: dict[int, list[int]] = {}
        coefficient: dict[int, dict[int, tuple[float, float]]] = {}
        for project, row_entries in enumerate(entries):
            for r, on, top in row_entries:
                members.setdefault(r, []).append(project)
                coefficient.setdefault(r, {})[project] = (on, top)
        rate = form.cost[form.build] / np.where(form.low > 0, form.low, 1.0)
        floors_of, overlap = _floors_within_caps(by_build, by_top, lower, upper)
        # Per project, its narrowest cap on amounts (its cluster's cap): -1 if none.
        negative = np.asarray((both.real < 0).sum(axis=1) + (both.imag < 0).sum(axis=1)).ravel()
        capping = (np.isfinite(np.array(upper)) & (negative == 0)).tolist()
        size = projects_in_row.tolist()
        cap_of = [
            min(
                (r for r, on, top in row_entries if top > 0 and on >= 0 and capping[r]),
                key=lambda r: (size[r], r),
                default=-1,
            )
            for row_entries in entries
        ]
        plan = cls(
            form=form,
            rows=rows,
            lower=lower,
            upper=upper,
            entries=entries,
            needs=needs,
            top_min=top_min,
            top_max=top_max,
            can_on=can_on,
            rate=rate,
            floors_of=floors_of,
            overlap=overlap,
            cap_of=cap_of,
            members=members,
            coefficient=coefficient,
            on=[False] * n,
            top=[0.0] * n,
            activity=[0.0] * len(rows),
            potential=[0.0] * len(rows),
            added=[],
        )
        for project, row_entries in enumerate(entries):
            if can_on[project]:
                for r, _, _ in row_entries:
                    plan.potential[r] += max(0.0, plan.reach_of(r, project))
        must = [p for p in range(n) if not can_off[p]]
        if any(not plan.add(p, check=False) for p in must):
            return None
        plan.added = []  # what the floors add may be swapped out, never what is fixed
        return plan

    @classmethod
    def floored(cls, form: MatrixForm) -> _Greedy | None:
        """A start whose funded projects can meet every floor (the top-up LP says so)."""
        for margin in FLOOR_MARGINS:
            plan = cls.start(form)
            if plan is None:
                return None
            plan.floors(margin)
            if plan.top_up_lp() is not None:
                return plan
        return None

    def group(self, p: int) -> list[int] | None:
        """`p` and every project it needs that is not funded yet (None if one cannot be)."""
        todo, seen = [p], {p}
        out = []
        while todo:
            q = todo.pop()
            if self.on[q]:
                continue
            if not self.can_on[q]:
                return None
            out.append(q)
            for r in self.needs[q]:
                if r not in seen:
                    seen.add(r)
                    todo.append(r)
        return out

    def shortfall(self, floors: list[tuple[int, float]], delta: dict[int, float]) -> float:
        """Room under a cap that `floors` (row, unit factor) still need after `delta`.

        Floors that share a project may be met by the same money (a region's floor and a
        type's share in one cluster): only floors with no project in common add up, the
        largest needs first.
        """
        if not floors:  # most caps (a cluster's) hold no floor: the fill asks them most
            return 0.0
        need = [
            (amount, f)
            for f, factor in floors
            if (amount := factor * (self.lower[f] - self.activity[f] - delta.get(f, 0.0))) > 0.0
        ]
        if len(need) <= 1:  # met floors (the usual case once the floors are funded) need none
            return sum(amount for amount, _ in need)
        total, counted = 0.0, list[int]()
        for amount, f in sorted(need, reverse=True):
            if not any(g in self.overlap[f] for g in counted):
                total += amount
                counted.append(f)
        return total

    def fits(self, delta: dict[int, float], lost: dict[int, float] | None = None) -> bool:
        """Whether changing row activities by `delta` keeps every cap, with room for floors.

        Given what the change takes from each row's :attr:`potential` (`lost`), a floor need
        only stay within that potential: projects added later (more co-funding under the
        leverage floor) may still lift the row to its floor.
        """
        for r, d in delta.items():
            after = self.activity[r] + d
            if (
                d > 0
                and after
                > self.upper[r]
                - self.shortfall(self.floors_of.get(r, []), delta)
                + FEASIBILITY_TOLERANCE
            ):
                return False
            if lost is not None:
                if self.potential[r] + lost[r] < self.lower[r] - FEASIBILITY_TOLERANCE:
                    return False
            elif d < 0 and after < self.lower[r] - FEASIBILITY_TOLERANCE:
                return False
        return True

    def add(self, p: int, check: bool = True, within_reach: bool = False) -> bool:
        """Fund `p` (and what it needs) at its minimum if the rows allow it.

        `within_reach` asks only that every floor stay within reach (see :meth:`fits`).
        """
        group = self.group(p)
        if group is None:
            return False
        delta: dict[int, float] = {}
        lost: dict[int, float] = {}  # what the group takes from each row's potential
        for q in group:
            for r, on, top in self.entries[q]:
                delta[r] = delta.get(r, 0.0) + on + top * self.top_min[q]
                lost[r] = lost.get(r, 0.0) + min(0.0, self.reach_of(r, q))
        if check and not self.fits(delta, lost if within_reach else None):
            return False
        for r, d in delta.items():
            self.activity[r] += d
            self.potential[r] += lost[r]
        for q in group:
            self.on[q], self.top[q] = True, self.top_min[q]
        self.added.append(group)
        return True

    def raise_top(self, p: int, amount: float) -> None:
        """Plan up to `amount` more top-up for funded `p`, as far as every cap allows."""
        room = min(amount, self.top_max[p] - self.top[p])
        for r, _, top in self.entries[p]:
            if top > 0:
                free = self.upper[r] - self.activity[r]
                free -= self.shortfall(self.floors_of.get(r, []), {})
                room = min(room, free / top)
            elif top < 0:
                room = min(room, (self.activity[r] - self.lower[r]) / -top)
        if room <= 0:
            return
        for r, _, top in self.entries[p]:
            self.activity[r] += top * room
        self.top[p] += room

    def reach_of(self, r: int, p: int) -> float:
        """Largest contribution of project `p`, if funded, to row `r`."""
        on, top = self.coefficient[r][p]
        return on + top * (self.top_max[p] if top > 0 else self.top_min[p])

    def scarcity(self, r: int) -> float:
        """Floor of row `r` as a share of its largest activity over every fundable project.

        Zero for a floor at or below zero (met by the empty plan in sign, if not in fact).
        """
        if self.lower[r] <= 0.0:
            return 0.0
        reach = sum(
            max(0.0, self.reach_of(r, p)) for p in self.members[r] if self.on[p] or self.can_on[p]
        )
        return self.lower[r] / reach if reach > 0 else float("inf")

    def floors(self, margin: float = 1.0) -> None:
        """Fund the best projects towards each floor the funded set cannot reach.

        A floor counts as reachable once the funded projects' largest activity is `margin`
        times the floor (plus `margin` - 1 times its size for a floor at or below zero).
        """
        floor_rows = [
            r for r in range(len(self.rows)) if np.isfinite(self.lower[r]) and r in self.members
        ]
        # Scarcest floor first (largest share of what all its projects could reach): a floor
        # that only one cluster can meet (a region's floor) needs that cluster's projects
        # before a wider floor takes the slots of a counting rule (at most n per domain).
        floor_rows.sort(key=lambda r: -self.scarcity(r))
        for _ in range(3):  # a later floor's projects may take from an earlier one: re-check
            changed = False
            for r in floor_rows:
                target = self.lower[r] + (margin - 1.0) * abs(self.lower[r])
                if _Tally(self, r).total >= target:
                    continue
                changed |= self.reach_floor(r, target)
                if _Tally(self, r).total < target:
                    changed |= self.swap_towards(r, target)
            if not changed:
                break
        self.added = []  # the fill, not the floors, is what a failed LP drops

    def reach_floor(self, r: int, target: float, skip: frozenset[int] = frozenset()) -> bool:
        """Fund projects (not those in `skip`) towards floor `r` until it reaches `target`."""
        tally = _Tally(self, r)
        # Largest contributions first: counting rules (at most n per domain) may leave
        # room for only a few projects towards this floor.
        gain = {p: self.reach_of(r, p) for p in self.members[r] if not self.on[p] and p not in skip}
        changed = False
        for p in sorted(gain, key=lambda p: (-gain[p], -self.rate[p])):
            if tally.total >= target or gain[p] <= 0:
                break
            if tally.gain(p) <= FEASIBILITY_TOLERANCE:
                continue  # its cluster's cap is full: the floor needs other clusters
            if self.add(p, within_reach=True):
                tally.fund(p)
                changed = True
        return changed

    def swap_towards(self, r: int, target: float) -> bool:
        """Drop what the floors funded for larger projects towards floor `r`, a group a try.

        A counting rule (at most n projects of a cluster, or of a domain) may be full of
        projects funded before: a group out (a project and what it needed; first those that
        count towards `r`, smallest first, then those in a full row that a project towards
        `r` needs), the largest projects that fit in. A try is kept if the floor's reach
        grows and every other floor the group counted towards is still within reach, until
        the floor meets `target` or :data:`SWAP_ATTEMPTS` tries.
        """
        coefficient = self.coefficient[r]
        swapped, tried = False, set()
        for _ in range(SWAP_ATTEMPTS):
            needed = {q for x in range(len(self.on)) if self.on[x] for q in self.needs[x]}
            full = {
                c
                for p in self.members[r]
                if not self.on[p] and self.can_on[p]
                for c, _, _ in self.entries[p]
                if self.activity[c] >= self.upper[c] - FEASIBILITY_TOLERANCE
            }
            counts = {tuple(g): any(q in coefficient for q in g) for g in self.added if g}
            out = [
                g
                for g in self.added
                if g
                and (counts[tuple(g)] or any(c in full for q in g for c, _, _ in self.entries[q]))
                and not any(q in needed and q not in g for q in g)
                and frozenset(g) not in tried
            ]
            if not out:
                break
            group = min(
                out,
                key=lambda g: (
                    not counts[tuple(g)],
                    sum(self.reach_of(r, q) for q in g if q in coefficient),
                ),
            )
            tried.add(frozenset(group))
            before, saved = _Tally(self, r).total, self.state()
            for q in group:
                self.drop(q)
            self.added.remove(group)
            skip = frozenset(group)
            self.reach_floor(r, target, skip)
            after = _Tally(self, r).total
            if after <= before + FEASIBILITY_TOLERANCE or not self.refloor(group, r, skip):
                self.restore(saved)
                continue
            swapped = True
            if after >= target:
                break
        return swapped

    def refloor(self, group: list[int], r: int, skip: frozenset[int]) -> bool:
        """Whether every floor but `r` that `group` counted towards is back within reach."""
        touched = {f for q in group for f, _, _ in self.entries[q]}
        for f in sorted(touched - {r}):
            if not np.isfinite(self.lower[f]) or _Tally(self, f).total >= self.lower[f]:
                continue
            self.reach_floor(f, self.lower[f], skip)
            if _Tally(self, f).total < self.lower[f] - FEASIBILITY_TOLERANCE:
                return False
        return True

    def state(self) -> _State:
        """A copy of what funding changes (for :meth:`restore`)."""
        return (
            self.on.copy(),
            self.top.copy(),
            self.activity.copy(),
            self.potential.copy(),
            self.added.copy(),
        )

    def restore(self, saved: _State) -> None:
        """Go back to a :meth:`state`."""
        self.on, self.top, self.activity, self.potential, self.added = saved

    def drop(self, q: int) -> None:
        """Unfund `q` (the caller makes sure no funded project needs it)."""
        for r, on, top in self.entries[q]:
            self.activity[r] -= on + top * self.top[q]
            self.potential[r] -= min(0.0, self.reach_of(r, q))
        self.on[q], self.top[q] = False, 0.0

    def fill(self, profit: Array | None = None) -> None:
        """Add pieces (minimum grants, then top-up segments) best benefit per unit first.

        With a `profit` per project, the minimum grants of profitable projects come first,
        most profitable first, and the rest are skipped; top-up segments follow by rate.
        """
        form = self.form
        n, segments = form.top_up.shape
        base_rate = self.rate
        segment_rate = form.cost[form.top_up].ravel()
        if profit is not None:
            top = float(segment_rate.max(initial=0.0)) + 1.0
            base_rate = np.where(profit > 0, top + profit, -np.inf)
        rates = np.concatenate([base_rate, segment_rate])
        # Ties: a project's minimum grant before its segments, segments in order.
        order = np.lexsort((np.arange(len(rates)), -rates))
        width = form.width.tolist()
        for piece in order.tolist():
            if piece < n:
                if not self.on[piece] and rates[piece] > -np.inf:
                    self.add(piece)
                continue
            p = (piece - n) // segments
            if self.on[p]:
                self.raise_top(p, width[p])

    def finish(self) -> Array | None:
        """Best top-ups for the chosen builds (an LP), dropping later fill if infeasible.

        Halving the fill ends, at worst, at the floors' projects alone, which
        :meth:`floored` found feasible.
        """
        while True:
            values = self.top_up_lp()
            if values is not None and violation(self.form, values) <= FEASIBILITY_TOLERANCE:
                return values
            if not self.added:
                return None
            keep = len(self.added) // 2
            for group in self.added[keep:]:
                for q in group:
                    self.on[q] = False
            self.added = self.added[:keep]

    def top_up_lp(self) -> Array | None:
        """Column values with the builds fixed and the top-ups optimal, or None.

        The LP also places the extra columns, under the rule rows and the rows that hold them.
        """
        form = self.form
        segments = form.top_up.shape[1]
        built = np.flatnonzero(np.array(self.on, dtype=bool))
        y = np.zeros(form.matrix.shape[1])
        y[form.build[built]] = 1.0
        columns = np.concatenate([form.top_up[built].ravel(), form.extra])
        rows = self.rows
        if len(form.extra):
            by_extra = np.diff(form.matrix[:, form.extra].tocsr().indptr) > 0
            rows = np.concatenate([rows, np.flatnonzero(by_extra & ~form.rule_row)])
        rule = form.matrix[rows]
        fixed = rule @ y
        lower, upper = form.row_lower[rows] - fixed, form.row_upper[rows] - fixed
        sub = rule[:, columns].tocsr()
        # Rows without a top-up of a funded project (counting rules) are fixed: check them
        # here and keep them out of the LP, which is then several times faster at 1e5 columns.
        used = np.diff(sub.indptr) > 0
        if np.any((lower[~used] > FEASIBILITY_TOLERANCE) | (upper[~used] < -FEASIBILITY_TOLERANCE)):
            return None
        if not used.any():  # nothing to place (no project funded, or no amount rows)
            self.prices = np.zeros(len(self.rows))
            return y
        sub = sub[used].tocsc()
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = len(columns), int(used.sum())
        lp.col_cost_ = form.cost[columns]
        lp.col_lower_ = np.zeros(len(columns))
        lp.col_upper_ = np.concatenate(
            [np.repeat(form.width[built], segments), form.col_upper[form.extra]]
        )
        lp.row_lower_, lp.row_upper_ = lower[used], upper[used]
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = sub.indptr
        lp.a_matrix_.index_ = sub.indices
        lp.a_matrix_.value_ = sub.data
        lp.sense_ = highspy.ObjSense.kMaximize
        with capture_output(capture_fd=True):  # HiGHS prints a banner on construction
            highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        # HiGHS's presolve spends 5 s on this LP at 1e5 columns, the simplex 1 s on it whole.
        highs.setOptionValue("presolve", "off")
        highs.passModel(lp)
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        duals = np.zeros(len(rows))
        duals[used] = highs.getSolution().row_dual
        self.prices = duals[: len(self.rows)]
        values = y
        values[columns] = np.clip(np.asarray(highs.getSolution().col_value), 0.0, None)
        return values


class _Tally:
    """Largest activity of a floor row that the funded projects' narrowest caps allow.

    Each project's largest contribution counts up to what is left under its narrowest cap
    (its cluster's), in the floor's units: a floor funded from one capped cluster is out of
    reach however many of that cluster's projects are funded.
    """

    def __init__(self, plan: _Greedy, r: int) -> None:
        self.plan, self.r = plan, r
        self.free = 0.0
        self.used: dict[int, float] = {}
        self.limit: dict[int, float] = {}
        for p in plan.members[r]:
            if plan.on[p]:
                self.fund(p)

    @property
    def total(self) -> float:
        """The floor row's largest activity [row units]."""
        return self.free + sum(min(u, self.limit[c]) for c, u in self.used.items())

    def scale(self, p: int) -> tuple[int, float]:
        """`p`'s narrowest cap and floor units per cap unit (-1 if the cap does not apply)."""
        c = self.plan.cap_of[p]
        if c < 0:
            return -1, 0.0
        on_r, top_r = self.plan.coefficient[self.r][p]
        on_c, top_c = self.plan.coefficient[c][p]
        if top_r <= 0 or abs(on_r * top_c - on_c * top_r) > 1e-9 * abs(on_c * top_r):
            return -1, 0.0  # not in proportion: the cap does not bound this floor simply
        return c, top_r / top_c

    def gain(self, p: int) -> float:
        """What funding `p` adds to :attr:`total` [row units]."""
        most = self.plan.reach_of(self.r, p)
        c, ratio = self.scale(p)
        if c < 0 or c == self.r:
            return most
        limit = self.plan.upper[c] * ratio
        left = min(self.limit.get(c, limit), limit) - self.used.get(c, 0.0)
        return min(most, max(0.0, left))

    def fund(self, p: int) -> None:
        """Count funded `p`."""
        most = self.plan.reach_of(self.r, p)
        c, ratio = self.scale(p)
        if c < 0 or c == self.r:
            self.free += most
            return
        self.used[c] = self.used.get(c, 0.0) + most
        self.limit[c] = max(self.limit.get(c, 0.0), self.plan.upper[c] * ratio)


def _floors_within_caps(
    by_build: sp.csc_matrix, by_top: sp.csc_matrix, lower: list[float], upper: list[float]
) -> tuple[dict[int, list[tuple[int, float]]], dict[int, set[int]]]:
    """Per cap row, the floor rows over a subset of its projects; per floor, the overlapping.

    The first map gives each floor row with a unit factor; the second, per floor row, the
    floor rows that share a project with it.

    Money kept for such a floor must stay free under the cap: the budget keeps room for the
    share minimums and regional floors still unmet. A unit of floor activity takes at least
    ``factor`` units of the cap (the least ratio of their coefficients: a yearly budget row
    sees only a project's spending in that year). Only amount rows with no negative
    coefficient take part (count rows are in other units).
    """
    csr = by_build.tocsr()
    negative = np.asarray((csr < 0).sum(axis=1)).ravel() > 0
    amount = np.diff(by_top.tocsr().indptr) > 0
    usable = amount & ~negative
    floors = [r for r in range(len(lower)) if usable[r] and np.isfinite(lower[r]) and lower[r] > 0]
    caps = [r for r in range(len(upper)) if usable[r] and np.isfinite(upper[r])]
    if not floors or not caps:
        return {}, {}
    pattern = (csr != 0).astype(np.int64)
    shared = (pattern[floors] @ pattern[floors].T).tocoo()
    sharing: dict[int, set[int]] = {f: set() for f in floors}
    for i, j in zip(shared.row.tolist(), shared.col.tolist(), strict=True):
        sharing[floors[i]].add(floors[j])
    overlap = (pattern[caps] @ pattern[floors].T).toarray()
    size = np.asarray(pattern[floors].sum(axis=1)).ravel()
    out: dict[int, list[tuple[int, float]]] = {}
    for i, c in enumerate(caps):
        for j in np.flatnonzero(overlap[i] == size).tolist():
            f = floors[j]
            if f == c:
                continue
            members = csr.indices[csr.indptr[f] : csr.indptr[f + 1]]
            ratio = (
                np.asarray(csr[c, members].toarray()).ravel()
                / csr.data[csr.indptr[f] : csr.indptr[f + 1]]
            )
            out.setdefault(c, []).append((f, float(ratio.min(initial=np.inf))))
    return out, sharing
