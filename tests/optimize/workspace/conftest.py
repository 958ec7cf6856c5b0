import shutil
from pathlib import Path

import pytest

from optimize.case import shipped_case

TINY = Path(__file__).resolve().parents[2] / "cases" / "tiny"


@pytest.fixture
def tiny_folder(tmp_path: Path) -> Path:
    """A copy of the tiny test case, so that a saved scenario lands in a scratch folder."""
    return Path(shutil.copytree(TINY, tmp_path / "tiny"))


@pytest.fixture
def shipped_folder(tmp_path: Path) -> Path:
    """A copy of the shipped case (the one the workspace opens by default)."""
    return Path(shutil.copytree(shipped_case(), tmp_path / "miit2021"))


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under `folder` with its modification time and content."""
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
