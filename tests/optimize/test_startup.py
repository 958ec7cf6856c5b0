"""Start-up cost: each command loads the heavy libraries it needs, when it needs them."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY = [
    "pyomo",
    "highspy",
    "matplotlib",
    "matplotlib.pyplot",
    "pymcdm",
    "SALib",
    "scipy",
    "openpyxl",
    "jinja2",
    "dask",
    "joblib",
]


def loaded_after(code: str) -> list[str]:
    """Which of HEAVY a fresh interpreter has imported after running `code`."""
    probe = (
        f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True
    )
    return list(json.loads(done.stdout.splitlines()[-1]))


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    assert loaded_after("import optimize.cli") == []


def validate_in_a_fresh_process(case: Path) -> list[str]:
    """Which of HEAVY ``clusterplan validate CASE`` loads."""
    validate = (
        "import sys\nfrom optimize.cli import main\n"
        f"sys.argv = ['clusterplan', 'validate', {str(case)!r}]\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code\n"
    )
    return loaded_after(validate)


def test_validate_loads_no_solver_and_no_report_stack(tiny_path) -> None:
    loaded = validate_in_a_fresh_process(tiny_path)
    assert not {"pyomo", "highspy", "openpyxl", "jinja2", "SALib", "dask", "joblib"} & set(loaded)


def test_validate_loads_no_ranking_or_plotting_library(tiny_path) -> None:
    assert validate_in_a_fresh_process(tiny_path) == []


def test_solving_does_not_load_scipy_stats(tiny_path) -> None:
    """Pyomo's import hook on scipy would load scipy.stats (~0.3 s) for every solve."""
    solve = (
        "import sys\nfrom optimize.cli import main\n"
        f"sys.argv = ['clusterplan', 'allocate', {str(tiny_path)!r}, '--json']\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    assert not stop.code\n"
        "assert 'scipy.sparse' in sys.modules and 'pyomo' in sys.modules\n"
        "print('stats' if 'scipy.stats' in sys.modules else 'no stats')"
    )
    done = subprocess.run(
        [sys.executable, "-c", solve], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.splitlines()[-1] == "no stats"
