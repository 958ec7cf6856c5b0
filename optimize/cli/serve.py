"""``clusterplan serve``: the planner's workspace in the browser, on this computer."""

from __future__ import annotations

from typing import Annotated

import typer

from optimize.cli.common import CaseArg, case_path, console, errors

#: Port of the workspace unless ``--port`` says otherwise.
DEFAULT_PORT = 8765


def serve(
    case: CaseArg = None,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. The default accepts this computer only; another "
            "address exposes the workspace (and the case) to the network.",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = DEFAULT_PORT,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of the page: en or zh (default: the locale's)."),
    ] = None,
) -> None:
    """Open a case in the browser: change judgments, the budget or a rule, see the answer move.

    Ctrl-C stops it.
    """
    import uvicorn

    from optimize.case.values import checked_number
    from optimize.errors import InputError
    from optimize.messages import LANGS, default_lang, is_lang, say
    from optimize.workspace import create_app, is_loopback, load

    chosen = default_lang() if lang is None else lang
    if not is_lang(chosen):
        raise InputError("--lang", f"unknown language {chosen!r} (use {' or '.join(LANGS)})")
    try:
        checked_number(port, 1, 65535, whole=True)
    except ValueError:
        raise InputError("--port", f"{port} is not a port (1 to 65535)") from None
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
