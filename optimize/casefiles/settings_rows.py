"""The settings of ``case.toml`` as rows ``rule, key, field, value, provenance`` and back.

A workbook cannot hold nested TOML tables, so each setting becomes one row:
``[rules.type_share] basic = {min = 0.05}`` is the row ``type_share, basic, min, 0.05``.
Rows whose ``rule`` is a section name (``case``, ``appraisal``, ``benefit``, ``budget``,
``periods``) are that section; every other ``rule`` is a policy rule under ``[rules]``.
A rule's provenance text is repeated on each of its rows (a rule with no other setting gets
one row with an empty field).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from optimize.case.schema import RULES_SECTION, SECTIONS, TABLES_SECTION
from optimize.errors import InputError, msg

SETTING_COLUMNS: tuple[str, ...] = ("rule", "key", "field", "value", "provenance")
#: Sections of ``case.toml`` that are not policy rules.
SECTION_NAMES: tuple[str, ...] = tuple(
    name for name in SECTIONS if name not in (TABLES_SECTION, RULES_SECTION)
)
#: Sections a workbook shows on its ``budget`` sheet; the others go on ``rules``.
BUDGET_SECTIONS: tuple[str, ...] = ("budget", "periods")


@dataclass(frozen=True)
class _SettingRow:
    """One setting.

    Attributes
    ----------
    rule : str
        Section name, or the name of a policy rule under ``[rules]``.
    key : str
        Dotted path of sub-tables inside the rule (``"basic"``), empty for none.
    field : str
        The setting's own name (``"min"``), empty on a provenance-only row.
    value : Any
        A TOML value: text, number, bool or list.
    provenance : str
        Where the rule's numbers come from.
    sheet : str
        Sheet (or file) the row was read from, for messages.
    line : int
        Spreadsheet row number the row was read from, for messages.
    """

    rule: str
    key: str
    field: str
    value: Any
    provenance: str
    sheet: str = ""
    line: int = 0

    @property
    def path(self) -> str:
        """The dotted ``case.toml`` key of the setting (``rules.type_share.basic.min``)."""
        parts = [self.rule] if self.rule in SECTION_NAMES else [RULES_SECTION, self.rule]
        parts += [p for p in (self.key, self.field) if p]
        return ".".join(parts)


def _setting_rows(settings: Mapping[str, Any]) -> list[_SettingRow]:
    """Flatten parsed ``case.toml`` settings (without ``[tables]``) into rows."""
    rows: list[_SettingRow] = []
    for section, body in settings.items():
        groups = body.items() if section == RULES_SECTION else [(section, body)]
        for rule, table in groups:
            rows += _rule_rows(str(rule), table)
    return rows


def _rule_rows(rule: str, table: Mapping[str, Any]) -> list[_SettingRow]:
    """The rows of one section or rule."""
    provenance = str(table.get("provenance", ""))
    leaves = list(_leaf_items(table))
    if not leaves:
        return [_SettingRow(rule, "", "", "", provenance)]
    return [
        _SettingRow(rule, ".".join(path[:-1]), path[-1], value, provenance)
        for path, value in leaves
    ]


def _leaf_items(
    table: Mapping[str, Any], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(path, value) of every non-table value below `table`, the rule's provenance aside."""
    for name, value in table.items():
        if not prefix and name == "provenance":
            continue
        if isinstance(value, dict):
            yield from _leaf_items(value, (*prefix, name))
        else:
            yield (*prefix, name), value


def _settings_from_rows(rows: Sequence[_SettingRow]) -> dict[str, Any]:
    """Rebuild the nested settings from rows.

    Raises
    ------
    InputError
        Naming the sheet, row and column of an empty rule name, a value without a field,
        a setting given twice or as both a value and a table, or a provenance that differs
        between rows of one rule.
    """
    doc: dict[str, Any] = {}
    for row in rows:
        if not row.rule:
            raise InputError(row.sheet, msg("errors.file.empty_rule_name"), row.line, "rule")
        table = _rule_table(doc, row.rule)
        if row.provenance:
            given = table.setdefault("provenance", row.provenance)
            if given != row.provenance:
                raise InputError(
                    row.sheet,
                    msg("errors.file.provenance_differs", rule=row.rule),
                    row.line,
                    "provenance",
                )
        if not row.field:
            if row.key or row.value != "":
                raise InputError(
                    row.sheet, msg("errors.file.field_name_missing"), row.line, "field"
                )
            continue
        target = table
        for part in row.key.split(".") if row.key else []:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                raise InputError(
                    row.sheet, msg("errors.file.already_a_value", part=part), row.line, "key"
                )
        if row.field in target:
            raise InputError(
                row.sheet, msg("errors.file.given_twice", path=row.path), row.line, "field"
            )
        target[row.field] = row.value
    return doc


def _rule_table(doc: dict[str, Any], rule: str) -> dict[str, Any]:
    """The (new or existing) table of `rule` inside `doc`."""
    parent = doc if rule in SECTION_NAMES else doc.setdefault(RULES_SECTION, {})
    table: dict[str, Any] = parent.setdefault(rule, {})
    return table
