"""Where commands may write: never over, around or into what they read, nor a place that a
stray ``--force`` would wreck; refused in one line, exit 2, with every input left as it was."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optimize.cli import check_target
from optimize.errors import InputError
from tests.optimize.clirun import run_cli

#: Every command that writes a folder from a case, as argv with {case} and {out} to fill in.
CASE_WRITERS = {
    "run": ["run", "{case}", "--out", "{out}"],
    "rank": ["rank", "{case}", "--out", "{out}"],
    "allocate": ["allocate", "{case}", "--out", "{out}"],
    "sweep budget": ["sweep", "budget", "{case}", "--steps", "2", "--out", "{out}"],
    "sweep robustness": ["sweep", "robustness", "{case}", "--samples", "2", "--out", "{out}"],
    "sweep sobol": ["sweep", "sobol", "{case}", "--samples", "2", "--out", "{out}"],
    "sweep scenarios": ["sweep", "scenarios", "{case}", "--out", "{out}"],
    "sweep retype": ["sweep", "retype", "{case}", "--out", "{out}"],
}

#: Outputs that overlap the case: (name, path relative to the test folder, words of the error).
CLASHES = [
    ("the case folder", "case", "is the input"),
    ("its parent", ".", "holds the input"),
    ("a folder inside it", "case/results", "lies inside the input"),
    ("a table file", "case/clusters.csv", "lies inside the input"),
    ("scenarios.toml", "case/scenarios.toml", "lies inside the input"),
    ("a link to the case folder", "link", "is the input"),
]


@pytest.fixture
def case(tiny_path: Path, tmp_path: Path) -> Path:
    """A copy of the tiny case with a scenario, and a link to it beside it."""
    folder = tmp_path / "case"
    shutil.copytree(tiny_path, folder)
    (folder / "scenarios.toml").write_text("[lean]\nbudget = 3.0\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    return folder


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` (links not followed) and its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def refused(args: list[str], monkeypatch, capsys) -> str:
    """Run a command that must be refused; return its one line on stderr."""
    code, _, err = run_cli(args, monkeypatch, capsys)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
@pytest.mark.parametrize(("clash", "where", "words"), CLASHES, ids=[c[0] for c in CLASHES])
@pytest.mark.parametrize("command", list(CASE_WRITERS))
def test_an_output_overlapping_the_case_is_refused(
    command, clash, where, words, force, case, tmp_path, monkeypatch, capsys
):
    before = snapshot(tmp_path)
    out = tmp_path / where
    args = [a.format(case=case, out=out) for a in CASE_WRITERS[command]]
    err = refused([*args, *(["--force"] if force else [])], monkeypatch, capsys)
    assert f"error: --out: {out} {words}" in err
    assert snapshot(tmp_path) == before
    assert not list(tmp_path.rglob(".*partial*"))


@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
def test_convert_never_writes_over_its_source(force, case, tmp_path, monkeypatch, capsys):
    book = tmp_path / "book.xlsx"
    assert run_cli(["convert", str(case), str(book)], monkeypatch, capsys)[0] == 0
    before = snapshot(tmp_path)
    flag = ["--force"] if force else []
    err = refused(["convert", str(case), str(case / "case.xlsx"), *flag], monkeypatch, capsys)
    assert "error: TARGET: " in err and "lies inside the input" in err
    err = refused(["convert", str(book), str(tmp_path), *flag], monkeypatch, capsys)
    assert f"error: TARGET: {tmp_path} holds the input {book}" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(("target", "words"), [(".", "is"), ("..", "holds")])
def test_new_refuses_the_current_folder_and_its_parents(
    target, words, case, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(case)
    before = snapshot(tmp_path)
    err = refused(["new", target, "--force"], monkeypatch, capsys)
    assert f"error: TARGET: {target} {words} the current folder" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("where", "words"),
    [
        (".", ". is the current folder"),
        ("..", ".. holds the current folder"),
        ("/", "/ holds"),
        ("HOME", "is or holds the home folder"),
        ("HOME/notes.txt/results", "which is a file, not a folder"),
        ("x" * 250, "a name in the output path is too long (at most 238 bytes)"),
        ("/".join(["y" * 200] * 20), "output path is too long"),
    ],
)
def test_run_refuses_outputs_a_stray_force_would_wreck(
    where, words, case, tmp_path, monkeypatch, capsys
):
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.txt").write_text("mine", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    work = tmp_path / "work" / "here"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    before = snapshot(tmp_path)
    out = where.replace("HOME", str(home))
    err = refused(["run", str(case), "--out", out, "--force"], monkeypatch, capsys)
    assert "error: --out: " in err and words in err
    assert snapshot(tmp_path) == before


def test_run_refuses_an_output_it_cannot_write(case, tmp_path, monkeypatch, capsys):
    if os.geteuid() == 0:  # root writes through permission bits: use a file system that refuses
        parent = Path("/sys")
        if _can_mkdir(parent):
            pytest.skip("no folder here refuses a write by root")
    else:
        parent = tmp_path / "locked"
        parent.mkdir()
        parent.chmod(0o555)
    err = refused(["run", str(case), "--out", str(parent / "results")], monkeypatch, capsys)
    assert f"error: --out: cannot write into {parent}: " in err


def _can_mkdir(parent: Path) -> bool:
    try:
        (parent / ".clusterplan-test").mkdir()
    except OSError:
        return False
    (parent / ".clusterplan-test").rmdir()
    return True


def test_an_output_path_with_a_nul_byte_is_refused(tmp_path):
    # argv cannot carry a NUL byte: only a caller in Python can pass one
    with pytest.raises(InputError, match="NUL byte"):
        check_target(tmp_path / "a\0b", force=True)


def test_an_output_beside_the_case_is_written(case, tmp_path, monkeypatch, capsys):
    out = tmp_path / "case-results"  # shares a prefix with the case folder, not a parent
    code, _, err = run_cli(["rank", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    assert (out / "rankings.csv").is_file()


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(st.sampled_from(["case", "other", "sub", "link", "clusters.csv"]), max_size=4)
)
def test_an_output_is_refused_exactly_when_it_overlaps_the_input(parts, tiny_path):
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch).resolve()
        case = root / "case"
        shutil.copytree(tiny_path, case)
        (case / "sub").mkdir()
        (root / "other").mkdir()
        (root / "link").symlink_to(case, target_is_directory=True)
        out = root.joinpath(*parts)
        # commonpath on realpath: a second, independent reading of "equal, parent or child"
        real_out, real_case = os.path.realpath(out), str(case)
        overlaps = os.path.commonpath([real_out, real_case]) in (real_out, real_case)
        try:
            check_target(out, force=True, inputs=[case])
        except InputError as error:
            assert overlaps, error
            assert "the input" in str(error)
        else:
            assert not overlaps
