"""Refuse keys of ``case.toml`` that no reader knows, and values of the wrong shape.

The known keys are those of :data:`optimize.case.schema.SETTINGS` (the case-file reference):
a misspelt key inside a section, a rule or a share table would otherwise be dropped without a
word, turning a rule off. A key whose settings lie below it must hold a table; a setting must
hold a value, not a table; a text setting (a name, a table path, a provenance) not a list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from optimize.case.limits import check_limit
from optimize.case.schema import SETTINGS
from optimize.case.settings import CASE_FILE
from optimize.errors import InputError, msg

#: Dotted patterns of the known keys, split; ``<x>`` stands for any one name.
_PATTERNS: tuple[tuple[str, ...], ...] = tuple(tuple(s.key.split(".")) for s in SETTINGS)
#: Patterns of the settings that hold text (names, titles, table paths, provenance).
_TEXT: frozenset[tuple[str, ...]] = frozenset(
    tuple(s.key.split(".")) for s in SETTINGS if s.kind == "string"
)
#: Patterns whose last part holds anything (``case.<key>``: free metadata).
_OPEN: frozenset[tuple[str, ...]] = frozenset(
    tuple(s.key.split(".")) for s in SETTINGS if s.kind == "any"
)


def check_keys(doc: Mapping[str, Any], file: str = CASE_FILE) -> None:
    """Refuse unknown keys, tables where values go and values where tables go.

    Parameters
    ----------
    doc : mapping
        The parsed settings (sections not yet checked are skipped: see
        :func:`optimize.case.assemble.check_sections`).
    file : str
        File named in messages.

    Raises
    ------
    InputError
        Naming the dotted key and, for an unknown one, the keys known at its place.
    """
    check_limit("settings_depth", depth(doc), msg("errors.noun.levels"), file)
    _check_table(doc, (), file)


def depth(value: Any) -> int:
    """Nesting depth of tables and lists in a TOML value (a scalar has depth 0)."""
    deepest, level, stack = 0, 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack += [(v, level + 1) for v in item.values()]
        elif isinstance(item, list):
            stack += [(v, level + 1) for v in item]
    return deepest


def _check_table(table: Mapping[str, Any], path: tuple[str, ...], file: str) -> None:
    for key, value in table.items():
        here = (*path, str(key))
        matching = _matching(here)
        if not matching:
            unknown = (
                "errors.setting.unknown_rule"
                if path == ("rules",)
                else "errors.setting.unknown_key"
            )
            raise InputError(file, msg(unknown, known=_known_at(path)), field=_dot(here))
        if any(p in _OPEN for p in matching if len(p) == len(here)):
            continue
        leaf = any(len(p) == len(here) for p in matching)
        inner = any(len(p) > len(here) for p in matching)
        if isinstance(value, dict):
            if not inner:
                raise InputError(file, msg("errors.setting.not_value"), field=_dot(here))
            _check_table(value, here, file)
        elif not leaf:
            raise InputError(file, msg("errors.setting.not_table"), field=_dot(here))
        elif isinstance(value, list) and any(p in _TEXT for p in matching):
            # read with str(), a list would become its Python spelling without a word
            raise InputError(file, msg("errors.setting.not_text"), field=_dot(here))


def _matching(path: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Patterns that `path` starts; a literal name wins over a placeholder."""
    found = [p for p in _PATTERNS if len(p) >= len(path) and _fits(path, p)]
    literal = [p for p in found if p[len(path) - 1] == path[-1]]
    return literal or found


def _fits(path: Sequence[str], pattern: Sequence[str]) -> bool:
    return all(w.startswith("<") or w == part for part, w in zip(path, pattern, strict=False))


def _known_at(path: tuple[str, ...]) -> str:
    """Names a key below `path` may have, placeholders last."""
    names = {p[len(path)] for p in _PATTERNS if len(p) > len(path) and _fits(path, p)}
    return ", ".join(sorted(names, key=lambda n: (n.startswith("<"), n)))


def _dot(path: tuple[str, ...]) -> str:
    return ".".join(path)
