"""Hostile numbers in scenarios and command-line options, and the values the fuzzing suite uses.

The hostile values and cells below are what :mod:`tests.optimize.test_fuzz_contract` writes
into ``case.toml`` and the CSV tables; here Hypothesis puts them into ``scenarios.toml`` and
numeric options: the exit code is 0, 2 (one line on stderr) or 3 (infeasible), and no input
file changes.
"""

import hashlib
import math
import shutil
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from optimize.case import SETTINGS
from tests.optimize.clirun import run_cli
from tests.optimize.test_schema import PLACEHOLDERS, dump_toml, set_key

TINY = Path(__file__).resolve().parents[1] / "cases" / "tiny"

#: TOML values a hostile tester types where a number, a name, a list or a table goes.
HOSTILE_VALUES = [
    math.nan,
    math.inf,
    -math.inf,
    1e308,
    -1e308,
    1e16,
    1e15,
    5e-324,
    1e-16,
    2**63 - 1,
    -(2**63),
    0,
    -1,
    1.5,
    1_000,
    True,
    "",
    "1e3",
    "merit",
    [],
    [[1]],
    [math.nan],
    ["platform", ["platform"]],
    {},
    {"min": 0.1},
    {"x": {"y": 1}},
]
#: CSV cell texts a hostile tester types where a number goes.
HOSTILE_CELLS = [
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e308",
    "1e309",
    "-1e308",
    "1e16",
    "1e15",
    "1e-15",
    "1e-16",
    "5e-324",
    "1_000",
    "１２",
    "٣",
    "0x10",
    "1/0",
    "0/0",
    "1e300/1e-300",
    "9" * 400,
    "0",
    "-0",
    "-1",
    "1/3",
    " 2 ",
    "",
    "=1+1",
    "1,5",
]


def fuzz(examples: int):
    """Hypothesis settings of these tests: each example runs the CLI once (~0.1-1 s)."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


def tiny_doc() -> dict:
    return tomllib.loads((TINY / "case.toml").read_text(encoding="utf-8"))


def known_keys() -> list[str]:
    """Every documented key, with its placeholders named as in the tiny case."""
    keys = []
    for setting in SETTINGS:
        key = setting.key
        for placeholder, name in {**PLACEHOLDERS, "<table>": "clusters", "<key>": "x"}.items():
            key = key.replace(placeholder, name)
        keys.append(key)
    return keys


KEYS = known_keys()
CSV_COLUMNS = {
    "scores.csv": ["value"],
    "fit.csv": ["coefficient"],
    "projects.csv": ["min_grant", "max_grant", "efficiency"],
    "judgments.csv": ["value"],
}


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


#: Any TOML number (TOML integers are 64-bit).
NUMBERS = st.one_of(st.floats(), st.integers(min_value=-(2**63), max_value=2**63 - 1))
#: Cell text without the characters the simple CSV writer below would have to quote.
CELL_TEXT = st.text(
    alphabet=st.characters(blacklist_characters='",\n\r', blacklist_categories=("Cs",)),
    max_size=8,
)


def write_toml_mutation(case: Path, key: str, value) -> bool:
    """Set `key` to `value`; False when the writer cannot express it (a key below a scalar)."""
    doc = tiny_doc()
    if key.startswith("periods."):
        doc["periods"] = {"years": [2021, 2022], "budgets": [3.0, 3.0]}
        del doc["budget"]["total"]
    if key.startswith("rules.frontier_platform_research"):
        set_key(doc, "rules.frontier_platform_research.criterion", "L1")
        set_key(doc, "rules.frontier_platform_research.min_score", 1.0)
    try:
        set_key(doc, key, value)
    except TypeError:
        return False
    (case / "case.toml").write_text(dump_toml(doc), encoding="utf-8")
    return True


def write_cell_mutation(case: Path, name: str, column: str, row: int, text: str) -> None:
    lines = (case / name).read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    body = lines[1:]
    cells = body[row % len(body)].split(",")
    cells[header.index(column)] = f'"{text}"' if "," in text else text
    body[row % len(body)] = ",".join(cells)
    (case / name).write_text("\n".join([lines[0], *body]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("text", ["nan", "inf", "1e16", "1_000", "１２", "1e300/1e-300", "9" * 400])
def test_a_score_cell_outside_what_computes_is_refused(
    text, tiny_path, tmp_path, monkeypatch, capsys
):
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    write_cell_mutation(case, "scores.csv", "value", 0, text)
    code, _, err = run_cli(["validate", str(case)], monkeypatch, capsys)
    assert code == 2
    assert "scores.csv, row 2, field 'value'" in err


SCENARIO_KEYS = [
    "budget",
    "blend",
    "priority_rule",
    "weights",
    "drop_rules",
    "description",
    "bugdet",
]


@fuzz(25)
@given(key=st.sampled_from(SCENARIO_KEYS), value=st.sampled_from(HOSTILE_VALUES))
def test_hostile_scenarios(key, value, monkeypatch, capsys):
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / "case"
        shutil.copytree(TINY, case)
        (case / "scenarios.toml").write_text(dump_toml({"s": {key: value}}), encoding="utf-8")
        before = digest(case)
        out = Path(folder) / "out"
        code, _, err = run_cli(
            ["sweep", "scenarios", str(case), "-o", str(out)], monkeypatch, capsys
        )
        assert code in (0, 2, 3), err
        if code == 2:
            assert len(err.strip().splitlines()) == 1, err
            assert not out.exists()
        assert digest(case) == before
        event(f"scenario {key}: exit {code}")


#: Numeric options of each command (small valid values only: a valid count within the
#: limits may still take long, which is not what this test is about).
OPTIONS = {
    ("allocate",): ["--budget", "--time-limit", "--mip-gap", "--threads"],
    ("sweep", "budget"): ["--from", "--to", "--steps"],
    ("sweep", "robustness"): ["--samples", "--seed", "--concentration"],
    ("sweep", "sobol"): ["--samples", "--seed"],
    ("rank",): ["--robustness", "--seed"],
}
OPTION_TEXTS = [
    "nan",
    "inf",
    "-inf",
    "-1",
    "0",
    "1e300",
    "1000000000",
    "99999999999999999999",
    "abc",
    "1_0",
    "2",
]


# SALib warns when a cluster's funding is the same at every design point, which a tiny
# case with a few samples often gives; that is a finding of the sweep, not a crash.
@pytest.mark.filterwarnings("ignore:Constant values encountered:UserWarning")
@fuzz(30)
@given(
    command=st.sampled_from(sorted(OPTIONS)).flatmap(
        lambda c: st.tuples(st.just(c), st.sampled_from(OPTIONS[c]))
    ),
    text=st.sampled_from(OPTION_TEXTS),
)
def test_hostile_numeric_options(command, text, monkeypatch, capsys):
    words, option = command
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out"
        args = [*words, str(TINY), option, text]
        if words[0] == "sweep":
            args += ["-o", str(out)]
        if words == ("sweep", "budget") and option != "--steps":
            args += ["--steps", "3"]
        if words == ("sweep", "robustness") and option != "--samples":
            args += ["--samples", "4"]
        if words == ("sweep", "sobol") and option != "--samples":
            args += ["--samples", "2"]
        before = digest(TINY)
        code, _, err = run_cli(args, monkeypatch, capsys)
        assert code in (0, 2, 3), err
        if code == 2 and "Usage:" not in err:  # the option parser's own refusal has a usage box
            assert len(err.strip().splitlines()) == 1, err
        assert digest(TINY) == before
        event(f"{' '.join(words)} {option}: exit {code}")


def test_run_of_an_infeasible_case_exits_3_and_writes_nothing(
    tiny_path, tmp_path, monkeypatch, capsys
):
    # Found by the mutation test: a basic-cluster minimum grant above every project's
    # maximum made `run` crash while writing the report of an allocation that did not exist.
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    with (case / "case.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[rules.basic_concentration]\ntypes = ["basic"]\nmin_grant = 1e15\n')
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 3, err
    assert "no allocation satisfies every rule" in err
    assert not out.exists()


def test_a_floor_above_everything_fundable_is_explained(tiny_path, tmp_path, monkeypatch, capsys):
    # Found by the mutation test: the elastic model's big-M was smaller than the slack such
    # a floor needs, so the explanation itself was infeasible and the command crashed.
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    with (case / "case.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n[rules.cluster_limits]\na = { floor = 26 }\n")
    code, _, err = run_cli(["allocate", str(case)], monkeypatch, capsys)
    assert code == 3, err
    assert "cluster_limits [a:floor]: lower the bound from 26 to 3" in err
