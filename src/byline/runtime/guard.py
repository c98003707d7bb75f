"""A per-document time limit and the one-line messages errors are reported with."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

MAX_MESSAGE = 300


class DocumentTimeout(Exception):
    """The document ran past its time limit."""


def _on_alarm(signum, frame):
    raise DocumentTimeout


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in this (main) thread after `seconds`; 0 means no limit.

    SIGALRM stops Python-level work; the supervising pool kills the process when a C call (a
    parser, a regex) overruns the limit anyway.
    """
    use_alarm = seconds > 0 and hasattr(signal, "setitimer")
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)


def one_line(message: str) -> str:
    """Error and warning texts go on one stderr line each, whatever the exception said."""
    message = " ".join(str(message).split())
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"
