"""The ``clusterplan`` command line: the only layer that prints, exits and writes files."""

from optimize.cli.app import app, main

__all__ = ["app", "main"]
