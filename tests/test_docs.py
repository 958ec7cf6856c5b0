"""Cheap invariants of the documentation sources (the build itself runs in CI via `make docs`)."""

import ast
import importlib
import importlib.util
import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SUFFIXES = (".md", ".rst")
#: The Chinese pages: a source tree of their own (docs/zh), with its own index.
ZH = DOCS / "zh"
ALL_PAGES = sorted(
    p for p in DOCS.rglob("*") if p.suffix in SUFFIXES and "_build" not in p.relative_to(DOCS).parts
)
ZH_PAGES = [p for p in ALL_PAGES if p.is_relative_to(ZH)]
#: The Python of the docs: configurations (English and Chinese), helpers, checks.
DOCS_MODULES = sorted(p for p in DOCS.rglob("*.py") if "_build" not in p.relative_to(DOCS).parts)
PAGES = [p for p in ALL_PAGES if not p.is_relative_to(ZH)]
NOTEBOOKS = [p for p in ALL_PAGES if "file_format: mystnb" in p.read_text(encoding="utf-8")[:300]]

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


def listed_from(index: Path) -> set[Path]:
    """The pages the toctrees reach from `index` (itself included)."""
    listed = {index}
    pending = [index]
    while pending:
        for entry in toctree_entries(pending.pop()):
            page = resolve(entry)
            assert page is not None, f"toctree entry {entry} has no page"
            if page not in listed:
                listed.add(page)
                pending.append(page)
    return listed


def test_every_toctree_entry_exists_and_every_page_is_listed():
    assert set(PAGES) == listed_from(DOCS / "index.md")
    assert set(ZH_PAGES) == listed_from(ZH / "index.md")


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
    chinese = page.is_relative_to(ZH)
    assert ('notice(case, lang="zh")' if chinese else "notice(case)") in first.group(1)
    assert "remove-input" in first.group(1)
    before = text[: first.start()]
    assert before.count("\n# ") + before.startswith("# ") == 1, "notice must follow the title"
    assert "\n## " not in before


@pytest.mark.parametrize("page", NOTEBOOKS, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_computed_decimal_is_typed_in_prose(page):
    typed = set(re.findall(r"(?<![\w.])\d+\.\d+", prose(page.read_text(encoding="utf-8"))))
    assert typed <= ALLOWED_DECIMALS


@pytest.mark.parametrize("path", [*ALL_PAGES, *DOCS_MODULES], ids=lambda p: p.name)
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
    recipe = makefile.split("\ndocs: ", 1)[1].split("\n\n", 1)[0]
    assert "-b html docs/zh " in recipe, "make docs must build the Chinese pages too"
    assert recipe.index("docs/zh") < recipe.index("check_offline.py"), "check both trees"
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


def test_offline_check_flags_a_glued_object_printed_into_the_prose(tmp_path):
    # {glue:text} of a value glued as Markdown printed "<IPython.core.display.Markdown object>"
    check = load_check_offline()
    page = tmp_path / "page.html"
    shown = '<span class="pasted-text">&lt;IPython.core.display.Markdown object&gt;</span>'
    page.write_text(shown, encoding="utf-8")
    assert check.python_repr_shown(page) == "<IPython.core.display.Markdown object>"
    page.write_text("<p>take <code>&lt;objects&gt;</code> 29%</p>", encoding="utf-8")
    assert check.python_repr_shown(page) is None


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
    "path", [*ALL_PAGES, *DOCS_MODULES], ids=lambda p: str(p.relative_to(DOCS))
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


def translated() -> tuple[str, ...]:
    """``TRANSLATED`` of docs/languages.py: the English pages with a Chinese counterpart."""
    tree = ast.parse((DOCS / "languages.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "TRANSLATED":
            return ast.literal_eval(node.value)
    raise AssertionError("docs/languages.py defines no TRANSLATED")


#: The pages issue 18 asks to have in Chinese: the quickstart, "From the paper to the model"
#: and the worked examples (each of them, once translated, must be listed in TRANSLATED).
REQUIRED_IN_CHINESE = {"index", "quickstart", "paper-to-model", "examples/index"}


def test_every_listed_page_has_its_chinese_counterpart_and_no_other_exists():
    listed = translated()
    assert set(listed) >= REQUIRED_IN_CHINESE
    assert any(name.startswith("examples/") and name != "examples/index" for name in listed)
    for name in listed:
        english = resolve(DOCS / name)
        assert english is not None, f"{name} is listed as translated but has no English page"
        assert resolve(ZH / name) is not None, f"{name} has no Chinese page under docs/zh"
    assert {str(p.relative_to(ZH).with_suffix("")) for p in ZH_PAGES} == set(listed)


GLUED = re.compile(r"\{glue:(?:text|md)\}`([A-Za-z_]\w*)")


def glue_names(text: str) -> tuple[set[str], set[str]]:
    """(names glued by code cells as keywords of glue_values, names used in the prose)."""
    glued = set()
    for node in ast.walk(ast.parse(code_of_text(text))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "glue_values":
            glued |= {k.arg for k in node.keywords if k.arg is not None}
    return glued, set(GLUED.findall(text))


def code_of_text(text: str) -> str:
    return "\n".join(
        "\n".join(line for line in cell.splitlines() if not line.startswith(":"))
        for cell in WHOLE_CELL.findall(text)
    )


@pytest.mark.parametrize("name", translated())
def test_chinese_page_glues_and_shows_the_same_numbers(name):
    english, chinese = resolve(DOCS / name), resolve(ZH / name)
    assert english is not None and chinese is not None
    english_text, chinese_text = english.read_text("utf-8"), chinese.read_text("utf-8")
    assert glue_names(chinese_text) == glue_names(english_text)
    assert english_text.count("```{code-cell}") == chinese_text.count("```{code-cell}")
    assert (english.suffix, "file_format: mystnb" in english_text[:300]) == (
        chinese.suffix,
        "file_format: mystnb" in chinese_text[:300],
    )


#: Helpers whose output is in the page's language: each call on a Chinese page says "zh".
SPEAKING = {"notice", "status_text", "tier_text", "core_index_chart"}


def calls(text: str, names: set[str]) -> list[ast.Call]:
    """The calls of functions named `names` in the code cells of page `text`."""
    return [
        node
        for node in ast.walk(ast.parse(code_of_text(text)))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in names
    ]


def constants(call: ast.Call) -> list[object]:
    arguments = [*call.args, *(k.value for k in call.keywords)]
    return [a.value for a in arguments if isinstance(a, ast.Constant)]


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda p: str(p.relative_to(ZH)))
def test_chinese_pages_are_in_chinese_and_call_for_chinese_output(page):
    text = page.read_text(encoding="utf-8")
    words = prose(text)
    assert sum("\u4e00" <= c <= "\u9fff" for c in words) > len(re.findall(r"[A-Za-z]+", words))
    for call in calls(text, SPEAKING):
        assert "zh" in constants(call), ast.unparse(call)
    for call in calls(text, {"cli"}):
        if "run" in constants(call):
            assert "--lang" in constants(call), ast.unparse(call)


def test_chinese_recommendation_table_quotes_the_same_sentences():
    def rows(path: Path) -> list[tuple[str, str, str]]:
        lines = path.read_text(encoding="utf-8").splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("| id | § |"))
        table = []
        for line in lines[start + 2 :]:
            if not line.startswith("|"):
                break
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            table.append((cells[0], cells[1], cells[2]))
        return table

    assert rows(ZH / "paper-to-model.md") == rows(DOCS / "paper-to-model.md")


def test_the_docs_notice_is_the_sentence_the_reports_print(monkeypatch):
    # docs_support needs the docs extras (myst-nb): `make docs` has them, `make test` may not.
    pytest.importorskip("myst_nb")
    monkeypatch.syspath_prepend(str(DOCS))
    from docs_support import notice

    from optimize import demo_case, load_case
    from optimize.case import shipped_case
    from optimize.report import illustrative_notice

    for folder in (shipped_case(), demo_case()):
        case = load_case(folder)
        for lang in ("en", "zh"):
            assert illustrative_notice(case, lang) in notice(case, lang).data


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Chromium")
def test_glyph_check_finds_tofu_without_a_cjk_font(tmp_path):
    check = load_check_offline()
    html = tmp_path / "html"
    page = html / "zh" / "examples" / "ranking.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8">'
        "<body><p>科技支撑体系建设</p><p hidden>隐藏</p></body></html>",
        encoding="utf-8",
    )
    assert check.glyph_problems(html, shutil.which("chromium")) == []
    assert (tmp_path / "screenshots" / "zh-ranking.png").stat().st_size > 0
    # The same page where fontconfig knows only DejaVu (no CJK font): boxes, and the check says so.
    fonts = check.font_files(tuple(sorted(os.environ.items()))).values()
    dejavu = next(Path(file).parent for file, _ in fonts if "DejaVuSans" in file)
    config = tmp_path / "fonts.conf"
    config.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{dejavu}</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    environ = {**os.environ, "FONTCONFIG_FILE": str(config)}
    found = check.check_glyphs([page], shutil.which("chromium"), None, environ)
    assert len(found[page]) == 1
    assert "科技支撑体系建设" not in found[page][0]  # lacking characters are listed sorted
    assert "DejaVu" in found[page][0]


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda p: str(p.relative_to(ZH)))
def test_chinese_pages_link_to_english_only_pages_that_exist_untranslated(page):
    listed = set(translated())
    for target in re.findall(r"\{en-doc\}`[^`<]*<([^>`]+)>`", page.read_text(encoding="utf-8")):
        target = target.strip().lstrip("/")
        assert resolve(DOCS / target) is not None, f"no English page {target}"
        assert target not in listed, f"{target} is translated: link it with {{doc}}"
