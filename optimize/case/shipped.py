"""Locate the cases shipped with the package (installed wheel or source checkout)."""

from __future__ import annotations

from pathlib import Path

DEFAULT_CASE = "miit2021"


def shipped_cases_folder() -> Path:
    """Folder holding the shipped cases.

    An installed wheel carries them as ``optimize/_cases``; in a source checkout (editable
    install) they are the repository's ``cases/`` folder.
    """
    package = Path(__file__).parents[1]
    packaged = package / "_cases"
    return packaged if packaged.is_dir() else package.parent / "cases"


def shipped_case(name: str = DEFAULT_CASE) -> Path:
    """Path of a shipped case folder by name."""
    return shipped_cases_folder() / name
