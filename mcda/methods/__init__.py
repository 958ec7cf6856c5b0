"""Ranking methods behind one registry (see :mod:`mcda.methods.registry`)."""

from mcda.methods.registry import METHODS, Method, lookup, methods, scores_for_weights

__all__ = ["METHODS", "Method", "lookup", "methods", "scores_for_weights"]
