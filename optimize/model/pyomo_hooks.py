"""Pyomo without the import hook that loads scipy.stats, which no allocation uses.

Pyomo registers a post-import callback on ``scipy`` that imports ``scipy.stats`` (and more)
whenever anything imports scipy; the standard-form compiler imports ``scipy.sparse``, so every
solve paid about 0.3 s for a statistics package it never touches. Dropping the callback before
scipy is first imported leaves ``scipy.sparse`` as it is. The hook's internals are private to
Pyomo: if they change, this is a no-op, never an error.
"""

from __future__ import annotations

import sys

import pyomo.common.dependencies as dependencies

#: Modules whose Pyomo post-import callbacks are dropped.
SKIPPED_CALLBACKS = ("scipy",)


def skip_unused_import_callbacks() -> None:
    """Drop Pyomo's post-import callbacks of :data:`SKIPPED_CALLBACKS` not yet run."""
    finder = getattr(dependencies, "DeferredImportCallbackFinder", None)
    callbacks = getattr(finder, "_callbacks", None)
    if not isinstance(callbacks, dict):
        return
    for name in SKIPPED_CALLBACKS:
        if name in sys.modules:  # imported already: its callback has run
            continue
        for indicator in callbacks.get(name, []):
            if hasattr(indicator, "_callback"):
                indicator._callback = None


skip_unused_import_callbacks()
