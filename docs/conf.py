"""Sphinx configuration: MyST notebooks executed at every build, API from numpydoc docstrings.

Built offline by ``make docs`` with warnings as errors, and readable offline: MathJax ships
with the pages. No intersphinx (it needs the network).
"""

from __future__ import annotations

import importlib
import os
import sys
import tomllib
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

# This checkout's packages (and the notebooks' helper module) come first, for autodoc here and
# for the notebook kernels, which inherit the environment of the build.
sys.path[:0] = [str(ROOT), str(DOCS)]
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(ROOT), str(DOCS), *filter(None, [os.environ.get("PYTHONPATH")])]
)
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")

project = "clusterplan"
author = "clusterplan contributors"
copyright = "clusterplan contributors"
release = str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])
version = release

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "languages",
]
# The Chinese pages (docs/zh) are a build of their own, configured by docs/zh/conf.py.
exclude_patterns = ["_build", "jupyter_execute", "**.ipynb_checkpoints", "zh"]

# MyST: $...$ math, amsmath environments, ::: fences.
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3

# Notebooks: executed on every build ("force"; nothing is cached or committed), a failing cell
# fails the build, anything a cell writes to stderr becomes a warning (so -W fails on it).
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 600
nb_output_stderr = "warn"
nb_merge_streams = True
nb_render_markdown_format = "myst"

# API reference from numpydoc docstrings.
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_ivar = True
napoleon_use_rtype = False
autodoc_member_order = "bysource"
autodoc_typehints = "none"
autodoc_default_options = {"members": True, "undoc-members": False}

html_theme = "furo"
html_title = f"clusterplan {release}"
html_static_path: list[str] = []
# Furo's sidebar with the link to the page in the other language (docs/languages.py) on top.
templates_path = [str(DOCS / "_templates")]
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/language-switch.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}

# MathJax from the sphinx-mathjax-offline package, copied next to the pages: formulas render
# without the network. Wired here rather than listed in `extensions` because that package
# does not declare itself safe for parallel reading (-j auto would warn, and -W fail).
mathjax_path = "mathjax/tex-chtml.js"


def setup(app: Any) -> None:
    """Copy the bundled MathJax into ``_static/mathjax`` once the build has succeeded."""
    mathjax_offline = importlib.import_module("sphinx-mathjax-offline")
    app.connect("build-finished", mathjax_offline.copy_mathjax_files)
