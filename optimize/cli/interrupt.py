"""SIGINT and SIGTERM as an exception, so that a stopped command cleans up before it exits.

Python's default SIGTERM ends the process at once: no ``finally`` runs, a staging folder stays
behind and sweep workers run on. Raised as :class:`Interrupted` instead, the signal unwinds
the command (workers are stopped, staging folders removed) and ``main`` exits 128 + signal.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: The signals that stop a command.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A signal stopped the command.

    A ``BaseException`` like ``KeyboardInterrupt``: ``except Exception`` must not swallow it,
    and neither may the sweep engine's partial-result handling of ``KeyboardInterrupt``.

    Parameters
    ----------
    signum : int
        The signal received.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention for a process stopped by a signal: 128 + its number."""
        return 128 + self.signum


def _stop(signum: int, frame: FrameType | None) -> None:
    """Raise Interrupted once; ignore further signals so that the cleanup can finish."""
    for each in STOP_SIGNALS:
        signal.signal(each, signal.SIG_IGN)
    raise Interrupted(signum)


@contextmanager
def signals_raise() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise :class:`Interrupted` in the main thread.

    Outside the main thread (where handlers cannot be set) signals are left alone. The
    previous handlers are restored on leaving.
    """
    try:
        previous = {each: signal.signal(each, _stop) for each in STOP_SIGNALS}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for each, handler in previous.items():
            signal.signal(each, handler)
