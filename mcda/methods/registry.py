"""The one registry that maps a method name to its implementation and its source."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from mcda.errors import MatrixError
from mcda.methods.copras import copras
from mcda.methods.mabac import mabac
from mcda.methods.promethee import promethee_ii
from mcda.methods.spotis import spotis
from mcda.methods.topsis import topsis, topsis_batch
from mcda.methods.vikor import vikor
from mcda.methods.waspas import waspas, waspas_batch
from mcda.methods.wpm import wpm
from mcda.methods.wsm import wsm
from mcda.problem import Problem

Scorer = Callable[..., pd.DataFrame]
BatchScorer = Callable[..., npt.NDArray[np.float64]]


@dataclass(frozen=True)
class Method:
    """A ranking method.

    Attributes
    ----------
    name : str
        Registry key.
    score : callable
        ``score(problem, **options)`` -> DataFrame with a ``score`` column (higher is
        better) and any method-specific columns.
    reference : str
        The source whose numbers the implementation reproduces.
    batch : callable or None
        ``batch(problem, samples, **options)`` -> samples x alternatives scores, vectorised
        over weight samples; None when only the per-sample loop exists.
    """

    name: str
    score: Scorer
    reference: str
    batch: BatchScorer | None = None

    def check_options(self, options: Mapping[str, Any]) -> None:
        """Refuse options the method does not take.

        Raises
        ------
        MatrixError
            Naming the unknown options and the ones the method takes.
        """
        accepted = list(inspect.signature(self.score).parameters)[1:]
        unknown = sorted(set(options) - set(accepted))
        if unknown:
            raise MatrixError(
                f"method {self.name!r} has no option {unknown}; it takes {accepted or 'none'}"
            )


METHODS: dict[str, Method] = {
    method.name: method
    for method in (
        Method(
            "topsis",
            topsis,
            "Hwang & Yoon (1981), Multiple Attribute Decision Making",
            topsis_batch,
        ),
        Method("vikor", vikor, "Opricovic & Tzeng (2004), EJOR 156(2):445-455"),
        Method("promethee_ii", promethee_ii, "Brans & Vincke (1985), Management Science 31(6)"),
        Method("spotis", spotis, "Dezert et al. (2020), IEEE FUSION; bounds or an ESP"),
        Method("wsm", wsm, "Triantaphyllou (2000), MCDM Methods: A Comparative Study, 2.2.1"),
        Method("wpm", wpm, "Triantaphyllou (2000), MCDM Methods: A Comparative Study, 2.2.2"),
        Method("copras", copras, "Zavadskas, Kaklauskas & Šarka (1994), TEDE 1(3)"),
        Method("mabac", mabac, "Pamučar & Ćirović (2015), ESWA 42(6):3016-3028"),
        Method(
            "waspas", waspas, "Zavadskas et al. (2012), Elektron. Elektrotech. 122(6)", waspas_batch
        ),
    )
}


def methods() -> list[str]:
    """Names of the registered ranking methods."""
    return sorted(METHODS)


def lookup(name: str) -> Method:
    """The registered method called `name`.

    Raises
    ------
    MatrixError
        On an unknown name, listing the available ones.
    """
    if name not in METHODS:
        raise MatrixError(f"unknown ranking method {name!r}; available: {methods()}")
    return METHODS[name]


def scores_for_weights(
    problem: Problem, samples: npt.NDArray[np.float64], name: str, **options: Any
) -> npt.NDArray[np.float64]:
    """Scores of every alternative under each of many weight vectors.

    Vectorised when the method has a batch form (TOPSIS); otherwise one call per sample.

    Parameters
    ----------
    problem : Problem
        The decision problem (its own weights are ignored).
    samples : numpy.ndarray
        Weight vectors, samples x criteria [-], each non-negative and summing to 1.
    name : str
        A registered method.
    **options
        The method's options.

    Returns
    -------
    numpy.ndarray
        Samples x alternatives scores, higher is better.
    """
    method = lookup(name)
    method.check_options(options)
    if method.batch is not None:
        return method.batch(problem, samples, **options)
    return np.array(
        [
            method.score(problem.with_weights(row), **options)["score"].to_numpy(dtype=float)
            for row in samples
        ]
    ).reshape(len(samples), len(problem.matrix))
