"""The ``clusterplan`` command line: the only layer that prints, exits and writes files."""

from optimize.cli.app import app, main
from optimize.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_INFEASIBLE,
    EXIT_INTERNAL,
    STATE,
    console,
    errors,
)
from optimize.cli.lang import argv_lang
from optimize.cli.output import check_target
from optimize.cli.weights import RI_TABLE_NAMES

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_INFEASIBLE",
    "EXIT_INTERNAL",
    "RI_TABLE_NAMES",
    "STATE",
    "app",
    "argv_lang",
    "check_target",
    "console",
    "errors",
    "main",
]
