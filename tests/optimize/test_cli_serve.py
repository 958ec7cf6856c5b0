"""``clusterplan serve``: options, the warning for an exposed host, bad input in one line."""

import pytest

from optimize.workspace import is_loopback
from tests.optimize.clirun import run_cli
from tests.optimize.workspace.conftest import TINY


@pytest.fixture
def served(monkeypatch):
    """Stand in for uvicorn.run: record what would be served instead of serving it."""
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: calls.append((app, options)))
    return calls


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_serves_the_case_on_loopback_by_default(served, monkeypatch, capsys):
    code, out, err = run_cli(["serve", str(TINY), "--lang", "en"], monkeypatch, capsys)
    assert (code, err) == (0, "")
    assert out == "workspace at http://127.0.0.1:8765/ (Ctrl-C stops it)\n"
    ((app, options),) = served
    assert options["host"] == "127.0.0.1" and options["port"] == 8765
    assert app.state.sessions.start.case.name == "tiny"
    assert any(m.cls.__name__ == "TrustedHostMiddleware" for m in app.user_middleware)


def test_an_exposed_host_is_served_with_a_warning(served, monkeypatch, capsys):
    code, out, err = run_cli(
        ["serve", str(TINY), "--host", "0.0.0.0", "--port", "9000", "--lang", "zh"],
        monkeypatch,
        capsys,
    )
    assert code == 0
    assert err.startswith("警告：正在监听 0.0.0.0") and len(err.splitlines()) == 1
    assert "http://0.0.0.0:9000/" in out and served[0][1]["port"] == 9000


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--lang", "fr"], "error: --lang: unknown language 'fr' (use en or zh)"),
        (["--port", "0"], "error: --port: 0 is not a port (1 to 65535)"),
        (["--port", "70000"], "error: --port: 70000 is not a port (1 to 65535)"),
    ],
)
def test_bad_options_are_one_line(served, monkeypatch, capsys, args, expected):
    code, _, err = run_cli(["serve", str(TINY), *args], monkeypatch, capsys)
    assert (code, err.strip()) == (2, expected)
    assert served == []


def test_a_bad_case_is_one_located_line(served, monkeypatch, capsys, tmp_path):
    broken = tmp_path / "case"
    broken.mkdir()
    (broken / "case.toml").write_text("[case]\nname = 1\n", "utf-8")
    code, _, err = run_cli(["serve", str(broken)], monkeypatch, capsys)
    assert code == 2 and err.startswith("error: case.toml") and len(err.splitlines()) == 1
    assert served == []


def test_a_taken_port_is_refused_before_serving(served, monkeypatch, capsys):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run_cli(["serve", str(TINY), "--port", str(port)], monkeypatch, capsys)
    expected = f"error: --port: port {port} of 127.0.0.1 is taken by another program"
    assert code == 2 and err.startswith(expected) and len(err.splitlines()) == 1
    assert served == []


def test_an_address_of_another_computer_is_refused_before_serving(served, monkeypatch, capsys):
    # 192.0.2.1 (TEST-NET-1, RFC 5737) is no address of this computer: bind fails, no lookup
    args = ["serve", str(TINY), "--host", "192.0.2.1", "--lang", "zh"]
    code, _, err = run_cli(args, monkeypatch, capsys)
    assert code == 2 and err.startswith("错误：--host：无法在 192.0.2.1 的 8765 端口上监听：")
    assert len(err.strip().splitlines()) == 1 and served == []
