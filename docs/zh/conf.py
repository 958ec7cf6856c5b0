"""Sphinx configuration of the Chinese pages: the English configuration, in Chinese.

Built by ``make docs`` into the ``zh`` folder of the English HTML, with the same options
(notebooks executed, warnings as errors). The pages here are translations of the English pages
listed in ``docs/languages.py``; their code cells ask for Chinese output (``lang="zh"``).
"""

from __future__ import annotations

import runpy
from pathlib import Path

_ENGLISH = runpy.run_path(str(Path(__file__).resolve().parents[1] / "conf.py"))
globals().update({name: value for name, value in _ENGLISH.items() if not name.startswith("__")})

language = "zh_CN"
html_title = f"clusterplan {release} 中文文档"  # noqa: F821 (from the English configuration)
exclude_patterns = ["_build", "jupyter_execute", "**.ipynb_checkpoints"]
