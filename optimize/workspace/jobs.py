"""Long work in a background thread, with progress and cancel.

A :class:`Job` runs a function that takes a ``report(done, total)`` callback; the callback
raises :class:`CancelledError` once the job is cancelled, so work stops at its next step. The
page polls :meth:`Job.progress` and reads :attr:`Job.result` when it is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

#: Reports progress: steps done, steps in all.
Report = Callable[[int, int], None]


class CancelledError(Exception):
    """Raised inside a job's work when the job was cancelled."""


class Job:
    """One piece of long work running in a daemon thread.

    Parameters
    ----------
    kind : str
        What it computes (``"frontier"``); the page shows its result in the matching view.
    work : callable
        ``work(report)`` returns the result; it calls ``report(done, total)`` between steps.
    """

    def __init__(self, kind: str, work: Callable[[Report], Any]) -> None:
        self.kind = kind
        self.done_steps, self.total_steps = 0, 1
        self.result: Any = None
        self.error: Exception | None = None
        self.finished = threading.Event()
        self.cancelled = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self.thread.start()

    def _run(self, work: Callable[[Report], Any]) -> None:
        try:
            self.result = work(self._report)
        except CancelledError:
            pass
        except Exception as exc:  # shown in the page as one line
            self.error = exc
        finally:
            self.finished.set()

    def _report(self, done: int, total: int) -> None:
        if self.cancelled.is_set():
            raise CancelledError
        self.done_steps, self.total_steps = done, max(total, 1)

    def cancel(self) -> None:
        """Ask the work to stop at its next step."""
        self.cancelled.set()

    @property
    def running(self) -> bool:
        """Whether the work is still going."""
        return not self.finished.is_set()

    @property
    def progress(self) -> float:
        """Share of the steps done [-], in [0, 1]."""
        return min(self.done_steps / self.total_steps, 1.0)
