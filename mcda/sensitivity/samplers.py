"""Weight samplers: uniform over the simplex, Dirichlet around given weights, hit-and-run.

:func:`hit_and_run` draws weights uniformly from the polytope that linear constraints
(:mod:`mcda.sensitivity.weight_constraints`) cut out of the simplex, as R's ``hitandrun``
does [1]_: the chains start at the Chebyshev centre (the centre of the largest ball inside
the polytope, one LP), then each step draws a direction uniformly on the unit sphere of
the simplex's affine hull ``sum_j w_j = 1`` and moves to a uniform point of the chord
through the current point in that direction. Many chains run side by side (vectorised);
each is burnt in and thinned, and their draws are interleaved.

References
----------
.. [1] Tervonen, T., van Valkenhoef, G., Basturk, N. & Postmus, D. (2013). Hit-And-Run
   enables efficient weight generation for simulation-based multiple criteria decision
   analysis. *European Journal of Operational Research* 224(3), 552-559.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from mcda.errors import MatrixError
from mcda.sensitivity.acceptability import dirichlet_weights
from mcda.sensitivity.weight_constraints import WeightConstraint, inequalities

__all__ = ["dirichlet_weights", "hit_and_run", "uniform_simplex"]

#: Radius of the largest inscribed ball below which the polytope counts as flat or empty [-].
MIN_RADIUS = 1e-9

#: Steps between recomputations of the slack of every constraint.
_REFRESH = 50


def uniform_simplex(criteria: int, n: int, seed: int) -> npt.NDArray[np.float64]:
    """Weight vectors uniform over the simplex (no weight information).

    Parameters
    ----------
    criteria : int
        Number of criteria k >= 1.
    n : int
        Number of vectors.
    seed : int
        Seed of numpy's default generator.

    Returns
    -------
    numpy.ndarray
        n x k, rows non-negative and summing to 1; the same stream as
        ``dirichlet_weights(..., concentration=None)``.
    """
    return dirichlet_weights(np.full(criteria, 1.0 / criteria), n, None, seed)


def _hull_basis(k: int) -> npt.NDArray[np.float64]:
    """Orthonormal basis (k x k-1) of the directions with ``sum_j d_j = 0``."""
    _, _, vt = np.linalg.svd(np.ones((1, k)))
    basis: npt.NDArray[np.float64] = vt[1:].T
    return basis


def _chebyshev(
    a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], float]:
    """Centre and radius of the largest ball in ``{y : a y <= b}`` (radius 0 if none)."""
    from scipy.optimize import linprog  # imported here: scipy.optimize is slow to load

    norms = np.linalg.norm(a, axis=1)
    objective = np.zeros(a.shape[1] + 1)
    objective[-1] = -1.0
    done = linprog(
        objective,
        A_ub=np.column_stack([a, norms]),
        b_ub=b,
        bounds=[(None, None)] * a.shape[1] + [(0.0, None)],
        method="highs",
    )
    if done.status != 0:
        return np.zeros(a.shape[1]), 0.0
    return np.asarray(done.x[:-1], dtype=float), float(done.x[-1])


def _conflict(
    a: npt.NDArray[np.float64], b: npt.NDArray[np.float64], texts: list[str], fixed: int
) -> list[str]:
    """A minimal set of the caller's rows that leave no interior (deletion filter).

    Rows ``0..fixed-1`` (non-negativity) are always kept; each other row is dropped for
    good when the rest still leave no interior, so every row left is needed.
    """
    kept = list(range(fixed, len(b)))
    for row in list(kept):
        trial = [r for r in kept if r != row]
        rows = list(range(fixed)) + trial
        if _chebyshev(a[rows], b[rows])[1] <= MIN_RADIUS:
            kept = trial
    return [texts[r] for r in kept]


def hit_and_run(
    criteria: Sequence[str],
    constraints: Iterable[WeightConstraint],
    n: int,
    seed: int,
    thin: int | None = None,
    chains: int = 100,
    burn_in: int | None = None,
) -> npt.NDArray[np.float64]:
    """Weight vectors uniform over the simplex cut by linear constraints.

    Parameters
    ----------
    criteria : sequence of str
        Criterion labels (k >= 2), fixing the column order.
    constraints : iterable of WeightConstraint
        Linear constraints; ``w >= 0`` and ``sum w = 1`` are implied.
    n : int
        Number of vectors.
    seed : int
        Seed of numpy's default generator.
    thin : int, optional
        Steps of a chain between two kept draws; default k, the dimension.
    chains : int
        Chains run side by side (fewer if n is smaller). Successive draws of one chain are
        correlated (unbiased for averages, but fewer effective samples); more chains or a
        larger `thin` make the draws closer to independent.
    burn_in : int, optional
        Steps of each chain before its first kept draw; default 100 k.

    Returns
    -------
    numpy.ndarray
        n x k, rows non-negative, summing to 1, satisfying every constraint (to 1e-9).

    Raises
    ------
    MatrixError
        If k < 2, n < 1, a constraint names an unknown criterion, or the constraints leave
        no full-dimensional polytope (empty, or flat such as ``w[a] >= w[b] >= w[a]``):
        the message names a minimal set of constraints that conflict.
    """
    k = len(criteria)
    if k < 2 or n < 1:
        raise MatrixError(f"hit-and-run needs >= 2 criteria and n >= 1, not {k} and {n}")
    a, b, texts = inequalities(constraints, criteria)
    centre = np.full(k, 1.0 / k)
    basis = _hull_basis(k)
    # In hull coordinates y (w = centre + basis y) the polytope is {y : a_y y <= b_y}.
    a_y, b_y = a @ basis, b - a @ centre
    start, radius = _chebyshev(a_y, b_y)
    if radius <= MIN_RADIUS:
        conflict = _conflict(a_y, b_y, texts, k)
        raise MatrixError(
            "weight constraints leave no weights to draw (empty or flat polytope); "
            f"these conflict: {'; '.join(conflict)}"
        )
    thin = k if thin is None else thin
    burn_in = 100 * k if burn_in is None else burn_in
    chains = min(chains, n)
    per_chain = -(-n // chains)
    rng = np.random.default_rng(seed)
    y = np.repeat(start[np.newaxis], chains, axis=0)
    kept = np.empty((per_chain, chains, k))
    steps = burn_in + (per_chain - 1) * thin + 1
    record = 0
    with threadpool_limits(limits=1, user_api="blas"), np.errstate(divide="ignore"):
        for step in range(steps):
            if step % _REFRESH == 0:
                # Recomputed now and then so that rounding cannot drift out of the polytope.
                slack = np.maximum(b_y - y @ a_y.T, 0.0)
            direction = rng.standard_normal((chains, k - 1))
            direction /= np.sqrt(np.einsum("ij,ij->i", direction, direction))[:, np.newaxis]
            speed = direction @ a_y.T
            # slack >= 0, so speed / slack has the sign of speed: the chord ends where the
            # largest positive and the most negative ratios say, with no masking.
            ratio = speed / slack
            upper, lower = 1.0 / ratio.max(axis=1), 1.0 / ratio.min(axis=1)
            t = lower + rng.random(chains) * (upper - lower)
            y += t[:, np.newaxis] * direction
            slack -= t[:, np.newaxis] * speed
            np.maximum(slack, 0.0, out=slack)
            if step >= burn_in and (step - burn_in) % thin == 0:
                kept[record] = centre + y @ basis.T
                record += 1
    # Interleave the chains so that any prefix of the draws mixes all of them.
    return kept.reshape(per_chain * chains, k)[:n]
