"""``run`` and ``rank`` lead with how sure the ranking is: statuses, tiers, no false "rank 1"."""

import json
import re
import shutil
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from optimize.appraisal import UncertaintySettings
from optimize.case import demo_case
from optimize.casefiles import load_case
from optimize.report import escape_markdown
from optimize.spreadsheet import neutralise_text
from tests.optimize.clirun import run_cli
from tests.optimize.test_cli_sweep import _imprecise_values
from tests.optimize.test_names_are_text import markdown_cells, replace_names

#: Wording that claims a first place: "rank 1", "ranked first", "ranks first", "first place".
FIRST_PLACE = re.compile(
    r"\brank(?:ed|s)?\s*(?:#\s*|no\.\s*)?(?:1|one|first)\b|\bfirst place\b|\bnumber one\b"
    r"|排名第一|第\s*1\s*名|位列第一",
    re.IGNORECASE,
)
#: With uniform weights the tiny case's Beta and Gamma share tier 1 (test_uncertainty).
UNIFORM = ["--weight-model", "uniform", "--samples", "2000", "--seed", "0"]


class _Text(HTMLParser):
    """The text of an HTML page, without tags."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def headings(report: str) -> list[str]:
    return [line[3:] for line in report.splitlines() if line.startswith("## ")]


def test_the_report_leads_with_cell_statuses_and_tiers(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    code, text, err = run_cli(
        ["run", str(tiny_path), "--out", str(out), *UNIFORM], monkeypatch, capsys
    )
    assert code == 0, err
    report = (out / "report.md").read_text(encoding="utf-8")
    first = headings(report)[:3]
    assert first == [
        "How sure we are: what the scores are made of",
        "Tiers of clusters the data cannot separate (P >= 0.9)",
        "Pairwise winning P(row > column)",
    ]
    assert "| point | 16 | 16 |" in report
    assert "| 1 | 2 | Gamma; Beta |" in report or "| 1 | 2 | Beta; Gamma |" in report
    assert "only when it scores higher in at least 90% of the samples" in report
    assert "![Tiers of clusters" in report and "charts/winning.png" in report
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    sure = summary["uncertainty"]
    assert sorted(sure["tiers"][0]) == ["Beta", "Gamma"]
    assert sure["samples"] == 2000 and sure["seed"] == 0 and sure["weight_model"] == "uniform"
    assert summary["ranking"][0]["tier_text"] in ("tier 1 (with Beta)", "tier 1 (with Gamma)")
    assert "funding_robustness" not in summary
    assert "tier 1 (with" in text
    tiers = (out / "tiers.csv").read_text(encoding="utf-8").splitlines()
    assert tiers[0] == "tier,size,members"


def test_no_first_place_wording_when_tier_1_holds_two_clusters(
    tiny_path, tmp_path, monkeypatch, capsys
):
    for lang in ("en", "zh"):
        out = tmp_path / lang
        args = ["run", str(tiny_path), "--out", str(out), "--lang", lang, *UNIFORM]
        code, text, err = run_cli(args, monkeypatch, capsys)
        assert code == 0, err
        report = (out / "report.md").read_text(encoding="utf-8")
        html = html_text((out / "report.html").read_text(encoding="utf-8"))
        for shown in (text, report, html):
            assert FIRST_PLACE.search(shown) is None, FIRST_PLACE.search(shown)
        # A point rank appears only in a table that also gives the tier.
        ranking = next(b for b in report.split("## ") if b.startswith(("Ranking", "集群科技")))
        assert ("| tier | rank |" in ranking) or ("| 梯队 | 排名 |" in ranking)
    zh = (tmp_path / "zh" / "report.md").read_text(encoding="utf-8")
    assert "数据无法区分的集群梯队" in zh and "仅当一个集群在至少 90% 的抽样中" in zh


def test_the_demo_case_shows_tiers_and_the_core_index_when_asked(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    args = ["run", str(demo_case()), "--out", str(out), "--samples", "300", "--robust-samples", "4"]
    code, text, err = run_cli(args, monkeypatch, capsys)
    assert code == 0, err
    report = (out / "report.md").read_text(encoding="utf-8")
    assert headings(report)[:4] == [
        "How sure we are: what the scores are made of",
        "Tiers of clusters the data cannot separate (P >= 0.9)",
        "Pairwise winning P(row > column)",
        "Funding robustness: core index of each project",
    ]
    # All 450 of the demo's scores are template values (cases/demo_templated/README.md).
    assert "| point | 450 | 450 |" in report
    assert "Share of 4 joint samples" in report
    assert (out / "charts" / "core_index.png").read_bytes()[:4] == b"\x89PNG"
    core = (out / "core_index.csv").read_text(encoding="utf-8").splitlines()
    projects = load_case(demo_case()).projects.index
    assert core[0].startswith("project,cluster,core_index,class")
    assert [row.split(",")[0] for row in core[1:]] == list(projects)  # one row per candidate
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["funding_robustness"]["samples"] == 4
    assert sum(summary["funding_robustness"]["classes"].values()) == len(projects)
    assert "Tiers the data cannot separate" in text


def test_without_robust_samples_the_core_index_is_not_computed(
    tiny_path, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(tiny_path), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    assert not (out / "core_index.csv").exists()
    assert "Funding robustness" not in (out / "report.md").read_text(encoding="utf-8")


def test_rank_shows_tiers_on_the_demo_case(monkeypatch, capsys):
    code, text, err = run_cli(
        ["rank", str(demo_case()), "--samples", "300", "-m", "topsis"], monkeypatch, capsys
    )
    assert code == 0, err
    assert "cells: 450 point (450 illustrative)" in text
    words = " ".join(text.split())  # table titles wrap at the table's width
    assert "Tiers the data cannot separate" in words and "Point ranks by method, with tier" in words


@pytest.mark.parametrize("policy", ["drop", "draw"])
def test_run_reads_imprecise_values_under_the_stated_policy(
    policy, tiny_path, tmp_path, monkeypatch, capsys
):
    values, out = _imprecise_values(tiny_path, tmp_path), tmp_path / "out"
    args = ["run", str(tiny_path), "--values", str(values), "--unknown", policy, "--samples", "50"]
    code, _, err = run_cli([*args, "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| interval | 1 | 0 |" in report and "| unknown | 1 | 0 |" in report
    assert (f"unknown cells: {policy}; criteria dropped" in report) == (policy == "drop")


def test_run_never_writes_over_its_values_file(tiny_path, tmp_path, monkeypatch, capsys):
    values = _imprecise_values(tiny_path, tmp_path)
    before = values.read_bytes()
    args = ["run", str(tiny_path), "--values", str(values), "--unknown", "drop"]
    code, _, err = run_cli([*args, "--out", str(values.parent), "--force"], monkeypatch, capsys)
    assert code == 2 and "--out" in err and len(err.strip().splitlines()) == 1
    assert values.read_bytes() == before


BAD_OPTIONS = [
    (["--samples", "0"], "--samples"),
    (["--samples", "100001"], "CLUSTERPLAN_MAX_SAMPLES"),
    (["--seed", "-1"], "--seed"),
    (["--weight-model", "normal"], "--weight-model"),
    (["--concentration", "0"], "--concentration"),
    (["--concentration", "inf"], "--concentration"),
    (["--confidence", "0.5"], "--confidence"),
    (["--confidence", "1.5"], "--confidence"),
    (["--confidence", "nan"], "--confidence"),
    (["--unknown", "maybe"], "--unknown"),
    (["--values"], "unknown cells"),
]


@pytest.mark.parametrize("command", ["run", "rank"])
@pytest.mark.parametrize(("extra", "message"), BAD_OPTIONS)
def test_bad_uncertainty_options_are_one_line_and_exit_2(
    command, extra, message, tiny_path, tmp_path, monkeypatch, capsys
):
    if extra == ["--values"]:  # an unknown cell and no stated policy
        extra = ["--values", str(_imprecise_values(tiny_path, tmp_path))]
    out = tmp_path / "out"
    code, _, err = run_cli(
        [command, str(tiny_path), *extra, "--out", str(out)], monkeypatch, capsys
    )
    assert code == 2, err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("count", ["-1", "100001", "1.5"])
def test_bad_robust_samples_are_refused(count, tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    args = ["run", str(tiny_path), "--robust-samples", count, "--out", str(out)]
    code, _, err = run_cli(args, monkeypatch, capsys)
    assert code == 2 and "--robust-samples" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_help_states_the_defaults_the_settings_use(monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", "200")
    code, text, _ = run_cli(["run", "--help"], monkeypatch, capsys)
    default = UncertaintySettings()
    assert code == 0
    for phrase in (
        f"(default {default.samples})",
        f"(default {default.seed})",
        f"(default {default.concentration:g})",
        f"(default {default.confidence:g})",
        f"'{default.weight_model}' (around the AHP weights; the default)",
    ):
        assert phrase in " ".join(text.split()), phrase


def test_hostile_names_in_the_tiers_show_as_text(tiny_path, tmp_path, monkeypatch, capsys):
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    hostile = ["=HYPERLINK(1) <script>alert(1)</script> | *x*", "[/bold] `y`", "丙", "L1"]
    shown = replace_names(case, hostile)
    out = tmp_path / "out"
    monkeypatch.setenv("COLUMNS", "1000")
    code, text, err = run_cli(["run", str(case), "--out", str(out), *UNIFORM], monkeypatch, capsys)
    assert code == 0, err
    report = (out / "report.md").read_text(encoding="utf-8")
    tiers = report.split("## ")[2]
    assert tiers.startswith("Tiers of clusters")
    rows = [line for line in tiers.splitlines() if line.startswith("|")]
    assert len({markdown_cells(line) for line in rows}) == 1  # a pipe in a name adds no cell
    assert escape_markdown(shown[1]) in tiers  # Beta's new name, in tier 1
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and str(escape(shown[1])) in html
    assert shown[1] in text  # the terminal tier table, rich markup not applied
    tiers_csv = (out / "tiers.csv").read_text(encoding="utf-8").splitlines()
    assert tiers_csv[2] == f"2,1,{neutralise_text(shown[0])}"  # Alpha alone, formula neutralised
