"""Cheap invariants of the documentation sources (the build itself runs in CI via `make docs`)."""

import ast
import importlib
import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SUFFIXES = (".md", ".rst")
PAGES = sorted(
    p for p in DOCS.rglob("*") if p.suffix in SUFFIXES and "_build" not in p.relative_to(DOCS).parts
)
NOTEBOOKS = [p for p in PAGES if "file_format: mystnb" in p.read_text(encoding="utf-8")[:300]]

#: What docs, tests and benchmarks may import from: ``optimize`` or one of its stages.
STAGES = {p.parent.name for p in (ROOT / "optimize").glob("*/__init__.py")} | {
    "pipeline",
    "errors",
    "spreadsheet",
}

TOCTREE = re.compile(r"```\{toctree\}\n(.*?)```", re.S)
CODE_CELL = re.compile(r"```\{code-cell\}[^\n]*\n(.*?)```", re.S)
#: A whole code cell: up to the fence that closes it on a line of its own.
WHOLE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```$", re.S | re.M)
#: Decimal numbers typed in prose that are definitions, not results (Saaty's CR threshold,
#: the Python version).
ALLOWED_DECIMALS = {"0.1", "3.11"}


def toctree_entries(page: Path) -> list[Path]:
    entries = []
    for block in TOCTREE.findall(page.read_text(encoding="utf-8")):
        for line in block.splitlines():
            line = line.strip()
            if line and not line.startswith(":"):
                entries.append(page.parent / line)
    return entries


def resolve(entry: Path) -> Path | None:
    for suffix in SUFFIXES:
        if entry.with_suffix(suffix).is_file():
            return entry.with_suffix(suffix)
    return None


def prose(text: str) -> str:
    """The Markdown prose of a page: without front matter, code, math, roles and references."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", "", text, flags=re.S)
    text = re.sub(r"\{[\w:-]+\}`[^`]*`", "", text)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"§\d+(\.\d+)*", "", text)
    return re.sub(r"\b10\.\d{4,}/\S+", "", text)


def test_docs_exist_with_notebooks():
    assert (DOCS / "conf.py").is_file()
    assert (DOCS / "index.md").is_file()
    assert len(NOTEBOOKS) >= 8


def test_every_toctree_entry_exists_and_every_page_is_listed():
    listed = {DOCS / "index.md"}
    pending = [DOCS / "index.md"]
    while pending:
        for entry in toctree_entries(pending.pop()):
            page = resolve(entry)
            assert page is not None, f"toctree entry {entry} has no page"
            if page not in listed:
                listed.add(page)
                pending.append(page)
    assert set(PAGES) == listed


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda p: str(p.relative_to(DOCS)))
def test_each_notebook_page_glues_its_numbers(page):
    text = page.read_text(encoding="utf-8")
    assert "glue_values(" in text
    assert re.search(r"\{glue:(text|md)\}`", text)


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda p: str(p.relative_to(DOCS)))
def test_pages_showing_the_case_open_with_the_notice(page):
    text = page.read_text(encoding="utf-8")
    if "shipped()" not in text and "demo()" not in text:
        return
    first = CODE_CELL.search(text)
    assert first is not None
    assert "notice(case)" in first.group(1)
    assert "remove-input" in first.group(1)
    before = text[: first.start()]
    assert before.count("\n# ") + before.startswith("# ") == 1, "notice must follow the title"
    assert "\n## " not in before


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_computed_decimal_is_typed_in_prose(page):
    typed = set(re.findall(r"(?<![\w.])\d+\.\d+", prose(page.read_text(encoding="utf-8"))))
    assert typed <= ALLOWED_DECIMALS


@pytest.mark.parametrize("path", [*PAGES, *DOCS.glob("*.py")], ids=lambda p: p.name)
def test_no_machine_paths(path):
    assert not re.search(r"(?<![\w.])/(work|home|root|tmp|Users)/", path.read_text("utf-8"))


def conf_settings() -> dict[str, object]:
    tree = ast.parse((DOCS / "conf.py").read_text(encoding="utf-8"))
    settings = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                settings[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return settings


def test_notebooks_execute_at_every_build_and_nothing_needs_the_network():
    conf = conf_settings()
    assert conf["nb_execution_mode"] == "force"
    assert conf["nb_execution_raise_on_error"] is True
    assert conf["nb_output_stderr"] == "warn"
    assert not any("intersphinx" in e for e in conf["extensions"])


def test_make_docs_is_strict_and_ci_runs_it():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\ndocs: " in makefile
    options = re.search(r"SPHINXOPTS \?= (.*)", makefile)
    assert options is not None
    assert {"-E", "-W", "--keep-going"} <= set(options.group(1).split())
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci.index("make docs") > ci.index("make test")


def load_check_offline():
    spec = importlib.util.spec_from_file_location("check_offline", DOCS / "check_offline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_offline_check_flags_remote_scripts_and_styles_not_links(tmp_path):
    check = load_check_offline()
    page = tmp_path / "page.html"
    page.write_text(
        '<link rel="stylesheet" href="https://cdn.example.org/a.css">'
        '<link rel="index" href="https://example.org/genindex">'
        '<script defer src="https://cdn.jsdelivr.net/npm/mathjax@4/tex-mml-chtml.js"></script>'
        '<script src="_static/mathjax/tex-chtml.js"></script>'
        '<a href="https://www.cae.cn/">the journal</a><img src="//img.example.org/x.png">',
        encoding="utf-8",
    )
    assert check.remote_loads(page) == [
        "https://cdn.example.org/a.css",
        "https://cdn.jsdelivr.net/npm/mathjax@4/tex-mml-chtml.js",
        "//img.example.org/x.png",
    ]
    assert check.main([str(tmp_path)]) == 1  # remote loads, and local MathJax not copied
    page.write_text('<script src="_static/mathjax/tex-chtml.js"></script>', encoding="utf-8")
    (tmp_path / "_static/mathjax").mkdir(parents=True)
    assert check.main([str(tmp_path)]) == 1  # referenced, still not there
    (tmp_path / "_static/mathjax/tex-chtml.js").write_text("", encoding="utf-8")
    assert check.main([str(tmp_path)]) == 0


def test_docs_bundle_mathjax():
    text = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert '"sphinx-mathjax-offline"' in text
    assert 'mathjax_path = "mathjax/tex-chtml.js"' in text


def code_of(path: Path) -> str:
    """The Python of a docs source: a module, or the code cells of a page (options dropped)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return text
    cells = [
        "\n".join(line for line in cell.splitlines() if not line.startswith(":"))
        for cell in WHOLE_CELL.findall(text)
    ]
    return "\n".join(cells)


def optimize_imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, imported names) of every import of optimize in `path`'s code."""
    found = []
    for node in ast.walk(ast.parse(code_of(path))):
        if isinstance(node, ast.Import):
            found += [(a.name, []) for a in node.names if a.name.split(".")[0] == "optimize"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "optimize":
            found.append((node.module or "", [a.name for a in node.names]))
    return found


def outside_the_stages(path: Path) -> list[str]:
    """Imports of `path` that reach below ``optimize.<stage>``."""
    return [
        module
        for module, _ in optimize_imports(path)
        if not (module == "optimize" or module.split(".")[1:] in ([s] for s in STAGES))
    ]


@pytest.mark.parametrize(
    "path", [*PAGES, *DOCS.glob("*.py")], ids=lambda p: str(p.relative_to(DOCS))
)
def test_docs_import_public_names_of_optimize_or_its_stages(path):
    assert outside_the_stages(path) == []
    for module, names in optimize_imports(path):
        public = set(importlib.import_module(module).__all__)
        assert set(names) <= public, f"{module} does not export {sorted(set(names) - public)}"


@pytest.mark.parametrize(
    "path",
    [*ROOT.glob("tests/**/*.py"), *ROOT.glob("benchmarks/*.py")],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_tests_and_benchmarks_import_optimize_or_its_stages(path):
    assert outside_the_stages(path) == []
    for module, _ in optimize_imports(path):
        importlib.import_module(module)


def test_a_deep_import_in_a_code_cell_is_caught(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "```{code-cell} ipython3\n:tags: [remove-input]\nfrom optimize import solve\n"
        "from optimize.model import project_table\n```\n\n"
        "```{code-cell} ipython3\nfrom optimize.model.formulation import build_model\n```\n",
        encoding="utf-8",
    )
    assert outside_the_stages(page) == ["optimize.model.formulation"]
