"""``clusterplan sweep robustness | sobol``: the progress bar's length, files, refusals."""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from tests.optimize.clirun import run_cli

#: Command line -> the points it solves on the tiny case (2 level-1 criteria, so Sobol's
#: D = 3 with the budget and a design of N (2 D + 2) = 8 N points).
SWEEPS = {
    ("robustness", "--samples", "6"): 6,
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


@pytest.mark.parametrize("kind", ["budget", "robustness", "sobol"])
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
