"""Shared fixtures: the tiny test case and the shipped case."""

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
TINY = TESTS / "cases" / "tiny"


@pytest.fixture(scope="session")
def tiny_path() -> Path:
    return TINY
