"""Load the message tables and look texts up by key and language."""

from __future__ import annotations

import os
import string
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Literal, TypeGuard, get_args

#: A language of the program's texts.
Lang = Literal["en", "zh"]
#: Every language, English first (the fallback of :func:`default_lang`).
LANGS: tuple[Lang, ...] = get_args(Lang)


class MessageKeyError(KeyError):
    """A key the catalogue does not hold (a programming error, never a planner's)."""


def is_lang(value: str) -> TypeGuard[Lang]:
    """Whether `value` names a language (one of :data:`LANGS`)."""
    return value in LANGS


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language the environment asks for: ``zh`` when the POSIX locale is Chinese.

    Parameters
    ----------
    environ : Mapping[str, str], optional
        The environment to read (``os.environ`` when omitted); ``LC_ALL``, then
        ``LC_MESSAGES``, then ``LANG``, as gettext reads them.

    Returns
    -------
    Lang
        ``"zh"`` for a locale starting ``zh`` (``zh_CN.UTF-8``), else ``"en"``.
    """
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _table_files() -> list[str]:
    """Names of the message tables shipped in this package, sorted."""
    root = resources.files(__package__)
    return sorted(item.name for item in root.iterdir() if item.name.endswith(".toml"))


@cache
def catalogue() -> Mapping[str, Mapping[Lang, str]]:
    """Every message: ``"<table>.<key>"`` -> {language: text}, read once.

    A table ``report.toml`` holding ``[title]`` with ``en`` and ``zh`` gives the key
    ``report.title``. Nested tables give dotted keys (``[notice.illustrative]`` ->
    ``report.notice.illustrative``).

    Returns
    -------
    Mapping[str, Mapping[Lang, str]]
        Read-only; keys sorted.
    """
    root = resources.files(__package__)
    messages: dict[str, Mapping[Lang, str]] = {}
    for name in _table_files():
        prefix = name.removesuffix(".toml")
        table = tomllib.loads(root.joinpath(name).read_text(encoding="utf-8"))
        _collect(prefix, table, messages)
    return MappingProxyType(dict(sorted(messages.items())))


def _collect(prefix: str, table: dict[str, object], into: dict[str, Mapping[Lang, str]]) -> None:
    """Flatten one TOML table into dotted keys; a leaf is a table with language keys."""
    if any(is_lang(key) for key in table):
        into[prefix] = MappingProxyType({lang: str(table[lang]) for lang in LANGS if lang in table})
        return
    for key, value in table.items():
        if isinstance(value, dict):
            _collect(f"{prefix}.{key}", value, into)


def placeholders(text: str) -> frozenset[str]:
    """The ``{field}`` names of a format string."""
    return frozenset(field for _, field, _, _ in string.Formatter().parse(text) if field)


def say(key: str, lang: Lang, /, **fields: object) -> str:
    """The text of `key` in `lang`, with its placeholders filled from `fields`.

    Parameters
    ----------
    key : str
        Dotted key, ``"<table>.<key>"``.
    lang : Lang
        ``"en"`` or ``"zh"``.
    **fields
        Values for the text's ``{placeholders}`` (formatted with ``str.format``).

    Returns
    -------
    str
        The filled text.

    Raises
    ------
    MessageKeyError
        When the catalogue lacks `key` or its text in `lang`.
    """
    try:
        text = catalogue()[key][lang]
    except KeyError as missing:
        raise MessageKeyError(f"no {lang} message {key!r}") from missing
    return text.format(**fields) if fields else text
