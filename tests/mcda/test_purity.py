"""mcda/ is a pure decision-analysis library: it never imports optimize or pyomo."""

import ast
import subprocess
import sys
from pathlib import Path

MCDA = Path(__file__).resolve().parents[2] / "mcda"
FORBIDDEN = ("optimize", "pyomo", "highspy")


def test_no_forbidden_import_statement() -> None:
    offenders = []
    for path in MCDA.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_mcda_loads_no_forbidden_module() -> None:
    code = (
        "import sys, mcda, mcda.ahp, mcda.ranking, mcda.hierarchy, mcda.decision\n"
        "import mcda.methods, mcda.sensitivity, mcda.plots\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
