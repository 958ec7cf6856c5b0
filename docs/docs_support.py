"""Helpers shared by the documentation notebooks.

Every page that shows data starts with :func:`notice`; numbers that appear in prose are put
there with :func:`glue_values` (never typed by hand); command output is produced by running
the real command line with :func:`cli`.
"""

from __future__ import annotations

import functools
import numbers
import os
import subprocess
import sys
import tomllib
import warnings
from pathlib import Path

import pandas as pd
from IPython.display import Markdown
from myst_nb import glue

from optimize import Case, load_case
from optimize.case import CASE_FILE, demo_case, section, shipped_case
from optimize.casefiles import read_table, table_paths
from optimize.report import illustrative_notice

#: Terminal width for command output shown in the docs [characters].
TERMINAL_COLUMNS = 88

#: Environment variables that force coloured terminal output.
COLOUR_VARIABLES = ("FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "PY_COLORS")


def setup() -> None:
    """Page defaults: whole cell texts in tables, and warnings that would spoil a page raised.

    A plot with a missing glyph only warns in matplotlib (boxes in the picture); here it fails
    the build.
    """
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.precision", 4)
    warnings.filterwarnings("error", message=r"Glyph .* missing", category=UserWarning)


@functools.cache
def shipped() -> Case:
    """The shipped case ``miit2021``, loaded once per notebook (after :func:`setup`)."""
    setup()
    return load_case(shipped_case())


@functools.cache
def demo() -> Case:
    """The method demo ``demo_templated`` (pseudonymised clusters, template values), loaded once."""
    setup()
    return load_case(demo_case())


def notice(case: Case) -> Markdown:
    """The admonition that opens every page showing the case's data.

    Parameters
    ----------
    case : Case
        The case the page shows.

    Returns
    -------
    IPython.display.Markdown
        A MyST warning (illustrative inputs) or note (all inputs sourced) with the same
        sentence the reports print first.
    """
    kind = "warning" if case.illustrative else "note"
    title = "Illustrative data" if case.illustrative else "Sourced data"
    return Markdown(
        f":::{{admonition}} {title}\n:class: {kind}\n{illustrative_notice(case)} "
        "See {doc}`/data` for what is real and how to replace the rest.\n:::"
    )


def plain(value: object) -> object:
    """A Python int or float for any real number (numpy scalars included), else `value`."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    return float(value)


def glue_values(**values: object) -> None:
    """Glue numbers (``{glue:text}`name:.2f```) and texts (``{glue:md}`name```) for prose.

    Parameters
    ----------
    **values
        Name to value; strings are glued as Markdown, numbers as plain Python numbers.
    """
    for name, value in values.items():
        shown = Markdown(value) if isinstance(value, str) else plain(value)
        glue(name, shown, display=False)


def case_table(case: Case, name: str) -> pd.DataFrame:
    """A table of the case exactly as the loader reads it (every cell as text).

    Parameters
    ----------
    case : Case
        A case loaded from a folder.
    name : str
        Key of the table under ``[tables]`` in ``case.toml`` (e.g. ``"fit"``).

    Returns
    -------
    pandas.DataFrame
        The table's rows, indexed by spreadsheet row number.
    """
    if case.folder is None:
        raise ValueError(f"case {case.name!r} was not read from a folder")
    doc = tomllib.loads((case.folder / CASE_FILE).read_text(encoding="utf-8"))
    path = table_paths(case.folder, section(doc, "tables"))[name]
    return read_table(path, name)


def cli(*args: str, expect: int = 0, cwd: Path | None = None) -> str:
    """Run ``clusterplan ARGS`` in a fresh process and return what a terminal shows.

    The console script installed beside the running Python is used, so that usage lines
    read ``clusterplan``; it imports this checkout's packages (``PYTHONPATH`` is set by the
    docs configuration).

    Parameters
    ----------
    *args : str
        Command-line arguments.
    expect : int
        The exit code the page expects; anything else fails the build.
    cwd : pathlib.Path, optional
        Working folder of the command (relative paths in its output stay short).

    Returns
    -------
    str
        Standard output followed by standard error.

    Raises
    ------
    RuntimeError
        If the command exits with another code than `expect`.
    """
    # A notebook kernel asks for colour (FORCE_COLOR, CLICOLOR_FORCE); a page wants plain text.
    env = {k: v for k, v in os.environ.items() if k not in COLOUR_VARIABLES}
    env.update({"COLUMNS": str(TERMINAL_COLUMNS), "NO_COLOR": "1", "TERM": "dumb"})
    done = subprocess.run(
        [str(Path(sys.executable).with_name("clusterplan")), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )
    if done.returncode != expect:
        raise RuntimeError(
            f"clusterplan {' '.join(args)} exited {done.returncode}, expected {expect}:\n"
            f"{done.stdout}{done.stderr}"
        )
    return done.stdout + done.stderr
