"""``clusterplan weights``: published examples through the command line, and every refusal."""

import json

import pytest
from openpyxl import Workbook

from mcda.ahp import RI_TABLES, diagnose, scale_label
from optimize.cli import RI_TABLE_NAMES
from tests.mcda.published import DRINKS_CSV, DRINKS_WEIGHTS, HOUSE_MATRIX, INCOMPLETE_4, write
from tests.optimize.clirun import run_cli

PANEL = """row,col,value,expert
a,b,strong,ann
a,c,very strong,ann
b,c,moderate,ann
a,b,3,bob
a,c,1/2,bob
b,c,2,bob
"""


def weights_json(args: list[str], monkeypatch, capsys) -> dict:
    code, out, err = run_cli(["weights", *args, "--json"], monkeypatch, capsys)
    assert code == 0, err
    return json.loads(out)


def test_drinks_in_words(tmp_path, monkeypatch, capsys) -> None:
    code, out, _ = run_cli(
        ["weights", str(write(tmp_path, "drinks.csv", DRINKS_CSV))], monkeypatch, capsys
    )
    assert code == 0
    assert "0.3268" in out and "CR 0.0223" in out and "table saaty: Saaty (1980)" in out
    assert "acceptable: CR 0.022 <= 0.10" in out and "revise (" in out


def test_drinks_as_json_against_a_named_table(tmp_path, monkeypatch, capsys) -> None:
    report = weights_json(
        [str(write(tmp_path, "drinks.csv", DRINKS_CSV)), "--ri", "donegan_dodd"],
        monkeypatch,
        capsys,
    )
    drinks = report["drinks"]
    assert drinks["weights"] == pytest.approx(DRINKS_WEIGHTS, abs=1e-4)
    assert drinks["cr"] == pytest.approx(0.0235, abs=5e-5)
    assert drinks["ri_table"] == "donegan_dodd" and "Donegan & Dodd (1991)" in drinks["ri_source"]
    assert drinks["acceptable"] and drinks["completed"] == []


def test_house_verdict_and_diagnosis_match_the_library(tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "house.csv"
    HOUSE_MATRIX.to_csv(path, index_label="factor")
    house = weights_json([str(path), "--top", "2"], monkeypatch, capsys)["house"]
    assert not house["acceptable"] and house["verdict"].startswith("REVISE: CR 0.169 > 0.10")
    expected = diagnose(HOUSE_MATRIX).top(2)
    assert [(r["row"], r["col"], r["suggested"]) for r in house["diagnosis"]["revisions"]] == list(
        zip(expected["row"], expected["col"], expected["suggested"], strict=True)
    )
    code, out, _ = run_cli(["weights", str(path)], monkeypatch, capsys)
    first = expected.iloc[0]
    line = (
        f"revise ({first['row']}, {first['col']}) "
        f"{scale_label(first['judgment'])} -> {scale_label(first['suggested'])}"
    )
    assert code == 0 and "REVISE" in out and line in out


@pytest.mark.parametrize("how", ["aij", "aip"])
def test_expert_panel(tmp_path, monkeypatch, capsys, how: str) -> None:
    report = weights_json(
        [str(write(tmp_path, "panel.csv", PANEL)), "--group", how], monkeypatch, capsys
    )
    panel = report["panel"]
    assert list(panel["experts"]) == ["ann", "bob"] and panel["aggregation"] == how
    assert 0 < panel["consensus"] < 1
    assert ("group_matrix" in panel) == (how == "aij")
    assert sum(panel["weights"].values()) == pytest.approx(1.0)
    code, out, _ = run_cli(
        ["weights", str(tmp_path / "panel.csv"), "--group", how], monkeypatch, capsys
    )
    assert (
        code == 0
        and "consensus (Goepel's relative homogeneity)" in out
        and "bob (compatibility" in out
    )


def test_missing_judgment_is_completed_and_reported(tmp_path, monkeypatch, capsys) -> None:
    rows = "".join(f"{r},{c},{v}\n" for (r, c), v in INCOMPLETE_4.items())
    report = weights_json(
        [str(write(tmp_path, "u.csv", "row,col,value\n" + rows))], monkeypatch, capsys
    )
    (cell,) = report["u"]["completed"]
    assert (cell["row"], cell["col"]) == ("c", "d") and cell["value"] == pytest.approx(
        0.7303, abs=1e-4
    )
    assert "incomplete" in report["u"]["diagnosis"]["note"]


def test_workbook_sheet_and_upper_triangle(tmp_path, monkeypatch, capsys) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "criteria"
    for line in DRINKS_CSV.strip().splitlines():
        sheet.append(line.replace("tea,1/5,3,", "tea,oops,3,").split(","))
    book.save(tmp_path / "j.xlsx")
    report = weights_json(
        [str(tmp_path / "j.xlsx"), "--sheet", "criteria", "--reciprocal", "upper"],
        monkeypatch,
        capsys,
    )
    assert report["j"]["weights"] == pytest.approx(DRINKS_WEIGHTS, abs=1e-4)


def test_a_case_judgments_table(tiny_path, monkeypatch, capsys) -> None:
    report = weights_json([str(tiny_path / "judgments.csv")], monkeypatch, capsys)
    assert list(report) == ["goal", "G1", "G2"]
    assert report["goal"]["weights"] == pytest.approx({"G1": 0.75, "G2": 0.25})


SIXTEEN = "row,col,value\n" + "".join(f"i{k},i{k + 1},2\n" for k in range(15))


@pytest.mark.parametrize(
    ("name", "text", "options", "message"),
    [
        (
            "d.csv",
            DRINKS_CSV.replace("coffee,1,9,", "coffee,1,0,"),
            [],
            "d.csv, row 2, field 'wine': 0 must be > 0",
        ),
        (
            "d.csv",
            DRINKS_CSV.replace("coffee,1,9,", "coffee,1,-9,"),
            [],
            "field 'wine': -9 must be > 0",
        ),
        (
            "d.csv",
            DRINKS_CSV.replace("coffee,1,9,", "nan,1,9,"),
            [],
            "row is labelled 'nan' but column 2 is 'coffee'",
        ),
        (
            "d.csv",
            DRINKS_CSV.replace("coffee,1,9,", "coffee,nan,9,"),
            [],
            "field 'coffee': 'nan' is not a finite number",
        ),
        (
            "d.csv",
            DRINKS_CSV.replace("coffee,1,9,5,", "coffee,1,9,4,"),
            [],
            "(coffee, tea) = 4 and (tea, coffee) = 0.2 are not reciprocal",
        ),
        (
            "d.csv",
            DRINKS_CSV.replace("coffee,1,9,", "coffee,1,8.5,"),
            ["--strict-scale"],
            "8.5 is off Saaty's 1/9..9 scale",
        ),
        (
            "d.csv",
            DRINKS_CSV.replace("coffee,1,9,", "coffee,1,stronk,"),
            [],
            "unknown verbal label 'stronk'",
        ),
        (
            "l.csv",
            "row,col,value\na,b,3\nb,a,1/3\n",
            [],
            "l.csv, row 3, field 'col': judgment (b, a) repeats a pair",
        ),
        (
            "l.csv",
            "row,col,value\na,b,3\nc,d,2\n",
            [],
            "groups never compared with each other: a, b | c, d",
        ),
        ("l.csv", SIXTEEN, [], "random-index table 'saaty' covers n = 1..15, not n = 16"),
        ("d.csv", DRINKS_CSV, ["--ri", "gauss"], "unknown random-index table 'gauss'"),
        (
            "d.csv",
            DRINKS_CSV,
            ["--method", "median"],
            "--method: must be one of eigenvector, geometric_mean",
        ),
        (
            "d.csv",
            DRINKS_CSV,
            ["--reciprocal", "lower"],
            "--reciprocal: must be one of full, upper",
        ),
        ("d.csv", DRINKS_CSV, ["--group", "mean"], "--group: must be one of aij, aip"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path, monkeypatch, capsys, name, text, options, message
) -> None:
    code, _, err = run_cli(
        ["weights", str(write(tmp_path, name, text)), *options], monkeypatch, capsys
    )
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert "Traceback" not in err


def test_a_table_covering_n_answers_where_saaty_cannot(tmp_path, monkeypatch, capsys) -> None:
    report = weights_json(
        [str(write(tmp_path, "l.csv", SIXTEEN)), "--ri", "donegan_dodd"], monkeypatch, capsys
    )
    assert len(report["l"]["weights"]) == 16 and report["l"]["cr"] == pytest.approx(0.0, abs=1e-9)


def test_missing_file_exits_2(tmp_path, monkeypatch, capsys) -> None:
    code, _, err = run_cli(["weights", str(tmp_path / "none.csv")], monkeypatch, capsys)
    assert code == 2 and "none.csv: file not found" in err


def test_the_help_names_every_random_index_table() -> None:
    assert tuple(RI_TABLES) == RI_TABLE_NAMES


# Rezaei (2016), Omega 64, 126-130, Table 3 (car example): linear-model weights
# (.2295, .4481, .1148, .1530, .0546), xi^L .0109, nonlinear xi* .1459.
BWM_CAR = """node,best,worst,item,best_to_item,item_to_worst
car,price,style,quality,2,4
car,,,price,,8
car,,,comfort,4,2
car,,,safety,3,3
car,,,style,8,
"""


def test_bwm_judgments_give_weights_xi_and_cr(tmp_path, monkeypatch, capsys) -> None:
    path = write(tmp_path, "bwm.csv", BWM_CAR)
    car = weights_json([str(path)], monkeypatch, capsys)["car"]
    assert car["method"] == "bwm" and (car["best"], car["worst"]) == ("price", "style")
    assert list(car["weights"].values()) == pytest.approx(
        [0.2295, 0.4481, 0.1148, 0.1530, 0.0546], abs=5e-5
    )
    assert car["xi_linear"] == pytest.approx(0.0109, abs=5e-5)
    assert car["xi_star"] == pytest.approx(0.1459, abs=5e-5)
    assert car["cr"] == pytest.approx(0.1459 / 4.47, abs=1e-4)
    assert (car["comparisons"], car["ahp_comparisons"]) == (7, 10)
    code, out, _ = run_cli(["weights", str(path)], monkeypatch, capsys)
    assert code == 0 and "0.4481" in out and "xi* 0.1459" in out and "CR 0.0326" in out


def test_bwm_judgments_that_contradict_are_one_line(tmp_path, monkeypatch, capsys) -> None:
    path = write(tmp_path, "bwm.csv", BWM_CAR.replace("car,,,style,8,", "car,,,style,9,"))
    code, _, err = run_cli(["weights", str(path)], monkeypatch, capsys)
    assert code == 2 and "bwm.csv: node 'car': the best 'price' is 9 times" in err
    assert len(err.strip().splitlines()) == 1
