"""The workspace through Starlette's test client: views, live updates, sessions, files."""

import html
import io
import re
import tomllib

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from mcda.ahp import SOLE_EXPERT
from optimize.casefiles import load_case, load_scenarios
from optimize.messages import say
from optimize.workspace import COOKIE, EXPORTS, VIEWS, create_app, load
from tests.bad_workbooks.corpus import CORPUS, bad_workbook, good_workbook
from tests.optimize.workspace.conftest import snapshot


def browser(app, **options):
    """A client sending what the page's htmx requests send."""
    return TestClient(app, headers={"HX-Request": "true"}, **options)


@pytest.fixture
def app(tiny_folder):
    return create_app(load(tiny_folder), "en")


@pytest.fixture
def client(app):
    with browser(app) as c:
        c.get("/")
        yield c


def allocated(page: str) -> str:
    """The 'allocated' figure of the status bar."""
    return re.search(r'id="status-spent">([^<]*)<', page).group(1)


def message(page: str) -> str:
    found = re.search(r'id="message"[^>]*>(.*?)</p>', page, re.S)
    return html.unescape(found.group(1)) if found else ""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_view_renders_in_both_languages(tiny_folder, lang):
    with browser(create_app(load(tiny_folder), lang)) as c:
        page = c.get("/")
        assert page.status_code == 200
        assert say("workspace.title", lang) in page.text
        assert 'id="notice"' in page.text
        for view in VIEWS:
            assert c.get(f"/view/{view}").status_code == 200, view
        names = ("甲", "乙") if lang == "zh" else ("Alpha", "Beta")
        assert all(n in c.get("/view/allocation").text + c.get("/view/case").text for n in names)


def test_the_page_loads_nothing_from_the_network_and_names_no_server_path(client, tiny_folder):
    page = client.get("/").text
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert '<script src="/static/htmx.min.js">' in page
    assert client.get("/static/htmx.min.js").text.startswith("/* htmx 2.0.11")
    for view in VIEWS:
        assert str(tiny_folder.parent) not in client.get(f"/view/{view}").text


def test_moving_the_budget_changes_the_allocation(client):
    before = client.get("/view/allocation").text
    after = client.post("/budget", data={"budget": "2"}).text
    assert allocated(after) != allocated(before)
    assert float(allocated(after)) <= 2.0 + 1e-9
    assert 'id="allocation-table"' in after


def test_two_sessions_do_not_see_each_others_edits(app):
    with browser(app) as first, browser(app) as second:
        first.get("/"), second.get("/")
        assert first.cookies[COOKIE] != second.cookies[COOKIE]
        first.post("/budget", data={"budget": "2"})
        first.post("/rule", data={"rule": "type_share"})
        assert 'id="status-budget">2.00<' in first.get("/").text
        other = second.get("/").text
        assert 'id="status-budget">6.00<' in other
        assert 'id="rule-type_share" checked' in second.get("/view/allocation").text


@pytest.mark.parametrize(
    ("path", "data", "expected"),
    [
        ("/budget", {"budget": "lots"}, "field 'budget': 'lots' is not a number"),
        ("/budget", {"budget": "-1"}, "field 'budget'"),
        ("/priority", {"priority_rule": "random"}, "priority_rule"),
        ("/rule", {"rule": "<b>x</b>"}, "unknown rule '<b>x</b>'"),
        (
            "/judgment",
            {"node": "goal", "expert": SOLE_EXPERT, "row": "G1", "col": "G2", "value": "12"},
            "field 'goal G1/G2'",
        ),
        ("/lang", {"lang": "fr"}, "unknown language 'fr'"),
    ],
)
def test_bad_input_is_one_line_and_the_session_stays_usable(client, path, data, expected):
    response = client.post(path, data=data)
    assert response.status_code == 200
    assert response.headers["HX-Retarget"] == "#message"
    shown = message(response.text)
    assert expected in shown and "\n" not in shown and "Traceback" not in shown
    assert "<b>" not in response.text  # names are data: escaped
    after = client.post("/budget", data={"budget": "3"})
    assert 'id="status-budget">3.00<' in after.text and message(after.text) == ""


@pytest.mark.parametrize("defect", ["missing_sheet", "merged_cells", "text_budget", "unknown_rule"])
def test_a_bad_upload_shows_the_located_message(client, tmp_path, defect):
    book = bad_workbook(defect, tmp_path)
    response = client.post(
        "/upload", files={"workbook": ("tiny.xlsx", book.read_bytes(), "application/zip")}
    )
    shown = message(response.text)
    assert CORPUS[defect][1] in shown
    assert "clusterplan-upload" not in shown and str(tmp_path) not in shown
    assert client.get("/view/allocation").status_code == 200  # still the same case


def test_an_uploaded_workbook_opens_and_keeps_scenarios_in_the_session(client, tmp_path):
    book = good_workbook(tmp_path / "my case.xlsx")
    response = client.post("/upload", files={"workbook": ("my case.xlsx", book.read_bytes())})
    assert response.headers.get("HX-Refresh") == "true"
    page = client.get("/").text
    assert "my case.xlsx" in page and str(tmp_path) not in page
    client.post("/scenarios/save", data={"name": "half", "description": "x"})
    saved = tomllib.loads(client.get("/export/scenarios.toml").text)
    assert saved == {"half": {"description": "x"}}


def test_nothing_is_written_until_a_scenario_is_saved(client, tiny_folder):
    before = snapshot(tiny_folder)
    client.post("/budget", data={"budget": "4.5"})
    client.post("/priority", data={"priority_rule": "need", "blend": "0.5"})
    client.post(
        "/judgment",
        data={"node": "goal", "expert": SOLE_EXPERT, "row": "G1", "col": "G2", "value": "1/3"},
    )
    for name in EXPORTS:
        client.get(f"/export/{name}")
    assert snapshot(tiny_folder) == before
    page = client.post("/scenarios/save", data={"name": "lean", "description": "less money"})
    assert 'id="saved"' in page.text
    after = snapshot(tiny_folder)
    assert set(after) - set(before) == {"scenarios.toml"}
    assert {k: v for k, v in after.items() if k != "scenarios.toml"} == before
    (lean,) = load_scenarios(tiny_folder, load_case(tiny_folder))
    assert (lean.name, lean.budget, lean.priority_rule) == ("lean", 4.5, "need")
    assert lean.weights["G2"] == pytest.approx(0.75, abs=1e-5)
    again = client.post("/scenarios/save", data={"name": "lean"})
    assert "a scenario of that name exists" in message(again.text)


def test_saving_appends_and_keeps_the_file_s_comments(client, tiny_folder):
    (tiny_folder / "scenarios.toml").write_text("# mine\n[cut]\nbudget = 3.0\n", "utf-8")
    client.post("/rule", data={"rule": "no_duplicated_construction"})
    client.post("/scenarios/save", data={"name": "no dup", "description": ""})
    text = (tiny_folder / "scenarios.toml").read_text("utf-8")
    assert text.startswith("# mine\n[cut]\nbudget = 3.0\n")
    assert tomllib.loads(text)["no dup"]["drop_rules"] == ["no_duplicated_construction"]
    compared = client.post("/scenarios/compare").text
    assert 'id="comparison"' in compared and "no dup" in compared and "cut" in compared


def test_exports_are_the_current_settings(client, tmp_path):
    client.post("/budget", data={"budget": "5"})
    report = client.get("/export/report.html")
    assert report.headers["content-disposition"] == 'attachment; filename="tiny-report.html"'
    assert "Tiny test case" in report.text and "Alpha" in report.text
    assert "<h1" in report.text and "5" in client.get("/export/report.md").text
    results = load_workbook(io.BytesIO(client.get("/export/results.xlsx").content))
    assert len(results.sheetnames) > 2
    book = tmp_path / "case.xlsx"
    book.write_bytes(client.get("/export/case.xlsx").content)
    assert load_case(book).budget == 5.0
    assert client.get("/export/nothing").status_code == 404


def test_names_are_escaped(tmp_path, tiny_folder):
    clusters = tiny_folder / "clusters.csv"
    clusters.write_text(
        clusters.read_text("utf-8").replace("Alpha", "<script>alert(1)</script>"), "utf-8"
    )
    with browser(create_app(load(tiny_folder), "en")) as c:
        pages = c.get("/").text + c.get("/view/case").text + c.get("/view/ranking").text
    assert "<script>alert" not in pages and "&lt;script&gt;alert(1)&lt;/script&gt;" in pages


def test_the_frontier_runs_in_the_background_and_marks_the_budget(client):
    started = client.post("/job/start/frontier").text
    assert 'id="progress"' in started or 'hx-trigger="load"' in started
    for _ in range(600):
        view = client.get("/job/poll").text
        if 'id="frontier-chart"' in view:
            break
    assert 'id="frontier-chart"' in view and 'class="current-budget"' in view
    assert view.count("<circle") == 16


def test_marginal_values_load_after_the_allocation(client):
    table = client.get("/marginals").text
    assert 'id="marginal-table"' in table and "budget" in table


def test_the_chosen_method_s_ranks_sit_beside_the_tiers(client, tiny_folder):
    from optimize.appraisal import appraise, assess

    case = load_case(tiny_folder)
    vikor = assess(case, appraise(case).weights, ["vikor"], samples=0).rankings["vikor"]["rank"]
    page = client.post("/method", data={"method": "vikor"}).text
    assert "Rank (vikor)" in page
    rows = re.findall(
        r"<tr><td class=\"n\">\d+</td><td>([^<]+)</td><td class=\"n\">\d+</td>"
        r"\s*<td>.*?</td>\s*<td class=\"n\">(\d+)</td>",
        page,
        re.S,
    )
    names = {"Alpha": "a", "Beta": "b", "Gamma": "c", "Delta": "d"}
    assert {names[n]: int(r) for n, r in rows} == {k: int(v) for k, v in vikor.items()}
    assert "unknown method 'nope'" in message(client.post("/method", data={"method": "nope"}).text)


def test_more_smaa_samples_run_in_the_background_and_replace_the_tiers(client):
    assert "2000 joint draws" in client.get("/view/ranking").text
    started = client.post("/job/start/smaa", data={"samples": "5000"}).text
    assert 'id="smaa-progress"' in started or 'hx-trigger="load"' in started
    for _ in range(600):
        view = client.get("/job/poll").text
        if 'id="smaa-form"' in view:
            break
    assert "5000 joint draws" in view
    client.post("/budget", data={"budget": "4"})  # kept: the judgments did not change
    assert "5000 joint draws" in client.get("/view/ranking").text
    too_many = client.post("/job/start/smaa", data={"samples": "1000000"}).text
    assert "exceed the limit" in message(too_many)


def test_a_cancelled_job_leaves_no_result(client):
    client.post("/job/start/frontier")
    view = client.post("/job/cancel").text
    assert 'id="frontier-start"' in view and 'id="frontier-chart"' not in view


def test_an_edited_bound_reaches_the_case_workbook_but_not_a_scenario(client, tmp_path):
    page = client.post("/bound", data={"rule": "type_share", "key": "basic.max", "value": "0.2"})
    assert 'value="0.2" size="5" id="bound-type_share-basic-max"' in page.text
    bad = client.post("/bound", data={"rule": "type_share", "key": "basic.max", "value": "-1"})
    assert "case.toml, field 'rules.type_share.basic.max'" in message(bad.text)
    refused = client.post("/scenarios/save", data={"name": "tight"})
    assert "cannot hold edited rule numbers" in message(refused.text)
    book = tmp_path / "case.xlsx"
    book.write_bytes(client.get("/export/case.xlsx").content)
    assert load_case(book).rules.type_share["basic"].maximum == 0.2


def test_an_upload_above_the_limit_is_refused_before_it_is_read(client, tmp_path, monkeypatch):
    monkeypatch.setenv("CLUSTERPLAN_MAX_WORKBOOK_BYTES", "1000")
    book = good_workbook(tmp_path / "big.xlsx")
    response = client.post(
        "/upload", files={"workbook": ("../../elsewhere/big.xlsx", book.read_bytes())}
    )
    shown = message(response.text)
    assert shown.startswith("Not applied: big.xlsx: ")
    assert "exceed the limit of 1,000 (raise it with the environment variable " in shown
    assert "CLUSTERPLAN_MAX_WORKBOOK_BYTES" in shown


def test_a_typed_budget_beyond_the_slider_is_sent_as_typed(client):
    page = client.post("/budget", data={"budget": "20"}).text
    assert 'id="status-budget">20.00<' in page
    assert re.search(r'id="budget-slider" type="range" min="0" max="20(\.0)?"', page)
    assert 'id="budget-number" type="number" name="budget"' in page
    assert 'id="budget-slider" type="range" name=' not in page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_infeasible_budget_shows_the_smallest_relaxation(tiny_folder, lang):
    with browser(create_app(load(tiny_folder), lang)) as c:
        c.get("/")
        page = c.post("/budget", data={"budget": "1000"}).text
    assert 'id="infeasible"' in page and 'id="allocation-table"' not in page
    basic = "basic (min)" if lang == "en" else "基础产业 (min)"
    verb = "lower the bound from 100" if lang == "en" else "将下限从 100"
    assert re.search(r"<li>[^<]*\[" + re.escape(basic) + r"\][^<]*" + verb, page)


def test_changes_from_elsewhere_are_refused(app, tiny_folder):
    before = snapshot(tiny_folder)
    with TestClient(app) as other_site:  # a plain form post, without the page's header
        refused = other_site.post("/scenarios/save", data={"name": "injected"})
    assert refused.status_code == 403 and snapshot(tiny_folder) == before


def test_only_the_named_hosts_are_answered(tiny_folder):
    app = create_app(load(tiny_folder), "en", hosts=["127.0.0.1", "localhost"])
    with browser(app, base_url="http://127.0.0.1:8765") as own:
        assert own.get("/").status_code == 200
    with browser(app, base_url="http://rebound.example:8765") as rebound:
        assert rebound.get("/").status_code == 400


def test_the_language_switch_reloads_the_page_in_the_other_language(client):
    assert say("workspace.title", "en") in client.get("/").text
    switched = client.post("/lang", data={"lang": "zh"})
    assert switched.headers["HX-Refresh"] == "true"
    page = client.get("/").text
    assert say("workspace.title", "zh") in page and '<html lang="zh-CN">' in page
    assert "甲" in client.get("/view/case").text
