"""Rank acceptability: our vectorised TOPSIS against pymcdm's per-call TOPSIS loop.

Problem: 100 000 Dirichlet weight samples x 25 alternatives x 18 criteria (synthetic scores,
fixed seed). Ours runs the whole 100 000. The pymcdm loop (one TOPSIS call and one ranking
per sample, vector normalisation as in ours) is timed on the first 2 000 of the *same*
samples and extrapolated linearly to 100 000; the two acceptability matrices on those
2 000 samples must agree exactly. Times are medians of several runs; peak memory is
measured in a separate tracemalloc run (tracemalloc slows the code down, so it is not
timed). Run: python benchmarks/rank_acceptability.py
"""

from __future__ import annotations

import os
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from importlib.metadata import version

import numpy as np
import pandas as pd
from pymcdm import normalizations
from pymcdm.methods import TOPSIS

from mcda.sensitivity import rank_acceptability
from mcda.sensitivity.acceptability import dirichlet_weights

SAMPLES = 100_000
LOOP_SAMPLES = 2_000
ALTERNATIVES = 25
CRITERIA = 18
CONCENTRATION = 100.0
SEED = 1
RUNS = 5
LOOP_RUNS = 3


def synthetic_problem() -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Scores in [1, 100], every third criterion a cost, random weights."""
    rng = np.random.default_rng(0)
    criteria = [f"C{j + 1}" for j in range(CRITERIA)]
    matrix = pd.DataFrame(
        rng.uniform(1, 100, (ALTERNATIVES, CRITERIA)),
        index=[f"A{i + 1}" for i in range(ALTERNATIVES)],
        columns=criteria,
    )
    weights = pd.Series(rng.dirichlet(np.full(CRITERIA, 5.0)), index=criteria)
    directions = pd.Series(
        ["cost" if j % 3 == 2 else "benefit" for j in range(CRITERIA)], index=criteria
    )
    return matrix, weights, directions


def pymcdm_loop(matrix: pd.DataFrame, types: np.ndarray, samples: np.ndarray) -> np.ndarray:
    """Acceptability counted one pymcdm TOPSIS call per weight sample."""
    method = TOPSIS(normalizations.vector_normalization)
    values = matrix.to_numpy()
    counts = np.zeros((len(matrix), len(matrix)))
    for w in samples:
        # pymcdm's own ranking (average ranks on ties; the synthetic scores have none).
        ranks = method.rank(method(values, w, types, validation=False)).astype(int)
        counts[np.arange(len(matrix)), ranks - 1] += 1
    return counts / len(samples)


def median_seconds(task: Callable[[], object], runs: int) -> float:
    """Median wall time of `runs` calls [s]."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        task()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    matrix, weights, directions = synthetic_problem()
    types = np.where(directions.to_numpy() == "benefit", 1, -1)

    def ours() -> object:
        return rank_acceptability(
            matrix, weights, directions, n=SAMPLES, seed=SEED, concentration=CONCENTRATION
        )

    all_samples = dirichlet_weights(weights.to_numpy(), SAMPLES, CONCENTRATION, SEED)
    subset = all_samples[:LOOP_SAMPLES]
    first = dirichlet_weights(weights.to_numpy(), LOOP_SAMPLES, CONCENTRATION, SEED)
    assert np.array_equal(first, subset), "sample streams differ"
    ours_subset = rank_acceptability(
        matrix, weights, directions, n=LOOP_SAMPLES, seed=SEED, concentration=CONCENTRATION
    ).acceptability.to_numpy()
    assert np.allclose(pymcdm_loop(matrix, types, subset), ours_subset, atol=1e-12)

    ours()  # warm-up (imports, caches)
    ours_time = median_seconds(ours, RUNS)
    loop_time = median_seconds(lambda: pymcdm_loop(matrix, types, subset), LOOP_RUNS)
    loop_full = loop_time * SAMPLES / LOOP_SAMPLES

    tracemalloc.start()
    ours()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(
        f"rank acceptability, TOPSIS (vector, Euclidean): {SAMPLES:,} weight samples x "
        f"{ALTERNATIVES} alternatives x {CRITERIA} criteria"
    )
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, pymcdm "
        f"{version('pymcdm')}, {os.cpu_count()} CPUs"
    )
    print()
    print("| implementation | samples timed | median time [s] | time for 100 000 [s] |")
    print("|---|---|---|---|")
    print(
        f"| mcda (vectorised, chunked) | {SAMPLES:,} (x{RUNS}) | {ours_time:.3f} | "
        f"{ours_time:.3f} |"
    )
    print(
        f"| pymcdm TOPSIS per call | {LOOP_SAMPLES:,} (x{LOOP_RUNS}) | {loop_time:.3f} | "
        f"{loop_full:.1f} (extrapolated x{SAMPLES // LOOP_SAMPLES}) |"
    )
    print()
    print(f"speed-up: {loop_full / ours_time:.0f}x")
    print(f"peak traced memory of mcda for {SAMPLES:,} samples: {peak / 2**20:.1f} MiB")
    print(f"target <= 1 s: {'met' if ours_time <= 1.0 else 'NOT met'}")
    print(f"acceptability on the first {LOOP_SAMPLES:,} samples: identical to the pymcdm loop")


if __name__ == "__main__":
    main()
