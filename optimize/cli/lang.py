"""The language of the command line: ``--lang`` when given, else the locale (``LANG=zh_CN.UTF-8``).

Typer fixes an option's help text when the command is defined, at import, before it parses
the command line. So the language is read from ``sys.argv`` and the environment directly:
once at import for the help texts (:data:`HELP_LANG`), and again by :func:`current_lang`
whenever a command prints (tests run many commands in one process). A ``--lang`` value that
names no language is left to the command, which refuses it in one line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import Annotated, Final

import typer

from optimize.errors import InputError, msg
from optimize.messages import LANGS, Lang, default_lang, is_lang, say

#: The option that chooses the language (every command takes it).
LANG_OPTION: Final = "--lang"


def argv_lang(argv: Sequence[str], environ: Mapping[str, str]) -> Lang:
    """The language a command line asks for: its ``--lang`` value, else the locale's.

    Parameters
    ----------
    argv : Sequence[str]
        The arguments after the program name.
    environ : Mapping[str, str]
        The environment (``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
    """
    for position, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == LANG_OPTION and position + 1 < len(argv):
            value = argv[position + 1]
        elif argument.startswith(f"{LANG_OPTION}="):
            value = argument.partition("=")[2]
        else:
            continue
        if is_lang(value):
            return value
        break
    return default_lang(environ)


def current_lang() -> Lang:
    """The language of the running command (see the module docstring)."""
    return argv_lang(sys.argv[1:], os.environ)


#: The language of the help texts, fixed when the commands are defined.
HELP_LANG: Final = current_lang()


def help_text(key: str, /, **fields: object) -> str:
    """The help text ``cli.help.<key>`` in :data:`HELP_LANG`, placeholders filled."""
    return say(f"cli.help.{key}", HELP_LANG, **fields)


def tell(key: str, /, **fields: object) -> str:
    """The text ``cli.<key>`` in the running command's language."""
    return say(f"cli.{key}", current_lang(), **fields)


def checked_lang(value: str | None) -> Lang:
    """The ``--lang`` value, refused unless a language; None: the locale's.

    Raises
    ------
    InputError
        Naming ``--lang`` and the languages there are.
    """
    if value is None:
        return default_lang(os.environ)
    if not is_lang(value):
        raise InputError(
            LANG_OPTION, msg("errors.option.lang", lang=value, some=LANGS[0], last=LANGS[-1])
        )
    return value


LangOption = Annotated[
    str | None, typer.Option(LANG_OPTION, help=help_text("lang"), show_default=False)
]


def localize_help_panels(lang: Lang) -> None:
    """Typer's own words in ``--help`` (panel titles, default and required markers) in `lang`.

    Typer reads them from module constants of :mod:`typer.rich_utils` when it draws a help
    page; English leaves them as Typer has them. Click's ``Usage:`` line and the help of
    ``--help`` itself stay English (Click ships no Chinese).
    """
    if lang == "en":
        return
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = say("cli.panel.arguments", lang)
    rich_utils.OPTIONS_PANEL_TITLE = say("cli.panel.options", lang)
    rich_utils.COMMANDS_PANEL_TITLE = say("cli.panel.commands", lang)
    rich_utils.DEFAULT_STRING = say("cli.panel.default", lang)
    rich_utils.REQUIRED_LONG_STRING = say("cli.panel.required", lang)
