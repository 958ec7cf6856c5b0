"""Words of the reports in English and Chinese (``--lang en|zh``), from the message catalogue.

The texts live in ``optimize/messages``: ``report.toml`` (headings, notes, facts, chart
labels), ``report_names.toml`` (statuses, regions, directions, verdicts, rule and method
names), ``report_columns.toml`` (table headings) and ``report_sheets.toml`` (sheet names of
``results.xlsx``). This module only looks them up.
"""

from __future__ import annotations

from optimize.case.case import Case
from optimize.messages import LANGS, Lang, catalogue, is_lang, say

__all__ = ["LANGS", "Lang", "is_lang"]


def _text(key: str, lang: Lang, /, **fields: object) -> str:
    """A heading, note or phrase of the reports in `lang`, its placeholders filled."""
    return say(f"report.{key}", lang, **fields)


def _known(key: str, lang: Lang) -> str | None:
    """The catalogue's text of `key` in `lang`, or None when it has none."""
    texts = catalogue().get(key)
    return None if texts is None else texts[lang]


def _name(kind: str, key: str, lang: Lang) -> str:
    """Display name of a `kind` of word (``status``, ``region``, ...); the key if unknown."""
    return _known(f"report_names.{kind}.{key}", lang) or key


def _word(key: str, lang: Lang) -> str:
    """A single word of the reports (``yes``, ``goal``; ``total`` from ``common``) in `lang`."""
    return _known(f"report_names.{key}", lang) or say(f"common.{key}", lang)


def _group_name(case: Case, key: str, lang: Lang) -> str:
    """Display name of a cluster type or instrument from the case's tables, or of a total.

    The key itself when neither names it.
    """
    return case.display_name(key, lang) or (_word("total", lang) if key == "total" else key)


def _column(heading: str, lang: Lang) -> str:
    """A table column heading in `lang` (English: the column name itself)."""
    return _known(f"report_columns.{heading}", lang) or heading


def _sheet(name: str, lang: Lang) -> str:
    """Sheet name of result table `name` in ``results.xlsx``, in `lang`."""
    return (_known(f"report_sheets.{name}", lang) or name)[:31]


def _case_title(case: Case, lang: Lang) -> str:
    """The case's title in `lang`: ``case.title_zh`` for Chinese when the case gives one."""
    chinese = str(case.meta.get("title_zh", "") or "")
    return chinese if lang == "zh" and chinese else case.title
