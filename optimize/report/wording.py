"""The lines under a report's title: the run's facts and which case fields are English only."""

from __future__ import annotations

import re

import pandas as pd

from optimize.appraisal.appraise import Appraisal
from optimize.case.case import Case
from optimize.model.allocation import Allocation
from optimize.report.labels import Lang, _name, _text
from optimize.report.tables import SOURCE_COLUMNS

#: An English word: three Latin letters in a row (ids such as ``C1.1`` or ``S061`` are not).
_ENGLISH = re.compile(r"[A-Za-z]{3,}")


def run_facts(
    case: Case, appraisal: Appraisal, allocation: Allocation, lang: Lang = "en"
) -> tuple[str, ...]:
    """One-line facts of the run in `lang`, each with its provenance."""
    rule = appraisal.priority_rule
    blend = _text("fact.blend", lang, weight=f"{appraisal.blend:g}") if rule == "blend" else ""
    budget = case.provenance.get("budget") or _text("provenance_not_stated", lang)
    return (
        _text("fact.case", lang, case=case.name),
        _text("fact.budget", lang, budget=f"{allocation.budget:g}", provenance=budget),
        _text(
            "fact.priority",
            lang,
            rule=_name("priority", rule, lang),
            blend=blend,
            normalization=_name("normalization", case.normalization, lang),
        ),
        _text(
            "fact.allocation",
            lang,
            status=_name("solve_status", str(allocation.status), lang),
            benefit=f"{allocation.objective:.4f}",
            spent=f"{allocation.spent:.2f}",
            budget=f"{allocation.budget:g}",
            seconds=f"{allocation.solve_seconds:.2f}",
        ),
    )


def _english(texts: pd.Series | list[str]) -> bool:
    """Whether any of `texts` holds an English word."""
    return any(_ENGLISH.search(str(text)) for text in texts)


def _untranslated(table: pd.DataFrame, chinese: str, english: str) -> bool:
    """Whether a row of `table` shows `english` text for want of a filled `chinese` column."""
    if chinese not in table.columns:
        return _english(table[english])
    missing = table[chinese].astype(str).str.strip() == ""
    return _english(table.loc[missing, english])


def english_only_fields(case: Case) -> list[str]:
    """Keys (``report.english_field.*``) of the case fields a Chinese report shows in English.

    A field counts when the case gives no Chinese text for it (``title_zh``, ``name_zh``,
    ``unit_zh``) and its English text holds an English word; the free texts that have no
    Chinese column (provenance, the sources table, the cities of existing platforms) count
    when they hold one.
    """
    criteria = case.criteria.table
    checks = {
        "title": not str(case.meta.get("title_zh", "") or "") and _english([case.title]),
        "cluster_names": _untranslated(case.clusters, "name_zh", "name_en"),
        "criterion_names": _untranslated(criteria, "name_zh", "name_en"),
        "units": _untranslated(criteria, "unit_zh", "unit"),
        "provenance": _english(list(case.provenance.values())),
        "sources": any(_english(case.sources[c]) for c in SOURCE_COLUMNS if c in case.sources),
        "stock_cities": not case.stock.empty and _english(case.stock["city"]),
        "stock_names": not case.stock.empty and _untranslated(case.stock, "name_zh", "name_en"),
    }
    return [key for key, english in checks.items() if english]


def english_only_note(case: Case, lang: Lang) -> str:
    """For a Chinese report, the one line naming the fields it shows in English, else ``""``."""
    fields = [] if lang == "en" else english_only_fields(case)
    if not fields:
        return ""
    names = _text("list_joiner", lang).join(_text(f"english_field.{f}", lang) for f in fields)
    return _text("notice.english_only", lang, fields=names)
