"""Shared fixtures: the tiny test case and the shipped case."""

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
TINY = TESTS / "cases" / "tiny"
#: A case with its own two cluster types and four instruments (none of the paper's).
MADE_UP = TESTS / "cases" / "made_up"


@pytest.fixture(scope="session")
def tiny_path() -> Path:
    return TINY


@pytest.fixture(scope="session")
def made_up_path() -> Path:
    return MADE_UP
