"""``clusterplan serve``: the planner's workspace in the browser, on this computer."""

from __future__ import annotations

from typing import Annotated

import typer

from optimize.cli.common import CaseArg, case_path, console, errors
from optimize.cli.lang import LangOption, checked_lang, help_text
from optimize.errors import InputError, msg

#: Port of the workspace unless ``--port`` says otherwise.
DEFAULT_PORT = 8765


def listen_problem(host: str, port: int) -> InputError | None:
    """Why the workspace could not listen on `host`:`port`, naming the option at fault, or None.

    Checked by binding a socket and closing it at once, so that the command refuses in one
    line before the server starts, instead of the server's own log and exit status.
    """
    import errno
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as problem:
        if problem.errno == errno.EADDRINUSE:
            return InputError("--port", msg("errors.option.port_taken", host=host, port=port))
        reason = problem.strerror or type(problem).__name__
        why = msg("errors.option.cannot_listen", host=host, port=port, reason=reason)
        return InputError("--host", why)
    return None


def serve(
    case: CaseArg = None,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help=help_text("serve_host"),
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help=help_text("serve_port"))] = DEFAULT_PORT,
    lang: LangOption = None,
) -> None:
    """Open a case in the browser: change judgments, the budget or a rule, see the answer move.

    Ctrl-C stops it.
    """
    import uvicorn

    from optimize.case.values import checked_number
    from optimize.messages import say
    from optimize.workspace import create_app, is_loopback, load

    chosen = checked_lang(lang)
    try:
        checked_number(port, 1, 65535, whole=True)
    except ValueError:
        raise InputError("--port", msg("errors.option.port", port=port)) from None
    problem = listen_problem(host, port)
    if problem is not None:
        raise problem
    # On this computer only, the page answers only to this computer's names.
    hosts = ["127.0.0.1", "localhost", "[::1]", host] if is_loopback(host) else None
    app = create_app(load(case_path(case)), chosen, hosts=hosts)
    if not is_loopback(host):
        errors.print(say("workspace.cli_exposed", chosen, host=host), highlight=False)
    shown = f"[{host}]" if ":" in host else host
    console.print(
        say("workspace.cli_serving", chosen, url=f"http://{shown}:{port}/"),
        highlight=False,
        soft_wrap=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
