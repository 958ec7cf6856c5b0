"""Group judgments: several experts' matrices aggregated into one set of priorities.

- AIJ (aggregation of individual judgments): the weighted geometric mean of the experts'
  matrices, a_ij = prod_k a_ij,k ^ lambda_k. It is the only mean that keeps the aggregate
  reciprocal [1]_, so the group matrix has its own lambda_max and CR [2]_.
- AIP (aggregation of individual priorities): each expert's priorities first, then their
  weighted geometric mean, normalised [2]_. There is no group matrix; each expert's CR stands.

Agreement between experts:

- ``consensus``: Goepel's relative homogeneity S in [0, 1] [3]_, from Shannon entropies of the
  experts' priorities (Jost's alpha/beta/gamma decomposition [4]_): H_alpha = sum_k lambda_k
  H(w_k), H_gamma = H(sum_k lambda_k w_k), D_beta = exp(H_gamma - H_alpha) and
  S = (1 / D_beta - 1 / n) / (1 - 1 / n). S = 1 when all experts give the same priorities,
  0 when n experts each put all weight on a different item. This is Goepel's general S, not
  his AHP-scale-adjusted S* (which rescales by bounds that depend on the scale's maximum).
- ``compatibility``: Saaty's compatibility index of each expert's matrix A_k with the group
  priorities w, S(A_k, w) = (1 / n^2) sum_ij a_ij,k w_j / w_i; 1 for a matrix that agrees
  exactly, and Saaty advises that it not exceed 1.1 [5]_.

References
----------
.. [1] Aczél, J., & Saaty, T. L. (1983). Procedures for synthesizing ratio judgements.
   *Journal of Mathematical Psychology* 27(1), 93-102.
.. [2] Forman, E., & Peniwati, K. (1998). Aggregating individual judgments and priorities with
   the analytic hierarchy process. *European Journal of Operational Research* 108(1), 165-169.
.. [3] Goepel, K. D. (2013). Implementing the analytic hierarchy process as a standard method
   for multi-criteria decision making in corporate enterprises - a new AHP Excel template
   with multiple inputs. *Proceedings of the International Symposium on the AHP*, Kuala
   Lumpur.
.. [4] Jost, L. (2007). Partitioning diversity into independent alpha and beta components.
   *Ecology* 88(10), 2427-2439.
.. [5] Saaty, T. L., & Peniwati, K. (2008). *Group Decision Making: Drawing out and
   Reconciling Differences*. RWS Publications, Pittsburgh.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.ahp.pairwise import Reciprocity, pairwise_matrix
from mcda.ahp.priorities import AHPResult, Method, priorities
from mcda.errors import JudgmentError

GroupMethod = Literal["aij", "aip"]
GROUP_METHODS = ("aij", "aip")

#: Saaty's largest acceptable compatibility index [-].
COMPATIBILITY_THRESHOLD = 1.1

Matrices = Mapping[str, pd.DataFrame | npt.ArrayLike] | Sequence[pd.DataFrame | npt.ArrayLike]


@dataclass(frozen=True)
class GroupResult:
    """Group priorities of one comparison and how well the experts agree.

    Attributes
    ----------
    weights : pandas.Series
        Group priority per item [-], sums to 1.
    how : str
        ``"aij"`` or ``"aip"``.
    expert_weights : pandas.Series
        Weight of each expert [-], sums to 1.
    experts : mapping of str to AHPResult
        Each expert's own priorities and consistency.
    matrix : pandas.DataFrame or None
        The group matrix (AIJ); None for AIP.
    aggregate : AHPResult or None
        The group matrix's priorities and consistency (AIJ); None for AIP.
    consensus : float
        Goepel's relative homogeneity of the experts' priorities [-], in [0, 1].
    compatibility : pandas.Series
        Saaty's compatibility index of each expert's matrix with the group weights [-];
        above :data:`COMPATIBILITY_THRESHOLD` the expert is incompatible with the group.
    """

    weights: pd.Series
    how: str
    expert_weights: pd.Series
    experts: Mapping[str, AHPResult]
    matrix: pd.DataFrame | None
    aggregate: AHPResult | None
    consensus: float
    compatibility: pd.Series

    @property
    def deciding(self) -> list[AHPResult]:
        """The results whose CR decides whether the group's weights stand.

        The group matrix (AIJ) when there is one, or else every expert's matrix (AIP).
        """
        return [self.aggregate] if self.aggregate is not None else list(self.experts.values())

    @property
    def cr(self) -> float:
        """CR of the group matrix (AIJ), or the worst expert's CR (AIP) [-]."""
        return max(result.cr for result in self.deciding)

    @property
    def acceptable(self) -> bool:
        """Whether every deciding matrix is acceptably consistent."""
        return all(result.acceptable for result in self.deciding)


def aggregate(
    matrices: Matrices,
    expert_weights: Mapping[str, float] | Sequence[float] | None = None,
    how: GroupMethod = "aij",
    *,
    method: Method = "eigenvector",
    ri: str = "saaty",
    reciprocal: Reciprocity = "full",
) -> GroupResult:
    """Aggregate several experts' judgments on the same items into group priorities.

    Parameters
    ----------
    matrices : mapping of str to matrix, or sequence of matrices
        Each expert's complete pairwise-comparison matrix on the same items (labels may come
        in any order); a sequence names experts ``"expert 1"``, ``"expert 2"``, ...
    expert_weights : mapping or sequence of float, optional
        Non-negative weight of each expert [-], normalised to sum 1; equal when omitted.
    how : {"aij", "aip"}
        Aggregate judgments (weighted geometric mean of the matrices) or priorities (weighted
        geometric mean of the experts' priority vectors).
    method : {"eigenvector", "geometric_mean"}
        How priorities are derived from a matrix.
    ri : str
        Random-index table for every CR (see :data:`mcda.ahp.consistency.RI_TABLES`).
    reciprocal : {"full", "upper"}
        Check each whole matrix, or read only its upper triangle.

    Returns
    -------
    GroupResult

    Raises
    ------
    JudgmentError
        On a malformed or incomplete matrix (naming the expert and cell), matrices on
        different items, bad expert weights or an unknown `how`.
    """
    if how not in GROUP_METHODS:
        raise JudgmentError(f"unknown group aggregation {how!r} (use 'aij' or 'aip')")
    frames = expert_matrices(matrices, reciprocal)
    share = normalised_weights(expert_weights, list(frames))
    items = next(iter(frames.values())).index
    experts = {name: priorities(frame, method, ri) for name, frame in frames.items()}
    lambdas = share.to_numpy()
    matrix: pd.DataFrame | None = None
    combined: AHPResult | None = None
    if how == "aij":
        logs = np.tensordot(lambdas, np.log(np.stack([f.to_numpy() for f in frames.values()])), 1)
        matrix = pd.DataFrame(np.exp(logs), index=items, columns=items)
        combined = priorities(matrix, method, ri)
        weights = combined.weights
    else:
        logs = lambdas @ np.log(np.stack([r.weights.to_numpy() for r in experts.values()]))
        vector = np.exp(logs)
        weights = pd.Series(vector / vector.sum(), index=items, name="weight")
    profiles = pd.DataFrame({name: result.weights for name, result in experts.items()})
    compatibility = pd.Series(
        {name: compatibility_index(frame, weights) for name, frame in frames.items()},
        name="compatibility",
    )
    return GroupResult(
        weights,
        how,
        share,
        experts,
        matrix,
        combined,
        relative_homogeneity(profiles, share),
        compatibility,
    )


def expert_matrices(matrices: Matrices, reciprocal: Reciprocity) -> dict[str, pd.DataFrame]:
    """Validated complete matrices by expert, all in the first expert's item order.

    Raises
    ------
    JudgmentError
        If there is no matrix, one is malformed or incomplete, or they compare different items.
    """
    named = (
        dict(matrices)
        if isinstance(matrices, Mapping)
        else {f"expert {k}": m for k, m in enumerate(matrices, start=1)}
    )
    if not named:
        raise JudgmentError("no expert matrices to aggregate")
    frames: dict[str, pd.DataFrame] = {}
    for name, matrix in named.items():
        try:
            frames[str(name)] = pairwise_matrix(matrix, reciprocal=reciprocal)
        except JudgmentError as exc:
            raise JudgmentError(f"expert {name!r}: {exc}") from None
    first, *others = frames
    items = frames[first].index
    for name in others:
        if set(frames[name].index) != set(items):
            raise JudgmentError(
                f"expert {name!r} compares {sorted(map(str, frames[name].index))}, "
                f"expert {first!r} compares {sorted(map(str, items))}"
            )
        frames[name] = frames[name].loc[items, items]
    return frames


def normalised_weights(
    weights: Mapping[str, float] | Sequence[float] | None, experts: list[str]
) -> pd.Series:
    """Expert weights aligned to `experts`, normalised to sum 1 [-].

    Raises
    ------
    JudgmentError
        If an expert has no weight, a weight names no expert, a weight is negative or not
        finite, or all weights are zero.
    """
    if weights is None:
        raw = pd.Series(1.0, index=experts)
    elif isinstance(weights, Mapping):
        unknown = sorted(set(map(str, weights)) - set(experts))
        if unknown:
            raise JudgmentError(f"expert weight given for {unknown[0]!r}, who judged nothing")
        missing = [name for name in experts if name not in weights]
        if missing:
            raise JudgmentError(f"expert {missing[0]!r} has no weight")
        raw = pd.Series({name: weights[name] for name in experts}, dtype=float)
    else:
        if len(weights) != len(experts):
            raise JudgmentError(f"{len(weights)} expert weights for {len(experts)} experts")
        raw = pd.Series(list(weights), index=experts, dtype=float)
    bad = raw[~(np.isfinite(raw) & (raw >= 0))]
    if len(bad):
        raise JudgmentError(f"weight of expert {bad.index[0]!r} is {bad.iloc[0]}; it must be >= 0")
    if raw.sum() <= 0:
        raise JudgmentError("expert weights are all zero")
    return (raw / raw.sum()).rename("expert_weight")


def relative_homogeneity(profiles: pd.DataFrame, expert_weights: pd.Series | None = None) -> float:
    """Goepel's relative homogeneity S of several priority vectors [-], in [0, 1].

    Parameters
    ----------
    profiles : pandas.DataFrame
        Items (index) x experts (columns); each column a priority vector summing to 1.
    expert_weights : pandas.Series, optional
        Weight per expert [-], summing to 1; equal when omitted.

    Returns
    -------
    float
        1 when all vectors are equal; 0 when n experts each weight a different single item.
    """
    values = profiles.to_numpy(dtype=float)
    n, experts = values.shape
    share = (
        np.full(experts, 1.0 / experts)
        if expert_weights is None
        else expert_weights.loc[profiles.columns].to_numpy(dtype=float)
    )
    if n < 2:
        return 1.0
    alpha = float(share @ np.array([shannon(values[:, k]) for k in range(experts)]))
    gamma = shannon(values @ share)
    beta_diversity = np.exp(gamma - alpha)
    return float((1.0 / beta_diversity - 1.0 / n) / (1.0 - 1.0 / n))


def shannon(p: npt.NDArray[np.float64]) -> float:
    """Shannon entropy -sum p ln p of a probability vector (0 ln 0 = 0) [nat]."""
    positive = p[p > 0]
    return float(-(positive * np.log(positive)).sum())


def compatibility_index(matrix: pd.DataFrame, weights: pd.Series) -> float:
    """Saaty's compatibility index (1 / n^2) sum_ij a_ij w_j / w_i of a matrix with weights [-]."""
    w = weights.loc[matrix.index].to_numpy(dtype=float)
    return float((matrix.to_numpy() * np.outer(1.0 / w, w)).sum() / len(w) ** 2)
