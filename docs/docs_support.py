"""Helpers shared by the documentation notebooks.

Every page that shows data starts with :func:`notice`; numbers that appear in prose are put
there with :func:`glue_values` (never typed by hand); command output is produced by running
the real command line with :func:`cli`.
"""

from __future__ import annotations

import dataclasses
import functools
import numbers
import os
import subprocess
import sys
import tomllib
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import matplotlib as mpl
import pandas as pd
from IPython.display import Markdown
from myst_nb import glue

from mcda.plots import sans_serif
from optimize import Appraisal, Case, load_case, solve
from optimize.case import CASE_FILE, ShareBounds, demo_case, section, shipped_case
from optimize.casefiles import read_table, table_paths
from optimize.messages import Lang, say
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


def chinese_charts() -> None:
    """Draw this page's charts with the CJK font first, as the Chinese reports do.

    Without a CJK font matplotlib would draw boxes for the Chinese labels; :func:`setup` makes
    that warning an error, so the build fails instead.
    """
    setup()
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = sans_serif(latin_first=False)


@functools.cache
def shipped() -> Case:
    """The shipped case ``miit2021``, loaded once per notebook (after :func:`setup`)."""
    setup()
    return load_case(shipped_case())


def notice_sentence(case: Case, lang: Lang = "en") -> str:
    """The sentence the reports print first about the case's data, in `lang`.

    Parameters
    ----------
    case : Case
        The case a page shows.
    lang : {"en", "zh"}
        Language of the page.

    Returns
    -------
    str
        How many scores (and which other inputs) are illustrative, or that all are sourced,
        and the share of sourced score cells: the reports' own sentence.
    """
    return illustrative_notice(case, lang)


@functools.cache
def demo() -> Case:
    """The method demo ``demo_templated`` (pseudonymised clusters, template values), loaded once."""
    setup()
    return load_case(demo_case())


def notice(case: Case, lang: Lang = "en") -> Markdown:
    """The admonition that opens every page showing the case's data.

    Parameters
    ----------
    case : Case
        The case the page shows.
    lang : {"en", "zh"}
        Language of the page; each page links to the data page of its own language.

    Returns
    -------
    IPython.display.Markdown
        A MyST warning (illustrative inputs) or note (all inputs sourced) with the same
        sentence the reports print first.
    """
    kind = "warning" if case.illustrative else "note"
    title = say("docs.notice_illustrative" if case.illustrative else "docs.notice_sourced", lang)
    link = "{doc}`/data`"
    between = " " if lang == "en" else ""  # Chinese sentences follow each other unspaced
    return Markdown(
        f":::{{admonition}} {title}\n:class: {kind}\n{notice_sentence(case, lang)}{between}"
        f"{say('docs.see_data', lang, link=link)}\n:::"
    )


def tier_text(tier: int, others: list[str], lang: Lang) -> str:
    """``tier 1 (with X, Y)`` or ``tier 1 (alone)``, as the reports say it, in `lang`.

    Parameters
    ----------
    tier : int
        The SMAA-2 tier (1 = top).
    others : list of str
        Names of the other clusters in that tier.
    lang : {"en", "zh"}
        Language of the page.

    Returns
    -------
    str
        The phrase for prose.
    """
    if not others:
        return say("docs.tier_alone", lang, tier=tier)
    joiner = ", " if lang == "en" else "、"
    return say("docs.tier_with", lang, tier=tier, others=joiner.join(others))


def status_text(status: str, lang: Lang) -> str:
    """The solve status (``optimal``, ``infeasible``, ...) as a word for prose in `lang`."""
    return say(f"docs.status.{status}", lang)


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


#: The formula of every rule of the model (LaTeX), shown by "From the paper to the model".
RULE_FORMULAS: dict[str, str] = {
    "budget": r"\sum_{p \in P} x_p \le B",
    "period_budget": r"\sum_{p \in P} \Big(\sum_{t' \in W_t} \sigma_{p t'}\Big) x_p"
    r" \le \sum_{t' \in W_t} B_{t'} \quad \forall t, \qquad"
    r" W_t = \{t' \le t\} \text{ with carry-over, else } \{t\}",
    "type_share": r"\underline{s}_\tau B \le \sum_{p \in P_\tau} x_p \le \overline{s}_\tau B"
    r" \quad \forall \tau",
    "instrument_share": r"\underline{s}_i B \le \sum_{p \in P_i} x_p \le \overline{s}_i B"
    r" \quad \forall i",
    "cluster_limits": r"\underline{c}_k \le \sum_{p \in P_k} x_p \le \overline{c}_k"
    r" \quad \forall k",
    "region_floor": r"\sum_{p \in P_r} x_p \ge \phi_r B \quad \forall r",
    "no_duplicated_construction": r"\sum_{p \in P_{d,i}} y_p \le n"
    r" \quad \forall d, \; i \in I_{\text{nd}}, \qquad"
    r" y_p = 0 \quad \forall p \in R",
    "basic_concentration": r"\sum_{p \in P_k} y_p \le m, \quad x_p \ge g \, y_p"
    r" \quad \forall k : \tau(k) \in T_{\text{bc}}, \; p \in P_k",
    "frontier_platform_research": r"y_p = 0 \quad \forall p : \tau(k(p)) \in T_{\text{fr}}, \;"
    r" i(p) \in I_{\text{fr}}, \; v_{k(p), c} < \theta",
    "dependencies": r"y_p \le y_q \quad \forall (p, q) \in D, \qquad"
    r" y_p \le \sum_{q \in P_{k(p)} \cap P_j} y_q"
    r" \quad \forall (i, j) \in D_I, \; p \in P_i",
    "exclusions": r"y_p + y_q \le 1 \quad \forall (p, q) \in E",
    "must_fund": r"y_p = 1 \quad \forall p \in F^{+}",
    "must_not_fund": r"y_p = 0 \quad \forall p \in F^{-}",
    "cofunding": r"\sum_{p \in P} r_p \, x_p \ge (\lambda - 1) \sum_{p \in P} x_p",
}

#: The type-share floors the shipped case set until 2026-11 [share of the budget].
FORMER_TYPE_SHARE = {
    "basic": ShareBounds(0.05, 0.25),
    "strategic": ShareBounds(0.40, 0.80),
    "frontier": ShareBounds(0.10, 0.35),
}

#: A small cluster grant: about a minimum provincial platform plus a minimum pilot-scale
#: platform [亿元].
SMALL_GRANT = 2.2


def objective_outcome(
    case: Case,
    appraisal: Appraisal,
    objective: Literal["cluster_returns", "project_curve"],
    type_share: Mapping[str, ShareBounds],
) -> dict[str, object]:
    """How the allocation spreads its money under `objective` and `type_share` bounds.

    Parameters
    ----------
    case : Case
        The case to solve.
    appraisal : Appraisal
        Its appraisal.
    objective : str
        ``benefit.objective`` to solve with (``cluster_returns`` or ``project_curve``).
    type_share : mapping of str to ShareBounds
        Share bounds per cluster type (empty: none).

    Returns
    -------
    dict
        ``clusters`` and ``projects`` funded, the ``median`` grant [亿元], the number of
        clusters given at most :data:`SMALL_GRANT` (``small``), and ``share <instrument>`` and
        ``share <type>`` of the money spent (percentages as text).
    """
    benefit = dataclasses.replace(case.benefit, objective=objective)
    rules = dataclasses.replace(case.rules, type_share=type_share)
    variant = dataclasses.replace(case, benefit=benefit, rules=rules)
    funded = solve(variant, appraisal).projects
    funded = funded[funded["funded"]]
    by_cluster = funded.groupby("cluster")["amount"].sum()
    money = funded.groupby("instrument")["amount"].sum() / funded["amount"].sum()
    types = funded.groupby("cluster_type")["amount"].sum() / funded["amount"].sum()
    row: dict[str, object] = {
        "clusters": by_cluster.size,
        "projects": len(funded),
        "median": round(float(funded["amount"].median()), 2),
        "small": int((by_cluster <= SMALL_GRANT + 1e-9).sum()),
    }
    row |= {f"share {i}": f"{money.get(i, 0.0):.0%}" for i in case.fit.columns}
    row |= {f"share {t}": f"{types.get(t, 0.0):.0%}" for t in case.fit.index}
    return row
