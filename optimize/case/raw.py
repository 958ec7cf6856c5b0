"""A case as its files hold it: settings and text tables, before any validation.

Both case forms (a folder of ``case.toml`` + CSV files, and one ``.xlsx`` workbook) are read
into this value first; :func:`optimize.case.assemble.assemble` then validates either into a
:class:`optimize.case.case.Case` along one path, and the converters write either form from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class RawCase:
    """Unvalidated settings and tables of a case.

    Attributes
    ----------
    name : str
        Default case name (the folder name or the workbook's stem).
    settings : mapping
        The parsed ``case.toml`` without its ``[tables]`` section (for a workbook: the
        settings rebuilt from its ``rules`` and ``budget`` sheets).
    tables : mapping of str to pandas.DataFrame
        Per table key (``clusters``, ``criteria``, ...): every cell as text, indexed by its
        spreadsheet row number (see :func:`optimize.case.text_table.table_from_rows`). ``sources``
        is absent when the case cites no facts.
    labels : mapping of str to str
        Per table key, the name used in error messages (file or sheet name).
    """

    name: str
    settings: Mapping[str, Any]
    tables: Mapping[str, pd.DataFrame]
    labels: Mapping[str, str]
