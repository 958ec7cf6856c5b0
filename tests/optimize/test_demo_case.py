"""The method demo: pseudonymised, a full matrix of template points, and it runs."""

import csv
import string

import pytest

from optimize import SolveStatus, appraise, demo_case, load_case, shipped_case, solve
from tests.optimize.checks import rule_violations


@pytest.fixture(scope="module")
def demo():
    case = load_case(demo_case())
    return case, appraise(case)


def real_place_names() -> set[str]:
    """Cluster names, cities and provinces of the paper's Table 1 clusters and national centres."""
    names: set[str] = set()
    with (shipped_case() / "clusters.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names |= {row["id"], row["name_zh"], row["name_en"], row["province"]}
            names |= set(row["city"].split(";"))
    with (shipped_case() / "stock.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names |= {row["city"], row["name_zh"], row["name_en"]}
    return {name.strip().lower() for name in names if name.strip()}


def test_no_real_cluster_city_or_centre_is_named_anywhere_in_the_demo() -> None:
    texts = {path.name: path.read_text(encoding="utf-8").lower() for path in demo_case().iterdir()}
    found = {
        (file, name) for file, text in texts.items() for name in real_place_names() if name in text
    }
    assert found == set()


def test_the_demo_has_25_lettered_clusters_and_a_full_matrix_of_template_points(demo) -> None:
    case, _ = demo
    letters = string.ascii_uppercase[:25]
    assert list(case.clusters["name_en"]) == [f"Cluster {letter}" for letter in letters]
    assert case.scores.values.shape == (25, len(case.criteria.leaves)) == (25, 18)
    assert case.values.is_point and case.scores.values.notna().all().all()
    assert (case.scores.provenance == "illustrative").all().all()
    # The letters carry no list position: the types do not follow the national list's order.
    national = load_case(shipped_case()).clusters["cluster_type"].tolist()
    assert case.clusters["cluster_type"].tolist() != national


def test_the_demo_allocation_is_optimal_and_respects_every_rule(demo) -> None:
    case, appraisal = demo
    allocation = solve(case, appraisal)
    assert allocation.status is SolveStatus.OPTIMAL
    assert rule_violations(case, allocation) == []
    assert allocation.spent == pytest.approx(case.budget, rel=1e-6)
