"""SMAA-2 with TOPSIS on joint samples: vectorised and chunked against a per-sample loop.

Problem: 100 000 joint samples x 25 alternatives x 18 criteria. Values: a synthetic point
matrix (scores in [1, 100], every third criterion a cost) times independent U(0.8, 1.2)
noise per cell and sample; weights: Dirichlet(concentration 100) around random weights.
Both are drawn before timing: the 100 000 x 25 x 18 float64 values take 343 MiB of the
caller's memory, outside the call. Every output is computed: rank and holistic
acceptability, central weights, confidence factors (a second pass over the values),
pairwise winning indices and tiers.

Baseline, measured in the same run: a straightforward loop that scores each sample with
``mcda.rank`` (TOPSIS, vector normalisation) for the acceptability, winning indices and
central weights, then once more per sample and alternative for the confidence factors. It
runs on the first 2 000 samples and is extrapolated linearly; on those samples its
indices must equal ours. Times are medians (wall clock and process CPU); peak memory is
traced in a separate run (tracemalloc slows the code, so it is not timed). Ours runs on one
thread and on the default number (``WORKERS``, one per core); both give the same result to
the last bit, which is checked. On a shared, busy machine wall time exceeds CPU time; both
are printed, with the load average. Run: python benchmarks/smaa.py
"""

from __future__ import annotations

import os
import platform
import tracemalloc

import numpy as np
import pandas as pd
from timing import timed

from mcda import rank
from mcda.ranks import competition_ranks
from mcda.sensitivity import SMAAResult, smaa
from mcda.sensitivity.acceptability import dirichlet_weights
from mcda.sensitivity.smaa import WORKERS

SAMPLES = 100_000
LOOP_SAMPLES = 2_000
ALTERNATIVES = 25
CRITERIA = 18
RUNS = 5
TARGET_SECONDS = 1.0
TARGET_MIB = 500.0


def synthetic() -> tuple[np.ndarray, np.ndarray, list[str], list[str], dict[str, str]]:
    """Joint samples of values and weights, labels and directions."""
    rng = np.random.default_rng(0)
    alternatives = [f"A{i + 1}" for i in range(ALTERNATIVES)]
    criteria = [f"C{j + 1}" for j in range(CRITERIA)]
    base = rng.uniform(1, 100, (ALTERNATIVES, CRITERIA))
    values = base * rng.uniform(0.8, 1.2, (SAMPLES, ALTERNATIVES, CRITERIA))
    centre = rng.dirichlet(np.full(CRITERIA, 5.0))
    weights = dirichlet_weights(centre, SAMPLES, 100.0, 1)
    directions = {c: "cost" if j % 3 == 2 else "benefit" for j, c in enumerate(criteria)}
    return values, weights, alternatives, criteria, directions


def loop(
    values: np.ndarray,
    weights: np.ndarray,
    alternatives: list[str],
    criteria: list[str],
    directions: dict[str, str],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Acceptability, winning indices and confidence factors, one ranking per call."""

    def scores(k: int, w: np.ndarray) -> np.ndarray:
        frame = pd.DataFrame(values[k], index=alternatives, columns=criteria)
        ranked = rank(frame, pd.Series(w, index=criteria), directions)
        return ranked.loc[alternatives, "score"].to_numpy()

    n, m = len(values), len(alternatives)
    all_scores = np.array([scores(k, weights[k]) for k in range(n)])
    ranks = competition_ranks(all_scores)
    acceptability = np.stack([(ranks == r).mean(axis=0) for r in range(1, m + 1)], axis=1)
    winning = (all_scores[:, :, None] > all_scores[:, None, :]).mean(axis=0)
    first = ranks == 1
    confidence = np.full(m, np.nan)
    for i in np.flatnonzero(first.any(axis=0)):
        central = weights[first[:, i]].mean(axis=0)
        hits = [competition_ranks(scores(k, central))[i] == 1 for k in range(n)]
        confidence[i] = np.mean(hits)
    return acceptability, winning, confidence


def main() -> None:
    values, weights, alternatives, criteria, directions = synthetic()
    labels = (alternatives, criteria)

    def ours(workers: int = WORKERS) -> SMAAResult:
        return smaa(values, weights, *labels, directions, workers=workers)

    head = smaa(values[:LOOP_SAMPLES], weights[:LOOP_SAMPLES], *labels, directions)
    acceptability, winning, confidence = loop(
        values[:LOOP_SAMPLES], weights[:LOOP_SAMPLES], *labels, directions
    )
    assert np.allclose(head.acceptability.to_numpy(), acceptability, atol=1e-12)
    assert np.allclose(head.winning.to_numpy(), winning, atol=1e-12)
    np.testing.assert_allclose(head.confidence_factors.to_numpy(), confidence, atol=1e-12)

    result = ours()  # warm-up
    single = ours(1)
    for name in ("acceptability", "central_weights", "confidence_factors", "winning"):
        assert getattr(single, name).equals(getattr(result, name)), name
    one_wall, one_cpu = timed(lambda: ours(1), RUNS)
    ours_wall, ours_cpu = timed(ours, RUNS)
    loop_wall, loop_cpu = timed(
        lambda: loop(values[:LOOP_SAMPLES], weights[:LOOP_SAMPLES], *labels, directions), 1
    )
    scale = SAMPLES / LOOP_SAMPLES

    tracemalloc.start()
    ours()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(
        f"SMAA-2, TOPSIS (vector, Euclidean): {SAMPLES:,} joint samples x {ALTERNATIVES} "
        f"alternatives x {CRITERIA} criteria, every output"
    )
    print(f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs")
    print(f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| implementation | samples timed | wall [s] | CPU [s] | wall for 100 000 [s] | ratio |")
    print("|---|---|---|---|---|---|")
    print(
        f"| mcda.sensitivity.smaa, {WORKERS} threads | {SAMPLES:,} (x{RUNS}) | "
        f"{ours_wall:.2f} | {ours_cpu:.2f} | {ours_wall:.2f} | 1 |"
    )
    print(
        f"| mcda.sensitivity.smaa, 1 thread | {SAMPLES:,} (x{RUNS}) | {one_wall:.2f} | "
        f"{one_cpu:.2f} | {one_wall:.2f} | {one_wall / ours_wall:.2f} |"
    )
    print(
        f"| loop over mcda.rank | {LOOP_SAMPLES:,} (x1) | {loop_wall:.1f} | {loop_cpu:.1f} | "
        f"{loop_wall * scale:.0f} (x{scale:.0f}) | {loop_wall * scale / ours_wall:.0f} |"
    )
    print()
    print(
        f"peak traced memory of the call: {peak / 2**20:.1f} MiB "
        f"(the caller's values, outside it: {values.nbytes / 2**20:.0f} MiB)"
    )
    print(
        f"target wall <= {TARGET_SECONDS} s: {'met' if ours_wall <= TARGET_SECONDS else 'NOT met'}"
    )
    print(
        f"target memory <= {TARGET_MIB:.0f} MiB (traced): "
        f"{'met' if peak / 2**20 <= TARGET_MIB else 'NOT met'}"
    )
    print(f"on the first {LOOP_SAMPLES:,} samples: indices identical to the loop")
    print(f"1 thread and {WORKERS} threads: every output identical")
    print(f"tiers at confidence {result.confidence}: {len(result.tiers)}")


if __name__ == "__main__":
    main()
