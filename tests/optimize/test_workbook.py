"""Case workbooks: lossless round trip, the blank template, bad workbooks, formula safety."""

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from optimize.case import demo_case, shipped_case
from optimize.casefiles import load_case
from tests.bad_workbooks.corpus import CORPUS, bad_workbook
from tests.optimize.case_equality import assert_same_case
from tests.optimize.test_cli import run_cli


def convert(source: Path, target: Path, monkeypatch, capsys) -> None:
    code, _, err = run_cli(["convert", str(source), str(target)], monkeypatch, capsys)
    assert code == 0, err


@pytest.mark.parametrize("case", ["shipped", "demo", "tiny", "made_up"])
def test_round_trip_folder_workbook_folder_is_lossless(
    case, tiny_path, made_up_path, tmp_path, monkeypatch, capsys
):
    folder = {
        "shipped": shipped_case(),
        "demo": demo_case(),
        "tiny": tiny_path,
        "made_up": made_up_path,
    }[case]
    book, back = tmp_path / "case.xlsx", tmp_path / "back"
    convert(folder, book, monkeypatch, capsys)
    convert(book, back, monkeypatch, capsys)
    original = load_case(folder)
    assert_same_case(original, load_case(book))
    assert_same_case(original, load_case(back))
    if case == "shipped":
        assert load_case(book).clusters.at["shanghai_ic", "name_zh"] == "上海市集成电路集群"


def test_case_differences_are_detected(tiny_path, tmp_path):
    changed = tmp_path / "changed"
    shutil.copytree(tiny_path, changed)
    scores = (changed / "scores.csv").read_text(encoding="utf-8")
    (changed / "scores.csv").write_text(scores.replace("a,L1,2.0", "a,L1,2.5"), encoding="utf-8")
    with pytest.raises(AssertionError):
        assert_same_case(load_case(tiny_path), load_case(changed))


def test_workbook_sheets_and_frozen_headers(tmp_path, monkeypatch, capsys):
    book = tmp_path / "case.xlsx"
    convert(shipped_case(), book, monkeypatch, capsys)
    workbook = load_workbook(book)
    assert workbook.sheetnames == [
        "about",
        "clusters",
        "criteria",
        "judgments",
        "scores",
        "rating_scales",
        "ratings",
        "types",
        "instruments",
        "fit",
        "projects",
        "budget",
        "rules",
        "scenarios",
        "sources",
        "stock",
    ]
    about = [row[0] for row in workbook["about"].iter_rows(values_only=True)]
    assert about[1].startswith("ILLUSTRATIVE")  # DATA, or INPUTS when every score is sourced
    assert any("formulas" in line for line in about)
    assert workbook["scores"].freeze_panes == "A2"
    assert isinstance(workbook["scores"]["C2"].value, int | float)
    assert [c.value for c in workbook["rules"][1]] == [
        "rule",
        "key",
        "field",
        "value",
        "provenance",
    ]
    assert [c.value for c in workbook["scenarios"][1]][:2] == ["scenario", "description"]


def test_text_that_looks_like_a_formula_stays_text(tiny_path, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "case"
    shutil.copytree(tiny_path, folder)
    clusters = (folder / "clusters.csv").read_text(encoding="utf-8")
    risky = '"=HYPERLINK(""http://x"",""y"")"'
    (folder / "clusters.csv").write_text(clusters.replace(",Alpha,", f",{risky},"), "utf-8")
    book = tmp_path / "case.xlsx"
    convert(folder, book, monkeypatch, capsys)
    with zipfile.ZipFile(book) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any("<f>" in archive.read(n).decode() for n in sheets)
    assert load_case(book).clusters.at["a", "name_en"] == '=HYPERLINK("http://x","y")'


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_bad_workbook_gives_one_line_naming_the_cell(name, tmp_path, monkeypatch, capsys):
    book = bad_workbook(name, tmp_path)
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(book), "--out", str(out)], monkeypatch, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert CORPUS[name][1] in err, err
    assert "Traceback" not in err
    assert not out.exists()


def test_a_formula_in_judgments_is_refused_alike_by_weights_and_in_a_case(
    tmp_path, monkeypatch, capsys
):
    book = bad_workbook("formula_for_judgment", tmp_path)
    errors = []
    for args in (["weights", str(book), "--sheet", "judgments"], ["validate", str(book)]):
        code, _, err = run_cli(args, monkeypatch, capsys)
        assert code == 2, err
        errors.append(err.strip())
    assert errors[0] == errors[1]
    assert CORPUS["formula_for_judgment"][1] in errors[0], errors[0]


def test_a_file_that_is_not_a_workbook(tmp_path, monkeypatch, capsys):
    book = tmp_path / "case.xlsx"
    book.write_text("id,name\n", encoding="utf-8")
    code, _, err = run_cli(["validate", str(book)], monkeypatch, capsys)
    assert code == 2 and "case.xlsx: cannot read as an .xlsx workbook" in err


def test_convert_refuses_two_folders_and_an_existing_target(
    tiny_path, tmp_path, monkeypatch, capsys
):
    code, _, err = run_cli(["convert", str(tiny_path), str(tmp_path / "x")], monkeypatch, capsys)
    assert code == 2 and "one case folder and one .xlsx workbook" in err
    book = tmp_path / "case.xlsx"
    convert(tiny_path, book, monkeypatch, capsys)
    before = book.read_bytes()
    code, _, err = run_cli(["convert", str(tiny_path), str(book)], monkeypatch, capsys)
    assert code == 2 and "--force" in err
    assert book.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["case.xlsx"]


def test_blank_workbook_template_filled_in_validates(tiny_path, tmp_path, monkeypatch, capsys):
    blank = tmp_path / "blank.xlsx"
    code, _, _ = run_cli(["new", str(blank)], monkeypatch, capsys)
    assert code == 0
    template = load_workbook(blank)
    assert template.sheetnames[0] == "about"
    assert template["about"]["A1"].value == "How to fill in this case"
    code, _, err = run_cli(["validate", str(blank)], monkeypatch, capsys)
    assert code == 2 and "sheet clusters: no clusters listed" in err
    filled = tmp_path / "tiny.xlsx"
    convert(tiny_path, filled, monkeypatch, capsys)
    source = load_workbook(filled)
    for name in ("clusters", "criteria", "judgments", "scores", "fit", "projects"):
        header = [c.value for c in template[name][1]]
        for row in source[name].iter_rows(min_row=2, values_only=True):
            record = dict(zip([c.value for c in source[name][1]], row, strict=True))
            template[name].append([record.get(column) for column in header])
    assert template["budget"]["C2"].value == "total"
    template["budget"]["D2"] = 6
    template.save(blank)
    code, text, err = run_cli(["validate", str(blank)], monkeypatch, capsys)
    assert code == 0, err
    assert "4 clusters" in text and "budget 6" in text


def test_blank_folder_template_has_a_readme(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "new_case"
    code, _, _ = run_cli(["new", str(folder)], monkeypatch, capsys)
    assert code == 0
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "# Case `new_case`" in readme and "`scores.csv`" in readme
    header = (folder / "projects.csv").read_text(encoding="utf-8").splitlines()
    assert header == [
        "id,cluster,instrument,min_grant,max_grant,efficiency,cofunding_ratio,start,provenance,"
        "domain,complements,stock_override"
    ]


def test_allocate_and_run_take_a_workbook(tiny_path, tmp_path, monkeypatch, capsys):
    book = tmp_path / "tiny.xlsx"
    convert(tiny_path, book, monkeypatch, capsys)
    code, text, err = run_cli(["allocate", str(book), "--json"], monkeypatch, capsys)
    assert code == 0, err
    from_folder = run_cli(["allocate", str(tiny_path), "--json"], monkeypatch, capsys)[1]
    assert json.loads(text)["objective"] == pytest.approx(json.loads(from_folder)["objective"])
    code, _, err = run_cli(["run", str(book), "--out", str(tmp_path / "out")], monkeypatch, capsys)
    assert code == 0, err
    assert (tmp_path / "out" / "report.html").is_file()
