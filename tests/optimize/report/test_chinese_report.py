"""A Chinese run of the shipped case writes Chinese reports (issue 18, "done when").

The files of ``clusterplan run --lang zh`` on the shipped case, with marginal values and the
funding's joint robustness so that every section of a run shows: the visible text of report.html
(tags stripped by a real HTML parser), of report.md, and the sheet names, headers and notes
of results.xlsx hold no English word except

- case data the report says it shows in English (the fields its one "以下字段仅有英文" line
  names: settings provenance, the sources table, the cities of existing platforms),
- identifiers (ids of clusters, criteria, projects, instruments, rules, sources, domains),
- file names, and
- the proper names in :data:`PROPER_NAMES`, each with the reason it stays as it is.
"""

from __future__ import annotations

import html
import io
import re
import shutil
from html.parser import HTMLParser

import openpyxl
import pandas as pd
import pytest
from markupsafe import escape

from mcda import ROOT
from optimize import load_case, run_case
from optimize.case import shipped_case
from optimize.report import escape_markdown, run_files

#: Words that stay in Latin letters in a Chinese report, each with why.
PROPER_NAMES: dict[str, str] = {
    "AHP": "method name (层次分析法 is longer than planners use; the paper writes AHP)",
    "TOPSIS": "method name, written so in Chinese literature",
    "SMAA-2": "method name, no Chinese name in use",
    "VIKOR": "method name, kept as a proper name (brief)",
    "COPRAS": "method name, kept as a proper name (named where it cannot score the case)",
    "MABAC": "method name, kept as a proper name",
    "PROMETHEE": "method name, kept as a proper name",
    "II": "numeral of PROMETHEE II",
    "SPOTIS": "method name, kept as a proper name",
    "WASPAS": "method name, kept as a proper name (named where it cannot score the case)",
    "WSM": "abbreviation beside its Chinese name 简单加权和法",
    "WPM": "abbreviation beside its Chinese name 加权积法",
    "HiGHS": "the solver's name",
    "MIP": "MIP 间隙: the solver's term, as Chinese OR texts write it",
    "LP": "LP 对偶值: as Chinese OR texts write it",
    "MILP": "as Chinese OR texts write it",
    "CR": "consistency ratio, Saaty's symbol, as the paper's field writes it",
    "CI": "consistency index, Saaty's symbol",
    "Saaty": "author of the random index and the scale",
    "saaty": "id of Saaty's random-index table (a cell of the consistency table)",
    "Lahdelma": "author cited for SMAA-2",
    "Salminen": "author cited for SMAA-2",
    "Spearman": "name of the rank correlation",
    "Kendall": "name of the rank correlation",
    "tau_b": "symbol of Kendall's coefficient",
    "r_w": "symbol of the weighted Spearman coefficient",
    "WS": "the WS coefficient's symbol (Salabun & Urbaniak)",
    "Salabun": "author of the WS coefficient",
    "Urbaniak": "author of the WS coefficient",
    "Pinto": "author (Pinto da Costa & Soares)",
    "da": "part of the name Pinto da Costa",
    "Costa": "author (Pinto da Costa & Soares)",
    "Soares": "author (Pinto da Costa & Soares)",
    "Dirichlet": "name of the distribution",
    "P": "probability symbol P(i > j)",
    "S": "S-, the weighted cost sum of COPRAS (Zavadskas's symbol), in the reason it was not run",
    "max": "subscript of Saaty's symbol λmax",
    "i": "index symbol in P(i > j)",
    "j": "index symbol in P(i > j)",
    "summary.json": "file name",
    "robustness": "the key of summary.json the acceptability note points to",
}


class VisibleText(HTMLParser):
    """The text a browser shows: character data outside <style>/<script>, and alt texts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("style", "script")
        self.parts += [value for key, value in attrs if key == "alt" and value]

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_html(text: str) -> str:
    parser = VisibleText()
    parser.feed(text)
    return "\n".join(parser.parts)


def visible_markdown(text: str) -> str:
    """Markdown as read: link targets dropped, escapes undone, entities decoded."""
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def workbook_text(content: bytes) -> tuple[list[str], str]:
    """Sheet names, and the header rows and the about sheet's lines as one text."""
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    first, *others = book.worksheets
    lines = [str(row[0]) for row in first.iter_rows(values_only=True) if row and row[0]]
    headers = [
        str(cell)
        for sheet in others
        for cell in next(sheet.iter_rows(max_row=1, values_only=True))
        if cell is not None
    ]
    return book.sheetnames, "\n".join(lines + headers)


def case_texts(case) -> list[str]:
    """Texts the report shows as the case gives them, English ones included, longest first.

    The fields a Chinese report declares English only, and every identifier.
    """
    texts = [*case.provenance.values()]
    texts += [str(v) for column in case.sources.columns for v in case.sources[column]]
    texts += [str(v) for v in case.sources.index]
    texts += [str(v) for v in case.stock["city"]]
    ids = [
        case.name,
        ROOT,
        *case.clusters["region"],
        *case.clusters.index,
        *case.clusters["tech_domain"],
        *case.criteria.table.index,
        *case.projects.index,
        *case.instrument_ids,
        *case.type_ids,
        *case.stock.index,
        *case.stock["domain"],
        *case.provenance,
    ]
    texts += [str(i) for i in ids]
    return sorted({t for t in texts if t}, key=len, reverse=True)


#: A rule row's key: ids joined by '.', ':' or '->', e.g. ``a.green_upgrade:min_grant``.
RULE_KEY = re.compile(r"[a-z0-9_]+(?:(?:[.:]|->)[a-z0-9_]+)*(?::[a-z_]+|->[a-z0-9_]+)")
#: A word in Latin letters (with the digits, dots and dashes of names like SMAA-2 or CR4).
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]")
#: A number in scientific notation (the MIP gap), e.g. ``0.0e+00``.
EXPONENT = re.compile(r"\d(?:\.\d+)?e[+-]\d+")


def latin_words(text: str, case_data: list[str]) -> set[str]:
    """Words in Latin letters of `text` once case data and rule keys are taken out."""
    text = EXPONENT.sub(" ", RULE_KEY.sub(" ", text))
    if case_data:  # whole texts only: an id "4" must not eat the digit of "CR4"
        given = "|".join(map(re.escape, case_data))
        text = re.sub(rf"(?<![\w.-])(?:{given})(?![\w-])", " ", text)
    return set(WORD.findall(text))


def english_words(text: str, case_data: list[str]) -> set[str]:
    """English words of `text` outside case data, rule keys and :data:`PROPER_NAMES`."""
    return latin_words(text, case_data) - set(PROPER_NAMES)


@pytest.fixture(scope="module")
def chinese_run() -> dict[str, str | bytes]:
    run = run_case(shipped_case(), marginals=True, robust_samples=8)
    return run_files(run, "zh")


@pytest.fixture(scope="module")
def shipped():
    return load_case(shipped_case())


def test_the_visible_text_of_report_html_is_chinese(chinese_run, shipped):
    text = visible_html(str(chinese_run["report.html"]))
    assert "以下字段仅有英文" in text
    assert not english_words(text, case_texts(shipped))


def test_report_md_is_chinese(chinese_run, shipped):
    text = visible_markdown(str(chinese_run["report.md"]))
    assert text.startswith("# 工信部先进制造业集群竞赛")  # the case's title_zh
    assert not english_words(text, case_texts(shipped))


def test_results_xlsx_names_headers_and_notes_are_chinese(chinese_run, shipped):
    sheets, text = workbook_text(bytes(chinese_run["results.xlsx"]))
    assert not english_words(" ".join(sheets), [])
    assert not english_words(text, case_texts(shipped))


def test_every_proper_name_kept_is_used(chinese_run, shipped):
    """The list stays short: a name no report needs any more is taken off."""
    text = visible_html(str(chinese_run["report.html"]))
    text += visible_markdown(str(chinese_run["report.md"]))
    unused = set(PROPER_NAMES) - latin_words(text, case_texts(shipped))
    assert not unused


HOSTILE_TITLE = '<script>alert(1)</script> | # [x](javascript:y) =HYPERLINK("a")'
HOSTILE_UNIT = "<b>个</b> | `亿元` $x$"


@pytest.fixture(scope="module")
def hostile_run(tiny_path, tmp_path_factory):
    """The tiny case with a hostile Chinese title and unit, its Chinese files."""
    case = tmp_path_factory.mktemp("hostile") / "case"
    shutil.copytree(tiny_path, case)
    toml = (case / "case.toml").read_text(encoding="utf-8")
    title = HOSTILE_TITLE.replace("\\", "\\\\").replace('"', '\\"')
    toml = toml.replace("[case]\n", f'[case]\ntitle_zh = "{title}"\n', 1)
    (case / "case.toml").write_text(toml, encoding="utf-8")
    criteria = pd.read_csv(case / "criteria.csv", dtype=str, keep_default_na=False)
    criteria["unit_zh"] = [HOSTILE_UNIT if unit else "" for unit in criteria["unit"]]
    criteria.to_csv(case / "criteria.csv", index=False)
    return run_files(run_case(case), "zh")


def test_chinese_title_and_units_are_data(hostile_run):
    page = str(hostile_run["report.html"])
    assert "<script" not in page and "<b>个" not in page
    assert str(escape(HOSTILE_TITLE)) in page and str(escape(HOSTILE_UNIT)) in page
    report = str(hostile_run["report.md"])
    assert f"# {escape_markdown(HOSTILE_TITLE)}" in report
    assert escape_markdown(HOSTILE_UNIT) in report
    book = openpyxl.load_workbook(io.BytesIO(bytes(hostile_run["results.xlsx"])))
    first = book.worksheets[0]["A1"]
    assert first.value.startswith(HOSTILE_TITLE) and first.data_type == "s"
