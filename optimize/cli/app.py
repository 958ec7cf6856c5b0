"""The ``clusterplan`` command line: the one place where every command is registered."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from optimize.cli.allocate import allocate
from optimize.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_INFEASIBLE,
    EXIT_INTERNAL,
    STATE,
    errors,
)
from optimize.cli.convert import convert, new
from optimize.cli.interrupt import Interrupted, signals_raise
from optimize.cli.lang import (
    HELP_LANG,
    LangOption,
    checked_lang,
    current_lang,
    help_text,
    localize_help_panels,
    tell,
)
from optimize.cli.rank import rank_command
from optimize.cli.run import run, validate
from optimize.cli.serve import serve
from optimize.cli.sweep import sweep_app
from optimize.cli.usage import usage_text
from optimize.cli.weights import weights
from optimize.errors import InfeasibleError, InputError, error_line

localize_help_panels(HELP_LANG)
app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help=help_text("app"),
)


@app.callback()
def configure(
    debug: Annotated[bool, typer.Option("--debug", help=help_text("debug"))] = False,
    lang: LangOption = None,
) -> None:
    """Appraise cluster S&T support systems and allocate a budget across them."""
    STATE["debug"] = debug
    checked_lang(lang)


def _run_app() -> None:
    """Run the commands; a bad option or argument is one line on stderr and exit code 2.

    Typer's own error display (usage and a boxed message, five lines or more) is turned
    off by ``standalone_mode=False``, so its exceptions and exit codes are handled here.
    """
    try:
        code = app(standalone_mode=False)
    except typer.TyperException as exc:  # click's UsageError, BadParameter, NoSuchOption
        # A command group called bare has printed its help already (Typer checks this
        # class by name too: it is not public).
        if type(exc).__name__ != "NoArgsIsHelpError":
            ctx = getattr(exc, "ctx", None)
            hint = tell("see_help", command=ctx.command_path) if ctx is not None else ""
            message = usage_text(" ".join(exc.format_message().split()), current_lang())
            errors.print(
                tell("error", line=f"{message}{hint}"),
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
        sys.exit(exc.exit_code)
    except typer.Abort:
        errors.print(tell("aborted"), markup=False, highlight=False)
        sys.exit(1)
    if isinstance(code, int) and code:  # --help and interrupts end in Typer's Exit
        sys.exit(code)


def main() -> None:
    """Entry point: run the CLI; bad input, infeasibility or a signal end in one line.

    Exit codes: 2 bad input, 3 infeasible, 1 internal error, 128 + N after signal N (130 for
    SIGINT, 143 for SIGTERM).
    """
    # Imported here, not above: the command modules load only what their command needs, so
    # that ``import optimize.cli`` stays light.
    from mcda import MCDAError

    with signals_raise():
        try:
            _run_app()
        except Interrupted as stop:
            errors.print(tell("interrupted", signal=stop), markup=False, highlight=False)
            sys.exit(stop.exit_code)
        except (InputError, MCDAError) as exc:
            if STATE["debug"]:
                raise
            line = tell("error", line=error_line(exc, current_lang()))
            errors.print(line, markup=False, highlight=False, soft_wrap=True)
            sys.exit(EXIT_BAD_INPUT)
        except InfeasibleError as exc:
            errors.print(str(exc), markup=False, highlight=False, soft_wrap=True)
            sys.exit(EXIT_INFEASIBLE)
        except Exception as exc:  # last resort: one line, not a traceback
            if STATE["debug"]:
                raise
            errors.print(tell("internal_error", error=repr(exc)), markup=False, soft_wrap=True)
            sys.exit(EXIT_INTERNAL)


app.command(help=help_text("cmd.validate"))(validate)
app.command(help=help_text("cmd.run"))(run)
app.command("rank", help=help_text("cmd.rank"))(rank_command)
app.command(help=help_text("cmd.allocate"))(allocate)
app.command(help=help_text("cmd.weights"))(weights)
app.add_typer(sweep_app, name="sweep")
app.command(help=help_text("cmd.convert"))(convert)
app.command(help=help_text("cmd.new"))(new)
app.command(help=help_text("cmd.serve"))(serve)
