"""optimize/ is a chain of stage packages; each imports only from itself and earlier stages.

case -> casefiles | appraisal -> model -> sweeps -> pipeline -> report -> workspace -> cli, with
the shared leaves errors and spreadsheet first. casefiles and appraisal sit side by side and may
not import each other. optimize reaches mcda only through its public facades.
"""

import ast
from pathlib import Path

import pytest

OPTIMIZE = Path(__file__).resolve().parents[2] / "optimize"

#: Rank of each stage; a module may import a stage of lower or equal rank only.
RANK = {
    "errors": 0,
    "spreadsheet": 0,
    "messages": 0,
    "case": 1,
    "casefiles": 2,
    "appraisal": 2,
    "model": 3,
    "sweeps": 4,
    "pipeline": 5,
    "report": 6,
    "workspace": 7,
    "cli": 8,
    "__main__": 9,
}
#: Stages of equal rank that must not import each other.
SIBLINGS = {frozenset({"casefiles", "appraisal"})}
MCDA_FACADES = {"mcda", "mcda.ahp", "mcda.methods", "mcda.sensitivity", "mcda.plots"}


def stage_of(module: str) -> str | None:
    """The stage of ``optimize.<stage>[.…]``, or None for the package itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every module imported by `path` (absolute imports only), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import"
            found += [(node.lineno, node.module)]
            if node.module == "optimize":
                found += [(node.lineno, f"optimize.{alias.name}") for alias in node.names]
    return found


def violations(root: Path, facades_only: bool = False) -> list[str]:
    """Imports that point backwards or sideways between siblings (or, with `facades_only`,
    into mcda's internals)."""
    bad = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent).with_suffix("")
        own = stage_of(".".join(relative.parts))
        if own is None or own == "__init__":
            continue
        for line, module in imports_of(path):
            where = f"{relative}.py:{line} imports {module}"
            if facades_only:
                if module.split(".")[0] == "mcda" and module not in MCDA_FACADES:
                    bad.append(f"{where} (use a facade: {', '.join(sorted(MCDA_FACADES))})")
                continue
            if not module.startswith("optimize."):
                continue
            other = stage_of(module)
            if other is None or other == own or other not in RANK:
                continue
            if RANK[other] > RANK[own]:
                bad.append(f"{where} (a later stage)")
            elif frozenset({own, other}) in SIBLINGS:
                bad.append(f"{where} (a sibling stage)")
    return bad


def test_every_module_belongs_to_a_stage() -> None:
    stages = {p.name.removesuffix(".py") for p in OPTIMIZE.iterdir() if p.name != "__init__.py"}
    stages -= {"py.typed", "__pycache__", "_cases"}
    assert stages == set(RANK)


def test_imports_follow_the_stages() -> None:
    assert violations(OPTIMIZE) == []


def test_mcda_is_reached_through_its_facades() -> None:
    assert violations(OPTIMIZE, facades_only=True) == []


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("case/planted.py", "from optimize.model import solve\n"),
        ("casefiles/planted.py", "from optimize.appraisal import appraise\n"),
        ("pipeline.py", "from optimize.report.summary import summarize\n"),
    ],
)
def test_a_planted_backward_import_is_caught(tmp_path, module, line) -> None:
    root = tmp_path / "optimize"
    for stage in RANK:
        (root / stage).mkdir(parents=True)
    target = root / module
    target.write_text(line, encoding="utf-8")
    assert len(violations(root)) == 1


def test_a_planted_deep_mcda_import_is_caught(tmp_path) -> None:
    root = tmp_path / "optimize"
    (root / "model").mkdir(parents=True)
    (root / "model" / "planted.py").write_text("from mcda.ahp.priorities import priorities\n")
    assert len(violations(root, facades_only=True)) == 1
