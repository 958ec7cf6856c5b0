"""Size limits (checked before the work starts) and numbers no computation can use."""

import math
import re
import shutil
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from optimize import InputError, load_case
from optimize.appraisal import appraise
from optimize.case import (
    LIMITS,
    MAX_MAGNITUDE,
    ValueRangeError,
    check_limit,
    checked_number,
    depth,
    env_name,
    limit,
    number_from_text,
)
from tests.optimize.clirun import run_cli


def copy_tiny(tiny_path: Path, tmp_path: Path) -> Path:
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    return case


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def one_error_line(args: list[str], monkeypatch, capsys) -> str:
    code, _, err = run_cli(args, monkeypatch, capsys)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1, err
    return err


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (float("nan"), "not a finite number"),
        (float("inf"), "not a finite number"),
        (1e308, "too large"),
        (10**400, "too large"),  # float() of it would overflow
        (-2e15, "too large"),
        (1e-300, "too small"),
        (True, "not a number"),
        ("3", "not a number"),
        ([1.0], "not a number"),
        (2.5, "whole number"),
    ],
)
def test_checked_number_refuses(value, words):
    with pytest.raises(ValueRangeError, match=words):
        checked_number(value, 0.0, whole=True)


@pytest.mark.parametrize("value", [0, 0.0, -0.0, 1, MAX_MAGNITUDE, 1e-15, 7])
def test_checked_number_accepts(value):
    assert checked_number(value) == float(value)


@pytest.mark.parametrize(
    "text", ["nan", "inf", "-Infinity", "1_000", "１２", "٣", "0x10", "1e309", "", "1/0", "1 2"]
)
def test_number_from_text_refuses_what_a_spreadsheet_would_not_read(text):
    with pytest.raises(ValueRangeError):
        number_from_text(text)


@pytest.mark.parametrize(
    ("text", "value"), [("3", 3.0), ("-0.25", -0.25), ("1e6", 1e6), (" 1/4 ", 0.25), (".5", 0.5)]
)
def test_number_from_text_reads_decimals_and_ratios(text, value):
    assert number_from_text(text) == value


def closeness(case: Path) -> pd.Series:
    return appraise(load_case(case)).ranking["score"]


def rewrite_scores(case: Path, change) -> None:
    table = pd.read_csv(case / "scores.csv", dtype=str, keep_default_na=False)
    table["value"] = [
        change(c, k, v) for c, k, v in table[["cluster", "criterion", "value"]].values
    ]
    table.to_csv(case / "scores.csv", index=False)


@settings(max_examples=12, deadline=None)
@given(exponent=st.integers(min_value=-14, max_value=14))
def test_closeness_does_not_move_when_a_column_changes_unit(exponent, tmp_path_factory):
    # Up to the magnitude limit a change of unit cannot flip a ranking: no square of a score
    # overflows or vanishes in the vector norm.
    tiny = Path(__file__).resolve().parents[1] / "cases" / "tiny"
    case = copy_tiny(tiny, tmp_path_factory.mktemp("unit"))
    before = closeness(case)
    factor = 10.0**exponent
    rewrite_scores(case, lambda c, k, v: repr(float(v) * factor) if k == "L1" else v)
    pd.testing.assert_series_equal(closeness(case), before, rtol=1e-9)


def test_a_huge_benefit_score_raises_closeness_or_is_refused(tiny_path, tmp_path):
    # The bug: 1e308 on a benefit criterion overflowed the norm and lowered a's closeness.
    case = copy_tiny(tiny_path, tmp_path)
    original = closeness(case)["a"]
    rewrite_scores(case, lambda c, k, v: repr(MAX_MAGNITUDE) if (c, k) == ("a", "L1") else v)
    at_limit = closeness(case)
    assert at_limit["a"] > original
    assert at_limit.idxmax() == "a" or at_limit["a"] > original + 0.1
    rewrite_scores(case, lambda c, k, v: "1e308" if (c, k) == ("a", "L1") else v)
    with pytest.raises(InputError, match="too large to compute with") as error:
        load_case(case)
    assert (error.value.file, error.value.row, error.value.field) == ("scores.csv", 2, "value")


# --- keys and shapes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("slope_decay = 0.5", "slope_decay = 0.5\nslope = 0.1", "benefit.slope", "unknown key"),
        (
            "max = 0.5 }",
            "max = 0.5, maks = 0.9 }",
            "rules.type_share.basic.maks",
            "unknown key (known: max, min)",
        ),
        (
            "max_per_domain = 1",
            "max_per_domain = 1\n\n[rules.cluster_limits]\na = 5",
            "rules.cluster_limits.a",
            "must be a table",
        ),
        ('name = "tiny"', 'name = { en = "tiny" }', "case.name", "must be a value, not a table"),
        (
            "",
            "[periods]\nyears = [2021]\nbudgets = [6.0]\nprofiles = { platform = 1.0 }",
            "periods.profiles.platform",
            "must be a list",
        ),
        (
            "",
            "[periods]\nyears = [2021]\nbudgets = [6.0]\nprofiles = { platfrom = [1.0] }",
            "periods.profiles.platfrom",
            "unknown instrument",
        ),
        (
            "",
            "[periods]\nyears = [99999999999]\nbudgets = [6.0]",
            "periods.years",
            "whole years 1000-9999",
        ),
        (
            "",
            "[appraisal.expert_weights]\nx = { y = 1 }",
            "appraisal.expert_weights.x",
            "must be a value",
        ),
    ],
)
def test_unknown_keys_and_wrong_shapes_are_named(old, new, field, words, tiny_path, tmp_path):
    case = copy_tiny(tiny_path, tmp_path)
    path = case / "case.toml"
    if old:
        edit(path, old, new)
    else:  # a new table at the end, after every other one
        path.write_text(path.read_text(encoding="utf-8") + "\n" + new + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(words)) as error:
        load_case(case)
    assert error.value.field == field


def test_a_floor_without_a_cap_means_no_cap(tiny_path, tmp_path):
    case = copy_tiny(tiny_path, tmp_path)
    path = case / "case.toml"
    extra = "\n[rules.cluster_limits]\ndefault = { floor = 0.5 }\nb = { cap = 2.0 }\n"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    limits = load_case(case).rules.cluster_limits
    assert (limits["a"].minimum, limits["a"].maximum) == (0.5, math.inf)
    assert (limits["b"].minimum, limits["b"].maximum) == (0.5, 2.0)


def test_every_documented_key_of_the_shipped_case_is_known():
    from optimize.case import shipped_case

    assert load_case(shipped_case()).name


@pytest.mark.parametrize(
    ("scenario", "field", "words"),
    [
        ("budget = nan", "s.budget", "not a finite number"),
        ("blend = 1e400", "s.blend", "not a finite number"),
        ("weights = 5", "s.weights", "must be a table"),
        ('drop_rules = "region_floor"', "s.drop_rules", "must be a list of rule names"),
        ("weights = { G1 = inf }", "s.weights.G1", "not a finite number"),
    ],
)
def test_scenario_numbers_and_shapes(scenario, field, words, tiny_path, tmp_path):
    from optimize.casefiles import load_scenarios

    case = copy_tiny(tiny_path, tmp_path)
    (case / "scenarios.toml").write_text(f"[s]\n{scenario}\n", encoding="utf-8")
    with pytest.raises(InputError, match=words) as error:
        load_scenarios(case, load_case(case))
    assert (error.value.file, error.value.field) == ("scenarios.toml", field)


# --- limits ---------------------------------------------------------------------------------


def test_each_limit_has_a_row_in_the_module_table():
    module = sys.modules["optimize.case.limits"]  # its docstring holds the table

    for name, default in LIMITS.items():
        assert f"{name:<19}{default:<13,}".replace(",", " ") in module.__doc__


def test_a_limit_is_raised_by_its_environment_variable(monkeypatch):
    check_limit("projects", LIMITS["projects"], "projects", "projects.csv")
    with pytest.raises(InputError, match="CLUSTERPLAN_MAX_PROJECTS"):
        check_limit("projects", LIMITS["projects"] + 1, "projects", "projects.csv")
    monkeypatch.setenv(env_name("projects"), str(LIMITS["projects"] + 1))
    check_limit("projects", LIMITS["projects"] + 1, "projects", "projects.csv")
    monkeypatch.setenv(env_name("projects"), "lots")
    with pytest.raises(InputError, match="positive whole number"):
        limit("projects")


def test_100000_projects_are_refused_before_any_work(tiny_path, tmp_path, monkeypatch, capsys):
    case = copy_tiny(tiny_path, tmp_path)
    rows = [f"p{n},a,platform,0.1,0.2,1.0" for n in range(100_000)]
    header = "id,cluster,instrument,min_grant,max_grant,efficiency"
    (case / "projects.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    started = time.perf_counter()
    err = one_error_line(["validate", str(case)], monkeypatch, capsys)
    assert time.perf_counter() - started < 20
    assert "projects.csv: 100,000 projects exceed the limit of 50,000" in err
    assert "CLUSTERPLAN_MAX_PROJECTS" in err


@pytest.mark.parametrize(
    ("variable", "value", "words"),
    [
        ("CLUSTERPLAN_MAX_TABLE_BYTES", "100", "clusters.csv: 175 bytes exceed the limit"),
        ("CLUSTERPLAN_MAX_TABLE_ROWS", "5", "criteria.csv: 6 rows exceed the limit of 5"),
        ("CLUSTERPLAN_MAX_CLUSTERS", "3", "clusters.csv: 4 clusters exceed the limit of 3"),
        ("CLUSTERPLAN_MAX_CRITERIA", "3", "criteria.csv: 6 criteria exceed the limit of 3"),
        ("CLUSTERPLAN_MAX_SETTINGS_BYTES", "50", "case.toml: "),
    ],
)
def test_case_sizes_over_a_limit(variable, value, words, tiny_path, monkeypatch, capsys):
    monkeypatch.setenv(variable, value)
    err = one_error_line(["validate", str(tiny_path)], monkeypatch, capsys)
    assert words in err
    assert f"(raise it with the environment variable {variable})" in err


def test_settings_nested_beyond_the_limit(tiny_path, tmp_path, monkeypatch, capsys):
    case = copy_tiny(tiny_path, tmp_path)
    edit(case / "case.toml", 'title = "Tiny test case"', 'title = "t"\nx = ' + "[" * 40 + "]" * 40)
    err = one_error_line(["validate", str(case)], monkeypatch, capsys)
    assert "41 levels of nested tables and lists exceed the limit of 16" in err
    assert depth({"a": [[1], {"b": 2}]}) == 3


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["allocate", "{case}", "--budget", "inf"], "--budget: inf is not a finite number"),
        (["allocate", "{case}", "--budget", "1e300"], "--budget: 1e+300 is too large"),
        (["allocate", "{case}", "--threads", "100000"], "CLUSTERPLAN_MAX_THREADS"),
        (["allocate", "{case}", "--time-limit", "inf"], "--time-limit: inf is not a finite"),
        (["sweep", "budget", "{case}", "--steps", "1000000000", "-o", "{out}"], "MAX_STEPS"),
        (["sweep", "budget", "{case}", "--to", "inf", "-o", "{out}"], "--to: inf"),
        (["sweep", "budget", "{case}", "--jobs", "100000", "-o", "{out}"], "MAX_JOBS"),
        (["sweep", "robustness", "{case}", "--samples", "1000000000", "-o", "{out}"], "SAMPLES"),
        (["sweep", "robustness", "{case}", "--seed", "-1", "-o", "{out}"], "--seed: -1"),
        (["sweep", "robustness", "{case}", "--concentration", "0", "-o", "{out}"], "must be > 0"),
        (["sweep", "sobol", "{case}", "--samples", "1000000000", "-o", "{out}"], "SOBOL_SAMPLES"),
        (["sweep", "sobol", "{case}", "--samples", "12", "-o", "{out}"], "e.g. 8 or 16"),
        (["allocate", "{case}", "--time-limit", "0"], "--time-limit: 0.0 must be > 0"),
        (["rank", "{case}", "--robustness", "1000000000"], "CLUSTERPLAN_MAX_SAMPLES"),
        (["rank", "{case}", "--robustness", "-5"], "--robustness: -5 must be >= 0"),
    ],
)
def test_options_that_scale_work_are_checked_first(
    args, words, tiny_path, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    filled = [a.format(case=tiny_path, out=out) for a in args]
    started = time.perf_counter()
    err = one_error_line(filled, monkeypatch, capsys)
    assert time.perf_counter() - started < 20
    assert words in err
    assert not out.exists()


@pytest.fixture
def tiny_workbook(tiny_path, tmp_path, monkeypatch, capsys) -> Path:
    book = tmp_path / "tiny.xlsx"
    code, _, err = run_cli(["convert", str(tiny_path), str(book)], monkeypatch, capsys)
    assert code == 0, err
    return book


def test_a_cell_at_the_last_row_is_refused_quickly(tiny_workbook, monkeypatch, capsys):
    workbook = load_workbook(tiny_workbook)
    workbook["scores"]["B1048576"] = 1.0
    workbook.save(tiny_workbook)
    started = time.perf_counter()
    err = one_error_line(["validate", str(tiny_workbook)], monkeypatch, capsys)
    assert time.perf_counter() - started < 20
    assert "tiny.xlsx, sheet scores: 1,048,575 rows exceed the limit of 500,000" in err


def test_a_workbook_that_expands_too_far_is_refused_unread(
    tiny_workbook, tmp_path, monkeypatch, capsys
):
    # Shared strings of 20 MB compress to about 20 kB; the zip directory says how far they
    # expand. The limit is lowered so that the test stays small.
    monkeypatch.setenv("CLUSTERPLAN_MAX_WORKBOOK_UNPACKED", "10000000")
    bomb = tmp_path / "bomb.xlsx"
    shutil.copy(tiny_workbook, bomb)
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", strings + b"x" * 20_000_000 + b"</t></si></sst>")
    assert bomb.stat().st_size < 200_000
    err = one_error_line(["validate", str(bomb)], monkeypatch, capsys)
    assert "bytes once decompressed exceed the limit of 10,000,000" in err
    assert "CLUSTERPLAN_MAX_WORKBOOK_UNPACKED" in err


def test_a_zero_budget_allocates_nothing_and_says_so(tiny_path, monkeypatch, capsys):
    # The finite-difference step of the marginal values was 1e-3 x budget: zero divided by.
    code, out, err = run_cli(["allocate", str(tiny_path), "--budget", "0"], monkeypatch, capsys)
    assert code == 0, err
    assert "spent 0.00 of 0" in out


def test_the_weights_command_checks_the_file_size_first(tiny_path, monkeypatch, capsys):
    monkeypatch.setenv("CLUSTERPLAN_MAX_TABLE_BYTES", "10")
    err = one_error_line(["weights", str(tiny_path / "judgments.csv")], monkeypatch, capsys)
    assert "judgments.csv: " in err
    assert "CLUSTERPLAN_MAX_TABLE_BYTES" in err


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "words"),
    [
        ("scores", "C2", 1e300, "cell scores!C2, field 'value': 1e+300 is too large"),
        ("scores", "C2", "1_000", "cell scores!C2, field 'value': '1_000' is not a number"),
        ("budget", "D2", "inf", "cell budget!D2, field 'budget.total': 'inf' is not a"),
        ("rules", "C4", "normalisation", "cell rules!D4, field 'appraisal.normalisation': unknown"),
    ],
)
def test_workbook_numbers_and_keys_pass_the_same_checks(
    sheet, cell, value, words, tiny_workbook, monkeypatch, capsys
):
    workbook = load_workbook(tiny_workbook)
    workbook[sheet][cell] = value
    workbook.save(tiny_workbook)
    err = one_error_line(["validate", str(tiny_workbook)], monkeypatch, capsys)
    assert f"tiny.xlsx, {words}" in err
