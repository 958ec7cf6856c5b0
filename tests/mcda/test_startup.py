"""Importing mcda is cheap: heavy dependencies load only when a function needs them."""

import subprocess
import sys

import pytest

#: pymcdm imports matplotlib.pyplot; SALib and scipy.optimize take a large share of the rest.
HEAVY = ("pymcdm", "matplotlib.pyplot", "SALib", "scipy.optimize")


def loaded_after(statement: str) -> list[str]:
    """The HEAVY modules in sys.modules after `statement`, run in a fresh interpreter."""
    code = f"import sys\n{statement}\nprint(*[m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize(
    "statement",
    [
        "import mcda, mcda.ahp",
        "import mcda.methods, mcda.sensitivity, mcda.outranking",
        "from mcda import NORMALIZATIONS, compare, objective_weights, rank",
    ],
)
def test_importing_the_facades_loads_no_heavy_dependency(statement: str) -> None:
    assert loaded_after(statement) == []


def test_the_first_ranking_loads_pymcdm() -> None:
    # The check above would pass vacuously if HEAVY were misspelt: prove that it can see one.
    statement = (
        "import pandas as pd, mcda\n"
        "matrix = pd.DataFrame({'x': [1.0, 2.0], 'y': [3.0, 1.0]}, index=['a', 'b'])\n"
        "mcda.rank(matrix, pd.Series({'x': 0.5, 'y': 0.5}), {'x': 'benefit', 'y': 'cost'})"
    )
    assert loaded_after(statement) == ["pymcdm", "matplotlib.pyplot"]
