"""The command line in Chinese: every bad input of the corpora, help texts, ``clusterplan new``.

An error line in Chinese must say the same place as the English one (file, then 第 N 行 or
单元格, then 字段), in one line, exit 2, and in Chinese: no English sentence is left once what
the input itself supplies is set aside (see :func:`english_left`).
"""

import os
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from openpyxl import load_workbook

from optimize import load_case
from optimize.case import shipped_case, stock_conflicts
from optimize.cli import argv_lang
from optimize.errors import InputError, msg
from optimize.messages import say
from optimize.model import describe
from tests.bad_workbooks.corpus import CORPUS as BAD_WORKBOOKS
from tests.bad_workbooks.corpus import bad_workbook
from tests.optimize.clirun import run_cli
from tests.optimize.report.test_chinese_report import case_texts, english_words
from tests.optimize.test_cli import BAD_CASES, broken_case

#: The English location parts and their Chinese form (optimize/messages/errors.toml, where.*).
_WHERE = [
    (re.compile(r"row (\d+)"), r"第 \1 行"),
    (re.compile(r"cell (\S+)"), r"单元格 \1"),
    (re.compile(r"sheet (\S+)"), r"工作表 \1"),
    (re.compile(r"field ('.*')"), r"字段 \1"),
]

#: What a Chinese line may quote in English, each with its reason:
_QUOTED = [
    # values, ids and names quoted from the input, and file or key names
    re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”"),
    # a library's or the system's own words, marked as its original (原文) text: Python's
    # TOML and CSV parsers and the operating system have no Chinese
    re.compile(r"原文：.*?）"),
    # the words a field accepts (可用 / 应为以下之一), e.g. the verbal judgment labels
    # "equal to moderate": they are input, typed as listed
    re.compile(r"(可用|应为以下之一)：[^）]*）"),
]
#: Three English words in a row: a sentence, not an identifier or a list of identifiers.
_SENTENCE = re.compile(r"[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}")


def english_left(text: str) -> list[str]:
    """English sentence fragments of `text` once quoted input and original texts are removed."""
    for quoted in _QUOTED:
        text = quoted.sub("", text)
    return _SENTENCE.findall(text)


def chinese_location(english_line: str) -> str:
    """The Chinese location of an English error line (``error: file, row 2: …``)."""
    where = english_line.removeprefix("error: ").split(": ", 1)[0]
    parts = where.split(", ")
    for position, part in enumerate(parts[1:], start=1):
        for pattern, chinese in _WHERE:
            if pattern.fullmatch(part):
                parts[position] = pattern.sub(chinese, part)
    return "，".join(parts)


def assert_chinese_error(english: str, chinese: str) -> None:
    """`chinese` is the one-line, located, Chinese form of the error line `english`."""
    assert len(chinese.strip().splitlines()) == 1, chinese
    assert "Traceback" not in chinese
    assert chinese.startswith("错误："), chinese
    where = chinese_location(english.strip())
    assert chinese.removeprefix("错误：").startswith(f"{where}："), (english, chinese)
    what = chinese.strip().removeprefix(f"错误：{where}：")
    assert re.search(r"[\u4e00-\u9fff]", what), chinese
    assert not english_left(what), chinese


@pytest.mark.parametrize("name", BAD_CASES)
def test_bad_input_in_chinese(name, tiny_path, tmp_path, monkeypatch, capsys):
    case = broken_case(name, tiny_path, tmp_path)
    lines = []
    for lang in ("en", "zh"):
        out = tmp_path / f"out-{lang}"
        args = ["run", str(case), "--out", str(out), "--lang", lang]
        code, _, err = run_cli(args, monkeypatch, capsys)
        assert code == 2
        assert not out.exists()
        lines.append(err)
    assert_chinese_error(*lines)


@pytest.mark.parametrize("name", sorted(BAD_WORKBOOKS))
def test_bad_workbook_in_chinese(name, tmp_path, monkeypatch, capsys):
    book = bad_workbook(name, tmp_path)
    lines = []
    for lang in ("en", "zh"):
        args = ["run", str(book), "--out", str(tmp_path / "out"), "--lang", lang]
        code, _, err = run_cli(args, monkeypatch, capsys)
        assert code == 2
        lines.append(err)
    assert_chinese_error(*lines)


def test_the_locale_chooses_chinese_and_an_explicit_lang_wins(
    tiny_path, tmp_path, monkeypatch, capsys
):
    case = broken_case("nan_score", tiny_path, tmp_path)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    _, _, by_locale = run_cli(["validate", str(case)], monkeypatch, capsys)
    _, _, english = run_cli(["validate", str(case), "--lang", "en"], monkeypatch, capsys)
    assert by_locale.startswith("错误：scores.csv，第 2 行，字段 'value'：")
    assert english.startswith("error: scores.csv, row 2, field 'value': 'nan' is not a number")


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        (["run", "--lang", "zh"], {}, "zh"),
        (["run", "--lang=zh"], {"LANG": "en_US.UTF-8"}, "zh"),
        (["run", "--lang", "en"], {"LANG": "zh_CN.UTF-8"}, "en"),
        (["run"], {"LC_ALL": "zh_CN.UTF-8"}, "zh"),
        # a bad value is the command's to refuse; until then the locale speaks
        (["run", "--lang", "fr"], {"LANG": "zh_CN.UTF-8"}, "zh"),
        # after "--" a word is an argument, not an option
        (["run", "--", "--lang", "zh"], {}, "en"),
    ],
)
def test_argv_lang(argv, environ, expected):
    assert argv_lang(argv, environ) == expected


def test_an_unknown_language_is_refused_in_one_line(monkeypatch, capsys):
    code, _, err = run_cli(["validate", "--lang", "fr"], monkeypatch, capsys)
    assert code == 2
    assert err == "error: --lang: unknown language 'fr' (use en or zh)\n"


def test_an_input_error_renders_in_either_language_from_one_message():
    error = InputError(
        "case.xlsx",
        msg("errors.rules.unknown_id", noun=msg("errors.noun.type"), id="basik", use="basic"),
        field="rules.basic_concentration.types",
        cell="rules!D7",
    )
    assert str(error) == (
        "case.xlsx, cell rules!D7, field 'rules.basic_concentration.types': "
        "unknown type 'basik' (use basic)"
    )
    assert error.line("zh") == (
        "case.xlsx，单元格 rules!D7，字段 'rules.basic_concentration.types'："
        "未知的集群类型 'basik'（可用：basic）"
    )


def help_page(args: list[str], environ: dict[str, str]) -> str:
    """``clusterplan ARGS --help`` in a new process (help texts are fixed at import)."""
    env = {**os.environ, **environ, "COLUMNS": "200"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    done = subprocess.run(
        [sys.executable, "-m", "optimize", *args, "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return done.stdout


def test_help_is_chinese_under_a_chinese_locale_or_lang_zh():
    by_locale = help_page(["run"], {"LANG": "zh_CN.UTF-8"})
    by_option = help_page(["sweep", "budget", "--lang", "zh"], {"LANG": "C"})
    assert say("cli.help.marginals", "zh") in by_locale
    assert say("cli.panel.options", "zh") in by_locale
    assert say("cli.help.cmd.budget", "zh") in by_option
    assert say("cli.help.steps", "zh") in by_option
    english = help_page(["run"], {"LANG": "C"})
    assert say("cli.help.marginals", "en") in english


def test_new_writes_the_readme_and_instructions_in_chinese(tmp_path, monkeypatch, capsys):
    folder, book = tmp_path / "新案例", tmp_path / "新案例.xlsx"
    for target in (folder, book):
        code, out, _ = run_cli(["new", str(target), "--lang", "zh"], monkeypatch, capsys)
        assert code == 0
        assert out.startswith("已写出 空白案例")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# 案例 `新案例`\n")
    assert say("new.general.money", "zh") in readme
    assert f"| `projects.csv` | {say('new.sheet.projects', 'zh')} |" in readme
    # table rows list file and column names; code spans quote names and commands
    prose = "\n".join(line for line in readme.splitlines() if not line.startswith("|"))
    prose = re.sub(r"`[^`]*`", "", prose)
    assert not english_left(prose)
    about = [row[0] for row in load_workbook(book)["about"].iter_rows(values_only=True)]
    assert say("new.heading", "zh") in about
    assert f"scores：{say('new.sheet.scores', 'zh')}" in about


def test_new_without_lang_stays_english(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LANG", "C")
    monkeypatch.delenv("LC_ALL", raising=False)
    code, _, _ = run_cli(["new", str(tmp_path / "blank")], monkeypatch, capsys)
    assert code == 0
    readme = (tmp_path / "blank" / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Case `blank`\n")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["allocate", "--budget", "abc"], "'--budget' 的值无效"),
        (["run", "--budget", "3"], "没有选项 --budget"),
        (["sweep", "budget", "--steps", "x"], "'--steps' 的值无效"),
        (["rank", "--no-such"], "没有选项 --no-such"),
        (["bogus"], "没有命令 'bogus'"),
        (["validate", "a", "b"], "多余的参数（b）"),
    ],
)
def test_option_errors_in_chinese(args, expected, monkeypatch, capsys):
    code, _, err = run_cli([*args, "--lang", "zh"], monkeypatch, capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"错误：{expected}"), err
    assert not english_left(err), err


def test_run_summary_names_clusters_in_chinese(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    args = ["run", str(tiny_path), "--out", str(out), "--lang", "zh", "--samples", "50"]
    code, text, _ = run_cli(args, monkeypatch, capsys)
    assert code == 0
    names = pd.read_csv(tiny_path / "clusters.csv").set_index("id")
    assert names.at["a", "name_zh"] in text
    assert names.at["a", "name_en"] not in text
    assert say("cli.column.closeness", "zh") in text
    assert say("cli.column.closeness", "en") not in text


#: Identifiers of the model's rule rows that no case file names, as the marginal values give
#: them: the budget's pseudo-row (its finite difference) and the key of the budget rows.
MODEL_IDS = ["budget_total", "total"]


def english_printed(text: str, case, *also: str) -> set[str]:
    """English words a Chinese command printed, once what the reports may show is set aside.

    The allow-list is the Chinese reports' (tests/optimize/report/test_chinese_report.py):
    case data shown as given and identifiers (:func:`case_texts`), rule keys, and the proper
    names of its ``PROPER_NAMES``; and the English names of existing centres, which the
    stock table gives beside their Chinese ones and a stock line quotes both. `also` are
    texts of the command line itself (the output folder it names).
    """
    for given in also:
        text = text.replace(given, " ")
    given = [*case_texts(case), *(str(name) for name in case.stock["name_en"] if name)]
    given += MODEL_IDS
    return english_words(text, sorted(given, key=len, reverse=True))


@pytest.fixture
def wide(monkeypatch):
    """Terminal tables as wide as their cells: a cut id (``national_pla…``) is no word."""
    from optimize.cli import common

    for console in (common.console, common.errors):
        monkeypatch.setattr(console, "_width", 400)


def test_a_chinese_run_of_the_shipped_case_prints_no_english(wide, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    args = ["run", "--out", str(out), "--lang", "zh", "--robust-samples", "8"]
    code, text, err = run_cli(args, monkeypatch, capsys)
    assert code == 0, err
    assert "第 1 梯队" in text  # the tier phrase of the cluster with the highest closeness
    assert not english_printed(text + err, load_case(shipped_case()), str(out))


def test_a_chinese_infeasible_allocation_explains_itself_in_chinese(
    wide, tiny_path, tmp_path, monkeypatch, capsys
):
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    toml = (case / "case.toml").read_text(encoding="utf-8")
    toml = toml.replace("basic = { min = 0.1, max = 0.5 }", "basic = { min = 0.9, max = 1.0 }")
    (case / "case.toml").write_text(toml, encoding="utf-8")
    code, _, err = run_cli(["allocate", str(case), "--lang", "zh"], monkeypatch, capsys)
    assert code == 3
    assert err.startswith(say("cli.infeasible.rules", "zh", status="不可行").split("\n")[0])
    # the tiny case asks at least 0.9 of its budget of 6 for basic clusters: 5.4 亿元
    assert "type_share [basic:min]：将界限从 5.4 降低到" in err
    assert not english_printed(err, load_case(case))


def test_the_stock_explains_an_infeasible_row_in_either_language():
    """The reason of a stock row is the case's own sentence in English, worded again in zh."""
    case = load_case(shipped_case())
    conflict = stock_conflicts(case).iloc[0]
    row = pd.DataFrame(
        [("no_duplicated_construction", f"{conflict['project']}:stock", "<=", "projects")],
        columns=["rule", "key", "sense", "unit"],
    ).assign(bound=0.0, relaxation=1.0, relaxed_bound=1.0)
    english, chinese = (describe(row, case, lang)[0] for lang in ("en", "zh"))
    assert english.endswith(f" ({conflict['reason']})")
    assert "raise the bound from 0 to 1 projects (by 1)" in english
    assert "将界限从 0 提高到 1 个项目（提高 1）" in chinese
    assert not english_printed(chinese, case)


@pytest.mark.parametrize("command", ["validate", "allocate"])
def test_shipped_case_checks_print_no_english(command, wide, monkeypatch, capsys):
    code, text, err = run_cli([command, "--lang", "zh"], monkeypatch, capsys)
    assert code == 0, err
    assert "不可资助" in text  # the candidates the national stock refuses
    assert not english_printed(text + err, load_case(shipped_case()))
