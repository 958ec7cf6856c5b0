"""The error contract under fuzzing: hostile mutations of the tiny case through the CLI.

Hypothesis mutates a copy of ``tests/cases/tiny`` in one of six ways and runs
``clusterplan validate``, ``run`` or ``allocate`` on it in-process:

- **numbers**: a ``case.toml`` value or a numeric CSV cell becomes NaN, infinity, 1e308, -0,
  a huge integer, ``1_000``, text, ...;
- **keys**: an unknown or misspelt key at any level of ``case.toml``;
- **shapes**: a ``case.toml`` value of the wrong shape (a scalar for a table, a table for a
  scalar, a nested list);
- **encodings**: a table or ``case.toml`` in Latin-1, GBK, UTF-16, with a byte-order mark,
  with a stray byte, with CRLF line ends or ``;`` delimiters;
- **names**: hostile text (markup, formulas, control and zero-width characters, very long)
  as a name or id;
- **paths**: a table path that is missing, a folder, outside the case folder, a link out of
  it or to itself, a FIFO, empty, too long, or holding a NUL.

The contract: exit code 0, 2 or 3; for 2, exactly one line on stderr, ``error: `` naming a
file of the case (an unknown key, a wrong shape and a bad table path are always 2); on any
failure nothing is written (no output folder, no staging folder left beside it); every input
file is byte-identical afterwards.

Each test runs 25 examples by default (the whole module in about half a minute); set
``CLUSTERPLAN_FUZZ_EXAMPLES=N`` to run N examples of each kind.
"""

import csv
import hashlib
import io
import os
import shutil
import stat
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from optimize import load_case
from tests.optimize.clirun import run_cli
from tests.optimize.test_hostile_inputs import (
    CELL_TEXT,
    CSV_COLUMNS,
    HOSTILE_CELLS,
    HOSTILE_VALUES,
    KEYS,
    NUMBERS,
    write_cell_mutation,
    write_toml_mutation,
)
from tests.optimize.test_schema import toml_value

TINY = Path(__file__).resolve().parents[1] / "cases" / "tiny"
TINY_DOC = tomllib.loads((TINY / "case.toml").read_text(encoding="utf-8"))
TABLE_FILES = sorted(p.name for p in TINY.glob("*.csv"))


def examples(default: int) -> int:
    """Examples per test: `default`, or ``CLUSTERPLAN_FUZZ_EXAMPLES`` when set."""
    return int(os.environ.get("CLUSTERPLAN_FUZZ_EXAMPLES", default))


def fuzz(default: int):
    return settings(
        max_examples=examples(default),
        deadline=None,
        # the explain phase re-runs a failure hundreds of times: minutes, for little
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# --- what the commands must do -------------------------------------------------------------

COMMANDS = st.sampled_from(["validate", "run", "allocate"])


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry below `folder`: file digests, link targets, FIFOs (never opened)."""
    entries = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        name = str(path.relative_to(folder))
        if stat.S_ISLNK(mode):
            entries[name] = "link " + os.readlink(path)
        elif stat.S_ISFIFO(mode):
            entries[name] = "fifo"
        elif stat.S_ISDIR(mode):
            entries[name] = "folder"
        else:
            entries[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return entries


def check_contract(
    root: Path, command: str, monkeypatch, capsys, strict: bool = False, named: str = ""
) -> int:
    """Run `command` on ``root/case``; assert the contract; return the exit code.

    `strict`: the mutation is bad input whatever the command, so the answer must be exit 2.
    `named`: a file name the one-line error may name instead of a file of the case.
    """
    case, out = root / "case", root / "out"
    before = snapshot(root)
    args = [command, str(case)]
    if command != "validate":
        args += ["--out", str(out)]
    if command == "allocate":
        args += ["--json"]
    code, _, err = run_cli(args, monkeypatch, capsys)
    assert code in (0, 2, 3), err
    if strict:
        assert code == 2, f"bad input accepted (exit {code}): {err}"
    if code == 2:
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith("error: "), err
        case_files = {"case.toml", *TABLE_FILES, *(p.name for p in case.iterdir())}
        case_files |= {named} - {""}
        assert any(name in lines[0] for name in case_files), f"no file named: {err}"
    after = snapshot(root)
    if code == 0 and command != "validate":
        assert out.is_dir()
        after = {k: v for k, v in after.items() if k != "out" and not k.startswith("out/")}
    # nothing written on failure, no staging folder left, inputs byte-identical
    assert after == before, err
    return code


def inline(value) -> str:
    """`value` in TOML, tables inline (so that an empty table survives), strings escaped."""
    if isinstance(value, str):
        escaped = "".join(
            c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in value
        )
        return f'"{escaped}"'
    if isinstance(value, list):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{inline(k)} = {inline(v)}" for k, v in value.items()) + "}"
    return toml_value(value)


def dump_toml(doc: dict) -> str:
    """`doc` as TOML: scalars first, then one [section] per top-level table."""
    lines = [f"{inline(k)} = {inline(v)}" for k, v in doc.items() if not isinstance(v, dict)]
    for key, table in doc.items():
        if isinstance(table, dict):
            lines.append(f"[{inline(key)}]")
            lines += [f"{inline(k)} = {inline(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


def fresh_root(folder: str) -> Path:
    root = Path(folder)
    shutil.copytree(TINY, root / "case")
    return root


# --- numbers -------------------------------------------------------------------------------

EXTRA_NUMBERS = [-0.0, 10**30, -(10**30), 2**64, "1_000", "1e308", "-0"]


def number_mutation():
    toml = st.tuples(
        st.just("case.toml"),
        st.sampled_from(KEYS),
        st.one_of(st.sampled_from(HOSTILE_VALUES + EXTRA_NUMBERS), NUMBERS),
    )
    cell = st.sampled_from(sorted(CSV_COLUMNS)).flatmap(
        lambda name: st.tuples(
            st.just(name),
            st.tuples(st.sampled_from(CSV_COLUMNS[name]), st.integers(0, 7)),
            st.one_of(
                st.sampled_from([*HOSTILE_CELLS, "-0", "1e999", "10" * 30]),
                NUMBERS.map(repr),
                CELL_TEXT,
            ),
        )
    )
    return st.one_of(toml, cell)


@fuzz(25)
@given(mutation=number_mutation(), command=COMMANDS)
def test_fuzz_numbers(mutation, command, monkeypatch, capsys):
    where, key, value = mutation
    with tempfile.TemporaryDirectory() as folder:
        root = fresh_root(folder)
        if where == "case.toml":
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**63:
                value = float(value)  # TOML integers are 64-bit: the writer would refuse
            if not write_toml_mutation(root / "case", key, value):
                return
        else:
            column, row = key
            write_cell_mutation(root / "case", where, column, row, str(value))
        code = check_contract(root, command, monkeypatch, capsys)
        event(f"numbers, {where}: exit {code}")


# --- keys ------------------------------------------------------------------------------------


def table_paths(doc: dict, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The path of every table of `doc` (the root is ``()``)."""
    paths = [prefix]
    for key, value in doc.items():
        if isinstance(value, dict):
            paths += table_paths(value, (*prefix, key))
    return paths


def value_paths(doc: dict, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The path of every value of `doc`, tables included."""
    paths = []
    for key, value in doc.items():
        paths.append((*prefix, key))
        if isinstance(value, dict):
            paths += value_paths(value, (*prefix, key))
    return paths


#: Words that are valid keys somewhere (documented keys and the tiny case's own names):
#: an "unknown" key is none of them.
TINY_CASE = load_case(TINY)
KNOWN_WORDS = {part for key in KEYS for part in key.split(".")} | {
    *TINY_CASE.type_ids,
    *TINY_CASE.instrument_ids,
    *"abcd",
    "east",
    "west",
    "central",
    "alice",
}


def misspelling(word: str) -> st.SearchStrategy[str]:
    """`word` with one letter dropped, doubled or swapped with the next."""
    positions = st.integers(0, max(len(word) - 1, 0))
    return st.one_of(
        positions.map(lambda i: word[:i] + word[i + 1 :]),
        positions.map(lambda i: word[: i + 1] + word[i:]),
        positions.map(lambda i: word[:i] + word[i + 1 : i + 2] + word[i : i + 1] + word[i + 2 :]),
    )


def key_mutation():
    def in_table(path: tuple[str, ...]):
        table = TINY_DOC
        for part in path:
            table = table[part]
        existing = sorted(table)
        new = st.one_of(
            st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True),
            *([st.sampled_from(existing).flatmap(misspelling)] if existing else []),
        ).filter(bool)
        return st.tuples(st.just(path), new.map(lambda k: k + "x" if k in KNOWN_WORDS else k))

    # [case] holds free metadata (case.<key> in the reference): any key is welcome there
    paths = [path for path in table_paths(TINY_DOC) if path != ("case",)]
    return st.sampled_from(paths).flatmap(in_table)


def set_path(doc: dict, path: tuple[str, ...], value) -> None:
    for part in path[:-1]:
        doc = doc[part]
    doc[path[-1]] = value


@fuzz(25)
@given(
    mutation=key_mutation(),
    value=st.sampled_from([1, 0.5, "x", True, {"y": 1}]),
    command=COMMANDS,
)
def test_fuzz_unknown_keys(mutation, value, command, monkeypatch, capsys):
    path, key = mutation
    doc = tomllib.loads((TINY / "case.toml").read_text(encoding="utf-8"))
    set_path(doc, (*path, key), value)
    with tempfile.TemporaryDirectory() as folder:
        root = fresh_root(folder)
        (root / "case" / "case.toml").write_text(dump_toml(doc), encoding="utf-8")
        check_contract(root, command, monkeypatch, capsys, strict=True)
        event(f"keys, in [{'.'.join(path) or 'root'}]: exit 2")


# --- shapes --------------------------------------------------------------------------------


def wrong_shapes(value) -> list:
    """Values of another shape than `value`."""
    if isinstance(value, dict):
        return [1, "x", [1], [[1]], True]
    if isinstance(value, list):
        return [[value], "x", 1, {"x": 1}, [{"x": 1}]]
    return [{}, {"x": value}, [value], [[value]], [[]]]


def shape_mutation():
    return st.sampled_from(value_paths(TINY_DOC)).flatmap(
        lambda path: st.tuples(st.just(path), st.sampled_from(wrong_shapes(get_path(path))))
    )


def get_path(path: tuple[str, ...]):
    value = TINY_DOC
    for part in path:
        value = value[part]
    return value


@fuzz(25)
@given(mutation=shape_mutation(), command=COMMANDS)
def test_fuzz_wrong_shapes(mutation, command, monkeypatch, capsys):
    path, value = mutation
    doc = tomllib.loads((TINY / "case.toml").read_text(encoding="utf-8"))
    set_path(doc, path, value)
    with tempfile.TemporaryDirectory() as folder:
        root = fresh_root(folder)
        (root / "case" / "case.toml").write_text(dump_toml(doc), encoding="utf-8")
        check_contract(root, command, monkeypatch, capsys, strict=True)
        event(f"shapes, {'.'.join(path)}: exit 2")


# --- encodings -----------------------------------------------------------------------------


def latin1(text: str) -> bytes:
    """`text` in Latin-1, its Chinese names replaced by accented Latin ones."""
    return "".join(c if ord(c) < 256 else "é" for c in text).encode("latin-1")


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "latin-1": latin1,
    "gbk": lambda text: text.encode("gbk"),
    "utf-16": lambda text: text.encode("utf-16"),
    "bom": lambda text: text.encode("utf-8-sig"),
    "stray byte": lambda text: text.encode("utf-8").replace(b"\n", b"\xff\n", 2),
    "crlf": lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    "semicolons": lambda text: text.replace(",", ";").encode("utf-8"),
    "nul byte": lambda text: text.encode("utf-8").replace(b"\n", b"\x00\n", 1),
}


@fuzz(25)
@given(
    name=st.sampled_from(["case.toml", *TABLE_FILES]),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    command=COMMANDS,
)
def test_fuzz_encodings(name, encoding, command, monkeypatch, capsys):
    with tempfile.TemporaryDirectory() as folder:
        root = fresh_root(folder)
        target = root / "case" / name
        target.write_bytes(ENCODINGS[encoding](target.read_text(encoding="utf-8")))
        code = check_contract(root, command, monkeypatch, capsys)
        event(f"encodings, {encoding}: exit {code}")


# --- names ---------------------------------------------------------------------------------

HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "+1",
    "@SUM(A1)",
    "[/bold]",
    "[red]x",
    "$\\frac{1",
    "$x$",
    "a|b",
    "**bold**",
    "a\nb",
    "a\u200bb",
    "\u202eevil",
    "a\tb",
    "",
    " ",
    "x" * 5000,
    "名字",
    "\\",
    "%s%n",
    "{}",
]
NAME_FIELDS = {
    "clusters.csv": ["id", "name_zh", "name_en", "tech_domain"],
    "criteria.csv": ["name_en", "name_zh", "unit"],
    "scores.csv": ["provenance"],
    "judgments.csv": ["provenance"],
}


def name_mutation():
    text = st.one_of(
        st.sampled_from(HOSTILE_NAMES),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
    )
    csv_cell = st.sampled_from(sorted(NAME_FIELDS)).flatmap(
        lambda name: st.tuples(
            st.just(name),
            st.tuples(st.sampled_from(NAME_FIELDS[name]), st.integers(0, 5)),
            text,
        )
    )
    toml = st.tuples(st.just("case.toml"), st.sampled_from(["case.name", "case.title"]), text)
    return st.one_of(csv_cell, toml)


def write_csv_cell(path: Path, column: str, row: int, text: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[1 + row % (len(rows) - 1)][rows[0].index(column)] = text
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


#: Display names the charts of ``run`` draw. A control character or a glyph no chart font
#: has makes the chart writer stop (exit 1); how charts show names belongs to the work on
#: names as text, so these go through ``validate`` and ``allocate`` only, for now.
CHART_NAMES = {"name_en", "name_zh"}


@fuzz(25)
@given(mutation=name_mutation(), command=COMMANDS)
def test_fuzz_names(mutation, command, monkeypatch, capsys):
    where, field, text = mutation
    if command == "run" and where != "case.toml" and field[0] in CHART_NAMES:
        command = "allocate"
    with tempfile.TemporaryDirectory() as folder:
        root = fresh_root(folder)
        if where == "case.toml":
            doc = tomllib.loads((root / "case" / where).read_text(encoding="utf-8"))
            set_path(doc, tuple(field.split(".")), text)
            (root / "case" / where).write_text(dump_toml(doc), encoding="utf-8")
        else:
            column, row = field
            write_csv_cell(root / "case" / where, column, row, text)
        code = check_contract(root, command, monkeypatch, capsys)
        event(f"names, {where}: exit {code}")


# --- paths ---------------------------------------------------------------------------------


def make_path(root: Path, kind: str) -> str:
    """A table path of `kind`, with whatever it points to made under `root`."""
    case = root / "case"
    outside = root / "outside.csv"
    shutil.copy(TINY / "clusters.csv", outside)
    if kind == "missing":
        return "nowhere.csv"
    if kind == "folder":
        (case / "sub").mkdir()
        return "sub"
    if kind == "case folder":
        return "."
    if kind == "outside":
        return "../outside.csv"
    if kind == "absolute":
        return str(outside)
    if kind == "link out":
        (case / "linked.csv").symlink_to(outside)
        return "linked.csv"
    if kind == "link loop":
        (case / "loop.csv").symlink_to("loop.csv")
        return "loop.csv"
    if kind == "fifo":
        os.mkfifo(case / "pipe.csv")
        return "pipe.csv"
    if kind == "empty":
        return ""
    if kind == "too long":
        return "x" * 300 + ".csv"
    if kind == "deep":
        return "/".join(["d"] * 3000) + ".csv"
    if kind == "nul":
        return "clu\x00sters.csv"
    if kind == "case.toml":
        return "case.toml"
    raise AssertionError(kind)


PATH_KINDS = [
    "missing",
    "folder",
    "case folder",
    "outside",
    "absolute",
    "link out",
    "link loop",
    "fifo",
    "empty",
    "too long",
    "deep",
    "nul",
    "case.toml",
]


@fuzz(25)
@given(
    table=st.sampled_from(sorted(TINY_DOC["tables"])),
    kind=st.sampled_from(PATH_KINDS),
    command=COMMANDS,
)
def test_fuzz_table_paths(table, kind, command, monkeypatch, capsys):
    with tempfile.TemporaryDirectory() as folder:
        root = fresh_root(folder)
        path = make_path(root, kind)
        toml = root / "case" / "case.toml"
        lines = toml.read_text(encoding="utf-8").splitlines()
        line = next(i for i, text in enumerate(lines) if text.startswith(f"{table} = "))
        lines[line] = f"{table} = {inline(path)}"
        toml.write_text("\n".join(lines) + "\n", encoding="utf-8")
        shown = path.replace("\x00", "\\x00")[:40]
        check_contract(root, command, monkeypatch, capsys, strict=True, named=shown)
        event(f"paths, {kind}: exit 2")


@pytest.mark.parametrize("default, variable, expected", [(8, None, 8), (8, "500", 500)])
def test_the_example_count_can_be_raised(default, variable, expected, monkeypatch):
    if variable is None:
        monkeypatch.delenv("CLUSTERPLAN_FUZZ_EXAMPLES", raising=False)
    else:
        monkeypatch.setenv("CLUSTERPLAN_FUZZ_EXAMPLES", variable)
    assert examples(default) == expected
