"""Errors raised for bad decision-analysis input."""


class MCDAError(ValueError):
    """Base class of input errors raised by :mod:`mcda`."""


class JudgmentError(MCDAError):
    """A pairwise-comparison matrix is malformed; the message names the cells."""


class MatrixError(MCDAError):
    """A decision matrix, weight vector or direction vector is malformed."""
