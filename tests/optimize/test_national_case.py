"""The national case `miit2021` rests on public lists: rebuilt by one command, no template cell.

A *template cell* is a number set by a rule from a cluster's type or size rather than read from
a source: in the case files it has provenance ``illustrative``. A shipped cell must instead
cite the paper or a compiled public source (``paper:P..``, ``facts:S..``/``facts:N..``) and
name the matching rule (R1-R9 of ``sources/matching_rules.md``) that turned the list into the
cell, or be ``unknown`` with its reason.
"""

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mcda.imprecise import Cell, ImpreciseMatrix
from optimize import appraise, load_case
from optimize.case import shipped_cases_folder, sourced_cells, sourced_note
from tests.optimize.test_cli import run_cli

CASE = shipped_cases_folder() / "miit2021"
SOURCES = CASE / "sources"
#: Files the build writes, relative to the case folder.
BUILT = ("scores.csv", "sources.csv", "sources/coverage.csv", "sources/per_scale.csv")
#: A rule text names its matching rule first, e.g. "R1: ...".
MATCHING_RULE = re.compile(r"^R[1-9]: ")
#: A URL, a DOI, or a document named with its year (publisher, date: no URL recorded).
REFERENCE = re.compile(r"https?://|\bDOI\b|\b(19|20)\d\d\b")


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_rerunning_the_build_gives_the_shipped_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(SOURCES / "build.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in BUILT:
        assert (tmp_path / name).read_text(encoding="utf-8") == (CASE / name).read_text(
            encoding="utf-8"
        ), name


def test_no_cell_is_a_template_and_each_cites_a_listed_source() -> None:
    cited_ids = {row["fact_id"] for row in rows(CASE / "sources.csv")}
    for cell in rows(CASE / "scores.csv"):
        where = (cell["cluster"], cell["criterion"])
        assert cell["provenance"] != "illustrative", where
        if cell["status"] == "unknown":
            assert cell["provenance"] == "unknown" and cell["rule"], where
            continue
        assert MATCHING_RULE.match(cell["rule"]), where
        named = re.search(r"\[sources: ([^\]]+)\]$", cell["rule"])
        assert named is not None, where
        assert set(named.group(1).split("; ")) <= cited_ids, where
        assert cell["provenance"].partition(":")[2] in named.group(1).split("; "), where


@pytest.mark.parametrize(
    ("table", "column"),
    [(CASE / "sources.csv", "source"), (SOURCES / "sources.csv", "url_or_citation")],
)
def test_every_source_row_has_a_url_or_a_document_reference(table: Path, column: str) -> None:
    missing = [row for row in rows(table) if not REFERENCE.search(row[column])]
    assert not missing


def test_same_field_counts_match_table1_recounted_from_clusters() -> None:
    """R3 by brute force: other clusters of the same technology domain in clusters.csv."""
    clusters = rows(CASE / "clusters.csv")
    extra = {
        (row["cluster"], row["field"])
        for row in rows(SOURCES / "cluster_fields.csv")
        if row["reading"] == "strict"
    }
    fields = {c["id"]: {c["tech_domain"]} | {f for k, f in extra if k == c["id"]} for c in clusters}
    expected = {
        me: sum(1 for other in fields if other != me and fields[other] & mine)
        for me, mine in fields.items()
    }
    shipped = {
        cell["cluster"]: int(cell["value"])
        for cell in rows(CASE / "scores.csv")
        if cell["criterion"] == "C4.2"
    }
    assert shipped == expected
    # Table 1 pairs four fields (construction machinery, rail, software, home appliances).
    assert sum(expected.values()) == 8


def test_validate_states_the_share_of_sourced_cells(monkeypatch, capsys) -> None:
    cells = rows(CASE / "scores.csv")
    sourced = sum(cell["status"] != "unknown" for cell in cells)
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out, _ = run_cli(["validate", str(CASE)], monkeypatch, capsys)
    assert code == 0
    assert f"Sourced cells: {sourced} of {len(cells)} ({sourced / len(cells):.0%})" in " ".join(
        out.split()
    )
    assert sourced / len(cells) >= 0.8


def test_sourced_cells_counts_cited_points_and_intervals_only() -> None:
    """One cell of each kind: only the cited point, interval and list count as sourced."""
    cells = {
        ("a", "x"): Cell.point(3.0, "facts:S1"),
        ("a", "y"): Cell.interval(1.0, 2.0, provenance="facts:N1"),
        ("b", "x"): Cell.interval(0.0, 1.0, provenance="paper:P1", status="list"),
        ("b", "y"): Cell.point(5.0, "illustrative"),
        ("c", "x"): Cell.unknown("unknown"),
        ("c", "y"): Cell.interval(1.0, 4.0, provenance="illustrative"),
    }
    matrix = ImpreciseMatrix.build(cells, {"x": "benefit", "y": "cost"})
    assert sourced_cells(matrix) == 3
    assert sourced_note(matrix).startswith("Sourced cells: 3 of 6 (50%)")


def test_the_judgments_give_the_eigenvector_weights_of_a_consistent_matrix() -> None:
    """Goal C1:C2:C3 = 1:1:1, each 2 over C4 and C5, C4:C5 = 1, and C4.1:C4.2 = 1: consistent
    matrices, whose principal eigenvector is the normalised first column (Saaty 1980): 2/8 for
    C1-C3 and 1/8 for C4 and C5, C4's split in halves; every CR is 0."""
    appraisal = appraise(load_case(CASE))
    expected = {
        "C1.1": 1 / 4,
        "C2.1": 1 / 4,
        "C3.1": 1 / 4,
        "C4.1": 1 / 16,
        "C4.2": 1 / 16,
        "C5.1": 1 / 8,
    }
    assert appraisal.weights.to_dict() == pytest.approx(expected)
    assert all(result.cr == pytest.approx(0.0, abs=1e-12) for result in appraisal.local.values())


def test_green_park_counts_recount_the_compiled_list_by_city() -> None:
    """R9 by brute force: parks of green_industrial_parks.csv per city, summed per cluster; the
    compiled list is the whole of N50 (24 + 22 + 34 + 39 + 53 + 52 = 224 parks)."""
    parks = rows(SOURCES / "green_industrial_parks.csv")
    assert len(parks) == 224
    per_city: dict[str, int] = {}
    for park in parks:
        if park["city_en"]:
            per_city[park["city_en"]] = per_city.get(park["city_en"], 0) + 1
    expected = {
        cluster["id"]: sum(
            per_city.get(city.split(" (")[0].strip(), 0) for city in cluster["city"].split(";")
        )
        for cluster in rows(CASE / "clusters.csv")
    }
    shipped = {
        cell["cluster"]: int(cell["value"])
        for cell in rows(CASE / "scores.csv")
        if cell["criterion"] == "C5.1"
    }
    assert shipped == expected
    # Changsha's seven parks (N50; four of them named by N58), none in Wenzhou, Dongguan,
    # Zhuzhou or Deyang up to the 2021 list.
    assert shipped["changsha_cm"] == 7
    assert shipped["wenzhou_yueqing_electric"] == shipped["zhuzhou_rail"] == 0
