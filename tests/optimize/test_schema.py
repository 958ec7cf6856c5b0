"""The case-file schema (source of the docs' case-file reference) matches what the loader does."""

import csv
import dataclasses
import shutil
import tomllib
from pathlib import Path

import pytest

from optimize import InputError, load_case
from optimize.case import (
    DEFAULTS,
    RULE_NAMES,
    SECTIONS,
    SETTINGS,
    TABLES,
    TOML_RULES,
    filled_columns,
    required_columns,
    shipped_case_folders,
)
from optimize.casefiles import case_folder_files, read_case_folder
from tests.optimize.imprecise_case import write_imprecise_tiny

#: A name of each placeholder kind that exists in the tiny case.
PLACEHOLDERS = {
    "<type>": "basic",
    "<instrument>": "platform",
    "<cluster>": "a",
    "<region>": "east",
    "<expert>": "alice",
    "<criterion>": "L2",
}
#: Keys that a rule needs besides the one under test.
COMPANIONS = {
    "rules.frontier_platform_research": {
        "types": ["frontier"],
        "instruments": ["platform"],
        "criterion": "L1",
        "min_score": 1.0,
    },
    "rules.basic_concentration": {"types": ["basic"]},
}

SOURCES_CSV = "fact_id,source\nS001,a public page\n"
STOCK_CSV = (
    "id,name_en,name_zh,kind,domain,city,year,source,cluster,note\n"
    "centre,Speech Centre,语音中心,national_manufacturing_innovation_centre,ai,Hefei,2021,S001,,\n"
)


def concrete(key: str) -> str:
    for placeholder, name in PLACEHOLDERS.items():
        key = key.replace(placeholder, name)
    return key


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    return repr(value)


def dump_toml(doc: dict, prefix: str = "") -> str:
    """A small TOML writer: scalars first, then one [table] per nested table."""
    scalars = [f"{k} = {toml_value(v)}" for k, v in doc.items() if not isinstance(v, dict)]
    lines = ([f"[{prefix}]"] if prefix and scalars else []) + scalars
    for key, value in doc.items():
        if isinstance(value, dict):
            lines.append(dump_toml(value, f"{prefix}.{key}" if prefix else key))
    return "\n".join(lines)


def set_key(doc: dict, key: str, value) -> None:
    *path, last = key.split(".")
    for part in path:
        doc = doc.setdefault(part, {})
    doc[last] = value


def tiny_copy(tiny_path: Path, tmp_path: Path, imprecise: bool = False) -> Path:
    """The tiny case with a sources table (and, `imprecise`, imprecise scores and ratings)."""
    case = tmp_path / "case"
    if imprecise:
        write_imprecise_tiny(tiny_path, case)
    else:
        shutil.copytree(tiny_path, case)
    (case / "sources.csv").write_text(SOURCES_CSV, encoding="utf-8")
    (case / "stock.csv").write_text(STOCK_CSV, encoding="utf-8")
    doc = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    doc["tables"]["sources"] = "sources.csv"
    doc["tables"]["stock"] = "stock.csv"
    (case / "case.toml").write_text(dump_toml(doc), encoding="utf-8")
    return case


def flat_keys(doc: dict, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every key path of a TOML document, as parts (a criterion id may hold a dot: C1.1)."""
    keys = []
    for key, value in doc.items():
        name = (*prefix, key)
        is_bounds = isinstance(value, dict) and set(value) <= {"min", "max", "floor", "cap"}
        if isinstance(value, dict) and (not is_bounds or not value):
            keys += flat_keys(value, name)
        elif is_bounds:
            keys += [(*name, bound) for bound in value]
        else:
            keys.append(name)
    return keys


def matches(parts: tuple[str, ...], pattern: str) -> bool:
    wanted = pattern.split(".")
    return len(parts) == len(wanted) and all(
        w.startswith("<") or w == p for p, w in zip(parts, wanted, strict=True)
    )


def test_every_rule_has_settings_and_every_rule_setting_a_rule():
    assert {s.rule for s in SETTINGS if s.rule} == set(RULE_NAMES)
    toml_rules = {s.key.split(".")[1] for s in SETTINGS if s.key.startswith("rules.")}
    assert toml_rules == TOML_RULES


@pytest.mark.parametrize("case_toml", [*(f / "case.toml" for f in shipped_case_folders()), "tiny"])
def test_every_key_of_the_shipped_cases_is_documented(case_toml, tiny_path):
    path = tiny_path / "case.toml" if case_toml == "tiny" else case_toml
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    undocumented = [key for key in flat_keys(doc) if not any(matches(key, s.key) for s in SETTINGS)]
    assert not undocumented


def test_a_round_trip_through_the_test_writer_loads(tiny_path, tmp_path):
    assert load_case(tiny_copy(tiny_path, tmp_path)).name == "tiny"


def test_absent_settings_take_the_documented_defaults(tiny_path, tmp_path):
    case = tiny_copy(tiny_path, tmp_path)
    doc = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    del doc["appraisal"], doc["benefit"]  # the tiny case sets other values than the defaults
    (case / "case.toml").write_text(dump_toml(doc), encoding="utf-8")
    loaded = load_case(case)
    assert {
        "appraisal.normalization": loaded.normalization,
        "appraisal.priority_rule": loaded.priority_rule,
        "appraisal.blend": loaded.blend,
        "appraisal.group": loaded.group,
        "benefit.top_up_segments": loaded.benefit.top_up_segments,
        "benefit.slope_decay": loaded.benefit.slope_decay,
        "uncertainty.point": loaded.uncertainty.point,
        "uncertainty.rating_spread": loaded.uncertainty.rating_spread,
        "benefit.objective": loaded.benefit.objective,
        "benefit.cluster_block": loaded.benefit.cluster_block,
        "benefit.cluster_decay": loaded.benefit.cluster_decay,
        "benefit.cluster_blocks": loaded.benefit.cluster_blocks,
    } == DEFAULTS


def test_a_written_case_toml_has_the_sections_in_schema_order(tiny_path):
    raw = read_case_folder(tiny_path)
    shuffled = dataclasses.replace(raw, settings=dict(reversed(list(raw.settings.items()))))
    written = list(tomllib.loads(case_folder_files(shuffled)["case.toml"]))
    assert written == [s for s in SECTIONS if s in written]
    assert written[:3] == ["case", "tables", "appraisal"]


CHECKED = [
    s.key
    for s in SETTINGS
    if s.kind.startswith(("number", "integer")) and s.key != "periods.budgets"
] + [
    "appraisal.normalization",
    "appraisal.priority_rule",
    *(s.key for s in SETTINGS if s.key.startswith("uncertainty.") and s.kind != "string"),
]


@pytest.mark.parametrize("key", CHECKED)
def test_the_loader_validates_each_documented_setting(key, tiny_path, tmp_path):
    case = tiny_copy(tiny_path, tmp_path, imprecise=key.startswith("uncertainty."))
    doc = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    field = concrete(key)
    section = field.rpartition(".")[0]
    for companion, value in COMPANIONS.get(section, {}).items():
        set_key(doc, f"{section}.{companion}", value)
    set_key(doc, field, "not-a-setting")
    (case / "case.toml").write_text(dump_toml(doc), encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_case(case)
    assert error.value.field == field


def rewrite_csv(path: Path, change) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows = change(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


REQUIRED = [(table, name) for table in TABLES for name in required_columns(table)]
FILLED = [(table, name) for table in TABLES for name in filled_columns(table)]


#: Tables only the imprecise tiny case has.
RATING_TABLES = ("rating_scales", "ratings")


@pytest.mark.parametrize(("table", "name"), REQUIRED)
def test_each_required_column_is_required(table, name, tiny_path, tmp_path):
    case = tiny_copy(tiny_path, tmp_path, imprecise=table in RATING_TABLES)

    def drop(rows):
        k = rows[0].index(name)
        return [row[:k] + row[k + 1 :] for row in rows]

    rewrite_csv(case / f"{table}.csv", drop)
    with pytest.raises(InputError) as error:
        load_case(case)
    assert (error.value.file, error.value.field) == (f"{table}.csv", name)


@pytest.mark.parametrize(("table", "name"), FILLED)
def test_each_filled_column_refuses_an_empty_cell(table, name, tiny_path, tmp_path):
    case = tiny_copy(tiny_path, tmp_path, imprecise=table in RATING_TABLES)

    def blank(rows):
        k = rows[0].index(name)
        rows[1][k] = ""
        return rows

    rewrite_csv(case / f"{table}.csv", blank)
    with pytest.raises(InputError) as error:
        load_case(case)
    assert (error.value.file, error.value.row, error.value.field) == (f"{table}.csv", 2, name)


@pytest.mark.parametrize("folder", shipped_case_folders(), ids=lambda f: f.name)
@pytest.mark.parametrize("table", sorted(set(TABLES) - set(RATING_TABLES)))
def test_every_column_of_the_shipped_cases_is_documented(folder, table):
    if not (folder / f"{table}.csv").is_file():
        pytest.skip(f"{folder.name} has no {table} table")
    with (folder / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert set(header) <= {c.name for c in TABLES[table]}
