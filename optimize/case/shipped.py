"""Locate the cases shipped with the package (installed wheel or source checkout)."""

from __future__ import annotations

from pathlib import Path

DEFAULT_CASE = "miit2021"
#: The method demo: 25 pseudonymised clusters (Cluster A to Y) with a full matrix of template
#: values, for examples and tests that need every cell a point; never a verdict on real clusters.
DEMO_CASE = "demo_templated"


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


def shipped_case_folders() -> tuple[Path, ...]:
    """Every shipped case folder (one holding a ``case.toml``), sorted by name."""
    folder = shipped_cases_folder()
    return tuple(sorted(path for path in folder.iterdir() if (path / "case.toml").is_file()))


def demo_case() -> Path:
    """Path of the shipped method-demo case (pseudonymised clusters, template values)."""
    return shipped_case(DEMO_CASE)
