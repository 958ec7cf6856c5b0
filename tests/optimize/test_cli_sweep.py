"""``clusterplan sweep robustness | joint | sobol``: the progress bar's length, files, refusals."""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from tests.optimize.clirun import run_cli

#: Command line -> the points it solves on the tiny case (2 level-1 criteria, so Sobol's
#: D = 3 with the budget and a design of N (2 D + 2) = 8 N points).
SWEEPS = {
    ("robustness", "--samples", "6"): 6,
    ("joint", "--samples", "5"): 5,
    ("sobol", "--samples", "2"): 16,
}


@pytest.mark.parametrize(("args", "points"), SWEEPS.items())
def test_the_progress_bar_counts_every_point(
    args, points, tiny_path, tmp_path, monkeypatch, capsys
) -> None:
    bars: list[list[int]] = []

    @contextmanager
    def recording(total: int, what: str) -> Iterator[Callable[[int], None]]:
        bars.append([total, 0])
        yield lambda done: bars[-1].__setitem__(1, bars[-1][1] + done)

    monkeypatch.setattr("optimize.cli.sweep.progress", recording)
    out = tmp_path / "out"
    code, _, err = run_cli(
        ["sweep", *args, str(tiny_path), "--seed", "1", "--out", str(out)], monkeypatch, capsys
    )
    assert code == 0, err
    assert bars == [[points, points]]
    summary = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    assert summary == {"seed": 1, "complete": True, "points": points}


def test_robustness_writes_the_core_index_and_its_chart(
    tiny_path, tmp_path, monkeypatch, capsys
) -> None:
    out = tmp_path / "out"
    args = ["sweep", "robustness", str(tiny_path), "--samples", "4", "--out", str(out)]
    code, text, _ = run_cli(args, monkeypatch, capsys)
    assert code == 0 and "core index:" in text
    assert (out / "core_index.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "class" in (out / "core_index.csv").read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.parametrize("kind", ["budget", "robustness", "joint", "sobol"])
def test_an_existing_folder_is_refused_before_any_work(
    kind, tiny_path, tmp_path, monkeypatch, capsys
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("previous", encoding="utf-8")
    monkeypatch.setattr("optimize.cli.sweep.progress", None)  # any sweep would call it
    code, _, err = run_cli(["sweep", kind, str(tiny_path), "--out", str(out)], monkeypatch, capsys)
    assert code == 2 and "pass --force" in err
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def _imprecise_values(tiny_path, folder):
    """The tiny case's scores as a long table with an interval and an unknown cell."""
    from mcda.imprecise import Cell, ImpreciseMatrix, imprecise_table
    from optimize import load_case

    scores = load_case(tiny_path).scores
    matrix = ImpreciseMatrix.from_point(scores).with_cells(
        {("a", "L1"): Cell.interval(1.0, 7.0), ("a", "L4"): Cell.unknown()}
    )
    path = folder / "values.csv"
    imprecise_table(matrix).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(("policy", "dropped"), [("drop", "L4"), ("draw", "")])
def test_joint_reads_imprecise_values_under_the_stated_policy(
    policy, dropped, tiny_path, tmp_path, monkeypatch, capsys
) -> None:
    values, out = _imprecise_values(tiny_path, tmp_path), tmp_path / "out"
    args = ["sweep", "joint", str(tiny_path), "--samples", "4", "--values", str(values)]
    code, text, err = run_cli([*args, "--unknown", policy, "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    assert "core index:" in text
    settings = (out / "settings.csv").read_text(encoding="utf-8").splitlines()
    assert f"dropped,{dropped}" in settings and f"unknown,{policy}" in settings
    assert "robust core" in (out / "core_index.csv").read_text(encoding="utf-8")
    assert (out / "core_index.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_joint_never_writes_over_its_values_file(tiny_path, tmp_path, monkeypatch, capsys) -> None:
    values = _imprecise_values(tiny_path, tmp_path)
    before = values.read_bytes()
    args = ["sweep", "joint", str(tiny_path), "--samples", "4", "--values", str(values)]
    code, _, err = run_cli([*args, "--out", str(values.parent), "--force"], monkeypatch, capsys)
    assert code == 2 and "--out" in err and len(err.strip().splitlines()) == 1
    assert values.read_bytes() == before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--unknown", "maybe"], "--unknown"),
        (["--core-share", "1.5"], "--core-share"),
        (["--core-share", "0"], "--core-share"),
        (["--samples", "100001"], "limit"),
        (["--values"], "unknown cells"),
    ],
)
def test_joint_refuses_bad_options_in_one_line(
    extra, message, tiny_path, tmp_path, monkeypatch, capsys
) -> None:
    if extra == ["--values"]:  # unknown cells and no stated policy
        extra = ["--values", str(_imprecise_values(tiny_path, tmp_path))]
    out = tmp_path / "out"
    code, _, err = run_cli(
        ["sweep", "joint", str(tiny_path), *extra, "--out", str(out)], monkeypatch, capsys
    )
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
